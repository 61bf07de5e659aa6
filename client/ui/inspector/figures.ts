/**
 * The figures the inspector lists for a component: the queueing figures every kind has, then the
 * kind's own (hit ratio for caches, lag for replicas, messages for queues, disk for databases…) in
 * the order the sim sends them. Null when the team has no host metrics (fog of war).
 *
 * Two kinds leave out queueing figures that would mislead: the CDN is the provider's edge network
 * (no capacity to fill, no queue; what is true of it is its hit ratio and what it sends on to the
 * site), and a message queue's (and its workers') "requests waiting" would stand beside the
 * messages waiting for a worker, two backlogs that could contradict each other: they show only the
 * messages.
 */
import { formatGigabytes, formatPercent, t as translate, type Language } from '../../i18n';
import {
  ALERT_THRESHOLDS,
  DISK_GB_PER_MEMORY_GB,
  EXTRA_FIGURES,
  SIZES,
  type ComponentKindName,
  type ComponentView,
  type ExtraFigure,
  type SizeName,
} from '../../../shared/sim';

/** 'rate' is a plain number whose label says "/s"; 'perSecond' carries the unit itself. */
type FigureKind = 'rate' | 'perSecond' | 'percent' | 'latency' | 'count' | 'seconds' | 'ratio' | 'gigabytes' | 'gigabytesPerDay' | 'disk';

export interface FigureLine {
  /** i18n key of the label. */
  label: string;
  /** 'disk': the GB stored. */
  value: number;
  kind: FigureKind;
  /** Utilisation and disk are also drawn as a bar. */
  id: string;
  /** 'disk' only: GB of disk for the data, the share used (the fullest shard's when spread over
   * shards), and whether the data is spread over shards. */
  disk?: { totalGb: number; use: number; sharded: boolean };
}

/** Extra figures shown as a line of their own (the disk figures make one line together). */
const EXTRA: Record<Exclude<ExtraFigure, 'diskGb' | 'diskUse'>, { label: string; kind: FigureKind }> = {
  hitRatio: { label: 'metrics.hitRatio', kind: 'percent' },
  originPerSecond: { label: 'metrics.originPerSecond', kind: 'rate' },
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

/** The queueing figures each kind shows (the CDN and the queue's side leave some out, see above). */
function baseIds(kind: ComponentKindName): readonly string[] {
  if (kind === 'cdn') return ['lambda', 'errors'];
  if (kind === 'queue' || kind === 'worker') return ['lambda', 'capacity', 'utilisation', 'meanLatency', 'p95Latency', 'errors'];
  return ['lambda', 'capacity', 'utilisation', 'meanLatency', 'p95Latency', 'errors', 'backlog'];
}

export function componentFigures(c: ComponentView): FigureLine[] | null {
  const m = c.metrics;
  if (m === null) return null;
  const all: FigureLine[] = [
    { id: 'lambda', label: 'metrics.lambda', value: m.lambda, kind: 'rate' },
    { id: 'capacity', label: 'metrics.capacity', value: m.capacity, kind: 'perSecond' },
    { id: 'utilisation', label: 'metrics.utilisation', value: m.utilisation, kind: 'percent' },
    { id: 'meanLatency', label: 'metrics.meanLatency', value: m.meanLatencyMs, kind: 'latency' },
    { id: 'p95Latency', label: 'metrics.p95Latency', value: m.p95LatencyMs, kind: 'latency' },
    { id: 'errors', label: 'metrics.errors', value: m.errors, kind: 'rate' },
    { id: 'backlog', label: 'metrics.backlog', value: m.backlog, kind: 'count' },
  ];
  const shown = baseIds(c.kind);
  const lines = all.filter((line) => shown.includes(line.id));
  for (const name of EXTRA_FIGURES) {
    const value = m.extra[name];
    if (value === undefined || name === 'diskGb' || name === 'diskUse') continue;
    const { diskGb, diskUse } = m.extra;
    if (name === 'storedGb' && diskGb !== undefined && diskUse !== undefined) {
      // Data stored against the disk for it: "38 GB of 50 GB (76 %)".
      const instanceDisk = sizeDiskGb(c.kind, c.size) ?? diskGb;
      lines.push({
        id: 'disk',
        label: 'metrics.disk',
        value,
        kind: 'disk',
        disk: { totalGb: diskGb, use: diskUse, sharded: diskGb > instanceDisk },
      });
      continue;
    }
    lines.push({ id: name, label: EXTRA[name].label, value, kind: EXTRA[name].kind });
  }
  return lines;
}

/**
 * GB of disk one instance of `size` has, for the kinds that store data on disk (databases: memory ×
 * DISK_GB_PER_MEMORY_GB); null for the others. For the size menu (KindSettings) and the figures.
 */
export function sizeDiskGb(kind: ComponentKindName, size: SizeName): number | null {
  return kind === 'db' ? SIZES[size].memoryGb * DISK_GB_PER_MEMORY_GB : null;
}

/** A disk line's text: "38 GB of 50 GB (76 %)"; spread over shards, the percentage is the fullest shard's. */
export function diskText(lang: Language, line: FigureLine): string {
  const disk = line.disk ?? { totalGb: 0, use: 0, sharded: false };
  return translate(disk.sharded ? 'ui.units.diskOfSharded' : 'ui.units.diskOf', {
    used: formatGigabytes(lang, line.value),
    total: formatGigabytes(lang, disk.totalGb),
    percent: formatPercent(lang, disk.use, 'round', 1),
  });
}

/** Utilisation as a state: above the alert threshold (0.85) is busy, at or over 1 is overloaded. */
export function utilisationTone(u: number): 'good' | 'warn' | 'bad' {
  if (u >= 1) return 'bad';
  return u > 0.85 ? 'warn' : 'good';
}

/** Disk use as a state: above the alert threshold (0.8) is nearly full, over 1 is full (writes refused). */
export function diskTone(use: number): 'good' | 'warn' | 'bad' {
  if (use > 1) return 'bad';
  return use > ALERT_THRESHOLDS.diskUse ? 'warn' : 'good';
}

/** Instances ordered, ready or not: what `scale` counts from. */
export function plannedCount(c: Pick<ComponentView, 'count' | 'provisioning'>): number {
  return c.count + c.provisioning;
}
