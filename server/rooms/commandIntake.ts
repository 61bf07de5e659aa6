// The room's door for commands: parse (zod, safeParse), rate-limit, check the sender's seat and
// team, check the command against the team's simulation, drop duplicates, write it to the log,
// then acknowledge. Entries wait here until the tick they were stamped with. Nothing a client
// sends can throw past this class: every refusal is a reason code the client translates.
import { commandMessageSchema, MAX_MESSAGE_CHARS, type ErrorReason } from '../../shared/protocol/messages';
import type { CommandEntry } from '../../shared/sim';
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
  private readonly inflight = new Set<Promise<unknown>>();

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
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { kind: 'refused', reason: 'malformed', seq: seqOf(message), detail: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}` };
    }
    const { seq, command, team } = parsed.data;
    if (seat === undefined) return { kind: 'refused', reason: 'not-allowed', seq, detail: 'no seat' };
    if (seat.team === null || (seat.role !== 'player' && seat.role !== 'captain')) {
      return { kind: 'refused', reason: 'not-allowed', seq, detail: `a ${seat.role} does not command a team` };
    }
    if (team !== undefined && team !== seat.team) return { kind: 'refused', reason: 'not-your-team', seq, detail: `seat is on ${seat.team}` };
    if (!this.options.running()) return { kind: 'refused', reason: 'not-running', seq, detail: 'the game is not running' };
    const tick = this.sims.tick;
    if (seq <= seat.lastSeq) return { kind: 'duplicate', seq, tick };
    const reason = this.sims.check(seat.team, command);
    if (reason !== null) return { kind: 'refused', reason, seq, detail: 'refused by the simulation' };

    const entry: CommandEntry = { tick, team: seat.team, player: seat.playerId, seq, command };
    // The highest sequence is taken before the write, so a resend racing the write is a duplicate.
    const previousSeq = seat.lastSeq;
    seat.lastSeq = seq;
    const write = this.options.store.appendCommand(this.options.roomId, entry);
    this.inflight.add(write);
    try {
      const stored = await write;
      if (stored === 'duplicate') return { kind: 'duplicate', seq, tick };
    } catch (error) {
      seat.lastSeq = previousSeq;
      return { kind: 'refused', reason: 'storage-failed', seq, detail: String(error) };
    } finally {
      this.inflight.delete(write);
    }
    this.pending.push(entry);
    return { kind: 'accepted', entry };
  }

  /** Waits for writes still on their way to the store: a tick applies only logged commands. */
  async settle(): Promise<void> {
    if (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** The logged entries stamped for `tick`, removed from the queue. */
  takeDue(tick: number): CommandEntry[] {
    const due: CommandEntry[] = [];
    for (let i = 0; i < this.pending.length; ) {
      const entry = this.pending[i] as CommandEntry;
      if (entry.tick <= tick) {
        // An entry stamped for a tick that already ran cannot happen (ticks wait for writes);
        // restamping would break the log, so it is applied at the tick it names only.
        if (entry.tick === tick) due.push(entry);
        this.pending.splice(i, 1);
      } else i++;
    }
    return due;
  }
}
