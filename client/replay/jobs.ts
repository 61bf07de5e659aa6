/**
 * The replay worker's messages and the order it works in, the same in a worker and in the page's
 * fallback. A seek waiting for a pair already built goes first (a seek that arrives while another
 * waits replaces it, and the replaced one is answered `dropped`: latest seek wins); then a slice
 * of the newest load still being built (the team the player picked last), each slice reporting
 * how far the build is and the chart points it ran, the last one answering the load. Each job runs
 * in its own turn of the event loop, so a seek that arrives during a build waits one slice at most.
 */
import type { BuildProgress, HistorySlice, Loaded, LoadRequest, ReplayEngine, SeekAnswer } from './engine';

export type ScrubRequest =
  { type: 'load'; id: number; load: LoadRequest } | { type: 'seek'; id: number; key: string; tick: number } | { type: 'drop'; key: string };

export type ScrubReply =
  | { type: 'loaded'; id: number; loaded: Loaded }
  | { type: 'seek'; id: number; answer: SeekAnswer }
  | { type: 'dropped'; id: number }
  | { type: 'progress'; progress: BuildProgress }
  | { type: 'history'; slice: HistorySlice }
  | { type: 'error'; id: number; error: string };

/**
 * Milliseconds of building per turn: progress is reported about twenty times a second, and a
 * page running the jobs itself (no worker) paints between slices.
 */
const BUILD_SLICE_MS = 50;

type LoadJob = Extract<ScrubRequest, { type: 'load' }>;

export class ReplayJobs {
  /** Loads being built, in the order asked (several may wait for the same pair). */
  private loads: LoadJob[] = [];
  private seek: Extract<ScrubRequest, { type: 'seek' }> | null = null;
  private scheduled = false;

  constructor(
    private readonly engine: ReplayEngine,
    private readonly post: (reply: ScrubReply) => void,
    private readonly later: (run: () => void) => void,
  ) {}

  receive(request: ScrubRequest): void {
    switch (request.type) {
      case 'load':
        this.attempt(request.id, () => {
          const kept = this.engine.begin(request.load);
          if (kept !== null) this.post({ type: 'loaded', id: request.id, loaded: kept });
          else this.loads.push(request);
        });
        break;
      case 'seek':
        if (this.seek !== null) this.post({ type: 'dropped', id: this.seek.id });
        this.seek = request;
        break;
      case 'drop':
        this.engine.drop(request.key);
        for (const load of this.loads) if (load.load.key === request.key) this.post({ type: 'dropped', id: load.id });
        this.loads = this.loads.filter((load) => load.load.key !== request.key);
        return;
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || (this.loads.length === 0 && this.seek === null)) return;
    this.scheduled = true;
    this.later(() => {
      this.scheduled = false;
      this.work();
      this.schedule();
    });
  }

  /** One job: the waiting seek unless its pair is still being built, else a slice of the newest load. */
  private work(): void {
    const seek = this.seek;
    if (seek !== null && !this.engine.building(seek.key)) {
      this.seek = null;
      this.attempt(seek.id, () => this.post({ type: 'seek', id: seek.id, answer: this.engine.seek(seek.key, seek.tick) }));
      return;
    }
    const newest = this.loads[this.loads.length - 1];
    if (newest === undefined) return;
    const key = newest.load.key;
    const waiting = this.loads.filter((load) => load.load.key === key);
    try {
      const slice = this.engine.build(key, BUILD_SLICE_MS);
      this.post({ type: 'progress', progress: slice.progress });
      this.post({ type: 'history', slice: slice.history });
      if (slice.loaded === null) return;
      const loaded = slice.loaded;
      for (const load of waiting) this.post({ type: 'loaded', id: load.id, loaded });
    } catch (error) {
      this.engine.drop(key);
      for (const load of waiting) this.post({ type: 'error', id: load.id, error: error instanceof Error ? error.message : String(error) });
    }
    this.loads = this.loads.filter((load) => load.load.key !== key);
  }

  private attempt(id: number, job: () => void): void {
    try {
      job();
    } catch (error) {
      this.post({ type: 'error', id, error: error instanceof Error ? error.message : String(error) });
    }
  }
}
