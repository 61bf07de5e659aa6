/**
 * Reading the tables of zipfTable.ts: interpolation inside a row, the characteristic time that
 * fills a capacity, LFU's partial sums, and the LRU case limited by both capacity and TTL.
 */
import {
  HEAD,
  HU,
  KERNEL_EXP,
  KERNEL_RAT,
  LFU_STRIDE,
  LINEAR_COLS,
  STRIDE,
  buildLfu,
  expNeg,
  expSmall,
  lnSmall,
  oneMinus,
  type Scratch,
  type ZipfTable,
} from './zipfTable';
import { exp, ln, log1p } from '../math';
// ---------------------------------------------------------------------------
// Table lookups use no exp/ln: rows are found by binary search on yRow and the
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
export function evalAtY(tab: ZipfTable, off: number, y: number, out: Scratch): void {
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
export function solveCapacity(tab: ZipfTable, off: number, c: number, out: Scratch): void {
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
export function topShare(tab: ZipfTable, c: number): number {
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
  const v = hermite(
    tab.colCum[j] as number,
    dc * (tab.colP[j] as number),
    tab.colCum[j + 1] as number,
    dc * (tab.colP[j + 1] as number),
    (c - c0) / dc,
  );
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
  const oK = hermite(
    f[ia + next] as number,
    HU * (f[ia + next + 1] as number),
    f[ib + next] as number,
    HU * (f[ib + next + 1] as number),
    s,
  );
  const hK = hermite(
    f[ia + next + 2] as number,
    HU * (f[ia + next + 3] as number),
    f[ib + next + 2] as number,
    HU * (f[ib + next + 3] as number),
    s,
  );
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
export function partialSums(tab: ZipfTable, c: number, y: number, off: number, out: Scratch): void {
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
export function lruBothLimit(tab: ZipfTable, c: number, yD: number, yC: number, out: Scratch): void {
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
