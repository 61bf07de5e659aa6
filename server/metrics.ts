// Prometheus metrics (prom-client), served at GET /metrics: the process's own figures plus what
// the game rooms do. One registry per server, so tests can start several without clashes.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class GameMetrics {
  readonly registry = new Registry();
  readonly rooms = new Gauge({
    name: 'scaleup_rooms',
    help: 'Game rooms open in this process, by mode',
    labelNames: ['mode'],
    registers: [this.registry],
  });
  /** Counted when scraped, from the rooms themselves: a running count kept by hand drifts when a seat changes hands. */
  private readonly clientCounts = new Set<() => number>();
  readonly clients = new Gauge({
    name: 'scaleup_clients',
    help: 'Clients connected to game rooms',
    registers: [this.registry],
    collect: () => {
      let total = 0;
      for (const count of this.clientCounts) total += count();
      this.clients.set(total);
    },
  });
  readonly ticks = new Counter({
    name: 'scaleup_ticks_total',
    help: 'Simulation ticks run',
    labelNames: ['mode'],
    registers: [this.registry],
  });
  readonly tickSeconds = new Histogram({
    name: 'scaleup_tick_duration_seconds',
    help: "Time to run one room tick: every team's step, the views and the patch",
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25],
    registers: [this.registry],
  });
  readonly commands = new Counter({
    name: 'scaleup_commands_total',
    help: 'Client commands, by result (accepted, rejected, duplicate) and reason',
    labelNames: ['result', 'reason'],
    registers: [this.registry],
  });
  readonly patchBytes = new Counter({
    name: 'scaleup_patch_bytes_total',
    help: 'Bytes of state patches sent to clients',
    registers: [this.registry],
  });
  readonly reconnections = new Counter({
    name: 'scaleup_reconnections_total',
    help: 'Clients that came back to their seat after a drop',
    registers: [this.registry],
  });
  readonly persistenceErrors = new Counter({
    name: 'scaleup_persistence_errors_total',
    help: 'Failed writes to the store outside the command log (snapshots, results, profiles); a failed command write is a rejected command (reason storage-failed)',
    labelNames: ['operation'],
    registers: [this.registry],
  });

  /** Adds a room's connected-client count to `scaleup_clients`; returns the function that takes it away. */
  countClients(count: () => number): () => void {
    this.clientCounts.add(count);
    return () => this.clientCounts.delete(count);
  }

  constructor(collectProcessMetrics = true) {
    if (collectProcessMetrics) collectDefaultMetrics({ register: this.registry });
  }
}
