// A forecast worker thread: runs one future at a time, off the rooms' event loop.
import { parentPort } from 'node:worker_threads';
import { prepareChange, runSamples, takeDiceOut } from '../../shared/forecast/forecast';
import type { SimState } from '../../shared/sim';
import type { ForecastJob, JobResult, WorkerReply, WorkerRequest } from './jobs';

/** One job, as a worker thread runs it (exported for tests, which run it in place). */
export function compute(job: ForecastJob): JobResult {
  const started = performance.now();
  // Parsing is the copy (taking the dice out again is harmless: a base future's end state has none left).
  const start = takeDiceOut(JSON.parse(job.state) as SimState);
  if (job.kind === 'base') {
    const run = runSamples(start, job.ticks);
    const endState = start.gameOver === null ? JSON.stringify(start) : null;
    return { run, endState, created: [], refused: [], busyMs: performance.now() - started };
  }
  const prepared = prepareChange(start, job.change, job.asker, JSON.parse(job.state) as SimState);
  const run = runSamples(start, job.ticks, prepared.entries);
  return { run, endState: null, created: prepared.created, refused: prepared.refused, busyMs: performance.now() - started };
}

parentPort?.on('message', ({ jobId, job }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { jobId, ok: true, result: compute(job) };
  } catch (error) {
    reply = { jobId, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
