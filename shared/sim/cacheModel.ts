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
import { exp, ln, log1p, pow, powInt } from './math';
import type { CachePolicy } from './vocabulary';

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

// ---------------------------------------------------------------------------
// Tuning. Accuracy figures in the header were measured with these values.

/** Ranks summed exactly, one term each. */
const HEAD = 128;
/** Capacity columns 0, 1, …, LINEAR_COLS; after that they grow by 2^(1/4). */
const LINEAR_COLS = 64;
/** 2^(k/4), k = 0…3 (doubles nearest to them). */
const QUARTER_POW2 = [1, 1.189207115002721, 1.4142135623730951, 1.681792830507429];
/** Grid step in u = ln y. */
const HU = 0.25;
/** The grid starts where p_1·y = Y_LO (below it, Occ and H are linear in y to ~Y_LO relative). */
const Y_LO = 1e-4;
/** …and ends where p_min·y = Y_HI (FIFO's free share Σ1/(1 + p_i y) is then ≤ 1e-6). */
const Y_HI = 1e6;
/** Tables kept in the memo at once (oldest dropped first). */
const MEMO_MAX = 32;
const MAX_KEYS = 1e12;
const MAX_ALPHA = 4;
/** 2-point Gauss–Legendre node offset 1/√3. */
const GL2 = 0.5773502691896257;
/** Per row in the main table: occupancy, d/du, hit, d/du for LRU (exp kernel), then the same for FIFO. */
const STRIDE = 8;
const OFF_LRU = 0;
const OFF_FIFO = 4;
/** Kernel offsets, in both tables: 1 − e^(−s) (LRU, an idle timeout) and s/(1 + s) (FIFO, a TTL from insertion). */
const KERNEL_EXP = OFF_LRU;
const KERNEL_RAT = OFF_FIFO;
/** Per (row, column) in the LFU table: both kernels' partial sums. */
const LFU_STRIDE = 8;

interface LfuTable {
  /**
   * Per (row, column), stride LFU_STRIDE: occupancy, d/du, hit, d/du partial sums over ranks ≤
   * column, for the exponential kernel (at KERNEL_EXP) and the rational one (at KERNEL_RAT).
   */
  f: Float64Array;
}

interface ZipfTable {
  keys: number;
  alpha: number;
  /** headCum[i] = Σ_{j≤i} p_j for i = 0…min(N, HEAD), exact. */
  headCum: Float64Array;
  /** Groups (a single rank, or a Gauss–Legendre node standing for part of a panel): key count and per-key probability. */
  gw: Float64Array;
  gp: Float64Array;
  /** Capacity columns (in keys), p at column + ½, Σ_{i≤column} p_i, and the group index each column ends at. */
  cols: Float64Array;
  colP: Float64Array;
  colCum: Float64Array;
  colEnd: Int32Array;
  /** y at each row (y_k = e^(u0 + k·HU)) and the number of rows. */
  yRow: Float64Array;
  rows: number;
  /** ln H_{N,α}, the normaliser (p_i = i^(−α)/H). */
  lnZ: number;
  /** Rows of STRIDE values, see OFF_LRU / OFF_FIFO. */
  t: Float64Array;
  lfu: LfuTable | null;
}

/**
 * The tables built so far, per (keys, α), oldest first, and the last one asked for (the flow
 * asks about the same few pairs over and over, so most queries skip building the key). A memo of
 * a pure function of its key: a query's answer is the same whether its table was kept or rebuilt.
 */
interface TableMemo {
  readonly tables: Map<string, ZipfTable>;
  last: ZipfTable | null;
}

const memo: TableMemo = { tables: new Map(), last: null };

/**
 * Values a query's helpers hand back to it (one per query, so nothing is kept between queries):
 * occupancy and hit sums, λT, the position on the grid, and LRU's split of its hits when its
 * capacity and a TTL both limit.
 */
interface Scratch {
  /** Occupancy and hit sums (evalAtY, solveCapacity, partialSums, lruBothLimit). */
  occ: number;
  hit: number;
  /** λT: the characteristic y (solveCapacity, lruBothLimit). */
  y: number;
  /** Where locateY put y on the grid: y = yRow[k]·e^(s·HU), 0 ≤ s ≤ 1. */
  k: number;
  s: number;
  /** lruBothLimit: hits of the TTL-bound keys and of the capacity-bound ones. */
  hitTtl: number;
  hitCap: number;
}

function newScratch(): Scratch {
  return { occ: 0, hit: 0, y: 0, k: 0, s: 0, hitTtl: 0, hitCap: 0 };
}

/** (e^z − 1)/z, accurate near 0 (a series for |z| < 1e-3). */
function expm1OverX(z: number): number {
  if (Math.abs(z) < 1e-3) return 1 + z * (0.5 + z * (1 / 6 + z * (1 / 24)));
  return (exp(z) - 1) / z;
}

/** 1 − e^(−s) for s ≥ 0 given e = e^(−s), without cancellation for small s. */
function oneMinus(s: number, e: number): number {
  return s < 1e-3 ? s * (1 - s * 0.5 * (1 - (s / 3) * (1 - s * 0.25))) : 1 - e;
}

/** e^(−s) for s ≥ 0, 0 once it underflows. */
function expNeg(s: number): number {
  return s > 745 ? 0 : exp(-s);
}

/** e^x for 0 ≤ x ≤ HU: Taylor series to x^12 (truncation < 1e-17 relative); + and × only. */
function expSmall(x: number): number {
  let r = 1 + x * (1 / 12);
  r = 1 + x * (1 / 11) * r;
  r = 1 + x * (1 / 10) * r;
  r = 1 + x * (1 / 9) * r;
  r = 1 + x * (1 / 8) * r;
  r = 1 + x * (1 / 7) * r;
  r = 1 + x * (1 / 6) * r;
  r = 1 + x * (1 / 5) * r;
  r = 1 + x * (1 / 4) * r;
  r = 1 + x * (1 / 3) * r;
  r = 1 + x * 0.5 * r;
  return 1 + x * r;
}

/** ln r for 1 ≤ r ≤ e^HU: 2·atanh((r − 1)/(r + 1)) to t^15 (truncation < 1e-16 relative); + − × ÷ only. */
function lnSmall(r: number): number {
  const t = (r - 1) / (r + 1);
  const t2 = t * t;
  return 2 * t * (1 + t2 * (1 / 3 + t2 * (1 / 5 + t2 * (1 / 7 + t2 * (1 / 9 + t2 * (1 / 11 + t2 * (1 / 13 + t2 * (1 / 15))))))));
}

/**
 * ∫_A^X x^(−α) dx − (1/24)[f′(X) − f′(A)] (f = x^(−α)): the sum of i^(−α) over
 * the ranks whose midpoint cells [i − ½, i + ½] tile [A, X], to O(α³/x³).
 * Stable through α = 1: A^(1−α)·L·(e^((1−α)L) − 1)/((1−α)L), L = ln(X/A).
 */
function tailSum(alpha: number, aPow1: number, aPowM1: number, lnRatio: number): number {
  const integral = aPow1 * lnRatio * expm1OverX((1 - alpha) * lnRatio);
  const em = (alpha / 24) * aPowM1 * (exp(-(alpha + 1) * lnRatio) - 1);
  return integral + em;
}

/** Capacity columns: 0…min(N, 64), then round(64·2^(m/4)) below N, then N. */
function columnsFor(n: number): number[] {
  const out: number[] = [];
  const lin = Math.min(n, LINEAR_COLS);
  for (let c = 0; c <= lin; c++) out.push(c);
  if (n > LINEAR_COLS) {
    for (let m = 1; ; m++) {
      const c = Math.round(LINEAR_COLS * powInt(2, Math.floor(m / 4)) * (QUARTER_POW2[m % 4] as number));
      if (c >= n) break;
      out.push(c);
    }
    out.push(n);
  }
  return out;
}

function buildTable(keys: number, alpha: number): ZipfTable {
  const n = keys;
  const head = Math.min(n, HEAD);
  // Normaliser H_{N,α}: exact head, closed-form tail from A = HEAD + ½.
  let headSum = 0;
  const headTerm = new Float64Array(head + 1);
  for (let i = 1; i <= head; i++) {
    const term = pow(i, -alpha);
    headTerm[i] = term;
    headSum += term;
  }
  const A = HEAD + 0.5;
  const lnA = ln(A);
  const aPow1 = exp((1 - alpha) * lnA);
  const aPowM1 = exp(-(alpha + 1) * lnA);
  const z = n > HEAD ? headSum + tailSum(alpha, aPow1, aPowM1, ln((n + 0.5) / A)) : headSum;
  const invZ = 1 / z;
  const headCum = new Float64Array(head + 1);
  let acc = 0;
  for (let i = 1; i <= head; i++) {
    acc += (headTerm[i] as number) * invZ;
    headCum[i] = acc;
  }

  // Columns, and groups: one per head rank, two Gauss–Legendre nodes per tail panel.
  const colList = columnsFor(n);
  const nCols = colList.length;
  const cols = new Float64Array(colList);
  const colP = new Float64Array(nCols);
  const colCum = new Float64Array(nCols);
  const colEnd = new Int32Array(nCols);
  let nTailPanels = 0;
  for (let j = 1; j < nCols; j++) if ((colList[j] as number) > head) nTailPanels++;
  const nGroups = head + 2 * nTailPanels;
  const gw = new Float64Array(nGroups);
  const gp = new Float64Array(nGroups);
  for (let i = 1; i <= head; i++) {
    gw[i - 1] = 1;
    gp[i - 1] = (headTerm[i] as number) * invZ;
  }
  let g = head;
  let lnPrev = 0;
  for (let j = 0; j < nCols; j++) {
    const c = colList[j] as number;
    const lnX = ln(c + 0.5);
    colP[j] = exp(-alpha * lnX) * invZ;
    if (c <= head) {
      colEnd[j] = c;
      colCum[j] = headCum[c] as number;
    } else {
      // Panel (previous column, c]: ranks as cells x ∈ [prev + ½, c + ½], 2-point Gauss–Legendre in ln x.
      const prev = colList[j - 1] as number;
      const half = 0.5 * (lnX - lnPrev);
      const mid = 0.5 * (lnX + lnPrev);
      const va = mid - half * GL2;
      const vb = mid + half * GL2;
      const xa = exp(va);
      const xb = exp(vb);
      // Rescale the weights so the panel holds exactly c − prev keys.
      const scale = (c - prev) / (half * (xa + xb));
      gw[g] = half * xa * scale;
      gp[g] = exp(-alpha * va) * invZ;
      gw[g + 1] = half * xb * scale;
      gp[g + 1] = exp(-alpha * vb) * invZ;
      g += 2;
      colEnd[j] = g;
      colCum[j] = c === n ? 1 : (headCum[HEAD] as number) + tailSum(alpha, aPow1, aPowM1, lnX - lnA) * invZ;
    }
    lnPrev = lnX;
  }

  // y grid: from p_1·y = Y_LO to p_min·y = Y_HI.
  const u0 = ln(Y_LO / (gp[0] as number));
  const uEnd = ln(Y_HI / (colP[nCols - 1] as number));
  const rows = Math.ceil((uEnd - u0) / HU) + 1;
  const yRow = new Float64Array(rows);
  const t = new Float64Array(rows * STRIDE);
  for (let k = 0; k < rows; k++) {
    const y = exp(u0 + k * HU);
    yRow[k] = y;
    let oE = 0, doE = 0, hE = 0, dhE = 0, oR = 0, doR = 0, hR = 0, dhR = 0;
    for (let i = 0; i < nGroups; i++) {
      const w = gw[i] as number;
      const p = gp[i] as number;
      const s = p * y;
      const e = expNeg(s);
      const one = oneMinus(s, e);
      const se = s * e;
      oE += w * one;
      doE += w * se;
      hE += w * p * one;
      dhE += w * p * se;
      const q = 1 / (1 + s);
      const sq = s * q;
      const sqq = sq * q;
      oR += w * sq;
      doR += w * sqq;
      hR += w * p * sq;
      dhR += w * p * sqq;
    }
    const r = k * STRIDE;
    t[r] = oE; t[r + 1] = doE; t[r + 2] = hE; t[r + 3] = dhE;
    t[r + 4] = oR; t[r + 5] = doR; t[r + 6] = hR; t[r + 7] = dhR;
  }
  return { keys, alpha, headCum, gw, gp, cols, colP, colCum, colEnd, yRow, rows, lnZ: ln(z), t, lfu: null };
}

/**
 * The partial sums over ranks ≤ each column, for LFU with a TTL and for LRU when its capacity and
 * a TTL from insertion both limit (built on first use).
 */
function buildLfu(tab: ZipfTable): LfuTable {
  const nCols = tab.cols.length;
  const f = new Float64Array(tab.rows * nCols * LFU_STRIDE);
  const { gw, gp, colEnd, yRow } = tab;
  for (let k = 0; k < tab.rows; k++) {
    const y = yRow[k] as number;
    let o = 0, dO = 0, h = 0, dh = 0, oR = 0, dOR = 0, hR = 0, dhR = 0;
    let i = 0;
    const base = k * nCols * LFU_STRIDE;
    for (let j = 0; j < nCols; j++) {
      const end = colEnd[j] as number;
      for (; i < end; i++) {
        const w = gw[i] as number;
        const p = gp[i] as number;
        const s = p * y;
        const e = expNeg(s);
        const one = oneMinus(s, e);
        const se = s * e;
        o += w * one;
        dO += w * se;
        h += w * p * one;
        dh += w * p * se;
        const q = 1 / (1 + s);
        const sq = s * q;
        const sqq = sq * q;
        oR += w * sq;
        dOR += w * sqq;
        hR += w * p * sq;
        dhR += w * p * sqq;
      }
      const r = base + j * LFU_STRIDE;
      f[r] = o; f[r + 1] = dO; f[r + 2] = h; f[r + 3] = dh;
      f[r + 4] = oR; f[r + 5] = dOR; f[r + 6] = hR; f[r + 7] = dhR;
    }
  }
  return { f };
}

function tableFor(keys: number, alpha: number): ZipfTable {
  const last = memo.last;
  if (last !== null && last.keys === keys && last.alpha === alpha) return last;
  const id = `${keys}:${alpha}`;
  const tables = memo.tables;
  let tab = tables.get(id);
  if (tab === undefined) {
    tab = buildTable(keys, alpha);
    if (tables.size >= MEMO_MAX) {
      const oldest = tables.keys().next().value;
      if (oldest !== undefined) tables.delete(oldest);
    }
    tables.set(id, tab);
  }
  memo.last = tab;
  return tab;
}

// ---------------------------------------------------------------------------
// Queries use no exp/ln: rows are found by binary search on yRow and the
// position inside a row by expSmall/lnSmall. Helpers hand their figures back
// in the query's Scratch, so a query allocates only that and its result.

/** Cubic Hermite on [0, 1] from values f0, f1 and slopes (already × step) m0, m1. */
function hermite(f0: number, m0: number, f1: number, m1: number, s: number): number {
  const c2 = 3 * (f1 - f0) - 2 * m0 - m1;
  const c3 = 2 * (f0 - f1) + m0 + m1;
  return f0 + s * (m0 + s * (c2 + s * c3));
}

/**
 * Place y > 0 on the grid: −1 below row 0, +1 at or above the last row,
 * else 0 with y = yRow[out.k]·e^(out.s·HU), 0 ≤ out.s ≤ 1.
 */
function locateY(tab: ZipfTable, y: number, out: Scratch): number {
  const yRow = tab.yRow;
  if (y <= (yRow[0] as number)) return -1;
  let hi = tab.rows - 1;
  if (y >= (yRow[hi] as number)) return 1;
  let lo = 0;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((yRow[mid] as number) <= y) lo = mid;
    else hi = mid;
  }
  const s = lnSmall(y / (yRow[lo] as number)) / HU;
  out.k = lo;
  out.s = s < 1 ? s : 1;
  return 0;
}

/** Occupancy and hit sums (kernel at `off`) at y > 0 → out.occ, out.hit. */
function evalAtY(tab: ZipfTable, off: number, y: number, out: Scratch): void {
  const t = tab.t;
  const where = locateY(tab, y, out);
  if (where < 0) {
    // Below the grid both sums are linear in y to within p_1·y ≤ Y_LO relative.
    const ratio = y / (tab.yRow[0] as number);
    out.occ = (t[off] as number) * ratio;
    out.hit = (t[off + 2] as number) * ratio;
    return;
  }
  if (where > 0) {
    const r = (tab.rows - 1) * STRIDE + off;
    out.occ = t[r] as number;
    out.hit = t[r + 2] as number;
    return;
  }
  const k = out.k * STRIDE + off;
  const k1 = k + STRIDE;
  const s = out.s;
  out.occ = hermite(t[k] as number, HU * (t[k + 1] as number), t[k1] as number, HU * (t[k1 + 1] as number), s);
  out.hit = hermite(t[k + 2] as number, HU * (t[k + 3] as number), t[k1 + 2] as number, HU * (t[k1 + 3] as number), s);
}

/**
 * Solve Occ(y) = C (kernel at `off`) for 0 < C < keys → out.y (the
 * characteristic λT), out.hit = H(out.y).
 */
function solveCapacity(tab: ZipfTable, off: number, c: number, out: Scratch): void {
  const t = tab.t;
  const o0 = t[off] as number;
  if (c <= o0) {
    const ratio = c / o0;
    out.y = (tab.yRow[0] as number) * ratio;
    out.hit = (t[off + 2] as number) * ratio;
    return;
  }
  const last = (tab.rows - 1) * STRIDE + off;
  if (c >= (t[last] as number)) {
    out.y = tab.yRow[tab.rows - 1] as number;
    out.hit = t[last + 2] as number;
    return;
  }
  // Invariant: Occ[lo] ≤ C < Occ[hi].
  let lo = 0;
  let hi = tab.rows - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((t[mid * STRIDE + off] as number) <= c) lo = mid;
    else hi = mid;
  }
  const r0 = lo * STRIDE + off;
  const r1 = r0 + STRIDE;
  const f0 = t[r0] as number;
  const f1 = t[r1] as number;
  const m0 = HU * (t[r0 + 1] as number);
  const m1 = HU * (t[r1 + 1] as number);
  const c2 = 3 * (f1 - f0) - 2 * m0 - m1;
  const c3 = 2 * (f0 - f1) + m0 + m1;
  // Newton on the cubic, safeguarded by bisection on [a, b] (P(a) ≤ C < P(b));
  // three steps from the secant guess are the rule.
  let a = 0;
  let b = 1;
  let s = (c - f0) / (f1 - f0);
  for (let it = 0; it < 60; it++) {
    const val = f0 + s * (m0 + s * (c2 + s * c3)) - c;
    if (val === 0) break;
    if (val > 0) b = s;
    else a = s;
    const der = m0 + s * (2 * c2 + 3 * s * c3);
    let next = s - val / der;
    if (!(next >= a && next <= b)) next = 0.5 * (a + b);
    const step = next - s;
    s = next;
    if (Math.abs(step) < 1e-12) break;
  }
  out.y = (tab.yRow[lo] as number) * expSmall(s * HU);
  out.hit = hermite(t[r0 + 2] as number, HU * (t[r0 + 3] as number), t[r1 + 2] as number, HU * (t[r1 + 3] as number), s);
}

/** Index j of the column interval [cols[j], cols[j + 1]) holding 0 ≤ C < keys. */
function columnOf(tab: ZipfTable, c: number): number {
  if (c < LINEAR_COLS) return Math.floor(c);
  const cols = tab.cols;
  let lo = LINEAR_COLS;
  let hi = cols.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((cols[mid] as number) <= c) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Σ_{i≤C} p_i for 0 ≤ C ≤ keys. Exact (a fractional C counts that share of the
 * next key) up to HEAD; above, cubic Hermite in C between columns with the
 * exact slope p(C + ½).
 */
function topShare(tab: ZipfTable, c: number): number {
  if (c >= tab.keys) return 1;
  const headCum = tab.headCum;
  if (c <= headCum.length - 1) {
    const i = Math.floor(c);
    const base = headCum[i] as number;
    if (i === c) return base;
    return base + (c - i) * ((headCum[i + 1] as number) - base);
  }
  const j = columnOf(tab, c);
  const c0 = tab.cols[j] as number;
  const dc = (tab.cols[j + 1] as number) - c0;
  const v = hermite(tab.colCum[j] as number, dc * (tab.colP[j] as number), tab.colCum[j + 1] as number, dc * (tab.colP[j + 1] as number), (c - c0) / dc);
  return v < 1 ? v : 1;
}

/** The kernel at `off` (KERNEL_EXP or KERNEL_RAT) at s ≥ 0. */
function kernel(off: number, s: number): number {
  return off === KERNEL_EXP ? oneMinus(s, expNeg(s)) : s / (1 + s);
}

/**
 * Sums of the kernel at `off` over the ranks ≤ C (0 < C < keys) at y > 0 → out.occ, out.hit: LFU
 * with a TTL, and the hot part of LRU when its capacity and a TTL from insertion both limit.
 */
function lfuPartial(tab: ZipfTable, c: number, y: number, off: number, out: Scratch): void {
  if (tab.lfu === null) tab.lfu = buildLfu(tab);
  const f = tab.lfu.f;
  const nCols = tab.cols.length;
  // Row and position; below the grid, values at row 0 scaled linearly in y.
  const where = locateY(tab, y, out);
  let k = out.k;
  let s = out.s;
  let scale = 1;
  let yAt = y;
  if (where < 0) {
    k = 0;
    s = 0;
    yAt = tab.yRow[0] as number;
    scale = y / yAt;
  } else if (where > 0) {
    k = tab.rows - 2;
    s = 1;
    yAt = tab.yRow[tab.rows - 1] as number;
  }
  const j = columnOf(tab, c);
  const ia = (k * nCols + j) * LFU_STRIDE + off;
  const ib = ia + nCols * LFU_STRIDE;
  const next = LFU_STRIDE;
  // Values at (y, column j) and (y, column j + 1) by Hermite in u.
  const oJ = hermite(f[ia] as number, HU * (f[ia + 1] as number), f[ib] as number, HU * (f[ib + 1] as number), s);
  const hJ = hermite(f[ia + 2] as number, HU * (f[ia + 3] as number), f[ib + 2] as number, HU * (f[ib + 3] as number), s);
  const oK = hermite(f[ia + next] as number, HU * (f[ia + next + 1] as number), f[ib + next] as number, HU * (f[ib + next + 1] as number), s);
  const hK = hermite(f[ia + next + 2] as number, HU * (f[ia + next + 3] as number), f[ib + next + 2] as number, HU * (f[ib + next + 3] as number), s);
  const c0 = tab.cols[j] as number;
  if (c < LINEAR_COLS) {
    // Unit columns: a fractional key is that share of the next one.
    const frac = c - c0;
    out.occ = (oJ + frac * (oK - oJ)) * scale;
    out.hit = (hJ + frac * (hK - hJ)) * scale;
    return;
  }
  // Hermite in C with the exact slopes d/dC Σ_{i≤C} g(p_i) = g(p(C + ½)).
  const dc = (tab.cols[j + 1] as number) - c0;
  const p0 = tab.colP[j] as number;
  const p1 = tab.colP[j + 1] as number;
  const one0 = kernel(off, p0 * yAt);
  const one1 = kernel(off, p1 * yAt);
  const sc = (c - c0) / dc;
  out.occ = hermite(oJ, dc * one0, oK, dc * one1, sc) * scale;
  out.hit = hermite(hJ, dc * p0 * one0, hK, dc * p1 * one1, sc) * scale;
}

/** Sums of the kernel at `off` over the ranks ≤ C, for any 0 ≤ C (≥ keys: every key) → out.occ, out.hit. */
function partialSums(tab: ZipfTable, c: number, y: number, off: number, out: Scratch): void {
  if (!(c > 0) || !(y > 0)) {
    out.occ = 0;
    out.hit = 0;
  } else if (c >= tab.keys) {
    evalAtY(tab, off, y, out);
  } else {
    lfuPartial(tab, c, y, off, out);
  }
}

/**
 * How many of the most popular keys have p_i ≥ p: with p(x) = x^(−α)/H_{N,α} inverted,
 * x = (p·H)^(−1/α), exactly ⌊x⌋ among the ranks summed one by one, and x − ½ beyond them (where
 * keys are cells [i − ½, i + ½] of a continuum), within [0, keys].
 */
function rankOf(tab: ZipfTable, p: number): number {
  if (!(tab.alpha > 1e-9)) return p <= (tab.colP[0] as number) ? tab.keys : 0; // uniform: all or none
  const x = exp(-(ln(p) + tab.lnZ) / tab.alpha);
  const c = x < HEAD ? Math.floor(x) : x - 0.5;
  return c > 0 ? (c < tab.keys ? c : tab.keys) : 0;
}

/**
 * LRU with capacity C and a TTL from insertion, when both limit (C below the TTL-only occupancy):
 * each key's hit probability is the smaller of the two single-mechanism figures,
 * min(λpD/(1 + λpD), 1 − e^(−λpT)). The kernels cross once, at s* = λp*T with e^(s*) = 1 + κs*,
 * κ = D/T: keys hotter than p* are TTL-bound, colder ones capacity-bound. T solves
 * Σ min(…) = C. We solve for x = λp*D instead, which gives T explicitly (λT = yD·ln(1 + x)/x)
 * and the crossover rank as rankOf(x/yD); a slightly wrong crossover rank costs only second
 * order (both kernels agree there). Occupancy falls as x grows, from the TTL-only occupancy
 * (x ≤ p_min·yD: every key TTL-bound) to at most C (x = (yD/yC)²: then λT ≤ yC, Che's
 * capacity-only characteristic, as ln(1 + x) ≤ √x). Regula falsi (Illinois) on ln x.
 * → out.occ, out.hitTtl, out.hitCap, out.y (λT).
 */
function lruBothLimit(tab: ZipfTable, c: number, yD: number, yC: number, out: Scratch): void {
  const colP = tab.colP;
  let lo = ln((colP[colP.length - 1] as number) * yD);
  // ln(1 + x) ≤ √x, so λT ≤ yD/√x ≤ yC once x ≥ (yD/yC)².
  let hi = 2 * ln(yD / yC);
  // Occupancy − C at v = ln x, leaving the parts in `out`.
  const at = (v: number): number => {
    const x = exp(v);
    const yT = x > 1e-8 ? (yD * log1p(x)) / x : yD * (1 - x * (0.5 - x / 3));
    const rank = rankOf(tab, x / yD);
    partialSums(tab, rank, yD, KERNEL_RAT, out);
    const occHot = out.occ;
    const hitHot = out.hit;
    partialSums(tab, rank, yT, KERNEL_EXP, out);
    const occCut = out.occ;
    const hitCut = out.hit;
    evalAtY(tab, KERNEL_EXP, yT, out);
    out.hitTtl = hitHot;
    out.hitCap = out.hit - hitCut;
    out.y = yT;
    out.occ = occHot + out.occ - occCut;
    return out.occ - c;
  };
  let fLo = at(lo);
  let fHi = at(hi);
  if (!(fLo > 0) || !(fHi < 0)) {
    // Only rounding in the tables can put the root at an end: take the nearer end.
    at(Math.abs(fLo) < Math.abs(fHi) ? lo : hi);
    return;
  }
  let side = 0;
  for (let it = 0; it < 60; it++) {
    const v = (lo * fHi - hi * fLo) / (fHi - fLo);
    const fv = at(v);
    if (Math.abs(fv) <= 1e-10 * c || hi - lo <= 1e-13 * (Math.abs(lo) + 1)) return;
    if (fv > 0) {
      lo = v;
      fLo = fv;
      if (side === 1) fHi *= 0.5;
      side = 1;
    } else {
      hi = v;
      fHi = fv;
      if (side === -1) fLo *= 0.5;
      side = -1;
    }
  }
}

// ---------------------------------------------------------------------------

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

function result(
  hit: number, lambda: number, entries: number, capacity: number,
  characteristic: number, ttl: number,
): CacheResult {
  const lifetime = ttl < characteristic ? ttl : characteristic;
  return figures(hit, lambda, entries, capacity, characteristic, lifetime, ttl < characteristic);
}

function figures(
  hit: number, lambda: number, entries: number, capacity: number,
  characteristic: number, lifetime: number, ttlLimited: boolean,
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

  const off = policy === 'lru' ? OFF_LRU : OFF_FIFO;
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
