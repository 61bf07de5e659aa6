/**
 * Idea 13 of docs/design.md (seed: note. 시스템 규모 확장 기법 정리): the debrief scores the system against
 * the seed's closing checklist. Built step by step with commands, each step ticks its own item.
 */
import { describe, expect, it } from 'vitest';
import { KINDS, type Scenario } from '../../shared/sim';
import { CACHE_HIT_RATIO_GOAL, CHECKLIST_IDS, checklistScore, type ChecklistId } from '../../shared/sim/rules/checklist';
import { RESHARD_BASE_TICKS } from '../../shared/sim/commands/operations';
import { Driver } from '../helpers/driver';
import { constantScenario, twoRegionLatency } from '../helpers/scenarios';

/** The constant-load system (balancer → 2 web servers → database in 'ap'), with users in two regions. */
function twoRegions(overrides: Partial<Scenario> = {}): Scenario {
  const base = constantScenario();
  const ap = base.regions[0]!;
  return constantScenario({
    regions: [ap, { ...ap, id: 'eu', name: { en: 'Europe', ko: '유럽' } }],
    latencyMs: twoRegionLatency('ap', 'eu', 150),
    ...overrides,
  });
}

function met(sim: Driver): ChecklistId[] {
  return checklistScore(sim.state)
    .items.filter((item) => item.met)
    .map((item) => item.id);
}

function detail(sim: Driver, id: ChecklistId): number {
  return checklistScore(sim.state).items.find((item) => item.id === id)!.detail;
}

/** Waits for everything ordered to be ready. */
function settle(sim: Driver, ticks = KINDS.db.provisionTicks): void {
  sim.run(ticks);
}

describe('the scaling checklist', () => {
  it('lists the eight items in order, each with a 0–1 detail, and scores met items over 8', () => {
    const sim = new Driver(twoRegions()).run(2);
    const result = checklistScore(sim.state);
    expect(result.items.map((item) => item.id)).toEqual([...CHECKLIST_IDS]);
    for (const item of result.items) {
      expect(item.detail).toBeGreaterThanOrEqual(0);
      expect(item.detail).toBeLessThanOrEqual(1);
    }
    expect(result.score).toBe(0);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('ticks one item per step as the system is built with commands, up to a full score', () => {
    const sim = new Driver(twoRegions()).run(2);
    const done: ChecklistId[] = [];
    const expectStep = (id: ChecklistId) => {
      done.push(id);
      expect(met(sim).sort()).toEqual([...done].sort());
      expect(checklistScore(sim.state).score).toBe(done.length / CHECKLIST_IDS.length);
    };
    expect(met(sim)).toEqual([]);

    // 웹 계층을 무상태 계층으로: sessions in a shared store (two nodes, for redundancy later).
    const sessions = sim.buy({ type: 'buy', kind: 'sessionStore', region: 'ap', count: 2 });
    sim.send({ type: 'connect', from: 'web-2', to: sessions });
    expect(met(sim)).toEqual([]); // not ready yet
    settle(sim, KINDS.sessionStore.provisionTicks);
    expectStep('statelessWeb');

    // 모든 계층에 다중화: a second balancer instance and a read replica of the primary.
    expect(detail(sim, 'redundancy')).toBeLessThan(1);
    sim.send({ type: 'scale', id: 'lb-1', count: 2 });
    sim.buy({ type: 'buy', kind: 'db', region: 'ap', size: 'medium', replicaOf: 'db-3' });
    settle(sim);
    expectStep('redundancy');

    // 가능한 한 많은 데이터를 캐시: a cache tier in front of the database, warmed up.
    const cache = sim.buy({ type: 'buy', kind: 'cache', region: 'ap', size: 'large', count: 2 });
    // A day-long TTL: with a short one, entries expire before they are read again.
    sim.send({ type: 'connect', from: 'web-2', to: cache }, { type: 'configure', id: cache, ttlSeconds: 86_400 });
    settle(sim, 30);
    expect(detail(sim, 'cache')).toBeGreaterThanOrEqual(CACHE_HIT_RATIO_GOAL);
    expectStep('cache');

    // 정적 콘텐츠는 CDN.
    sim.buy({ type: 'buy', kind: 'cdn', region: 'ap' });
    settle(sim, KINDS.cdn.provisionTicks + 2);
    expect(detail(sim, 'cdn')).toBeGreaterThan(0);
    expectStep('cdn');

    // 각 계층은 독립적 서비스로 분할: jobs go to a queue drained by workers.
    const queue = sim.buy({ type: 'buy', kind: 'queue', region: 'ap', count: 2 });
    const workers = sim.buy({ type: 'buy', kind: 'worker', region: 'ap', count: 2 });
    sim.send({ type: 'connect', from: 'web-2', to: queue }, { type: 'connect', from: queue, to: workers });
    settle(sim, KINDS.worker.provisionTicks + 1);
    expectStep('splitServices');

    // 데이터 계층은 샤딩: the relational primary is resharded by a hash of the user id.
    sim.send({ type: 'reshard', id: 'db-3', shards: 2, key: 'userIdHash' });
    expect(met(sim)).not.toContain('shardedData'); // copying takes time
    settle(sim, RESHARD_BASE_TICKS + 1);
    expect(detail(sim, 'shardedData')).toBe(1);
    expectStep('shardedData');

    // 여러 데이터 센터: a second region with its own entry, balancer and web servers.
    const lbEu = sim.buy({ type: 'buy', kind: 'lb', region: 'eu', count: 2 });
    const webEu = sim.buy({ type: 'buy', kind: 'web', region: 'eu', size: 'medium', count: 2 });
    sim.send(
      { type: 'connect', from: 'users', to: lbEu },
      { type: 'connect', from: lbEu, to: webEu },
      { type: 'connect', from: webEu, to: 'db-3' },
      { type: 'connect', from: webEu, to: sessions },
      { type: 'connect', from: webEu, to: queue },
    );
    settle(sim, KINDS.web.provisionTicks + 1);
    expectStep('multiDataCenter');

    // 모니터링과 자동화: metrics, alerts and CI/CD, one at a time.
    const features = ['hostMetrics', 'aggregatedMetrics', 'alerts', 'cicd'] as const;
    features.forEach((feature, index) => {
      expect(detail(sim, 'monitoring')).toBe(index / features.length);
      expect(met(sim)).not.toContain('monitoring');
      sim.send({ type: 'buyFeature', feature });
    });
    expectStep('monitoring');
    expect(checklistScore(sim.state).score).toBe(1);
    for (const item of checklistScore(sim.state).items) expect(item.detail).toBeGreaterThan(0);
  });
});

describe('what each item asks for exactly', () => {
  it('statelessWeb: every web group that serves users, so a new group without a store unticks it', () => {
    const sim = new Driver(constantScenario()).run(1);
    const sessions = sim.buy({ type: 'buy', kind: 'sessionStore', region: 'ap' });
    sim.send({ type: 'connect', from: 'web-2', to: sessions });
    settle(sim, KINDS.sessionStore.provisionTicks);
    expect(met(sim)).toContain('statelessWeb');
    const web = sim.buy({ type: 'buy', kind: 'web', region: 'ap', size: 'medium' });
    sim.send({ type: 'connect', from: 'lb-1', to: web });
    expect(met(sim)).toContain('statelessWeb'); // still provisioning: not serving anyone yet
    settle(sim, KINDS.web.provisionTicks);
    expect(met(sim)).not.toContain('statelessWeb');
    expect(detail(sim, 'statelessWeb')).toBeCloseTo(2 / 3, 9); // 2 of the 3 web servers
  });

  it('redundancy: web servers reached straight from DNS are one address, however many there are', () => {
    const sim = new Driver(
      constantScenario({
        initialTopology: [
          { kind: 'web', region: 'ap', size: 'medium', count: 2, connectFrom: ['users'] },
          { kind: 'db', region: 'ap', size: 'medium', engine: 'rdbms', connectFrom: [0] },
        ],
      }),
    ).run(1);
    sim.buy({ type: 'buy', kind: 'db', region: 'ap', replicaOf: 'db-2' });
    settle(sim);
    expect(met(sim)).not.toContain('redundancy');
    expect(detail(sim, 'redundancy')).toBe(1 / 2); // the database passes, the web tier does not
  });

  it('redundancy judges the design: a crash at scoring time does not untick it', () => {
    const sim = new Driver(constantScenario({ incidents: [{ tick: 20, type: 'serverCrash', target: 'web-2' }] })).run(1);
    sim.send({ type: 'scale', id: 'lb-1', count: 2 });
    sim.buy({ type: 'buy', kind: 'db', region: 'ap', replicaOf: 'db-3' });
    settle(sim);
    expect(met(sim)).toContain('redundancy');
    sim.run(10);
    expect(sim.component('web-2').down).toBe(1);
    expect(met(sim)).toContain('redundancy');
  });

  it('shardedData: NoSQL partitions itself; detail is how evenly the key spreads the load', () => {
    const sim = new Driver(
      constantScenario({
        initialTopology: [
          { kind: 'lb', region: 'ap', connectFrom: ['users'] },
          { kind: 'web', region: 'ap', size: 'medium', count: 2, connectFrom: [0] },
          { kind: 'db', region: 'ap', size: 'medium', engine: 'nosql', connectFrom: [1] },
        ],
      }),
    ).run(1);
    expect(met(sim)).not.toContain('shardedData');
    sim.send({ type: 'scale', id: 'db-3', count: 4 });
    settle(sim);
    expect(met(sim)).toContain('shardedData');
    expect(detail(sim, 'shardedData')).toBe(1);
    // A new key for data already spread out means moving it: a reshard, which takes its time.
    sim.send({ type: 'reshard', id: 'db-3', shards: 4, key: 'userIdRange' });
    sim.run(20);
    // Ranges put the newest users on the last shard: loads 1:2:3:4, busiest 0.4 against a mean of 0.25.
    expect(detail(sim, 'shardedData')).toBeCloseTo(0.25 / 0.4, 9);
  });

  it('splitServices needs workers behind the queue', () => {
    const sim = new Driver(constantScenario()).run(1);
    const queue = sim.buy({ type: 'buy', kind: 'queue', region: 'ap' });
    sim.send({ type: 'connect', from: 'web-2', to: queue });
    settle(sim, KINDS.queue.provisionTicks);
    expect(met(sim)).not.toContain('splitServices');
    const workers = sim.buy({ type: 'buy', kind: 'worker', region: 'ap' });
    sim.send({ type: 'connect', from: queue, to: workers });
    settle(sim, KINDS.worker.provisionTicks);
    expect(met(sim)).toContain('splitServices');
    expect(detail(sim, 'splitServices')).toBe(1);
  });

  it('components users cannot reach do not count', () => {
    const sim = new Driver(constantScenario()).run(1);
    const sessions = sim.buy({ type: 'buy', kind: 'sessionStore', region: 'ap' });
    sim.send({ type: 'connect', from: 'web-2', to: sessions });
    const spare = sim.buy({ type: 'buy', kind: 'web', region: 'ap', size: 'medium' });
    sim.send({ type: 'connect', from: spare, to: 'db-3' }); // no balancer sends it anything
    settle(sim);
    expect(sim.component(spare).count).toBe(1);
    expect(met(sim)).toContain('statelessWeb');
    expect(detail(sim, 'statelessWeb')).toBe(1);
  });
});
