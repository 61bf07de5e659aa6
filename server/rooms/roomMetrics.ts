// What one room adds to the server's Prometheus metrics (server/metrics.ts): itself in the room
// gauge and its clients in the client gauge while it is open, its ticks and their duration, its
// commands by result, reconnections, failed store writes, and the bytes its clients are sent. The
// room tells it what happened; the metric names and labels stay here.
import type { Client } from '@colyseus/core';
import type { Mode } from '../../shared/protocol/messages';
import type { GameMetrics } from '../metrics';

/** Store writes besides the command log whose failures are counted, by `operation` label. */
export type StoreOperation = 'profile' | 'snapshot' | 'result' | 'progress';

export class RoomMetrics {
  private readonly stopCountingClients: () => void;
  private closed = false;

  /** Counts the room as open from now on; `clients` is read whenever the metrics are scraped. */
  constructor(
    private readonly metrics: GameMetrics,
    private readonly mode: Mode,
    clients: () => number,
  ) {
    metrics.rooms.inc({ mode });
    this.stopCountingClients = metrics.countClients(clients);
  }

  /**
   * Counts the bytes `client` is sent from now on. Colyseus sends the full state, patches and
   * messages through the client's `raw`, and offers no hook of its own for it, so `raw` is wrapped.
   */
  watch(client: Client): void {
    const raw = client.raw.bind(client);
    client.raw = (data, ...rest) => {
      this.metrics.patchBytes.inc(data.byteLength);
      return raw(data, ...rest);
    };
  }

  /** Runs one tick and times it; a tick that throws is timed but not counted as run. */
  async tick(run: () => Promise<void>): Promise<void> {
    const started = performance.now();
    try {
      await run();
      this.metrics.ticks.inc({ mode: this.mode });
    } finally {
      this.metrics.tickSeconds.observe((performance.now() - started) / 1000);
    }
  }

  command(result: 'accepted' | 'duplicate' | 'rejected', reason = ''): void {
    this.metrics.commands.inc({ result, reason });
  }

  reconnected(): void {
    this.metrics.reconnections.inc();
  }

  storeFailed(operation: StoreOperation): void {
    this.metrics.persistenceErrors.inc({ operation });
  }

  /** The room is gone: it leaves both gauges (once, however often it is called). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopCountingClients();
    this.metrics.rooms.dec({ mode: this.mode });
  }
}
