// Who sits where. Each player (known by the anonymous profile id their browser keeps) has one seat
// per room with a team and a role, kept when they drop or leave so that they come back to the
// same place. The profile id is not enough to take a seat back: when a seat is made, the room
// issues a seat token, a secret sent to that client only, and only its hash is kept. Coming back
// takes the profile id and the token together; a connection that does so while the seat is still
// connected takes it over (the room tells the first connection why it was closed).
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { JoinOptions, JoinReason, Mode, Role } from '../../shared/protocol/messages';
import { MATCH_TEAM_SIZE, type Placement } from '../../shared/protocol/roomActions';

/** How many seats a room gives out; seats are kept for returning players, so these are totals. */
export interface SeatLimits {
  /** Every seat of a room: players, instructor and spectators. */
  perRoom: number;
  /** Participants per workshop team (a match team is always MATCH_TEAM_SIZE). */
  perWorkshopTeam: number;
  /** Spectators per room. */
  spectators: number;
}

/** A workshop of 60 participants in 4 teams, its instructor and a projector or two fit with room to spare. */
export const DEFAULT_SEAT_LIMITS: SeatLimits = { perRoom: 100, perWorkshopTeam: 20, spectators: 20 };

export interface Seat {
  /** Public id, used as the key in the wire state and in the command log. */
  seatId: string;
  /** The profile id the browser keeps: private, never sent to other clients or stored in replays. */
  playerId: string;
  /** SHA-256 of the seat token, hex; '' for a seat saved before seats had tokens. */
  tokenHash: string;
  name: string;
  team: string | null;
  role: Role;
  /** The client now in the seat, or null while away. */
  sessionId: string | null;
  /** Highest command sequence number accepted from this seat (−1: none yet). */
  lastSeq: number;
  /** A match's lobby: the player said they are ready (cleared when they change team). */
  ready?: boolean;
}

/** Who may take a new seat, beside the limits: a workshop's instructor decides these. */
export interface SeatPolicy {
  /** Participants choose their team (else the room places them). */
  placement: Placement;
  /** No new seats; players with a seat still come back. */
  locked: boolean;
  /** Profile ids the instructor removed: they never sit again in this room. */
  removed: ReadonlySet<string>;
}

export interface SeatTaken {
  seat: Seat;
  rejoined: boolean;
  /** Idle seats given up to make room for this one (see reclaimIdle): to be taken off the wire. */
  evicted?: Seat[];
  /** A new seat token for this client to keep (null: it already holds it). */
  token: string | null;
  /** The session that held the seat until now, if one did: it is to be told and closed. */
  replaced: string | null;
}

export type SeatResult = SeatTaken | { refused: JoinReason };

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

export class Seats {
  private readonly byPlayer = new Map<string, Seat>();
  private teams: string[];
  /** Read on every new seat; the room replaces it when the instructor changes the rules. */
  policy: SeatPolicy = { placement: 'auto', locked: false, removed: new Set() };

  constructor(
    readonly mode: Mode,
    teamIds: readonly string[],
    private readonly limits: SeatLimits = DEFAULT_SEAT_LIMITS,
  ) {
    this.teams = [...teamIds];
  }

  get teamIds(): readonly string[] {
    return this.teams;
  }

  /** A match's teams as its host set them in the lobby (a team that goes must be empty). */
  setTeams(teamIds: readonly string[]): void {
    this.teams = [...teamIds];
  }

  /** Whether this profile has a seat here (a returning player, not a newcomer). */
  knows(playerId: string): boolean {
    return this.byPlayer.has(playerId);
  }

  /** Participants: seats that play for a team (not the instructor, not spectators). */
  participants(): Seat[] {
    return this.all().filter((seat) => seat.team !== null);
  }

  /** How many players a team may have: 4 in a match, the workshop's limit in a workshop. */
  get teamCapacity(): number {
    return this.mode === 'workshop' ? this.limits.perWorkshopTeam : MATCH_TEAM_SIZE;
  }

  /**
   * Puts a participant on `team` (a lobby switch, the instructor's move): refused when the team is
   * unknown or full. The captain of each team is then its longest-seated member.
   */
  moveTo(seat: Seat, team: string): 'no-such-team' | 'team-full' | null {
    if (!this.teams.includes(team)) return 'no-such-team';
    if (seat.team === team) return null;
    if (this.members(team).length >= this.teamCapacity) return 'team-full';
    // A team keeps its captain: someone arriving is a player (a captain only of an empty team).
    seat.role = this.members(team).length === 0 ? 'captain' : 'player';
    seat.team = team;
    seat.ready = false;
    this.appointCaptains();
    return null;
  }

  /**
   * Deals every participant over the teams again, evenly, in the order `shuffled` gives back
   * (the room passes a random permutation). Returns the seats whose team changed.
   */
  deal(shuffled: (seats: Seat[]) => Seat[]): Seat[] {
    const before = new Map(this.participants().map((seat) => [seat, seat.team]));
    shuffled(this.participants()).forEach((seat, i) => {
      seat.team = this.teams[i % this.teams.length] as string;
    });
    this.appointCaptains();
    return [...before].filter(([seat, team]) => seat.team !== team).map(([seat]) => seat);
  }

  /** Takes a participant out for good: the seat goes and its profile cannot sit here again. */
  remove(seat: Seat): void {
    this.byPlayer.delete(seat.playerId);
    this.appointCaptains();
  }

  /**
   * One captain per team: a team that has one keeps it (the first, if a deal brought two); a team
   * left without one gets its longest-seated member.
   */
  private appointCaptains(): void {
    for (const team of this.teams) {
      const members = this.members(team);
      const captain = members.find((seat) => seat.role === 'captain') ?? members[0];
      for (const seat of members) seat.role = seat === captain ? 'captain' : 'player';
    }
  }

  all(): Seat[] {
    return [...this.byPlayer.values()];
  }

  /** Whether anyone is in the room now (a seat with a connection). */
  anyPresent(): boolean {
    return this.all().some((seat) => seat.sessionId !== null);
  }

  bySession(sessionId: string): Seat | undefined {
    for (const seat of this.byPlayer.values()) if (seat.sessionId === sessionId) return seat;
    return undefined;
  }

  bySeatId(seatId: string): Seat | undefined {
    for (const seat of this.byPlayer.values()) if (seat.seatId === seatId) return seat;
    return undefined;
  }

  /** Players (not instructors or spectators) on `team`, longest-seated first. */
  members(team: string): Seat[] {
    return this.all().filter((seat) => seat.team === team);
  }

  /**
   * Finds or assigns the seat of a joining player. A known player gets their old seat back with
   * its token; without it the seat stays where it is. The creator of a workshop is its
   * instructor; a solo room has one player; match players pick a team (or are put on the smallest
   * one); workshop participants are placed by the room; spectators watch matches and workshops.
   * `isCreator` says whether this join is the one the room's creation reserved.
   */
  take(options: JoinOptions, sessionId: string, isCreator: boolean): SeatResult {
    const known = this.byPlayer.get(options.playerId);
    if (known !== undefined) {
      const legacy = known.tokenHash === '';
      if (!legacy && (options.seatToken === undefined || !sameHash(hashToken(options.seatToken), known.tokenHash))) {
        return { refused: 'seat-taken' };
      }
      const replaced = known.sessionId;
      known.sessionId = sessionId;
      if (options.name !== undefined) known.name = options.name;
      const token = legacy ? this.issueToken(known) : null;
      return { seat: known, rejoined: true, token, replaced };
    }
    if (this.policy.removed.has(options.playerId)) return { refused: 'removed' };
    // Coming back to a game the player has no seat in (its code now belongs to another room).
    if (options.resume === true) return { refused: 'no-seat' };
    if (this.policy.locked && !isCreator) return { refused: 'room-locked' };
    const evicted: Seat[] = [];
    if (this.byPlayer.size >= this.limits.perRoom) {
      const idle = this.reclaimIdle(null);
      if (idle === null) return { refused: 'room-full' };
      evicted.push(idle);
    }
    let placed = this.place(options, isCreator);
    // A full workshop makes room by giving up a seat nobody uses (see reclaimIdle), then places again.
    if ('refused' in placed && placed.refused === 'room-full' && this.mode === 'workshop' && options.role !== 'spectator') {
      const idle = this.reclaimIdle('participant');
      if (idle !== null) {
        evicted.push(idle);
        placed = this.place(options, isCreator);
      }
    }
    if ('refused' in placed) return placed;
    const seat: Seat = {
      seatId: randomBytes(6).toString('base64url'),
      playerId: options.playerId,
      tokenHash: '',
      name: options.name ?? `Player ${this.byPlayer.size + 1}`,
      team: placed.team,
      role: placed.role,
      sessionId,
      lastSeq: -1,
      ready: false,
    };
    const token = this.issueToken(seat);
    this.byPlayer.set(seat.playerId, seat);
    return { seat, rejoined: false, token, replaced: null, evicted };
  }

  /** Takes back a seat just made, when the room could not keep it (the store refused the room). */
  release(seat: Seat): void {
    if (this.byPlayer.get(seat.playerId) === seat) this.byPlayer.delete(seat.playerId);
  }

  /** Restores a seat from a snapshot (after a restart): its player rejoins into it. */
  restore(saved: Omit<Seat, 'sessionId' | 'tokenHash'> & { tokenHash?: string }): Seat {
    const seat: Seat = { ...saved, tokenHash: saved.tokenHash ?? '', sessionId: null };
    this.byPlayer.set(seat.playerId, seat);
    return seat;
  }

  private issueToken(seat: Seat): string {
    const token = randomBytes(24).toString('base64url');
    seat.tokenHash = hashToken(token);
    return token;
  }

  private place(options: JoinOptions, isCreator: boolean): { team: string | null; role: Role } | { refused: JoinReason } {
    const wants = options.role ?? 'player';
    if (this.mode === 'solo') {
      if (this.byPlayer.size > 0) return { refused: 'room-full' };
      if (wants !== 'player') return { refused: 'role-not-available' };
      return { team: this.teamIds[0] as string, role: 'captain' };
    }
    if (this.mode === 'workshop' && isCreator) return { team: null, role: 'instructor' };
    if (wants === 'instructor') return { refused: 'role-not-available' };
    if (wants === 'spectator') {
      if (this.all().filter((seat) => seat.role === 'spectator').length >= this.limits.spectators) return { refused: 'room-full' };
      return { team: null, role: 'spectator' };
    }
    // Unless the instructor lets participants choose, the room places them: one person with a
    // second id could otherwise join a rival team to sabotage it. It spreads them evenly.
    if (this.mode === 'workshop' && this.policy.placement === 'auto' && options.team !== undefined) {
      return { refused: 'team-chosen-by-room' };
    }
    if (options.team !== undefined) {
      if (!this.teams.includes(options.team)) return { refused: 'no-such-team' };
      if (this.members(options.team).length >= this.teamCapacity) return { refused: 'team-full' };
      return { team: options.team, role: this.members(options.team).length === 0 ? 'captain' : 'player' };
    }
    return this.smallestTeam(this.teamCapacity);
  }

  /**
   * The smallest team while it has room; among equals one at random, so that someone joining under
   * a second id cannot tell which team they will land on.
   */
  private smallestTeam(capacity: number): { team: string; role: Role } | { refused: JoinReason } {
    const fewest = Math.min(...this.teams.map((team) => this.members(team).length));
    const smallest = this.teams.filter((team) => this.members(team).length === fewest);
    const team = smallest[smallest.length > 1 ? randomInt(smallest.length) : 0];
    if (team === undefined || fewest >= capacity) return { refused: 'room-full' };
    return { team, role: fewest === 0 ? 'captain' : 'player' };
  }

  /**
   * Gives up the longest-held seat that nobody uses: away now, and never sent an order. Seats are
   * kept for people who come back, so without this, ids that join and leave at once would fill a
   * session until real participants are refused. `participant`: a seat on a team only.
   */
  private reclaimIdle(kind: 'participant' | null): Seat | null {
    const idle = this.all().find(
      (seat) => seat.sessionId === null && seat.lastSeq < 0 && seat.role !== 'instructor' && (kind === null || seat.team !== null),
    );
    if (idle === undefined) return null;
    this.byPlayer.delete(idle.playerId);
    this.appointCaptains();
    return idle;
  }
}
