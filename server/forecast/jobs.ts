// What the forecast workers are asked and answer (both sides of the thread boundary import it).
import type { Command } from '../../shared/sim';
import type { ForecastRefusal, ForecastSeries } from '../../shared/protocol/forecast';
import type { Asker } from '../../shared/forecast/forecast';

/**
 * One future to compute. The state travels as JSON text: the room serialises it once for both
 * futures (a string crosses to a thread as a plain copy), and JSON is how the sim copies states anyway.
 */
export type ForecastJob =
  { kind: 'base'; state: string; ticks: number } | { kind: 'changed'; state: string; ticks: number; change: Command[]; asker: Asker };

export interface JobResult {
  series: ForecastSeries;
  /** For a changed future: what its buys created and what it refused. */
  created: string[];
  refused: ForecastRefusal[];
  /** Milliseconds the worker spent on it. */
  busyMs: number;
}

export type WorkerRequest = { jobId: number; job: ForecastJob };
export type WorkerReply = { jobId: number; ok: true; result: JobResult } | { jobId: number; ok: false; error: string };
