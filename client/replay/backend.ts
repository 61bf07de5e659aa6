/**
 * The page's side of the replay worker: requests as promises, a build's progress and chart history
 * as streams. In a Web Worker when the browser gives one; else, or when the worker fails, the same
 * jobs run in the page (with a pause between them long enough for the page to paint: a build
 * runs in slices, so the page stays responsive and its progress shows). A worker that fails hands over what it was doing: the replays loaded are loaded again in the
 * page and the requests not yet answered are asked again.
 */
import type { BuildProgress, HistorySlice, Loaded, LoadRequest, SeekAnswer } from './engine';
import { ReplayEngine } from './engine';
import { ReplayJobs, type ScrubReply, type ScrubRequest } from './jobs';
import { startWorker } from '../startWorker';

export interface ScrubBackend {
  load(load: LoadRequest): Promise<Loaded>;
  /** The state at a tick; null when a newer seek replaced it before it ran. */
  seek(key: string, tick: number): Promise<SeekAnswer | null>;
  drop(key: string): void;
  onHistory(listener: (slice: HistorySlice) => void): void;
  onProgress(listener: (progress: BuildProgress) => void): void;
  /** Where the jobs run now. */
  readonly where: 'worker' | 'page';
  stop(): void;
}

/** Long enough for the browser to paint before a job runs in the page. */
const PAINT_MS = 20;

interface Call {
  request: ScrubRequest;
  resolve(reply: ScrubReply): void;
}

class Backend implements ScrubBackend {
  private worker: Worker | null;
  private page: ReplayJobs | null = null;
  private readonly calls = new Map<number, Call>();
  /** Loads whose keys are still in use: what a page fallback must load again. */
  private readonly loaded = new Map<string, LoadRequest>();
  private historyListener: (slice: HistorySlice) => void = () => undefined;
  private progressListener: (progress: BuildProgress) => void = () => undefined;
  private nextId = 1;

  constructor(useWorker: boolean) {
    this.worker = useWorker ? startWorker(() => new Worker(new URL('./scrub.worker.ts', import.meta.url), { type: 'module' })) : null;
    if (this.worker === null) this.page = this.pageJobs();
    else {
      this.worker.addEventListener('message', (event: MessageEvent<ScrubReply>) => this.reply(event.data));
      // The worker could not start or crashed: the page takes over.
      this.worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.fallBack();
      });
    }
  }

  get where(): 'worker' | 'page' {
    return this.worker === null ? 'page' : 'worker';
  }

  async load(load: LoadRequest): Promise<Loaded> {
    this.loaded.set(load.key, load);
    const reply = await this.call({ type: 'load', id: this.nextId++, load });
    if (reply.type === 'loaded') return reply.loaded;
    throw new Error(reply.type === 'error' ? reply.error : `unexpected ${reply.type}`);
  }

  async seek(key: string, tick: number): Promise<SeekAnswer | null> {
    const reply = await this.call({ type: 'seek', id: this.nextId++, key, tick });
    if (reply.type === 'seek') return reply.answer;
    if (reply.type === 'dropped') return null;
    throw new Error(reply.type === 'error' ? reply.error : `unexpected ${reply.type}`);
  }

  drop(key: string): void {
    this.loaded.delete(key);
    this.send({ type: 'drop', key });
  }

  onHistory(listener: (slice: HistorySlice) => void): void {
    this.historyListener = listener;
  }

  onProgress(listener: (progress: BuildProgress) => void): void {
    this.progressListener = listener;
  }

  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.page = null;
    this.calls.clear();
    this.loaded.clear();
  }

  private call(request: Exclude<ScrubRequest, { type: 'drop' }>): Promise<ScrubReply> {
    return new Promise((resolve) => {
      this.calls.set(request.id, { request, resolve });
      this.send(request);
    });
  }

  private send(request: ScrubRequest): void {
    if (this.worker !== null) this.worker.postMessage(request);
    else this.page?.receive(request);
  }

  private reply(reply: ScrubReply): void {
    if (reply.type === 'history') {
      this.historyListener(reply.slice);
      return;
    }
    if (reply.type === 'progress') {
      this.progressListener(reply.progress);
      return;
    }
    const call = this.calls.get(reply.id);
    if (call === undefined) return;
    this.calls.delete(reply.id);
    call.resolve(reply);
  }

  private pageJobs(): ReplayJobs {
    return new ReplayJobs(
      new ReplayEngine(),
      (reply) => this.reply(reply),
      (run) => setTimeout(run, PAINT_MS),
    );
  }

  private fallBack(): void {
    this.worker?.terminate();
    this.worker = null;
    const page = this.pageJobs();
    this.page = page;
    const waiting = [...this.calls.values()].map((call) => call.request);
    const reloading = new Set(waiting.flatMap((request) => (request.type === 'load' ? [request.load.key] : [])));
    for (const load of this.loaded.values()) if (!reloading.has(load.key)) page.receive({ type: 'load', id: 0, load });
    for (const request of waiting) page.receive(request);
  }
}

/** `useWorker: false` runs the jobs in the page from the start (the tests; a page that wants no worker). */
export function scrubBackend(useWorker = true): ScrubBackend {
  return new Backend(useWorker);
}
