/**
 * Requests per second along each link (ComponentFlows, HostMetrics.sent): what every component
 * sends on matches what its model says it passes downstream, a balancer splits by its rotation,
 * a component's λ is the sum of what reaches it over its links and straight from users, requests
 * that reach a dead target count on the link while those that cannot leave do not, and the team
 * sees the rates only with host metrics.
 */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../shared/scenarios';
import {
  SIZES,
  createSim,
  executeCommand,
  replay,
  step,
  teamView,
  type CacheStrategy,
  type Scenario,
  type SimState,
} from '../../shared/sim';
import { constantLoadBuildLog, sandboxBuildLog } from '../fixtures/buildLogs';
import { Driver } from '../helpers/driver';
import { constantScenario, posts, readWriteScenario, region, singleClassScenario, twoRegionLatency } from '../helpers/scenarios';

const READS = 120;
const WRITES = 30;

/** Requests per second `from` sent to `to` in the last tick (undefined: no such link). */
function sent(state: SimState, from: string, to: string): number | undefined {
  const { links } = state;
  for (let k = 0; k < links.from.length; k++) if (links.from[k] === from && links.to[k] === to) return links.rates[k];
  return undefined;
}

/** The targets of `from`'s links, in the order listed. */
function linksOf(state: SimState, from: string): string[] {
  return state.links.to.filter((_, k) => state.links.from[k] === from);
}

/** What each user region (scenario order) sent straight to `id`. */
function fromUsers(state: SimState, id: string): number[] {
  const { users } = state.links;
  return state.scenario.regions.map((region) => {
    let rate = 0;
    users.to.forEach((to, k) => {
      if (to === id && users.region[k] === region.id) rate += users.rates[k]!;
    });
    return rate;
  });
}

/** Everything that reached `id` in the last tick: over links, and straight from users. */
function arrived(state: SimState, id: string): number {
  let total = 0;
  state.links.to.forEach((to, k) => {
    if (to === id) total += state.links.rates[k]!;
  });
  return total + sum(fromUsers(state, id));
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** users → one xlarge web server → `extra` (built by commands), reads and writes of one data set. */
function readsAndWrites(overrides: Partial<Scenario> = {}): Scenario {
  return readWriteScenario(READS, WRITES, {
    workingSet: { keys: 5000, alpha: 0.9, objectKb: 2000 },
    initialTopology: [
      { kind: 'web', region: 'ap', size: 'xlarge', connectFrom: ['users'] },
      { kind: 'db', region: 'ap', size: 'xlarge', engine: 'rdbms', connectFrom: [0] },
    ],
    ...overrides,
  });
}

describe('links', () => {
  it('list the connections in order, then the databases reached beyond them, then a primary’s replicas', () => {
    const sim = new Driver(readsAndWrites());
    const cache = sim.buy({ type: 'buy', kind: 'cache', region: 'ap', size: 'small' });
    const replica = sim.buy({ type: 'buy', kind: 'db', region: 'ap', size: 'large', replicaOf: 'db-2' });
    sim.send({ type: 'connect', from: 'web-1', to: cache });
    sim.run(12);
    const { state } = sim;
    expect(linksOf(state, 'web-1')).toEqual(['db-2', cache, replica]);
    expect(linksOf(state, 'db-2')).toEqual([replica]);
    expect(linksOf(state, replica)).toEqual([]);
    expect(linksOf(state, cache)).toEqual([]);
    // Listed per component, in component order.
    expect(state.links.from).toEqual(['web-1', 'web-1', 'web-1', 'db-2']);
    expect(state.links.rates).toHaveLength(4);
    expect(state.links.users).toEqual({ region: ['ap'], to: ['web-1'], rates: [READS + WRITES] });
  });
});

describe('what each component sends', () => {
  it('DNS sends every user request to the entry, which passes what it served on', () => {
    const sim = new Driver(readsAndWrites()).run(3);
    expect(fromUsers(sim.state, 'web-1')).toEqual([READS + WRITES]);
    expect(sim.component('web-1').figures.failed).toBe(0);
    // No cache: every read and every write goes to the database (one query each on an RDBMS).
    expect(sent(sim.state, 'web-1', 'db-2')).toBeCloseTo(READS + WRITES, 9);
  });

  it('a balancer splits what it served equally over its targets', () => {
    const scenario = singleClassScenario('static', 400, {
      initialTopology: [
        { kind: 'lb', region: 'ap', connectFrom: ['users'] },
        { kind: 'web', region: 'ap', size: 'medium', connectFrom: [0] },
        { kind: 'web', region: 'ap', size: 'medium', count: 3, connectFrom: [0] },
      ],
    });
    const sim = new Driver(scenario).run(3);
    expect(fromUsers(sim.state, 'lb-1')).toEqual([400]);
    // Rotation is by instance: one server in web-2, three in web-3.
    expect(sent(sim.state, 'lb-1', 'web-2')).toBeCloseTo(100, 9);
    expect(sent(sim.state, 'lb-1', 'web-3')).toBeCloseTo(300, 9);
    expect(sent(sim.state, 'lb-1', 'web-2')! + sent(sim.state, 'lb-1', 'web-3')!).toBeCloseTo(sim.component('lb-1').figures.served, 9);
  });

  it('a balancer without health checks still sends a dead server its share (it fails there); with them, none', () => {
    const scenario = () =>
      singleClassScenario('static', 400, {
        incidents: [{ tick: 2, type: 'serverCrash', target: 'web-2' }],
        initialTopology: [
          { kind: 'lb', region: 'ap', connectFrom: ['users'] },
          { kind: 'web', region: 'ap', size: 'medium', connectFrom: [0] },
          { kind: 'web', region: 'ap', size: 'medium', connectFrom: [0] },
        ],
      });
    const blind = new Driver(scenario());
    blind.run(4);
    expect(blind.component('web-2').down).toBe(1);
    expect(sent(blind.state, 'lb-1', 'web-2')).toBeCloseTo(200, 9);
    expect(blind.component('web-2').figures.failed).toBeCloseTo(200, 9);
    expect(sent(blind.state, 'lb-1', 'web-3')).toBeCloseTo(200, 9);

    const checked = new Driver(scenario());
    checked.send({ type: 'configure', id: 'lb-1', healthChecks: true });
    checked.run(4);
    expect(sent(checked.state, 'lb-1', 'web-2')).toBe(0);
    expect(sent(checked.state, 'lb-1', 'web-3')).toBeCloseTo(400, 9);
  });

  it('a web server calls the shared session store for every request but static files, and the queue for jobs', () => {
    const scenario = constantScenario({
      classMix: { static: 40, read: 30, write: 10, session: 15, job: 5 },
      traffic: { mode: 'constant', requestsPerSecond: 100 },
      datasets: [posts()],
      initialTopology: [
        { kind: 'web', region: 'ap', size: 'xlarge', connectFrom: ['users'] },
        { kind: 'db', region: 'ap', size: 'xlarge', engine: 'rdbms', connectFrom: [0] },
        { kind: 'sessionStore', region: 'ap', connectFrom: [0] },
        { kind: 'queue', region: 'ap', connectFrom: [0] },
        { kind: 'worker', region: 'ap', size: 'medium', connectFrom: [3] },
      ],
    });
    const sim = new Driver(scenario).run(3);
    expect(sim.component('web-1').figures.failed).toBe(0);
    expect(sent(sim.state, 'web-1', 'sessionStore-3')).toBeCloseTo(30 + 10 + 15 + 5, 9);
    expect(sent(sim.state, 'web-1', 'queue-4')).toBeCloseTo(5, 9);
    expect(sent(sim.state, 'web-1', 'db-2')).toBeCloseTo(30 + 10, 9);
    // The workers take what they drain from the broker: the worker's λ, on the queue's link.
    expect(sent(sim.state, 'queue-4', 'worker-5')).toBeCloseTo(sim.component('queue-4').extra.drainPerSecond!, 9);
    expect(sim.component('worker-5').figures.lambda).toBeCloseTo(sent(sim.state, 'queue-4', 'worker-5')!, 9);
  });

  it('a queue hands its messages to its workers in proportion to their capacity', () => {
    const scenario = constantScenario({
      classMix: { static: 0, read: 0, write: 0, session: 0, job: 1 },
      traffic: { mode: 'constant', requestsPerSecond: 200 },
      initialTopology: [
        { kind: 'web', region: 'ap', size: 'xlarge', connectFrom: ['users'] },
        { kind: 'queue', region: 'ap', size: 'large', connectFrom: [0] },
        { kind: 'worker', region: 'ap', size: 'small', connectFrom: [1] },
        { kind: 'worker', region: 'ap', size: 'large', connectFrom: [1] },
      ],
    });
    const sim = new Driver(scenario).run(3);
    const queue = sim.component('queue-2');
    const small = sent(sim.state, 'queue-2', 'worker-3')!;
    const large = sent(sim.state, 'queue-2', 'worker-4')!;
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeCloseTo(SIZES.large.vcpu / SIZES.small.vcpu, 9);
    expect(small + large).toBeCloseTo(queue.extra.drainPerSecond!, 9);
  });
});

describe('a web server with a cache and a database', () => {
  /** users → web → db, plus a small cache of `strategy`, warmed for `ticks`. */
  function cached(strategy: CacheStrategy, ticks = 30) {
    const sim = new Driver(readsAndWrites());
    const cache = sim.buy({ type: 'buy', kind: 'cache', region: 'ap', size: 'small' });
    sim.send({ type: 'configure', id: cache, cacheStrategy: strategy, ttlSeconds: 86_400 }, { type: 'connect', from: 'web-1', to: cache });
    sim.run(ticks);
    expect(sim.component('web-1').figures.failed).toBe(0);
    const c = sim.component(cache);
    const hit = c.extra.hitRatio!;
    expect(hit).toBeGreaterThan(0.05);
    expect(hit).toBeLessThan(0.95);
    return { sim, cache: c, hit };
  }

  it('look-aside: reads reach the cache; the database gets the misses and every write; the server stores each miss', () => {
    const { sim, cache, hit } = cached('lookAside');
    const misses = READS * (1 - hit);
    expect(sent(sim.state, 'web-1', cache.id)).toBeCloseTo(READS + misses, 6); // gets, then a set per miss
    expect(sent(sim.state, 'web-1', 'db-2')).toBeCloseTo(misses + WRITES, 6);
    expect(cache.figures.lambda).toBeCloseTo(arrived(sim.state, cache.id), 6);
    expect(sim.component('db-2').figures.lambda).toBeCloseTo(arrived(sim.state, 'db-2'), 6);
  });

  it('read-through: the server only gets; the cache stores its misses itself and loads them on the server’s behalf', () => {
    const { sim, cache, hit } = cached('readThrough');
    const misses = READS * (1 - hit);
    expect(sent(sim.state, 'web-1', cache.id)).toBeCloseTo(READS, 6);
    expect(sent(sim.state, 'web-1', 'db-2')).toBeCloseTo(misses + WRITES, 6);
    // The cache's own stores are the one part of a λ no link carries.
    expect(cache.figures.lambda).toBeCloseTo(arrived(sim.state, cache.id) + misses, 6);
    expect(sim.component('db-2').figures.lambda).toBeCloseTo(arrived(sim.state, 'db-2'), 6);
  });

  it('write-through: writes go to the cache as well as the database', () => {
    const { sim, cache, hit } = cached('writeThrough');
    expect(sent(sim.state, 'web-1', cache.id)).toBeCloseTo(READS + WRITES, 6);
    expect(sent(sim.state, 'web-1', 'db-2')).toBeCloseTo(READS * (1 - hit) + WRITES, 6);
  });
});

describe('replicas', () => {
  /** users → web → primary db-2, with `replicas` large replicas in the same region. */
  function replicated(replicas: number, incidents: Scenario['incidents'] = []) {
    const sim = new Driver(readsAndWrites({ incidents }));
    const ids = sim
      .send(
        ...Array.from({ length: replicas }, () => ({
          type: 'buy' as const,
          kind: 'db' as const,
          region: 'ap',
          size: 'large' as const,
          replicaOf: 'db-2',
        })),
      )
      .map((o) => o.createdId!);
    sim.run(12);
    return { sim, ids };
  }

  it('reads spread over the local replicas, writes go to the primary, which streams every write to each replica', () => {
    const { sim, ids } = replicated(2);
    const primary = sim.component('db-2');
    expect(sent(sim.state, 'web-1', 'db-2')).toBeCloseTo(WRITES, 9);
    for (const id of ids) {
      expect(sent(sim.state, 'web-1', id)).toBeCloseTo(READS / 2, 9);
      expect(sent(sim.state, 'db-2', id)).toBeCloseTo(WRITES, 9);
      expect(sim.component(id).figures.lambda).toBeCloseTo(READS / 2 + WRITES, 9);
      expect(arrived(sim.state, id)).toBeCloseTo(sim.component(id).figures.lambda, 9);
    }
    expect(primary.figures.lambda).toBeCloseTo(arrived(sim.state, 'db-2'), 9);
  });

  it('a dead replica gets no reads, but the write stream still reaches it and fails there', () => {
    const { sim, ids } = replicated(2, [{ tick: 13, type: 'serverCrash', target: 'db-3' }]);
    sim.run(2);
    const dead = sim.component(ids[0]!);
    expect(dead.id).toBe('db-3');
    expect(dead.down).toBe(1);
    expect(sent(sim.state, 'web-1', dead.id)).toBe(0);
    expect(sent(sim.state, 'web-1', ids[1]!)).toBeCloseTo(READS, 9);
    expect(sent(sim.state, 'db-2', dead.id)).toBeCloseTo(WRITES, 9);
    expect(dead.figures.failed).toBeCloseTo(WRITES, 9);
  });
});

describe('failures', () => {
  it('requests to a dead database travel and fail there: they are on the link', () => {
    const sim = new Driver(readsAndWrites({ incidents: [{ tick: 2, type: 'serverCrash', target: 'db-2' }] })).run(4);
    const db = sim.component('db-2');
    expect(db.down).toBe(1);
    expect(sent(sim.state, 'web-1', 'db-2')).toBeCloseTo(READS, 9); // writes to a dead primary fail at the server
    expect(db.figures.failed).toBeCloseTo(READS, 9);
    expect(db.figures.lambda).toBeCloseTo(arrived(sim.state, 'db-2'), 9);
  });

  it('requests that cannot cross a partition fail at the caller: nothing is on the link', () => {
    const scenario = readsAndWrites({
      regions: [region('a', 1000), region('b', 1000)],
      latencyMs: twoRegionLatency('a', 'b', 150),
      incidents: [{ tick: 3, type: 'regionPartition', region: 'a', peer: 'b', durationTicks: 5 }],
      initialTopology: [
        { kind: 'web', region: 'a', size: 'xlarge', connectFrom: ['users'] },
        { kind: 'web', region: 'b', size: 'xlarge', connectFrom: ['users'] },
        { kind: 'db', region: 'a', size: 'xlarge', engine: 'rdbms', connectFrom: [0, 1] },
      ],
    });
    const sim = new Driver(scenario).run(3);
    const half = (READS + WRITES) / 2;
    expect(fromUsers(sim.state, 'web-1')).toEqual([half, 0]);
    expect(fromUsers(sim.state, 'web-2')).toEqual([0, half]);
    expect(sent(sim.state, 'web-2', 'db-3')).toBeCloseTo(half, 9);
    sim.run(1);
    expect(sent(sim.state, 'web-2', 'db-3')).toBe(0);
    expect(sent(sim.state, 'web-1', 'db-3')).toBeCloseTo(half, 9);
    expect(sim.component('db-3').figures.lambda).toBeCloseTo(half, 9);
  });
});

describe('conservation over whole games', () => {
  /** Every component's λ against its links in and its users: equal, but for a non-look-aside cache's own stores. */
  function check(state: SimState): string[] {
    const problems: string[] = [];
    const { links } = state;
    const into = new Map<string, number>();
    links.to.forEach((to, k) => into.set(to, (into.get(to) ?? 0) + links.rates[k]!));
    links.users.to.forEach((to, k) => into.set(to, (into.get(to) ?? 0) + links.users.rates[k]!));
    if (![...links.rates, ...links.users.rates].every((rate) => rate >= 0)) problems.push(`${state.tick}: a negative rate`);
    if (links.from.length !== links.rates.length || links.to.length !== links.rates.length) problems.push(`${state.tick}: ragged links`);
    for (const c of state.components) {
      if (c.kind === 'cache' && (c.settings.cacheStrategy ?? 'lookAside') !== 'lookAside') continue;
      const arriving = into.get(c.id) ?? 0;
      if (Math.abs(arriving - c.figures.lambda) > 1e-9 * Math.max(1, c.figures.lambda))
        problems.push(`${state.tick} ${c.id}: λ ${c.figures.lambda}, links and users ${arriving}`);
    }
    return problems;
  }

  it.each([
    ['constant-load', 7, constantLoadBuildLog()],
    ['sandbox', 1, sandboxBuildLog()],
  ] as const)('%s (seed %i): every tick, each component’s λ is what reached it', (scenario, seed, log) => {
    const problems: string[] = [];
    let checked = 0;
    replay(loadPreset(scenario), seed, log, 800, (state) => {
      problems.push(...check(state));
      checked++;
    });
    expect(checked).toBe(800);
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('with a CDN: it receives every static file from each region’s users, the site only the rest', () => {
    const scenario = constantScenario({
      classMix: { static: 60, read: 0, write: 0, session: 30, job: 0 },
      traffic: { mode: 'constant', requestsPerSecond: 90 },
      initialTopology: [
        { kind: 'web', region: 'ap', size: 'xlarge', connectFrom: ['users'] },
        { kind: 'cdn', region: 'ap' },
      ],
    });
    const sim = new Driver(scenario).run(20);
    const cdn = sim.component('cdn-2');
    const hit = cdn.extra.hitRatio!;
    expect(hit).toBeGreaterThan(0);
    expect(fromUsers(sim.state, 'cdn-2')).toEqual([60]);
    expect(cdn.figures.lambda).toBeCloseTo(60, 9);
    expect(fromUsers(sim.state, 'web-1')[0]).toBeCloseTo(30 + 60 * (1 - hit), 9);
    expect(check(sim.state)).toEqual([]);
  });
});

describe('in the team view', () => {
  function played(hostMetrics: boolean): SimState {
    const sim = createSim(loadPreset('sandbox'), 5);
    if (hostMetrics) expect(executeCommand(sim, { type: 'buyFeature', feature: 'hostMetrics' }, true).ok).toBe(true);
    for (let i = 0; i < 5; i++) step(sim);
    return sim;
  }

  it('host metrics show each link’s rate by target id, and the users’ requests by region', () => {
    const state = played(true);
    const view = teamView(state);
    for (const c of view.components) {
      const targets = linksOf(state, c.id);
      expect(Object.keys(c.metrics!.sent)).toEqual(targets);
      for (const to of targets) expect(c.metrics!.sent[to]).toBeCloseTo(sent(state, c.id, to)!, 0);
      const users = fromUsers(state, c.id);
      expect(Object.keys(c.metrics!.fromUsers)).toEqual(state.scenario.regions.filter((_, r) => users[r]! > 0).map((r) => r.id));
    }
    const entry = view.components.find((c) => c.id === state.entries.ap)!;
    expect(sum(Object.values(entry.metrics!.fromUsers))).toBeCloseTo(entry.metrics!.lambda, 0);
  });

  it('without host metrics there are no rates to see', () => {
    expect(teamView(played(false)).components.every((c) => c.metrics === null)).toBe(true);
  });
});
