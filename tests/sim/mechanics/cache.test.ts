/**
 * Idea 6 of docs/design.md (seed: 캐시, 캐시 계층, 캐시 사용 시 유의할 점): a cache in front of the database
 * answers the popular keys from memory, so the database only sees the misses; its hit ratio
 * follows the cache size against a Zipf working set; a cold cache sends a stampede to the
 * database; a short TTL costs database load, a long one serves outdated data unless writes go
 * through the cache; a single cache node is a single point of failure. The TTL counts from when
 * an entry was stored (Redis EX), not from its last hit.
 */
import { describe, expect, it } from 'vitest';
import { KINDS, SIZES, type CacheStrategy, type Scenario } from '../../../shared/sim';
import { Driver } from '../../helpers/driver';
import { zipf } from '../../helpers/reference';
import { readWriteScenario } from '../../helpers/scenarios';

const KEYS = 5_000;
const ALPHA = 0.9;
/** Object size chosen so that one small node (2 GB) holds 1,000 of the 5,000 keys. */
const OBJECT_KB = 2_000;
const NODE_KEYS = (SIZES.small.memoryGb * 1e6) / OBJECT_KB;
const LONG_TTL = 86_400;

/** Zipf(α) popularity of every key, by rank. */
const P = zipf(KEYS, ALPHA);

/** Solves f(y) = target for y = λ·t by bisection (f grows with y). */
function solve(f: (y: number) => number, target: number): number {
  let lo = 0;
  let hi = 1;
  while (f(hi) < target) hi *= 2;
  for (let it = 0; it < 100; it++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * LRU whose entries expire a TTL after they were stored (Redis EX), computed here over every key.
 * The TTL alone keeps key i with probability k_i = λp_iD/(1 + λp_iD) (after a miss the entry lives
 * D, collecting λp_iD hits, then one miss). If those keys fit, h = Σ p_i k_i; otherwise LRU's
 * characteristic time T (Che) evicts the cold keys first: each key is there with
 * min(k_i, 1 − e^(−λp_iT)), T solving Σ min(…) = C. A hit's copy is D/2 old on the TTL-bound
 * keys, T/2 on the others (the mean age is weighted by their hits).
 */
function che(capacity: number, lambda: number, ttl: number): { h: number; age: number } {
  const ttlOnly = (p: number) => (ttl === Infinity ? 1 : (lambda * p * ttl) / (1 + lambda * p * ttl));
  const fitsByTtl = P.reduce((sum, p) => sum + ttlOnly(p), 0) <= capacity;
  if (capacity >= KEYS || fitsByTtl) return { h: P.reduce((sum, p) => sum + p * ttlOnly(p), 0), age: ttl / 2 };
  const held = (p: number, y: number) => Math.min(ttlOnly(p), 1 - Math.exp(-p * y));
  const y = solve((v) => P.reduce((sum, p) => sum + held(p, v), 0), capacity);
  let h = 0;
  let aged = 0;
  for (const p of P) {
    const k = held(p, y);
    h += p * k;
    aged += p * k * (ttlOnly(p) <= 1 - Math.exp(-p * y) ? ttl : y / lambda);
  }
  return { h, age: aged / h / 2 };
}

/** FIFO's characteristic time: Σ λp_iT/(1 + λp_iT) = C, h = Σ p_i·λp_iτ/(1 + λp_iτ), τ = min(T, TTL). */
function fifo(capacity: number, lambda: number, ttl: number): number {
  const t = solve((y) => P.reduce((sum, p) => sum + (p * y) / (1 + p * y), 0), capacity) / lambda;
  const tau = Math.min(t, ttl);
  return P.reduce((sum, p) => sum + (p * lambda * p * tau) / (1 + lambda * p * tau), 0);
}

/** Perfect LFU keeps the C most popular keys, each there λpD/(1 + λpD) of the time with a TTL from insertion. */
function lfu(capacity: number, lambda: number, ttl: number): number {
  return P.slice(0, capacity).reduce((sum, p) => sum + (p * lambda * p * ttl) / (1 + lambda * p * ttl), 0);
}

/** users → web → cache (look-aside) and an RDBMS, one data set without joins, reads and writes per second. */
function cached(reads: number, writes = 0, overrides: Partial<Scenario> = {}): Scenario {
  return readWriteScenario(reads, writes, {
    workingSet: { keys: KEYS, alpha: ALPHA, objectKb: OBJECT_KB },
    initialTopology: [
      { kind: 'web', region: 'ap', size: 'xlarge', connectFrom: ['users'] },
      { kind: 'db', region: 'ap', size: 'xlarge', engine: 'rdbms', connectFrom: [0] },
      { kind: 'cache', region: 'ap', size: 'small', connectFrom: [0] },
    ],
    ...overrides,
  });
}

function driver(scenario: Scenario, ttlSeconds = LONG_TTL, cacheStrategy: CacheStrategy = 'lookAside'): Driver {
  const sim = new Driver(scenario);
  sim.send({ type: 'configure', id: 'cache-3', ttlSeconds, cacheStrategy });
  return sim;
}

const dbLoad = (sim: Driver) => sim.component('db-2').figures.lambda;

describe('cache tier', () => {
  it("the database only sees the misses: reads × (1 − h), h from Che's approximation of the cache size", () => {
    const R = 100;
    const sim = driver(cached(R)).run(10);
    const { h } = che(NODE_KEYS, R, LONG_TTL);
    expect(h).toBeGreaterThan(0.4);
    expect(sim.component('cache-3').extra.hitRatio).toBeCloseTo(h, 4);
    expect(dbLoad(sim) / R).toBeCloseTo(1 - h, 4);
    // Look-aside: every read asks the cache, and the web server stores each miss (one more operation).
    expect(sim.component('cache-3').figures.lambda / R).toBeCloseTo(1 + (1 - h), 4);
    expect(sim.state.summary.errorRate).toBe(0);
  });

  it('more memory gives a higher hit ratio along the same curve', () => {
    const R = 100;
    const sim = driver(cached(R));
    sim.send({ type: 'resize', id: 'cache-3', size: 'medium' });
    sim.run(KINDS.cache.restartTicks + 10);
    const { h } = che(2 * NODE_KEYS, R, LONG_TTL);
    expect(h).toBeGreaterThan(che(NODE_KEYS, R, LONG_TTL).h);
    expect(dbLoad(sim) / R).toBeCloseTo(1 - h, 4);
  });

  it('a new cache starts cold: the database first takes every read, then less as each miss stores a key', () => {
    const R = 2;
    const sim = driver(cached(R));
    // Expected warm-up: every miss of a tick (60 s) stores a key, up to the node's capacity.
    let fill = 0;
    const expected: number[] = [];
    const actual: number[] = [];
    for (let t = 0; t < 12; t++) {
      if (t > 0) sim.run(1);
      actual.push(dbLoad(sim));
      const h = fill > 0 ? che(fill, R, LONG_TTL).h : 0;
      expected.push(R * (1 - h));
      fill = Math.min(NODE_KEYS, fill + R * (1 - h) * 60);
    }
    expect(actual[0]).toBeCloseTo(R, 9);
    for (let t = 0; t < expected.length; t++) expect(actual[t]! / R).toBeCloseTo(expected[t]! / R, 4);
    for (let t = 1; t < actual.length; t++) expect(actual[t]!).toBeLessThan(actual[t - 1]!);
  });

  it('the eviction policy matters: LFU keeps the most popular keys, LRU follows recency, FIFO evicts hot keys too', () => {
    const R = 100;
    const ratios = (['lfu', 'lru', 'fifo'] as const).map((cachePolicy) => {
      const sim = driver(cached(R));
      sim.send({ type: 'configure', id: 'cache-3', cachePolicy });
      return dbLoad(sim.run(10)) / R;
    });
    expect(ratios[0]).toBeCloseTo(1 - lfu(NODE_KEYS, R, LONG_TTL), 4);
    expect(ratios[1]).toBeCloseTo(1 - che(NODE_KEYS, R, LONG_TTL).h, 4);
    expect(ratios[2]).toBeCloseTo(1 - fifo(NODE_KEYS, R, LONG_TTL), 4);
    expect(ratios[0]).toBeLessThan(ratios[1]!);
    expect(ratios[1]).toBeLessThan(ratios[2]!);
  });

  it('LFU with a TTL keeps the top C keys, each present λpD/(1 + λpD) of the time, though it then holds fewer than C', () => {
    const R = 100;
    const TTL = 60;
    const sim = driver(cached(R), TTL);
    sim.send({ type: 'configure', id: 'cache-3', cachePolicy: 'lfu' });
    sim.run(30);
    const cache = sim.component('cache-3');
    // The exact IRM figure at the node's capacity, summed here over its top 1,000 keys.
    const h = lfu(NODE_KEYS, R, TTL);
    const entries = P.slice(0, NODE_KEYS).reduce((sum, p) => sum + (R * p * TTL) / (1 + R * p * TTL), 0);
    expect(entries).toBeLessThan(0.8 * NODE_KEYS);
    expect(cache.extra.fill).toBeCloseTo(entries / NODE_KEYS, 4);
    expect(cache.extra.hitRatio).toBeCloseTo(h, 4);
    expect(dbLoad(sim) / R).toBeCloseTo(1 - h, 4);
    // Taking the capacity to be the entries held (the top `entries` keys only) would be well off.
    const atFill = P.slice(0, Math.floor(entries)).reduce((sum, p) => sum + (p * R * p * TTL) / (1 + R * p * TTL), 0);
    expect(h / atFill - 1).toBeGreaterThan(0.015);
  });

  it('a short TTL lowers the hit ratio: entries expire before they are asked for again, and the database pays', () => {
    const R = 100;
    const long = driver(cached(R)).run(10);
    const short = driver(cached(R), 5).run(10);
    const { h } = che(NODE_KEYS, R, 5);
    expect(h).toBeLessThan(che(NODE_KEYS, R, LONG_TTL).h);
    expect(short.component('cache-3').extra.hitRatio).toBeCloseTo(h, 4);
    expect(dbLoad(short) / R).toBeCloseTo(1 - h, 4);
    expect(dbLoad(short)).toBeGreaterThan(dbLoad(long));
  });

  it('a long TTL serves outdated data with look-aside: hits on keys written since the copy was made', () => {
    const R = 100;
    const W = 10;
    const sim = driver(cached(R, W), 600).run(10);
    const { h, age } = che(NODE_KEYS, R, 600);
    // Writes follow the same popularity at W per second: a hit is stale if its key was written
    // since its copy was made, `age` ago on average.
    const stale = P.reduce((sum, p) => sum + p * (1 - Math.exp(-W * p * age)), 0);
    const cache = sim.component('cache-3');
    expect(stale).toBeGreaterThan(0.05);
    expect(cache.extra.staleShare).toBeCloseTo(stale, 4);
    const before = sim.state.totals.staleReads;
    sim.run(1);
    expect(sim.state.totals.staleReads - before).toBeCloseTo(R * h * stale * 60, 1);
  });

  it('write-through keeps the cache fresh at the cost of one cache write per database write', () => {
    const R = 100;
    const W = 10;
    const lookAside = driver(cached(R, W), 600).run(10);
    const through = driver(cached(R, W), 600, 'writeThrough').run(10);
    const { h } = che(NODE_KEYS, R, 600);
    expect(through.component('cache-3').extra.staleShare).toBe(0);
    expect(through.state.totals.staleReads).toBe(0);
    expect(lookAside.component('cache-3').figures.lambda / R).toBeCloseTo(1 + (1 - h), 4);
    expect(through.component('cache-3').figures.lambda / R).toBeCloseTo(1 + (1 - h) + W / R, 4);
    // Both write every change to the database and read only the misses from it.
    expect(dbLoad(through) / R).toBeCloseTo(1 - h + W / R, 4);
  });
});

describe('cache node failure', () => {
  const R = 100;
  const lossAt = (tick: number) => ({ incidents: [{ tick, type: 'cacheNodeLoss' as const, target: 'cache-3' }] });

  it('one look-aside node is a single point of failure: losing it sends every read to the database', () => {
    const sim = driver(cached(R, 0, lossAt(10))).run(9);
    expect(dbLoad(sim) / R).toBeCloseTo(1 - che(NODE_KEYS, R, LONG_TTL).h, 4);
    sim.run(1);
    expect(sim.component('cache-3').down).toBe(1);
    expect(dbLoad(sim)).toBeCloseTo(R, 9);
    expect(sim.state.summary.errorRate).toBe(0);
    // Back after a restart, but empty: the database takes the whole stampede once more.
    sim.send({ type: 'restart', id: 'cache-3' });
    sim.run(KINDS.cache.restartTicks);
    expect(sim.component('cache-3').down).toBe(0);
    expect(dbLoad(sim)).toBeCloseTo(R, 9);
    sim.run(10);
    expect(dbLoad(sim) / R).toBeCloseTo(1 - che(NODE_KEYS, R, LONG_TTL).h, 4);
  });

  it('with read-through the application reads only through the cache: losing the only node fails the reads', () => {
    const sim = driver(cached(R, 0, lossAt(10)), LONG_TTL, 'readThrough').run(10);
    expect(sim.state.summary.successRate).toBe(0);
    expect(dbLoad(sim)).toBe(0);
  });

  it('write-through reads only from the cache as well: losing the only node fails its reads', () => {
    const sim = driver(cached(R, 0, lossAt(10)), LONG_TTL, 'writeThrough').run(10);
    expect(sim.state.summary.successRate).toBe(0);
    expect(dbLoad(sim)).toBe(0);
  });

  it('with two nodes, losing one loses only its keys: half the reads go to the database, the rest still hit', () => {
    const scenario = cached(R, 0, lossAt(10));
    scenario.initialTopology[2]!.count = 2;
    const sim = driver(scenario).run(9);
    expect(dbLoad(sim) / R).toBeCloseTo(1 - che(2 * NODE_KEYS, R, LONG_TTL).h, 4);
    sim.run(1);
    // The survivor keeps its half of the keys (a full node of its own size).
    const survivor = che(NODE_KEYS, R / 2, LONG_TTL).h;
    expect(dbLoad(sim) / R).toBeCloseTo(0.5 + 0.5 * (1 - survivor), 4);
    expect(sim.state.summary.errorRate).toBe(0);
  });
});
