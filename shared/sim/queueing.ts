/**
 * M/M/c queueing formulas for the flow simulation.
 *
 * A component with c identical servers, Poisson arrivals at rate λ and
 * exponential service at rate μ per server. The flow model calls `mmc` once
 * per component per tick, so everything here is O(c) with no allocation
 * beyond the result object, and every loop has a fixed bound.
 *
 * Only exp/ln from ./math are used, so results are bit-identical across
 * JavaScript engines.
 */
import { exp, ln, LN2 } from './math';

/** Steady-state figures for an M/M/c queue. Times are in the unit of 1/μ. */
export interface MmcResult {
  /** Per-server utilisation λ/(cμ); ≥ 1 when saturated. */
  rho: number;
  /** Probability an arrival has to queue (Erlang C); 1 when saturated. */
  waitProbability: number;
  /** Mean time in queue Wq = C/(cμ − λ). */
  meanWait: number;
  /** Mean time in system W = Wq + 1/μ. */
  meanResponse: number;
  /** Mean number waiting Lq = λ·Wq (Little's law). */
  queueLength: number;
  /** 95th percentile of the time in queue (0 if at least 95 % never wait). */
  p95Wait: number;
  /** 95th percentile of the time in system (queue + service). */
  p95Response: number;
  /** λ ≥ cμ: no steady state; waits are Infinity and the caller must cap them. */
  saturated: boolean;
}

/** ln 20 = −ln 0.05, the "95th percentile" constant. */
const LN20 = ln(20);
// A tolerance of 1e-12 relative costs at most one extra Newton step over 1e-9.
const REL_TOL = 1e-12;
const MAX_ITER = 40;

function checkServers(c: number): void {
  if (!Number.isInteger(c) || c < 1) throw new RangeError(`servers must be a positive integer, got ${c}`);
}

function checkLoad(a: number): void {
  if (!(a >= 0)) throw new RangeError(`offered load must be ≥ 0, got ${a}`);
}

/** Erlang B recurrence without argument checks (c ≥ 1 integer, finite a ≥ 0). */
function erlangBRaw(c: number, a: number): number {
  // B_k = a·B_{k−1}/(k + a·B_{k−1}): every term is in [0, 1], so unlike the
  // textbook a^c/c! sum it never overflows, even for large c and a.
  let b = 1;
  for (let k = 1; k <= c; k++) {
    const ab = a * b;
    b = ab / (k + ab);
  }
  return b;
}

/** Erlang C for a < c, from Erlang B; clamped to 1 against last-bit rounding. */
function erlangCRaw(c: number, a: number): number {
  const b = erlangBRaw(c, a);
  const C = (c * b) / (c - a * (1 - b));
  return C < 1 ? C : 1;
}

/**
 * Erlang B: probability that an arrival finds all c servers busy in a loss
 * system (M/M/c/c) with offered load a = λ/μ Erlangs. O(c).
 * Throws RangeError unless c is a positive integer and a ≥ 0.
 */
export function erlangB(c: number, a: number): number {
  checkServers(c);
  checkLoad(a);
  if (a === Infinity) return 1;
  return erlangBRaw(c, a);
}

/**
 * Erlang C: probability that an arrival has to wait in an M/M/c queue with
 * offered load a = λ/μ Erlangs; 1 when a ≥ c (no steady state). O(c).
 * Throws RangeError unless c is a positive integer and a ≥ 0.
 */
export function erlangC(c: number, a: number): number {
  checkServers(c);
  checkLoad(a);
  if (a >= c) return 1;
  return erlangCRaw(c, a);
}

/**
 * Analyse an M/M/c queue: arrival rate λ (`lambda`), per-server service rate
 * μ (`mu`), c servers. λ = 0 gives zero waits and response 1/μ; λ ≥ cμ is
 * reported as saturated with Infinity waits. O(c) plus a few exp/ln calls.
 * Throws RangeError unless c is a positive integer, μ is positive and
 * finite, and λ ≥ 0.
 */
export function mmc(lambda: number, mu: number, c: number): MmcResult {
  checkServers(c);
  if (!(mu > 0) || mu === Infinity) throw new RangeError(`service rate must be positive and finite, got ${mu}`);
  if (!(lambda >= 0)) throw new RangeError(`arrival rate must be ≥ 0, got ${lambda}`);
  const capacity = c * mu;
  const service = 1 / mu;
  if (lambda === 0) {
    return {
      rho: 0, waitProbability: 0, meanWait: 0, meanResponse: service, queueLength: 0,
      p95Wait: 0, p95Response: LN20 * service, saturated: false,
    };
  }
  // θ = cμ − λ is the decay rate of the waiting-time tail. Deciding saturation
  // on θ (not on a = λ/μ vs c) keeps every later division by θ safe.
  const theta = capacity - lambda;
  if (!(theta > 0)) {
    return {
      rho: lambda / capacity, waitProbability: 1, meanWait: Infinity, meanResponse: Infinity,
      queueLength: Infinity, p95Wait: Infinity, p95Response: Infinity, saturated: true,
    };
  }
  const a = lambda / mu;
  const C = a < c ? erlangCRaw(c, a) : 1;
  const meanWait = C / theta;
  // P(Wq > t) = C·e^(−θt), so the 95th percentile is 0 unless C > 5 %.
  const p95Wait = C > 0.05 ? ln(20 * C) / theta : 0;
  return {
    rho: lambda / capacity,
    waitProbability: C,
    meanWait,
    meanResponse: meanWait + service,
    queueLength: lambda * meanWait,
    p95Wait,
    p95Response: sojournP95(C, mu, theta, p95Wait),
    saturated: false,
  };
}

/**
 * 95th percentile of the sojourn time T = Wq + S, where Wq is 0 with
 * probability 1 − C and Exp(θ) otherwise, and S ~ Exp(μ) is independent.
 *
 * Conditioning on Wq and using the hypoexponential tail of Exp(θ) + Exp(μ):
 *   P(T > t) = (1 − C)·e^(−μt) + C·(θe^(−μt) − μe^(−θt))/(θ − μ)
 *            = e^(−μt)·[1 + C·μ·(1 − e^(−(θ−μ)t))/(θ − μ)]
 * (note the factor μ, not θ: with c = 1 this collapses to e^(−(μ−λ)t), the
 * known exponential sojourn of M/M/1). With m = min(μ, θ), d = |θ − μ|,
 * E = e^(−dt) and G = (1 − E)/d (→ t as d → 0), both orderings become
 *   P(T > t) = e^(−mt)·B(t),  B = (μ ≤ θ ? 1 : E) + C·μ·G,
 * which never overflows. We solve g(t) = ln P(T > t) + ln 20 = 0, which is
 * nearly linear in t, by Newton's method safeguarded by bisection.
 *
 * Bracket (all from P(T > t) being decreasing):
 *  - lower: T ≥ S and T ≥ Wq, so t95 ≥ max(ln20/μ, p95Wait).
 *  - upper: B ≤ max(1, K) with K = (μ ≤ θ ? 1 : 0) + Cμ/d gives
 *    t95 ≤ (ln20 + ln max(1, K))/m; Exp(m) dominates both stages, so
 *    P(T > t) ≤ e^(−u)(1 + Cu) ≤ e^(−(1−C)u), u = mt, gives
 *    t95 ≤ ln20/((1 − C)m); and (1 + u)e^(−u) ≤ 2e^(−½)·e^(−u/2) gives
 *    t95 ≤ 2(ln40 − ½)/m, finite even when d = 0 and C = 1.
 * The often-quoted p95Wait + ln20/μ is NOT an upper bound: when 0 < C ≤ 5 %
 * it equals ln20/μ, yet T is strictly larger than S.
 */
function sojournP95(C: number, mu: number, theta: number, p95Wait: number): number {
  const base = LN20 / mu;
  if (!(C > 0)) return base; // nobody waits: T = S exactly
  const muIsMin = mu <= theta;
  const m = muIsMin ? mu : theta;
  const d = muIsMin ? theta - mu : mu - theta;
  const lnSafe = LN20 / m;
  let lo = p95Wait > base ? p95Wait : base;
  let hi = 2 * (LN20 + LN2 - 0.5) / m;
  if (C < 1) hi = Math.min(hi, lnSafe / (1 - C));
  // Asymptotic root: for large t, P(T > t) → K·e^(−mt). Also a good start.
  let t = hi;
  if (d > 0) {
    const K = (muIsMin ? 1 : 0) + (C * mu) / d;
    t = (LN20 + ln(K)) / m;
    hi = Math.min(hi, t > lnSafe ? t : lnSafe);
  }
  if (!(hi < Infinity)) return Infinity; // only for absurdly small rates
  if (hi < lo) hi = lo; // rounding only; the bounds are ordered mathematically
  // Endpoints are allowed: the asymptotic start is often the upper bound itself
  // and, when the tail is a pure exponential (c = 1), exactly the root.
  if (!(t >= lo && t <= hi)) t = 0.5 * (lo + hi);
  for (let i = 0; i < MAX_ITER; i++) {
    const x = d * t;
    const E = exp(-x);
    // G = (1 − e^(−x))/d; the series for (1 − e^(−x))/x avoids cancellation for small x.
    const G = x < 0.125
      ? t * (1 - (x / 2) * (1 - (x / 3) * (1 - (x / 4) * (1 - (x / 5) * (1 - (x / 6)
        * (1 - (x / 7) * (1 - (x / 8) * (1 - (x / 9) * (1 - x / 10)))))))))
      : (1 - E) / d;
    const B = (muIsMin ? 1 : E) + C * mu * G;
    const g = LN20 - m * t + ln(B);
    // g'(t) = −m + B'/B, with B' = C·μ·E − (μ ≤ θ ? 0 : d·E).
    const dB = (muIsMin ? 0 : -d * E) + C * mu * E;
    const slope = dB / B - m;
    if (g > 0) lo = t; else if (g < 0) hi = t; else return t;
    let next = t - g / slope;
    if (!(next >= lo && next <= hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - t) <= REL_TOL * next) return next;
    t = next;
  }
  return t;
}
