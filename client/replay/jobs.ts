/**
 * The replay worker's messages and the order it works in, the same in a worker and in the page's
 * fallback: a load first (the player waits for it), then the newest seek (a seek that arrives
 * while another waits replaces it, and the replaced one is answered `dropped`: latest seek wins),
 * and only when nothing else waits a short slice of chart history. Each job runs in its own turn
 * of the event loop, so a seek that arrives during the history waits at most one slice.
 */
import type { HistorySlice, Loaded, LoadRequest, ReplayEngine, SeekAnswer } from './engine';

export type ScrubRequest =
  { type: 'load'; id: number; load: LoadRequest } | { type: 'seek'; id: number; key: string; tick: number } | { type: 'drop'; key: string };

export type ScrubReply =
  | { type: 'loaded'; id: number; loaded: Loaded }
  | { type: 'seek'; id: number; answer: SeekAnswer }
  | { type: 'dropped'; id: number }
  | { type: 'history'; slice: HistorySlice }
  | { type: 'error'; id: number; error: string };

/** Milliseconds of chart history per turn: short enough that a seek never waits long behind it. */
const HISTORY_SLICE_MS = 12;

export class ReplayJobs {
  private readonly loads: Array<Extract<ScrubRequest, { type: 'load' }>> = [];
  private seek: Extract<ScrubRequest, { type: 'seek' }> | null = null;
  /** Keys whose chart history is still to run, the latest load first. */
  private history: string[] = [];
  private scheduled = false;

  constructor(
    private readonly engine: ReplayEngine,
    private readonly post: (reply: ScrubReply) => void,
    private readonly later: (run: () => void) => void,
  ) {}

  receive(request: ScrubRequest): void {
    switch (request.type) {
      case 'load':
        this.loads.push(request);
        break;
      case 'seek':
        if (this.seek !== null) this.post({ type: 'dropped', id: this.seek.id });
        this.seek = request;
        break;
      case 'drop':
        this.engine.drop(request.key);
        this.history = this.history.filter((key) => key !== request.key);
        return;
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    if (this.loads.length === 0 && this.seek === null && this.history.length === 0) return;
    this.scheduled = true;
    this.later(() => {
      this.scheduled = false;
      this.work();
      this.schedule();
    });
  }

  /** One job: a load, else the waiting seek, else a slice of history. */
  private work(): void {
    const load = this.loads.shift();
    if (load !== undefined) {
      this.attempt(load.id, () => {
        this.post({ type: 'loaded', id: load.id, loaded: this.engine.load(load.load) });
        // The team just opened is the one on screen: its charts first.
        this.history = [load.load.key, ...this.history.filter((key) => key !== load.load.key)];
      });
      return;
    }
    const seek = this.seek;
    if (seek !== null) {
      this.seek = null;
      this.attempt(seek.id, () => this.post({ type: 'seek', id: seek.id, answer: this.engine.seek(seek.key, seek.tick) }));
      return;
    }
    const key = this.history[0];
    if (key === undefined) return;
    const slice = this.engine.history(key, HISTORY_SLICE_MS);
    if (slice !== null) this.post({ type: 'history', slice });
    if (slice === null || slice.done) this.history.shift();
  }

  private attempt(id: number, job: () => void): void {
    try {
      job();
    } catch (error) {
      this.post({ type: 'error', id, error: error instanceof Error ? error.message : String(error) });
    }
  }
}
