/**
 * The scoreboard's lines worth showing: in a workshop, a team nobody was placed on plays on its
 * own (every team's simulation runs) but is no rival, so it is left off; a match has no empty team.
 */
import type { GameModel } from '../../state/model';

export function playedLines(game: Pick<GameModel, 'mode' | 'scoreboard' | 'seats'>): GameModel['scoreboard'] {
  if (game.mode !== 'workshop') return game.scoreboard;
  return game.scoreboard.filter((line) => game.seats.some((seat) => seat.team === line.team));
}
