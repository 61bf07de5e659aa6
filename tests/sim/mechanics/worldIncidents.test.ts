/**
 * Every incident of docs/design.md's list (server crash, database primary failure, replica failure,
 * cache node loss, CDN outage, data-center outage, traffic spike, celebrity hotspot key, shard
 * running out of space, bad deploy, replication lag spike, network partition between regions)
 * can be scripted; each has a start, an effect the flow model shows, and an end; the debrief's
 * "time to recover" is the first tick after the start at which availability is back. World
 * incidents come from the seed alone, so every team with the same seed meets the same ones.
 * One file on purpose: one section per incident of the list, each the same shape (start,
 * effect, end), so a missing or differing incident shows at a glance.
 */
import { describe, expect, it } from 'vitest';
import { loadPreset, scenarioSchema } from '../../../shared/scenarios';
import { AUTO_REPAIR_TICKS, drawWorldIncidents } from '../../../shared/sim/rules/incidents';
import {
  INCIDENT_TYPES,
  KINDS,
  TICKS_PER_DAY,
  WORLD_INCIDENTS,
  type Command,
  type IncidentRecord,
  type IncidentType,
  type InitialComponent,
  type PerClass,
  type Scenario,
  type ScriptedIncident,
  type SimState,
} from '../../../shared/sim';
import { Driver } from '../../helpers/driver';
import { largeDb, mix, posts, regionsScenario, webEntry, type RegionsSetup } from '../../helpers/scenarios';

const RPS = 100;
/** Scripted incidents start here: late enough for replicas (10 ticks) to be ready and caches warm. */
const START = 12;
const DURATION = 5;

const STATIC_ONLY = mix({ static: 1 });
const READ_WRITE = mix({ read: 0.8, write: 0.2 });

/**
 * Two regions, a and b, 150 ms apart; a constant load of RPS from the regions with users (all in
 * a unless `users` says otherwise), static files only unless `classMix` says otherwise.
 */
function scenario(options: Omit<RegionsSetup, 'users' | 'classMix'> & { users?: { a: number; b: number }; classMix?: PerClass }): Scenario {
  return regionsScenario(RPS, { ...options, users: options.users ?? { a: 1000, b: 0 }, classMix: options.classMix ?? STATIC_ONLY });
}

/** users → lb → web ×2 (a). */
const WEB_POOL: InitialComponent[] = [
  { kind: 'lb', region: 'a', connectFrom: ['users'] },
  { kind: 'web', region: 'a', size: 'large', count: 2, connectFrom: [0] },
];
/** users → web → database (a): web-1, db-2. */
const WEB_DB: InitialComponent[] = [webEntry('a'), largeDb('a', 0)];

/** Runs to just before START, then through START; returns the incident scripted there. */
function startIt(sim: Driver): IncidentRecord {
  sim.run(START + 1 - sim.state.tick);
  const started = sim.state.incidents.filter((i) => i.startTick === START);
  expect(started).toHaveLength(1);
  return started[0]!;
}

/** Every incident type: how it is scripted, what the flow shows, how it ends. */
const CASES: Record<IncidentType, { title: string; run: () => void }> = {
  serverCrash: {
    title: 'a web server crashes: without health checks its share of requests fails; a restart brings it back',
    run: () => {
      const sim = new Driver(scenario({ topology: WEB_POOL, incidents: [{ tick: START, type: 'serverCrash', target: 'web-2' }] }));
      expect(sim.run(START).state.summary.errorRate).toBe(0);
      const incident = startIt(sim);
      expect(incident).toMatchObject({ type: 'serverCrash', target: 'web-2', endTick: null });
      expect(sim.component('web-2').down).toBe(1);
      expect(sim.state.summary.errorRate).toBeCloseTo(0.5, 9);
      expect(sim.send({ type: 'restart', id: 'web-2' })[0]?.ok).toBe(true);
      sim.runTo(START + 1 + KINDS.web.restartTicks + 1);
      expect(incident.endTick).toBe(START + 1 + KINDS.web.restartTicks);
      expect(sim.state.summary.errorRate).toBe(0);
    },
  },
  trafficSpike: {
    title: 'a traffic spike multiplies the load by its magnitude until it expires',
    run: () => {
      const sim = new Driver(
        scenario({ topology: WEB_POOL, incidents: [{ tick: START, type: 'trafficSpike', magnitude: 2.5, durationTicks: DURATION }] }),
      );
      const incident = startIt(sim);
      expect(sim.state.summary.requestsPerSecond).toBeCloseTo(2.5 * RPS, 9);
      expect(sim.component('web-2').figures.lambda).toBeCloseTo(2.5 * RPS, 9);
      sim.runTo(START + DURATION + 1);
      expect(incident.endTick).toBe(incident.expiresTick);
      expect(incident.expiresTick).toBe(START + DURATION);
      expect(sim.state.summary.requestsPerSecond).toBeCloseTo(RPS, 9);
    },
  },
  badDeploy: {
    title: 'a bad deploy fails its share of what the web tier processes until it expires',
    run: () => {
      const sim = new Driver(
        scenario({ topology: WEB_POOL, incidents: [{ tick: START, type: 'badDeploy', magnitude: 0.3, durationTicks: DURATION }] }),
      );
      const incident = startIt(sim);
      expect(sim.state.summary.errorRate).toBeCloseTo(0.3, 9);
      expect(sim.component('web-2').figures.failed).toBeCloseTo(0.3 * RPS, 9);
      sim.runTo(START + DURATION + 1);
      expect(incident.endTick).toBe(START + DURATION);
      expect(sim.state.summary.errorRate).toBe(0);
    },
  },
  dbPrimaryFailure: {
    title: 'a database primary fails (the first primary, when the script names none): writes fail until it is back',
    run: () => {
      const sim = new Driver(scenario({ topology: WEB_DB, classMix: READ_WRITE, incidents: [{ tick: START, type: 'dbPrimaryFailure' }] }));
      const replica = sim.buy({ type: 'buy', kind: 'db', region: 'a', size: 'large', replicaOf: 'db-2' });
      const incident = startIt(sim);
      expect(incident).toMatchObject({ type: 'dbPrimaryFailure', target: 'db-2', endTick: null });
      expect(sim.component('db-2').down).toBe(1);
      // Reads go on from the replica; the writes fail at the web server.
      expect(sim.component('web-1').figures.failed).toBeCloseTo(0.2 * RPS, 9);
      expect(sim.component(replica).figures.served).toBeCloseTo(0.8 * RPS, 9);
      sim.send({ type: 'restart', id: 'db-2' });
      sim.runTo(START + 1 + KINDS.db.restartTicks + 1);
      expect(incident.endTick).toBe(START + 1 + KINDS.db.restartTicks);
      expect(sim.component('web-1').figures.failed).toBe(0);
      expect(sim.state.summary.successRate).toBe(1);
    },
  },
  replicaFailure: {
    title: 'a read replica fails: its reads go to the primary until it is back',
    run: () => {
      const sim = new Driver(
        scenario({ topology: WEB_DB, classMix: READ_WRITE, incidents: [{ tick: START, type: 'replicaFailure', target: 'db-3' }] }),
      );
      expect(sim.buy({ type: 'buy', kind: 'db', region: 'a', size: 'large', replicaOf: 'db-2' })).toBe('db-3');
      sim.run(START - sim.state.tick);
      expect(sim.component('db-2').figures.lambda).toBeCloseTo(0.2 * RPS, 9); // writes only
      const incident = startIt(sim);
      expect(incident).toMatchObject({ type: 'replicaFailure', target: 'db-3' });
      expect(sim.component('db-2').figures.lambda).toBeCloseTo(RPS, 9); // reads and writes
      expect(sim.state.summary.successRate).toBe(1);
      sim.send({ type: 'restart', id: 'db-3' });
      sim.runTo(START + 1 + KINDS.db.restartTicks + 1);
      expect(incident.endTick).toBe(START + 1 + KINDS.db.restartTicks);
      expect(sim.component('db-2').figures.lambda).toBeCloseTo(0.2 * RPS, 9);
    },
  },
  cacheNodeLoss: {
    title: 'a cache node is lost with its keys: the database takes the misses until the node is back',
    run: () => {
      const sim = new Driver(
        scenario({
          topology: [...WEB_DB, { kind: 'cache', region: 'a', size: 'small', count: 2, connectFrom: [0] }],
          classMix: mix({ read: 1 }),
          incidents: [{ tick: START, type: 'cacheNodeLoss', target: 'cache-3' }],
          overrides: { workingSet: { keys: 2_000_000, alpha: 0.9, objectKb: 4 } },
        }),
      );
      sim.run(START);
      const cache = sim.component('cache-3');
      const fill = cache.fill;
      const dbLoad = sim.component('db-2').figures.lambda;
      expect(fill).toBeGreaterThan(0);
      const incident = startIt(sim);
      expect(incident).toMatchObject({ type: 'cacheNodeLoss', target: 'cache-3' });
      expect(cache.down).toBe(1);
      expect(cache.fill).toBeLessThan(fill);
      expect(sim.component('db-2').figures.lambda).toBeGreaterThan(dbLoad);
      sim.send({ type: 'restart', id: 'cache-3' });
      sim.runTo(START + 1 + KINDS.cache.restartTicks + 1);
      expect(incident.endTick).toBe(START + 1 + KINDS.cache.restartTicks);
      expect(cache.down).toBe(0);
    },
  },
  cdnOutage: {
    title: 'a CDN outage fails static files (no fallback to the origin was set up) until it expires',
    run: () => {
      const sim = new Driver(
        scenario({
          topology: [...WEB_POOL, { kind: 'cdn', region: 'a' }],
          incidents: [{ tick: START, type: 'cdnOutage', durationTicks: DURATION }],
        }),
      );
      expect(sim.run(START).state.summary.successRate).toBe(1);
      const incident = startIt(sim);
      expect(sim.component('cdn-3').figures.failed).toBeCloseTo(RPS, 9);
      expect(sim.state.summary.successRate).toBe(0);
      sim.runTo(START + DURATION + 1);
      expect(incident.endTick).toBe(START + DURATION);
      expect(sim.state.summary.successRate).toBe(1);
    },
  },
  dataCenterOutage: {
    title: 'a data-center outage takes every component of its region out, and its users go elsewhere, until it expires',
    run: () => {
      const sim = new Driver(
        scenario({
          users: { a: 1000, b: 1000 },
          topology: [webEntry('a'), webEntry('b')],
          incidents: [{ tick: START, type: 'dataCenterOutage', region: 'b', durationTicks: DURATION }],
        }),
      );
      const incident = startIt(sim);
      expect(incident).toMatchObject({ region: 'b' });
      expect(sim.component('web-2').figures.capacity).toBe(0);
      expect(sim.component('web-1').figures.lambda).toBeCloseTo(RPS, 9);
      sim.runTo(START + DURATION + 1);
      expect(incident.endTick).toBe(START + DURATION);
      expect(sim.component('web-2').figures.lambda).toBeCloseTo(RPS / 2, 9);
    },
  },
  hotspotKey: {
    title: 'a celebrity hotspot puts its share of the load on one shard (skew 1 − h + n·h over n shards) until it expires',
    run: () => {
      const shards = 4;
      const h = 0.2;
      const sim = new Driver(
        scenario({
          topology: [webEntry('a'), { kind: 'db', region: 'a', size: 'large', engine: 'nosql', count: shards, connectFrom: [0] }],
          classMix: READ_WRITE,
          incidents: [{ tick: START, type: 'hotspotKey', magnitude: h, durationTicks: DURATION }],
        }),
      );
      expect(sim.run(START).component('db-2').extra.shardSkew).toBeCloseTo(1, 9);
      const incident = startIt(sim);
      expect(sim.component('db-2').extra.shardSkew).toBeCloseTo(1 - h + shards * h, 9);
      sim.runTo(START + DURATION + 1);
      expect(incident.endTick).toBe(START + DURATION);
      expect(sim.component('db-2').extra.shardSkew).toBeCloseTo(1, 9);
    },
  },
  shardFull: {
    title: 'a shard runs out of space when its share of the data outgrows its disk: its writes fail until a resize gives it room',
    run: () => {
      // 1000 users × 160 MB = 160 GB over two medium NoSQL shards (100 GB of disk each): a hash
      // key puts 80 GB on each; a user-id range puts 1/3 and 2/3 (107 GB) on them.
      // The store is laid out by user-id range from the start, so it is full from the first tick.
      const sim = new Driver(
        scenario({
          topology: [
            webEntry('a'),
            { kind: 'db', region: 'a', size: 'medium', engine: 'nosql', count: 2, shardKey: 'userIdRange', connectFrom: [0] },
          ],
          classMix: READ_WRITE,
          overrides: { datasets: [posts({ mbPerUser: 160 })] },
        }),
      );
      sim.run(START);
      const incident = sim.state.incidents.find((i) => i.type === 'shardFull')!;
      expect(incident).toMatchObject({ type: 'shardFull', target: 'db-2', startTick: 0, origin: 'condition', endTick: null });
      const db = sim.component('db-2');
      expect(db.extra.fullShards).toBe(1);
      expect(db.down).toBe(0); // not a crash
      expect(db.figures.failed).toBeCloseTo(0.2 * RPS * (2 / 3), 9); // the writes of the full shard
      // A resize restarts the shards one at a time onto large machines (200 GB of disk).
      expect(sim.send({ type: 'resize', id: 'db-2', size: 'large' })[0]?.ok).toBe(true);
      sim.runTo(START + 1 + 2 * KINDS.db.restartTicks);
      expect(db.size).toBe('large');
      expect(incident.endTick).toBe(START + 2 * KINDS.db.restartTicks);
      expect(db.extra.fullShards).toBe(0);
      expect(db.figures.failed).toBe(0);
    },
  },
  replicationLagSpike: {
    title: "a replication lag spike adds its seconds to every replica's lag (more stale reads) until it expires",
    run: () => {
      const spike = 120;
      const sim = new Driver(
        scenario({
          topology: WEB_DB,
          classMix: READ_WRITE,
          incidents: [{ tick: START, type: 'replicationLagSpike', magnitude: spike, durationTicks: DURATION }],
        }),
      );
      const replica = sim.buy({ type: 'buy', kind: 'db', region: 'a', size: 'large', replicaOf: 'db-2' });
      sim.run(START - sim.state.tick);
      const lag = sim.component(replica).extra.replicationLag!;
      const stale = sim.component(replica).extra.staleShare!;
      const incident = startIt(sim);
      expect(sim.component(replica).extra.replicationLag! - lag).toBeCloseTo(spike, 9);
      expect(sim.component(replica).extra.staleShare!).toBeGreaterThan(stale);
      sim.runTo(START + DURATION + 1);
      expect(incident.endTick).toBe(START + DURATION);
      expect(sim.component(replica).extra.replicationLag!).toBeCloseTo(lag, 9);
    },
  },
  regionPartition: {
    title: 'a partition between two regions fails every call between them until it expires',
    run: () => {
      const sim = new Driver(
        scenario({
          users: { a: 0, b: 1000 },
          classMix: READ_WRITE,
          topology: [webEntry('b'), largeDb('a', 0)],
          incidents: [{ tick: START, type: 'regionPartition', region: 'a', peer: 'b', durationTicks: DURATION }],
        }),
      );
      expect(sim.run(START).state.summary.successRate).toBe(1);
      const incident = startIt(sim);
      expect(incident).toMatchObject({ region: 'a', peer: 'b' });
      expect(sim.state.summary.successRate).toBe(0);
      sim.runTo(START + DURATION + 1);
      expect(incident.endTick).toBe(START + DURATION);
      expect(sim.state.summary.successRate).toBe(1);
    },
  },
};

describe('every incident type can be scripted, shows in the flow, and ends', () => {
  for (const type of INCIDENT_TYPES) {
    it(`${type}: ${CASES[type].title}`, CASES[type].run);
  }

  it('shardFull cannot be scripted: running out of space follows from the data and the disks', () => {
    const preset = loadPreset('constant-load');
    const scripted = { ...preset, incidents: [{ tick: START, type: 'shardFull', target: 'db-3' }] };
    expect(scenarioSchema.safeParse(scripted).success).toBe(false);
    expect(scenarioSchema.safeParse({ ...preset, incidents: [{ tick: START, type: 'dbPrimaryFailure', target: 'db-3' }] }).success).toBe(
      true,
    );
  });

  it('an instance failure also ends when the provider replaces the instance, autoscaling replaces it, or its component is removed', () => {
    const crash = (extra: ScriptedIncident[] = []) =>
      new Driver(scenario({ topology: WEB_POOL, incidents: [{ tick: START, type: 'serverCrash', target: 'web-2' }, ...extra] }));
    const repaired = crash();
    const first = startIt(repaired);
    repaired.runTo(START + AUTO_REPAIR_TICKS + 1);
    expect(first.endTick).toBe(START + AUTO_REPAIR_TICKS);
    expect(repaired.component('web-2').down).toBe(0);

    const replaced = crash();
    replaced.send(
      { type: 'configure', id: 'lb-1', healthChecks: true },
      { type: 'configure', id: 'web-2', autoscaling: { enabled: true, min: 2, max: 2, targetUtilisation: 0.5, cooldownTicks: 0 } },
    );
    const second = startIt(replaced);
    // Autoscaling runs after the flow of the same tick: the dead instance is retired at once.
    expect(second.endTick).toBe(START);
    expect(replaced.component('web-2').down).toBe(0);

    const removed = crash();
    const third = startIt(removed);
    removed.send({ type: 'remove', id: 'web-2' });
    expect(third.endTick).toBe(START + 1);
  });
});

/** Runs `ticks` steps, sending `commands[t]` at tick t; returns availability after each step, by tick. */
function runRecording(sim: Driver, ticks: number, commands: Record<number, Command[]> = {}): number[] {
  const availability: number[] = [];
  for (let t = 0; t < ticks; t++) {
    const tick = sim.state.tick;
    if (commands[tick] !== undefined) sim.send(...commands[tick]);
    else sim.run(1);
    availability[tick] = sim.state.summary.availability;
  }
  return availability;
}

/** recoveredTick recomputed: the first tick after the start with availability ≥ min(baseline, objective). */
function expectRecoveries(state: SimState, availability: number[]): void {
  const objective = state.scenario.objectives.availability;
  for (const incident of state.incidents) {
    const baseline = incident.startTick === 0 ? 1 : availability[incident.startTick - 1]!;
    expect(incident.baselineAvailability, `incident ${incident.id} baseline`).toBe(baseline);
    let expected: number | null = null;
    for (let t = incident.startTick + 1; t < state.tick; t++) {
      if (availability[t]! >= Math.min(baseline, objective) - 1e-9) {
        expected = t;
        break;
      }
    }
    expect(incident.recoveredTick, `incident ${incident.id} (${incident.type} at ${incident.startTick})`).toBe(expected);
  }
}

describe('time to recover', () => {
  it("is the first tick after the start at which availability is back: a lone server's crash recovers when its restart completes", () => {
    const sim = new Driver(scenario({ topology: [webEntry('a')], incidents: [{ tick: START, type: 'serverCrash', target: 'web-1' }] }));
    const availability = runRecording(sim, START + 12, { [START + 1]: [{ type: 'restart', id: 'web-1' }] });
    expect(availability[START]).toBe(0);
    const incident = sim.state.incidents[0]!;
    expect(incident.endTick).toBe(START + 1 + KINDS.web.restartTicks);
    expect(incident.recoveredTick).toBe(incident.endTick);
    expectRecoveries(sim.state, availability);
  });

  it('an incident the system absorbs has recovered on the next tick', () => {
    const sim = new Driver(
      scenario({ topology: WEB_POOL, incidents: [{ tick: START, type: 'trafficSpike', magnitude: 1.5, durationTicks: DURATION }] }),
    );
    const availability = runRecording(sim, START + 3);
    expect(sim.state.incidents[0]!.recoveredTick).toBe(START + 1);
    expectRecoveries(sim.state, availability);
  });

  it('holds for every incident of a busy game (random crashes and world incidents of every kind)', () => {
    const rates = Object.fromEntries(WORLD_INCIDENTS.map((type) => [type, 40]));
    const sim = new Driver(
      scenario({
        users: { a: 1000, b: 1000 },
        classMix: { static: 0.4, read: 0.4, write: 0.1, session: 0.1, job: 0 },
        topology: [
          { kind: 'lb', region: 'a', connectFrom: ['users'] },
          { kind: 'web', region: 'a', size: 'small', count: 3, connectFrom: [0] },
          { kind: 'db', region: 'a', size: 'medium', engine: 'nosql', count: 2, connectFrom: [1] },
          { kind: 'web', region: 'b', size: 'small', connectFrom: ['users'] },
          { kind: 'cdn', region: 'b' },
        ],
        overrides: { randomIncidentsPerDay: rates, mtbfTicks: { web: 200, db: 300, lb: 500 } },
      }),
      11,
    );
    const availability = runRecording(sim, 300, { 0: [{ type: 'connect', from: 'web-4', to: 'db-3' }] });
    expect(sim.state.incidents.length).toBeGreaterThan(10);
    expectRecoveries(sim.state, availability);
  });
});

/** A quiet two-region world with every world incident at `rate` per day. */
function worldScenario(rate: number): Scenario {
  return scenario({
    users: { a: 1000, b: 1000 },
    topology: [webEntry('a')],
    overrides: { randomIncidentsPerDay: Object.fromEntries(WORLD_INCIDENTS.map((type) => [type, rate])) },
  });
}

const worldEvents = (state: SimState, types: readonly IncidentType[] = WORLD_INCIDENTS) =>
  state.incidents
    .filter((i) => i.origin === 'random' && types.includes(i.type))
    .map((i) => ({ type: i.type, start: i.startTick, magnitude: i.magnitude, region: i.region, peer: i.peer, expires: i.expiresTick }));

describe('world incidents drawn at random', () => {
  const days = 0.5;

  it('are the same for every team with the same seed, whatever it builds in its data center', () => {
    const quiet = new Driver(worldScenario(12), 42);
    const busy = new Driver(worldScenario(12), 42);
    busy.send(
      { type: 'buy', kind: 'lb', region: 'a' },
      { type: 'scale', id: 'web-1', count: 1 },
      { type: 'buy', kind: 'db', region: 'a', engine: 'nosql', count: 3 },
      { type: 'buy', kind: 'cache', region: 'a' },
      { type: 'buy', kind: 'cdn', region: 'a' },
      { type: 'buyFeature', feature: 'hostMetrics' },
    );
    busy.send(
      { type: 'connect', from: 'web-1', to: 'db-3' },
      { type: 'connect', from: 'web-1', to: 'cache-4' },
      { type: 'buy', kind: 'db', region: 'b', replicaOf: 'db-3' },
    );
    quiet.run(days * TICKS_PER_DAY);
    busy.run(days * TICKS_PER_DAY - 2);
    expect(busy.state.components.map((c) => c.id)).toEqual(['web-1', 'lb-2', 'db-3', 'cache-4', 'cdn-5', 'db-6']);
    const events = worldEvents(quiet.state);
    expect(new Set(events.map((e) => e.type)).size).toBe(WORLD_INCIDENTS.length);
    expect(worldEvents(busy.state)).toEqual(events);
  });

  it('are the same for a team that opens a second data center or buys CI/CD (only its bad deploys may differ)', () => {
    // A second data center makes bad deploys likelier and CI/CD rarer; every other world event
    // (outages, partitions, spikes …) must still be the one its rivals meet.
    const others = WORLD_INCIDENTS.filter((type) => type !== 'badDeploy');
    const quiet = new Driver(worldScenario(12), 42);
    const twoSites = new Driver(worldScenario(12), 42);
    const automated = new Driver(worldScenario(12), 42);
    twoSites.send({ type: 'buy', kind: 'web', region: 'b' });
    automated.send({ type: 'buyFeature', feature: 'cicd' });
    quiet.run(days * TICKS_PER_DAY);
    twoSites.run(days * TICKS_PER_DAY - 1);
    automated.run(days * TICKS_PER_DAY - 1);
    const events = worldEvents(quiet.state, others);
    expect(worldEvents(twoSites.state, others)).toEqual(events);
    expect(worldEvents(automated.state, others)).toEqual(events);
  });

  it('come at about randomIncidentsPerDay of each type over many days, with places and strengths in range', () => {
    const rate = 5;
    const period = 40;
    const sim = new Driver(worldScenario(rate), 3);
    // Only the world stream's draw is exercised: the flow takes no part in it.
    const state = sim.state;
    for (let t = 0; t < period * TICKS_PER_DAY; t++) {
      drawWorldIncidents(state);
      state.lastEvents = [];
      state.tick += 1;
    }
    const expected = rate * period;
    for (const type of WORLD_INCIDENTS) {
      const drawn = state.incidents.filter((i) => i.type === type);
      expect(drawn.length / expected, type).toBeGreaterThan(0.75);
      expect(drawn.length / expected, type).toBeLessThan(1.25);
    }
    const regions = ['a', 'b'];
    for (const incident of state.incidents) {
      const duration = incident.expiresTick - incident.startTick;
      expect(duration, incident.type).toBeGreaterThan(0);
      switch (incident.type) {
        case 'trafficSpike':
          expect(incident.magnitude).toBeGreaterThanOrEqual(1.5);
          expect(incident.magnitude).toBeLessThanOrEqual(4);
          break;
        case 'badDeploy':
          expect(incident.magnitude).toBeGreaterThanOrEqual(0.2);
          expect(incident.magnitude).toBeLessThanOrEqual(0.5);
          break;
        case 'dataCenterOutage':
          expect(regions).toContain(incident.region);
          break;
        case 'regionPartition':
          expect(regions).toContain(incident.region);
          expect(regions).toContain(incident.peer);
          expect(incident.peer).not.toBe(incident.region);
          break;
        default:
          expect(incident.magnitude).toBeGreaterThan(0);
      }
    }
    // Both regions are hit, not only the first.
    expect(new Set(state.incidents.filter((i) => i.type === 'dataCenterOutage').map((i) => i.region))).toEqual(new Set(regions));
  });

  it('half a day of play through step() draws them at that rate too (a loose bound)', () => {
    const rate = 12;
    const sim = new Driver(worldScenario(rate), 9).run(days * TICKS_PER_DAY);
    const drawn = worldEvents(sim.state).length;
    const expected = rate * WORLD_INCIDENTS.length * days;
    expect(drawn).toBeGreaterThan(0.6 * expected);
    expect(drawn).toBeLessThan(1.4 * expected);
  });
});
