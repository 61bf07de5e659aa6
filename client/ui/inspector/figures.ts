/**
 * The figures the inspector lists for a component: the queueing figures every kind has, then the
 * kind's own (hit ratio for caches, lag for replicas, backlog for queues, skew for shards…) in the
 * order the sim sends them. Null when the team has no host metrics (fog of war).
 */
import { EXTRA_FIGURES, type ComponentView, type ExtraFigure } from '../../../shared/sim';

/** 'rate' is a plain number whose label says "/s"; 'perSecond' carries the unit itself. */
export type FigureKind = 'rate' | 'perSecond' | 'percent' | 'latency' | 'count' | 'seconds' | 'ratio' | 'gigabytes' | 'gigabytesPerDay';

export interface FigureLine {
  /** i18n key of the label. */
  label: string;
  value: number;
  kind: FigureKind;
  /** Utilisation is also drawn as a bar. */
  id: string;
}

const EXTRA: Record<ExtraFigure, { label: string; kind: FigureKind }> = {
  hitRatio: { label: 'metrics.hitRatio', kind: 'percent' },
  fill: { label: 'metrics.fill', kind: 'percent' },
  staleShare: { label: 'metrics.staleReads', kind: 'percent' },
  replicationLag: { label: 'metrics.replicationLag', kind: 'seconds' },
  shardSkew: { label: 'metrics.shardSkew', kind: 'ratio' },
  fullShards: { label: 'metrics.fullShards', kind: 'count' },
  storedGb: { label: 'metrics.storedGb', kind: 'gigabytes' },
  messages: { label: 'metrics.queueBacklog', kind: 'count' },
  drainPerSecond: { label: 'metrics.drainPerSecond', kind: 'rate' },
  gigabytesPerDay: { label: 'metrics.gigabytesPerDay', kind: 'gigabytesPerDay' },
};

export function componentFigures(c: ComponentView): FigureLine[] | null {
  const m = c.metrics;
  if (m === null) return null;
  const lines: FigureLine[] = [
    { id: 'lambda', label: 'metrics.lambda', value: m.lambda, kind: 'rate' },
    { id: 'capacity', label: 'metrics.capacity', value: m.capacity, kind: 'perSecond' },
    { id: 'utilisation', label: 'metrics.utilisation', value: m.utilisation, kind: 'percent' },
    { id: 'meanLatency', label: 'metrics.meanLatency', value: m.meanLatencyMs, kind: 'latency' },
    { id: 'p95Latency', label: 'metrics.p95Latency', value: m.p95LatencyMs, kind: 'latency' },
    { id: 'errors', label: 'metrics.errors', value: m.errors, kind: 'rate' },
    { id: 'backlog', label: 'metrics.backlog', value: m.backlog, kind: 'count' },
  ];
  for (const name of EXTRA_FIGURES) {
    const value = m.extra[name];
    if (value !== undefined) lines.push({ id: name, label: EXTRA[name].label, value, kind: EXTRA[name].kind });
  }
  return lines;
}

/** Utilisation as a state: above the alert threshold (0.85) is busy, at or over 1 is overloaded. */
export function utilisationTone(u: number): 'good' | 'warn' | 'bad' {
  if (u >= 1) return 'bad';
  return u > 0.85 ? 'warn' : 'good';
}

/** Instances ordered, ready or not: what `scale` counts from. */
export function plannedCount(c: Pick<ComponentView, 'count' | 'provisioning'>): number {
  return c.count + c.provisioning;
}
