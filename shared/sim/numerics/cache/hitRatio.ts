/**
 * Hit ratio of a cache in front of N keys whose popularity follows Zipf(α),
 * under the independent reference model (IRM: requests are independent, key
 * of rank i is asked for with probability p_i = i^−α / H_{N,α}, Poisson
 * arrivals at total rate λ).
 *
 * Models (C = capacity in keys, D = TTL in seconds, k_i = λp_iD):
 *  - LRU, Che's approximation: the characteristic time T_C solves
 *    Σ_i (1 − e^(−λ p_i T_C)) = C and h = Σ_i p_i (1 − e^(−λ p_i T_C)).
 *  - FIFO, its characteristic-time approximation: Σ_i λp_iT/(1 + λp_iT) = C
 *    and h = Σ_i p_i · λp_iτ/(1 + λp_iτ), τ = min(T, D).
 *  - LFU (perfect, the optimum under IRM): the top C keys are kept, so
 *    h = Σ_{i≤C} p_i = H_{C,α}/H_{N,α}.
 *
 * The TTL counts from insertion by default (`ttlFrom: 'insertion'`: Redis
 * EX, HTTP max-age; a hit does not renew it). Where the TTL limits, a key's
 * entry, stored at a miss, lives D and collects k_i hits on average, then the
 * next request misses and stores it again (a renewal cycle), so the key hits
 * with probability k_i/(1 + k_i), the rational kernel:
 *  - FIFO: as above (its entries never outlive insertion + T anyway);
 *  - LFU: h = Σ_{i≤C} p_i·k_i/(1 + k_i), the top C keys each that often there;
 *  - LRU: if the TTL alone keeps no more than C keys, Σ k_i/(1 + k_i) ≤ C,
 *    h = Σ p_i·k_i/(1 + k_i) (exact under IRM). Otherwise both limit, and
 *    each key is taken as there with the smaller of its two single-mechanism
 *    figures, min(k_i/(1 + k_i), 1 − e^(−λp_iT)), T solving Σ min(…) = C:
 *    hot keys are TTL-bound, cold ones LRU-bound. An entry's life is the
 *    smaller of D and its LRU life L, and E[min(D, L)] ≤ min(D, E[L]), so
 *    this is an upper bound; against the exact renewal figure (from the
 *    distribution of L) and a simulation it is within 2 %
 *    (tests/sim/cacheTtl.test.ts). It is continuous where the TTL-only
 *    occupancy crosses C and tends to Che's figure as D grows.
 * With `ttlFrom: 'lastRequest'` (an idle timeout, renewed by every hit, the
 * way Che's T_C works) the exponential kernel 1 − e^(−k_i) is the exact IRM
 * figure instead: LRU h = Σ p_i(1 − e^(−λp_iτ)), τ = min(T_C, D), and LFU
 * h = Σ_{i≤C} p_i(1 − e^(−k_i)). It is higher (0.63 vs 0.5 at k_i = 1); the
 * flow uses it only for "was this key written within the last t seconds",
 * Σ p_i(1 − e^(−W·p_i·t)).
 *
 * Only y = λ·T matters, so per (N, α) we tabulate, on a grid uniform in
 * u = ln y (step HU = ¼, from p_1·y = 1e-4 to p_min·y = 1e6), Occ(y) =
 * Σ(1 − e^(−p_i y)), H(y) = Σ p_i(1 − e^(−p_i y)) and the FIFO analogues with
 * the kernel py/(1 + py), together with their exact u-derivatives, and
 * interpolate with cubic Hermite polynomials. LRU and FIFO then need a binary
 * search plus about three Newton steps on one cubic to invert Occ(y_C) = C,
 * and one more cubic for h. LFU with a TTL needs Σ_{i≤C}, a function of both
 * C and y: a second table, built on first use, holds the partial sums of both
 * kernels at a set of capacity columns (bicubic Hermite; the C-derivative is
 * evaluated exactly). LRU with capacity and a TTL from insertion both limiting
 * uses the same partial sums around the crossover rank, solved by regula
 * falsi (about ten steps, each a ln, an exp and three table look-ups).
 *
 * Sums over N ≤ 10^12 keys never loop over every key: ranks 1…HEAD (128) are
 * summed exactly; above that, ranks are grouped into panels between capacity
 * columns whose ends grow by 2^(1/4), each panel [a+1, b] replaced by the
 * integral over x ∈ [a + ½, b + ½] (midpoint rule, error ~α²/(24x²)
 * relative) done by 2-point Gauss–Legendre in ln x. H_{N,α} and the top-C
 * shares at the columns use closed forms of ∫x^(−α)dx (a stable
 * (e^z − 1)/z form, so α = 1 and its neighbours need no special case) plus
 * the first Euler–Maclaurin correction.
 *
 * Accuracy, checked in tests/sim/cacheModel.test.ts against exact sums over
 * every key (N = 1,000 and 20,000) and an independent Euler–Maclaurin
 * reference (N = 10^6, 10^7): |Δh| ≤ 4e-6 for α in [0.5, 1.5] and ≤ 1e-5
 * over all of [0, 4], for every policy, with or without a TTL (the promise
 * is 1e-4); occupancy within 1e-4 relative.
 *
 * Cost: a table build is rows × (HEAD + 2·panels) exp calls, 1–2 ms (the
 * partial-sum table, built only when first needed, about twice as much).
 * Tables are memoised per (keys, α) in a bounded module-level memo (it only
 * keeps results of a pure function of its key, so a query's answer is the
 * same whether its table was kept or rebuilt). A query uses no
 * exp or ln on the LRU/FIFO paths (the position inside a grid step comes from
 * short + − × ÷ series) and costs ~0.1–0.3 µs; LRU with both limits a few
 * µs. Keep the number of distinct (keys, α) pairs small (quantise them if
 * they drift), or every new pair pays a build.
 *
 * Only exp/ln/pow from ./math are used, so results are bit-identical across
 * JavaScript engines.
 *
 * One file, longer than most: the table layouts (strides, kernel offsets, the
 * grid in u and the capacity columns) and the queries that read them only make
 * sense together.
 */
import { KERNEL_EXP, KERNEL_RAT, MAX_ALPHA, MAX_KEYS, newScratch, tableFor } from './zipfTable';
import { evalAtY, lruBothLimit, partialSums, solveCapacity, topShare } from './tableQueries';
import type { CachePolicy } from '../../vocabulary';

/** What is cached and how it is used. Rates are per second, times in seconds. */
export interface CacheQuery {
  /** Number of distinct keys N: an integer in [1, 10^12]. */
  keys: number;
  /** Zipf exponent α in [0, 4] (0 = uniform; web traffic is typically 0.6–1.2). */
  alpha: number;
  /** Capacity C in keys, ≥ 0 (fractions allowed; ≥ keys or Infinity means everything fits). */
  capacityKeys: number;
  /** Eviction policy. */
  policy: CachePolicy;
  /** Total request rate λ (requests per second), finite and ≥ 0. */
  requestRate: number;
  /** Time to live D in seconds, ≥ 0; Infinity for no expiry. See the module note on how it is read. */
  ttlSeconds: number;
  /**
   * What the TTL counts from: 'insertion' (the default: Redis EX, HTTP max-age; a hit does not
   * renew it) or 'lastRequest' (an idle timeout, renewed by every hit). FIFO reads it from
   * insertion either way.
   */
  ttlFrom?: 'insertion' | 'lastRequest';
}

/** Steady-state figures for one cache. */
export interface CacheResult {
  /**
   * Fraction h of requests served from the cache, in [0, 1]. Steady state:
   * cold-start misses are ignored. With λ = 0 this is the limit λ → 0⁺: the
   * capacity-only value without a TTL (it does not depend on λ), 0 with a
   * finite TTL (everything expires before it is asked for again).
   */
  hitRatio: number;
  /** λ·h: requests per second answered by the cache. */
  hitRate: number;
  /** λ·(1 − h): requests per second that go through to the backend. */
  missRate: number;
  /**
   * Mean share of the capacity in use, in [0, 1]: entries / C. 1 when the cache
   * is full (capacity-limited); below 1 when the TTL empties entries faster
   * than the cache fills, or when C > keys. 0 for C = 0.
   */
  occupancy: number;
  /** Mean number of cached entries (occupancy × C), ≤ min(C, keys). */
  entries: number;
  /**
   * The capacity-only characteristic time, seconds: Che's T_C for LRU (how
   * long an entry survives without a request), FIFO's T (how long an entry
   * stays after insertion). Infinity when every key fits, when λ = 0, and for
   * LFU (it never evicts the top C keys); 0 when C = 0.
   */
  characteristicSeconds: number;
  /** τ = min(characteristicSeconds, TTL): how long an entry lives. */
  lifetimeSeconds: number;
  /** True when the TTL, not the capacity, ends entries' lives (TTL < characteristicSeconds). */
  ttlLimited: boolean;
  /**
   * Staleness figure: τ/2, the mean age of the copy served at a hit if copies
   * live τ from insertion. Exact under IRM for FIFO and for a TTL-limited
   * cache whose TTL counts from insertion (Poisson hits are spread uniformly
   * over a copy's life); for LRU a rough figure (hot keys outlive T_C, so the
   * true mean age is larger). Infinity when nothing ever expires (LFU without
   * a TTL; λ = 0 without a TTL). 0 when nothing is cached.
   */
  meanHitAgeSeconds: number;
}

function check(q: CacheQuery): void {
  const { keys, alpha, capacityKeys, requestRate, ttlSeconds, policy } = q;
  if (!Number.isInteger(keys) || keys < 1 || keys > MAX_KEYS) {
    throw new RangeError(`keys must be an integer in [1, 1e12], got ${keys}`);
  }
  if (!(alpha >= 0 && alpha <= MAX_ALPHA)) throw new RangeError(`alpha must be in [0, ${MAX_ALPHA}], got ${alpha}`);
  if (!(capacityKeys >= 0)) throw new RangeError(`capacityKeys must be ≥ 0, got ${capacityKeys}`);
  if (!(requestRate >= 0) || requestRate === Infinity) {
    throw new RangeError(`requestRate must be finite and ≥ 0, got ${requestRate}`);
  }
  if (!(ttlSeconds >= 0)) throw new RangeError(`ttlSeconds must be ≥ 0, got ${ttlSeconds}`);
  if (policy !== 'lru' && policy !== 'lfu' && policy !== 'fifo') {
    throw new RangeError(`policy must be 'lru', 'lfu' or 'fifo', got ${String(policy)}`);
  }
  if (q.ttlFrom !== undefined && q.ttlFrom !== 'insertion' && q.ttlFrom !== 'lastRequest') {
    throw new RangeError(`ttlFrom must be 'insertion' or 'lastRequest', got ${String(q.ttlFrom)}`);
  }
}

function result(hit: number, lambda: number, entries: number, capacity: number, characteristic: number, ttl: number): CacheResult {
  const lifetime = ttl < characteristic ? ttl : characteristic;
  return figures(hit, lambda, entries, capacity, characteristic, lifetime, ttl < characteristic);
}

function figures(
  hit: number,
  lambda: number,
  entries: number,
  capacity: number,
  characteristic: number,
  lifetime: number,
  ttlLimited: boolean,
): CacheResult {
  const h = hit > 1 ? 1 : hit > 0 ? hit : 0;
  const n = entries > 0 ? (entries < capacity ? entries : capacity) : 0; // clamps rounding only
  return {
    hitRatio: h,
    hitRate: lambda * h,
    missRate: lambda * (1 - h),
    occupancy: n > 0 ? n / capacity : 0,
    entries: n,
    characteristicSeconds: characteristic,
    lifetimeSeconds: lifetime,
    ttlLimited,
    meanHitAgeSeconds: n > 0 ? 0.5 * lifetime : 0,
  };
}

/**
 * Steady-state hit ratio and related figures of one cache (see the module
 * note for the models). O(log rows) with no exp/ln after a one-off table
 * build per (keys, alpha). Throws RangeError on out-of-range inputs (see
 * CacheQuery).
 */
export function cacheHitRatio(q: CacheQuery): CacheResult {
  check(q);
  const { keys, alpha, policy } = q;
  const lambda = q.requestRate;
  const ttl = q.ttlSeconds;
  const cap = q.capacityKeys;
  if (cap === 0) return result(0, lambda, 0, 0, 0, ttl);
  const tab = tableFor(keys, alpha);
  const fits = cap >= keys;
  // y of the TTL; 0 when λ = 0 (the λ → 0⁺ limit); Infinity without a TTL.
  const yTtl = ttl === Infinity ? Infinity : lambda * ttl;

  const fromInsertion = q.ttlFrom !== 'lastRequest';
  const out = newScratch();

  if (policy === 'lfu') {
    if (yTtl === Infinity) return result(topShare(tab, cap), lambda, fits ? keys : cap, cap, Infinity, Infinity);
    if (!(yTtl > 0)) return result(0, lambda, 0, cap, Infinity, ttl);
    // The top C keys, each there with the TTL's kernel: from insertion λpD/(1 + λpD), for an idle
    // timeout 1 − e^(−λpD).
    partialSums(tab, cap, yTtl, fromInsertion ? KERNEL_RAT : KERNEL_EXP, out);
    return result(out.hit, lambda, out.occ, cap, Infinity, ttl);
  }

  const off = policy === 'lru' ? KERNEL_EXP : KERNEL_RAT;
  let yC = Infinity;
  let hit = 1;
  let occ = keys;
  if (!fits) {
    solveCapacity(tab, off, cap, out);
    yC = out.y;
    hit = out.hit;
    occ = cap;
  }
  const characteristic = lambda > 0 ? yC / lambda : Infinity;
  if (policy === 'lru' && fromInsertion && yTtl < Infinity) {
    if (!(yTtl > 0)) return result(0, lambda, 0, cap, characteristic, ttl);
    // Entries that expire D after they were stored: the TTL alone keeps Σ λp_iD/(1 + λp_iD) keys.
    evalAtY(tab, KERNEL_RAT, yTtl, out);
    if (fits || out.occ <= cap) {
      return figures(out.hit, lambda, out.occ, cap, characteristic, ttl, true);
    }
    // More than fit: the capacity evicts the cold keys before they expire.
    lruBothLimit(tab, cap, yTtl, yC, out);
    const hitTtl = out.hitTtl;
    const hitCap = out.hitCap;
    const both = hitTtl + hitCap;
    // A hit's copy is D/2 old on the TTL-bound keys, about T/2 on the others: weigh by their hits.
    const lifetime = both > 0 ? (hitTtl * ttl + (hitCap * out.y) / lambda) / both : ttl;
    return figures(both, lambda, cap, cap, characteristic, lifetime, false);
  }
  if (yTtl < yC) {
    if (!(yTtl > 0)) return result(0, lambda, 0, cap, characteristic, ttl);
    evalAtY(tab, off, yTtl, out);
    hit = out.hit;
    occ = out.occ;
  }
  return result(hit, lambda, occ, cap, characteristic, ttl);
}

/**
 * Share of all requests that go to the `top` most popular of `keys` Zipf(α)
 * keys, H_{top,α}/H_{keys,α} (a fractional `top` counts that share of the
 * next key; `top` ≥ keys gives 1). This is LFU's hit ratio without a TTL.
 */
export function zipfTopShare(keys: number, alpha: number, top: number): number {
  check({ keys, alpha, capacityKeys: top, policy: 'lfu', requestRate: 0, ttlSeconds: Infinity });
  if (top === 0) return 0;
  return topShare(tableFor(keys, alpha), top);
}
