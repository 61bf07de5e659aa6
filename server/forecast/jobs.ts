// What the forecast workers are asked and answer (both sides of the thread boundary import it).
import type { Command } from '../../shared/sim';
import type { ForecastRefusal } from '../../shared/protocol/forecast';
import type { Asker, FutureRun } from '../../shared/forecast/forecast';

/**
 * One future to compute. The state travels as JSON text: the room serialises it once for both
 * futures (a string crosses to a thread as a plain copy), and JSON is how the sim copies states
 * anyway. A `base` job (the future as things stand) also continues an earlier base future from its
 * end state, which it hands back for that.
 */
export type ForecastJob =
  { kind: 'base'; state: string; ticks: number } | { kind: 'changed'; state: string; ticks: number; change: Command[]; asker: Asker };

export interface JobResult {
  run: FutureRun;
  /** A base future's state at its last tick (JSON), to continue it later; null at game over or for a changed future. */
  endState: string | null;
  /** For a changed future: what its buys created and what it refused. */
  created: string[];
  refused: ForecastRefusal[];
  /** Milliseconds the worker spent on it. */
  busyMs: number;
}

export type WorkerRequest = { jobId: number; job: ForecastJob };
export type WorkerReply = { jobId: number; ok: true; result: JobResult } | { jobId: number; ok: false; error: string };
