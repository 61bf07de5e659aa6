// A forecast worker thread: runs one future at a time, off the rooms' event loop.
import { parentPort } from 'node:worker_threads';
import { prepareChange, runFuture, withoutDice } from '../../shared/forecast/forecast';
import type { SimState } from '../../shared/sim';
import type { ForecastJob, JobResult, WorkerReply, WorkerRequest } from './jobs';

function compute(job: ForecastJob): JobResult {
  const started = performance.now();
  const state = JSON.parse(job.state) as SimState;
  if (job.kind === 'base') {
    const series = runFuture(withoutDice(state), job.ticks);
    return { series, created: [], refused: [], busyMs: performance.now() - started };
  }
  const start = withoutDice(state);
  const prepared = prepareChange(start, job.change, job.asker);
  const series = runFuture(start, job.ticks, prepared.entries);
  return { series, created: prepared.created, refused: prepared.refused, busyMs: performance.now() - started };
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
