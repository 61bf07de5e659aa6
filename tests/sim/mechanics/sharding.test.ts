/**
 * Idea 12 of docs/design.md (seed: 데이터베이스의 규모 확장): sharding splits data and load by a key; each
 * shard is its own machine (its own M/M/c queue); a poor key gives uneven shards and shard
 * exhaustion; a celebrity (hotspot) key overloads one shard unless it gets a shard of its own;
 * resharding takes time; joins across shards cost extra lookups unless the data is denormalised.
 */
import { describe, expect, it } from 'vitest';
import {
  DISK_GB_PER_MEMORY_GB,
  ENGINES,
  KINDS,
  SIZES,
  WEB_STITCH_WORK,
  WEB_WORK,
  purchasePrice,
  type DbEngine,
  type Scenario,
} from '../../../shared/sim';
import { RESHARD_BASE_TICKS, RESHARD_TICKS_PER_GB } from '../../../shared/sim/commands/operations';
import { RESHARD_EXTRA_WORK } from '../../../shared/sim/flow/forward';
import { Driver } from '../../helpers/driver';
import { mix, posts, readWriteScenario, region, twoRegionLatency } from '../../helpers/scenarios';

const READS = 1500;
const WRITES = 100;
const LAMBDA = READS + WRITES;
const USERS = 10_000;
const DB = 'db-2';

interface Setup {
  engine?: DbEngine;
  count?: number;
  joins?: number;
  mbPerUser?: number;
  shardKey?: 'userIdHash' | 'userIdRange' | 'region' | 'celebrity';
  overrides?: Partial<Scenario>;
}

/** Users → one web server → one database of small (one-vCPU) instances holding one data set. */
function scenario({ engine = 'nosql', count = 4, joins = 1, mbPerUser, shardKey, overrides = {} }: Setup): Scenario {
  return readWriteScenario(READS, WRITES, {
    regions: [region('ap', USERS)],
    datasets: [posts({ joins, ...(mbPerUser === undefined ? {} : { mbPerUser }) })],
    initialTopology: [
      { kind: 'web', region: 'ap', size: 'xxlarge', connectFrom: ['users'] },
      { kind: 'db', region: 'ap', size: 'small', engine, count, ...(shardKey === undefined ? {} : { shardKey }), connectFrom: [0] },
    ],
    ...overrides,
  });
}

/**
 * The database (NoSQL unless `setup` says otherwise) laid out by `key` from the start, run until
 * steady. (On a running multi-instance database a new key means moving data: that is `reshard`.)
 */
function sharded(key: 'userIdHash' | 'userIdRange' | 'region' | 'celebrity', setup: Setup = {}): Driver {
  return new Driver(scenario({ ...setup, shardKey: key })).run(3);
}

/** Fewer requests, so that a one-vCPU relational database stays below saturation. */
const SMALL_READS = 150;
const SMALL_WRITES = 10;
const smaller: Partial<Scenario> = {
  classMix: mix({ read: SMALL_READS, write: SMALL_WRITES }),
  traffic: { mode: 'constant', requestsPerSecond: SMALL_READS + SMALL_WRITES },
};

/** Mean CPU seconds of one NoSQL operation of this mix (key lookups and writes). */
const nosqlService = (READS * ENGINES.nosql.readWork + WRITES * ENGINES.nosql.writeWork) / LAMBDA;

/** The hottest shard's ρ = λ·load_j·S/c, from the loads the seed's keys imply. */
function hottest(loads: number[], lambda = LAMBDA, service = nosqlService): number {
  return (lambda * Math.max(...loads) * service) / SIZES.small.vcpu;
}

describe('sharding keys', () => {
  it('user_id % 4: a hash of the user id spreads data and load evenly over four shards', () => {
    const db = sharded('userIdHash').component(DB);
    expect(db.figures.lambda).toBeCloseTo(LAMBDA, 9);
    expect(db.figures.capacity).toBeCloseTo(4 / nosqlService, 6);
    expect(db.figures.utilisation).toBeCloseTo(hottest([0.25, 0.25, 0.25, 0.25]), 9);
    expect(db.extra.shardSkew).toBeCloseTo(1, 9);
  });

  it('샤드 간 데이터 분포가 균등하지 못하면: ranges of user ids load the newest shard most', () => {
    const ramp = [1, 2, 3, 4].map((j) => j / 10);
    const db = sharded('userIdRange').component(DB);
    expect(db.figures.utilisation).toBeCloseTo(hottest(ramp), 9);
    expect(db.extra.shardSkew).toBeCloseTo(0.4 / 0.25, 9);
  });

  it('a region key follows where the users live', () => {
    const regions = [region('ap', 30_000), region('eu', 10_000)];
    const latencyMs = twoRegionLatency('ap', 'eu', 200);
    const db = sharded('region', { count: 2, overrides: { regions, latencyMs } }).component(DB);
    expect(db.figures.utilisation).toBeCloseTo(hottest([0.75, 0.25]), 9);
    expect(db.extra.shardSkew).toBeCloseTo(0.75 / 0.5, 9);
  });

  it('유명인사(celebrity) 문제: a hotspot key overloads the one shard that holds it', () => {
    const hot = 0.4;
    const sim = sharded('userIdHash', { overrides: { incidents: [{ tick: 10, type: 'hotspotKey', magnitude: hot, durationTicks: 50 }] } });
    sim.run(10 - sim.state.tick);
    expect(sim.component(DB).figures.failed).toBe(0);
    sim.run(1);
    const db = sim.component(DB);
    const loads = [0.25 * (1 - hot) + hot, 0.25 * (1 - hot), 0.25 * (1 - hot), 0.25 * (1 - hot)];
    expect(db.figures.utilisation).toBeCloseTo(hottest(loads), 9);
    expect(db.figures.utilisation).toBeGreaterThan(1);
    expect(db.extra.shardSkew).toBeCloseTo(loads[0]! / 0.25, 9);
    // The whole store has room to spare (half busy on average), yet the hot shard drops requests.
    expect((LAMBDA * nosqlService) / 4).toBeLessThan(0.6);
    expect(db.figures.failed).toBeGreaterThan(0);
  });

  it('유명인사 각각에 샤드 하나씩을 할당: a celebrity-aware key puts the hot key alone on a shard', () => {
    const hot = 0.4;
    const sim = sharded('celebrity', { overrides: { incidents: [{ tick: 10, type: 'hotspotKey', magnitude: hot, durationTicks: 50 }] } });
    sim.run(11 - sim.state.tick);
    const db = sim.component(DB);
    const rest = (1 - hot) / 3;
    expect(db.figures.utilisation).toBeCloseTo(hottest([hot, rest, rest, rest]), 9);
    expect(db.extra.shardSkew).toBeCloseTo(hot / 0.25, 9);
    expect(db.figures.failed).toBeCloseTo(0, 9);
  });
});

describe('shard storage', () => {
  // users × 15 MB = 150 GB; one small instance has 2 GB × DISK_GB_PER_MEMORY_GB = 50 GB of disk.
  const mbPerUser = 15;
  const dataGb = (USERS * mbPerUser) / 1000;
  const diskGb = SIZES.small.memoryGb * DISK_GB_PER_MEMORY_GB;

  it('샤드 소진(shard exhaustion): with user-id ranges the last shard fills first and refuses its writes', () => {
    const sim = sharded('userIdRange', { mbPerUser });
    const db = sim.component(DB);
    expect(db.extra.storedGb).toBeCloseTo(dataGb, 9);
    const storage = [1, 2, 3, 4].map((j) => (j / 10) * dataGb);
    expect(storage.filter((gb) => gb > diskGb)).toHaveLength(1);
    expect(db.extra.fullShards).toBe(1);
    // Its writes are refused; what remains on it is its reads.
    expect(db.figures.utilisation).toBeCloseTo((0.4 * (LAMBDA - WRITES) * nosqlService) / SIZES.small.vcpu, 9);
    expect(db.figures.failed).toBeCloseTo(0.4 * WRITES, 9);
    expect(sim.state.summary.errorRate).toBeCloseTo((0.4 * WRITES) / LAMBDA, 9);
    expect(sim.state.incidents.filter((i) => i.type === 'shardFull' && i.endTick === null)).toHaveLength(1);
  });

  it('a refused write never reaches the replicas: they copy only what the primary stored', () => {
    const sim = sharded('userIdRange', { mbPerUser });
    const replica = sim.buy({ type: 'buy', kind: 'db', region: 'ap', size: 'small', replicaOf: DB });
    sim.run(KINDS.db.provisionTicks + 1);
    // The replica answers the reads and applies the 60 % of writes the three other shards took.
    expect(sim.component(replica).figures.lambda).toBeCloseTo(READS + 0.6 * WRITES, 9);
  });

  it('데이터가 너무 많아져서 하나의 샤드로는 감당하기 어려울 때: a full database refuses writes until it is resharded', () => {
    const sim = new Driver(scenario({ engine: 'rdbms', count: 1, mbPerUser, overrides: smaller })).run(2);
    expect(dataGb).toBeGreaterThan(diskGb);
    expect(sim.component(DB).extra.fullShards).toBe(1);
    expect(sim.component(DB).figures.failed).toBeCloseTo(SMALL_WRITES, 9);
    const incident = sim.state.incidents.find((i) => i.type === 'shardFull' && i.target === DB);
    expect(incident).toMatchObject({ startTick: 0, endTick: null });
    expect(sim.send({ type: 'reshard', id: DB, shards: 4, key: 'userIdHash' })[0]?.ok).toBe(true);
    const switchTick = sim.state.tick - 1 + Math.ceil(RESHARD_BASE_TICKS + RESHARD_TICKS_PER_GB * dataGb);
    sim.run(switchTick - sim.state.tick + 1);
    const db = sim.component(DB);
    expect(db.count).toBe(4);
    expect(db.extra.fullShards).toBe(0);
    expect(db.figures.failed).toBeCloseTo(0, 9);
    expect(incident?.endTick).toBe(switchTick);
  });

  it('an even key keeps every shard under its disk', () => {
    const db = sharded('userIdHash', { mbPerUser }).component(DB);
    expect(dataGb / 4).toBeLessThan(diskGb);
    expect(db.extra.fullShards).toBe(0);
    expect(db.figures.failed).toBeCloseTo(0, 9);
  });

  it('재 샤딩(resharding) takes a setup time plus time per GB, costs the new shards, then switches layout', () => {
    const sim = sharded('userIdRange', { mbPerUser });
    const twin = sharded('userIdRange', { mbPerUser });
    const start = sim.state.tick;
    expect(sim.send({ type: 'reshard', id: DB, shards: 6, key: 'userIdHash' })[0]?.ok).toBe(true);
    twin.run(1);
    // The two extra shards are bought when the copy starts (the copy's extra load costs a little revenue too).
    expect(twin.state.money - sim.state.money).toBeCloseTo(2 * purchasePrice('db', 'small', 1), 0);
    const ticks = Math.ceil(RESHARD_BASE_TICKS + RESHARD_TICKS_PER_GB * dataGb);
    // While the rows are copied every shard does a third more work per request.
    const busiestBefore = twin.component(DB).figures.utilisation;
    expect(sim.component(DB).figures.utilisation).toBeCloseTo(busiestBefore * (1 + RESHARD_EXTRA_WORK), 9);
    sim.run(ticks - 1);
    expect(sim.state.tick).toBe(start + ticks);
    expect(sim.component(DB).count).toBe(4);
    expect(sim.component(DB).extra.fullShards).toBe(1);
    sim.run(1);
    const db = sim.component(DB);
    expect(db.count).toBe(6);
    expect(db.settings.shardKey).toBe('userIdHash');
    expect(db.extra.fullShards).toBe(0);
    expect(db.figures.utilisation).toBeCloseTo(hottest(new Array<number>(6).fill(1 / 6)), 9);
    expect(db.figures.failed).toBeCloseTo(0, 9);
    expect(sim.state.incidents.find((i) => i.type === 'shardFull')?.endTick).toBe(start + ticks);
  });
});

describe('joins across shards', () => {
  const { readWork, joinWork, writeWork } = ENGINES.rdbms;
  const reads = SMALL_READS;
  const writes = SMALL_WRITES;

  /** An RDBMS of three-table reads, resharded to `shards` shards by user-id hash. */
  function relational(shards: number, denormalised = false): Driver {
    const sim = new Driver(scenario({ engine: 'rdbms', count: 1, joins: 3, overrides: smaller }));
    if (denormalised) expect(sim.send({ type: 'configure', id: DB, denormalised: true })[0]?.ok).toBe(true);
    expect(sim.send({ type: 'reshard', id: DB, shards, key: 'userIdHash' })[0]?.ok).toBe(true);
    return sim.run(RESHARD_BASE_TICKS + 1);
  }

  it('without a sharding key an RDBMS stays on one machine', () => {
    const sim = new Driver(scenario({ engine: 'rdbms', count: 1, joins: 3, overrides: smaller }));
    expect(sim.send({ type: 'scale', id: DB, count: 4 })[0]).toMatchObject({ ok: false, reason: 'rdbms-cannot-partition' });
    sim.run(1);
    const db = sim.component(DB);
    // One query per read, doing the three-table join itself.
    expect(db.figures.lambda).toBeCloseTo(reads + writes, 9);
    expect(db.figures.utilisation).toBeCloseTo((reads * (readWork + 2 * joinWork) + writes * writeWork) / SIZES.small.vcpu, 9);
  });

  it('조인하기 힘들어진다: a read joining three tables becomes three lookups on the shards, stitched by the web server', () => {
    const sim = relational(4);
    const db = sim.component(DB);
    expect(db.count).toBe(4);
    expect(db.figures.lambda).toBeCloseTo(3 * reads + writes, 9);
    expect(db.figures.utilisation).toBeCloseTo((3 * reads * readWork + writes * writeWork) / 4 / SIZES.small.vcpu, 9);
    const web = sim.component('web-1');
    const webWork = reads * (WEB_WORK.read + 2 * WEB_STITCH_WORK) + writes * WEB_WORK.write;
    expect(web.figures.utilisation).toBeCloseTo(webWork / SIZES.xxlarge.vcpu, 9);
  });

  it('with two shards a three-table read takes two lookups, each joining what it holds', () => {
    const db = relational(2).component(DB);
    expect(db.figures.lambda).toBeCloseTo(2 * reads + writes, 9);
    const perLookup = readWork + joinWork * (3 / 2 - 1);
    expect(db.figures.utilisation).toBeCloseTo((2 * reads * perLookup + writes * writeWork) / 2 / SIZES.small.vcpu, 9);
  });

  it('비정규화(de-normalization), 하나의 테이블에서 질의가 수행될 수 있도록: one query per read, but every write updates each copy', () => {
    const db = relational(4, true).component(DB);
    expect(db.figures.lambda).toBeCloseTo(reads + 3 * writes, 9);
    expect(db.extra.writeRate).toBeCloseTo(3 * writes, 9);
  });
});
