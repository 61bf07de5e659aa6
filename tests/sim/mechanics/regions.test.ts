/**
 * Idea 9 of docs/design.md (seed: 데이터 센터): users are sent to the nearest healthy data center by GeoDNS,
 * or split between data centers by weight; users far from a data center, and calls from one
 * region to another, pay the round trip between them; when a data center fails, GeoDNS sends its
 * users to another one, which has their data only if it was replicated there; a partition between
 * two regions cuts the calls between them and lets replication fall behind; deploying to several
 * data centers needs automation (CI/CD); copying data between regions is billed per GB.
 * One file on purpose: every rule of the data-center idea, in the order the idea is taught.
 */
import { describe, expect, it } from 'vitest';
import { deployRiskFactor, drawWorldIncidents } from '../../../shared/sim/rules/incidents';
import { PROMOTION_TICKS, rollbackTicks } from '../../../shared/sim/commands/operations';
import { KINDS, TICK_SECONDS, type InitialComponent, type Scenario, type ScriptedIncident } from '../../../shared/sim';
import { Driver } from '../../helpers/driver';
import { AB_MS, LOCAL_MS, largeDb, mix, posts, regionsScenario, webEntry, type RegionsSetup } from '../../helpers/scenarios';

const RPS = 100;
const STATIC_ONLY = mix({ static: 1 });
const READ_ONLY = mix({ read: 1 });
const WRITE_ONLY = mix({ write: 1 });
/** Reads and writes only: 80 % reads, 20 % writes. */
const READ_WRITE = mix({ read: 0.8, write: 0.2 });
const READ_SHARE = 0.8;
const WRITE_SHARE = 0.2;

/** A constant load of RPS requests per second over regions a, b (and c when it has users). */
const world = (setup: RegionsSetup): Scenario => regionsScenario(RPS, setup);

describe('GeoDNS: users go to the nearest healthy data center', () => {
  /** Users in a, b and c (unless `users` says otherwise); a web server as the DNS entry of a and of b; c has none. */
  const webInAAndB = (incidents: ScriptedIncident[] = [], users: RegionsSetup['users'] = { a: 1000, b: 1000, c: 1000 }) =>
    new Driver(world({ users, classMix: STATIC_ONLY, topology: [webEntry('a'), webEntry('b')], incidents }));

  it('each region with a data center uses its own; a region without one goes to the lowest round trip', () => {
    // a and b each have a web server as their DNS entry; c has none and is nearer b than a.
    const sim = webInAAndB().run(2);
    expect(sim.state.entries).toEqual({ a: 'web-1', b: 'web-2' });
    expect(sim.component('web-1').figures.lambda).toBeCloseTo(RPS / 3, 9);
    expect(sim.component('web-2').figures.lambda).toBeCloseTo((2 * RPS) / 3, 9);
    expect(sim.state.summary.successRate).toBe(1);
  });

  it('when the nearest data center is down, its users go to the next nearest healthy one', () => {
    const sim = webInAAndB([{ tick: 2, type: 'dataCenterOutage', region: 'b', durationTicks: 5 }]).run(3);
    // b's and c's users both end up in a.
    expect(sim.component('web-1').figures.lambda).toBeCloseTo(RPS, 9);
    expect(sim.component('web-2').figures.lambda).toBe(0);
    expect(sim.state.summary.successRate).toBe(1);
  });

  it('users far from the data center see their latency rise by the round trip to it', () => {
    // The same one-server system in a, used by users of a (20 ms away) or of b (150 ms away).
    const run = (users: Record<string, number>) =>
      new Driver(world({ users, classMix: STATIC_ONLY, topology: [webEntry('a')] })).run(3).state.summary;
    const near = run({ a: 1000, b: 0 });
    const far = run({ a: 0, b: 1000 });
    expect(far.requestsPerSecond).toBeCloseTo(near.requestsPerSecond, 9);
    expect(far.p95LatencyMs - near.p95LatencyMs).toBeCloseTo(AB_MS - LOCAL_MS, 6);
    expect(far.p50LatencyMs - near.p50LatencyMs).toBeCloseTo(AB_MS - LOCAL_MS, 6);
    // The round trip is part of the latency even for users next to the data center.
    expect(near.p50LatencyMs).toBeGreaterThan(LOCAL_MS);
  });

  it("geoRoute splits a region's users between data centers by weight (weights are normalised)", () => {
    const sim = webInAAndB([], { a: 1000, b: 1000 });
    expect(sim.send({ type: 'geoRoute', region: 'b', weights: { a: 1, b: 3 } })[0]?.ok).toBe(true);
    expect(sim.state.geoWeights).toEqual({ b: { a: 0.25, b: 0.75 } });
    sim.run(1);
    const perRegion = RPS / 2;
    expect(sim.component('web-1').figures.lambda).toBeCloseTo(perRegion + 0.25 * perRegion, 9);
    expect(sim.component('web-2').figures.lambda).toBeCloseTo(0.75 * perRegion, 9);
    // Every user of a sent to b's data center.
    sim.send({ type: 'geoRoute', region: 'a', weights: { a: 0, b: 2 } });
    expect(sim.state.geoWeights.a).toEqual({ b: 1 });
    expect(sim.component('web-1').figures.lambda).toBeCloseTo(0.25 * perRegion, 9);
    expect(sim.component('web-2').figures.lambda).toBeCloseTo(perRegion + 0.75 * perRegion, 9);
  });

  it('geoRoute weights on a data center that is down go to the healthy ones', () => {
    const sim = webInAAndB([{ tick: 3, type: 'dataCenterOutage', region: 'b', durationTicks: 4 }], { a: 1000, b: 1000 });
    sim.send({ type: 'geoRoute', region: 'b', weights: { a: 1, b: 3 } });
    sim.run(3); // through the outage's first tick
    expect(sim.component('web-1').figures.lambda).toBeCloseTo(RPS, 9);
    expect(sim.state.summary.successRate).toBe(1);
    sim.run(4); // the outage is over: the weights apply again
    expect(sim.component('web-2').figures.lambda).toBeCloseTo(0.75 * (RPS / 2), 9);
  });

  it("a region's DNS entry serves requests only through a balancer or web server: pointing users at the CDN serves no reads", () => {
    // The CDN only answers static files; reads need a web server and a database behind it.
    const sim = new Driver(
      world({ users: { a: 1000, b: 0 }, classMix: READ_ONLY, topology: [{ kind: 'cdn', region: 'a', connectFrom: ['users'] }] }),
    ).run(3);
    expect(sim.state.summary.successRate).toBe(0);
  });

  it('geoRoute refuses unknown regions, negative or non-finite weights and all-zero weights, changing nothing', () => {
    const sim = new Driver(world({ users: { a: 1000, b: 1000 }, classMix: STATIC_ONLY, topology: [webEntry('a')] }));
    const outcomes = sim.send(
      { type: 'geoRoute', region: 'mars', weights: { a: 1 } },
      { type: 'geoRoute', region: 'a', weights: { mars: 1 } },
      { type: 'geoRoute', region: 'a', weights: { a: -1, b: 2 } },
      { type: 'geoRoute', region: 'a', weights: { a: Number.POSITIVE_INFINITY } },
      { type: 'geoRoute', region: 'a', weights: { a: Number.NaN } },
      { type: 'geoRoute', region: 'a', weights: { a: 0, b: 0 } },
      { type: 'geoRoute', region: 'a', weights: {} },
    );
    expect(outcomes.map((o) => o.reason)).toEqual([
      'unknown-region',
      'unknown-region',
      'invalid-setting',
      'invalid-setting',
      'invalid-setting',
      'invalid-setting',
      'invalid-setting',
    ]);
    expect(sim.state.geoWeights).toEqual({});
    expect(sim.state.revision).toBe(0); // no command was applied
  });
});

describe('data-center outage', () => {
  /** A full data center in each of a and b: lb → web ×2 → database. */
  const twoDataCenters = (incidents: ScriptedIncident[]) =>
    world({
      users: { a: 1000, b: 1000 },
      classMix: mix({ static: 0.5, read: 0.5 }),
      topology: [
        { kind: 'lb', region: 'a', connectFrom: ['users'] },
        { kind: 'web', region: 'a', size: 'large', count: 2, connectFrom: [0] },
        largeDb('a', 1),
        { kind: 'lb', region: 'b', connectFrom: ['users'] },
        { kind: 'web', region: 'b', size: 'large', count: 2, connectFrom: [3] },
        largeDb('b', 4),
      ],
      incidents,
    });

  it('takes every component of the region out, GeoDNS sends its users to the other data center, and it ends by itself', () => {
    const sim = new Driver(twoDataCenters([{ tick: 3, type: 'dataCenterOutage', region: 'a', durationTicks: 10 }])).run(5);
    const incident = sim.state.incidents[0]!;
    expect(incident).toMatchObject({ type: 'dataCenterOutage', region: 'a', startTick: 3, endTick: null, expiresTick: 13 });
    for (const id of ['lb-1', 'web-2', 'db-3']) {
      expect(sim.component(id).figures.capacity, id).toBe(0);
      expect(sim.component(id).figures.lambda, id).toBe(0);
    }
    expect(sim.component('lb-4').figures.lambda).toBeCloseTo(RPS, 9);
    // b serves everyone's pages, but a's users' data lives in a's database (b's is not a replica):
    // their reads, half of their requests and so a quarter of all, fail until a is back.
    expect(sim.state.summary.successRate).toBeCloseTo(1 - 0.5 * 0.5, 9);
    sim.run(9); // ticks 5–13: the outage expires at the start of tick 13
    expect(incident.endTick).toBe(13);
    expect(sim.component('lb-1').figures.lambda).toBeCloseTo(RPS / 2, 9);
    expect(sim.component('db-3').figures.capacity).toBeGreaterThan(0);
  });

  /**
   * Users in a and b, one web server in each; the data lives on a primary in a, and b's web
   * server is connected to it too (web-1 a, web-2 b, db-3 a). `replica` buys a read replica of
   * db-3 in b (db-4), ready at tick 10; a's data center fails at tick 15 for 30 ticks.
   */
  function dataInA(options: { replica: boolean; failover?: boolean }) {
    const sim = new Driver(
      world({
        users: { a: 1000, b: 1000 },
        classMix: READ_WRITE,
        topology: [webEntry('a'), webEntry('b'), largeDb('a', 0, 1)],
        incidents: [{ tick: 15, type: 'dataCenterOutage', region: 'a', durationTicks: 30 }],
      }),
    );
    if (options.replica) expect(sim.buy({ type: 'buy', kind: 'db', region: 'b', size: 'large', replicaOf: 'db-3' })).toBe('db-4');
    if (options.failover === true) sim.send({ type: 'configure', id: 'db-3', failover: 'automatic' });
    sim.run(15 - sim.state.tick);
    expect(sim.state.tick).toBe(15);
    return sim;
  }

  it('with a replica in B, reads keep working there from the replica while writes fail (the primary is down)', () => {
    const sim = dataInA({ replica: true });
    expect(sim.state.summary.successRate).toBe(1);
    sim.run(1); // the outage's first tick
    // Every user is now in b: reads to the replica, writes to the dead primary fail.
    const web = sim.component('web-2');
    expect(web.figures.lambda).toBeCloseTo(RPS, 9);
    expect(web.figures.failed).toBeCloseTo(WRITE_SHARE * RPS, 9);
    const replica = sim.component('db-4');
    expect(replica.figures.lambda).toBeCloseTo(READ_SHARE * RPS, 9);
    expect(replica.figures.served).toBeCloseTo(READ_SHARE * RPS, 9);
    expect(sim.component('db-3').figures.lambda).toBe(0);
  });

  it('with a replica in B and the primary down, the share of requests that succeed is the share of reads', () => {
    const sim = dataInA({ replica: true });
    sim.run(1);
    expect(sim.state.summary.successRate).toBeCloseTo(READ_SHARE, 9);
  });

  it("without a replica, B's web server, connected only to A's database, fails every data request", () => {
    const sim = dataInA({ replica: false });
    expect(sim.state.summary.successRate).toBe(1);
    sim.run(1);
    expect(sim.component('web-2').figures.lambda).toBeCloseTo(RPS, 9);
    expect(sim.state.summary.successRate).toBe(0);
    // The reads meet a dead database, the writes fail at the web server.
    expect(sim.component('db-3').figures.failed).toBeCloseTo(READ_SHARE * RPS, 9);
    expect(sim.component('web-2').figures.failed).toBeCloseTo(WRITE_SHARE * RPS, 9);
  });

  it('automatic failover promotes the replica in B, and writes work again there', () => {
    const sim = dataInA({ replica: true, failover: true });
    sim.run(1);
    expect(sim.component('db-4').promoteAtTick).toBe(15 + PROMOTION_TICKS);
    sim.run(PROMOTION_TICKS);
    const promoted = sim.component('db-4');
    expect(promoted.settings.replicaOf).toBeUndefined();
    expect(sim.component('db-3').settings.replicaOf).toBe('db-4');
    expect(sim.component('web-2').targets).toEqual(['db-4']);
    expect(promoted.figures.lambda).toBeCloseTo(RPS, 9); // reads and writes
    expect(sim.state.summary.successRate).toBe(1);
  });

  it("writes the primary took but had not yet shipped to B are lost when B's replica is promoted", () => {
    // Every write (WRITE_SHARE · RPS per second) goes to the primary in a; the replica trails it
    // by at least half the round trip, so at least that many seconds of writes are lost.
    const sim = dataInA({ replica: true, failover: true });
    sim.run(1 + PROMOTION_TICKS);
    expect(sim.component('db-4').settings.replicaOf).toBeUndefined();
    expect(sim.state.totals.lostWrites).toBeGreaterThanOrEqual(WRITE_SHARE * RPS * (AB_MS / 2 / 1000));
  });

  it("a separate database in B that is not a replica does not have A's users' data", () => {
    // b's web server uses its own database (db-4), never copied from a's (db-3).
    const sim = new Driver(
      world({
        users: { a: 1000, b: 1000 },
        classMix: READ_WRITE,
        topology: [webEntry('a'), webEntry('b'), largeDb('a', 0), largeDb('b', 1)],
        incidents: [{ tick: 3, type: 'dataCenterOutage', region: 'a', durationTicks: 30 }],
      }),
    ).run(4);
    expect(sim.component('web-2').figures.lambda).toBeCloseTo(RPS, 9);
    // a's users (half the traffic) find none of their data in b.
    expect(sim.state.summary.successRate).toBeLessThanOrEqual(0.5 + 1e-9);
  });

  it("an outage of the region a CDN was bought in does not take down the CDN (a provider's global edge network)", () => {
    const sim = new Driver(
      world({
        users: { a: 1000, b: 1000 },
        classMix: STATIC_ONLY,
        topology: [webEntry('a'), { kind: 'cdn', region: 'b' }],
        incidents: [{ tick: 5, type: 'dataCenterOutage', region: 'b', durationTicks: 5 }],
      }),
    ).run(5);
    expect(sim.component('cdn-2').figures.served).toBeCloseTo(RPS, 9);
    sim.run(1);
    expect(sim.component('cdn-2').figures.failed).toBe(0);
    expect(sim.state.summary.successRate).toBe(1);
  });

  it("a replica in B does not slow down A: A's web server keeps reading in its own region", () => {
    // Reads go to a replica in the web server's region, else … the primary next door is nearer
    // than a replica across the ocean.
    const p95 = (replica: boolean) => {
      const sim = new Driver(
        world({
          users: { a: 1000, b: 0 },
          classMix: READ_ONLY,
          topology: [webEntry('a'), largeDb('a', 0)],
        }),
      );
      if (replica) sim.buy({ type: 'buy', kind: 'db', region: 'b', size: 'large', replicaOf: 'db-2' });
      return sim.run(KINDS.db.provisionTicks + 2).state.summary.p95LatencyMs;
    };
    expect(p95(true)).toBeLessThan(p95(false) + AB_MS / 2);
  });
});

describe('calls between regions', () => {
  it('a web server in B reading a database in A pays the round trip on every call (a NoSQL read of two tables is two calls)', () => {
    const p95 = (engine: 'rdbms' | 'nosql', dbRegion: string) =>
      new Driver(
        world({
          users: { a: 0, b: 1000 },
          classMix: READ_ONLY,
          topology: [webEntry('b'), { kind: 'db', region: dbRegion, size: 'large', engine, connectFrom: [0] }],
          overrides: { datasets: [posts({ joins: 2 })] },
        }),
      ).run(3).state.summary.p95LatencyMs;
    // An RDBMS joins in one query: one round trip. NoSQL looks up each table: two.
    expect(p95('rdbms', 'a') - p95('rdbms', 'b')).toBeCloseTo(AB_MS, 6);
    expect(p95('nosql', 'a') - p95('nosql', 'b')).toBeCloseTo(2 * AB_MS, 6);
  });

  /** a's web server and the database are in a; b's web server calls across; a partition at tick 3 for 5 ticks. */
  const partitioned = () =>
    new Driver(
      world({
        users: { a: 1000, b: 1000 },
        classMix: READ_WRITE,
        topology: [webEntry('a'), webEntry('b'), largeDb('a', 0, 1)],
        incidents: [{ tick: 3, type: 'regionPartition', region: 'a', peer: 'b', durationTicks: 5 }],
      }),
    ).run(3);

  it('a partition between two regions fails the calls between them while it lasts', () => {
    const sim = partitioned();
    expect(sim.state.summary.successRate).toBe(1);
    sim.run(1);
    expect(sim.state.incidents[0]).toMatchObject({
      type: 'regionPartition',
      region: 'a',
      peer: 'b',
      startTick: 3,
      expiresTick: 8,
      endTick: null,
    });
    // b's web server cannot reach the database: its reads and writes fail there, at the caller.
    expect(sim.component('web-1').figures.failed).toBe(0);
    expect(sim.component('web-2').figures.failed).toBeCloseTo(RPS / 2, 9);
    expect(sim.component('db-3').figures.failed).toBe(0);
    expect(sim.component('db-3').figures.served).toBeCloseTo(RPS / 2, 9); // a's reads and writes
    sim.run(5); // through tick 8, when it expires
    expect(sim.state.incidents[0]!.endTick).toBe(8);
    expect(sim.state.summary.successRate).toBe(1);
  });

  it("during a partition, calls inside a region go on: a's users are all served, b's (half the traffic) fail", () => {
    const sim = partitioned().run(1);
    expect(sim.state.summary.successRate).toBeCloseTo(0.5, 9);
  });

  /** Users in a only, a web server and a database there; a and b are cut apart for ticks 15–19. */
  const aWithPartitionAt15 = (classMix: typeof READ_ONLY) =>
    new Driver(
      world({
        users: { a: 1000, b: 0 },
        classMix,
        topology: [webEntry('a'), largeDb('a', 0)],
        incidents: [{ tick: 15, type: 'regionPartition', region: 'a', peer: 'b', durationTicks: 5 }],
      }),
    );

  it('a partition lets a cross-region replica fall behind by every minute it lasts; it catches up with its spare capacity', () => {
    const sim = aWithPartitionAt15(WRITE_ONLY);
    const replicaId = sim.buy({ type: 'buy', kind: 'db', region: 'b', size: 'large', replicaOf: 'db-2' });
    sim.run(14);
    const replica = sim.component(replicaId);
    expect(replica.lagSeconds).toBe(0);
    const lagBefore = replica.extra.replicationLag!;
    expect(lagBefore).toBeGreaterThanOrEqual(AB_MS / 2 / 1000);
    for (let minute = 1; minute <= 5; minute++) {
      sim.run(1);
      expect(replica.lagSeconds).toBe(minute * TICK_SECONDS);
      expect(replica.figures.lambda).toBe(0); // the write stream does not arrive
    }
    expect(replica.extra.replicationLag!).toBeGreaterThan(5 * TICK_SECONDS);
    // After the partition the replica applies the writes again and works off its lag.
    for (let t = 0; t < 3; t++) {
      const before = replica.lagSeconds;
      sim.run(1);
      const spare = 1 - Math.min(1, replica.figures.utilisation);
      expect(replica.figures.lambda).toBeCloseTo(RPS, 9);
      expect(replica.lagSeconds).toBeCloseTo(Math.max(0, before - TICK_SECONDS * spare), 9);
    }
    expect(replica.lagSeconds).toBeLessThan(5 * TICK_SECONDS);
  });

  it("during a partition a replica across it serves nobody's reads from the other side: they go to the primary", () => {
    const sim = aWithPartitionAt15(READ_ONLY);
    sim.buy({ type: 'buy', kind: 'db', region: 'b', size: 'large', replicaOf: 'db-2' });
    sim.run(15);
    expect(sim.component('db-2').figures.lambda).toBeCloseTo(RPS, 9);
    expect(sim.component('db-3').figures.lambda).toBe(0);
    expect(sim.state.summary.successRate).toBe(1);
  });
});

describe('deploying to several data centers', () => {
  /** Three regions; web servers bought in the regions listed, a database in c only. */
  function dataCenters(webRegions: string[], cicd: boolean) {
    const sim = new Driver(
      world({ users: { a: 1000, b: 1000, c: 1000 }, classMix: STATIC_ONLY, topology: [{ kind: 'db', region: 'c', size: 'small' }] }),
    );
    for (const r of webRegions) sim.buy({ type: 'buy', kind: 'web', region: r });
    if (cicd) expect(sim.send({ type: 'buyFeature', feature: 'cicd' })[0]?.ok).toBe(true);
    return sim;
  }

  it('a bad deploy is 1 + 0.5 times likelier per extra data center without CI/CD, and a third as likely with it', () => {
    // A region with only a database is not a data center one deploys web releases to.
    expect(deployRiskFactor(dataCenters([], false).state)).toBe(1);
    expect(deployRiskFactor(dataCenters(['a'], false).state)).toBe(1);
    expect(deployRiskFactor(dataCenters(['a', 'a'], false).state)).toBe(1);
    expect(deployRiskFactor(dataCenters(['a', 'b'], false).state)).toBe(1.5);
    expect(deployRiskFactor(dataCenters(['a', 'b', 'c'], false).state)).toBe(2);
    expect(deployRiskFactor(dataCenters(['a', 'b', 'c'], true).state)).toBe(1 / 3);
  });

  it("over many days, bad deploys come at the scenario's rate times that factor", () => {
    const rate = 4;
    const days = 100;
    const count = (webRegions: string[], cicd: boolean) => {
      const sim = dataCenters(webRegions, cicd);
      const state = sim.state;
      state.scenario.randomIncidentsPerDay = { badDeploy: rate };
      const start = state.incidents.length;
      // Only the world stream's draw is exercised: the flow does not take part in it.
      for (let t = 0; t < days * 1440; t++) {
        drawWorldIncidents(state);
        state.lastEvents = [];
        state.tick += 1;
      }
      return state.incidents.length - start;
    };
    const one = count(['a'], false);
    const two = count(['a', 'b'], false);
    const three = count(['a', 'b', 'c'], false);
    const automated = count(['a', 'b', 'c'], true);
    const expected = rate * days;
    expect(one / expected).toBeGreaterThan(0.85);
    expect(one / expected).toBeLessThan(1.15);
    expect(two / (1.5 * expected)).toBeGreaterThan(0.85);
    expect(two / (1.5 * expected)).toBeLessThan(1.15);
    expect(three / (2 * expected)).toBeGreaterThan(0.85);
    expect(three / (2 * expected)).toBeLessThan(1.15);
    expect(automated / (expected / 3)).toBeGreaterThan(0.75);
    expect(automated / (expected / 3)).toBeLessThan(1.25);
  });

  it('a rollback takes one web restart per data center without CI/CD, one restart in all with it', () => {
    const run = (webRegions: string[], cicd: boolean) => {
      const topology: InitialComponent[] = webRegions.map((r) => ({ kind: 'web', region: r, size: 'large', connectFrom: ['users'] }));
      const sim = new Driver(
        world({
          users: { a: 1000, b: 1000 },
          classMix: STATIC_ONLY,
          topology,
          incidents: [{ tick: 2, type: 'badDeploy', magnitude: 0.3, durationTicks: 500 }],
        }),
      );
      if (cicd) sim.send({ type: 'buyFeature', feature: 'cicd' });
      sim.run(4 - sim.state.tick);
      expect(sim.state.summary.errorRate).toBeCloseTo(0.3, 9);
      expect(rollbackTicks(sim.state)).toBe(KINDS.web.restartTicks * (cicd ? 1 : webRegions.length));
      expect(sim.send({ type: 'rollback' })[0]?.ok).toBe(true);
      sim.run(3 * KINDS.web.restartTicks);
      expect(sim.state.summary.errorRate).toBe(0);
      return sim.state.incidents[0]!.endTick! - 4;
    };
    expect(run(['a'], false)).toBe(KINDS.web.restartTicks);
    expect(run(['a', 'b'], false)).toBe(2 * KINDS.web.restartTicks);
    expect(run(['a', 'b'], true)).toBe(KINDS.web.restartTicks);
  });
});

describe('replication between regions is billed', () => {
  it('each tick costs transferCostPerGb × the GB written (writes × objectKb) when the replica is in another region', () => {
    const transferCostPerGb = 10;
    // Writes only, in a; the replica is in a or in b. No revenue, so money moves by costs alone.
    const moneyAfter = (replicaRegion: string, ticks: number) => {
      const sim = new Driver(
        world({
          users: { a: 1000, b: 0 },
          classMix: WRITE_ONLY,
          topology: [webEntry('a'), largeDb('a', 0)],
          overrides: { transferCostPerGb, revenuePerUserDay: 0 },
        }),
      );
      sim.buy({ type: 'buy', kind: 'db', region: replicaRegion, size: 'large', replicaOf: 'db-2' });
      sim.run(KINDS.db.provisionTicks + 1);
      const start = sim.state.money;
      const writes = sim.component('db-2').figures.lambda;
      sim.run(ticks);
      return { spent: start - sim.state.money, writes, objectKb: sim.state.scenario.workingSet.objectKb };
    };
    const ticks = 10;
    const local = moneyAfter('a', ticks);
    const remote = moneyAfter('b', ticks);
    expect(remote.writes).toBeCloseTo(RPS, 9);
    const gbPerTick = (remote.writes * TICK_SECONDS * remote.objectKb) / 1_000_000;
    expect(remote.spent - local.spent).toBeCloseTo(ticks * gbPerTick * transferCostPerGb, 9);
  });
});
