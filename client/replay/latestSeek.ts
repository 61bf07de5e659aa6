/**
 * Latest seek wins. A drag along the slider asks for dozens of ticks a second, and each answer
 * costs the worker up to a keyframe interval of steps: queueing them all would leave the view
 * trailing the pointer by seconds. So at most one seek is in flight, and while it runs only the
 * newest tick asked for waits; every tick asked for in between is dropped unseen. The answer
 * in flight is still shown when it comes (a state of the game on the way, drawn while the next is
 * computed), and the last tick asked for is always the last one shown.
 */
export class LatestSeek<R> {
  private inFlight: number | null = null;
  private pending: number | null = null;
  private stopped = false;
  private waiters: Array<() => void> = [];
  /** Ticks asked for and never sent (for the tests and the curious). */
  dropped = 0;

  constructor(
    private readonly run: (tick: number) => Promise<R>,
    private readonly onResult: (result: R, tick: number) => void,
    private readonly onError: (error: unknown, tick: number) => void = () => undefined,
  ) {}

  /** Asks for `tick`: now if nothing is in flight, else after it (replacing any tick already waiting). */
  want(tick: number): void {
    if (this.stopped) return;
    if (this.inFlight === null) {
      this.send(tick);
      return;
    }
    if (this.pending !== null) this.dropped++;
    // The tick in flight is already on its way: nothing more to wait for.
    this.pending = tick === this.inFlight ? null : tick;
  }

  /** Whether a seek is in flight or waiting. */
  get busy(): boolean {
    return this.inFlight !== null || this.pending !== null;
  }

  /** Resolves once the last tick asked for has been answered (at once when nothing is asked). */
  settled(): Promise<void> {
    if (!this.busy || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** No more seeks and no more answers (the replay was closed or switched to another team). */
  stop(): void {
    this.stopped = true;
    this.pending = null;
    this.release();
  }

  private send(tick: number): void {
    this.inFlight = tick;
    this.run(tick).then(
      (result) => this.done(() => this.onResult(result, tick)),
      (error: unknown) => this.done(() => this.onError(error, tick)),
    );
  }

  private done(report: () => void): void {
    this.inFlight = null;
    if (this.stopped) return this.release();
    report();
    const next = this.pending;
    this.pending = null;
    if (next !== null) this.send(next);
    else this.release();
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
