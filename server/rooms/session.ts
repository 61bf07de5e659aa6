// What a room's host or instructor has decided beside the clock: the join code now in use (a
// workshop's instructor may change it), whether the room takes newcomers, how participants get a
// team, whether the clock waits for an absent instructor, the teams' names, the hints broadcast
// and the profiles removed. It is kept in every snapshot, so a restart keeps it.
import type { Hint, Placement } from '../../shared/protocol/roomActions';
import { HINTS_KEPT } from '../../shared/protocol/roomActions';
import type { SeatPolicy } from './seats';

export interface SentHint extends Hint {
  tick: number;
}

/** The session as a snapshot stores it. */
export interface SessionSnapshot {
  code: string;
  locked: boolean;
  placement: Placement;
  pauseOnDrop: boolean;
  teamNames: Record<string, string>;
  hints: SentHint[];
  removed: string[];
  /** Names of removed seats, by seat id (absent in older snapshots). */
  formerSeats?: Record<string, string>;
  /** The host's seat id (absent in older snapshots: the creator's seat). */
  host?: string | null;
}

export class RoomSession implements SeatPolicy {
  code: string;
  locked = false;
  placement: Placement;
  pauseOnDrop: boolean;
  readonly teamNames = new Map<string, string>();
  readonly hints: SentHint[] = [];
  readonly removed = new Set<string>();
  /** Names of the seats removed, by seat id: the command log and the result still name them. */
  readonly formerSeats: Record<string, string> = {};
  /**
   * The seat that runs the room: the creator's at first (a workshop's instructor always); a match's
   * host who leaves its lobby hands it to the longest-seated player. Null until the creator sits.
   */
  host: string | null = null;
  /**
   * Connections that lost their seat while away (moved to another team, removed), by session id:
   * if the client reconnects with the SDK's token, it is told so rather than "taken over".
   * Not kept in snapshots (a restart drops every connection anyway).
   */
  readonly departed = new Map<string, 'moved' | 'removed'>();

  constructor(
    /** The room's id: the code it was created with, which stays its id whatever code it uses. */
    readonly roomId: string,
    settings: { placement?: Placement; pauseOnDrop?: boolean },
    saved: SessionSnapshot | null = null,
  ) {
    this.code = saved?.code ?? roomId;
    this.placement = saved?.placement ?? settings.placement ?? 'auto';
    this.pauseOnDrop = saved?.pauseOnDrop ?? settings.pauseOnDrop ?? true;
    if (saved !== null) {
      this.locked = saved.locked;
      for (const [team, name] of Object.entries(saved.teamNames)) this.teamNames.set(team, name);
      this.hints.push(...saved.hints);
      for (const id of saved.removed) this.removed.add(id);
      Object.assign(this.formerSeats, saved.formerSeats ?? {});
      this.host = saved.host ?? null;
    }
  }

  /** Whether a newcomer who typed `code` (or none: joined by the room's id) may come in. */
  admits(code: string | undefined): boolean {
    return (code ?? this.roomId) === this.code;
  }

  addHint(hint: SentHint): void {
    this.hints.push(hint);
    if (this.hints.length > HINTS_KEPT) this.hints.splice(0, this.hints.length - HINTS_KEPT);
  }

  snapshot(): SessionSnapshot {
    return {
      code: this.code,
      locked: this.locked,
      placement: this.placement,
      pauseOnDrop: this.pauseOnDrop,
      teamNames: Object.fromEntries(this.teamNames),
      hints: [...this.hints],
      removed: [...this.removed],
      formerSeats: { ...this.formerSeats },
      host: this.host,
    };
  }
}
