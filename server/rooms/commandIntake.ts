// The room's door for commands: parse (zod, safeParse), rate-limit, check the sender's seat and
// team, check the command against the team's simulation, drop duplicates, write it to the log,
// then acknowledge. Entries wait here until the tick they were stamped with. Nothing a client
// sends can throw past this class: every refusal is a reason code the client translates.
import { commandMessageSchema, MAX_MESSAGE_CHARS, MAX_SEQUENCE_AHEAD, type ErrorReason } from '../../shared/protocol/messages';
import { formatZodError } from '../../shared/protocol/zodErrors';
import type { Command, CommandEntry } from '../../shared/sim';
import type { GameStore } from '../store/types';
import type { Seat } from './seats';
import type { TeamSims } from './teamSims';
import { TokenBucket } from './tokenBucket';

export type IntakeResult =
  | { kind: 'accepted'; entry: CommandEntry }
  | { kind: 'duplicate'; seq: number; tick: number }
  | { kind: 'refused'; reason: ErrorReason; seq: number | null; detail: string };

export interface IntakeOptions {
  roomId: string;
  store: GameStore;
  rate: number;
  burst: number;
  /** Whether commands are taken now (the game is running). */
  running: () => boolean;
}

/** Size of a decoded message as JSON text; unserialisable input counts as too big. */
export function jsonSize(message: unknown): number {
  try {
    return JSON.stringify(message ?? null).length;
  } catch {
    return Infinity;
  }
}

export class CommandIntake {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly pending: CommandEntry[] = [];
  /**
   * Stamping a command with the current tick, writing it to the log and queueing it must not
   * interleave with a tick: if a tick ran while the write was on its way, the log would hold a
   * command for a tick that never saw it. Both run through this one chain.
   */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly sims: TeamSims,
    private readonly options: IntakeOptions,
  ) {}

  /** One token per message of any kind, per client session. */
  allow(sessionId: string, now: number): boolean {
    let bucket = this.buckets.get(sessionId);
    if (bucket === undefined) {
      bucket = new TokenBucket(this.options.rate, this.options.burst, now);
      this.buckets.set(sessionId, bucket);
    }
    return bucket.take(now);
  }

  forget(sessionId: string): void {
    this.buckets.delete(sessionId);
  }

  async receive(seat: Seat | undefined, message: unknown): Promise<IntakeResult> {
    const seqOf = (m: unknown): number | null => {
      const seq = (m as { seq?: unknown } | null)?.seq;
      return typeof seq === 'number' && Number.isInteger(seq) ? seq : null;
    };
    if (jsonSize(message) > MAX_MESSAGE_CHARS) return { kind: 'refused', reason: 'oversize', seq: null, detail: 'message too large' };
    const parsed = commandMessageSchema.safeParse(message);
    if (!parsed.success) return { kind: 'refused', reason: 'malformed', seq: seqOf(message), detail: formatZodError(parsed.error) };
    const { seq, command, team } = parsed.data;
    if (seat === undefined) return { kind: 'refused', reason: 'not-allowed', seq, detail: 'no seat' };
    if (seat.team === null || (seat.role !== 'player' && seat.role !== 'captain')) {
      return { kind: 'refused', reason: 'not-allowed', seq, detail: `a ${seat.role} does not command a team` };
    }
    if (team !== undefined && team !== seat.team)
      return { kind: 'refused', reason: 'not-your-team', seq, detail: `seat is on ${seat.team}` };
    if (!this.options.running()) return { kind: 'refused', reason: 'not-running', seq, detail: 'the game is not running' };
    if (seq <= seat.lastSeq) return { kind: 'duplicate', seq, tick: this.sims.tick };
    if (seq > seat.lastSeq + MAX_SEQUENCE_AHEAD) {
      return { kind: 'refused', reason: 'out-of-sequence', seq, detail: `next sequence number is ${seat.lastSeq + 1}` };
    }
    // The highest sequence is taken before the write, so a resend racing the write is a duplicate.
    const previousSeq = seat.lastSeq;
    seat.lastSeq = seq;
    const seatTeam = seat.team;
    return this.exclusive(async (): Promise<IntakeResult> => {
      const tick = this.sims.tick;
      const reason = this.sims.check(seatTeam, command);
      if (reason !== null) {
        seat.lastSeq = previousSeq;
        return { kind: 'refused', reason, seq, detail: 'refused by the simulation' };
      }
      // The log names the seat by its public id: logs go into replays anyone can fetch.
      const entry: CommandEntry = { tick, team: seatTeam, player: seat.seatId, seq, command };
      try {
        if ((await this.options.store.appendCommand(this.options.roomId, entry)) === 'duplicate') return { kind: 'duplicate', seq, tick };
      } catch (error) {
        seat.lastSeq = previousSeq;
        return { kind: 'refused', reason: 'storage-failed', seq, detail: String(error) };
      }
      this.pending.push(entry);
      return { kind: 'accepted', entry };
    });
  }

  /**
   * Logs a command the room itself gives for an instructor (an injected incident) into `team`'s
   * simulation, numbered after the instructor seat's last one; checked against the team's state
   * like a player's. Returns the entry, or why it was refused.
   */
  instruct(seat: Seat, team: string, command: Command): Promise<CommandEntry | { refused: ErrorReason; detail: string }> {
    return this.exclusive(async () => {
      if (!this.options.running()) return { refused: 'not-running' as const, detail: 'the game is not running' };
      const reason = this.sims.check(team, command);
      if (reason !== null) return { refused: reason, detail: `refused by ${team}'s simulation` };
      const entry: CommandEntry = { tick: this.sims.tick, team, player: seat.seatId, seq: seat.lastSeq + 1, command };
      try {
        await this.options.store.appendCommand(this.options.roomId, entry);
      } catch (error) {
        return { refused: 'storage-failed' as const, detail: String(error) };
      }
      seat.lastSeq = entry.seq;
      this.pending.push(entry);
      return entry;
    });
  }

  /** Runs `work` after everything queued before it, and before anything queued after it. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work, work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * The logged entries stamped for `tick`, removed from the queue. Entries for an earlier tick
   * (impossible while ticks and intake share the chain) are returned apart, to be reported.
   */
  takeDue(tick: number): { due: CommandEntry[]; stale: CommandEntry[] } {
    const due: CommandEntry[] = [];
    const stale: CommandEntry[] = [];
    for (let i = 0; i < this.pending.length;) {
      const entry = this.pending[i] as CommandEntry;
      if (entry.tick <= tick) {
        (entry.tick === tick ? due : stale).push(entry);
        this.pending.splice(i, 1);
      } else i++;
    }
    return { due, stale };
  }
}
