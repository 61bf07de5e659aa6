// Who sits where: each player (known by the anonymous id their browser keeps) has one seat with a
// team and a role, kept when they drop or leave so that they come back to the same place.
import { randomBytes } from 'node:crypto';
import type { JoinOptions, Mode, Role } from '../../shared/protocol/messages';

/** Players per team in a match (GAME.md: teams of 1–4). */
export const MATCH_TEAM_SIZE = 4;

export interface Seat {
  /** Public id, used as the key in the wire state (the player id stays private). */
  seatId: string;
  playerId: string;
  name: string;
  team: string | null;
  role: Role;
  /** The client now in the seat, or null while away. */
  sessionId: string | null;
  /** Highest command sequence number accepted from this player (−1: none yet). */
  lastSeq: number;
}

export type SeatResult = { seat: Seat; rejoined: boolean } | { refused: string };

export class Seats {
  private readonly byPlayer = new Map<string, Seat>();

  constructor(
    readonly mode: Mode,
    readonly teamIds: readonly string[],
  ) {}

  all(): Seat[] {
    return [...this.byPlayer.values()];
  }

  bySession(sessionId: string): Seat | undefined {
    for (const seat of this.byPlayer.values()) if (seat.sessionId === sessionId) return seat;
    return undefined;
  }

  byPlayerId(playerId: string): Seat | undefined {
    return this.byPlayer.get(playerId);
  }

  /** Players (not instructors or spectators) on `team`. */
  members(team: string): Seat[] {
    return this.all().filter((seat) => seat.team === team);
  }

  /**
   * Finds or assigns the seat of a joining player. A known player gets their old seat back. The
   * creator of a workshop is its instructor; a solo room has one player; match players pick a team
   * (or are put on the smallest one) and may watch as spectators.
   */
  take(options: JoinOptions, sessionId: string, isCreator: boolean): SeatResult {
    const known = this.byPlayer.get(options.playerId);
    if (known !== undefined) {
      known.sessionId = sessionId;
      if (options.name !== undefined) known.name = options.name;
      return { seat: known, rejoined: true };
    }
    const placed = this.place(options, isCreator);
    if ('refused' in placed) return placed;
    const seat: Seat = {
      seatId: randomBytes(6).toString('base64url'),
      playerId: options.playerId,
      name: options.name ?? `Player ${this.byPlayer.size + 1}`,
      team: placed.team,
      role: placed.role,
      sessionId,
      lastSeq: -1,
    };
    this.byPlayer.set(seat.playerId, seat);
    return { seat, rejoined: false };
  }

  /** Restores a seat from the log's point of view (after a restart): players rejoin into it. */
  restore(saved: Omit<Seat, 'sessionId'>): Seat {
    const seat: Seat = { ...saved, sessionId: null };
    this.byPlayer.set(seat.playerId, seat);
    return seat;
  }

  private place(options: JoinOptions, isCreator: boolean): { team: string | null; role: Role } | { refused: string } {
    const wants = options.role ?? 'player';
    if (this.mode === 'solo') {
      if (this.byPlayer.size > 0) return { refused: 'a solo game has one player' };
      if (wants !== 'player') return { refused: 'a solo game has no instructor or spectators' };
      return { team: this.teamIds[0] as string, role: 'captain' };
    }
    if (this.mode === 'workshop' && isCreator) return { team: null, role: 'instructor' };
    if (wants === 'instructor') return { refused: 'only the creator of a workshop is its instructor' };
    if (wants === 'spectator') {
      if (this.mode !== 'match') return { refused: 'only matches have spectators' };
      return { team: null, role: 'spectator' };
    }
    const capacity = this.mode === 'match' ? MATCH_TEAM_SIZE : Infinity;
    let team: string | undefined;
    if (options.team !== undefined) {
      if (!this.teamIds.includes(options.team)) return { refused: `there is no team ${options.team}` };
      if (this.members(options.team).length >= capacity) return { refused: `team ${options.team} is full` };
      team = options.team;
    } else {
      // The smallest team, the first of equals: participants spread evenly as they arrive.
      team = [...this.teamIds].sort((a, b) => this.members(a).length - this.members(b).length)[0];
      if (team === undefined || this.members(team).length >= capacity) return { refused: 'every team is full' };
    }
    return { team, role: this.members(team).length === 0 ? 'captain' : 'player' };
  }
}
