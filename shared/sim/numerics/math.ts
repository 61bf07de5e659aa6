/**
 * Deterministic elementary functions for the simulation.
 *
 * Math.exp/log/sin/… are only "implementation-approximated" by ECMAScript, so
 * engines (and engine versions) may disagree in the last bit and a replayed
 * match would drift. IEEE 754 pins down + − × ÷ and Math.sqrt exactly (JS never
 * fuses a multiply-add), so everything here uses only those plus exact helpers
 * (Math.floor/trunc/round/abs, and `%`, which is exact).
 *
 * Algorithms and minimax coefficients are fdlibm's (Sun, 1993 — the family V8
 * uses), re-expressed without bit manipulation: exponents are found and applied
 * by multiplying by exact powers of two. exp, ln, sin and cos are within ~1 ulp
 * over their normal ranges (checked in tests/sim/math.test.ts).
 */

/** ln 2 (the double nearest to it). */
export const LN2 = 0.6931471805599453;
/** ln 10 (the double nearest to it). */
export const LN10 = 2.302585092994046;
/** Euler's number e (the double nearest to it). */
export const E = 2.718281828459045;
/** π (the double nearest to it). */
export const PI = 3.141592653589793;
/** 2π, one full turn (the double nearest to it). */
export const TAU = 6.283185307179586;

// Cody–Waite split of ln 2: LN2_HI has its low 32 bits zero, so k·LN2_HI is
// exact for every |k| < 2^21 and the reduction error lives only in k·LN2_LO.
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
const INV_LN10 = 0.4342944819032518; // 1/ln 10
const SQRT2 = 1.4142135623730951;
// Beyond these, e^x is not a finite positive double (fdlibm's thresholds).
const EXP_OVERFLOW = 7.09782712893383973096e2;
const EXP_UNDERFLOW = -7.4513321910194110842e2;
const TWO64 = 18446744073709551616; // 2^64
const TWO_M64 = 5.421010862427522e-20; // 2^-64

// fdlibm e_exp.c: minimax polynomial for R(r²) on |r| ≤ ln2/2.
const P1 = 1.66666666666666019037e-1,
  P2 = -2.77777777770155933842e-3,
  P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6,
  P5 = 4.13813679705723846039e-8;

// fdlibm e_log.c: ln(1+f) = 2s + s·R(s²) with s = f/(2+f); R is minimax on |s| ≤ 0.1716.
const LG1 = 6.66666666666673513e-1,
  LG2 = 3.999999999940941908e-1,
  LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1,
  LG5 = 1.818357216161805012e-1,
  LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** POW2[i] = 2^(i − 1022), every normal power of two, built by exact doubling/halving (16 KiB, once). */
const POW2_BIAS = 1022;
const POW2 = new Float64Array(2046);
{
  let p = 1;
  for (let e = 0; e <= 1023; e++) {
    POW2[e + POW2_BIAS] = p;
    p *= 2;
  }
  p = 1;
  for (let e = 0; e >= -1022; e--) {
    POW2[e + POW2_BIAS] = p;
    p *= 0.5;
  }
}

/** 2^k for an integer k in [−1022, 1023], exact. */
function pow2(k: number): number {
  return POW2[k + POW2_BIAS] as number;
}

/** y · 2^k for an integer k in [−1076, 1024], with a single final rounding. */
function scale2(y: number, k: number): number {
  if (k > 1023) return y * 2 * pow2(k - 1);
  // Below the normal range, scale in two steps so only the last multiply rounds
  // (into the subnormals), exactly like fdlibm's twom1000 trick.
  if (k < -1021) return y * pow2(k + 54) * pow2(-54);
  return y * pow2(k);
}

/**
 * e^x, within 1 ulp for all finite x (fdlibm's algorithm).
 *
 * x = k·ln2 + r with |r| ≤ ln2/2 (Cody–Waite, two-part ln2), e^r from fdlibm's
 * rational form, then an exact scale by 2^k. Overflows to Infinity above
 * ≈709.78, underflows to 0 below ≈−745.13; NaN → NaN.
 */
export function exp(x: number): number {
  if (x !== x) return x;
  if (x > EXP_OVERFLOW) return Infinity;
  if (x < EXP_UNDERFLOW) return 0;
  if (x === 1) return E; // the kernel lands 1 ulp high here; e itself is the correctly rounded answer
  // Round half away from zero, as fdlibm does, so results match it bit for bit.
  const k = Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
  const hi = x - k * LN2_HI; // exact: k·LN2_HI is exact and cancels with x
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  return k === 0 ? y : scale2(y, k);
}

/**
 * Natural logarithm, within 1 ulp (fdlibm's algorithm).
 *
 * x = m·2^k with m in [√½, √2), found by exact multiplications by powers of
 * two (steps of 2^±64, then a fixed 32/16/8/4/2/1 ladder — cheaper and more
 * branch-predictable than a search), then ln m = 2·atanh(s), s = (m−1)/(m+1),
 * via a minimax polynomial in s². ln(0) = −Infinity; x < 0 or NaN → NaN;
 * ln(Infinity) = Infinity.
 */
export function ln(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN; // also catches NaN
  if (x === Infinity) return x;
  let k = 0;
  let m = x;
  // At most 16 and 17 passes; scaling up also lifts subnormals exactly.
  while (m >= TWO64) {
    m *= TWO_M64;
    k += 64;
  }
  while (m < 1) {
    m *= TWO64;
    k -= 64;
  }
  if (m >= 4294967296) {
    m *= 2.3283064365386963e-10;
    k += 32;
  }
  if (m >= 65536) {
    m *= 0.0000152587890625;
    k += 16;
  }
  if (m >= 256) {
    m *= 0.00390625;
    k += 8;
  }
  if (m >= 16) {
    m *= 0.0625;
    k += 4;
  }
  if (m >= 4) {
    m *= 0.25;
    k += 2;
  }
  if (m >= 2) {
    m *= 0.5;
    k += 1;
  }
  if (m >= SQRT2) {
    m *= 0.5;
    k += 1;
  }
  const f = m - 1; // exact (Sterbenz)
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  // fdlibm splits the polynomial into odd/even halves for speed and rounding.
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  const hfsq = 0.5 * f * f;
  return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
}

/**
 * e^x − 1 without the cancellation of exp(x) − 1 near 0: for |x| < ½ the Taylor series to x^17
 * (truncation < 1e-21 relative), else exp(x) − 1 (no cancellation left to speak of). Within
 * ~2 ulp; overflows to Infinity like exp.
 */
export function expm1(x: number): number {
  if (!(x > -0.5 && x < 0.5)) return x !== x ? x : exp(x) - 1;
  let r = 1 + x / 17;
  for (let k = 16; k >= 2; k--) r = 1 + (x / k) * r;
  return x * r;
}

/**
 * ln(1 + x) without the rounding of 1 + x near 0: for |x| < ¼ the series 2·atanh(s) with
 * s = x/(2 + x) to s^19 (|s| < 1/7, truncation < 1e-17 relative), else ln(1 + x). Within
 * ~2 ulp; −1 → −Infinity, below −1 → NaN.
 */
export function log1p(x: number): number {
  if (!(x > -0.25 && x < 0.25)) return x !== x ? x : ln(1 + x);
  const s = x / (2 + x);
  const s2 = s * s;
  let r = 1 / 19;
  for (let k = 17; k >= 3; k -= 2) r = 1 / k + s2 * r;
  return 2 * s * (1 + s2 * r);
}

/**
 * Base-10 logarithm: ln(x)/ln 10, within ~2 ulp. Exact powers of ten 10^n
 * for integer n in [−22, 22] return exactly n, so `Math.floor(log10(x))`
 * gives the right digit count for round numbers like 1000.
 */
export function log10(x: number): number {
  const r = ln(x) * INV_LN10;
  const n = Math.round(r);
  if (n >= -22 && n <= 22 && Math.abs(r - n) < 1e-9) {
    // 10^|n| ≤ 1e22 is exact in a double, so the reciprocal is correctly rounded.
    const p = n >= 0 ? powInt(10, n) : 1 / powInt(10, -n);
    if (p === x) return n;
  }
  return r;
}

/**
 * x^n for an integer n by repeated squaring (at most ~2·log2|n| multiplies).
 * Each multiply rounds once, so the relative error is at most about
 * (|n| − 1)·2⁻⁵³ (+1 rounding for n < 0), and the result is exact whenever
 * every intermediate is representable (small integers, powers of two,
 * 10^n for n ≤ 22). powInt(x, 0) = 1. Throws RangeError if n is not an integer.
 */
export function powInt(x: number, n: number): number {
  if (!Number.isInteger(n)) throw new RangeError(`powInt: exponent must be an integer, got ${n}`);
  if (n < 0) {
    const r = powInt(x, -n);
    // If x^|n| overflowed or underflowed, x^n may still be finite: use (1/x)^|n|.
    return r !== 0 && r !== Infinity && r !== -Infinity ? 1 / r : powInt(1 / x, -n);
  }
  let result = 1;
  let base = x;
  let e = n;
  while (e > 0) {
    if (e % 2 === 1) result *= base;
    e = Math.floor(e / 2);
    if (e > 0) base *= base;
  }
  return result;
}

/**
 * x^y. Integer y with |y| ≤ 64 goes through powInt (exact for cases such as
 * pow(10, 3) = 1000; error ≤ ~32 ulp ≈ 7e-15 relative otherwise); all other y
 * use exp(y·ln x).
 *
 * Accuracy limit of the exp path: y·ln(x) is rounded once, and exp turns that
 * absolute error into a relative one, so the error is about |y·ln x|·2⁻⁵³
 * plus ~1 ulp — up to ~1e-13 relative for results near the overflow limit,
 * ≤ 1e-15 when |y·ln x| ≤ 5. Negative x is allowed only for integer y
 * (otherwise NaN). Unlike Math.pow, pow(1, ±Infinity) is 1.
 */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x !== x || y !== y) return NaN;
  if (x === 1) return 1;
  const isInt = Number.isInteger(y);
  if (isInt && y >= -64 && y <= 64) return powInt(x, y);
  if (x < 0) {
    if (!isInt) return NaN;
    const odd = Math.abs(y) < 9007199254740992 && y % 2 !== 0; // beyond 2^53 every double is even
    const r = exp(y * ln(-x));
    return odd ? -r : r;
  }
  return exp(y * ln(x));
}

// fdlibm k_sin.c / k_cos.c: minimax polynomials on |x| ≤ π/4.
const S1 = -1.66666666666666324348e-1,
  S2 = 8.33333333332248946124e-3,
  S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6,
  S5 = -2.50507602534068634195e-8,
  S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2,
  C2 = -1.38888888888741095749e-3,
  C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7,
  C5 = 2.0875723212981748279e-9,
  C6 = -1.13596475577881948265e-11;

// π/2 in three 33-bit pieces plus a tail (fdlibm e_rem_pio2.c): n·PIO2_k is exact
// for n < 2^20, so the reduction keeps ~150 bits even in catastrophic cancellation.
const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417;
const PIO2_2 = 6.0771005063039659766e-11;
const PIO2_3 = 2.0222662487111664558e-21;
const PIO2_3T = 8.47842766036889956997e-32;
const PIO4 = 7.85398163397448278999e-1;
// Below this, n < 2^20 and the reduction above is exact (2^20·π/2 ≈ 1647099).
const REDUCE_MAX = 1.6e6;

/** sin(x + y) for |x + y| ≤ ~π/4, y a tiny correction to x. */
function kernelSin(x: number, y: number): number {
  const z = x * x;
  const w = z * z;
  const r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const v = z * x;
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/** cos(x + y) for |x + y| ≤ ~π/4 (FreeBSD's form, no bit tricks needed). */
function kernelCos(x: number, y: number): number {
  const z = x * x;
  const w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  const u = 1 - hz;
  return u + (1 - u - hz + (z * r - x * y));
}

/**
 * sin(a + m·π/2) for a > π/4, m = 0 for sin and 1 for cos (cos a = sin(a + π/2)). Reduces
 * a = n·π/2 + (hi + lo), |hi + lo| ≲ π/4, then evaluates the kernel of quadrant (n + m) mod 4; the
 * remainder's two words stay in locals, so nothing is kept between calls. Good to ≈1 ulp of the
 * remainder for a ≤ REDUCE_MAX. Larger a is first taken modulo TAU with the exact `%`: finite
 * and deterministic, but TAU ≠ 2π, so the absolute error grows like a·4e-17 (and is meaningless
 * for a ≳ 1e16).
 */
function reducedSin(x: number, m: number): number {
  const a = x > REDUCE_MAX ? x % TAU : x;
  const fn = Math.floor(a * INV_PIO2 + 0.5);
  const r1 = a - fn * PIO2_1; // exact: n·PIO2_1 is exact and cancels with a
  // Subtract n·PIO2_2 and n·PIO2_3 (each exact) keeping each rounding error
  // via TwoSum, which needs no ordering of the operands (the remainder may be
  // smaller than the term subtracted when a is very close to a multiple).
  const w2 = fn * PIO2_2;
  const r2 = r1 - w2;
  let bb = r2 - r1;
  const e2 = r1 - (r2 - bb) + (-w2 - bb);
  const w3 = fn * PIO2_3;
  const r3 = r2 - w3;
  bb = r3 - r2;
  const e3 = r2 - (r3 - bb) + (-w3 - bb);
  // Remainder = r3 + e2 + e3 − n·PIO2_3T, folded into a double-double.
  const w = fn * PIO2_3T - (e2 + e3);
  const hi = r3 - w;
  const lo = r3 - hi - w;
  const q = (fn + m) % 4;
  if (q === 0) return kernelSin(hi, lo);
  if (q === 1) return kernelCos(hi, lo);
  if (q === 2) return -kernelSin(hi, lo);
  return -kernelCos(hi, lo);
}

/**
 * sin(x), within ~1 ulp for |x| ≤ 1.6e6 (fdlibm's reduction and kernels);
 * larger |x| stays finite and deterministic but loses accuracy (see
 * reducedSin). NaN and ±Infinity → NaN; sin(−0) = −0.
 */
export function sin(x: number): number {
  if (x === 0 || x !== x) return x;
  if (x === Infinity || x === -Infinity) return NaN;
  const a = Math.abs(x);
  const s = a <= PIO4 ? kernelSin(a, 0) : reducedSin(a, 0);
  return x < 0 ? -s : s;
}

/**
 * cos(x), within ~1 ulp for |x| ≤ 1.6e6 (same reduction as sin); larger |x|
 * stays finite and deterministic but loses accuracy. NaN and ±Infinity → NaN.
 */
export function cos(x: number): number {
  if (x !== x || x === Infinity || x === -Infinity) return NaN;
  const a = Math.abs(x);
  if (a <= PIO4) return kernelCos(a, 0);
  return reducedSin(a, 1);
}
