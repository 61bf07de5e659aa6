/**
 * The precomputed tables behind the cache hit ratios of hitRatio.ts: for one Zipf(α) working set
 * of N keys, the occupancy and hit sums of the LRU and FIFO kernels on a grid in ln y, and the LFU
 * partial sums by capacity column. Built once per (N, α) with exp/ln from ../math and memoised
 * (a pure cache: the same inputs always give the same table), so that a query needs none.
 */
import { exp, ln, pow, powInt } from '../math';
// ---------------------------------------------------------------------------
// Tuning. Accuracy figures in the header were measured with these values.

/** Ranks summed exactly, one term each. */
export const HEAD = 128;
/** Capacity columns 0, 1, …, LINEAR_COLS; after that they grow by 2^(1/4). */
export const LINEAR_COLS = 64;
/** 2^(k/4), k = 0…3 (doubles nearest to them). */
const QUARTER_POW2 = [1, 1.189207115002721, 1.4142135623730951, 1.681792830507429];
/** Grid step in u = ln y. */
export const HU = 0.25;
/** The grid starts where p_1·y = Y_LO (below it, Occ and H are linear in y to ~Y_LO relative). */
const Y_LO = 1e-4;
/** …and ends where p_min·y = Y_HI (FIFO's free share Σ1/(1 + p_i y) is then ≤ 1e-6). */
const Y_HI = 1e6;
/** Tables kept in the memo at once (oldest dropped first). */
const MEMO_MAX = 32;
export const MAX_KEYS = 1e12;
export const MAX_ALPHA = 4;
/** 2-point Gauss–Legendre node offset 1/√3. */
const GL2 = 0.5773502691896257;
/** Per row in the main table: occupancy, d/du, hit, d/du for LRU (exp kernel), then the same for FIFO. */
export const STRIDE = 8;
const OFF_LRU = 0;
const OFF_FIFO = 4;
/** Kernel offsets, in both tables: 1 − e^(−s) (LRU, an idle timeout) and s/(1 + s) (FIFO, a TTL from insertion). */
export const KERNEL_EXP = OFF_LRU;
export const KERNEL_RAT = OFF_FIFO;
/** Per (row, column) in the LFU table: both kernels' partial sums. */
export const LFU_STRIDE = 8;

interface LfuTable {
  /**
   * Per (row, column), stride LFU_STRIDE: occupancy, d/du, hit, d/du partial sums over ranks ≤
   * column, for the exponential kernel (at KERNEL_EXP) and the rational one (at KERNEL_RAT).
   */
  f: Float64Array;
}

export interface ZipfTable {
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
export interface Scratch {
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

export function newScratch(): Scratch {
  return { occ: 0, hit: 0, y: 0, k: 0, s: 0, hitTtl: 0, hitCap: 0 };
}

/** (e^z − 1)/z, accurate near 0 (a series for |z| < 1e-3). */
function expm1OverX(z: number): number {
  if (Math.abs(z) < 1e-3) return 1 + z * (0.5 + z * (1 / 6 + z * (1 / 24)));
  return (exp(z) - 1) / z;
}

/** 1 − e^(−s) for s ≥ 0 given e = e^(−s), without cancellation for small s. */
export function oneMinus(s: number, e: number): number {
  return s < 1e-3 ? s * (1 - s * 0.5 * (1 - (s / 3) * (1 - s * 0.25))) : 1 - e;
}

/** e^(−s) for s ≥ 0, 0 once it underflows. */
export function expNeg(s: number): number {
  return s > 745 ? 0 : exp(-s);
}

/** e^x for 0 ≤ x ≤ HU: Taylor series to x^12 (truncation < 1e-17 relative); + and × only. */
export function expSmall(x: number): number {
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
export function lnSmall(r: number): number {
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
    let oE = 0,
      doE = 0,
      hE = 0,
      dhE = 0,
      oR = 0,
      doR = 0,
      hR = 0,
      dhR = 0;
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
    t[r] = oE;
    t[r + 1] = doE;
    t[r + 2] = hE;
    t[r + 3] = dhE;
    t[r + 4] = oR;
    t[r + 5] = doR;
    t[r + 6] = hR;
    t[r + 7] = dhR;
  }
  return { keys, alpha, headCum, gw, gp, cols, colP, colCum, colEnd, yRow, rows, lnZ: ln(z), t, lfu: null };
}

/**
 * The partial sums over ranks ≤ each column, for LFU with a TTL and for LRU when its capacity and
 * a TTL from insertion both limit (built on first use).
 */
export function buildLfu(tab: ZipfTable): LfuTable {
  const nCols = tab.cols.length;
  const f = new Float64Array(tab.rows * nCols * LFU_STRIDE);
  const { gw, gp, colEnd, yRow } = tab;
  for (let k = 0; k < tab.rows; k++) {
    const y = yRow[k] as number;
    let o = 0,
      dO = 0,
      h = 0,
      dh = 0,
      oR = 0,
      dOR = 0,
      hR = 0,
      dhR = 0;
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
      f[r] = o;
      f[r + 1] = dO;
      f[r + 2] = h;
      f[r + 3] = dh;
      f[r + 4] = oR;
      f[r + 5] = dOR;
      f[r + 6] = hR;
      f[r + 7] = dhR;
    }
  }
  return { f };
}

export function tableFor(keys: number, alpha: number): ZipfTable {
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
