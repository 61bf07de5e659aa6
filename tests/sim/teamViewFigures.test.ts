/**
 * Figures the team view derives for some kinds: a database's data against its disk (primary,
 * read replica, sharded), the disk-space alert before the disk is full, and a CDN shown for what
 * it is (hit ratio and traffic sent on to the site, no made-up capacity).
 */
import { describe, expect, it } from 'vitest';
import { DISK_GB_PER_MEMORY_GB, SIZES, type DatasetSpec, type Feature, type InitialComponent, type Scenario } from '../../shared/sim';
import { ALERT_THRESHOLDS, teamView, type TeamView } from '../../shared/sim/view';
import { Driver } from '../helpers/driver';
import { constantScenario, constantScenarioWithUsers, posts } from '../helpers/scenarios';

const MB_PER_USER = 10;
const DATA: DatasetSpec[] = [posts({ mbPerUser: MB_PER_USER })];
/** Disk of one medium database instance: 4 GB of memory × 25. */
const MEDIUM_DISK = SIZES.medium.memoryGb * DISK_GB_PER_MEMORY_GB;

/** The constant-load system (balancer → web → medium database) with `users` users of 10 MB each. */
function world(users: number, topology?: InitialComponent[]): Scenario {
  return constantScenarioWithUsers(users, { datasets: DATA, ...(topology === undefined ? {} : { initialTopology: topology }) });
}

function viewOf(
  scenario: Scenario,
  features: Feature[] = ['hostMetrics', 'alerts'],
  setup?: (sim: Driver) => void,
): { sim: Driver; view: TeamView } {
  const sim = new Driver(scenario);
  sim.send(...features.map((feature) => ({ type: 'buyFeature' as const, feature })));
  setup?.(sim);
  sim.run(2);
  return { sim, view: teamView(sim.state) };
}

function extraOf(view: TeamView, id: string) {
  const metrics = view.components.find((c) => c.id === id)?.metrics;
  if (metrics === null || metrics === undefined) throw new Error(`no figures for ${id}`);
  return metrics.extra;
}

describe('a database’s data and disk', () => {
  it('stored GB of memory × DISK_GB_PER_MEMORY_GB, and the share used', () => {
    const users = 6_000;
    const { view } = viewOf(world(users));
    const extra = extraOf(view, 'db-3');
    const stored = (users * MB_PER_USER) / 1000;
    expect(extra.storedGb).toBeCloseTo(stored, 6);
    expect(extra.diskGb).toBe(MEDIUM_DISK);
    expect(extra.diskUse).toBeCloseTo(stored / (SIZES.medium.memoryGb * DISK_GB_PER_MEMORY_GB), 5);
  });

  it('a read replica holds all of its primary’s data on its own disk', () => {
    const users = 3_000;
    const { view } = viewOf(world(users), ['hostMetrics'], (sim) => {
      sim.buy({ type: 'buy', kind: 'db', region: 'ap', size: 'small', replicaOf: 'db-3' });
    });
    const replica = view.components.find((c) => c.kind === 'db' && c.settings.replicaOf === 'db-3')!;
    const extra = extraOf(view, replica.id);
    expect(extra.storedGb).toBeCloseTo((users * MB_PER_USER) / 1000, 6);
    expect(extra.diskGb).toBe(SIZES.small.memoryGb * DISK_GB_PER_MEMORY_GB);
    expect(extra.diskUse).toBeCloseTo(30 / 50, 5);
  });

  it('spread over shards: the disk of all shards, and the fullest shard’s share', () => {
    const users = 10_000;
    const topology = (shardKey: 'userIdHash' | 'userIdRange'): InitialComponent[] => [
      { kind: 'lb', region: 'ap', connectFrom: ['users'] },
      { kind: 'web', region: 'ap', size: 'medium', count: 2, connectFrom: [0] },
      { kind: 'db', region: 'ap', size: 'small', engine: 'nosql', count: 4, shardKey, connectFrom: [1] },
    ];
    const perShard = SIZES.small.memoryGb * DISK_GB_PER_MEMORY_GB;
    const stored = (users * MB_PER_USER) / 1000; // 100 GB over four 50 GB shards
    const even = extraOf(viewOf(world(users, topology('userIdHash'))).view, 'db-3');
    expect(even.diskGb).toBe(4 * perShard);
    expect(even.diskUse).toBeCloseTo(stored / (4 * perShard), 5);
    // Ranges put 1, 2, 3, 4 tenths of the data on the shards: the last holds 40 GB of its 50.
    const ranges = extraOf(viewOf(world(users, topology('userIdRange'))).view, 'db-3');
    expect(ranges.diskGb).toBe(4 * perShard);
    expect(ranges.diskUse).toBeCloseTo((0.4 * stored) / perShard, 5);
  });

  it('only databases have disk figures', () => {
    const { view } = viewOf(world(1_000));
    for (const c of view.components) {
      const has = c.metrics!.extra.diskUse !== undefined;
      expect(has, c.id).toBe(c.kind === 'db');
    }
  });
});

describe('the disk-space alert', () => {
  const alertsAt = (users: number) => viewOf(world(users), ['alerts']).view.alerts!.filter((a) => a.kind === 'diskSpace');

  it('fires above 80 % of the disk, before it is full, and names the database', () => {
    const threshold = ALERT_THRESHOLDS.diskUse;
    expect(threshold).toBe(0.8);
    // 8,500 users × 10 MB = 85 GB of 100 GB.
    const alerts = alertsAt(8_500);
    expect(alerts).toEqual([{ kind: 'diskSpace', componentId: 'db-3', value: 0.85, threshold }]);
  });

  it('stays quiet at and below 80 %', () => {
    expect(alertsAt(7_500)).toEqual([]);
    expect(alertsAt(8_000)).toEqual([]); // exactly 80 %: not above
  });

  it('keeps firing once the disk is full, beside the shard-full alert', () => {
    const kinds = viewOf(world(11_000), ['alerts'])
      .view.alerts!.filter((a) => a.componentId === 'db-3')
      .map((a) => a.kind);
    expect(kinds).toContain('diskSpace');
    expect(kinds).toContain('shardFull');
  });

  it('needs the alerts feature', () => {
    expect(viewOf(world(9_000), ['hostMetrics']).view.alerts).toBeNull();
  });
});

describe('the CDN as it is', () => {
  const topology: InitialComponent[] = [
    { kind: 'lb', region: 'ap', connectFrom: ['users'] },
    { kind: 'web', region: 'ap', size: 'medium', count: 2, connectFrom: [0] },
    { kind: 'db', region: 'ap', size: 'medium', engine: 'rdbms', connectFrom: [1] },
    { kind: 'cdn', region: 'ap' },
  ];

  it('no capacity or utilisation; its hit ratio and the requests it sends on to the site', () => {
    const { sim, view } = viewOf(world(1_000, topology), ['hostMetrics', 'aggregatedMetrics']);
    sim.run(30);
    const later = teamView(sim.state);
    for (const v of [view, later]) {
      const cdn = v.components.find((c) => c.kind === 'cdn')!.metrics!;
      expect(cdn.capacity).toBe(0);
      expect(cdn.utilisation).toBe(0);
      const hit = cdn.extra.hitRatio!;
      expect(hit).toBeGreaterThan(0);
      expect(cdn.extra.originPerSecond).toBeCloseTo(cdn.lambda * (1 - hit), 1);
      const tier = v.aggregated!.tiers.find((t) => t.tier === 'cdn')!;
      expect(tier.capacity).toBe(0);
      expect(tier.utilisation).toBe(0);
      expect(tier.hitRatio).toBeCloseTo(hit, 4);
    }
  });
});

describe('requests waiting', () => {
  /** The view of the constant-load system (balancer → web → database) at `rps` requests per second. */
  function metricsAt(rps: number, id: string) {
    const { view } = viewOf(constantScenario({ traffic: { mode: 'constant', requestsPerSecond: rps } }), ['hostMetrics']);
    return view.components.find((c) => c.id === id)!.metrics!;
  }

  // Little's law: the requests waiting are the rate served times the mean wait, and the mean wait
  // is the mean latency less what it is with nobody waiting (one request a second).
  it.each([
    ['web-2', 200],
    ['web-2', 600],
    ['db-3', 600],
  ])('%s at %i requests a second: λ × (W − W at light load)', (id, rps) => {
    const light = metricsAt(1, id);
    const busy = metricsAt(rps, id);
    const waitSeconds = (busy.meanLatencyMs - light.meanLatencyMs) / 1000;
    expect(waitSeconds).toBeGreaterThan(0);
    expect(busy.backlog).toBeGreaterThan(0);
    expect(busy.backlog / (busy.served * waitSeconds)).toBeCloseTo(1, 1);
  });

  it('grows faster than the load: twice the utilisation is far more than twice the waiting', () => {
    const half = metricsAt(300, 'web-2');
    const full = metricsAt(600, 'web-2');
    expect(full.utilisation / half.utilisation).toBeCloseTo(2, 1);
    expect(full.backlog / half.backlog).toBeGreaterThan(4);
  });
});
