/**
 * What a match's lobby shows, read from the game model: who sits on which team (captain first),
 * this player's own seat, whether the host may start and if not why, which team counts the host
 * may choose. Pure functions of the model, so the lobby's rules are tested without a browser.
 * The server checks every one of these again (team-full, not-ready, team-has-players): the lobby
 * only says beforehand what the room would refuse.
 */
import { MATCH_TEAMS, MIN_MATCH_TEAMS } from '../../../shared/protocol/roomActions';
import type { PublicMatch } from '../../net/api';
import type { GameModel, SeatModel } from '../../state/model';

/** The seat this client sits in. Read from the seats, not the welcome: a team switch changes it. */
export function mySeat(game: Pick<GameModel, 'me' | 'seats'>): SeatModel | null {
  return game.seats.find((seat) => seat.seatId === game.me.seatId) ?? null;
}

const playing = (seat: SeatModel) => seat.team !== null && seat.role !== 'spectator';

/** Each team's players, in team order: its captain first, then in the order they sat down. */
export function teamRosters(game: Pick<GameModel, 'teamIds' | 'seats'>): Array<{ team: string; players: SeatModel[] }> {
  return game.teamIds.map((team) => {
    const players = game.seats.filter((seat) => playing(seat) && seat.team === team);
    return { team, players: [...players.filter((s) => s.role === 'captain'), ...players.filter((s) => s.role !== 'captain')] };
  });
}

/** Seats on no team: spectators (and anyone between teams). */
export function watchers(game: Pick<GameModel, 'seats'>): SeatModel[] {
  return game.seats.filter((seat) => !playing(seat));
}

export type StartBlocker =
  { reason: 'not-host'; host: string | null } | { reason: 'empty-team'; team: string } | { reason: 'not-ready'; names: string[] };

/**
 * Why the match cannot start yet, as the server's `not-ready` check sees it (every team has a
 * player, every player is ready), or null when it can; for anyone but the host, who starts it.
 */
export function startBlocker(game: Pick<GameModel, 'me' | 'seats' | 'teamIds' | 'host'>): StartBlocker | null {
  if (game.host === null || game.host !== game.me.seatId) {
    const host = game.seats.find((seat) => seat.seatId === game.host)?.name ?? null;
    return { reason: 'not-host', host };
  }
  const empty = teamRosters(game).find((roster) => roster.players.length === 0);
  if (empty !== undefined) return { reason: 'empty-team', team: empty.team };
  const waiting = game.seats.filter((seat) => playing(seat) && !seat.ready).map((seat) => seat.name);
  if (waiting.length > 0) return { reason: 'not-ready', names: waiting };
  return null;
}

/** Whether the host may set this many teams: the teams that would go must have no players. */
export function teamCountAllowed(game: Pick<GameModel, 'teamIds' | 'seats'>, count: number): boolean {
  if (count < MIN_MATCH_TEAMS || count > MATCH_TEAMS.length) return false;
  const going = new Set(game.teamIds.slice(count));
  return !game.seats.some((seat) => playing(seat) && seat.team !== null && going.has(seat.team));
}

/** The team counts a host can pick from: 2 to 4. */
export const TEAM_COUNTS: readonly number[] = Array.from(
  { length: MATCH_TEAMS.length - MIN_MATCH_TEAMS + 1 },
  (_, i) => MIN_MATCH_TEAMS + i,
);

/** Names for a sentence: the first few, then how many more ("Ana, Bo, Cy +2"). */
export function someNames(names: readonly string[], shown = 3): string {
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head} +${names.length - shown}` : head;
}

/** The public list as shown: joinable matches first (most players first: they start soonest), full ones last. */
export function orderMatches(matches: readonly PublicMatch[]): PublicMatch[] {
  return [...matches].sort(
    (a, b) => Number(a.players >= a.capacity) - Number(b.players >= b.capacity) || b.players - a.players || a.code.localeCompare(b.code),
  );
}
