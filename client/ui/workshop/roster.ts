/**
 * Who is in a workshop, read from the room's seats: the participants (everyone but the instructor
 * and spectators), each team's members, and a team's name as the room shows it (the name the
 * instructor gave it, else its default name in the reader's language). Pure, for the tests.
 */
import type { GameModel, SeatModel } from '../../state/model';
import { teamLabel } from '../teams';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Seats of people playing: not the instructor, not spectators. */
export function participants(seats: readonly SeatModel[]): SeatModel[] {
  return seats.filter((seat) => seat.role === 'player' || seat.role === 'captain');
}

/** The participants of one team (null: those without a team yet), connected ones first, then by name. */
export function membersOf(seats: readonly SeatModel[], team: string | null): SeatModel[] {
  return participants(seats)
    .filter((seat) => seat.team === team)
    .sort((a, b) => Number(b.connected) - Number(a.connected) || a.name.localeCompare(b.name));
}

/** The team's own name if the instructor gave it one, else its default name (Team 3, 3팀). */
export function roomTeamName(t: Translate, game: Pick<GameModel, 'teamNames'>, team: string): string {
  return teamLabel(t, team, game.teamNames);
}

/** How many participants there are, and how many are connected now. */
export function headCount(seats: readonly SeatModel[]): { total: number; connected: number } {
  const people = participants(seats);
  return { total: people.length, connected: people.filter((seat) => seat.connected).length };
}
