// Worker threads that compute forecasts, so that a forecast never runs on the event loop that
// ticks every room. The pool is small (a forecast is CPU work: more threads than cores only slows
// everything, the rooms' ticks included) and its queue is short: past it a forecast is refused as
// busy at once rather than answered late. Threads start on the first forecast; one that dies is
// replaced on the next.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { loadPreset } from '../../shared/scenarios';
import { createSim } from '../../shared/sim';
import type { Logger } from '../logger';
import type { ForecastJob, JobResult, WorkerReply } from './jobs';

export interface PoolOptions {
  /** Worker threads (default: one per core beyond the first, at least one, at most two). */
  threads?: number;
  /** Jobs waiting for a thread beyond which new ones are refused. */
  maxQueued?: number;
}

/**
 * Two threads on two cores: a forecast's two futures (as things stand, and with the change) run
 * side by side, while the rooms' ticks, a few milliseconds at a time, still find a core.
 */
function defaultThreads(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

interface Waiting {
  job: ForecastJob;
  resolve: (result: JobResult) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  current: (Waiting & { jobId: number; deadline: ReturnType<typeof setTimeout> }) | null;
}

/**
 * The longest a job may run: a 600-tick forecast of a few hundred components takes well under a
 * second, so a job past this is stuck or far too big, and its thread is stopped (and replaced).
 */
const JOB_DEADLINE_MS = 10_000;

const WORKER_URL = new URL('./worker.ts', import.meta.url);

export class ForecastPool {
  private readonly threads: Thread[] = [];
  private readonly queue: Waiting[] = [];
  private readonly size: number;
  private readonly maxQueued: number;
  private nextJobId = 1;
  private closed = false;

  constructor(
    private readonly logger: Logger,
    options: PoolOptions = {},
  ) {
    this.size = options.threads ?? defaultThreads();
    this.maxQueued = options.maxQueued ?? 4 * this.size;
  }

  /** Whether `jobs` more would be taken now (the queue has room for them). */
  canTake(jobs: number): boolean {
    return !this.closed && this.queue.length + jobs <= this.maxQueued;
  }

  /** Runs `job` on a thread; null (at once) when the queue is full. */
  run(job: ForecastJob): Promise<JobResult> | null {
    if (this.closed || this.queue.length >= this.maxQueued) return null;
    return new Promise<JobResult>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Starts every thread now rather than on the first forecast, and has each run a practice future
   * (the sandbox from its start, twice): a thread loads the simulation's code and then compiles its
   * hot paths on its first futures, a second or two the first askers would otherwise wait.
   */
  warm(): void {
    const practice = JSON.stringify(createSim(loadPreset('sandbox'), 1));
    let threads = 0;
    while (this.spawn() !== null) threads += 1;
    for (let i = 0; i < threads * 2; i++) void this.run({ kind: 'base', state: practice, ticks: 600 })?.catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.queue.splice(0)) waiting.reject(new Error('the forecast pool closed'));
    await Promise.all(this.threads.splice(0).map((thread) => thread.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = this.threads.find((thread) => thread.current === null) ?? this.spawn();
      if (idle === null) return;
      const waiting = this.queue.shift()!;
      const jobId = this.nextJobId++;
      const deadline = setTimeout(() => void idle.worker.terminate(), JOB_DEADLINE_MS);
      idle.current = { ...waiting, jobId, deadline };
      idle.worker.postMessage({ jobId, job: waiting.job });
    }
  }

  /** A new thread when there is room for one; null when every thread is busy. */
  private spawn(): Thread | null {
    if (this.threads.length >= this.size) return null;
    // The server runs its TypeScript through tsx; a worker thread needs it loaded as well.
    // A larger young generation: a future allocates a little on every step, and fewer, larger
    // scavenges keep its run time steadier.
    const worker = new Worker(WORKER_URL, {
      execArgv: ['--import', 'tsx'],
      name: 'forecast',
      resourceLimits: { maxYoungGenerationSizeMb: 48 },
    });
    const thread: Thread = { worker, current: null };
    worker.on('message', (reply: WorkerReply) => {
      const current = thread.current;
      if (current === null || current.jobId !== reply.jobId) return;
      clearTimeout(current.deadline);
      thread.current = null;
      if (reply.ok) current.resolve(reply.result);
      else current.reject(new Error(reply.error));
      this.dispatch();
    });
    const lost = (error: Error) => {
      const index = this.threads.indexOf(thread);
      if (index < 0) return;
      this.threads.splice(index, 1);
      if (!this.closed) this.logger.error({ err: error }, 'a forecast worker stopped');
      if (thread.current !== null) clearTimeout(thread.current.deadline);
      thread.current?.reject(error);
      thread.current = null;
      if (!this.closed) this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`forecast worker exited with code ${code}`)));
    // An idle worker must not keep the process alive.
    worker.unref();
    this.threads.push(thread);
    return thread;
  }
}
