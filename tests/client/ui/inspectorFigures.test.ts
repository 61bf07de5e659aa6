/**
 * The inspector's figures say what is true of each kind: a database's data against its disk, a
 * CDN's hit ratio and traffic to the site rather than a capacity it does not have, and one backlog
 * for a message queue (its messages), never two that contradict each other.
 */
import { describe, expect, it } from 'vitest';
import { DISK_GB_PER_MEMORY_GB, SIZES, SIZE_NAMES, type ComponentView, type HostMetrics } from '../../../shared/sim';
import { componentFigures, diskText, diskTone, sizeDiskGb } from '../../../client/ui/inspector/figures';
import { setLanguage } from '../../../client/i18n';
import { componentView, hostMetrics } from '../../helpers/views';

const METRICS = hostMetrics({ lambda: 100, capacity: 400, utilisation: 0.25, served: 100 });

function component(kind: ComponentView['kind'], extra: HostMetrics['extra'], overrides: Partial<ComponentView> = {}): ComponentView {
  return componentView({ id: `${kind}-2`, kind, metrics: { ...METRICS, extra }, ...overrides });
}

describe('database disk', () => {
  setLanguage('en');

  it('one line: GB stored of GB of disk, and the share used, drawn as a bar', () => {
    const lines = componentFigures(component('db', { storedGb: 38, diskGb: 50, diskUse: 0.76, fullShards: 0 }))!;
    expect(lines.map((l) => l.id)).toEqual([
      'lambda',
      'capacity',
      'utilisation',
      'meanLatency',
      'p95Latency',
      'errors',
      'backlog',
      'fullShards',
      'disk',
    ]);
    const disk = lines.find((l) => l.id === 'disk')!;
    expect(disk).toMatchObject({ label: 'metrics.disk', kind: 'disk', value: 38, disk: { totalGb: 50, use: 0.76, sharded: false } });
    expect(diskText('en', disk)).toBe('38 GB of 50 GB (76%)');
  });

  it('spread over shards: the disk of all of them, and the fullest shard’s share', () => {
    const lines = componentFigures(component('db', { storedGb: 100, diskGb: 200, diskUse: 0.8 }, { count: 4 }))!;
    const disk = lines.find((l) => l.id === 'disk')!;
    expect(disk.disk).toEqual({ totalGb: 200, use: 0.8, sharded: true });
    expect(diskText('en', disk)).toBe('100 GB of 200 GB (fullest shard 80%)');
  });

  it('is judged by the alert threshold: nearly full above 80 %, full above 100 %', () => {
    expect([0.5, 0.8, 0.81, 1, 1.2].map(diskTone)).toEqual(['good', 'good', 'warn', 'warn', 'bad']);
  });

  it('every size’s disk, for the size menu: memory × DISK_GB_PER_MEMORY_GB; none for kinds without a disk', () => {
    for (const size of SIZE_NAMES) expect(sizeDiskGb('db', size)).toBe(SIZES[size].memoryGb * DISK_GB_PER_MEMORY_GB);
    expect(sizeDiskGb('db', 'small')).toBe(50);
    expect(sizeDiskGb('web', 'small')).toBeNull();
    expect(sizeDiskGb('cache', 'large')).toBeNull();
  });
});

describe('the CDN and the queue', () => {
  it('CDN: requests, errors, hit ratio, traffic sent on to the site, stale files, delivery — no capacity, utilisation or backlog', () => {
    const lines = componentFigures(
      component(
        'cdn',
        { hitRatio: 0.9, originPerSecond: 10, staleShare: 0, gigabytesPerDay: 12 },
        {
          metrics: {
            ...METRICS,
            capacity: 0,
            utilisation: 0,
            extra: { hitRatio: 0.9, originPerSecond: 10, staleShare: 0, gigabytesPerDay: 12 },
          },
        },
      ),
    )!;
    expect(lines.map((l) => l.id)).toEqual(['lambda', 'errors', 'hitRatio', 'originPerSecond', 'staleShare', 'gigabytesPerDay']);
    expect(lines.find((l) => l.id === 'originPerSecond')).toMatchObject({ label: 'metrics.originPerSecond', kind: 'rate', value: 10 });
  });

  it('queue: the messages waiting for a worker are its only backlog', () => {
    const lines = componentFigures(component('queue', { messages: 7380, drainPerSecond: 12 }))!;
    const ids = lines.map((l) => l.id);
    expect(ids).not.toContain('backlog');
    expect(ids).toContain('messages');
    expect(lines.filter((l) => l.kind === 'count').map((l) => l.label)).toEqual(['metrics.queueBacklog']);
    // Workers take messages from the queue: they have no backlog of their own to show either.
    expect(componentFigures(component('worker', {}))!.map((l) => l.id)).not.toContain('backlog');
  });

  it('other kinds keep their requests waiting', () => {
    expect(componentFigures(component('web', {}))!.map((l) => l.id)).toContain('backlog');
  });
});
