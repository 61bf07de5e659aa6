/**
 * Threshold alerts (the alerts feature): the rules a team's alerting watches and those firing
 * now. The thresholds also mark a component degraded in its host metrics (components.ts) and
 * colour the client's figures, so they are defined here once.
 */
import type { SimState } from '../core/state';
import { restartingInstances } from '../core/topology';
import { diskFigures } from './disk';
import { figure, finite, share } from './figures';
import type { Alert, AlertKind } from './types';

/** Alert thresholds: a rule fires when its figure is strictly above its threshold. */
export const ALERT_THRESHOLDS = {
  /** A component's utilisation λ/(cμ) (a sharded database's hottest shard). */
  utilisation: 0.85,
  /** Share of requests failing: all users' requests, or one component's. */
  errorRate: 0.01,
  /** Users' p95 latency, as a multiple of the scenario's latency objective. */
  latencyObjectiveFactor: 1,
  /** A read replica's lag behind its primary, seconds. */
  replicationLagSeconds: 30,
  /** A message queue's backlog growth, messages per second (arrivals beyond what the workers drain). */
  queueGrowthPerSecond: 0,
  /** Instances of a component that are down (crashed, or in a data center that is out). */
  instancesDown: 0,
  /** Shards of a database whose disk is full. */
  fullShards: 0,
  /** Share of a database's disk in use (the fullest shard's, when its data is spread over shards):
   * a warning before the disk is full and writes are refused. */
  diskUse: 0.8,
} as const;

/** Alerts whose figure is a share (sent with share decimals); the others are magnitudes. */
function isShareAlert(kind: AlertKind): boolean {
  return kind === 'utilisation' || kind === 'errorRate' || kind === 'diskSpace';
}

/**
 * The threshold alerts firing now: the users' figures first, then each component's in component
 * order. `serving` is the instances serving now, by component index (components.ts servingNow).
 * A rule is judged on the exact figure; only the value sent is rounded.
 */
export function alertsOf(state: SimState, serving: readonly number[]): Alert[] {
  const alerts: Alert[] = [];
  const fire = (kind: AlertKind, componentId: string | null, value: number, threshold: number) => {
    if (value > threshold) alerts.push({ kind, componentId, value: isShareAlert(kind) ? share(value) : figure(value), threshold });
  };
  const summary = state.summary;
  const t = ALERT_THRESHOLDS;
  if (summary.requestsPerSecond > 0) {
    fire('errorRate', null, summary.errorRate, t.errorRate);
    fire('latency', null, summary.p95LatencyMs, state.scenario.objectives.latencyMs * t.latencyObjectiveFactor);
  }
  state.components.forEach((c, i) => {
    if (c.count === 0) return;
    const f = c.figures;
    const down = Math.max(0, c.count - (serving[i] as number) - Math.min(restartingInstances(c), c.count));
    fire('instanceDown', c.id, down, t.instancesDown);
    fire('utilisation', c.id, finite(f.utilisation), t.utilisation);
    if (f.lambda > 0) fire('errorRate', c.id, f.failed / f.lambda, t.errorRate);
    if (c.kind === 'db' && c.settings.replicaOf !== undefined)
      fire('replicationLag', c.id, c.extra.replicationLag ?? 0, t.replicationLagSeconds);
    if (c.kind === 'queue' && c.messages > 0) fire('queueBacklog', c.id, f.served - (c.extra.drainPerSecond ?? 0), t.queueGrowthPerSecond);
    if (c.kind === 'db') fire('shardFull', c.id, c.extra.fullShards ?? 0, t.fullShards);
    if (c.kind === 'db') fire('diskSpace', c.id, diskFigures(state, c)?.diskUse ?? 0, t.diskUse);
  });
  return alerts;
}
