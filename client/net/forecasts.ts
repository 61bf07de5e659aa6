/**
 * The game client's waiting rooms: the one "what if" forecast waited for (the newest question
 * wins: one still waiting is answered `superseded`, and its late answer is ignored), and callers
 * waiting for what the simulation did with a command (for a buy, the id it created).
 */
import type { ErrorReason } from '../../shared/protocol/messages';
import { FORECAST_MESSAGE, type ForecastAnswer, type ForecastRequest } from '../../shared/protocol/forecast';

/** How long a forecast may take before the player is told no answer came (a 10-hour one takes a second or two). */
const FORECAST_TIMEOUT_MS = 20_000;

/** Why a "what if" got no forecast: the room's reason, no answer in time, or no connection. */
export type ForecastFailure = ErrorReason | 'no-answer' | 'offline';

/** What became of a "what if": its answer, a refusal, or a newer question asked in its place. */
export type ForecastReply =
  { kind: 'answer'; answer: ForecastAnswer } | { kind: 'failed'; reason: ForecastFailure } | { kind: 'superseded' };

/** What the simulation did with a command, as `sendAndWait` reports it. */
export interface CommandOutcome {
  ok: boolean;
  reason: ErrorReason | null;
  createdId: string | null;
}

export class ForecastWaiter {
  private nextId = 1;
  private pending: { id: number; settle: (reply: ForecastReply) => void; timer: ReturnType<typeof setTimeout> } | null = null;

  /** Sends a question through `send` (null: no connection) and resolves with what became of it. */
  ask(
    send: ((type: string, message: ForecastRequest) => void) | null,
    ticks: number,
    change: ForecastRequest['change'],
  ): Promise<ForecastReply> {
    this.settle({ kind: 'superseded' });
    if (send === null) return Promise.resolve({ kind: 'failed', reason: 'offline' });
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle({ kind: 'failed', reason: 'no-answer' }, id), FORECAST_TIMEOUT_MS);
      this.pending = { id, settle: resolve, timer };
      send(FORECAST_MESSAGE, { id, ticks, change });
    });
  }

  /** Answers the forecast waited for (only if it is `id`, when given). */
  settle(reply: ForecastReply, id?: number): void {
    const pending = this.pending;
    if (pending === null || (id !== undefined && pending.id !== id)) return;
    this.pending = null;
    clearTimeout(pending.timer);
    pending.settle(reply);
  }
}

export class OutcomeWaiters {
  private readonly waiting = new Map<number, (outcome: CommandOutcome | null) => void>();

  /** Resolves when the command numbered `seq` has an outcome (null if the game is left first). */
  wait(seq: number): Promise<CommandOutcome | null> {
    return new Promise((resolve) => this.waiting.set(seq, resolve));
  }

  settle(seq: number, outcome: CommandOutcome | null): void {
    const waiting = this.waiting.get(seq);
    if (waiting === undefined) return;
    this.waiting.delete(seq);
    waiting(outcome);
  }

  /** Every caller still waiting hears null (the game was left). */
  forgetAll(): void {
    for (const seq of [...this.waiting.keys()]) this.settle(seq, null);
  }
}
