/**
 * Queueing formulas for the flow simulation.
 *
 * A component with c identical servers, Poisson arrivals at rate λ and service
 * at rate μ per server: `mmc` for exponential service and an unbounded queue
 * (the textbook figures, including the exact sojourn-time p95). The bounded
 * queue with general service (M/G/c/K) that the flow evaluates each tick is in
 * mgck.ts. Everything is O(c) with no allocation beyond the result object, and
 * every loop has a fixed bound.
 *
 * Only exp/ln from ./math are used, so results are bit-identical across
 * JavaScript engines.
 */
import { exp, ln, LN2 } from './math';

/** Steady-state figures for an M/M/c queue. Times are in the time unit of the rates (per-second rates → seconds). */
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
// Root-finding stops once a Newton step is below 1e-5 relative (Newton converges
// quadratically, so the error after such a step is ~1e-10, far below what a
// latency figure needs) or the bracket is below 1e-12 relative.
const NEWTON_TOL = 1e-5;
const BRACKET_TOL = 1e-12;
const MAX_ITER = 40;

function checkServers(c: number): void {
  if (!Number.isInteger(c) || c < 1) throw new RangeError(`servers must be a positive integer, got ${c}`);
}

function checkLoad(a: number): void {
  if (!(a >= 0)) throw new RangeError(`offered load must be ≥ 0, got ${a}`);
}

/**
 * 1/B_c for Erlang B, without argument checks (c ≥ 1 integer, finite a ≥ 0).
 *
 * The stable recurrence B_k = a·B_{k−1}/(k + a·B_{k−1}) in reciprocal form,
 * R_k = 1/B_k = 1 + (k/a)·R_{k−1}: every term is positive (no cancellation,
 * error ≲ c ulp) and each step is one multiply-add instead of a division, which
 * is what makes c = 64 affordable per tick. R only overflows to Infinity when
 * B < 1e-308, where B = 0 is the right answer anyway; a = 0 gives R = Infinity.
 */
export function erlangBInverse(c: number, a: number): number {
  const inv = 1 / a;
  let r = 1;
  let k = 1;
  // Two steps per pass, R_{k+1} = (1 + f_{k+1}) + f_{k+1}·f_k·R_{k−1} with
  // f_k = k/a, halve the chain of dependent multiply-adds.
  for (; k < c; k += 2) {
    const f = (k + 1) * inv;
    r = 1 + f + f * (k * inv) * r;
  }
  if (k === c) r = 1 + k * inv * r;
  return r;
}

/** Erlang C for a < c: C = c·B/(c − a(1 − B)) = c/(R·(c − a) + a); clamped to 1 against rounding. */
export function erlangCRaw(c: number, a: number): number {
  const C = c / (erlangBInverse(c, a) * (c - a) + a);
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
  return 1 / erlangBInverse(c, a);
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
 *
 * `exactP95`: solve the sojourn-time tail for p95Response (the default), or,
 * for the per-tick flow, compose it as the flow composes paths: mean wait +
 * service + √((p95Wait − Wq)² + ((ln20 − 1)/μ)²), within about 2 % of the
 * exact figure for c ≥ 2 (tests/sim/boundedQueue.test.ts) at a fraction of the
 * cost. With one server both are exact.
 */
export function mmc(lambda: number, mu: number, c: number, exactP95 = true): MmcResult {
  checkServers(c);
  if (!(mu > 0) || mu === Infinity) throw new RangeError(`service rate must be positive and finite, got ${mu}`);
  if (!(lambda >= 0)) throw new RangeError(`arrival rate must be ≥ 0, got ${lambda}`);
  const capacity = c * mu;
  const service = 1 / mu;
  if (lambda === 0) {
    return {
      rho: 0,
      waitProbability: 0,
      meanWait: 0,
      meanResponse: service,
      queueLength: 0,
      p95Wait: 0,
      p95Response: LN20 / mu,
      saturated: false, // same expression as sojournP95's C = 0 case
    };
  }
  // θ = cμ − λ is the decay rate of the waiting-time tail. Deciding saturation
  // on θ (not on a = λ/μ vs c) keeps every later division by θ safe.
  const theta = capacity - lambda;
  if (!(theta > 0)) {
    return {
      rho: lambda / capacity,
      waitProbability: 1,
      meanWait: Infinity,
      meanResponse: Infinity,
      queueLength: Infinity,
      p95Wait: Infinity,
      p95Response: Infinity,
      saturated: true,
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
    // With one server the sojourn time is exactly Exp(μ − λ): skip the solver.
    p95Response: c === 1 ? LN20 / theta : exactP95 ? sojournP95(C, mu, theta, p95Wait) : composedP95(meanWait, p95Wait, service),
    saturated: false,
  };
}

/** Wait and service combined as independent delays: means add, spreads above the means add in quadrature. */
function composedP95(meanWait: number, p95Wait: number, service: number): number {
  const waitSpread = p95Wait - meanWait;
  const serviceSpread = (LN20 - 1) * service;
  return meanWait + service + Math.sqrt(waitSpread * waitSpread + serviceSpread * serviceSpread);
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
 * which never overflows; for d > 0 it is also K·e^(−mt)·(1 + (1/K − 1)·E) with
 * K = (μ ≤ θ ? 1 : 0) + Cμ/d, a pure exponential plus a faster-decaying one.
 * We solve g(t) = ln P(T > t) + ln 20 = 0, nearly linear in t, by Newton's
 * method safeguarded by bisection; usually the asymptotic root
 * t0 = (ln20 + ln K)/m is already exact and no iteration needs exp or ln.
 *
 * Bracket (all from P(T > t) being decreasing):
 *  - lower: T ≥ S and T ≥ Wq, so t95 ≥ max(ln20/μ, p95Wait).
 *  - upper: B ≤ max(1, K) gives t95 ≤ max(t0, ln20/m); Exp(m) dominates
 *    both stages, so P(T > t) ≤ e^(−u)(1 + Cu) ≤ e^(−(1−C)u) with u = mt,
 *    giving t95 ≤ ln20/((1 − C)m); and (1 + u)e^(−u) ≤ 2e^(−½)·e^(−u/2)
 *    gives t95 ≤ 2(ln40 − ½)/m, finite even when d = 0 and C = 1.
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
  let hi = (2 * (LN20 + LN2 - 0.5)) / m;
  if (C < 1) hi = Math.min(hi, lnSafe / (1 - C));
  let t = hi;
  let t0 = 0;
  let Z = 0; // z(t) = Z·e^(−dt) = B/K − 1
  if (d > 0) {
    const K = (muIsMin ? 1 : 0) + (C * mu) / d;
    t0 = (LN20 + ln(K)) / m;
    Z = 1 / K - 1;
    t = t0;
    hi = Math.min(hi, t0 > lnSafe ? t0 : lnSafe);
  }
  if (!(hi < Infinity)) return Infinity; // only for absurdly small rates
  if (hi < lo) hi = lo; // rounding only; the bounds are ordered mathematically
  // Endpoints are allowed: t0 is often the upper bound itself and the root.
  if (!(t >= lo && t <= hi)) t = 0.5 * (lo + hi);
  for (let i = 0; i < MAX_ITER; i++) {
    const x = d * t;
    let g: number;
    let slope: number;
    if (d > 0 && x > 40 && Z >= -1 && Z <= 1) {
      // |z| < e^(−40) ≈ 4e-18: below rounding, so the tail is exactly K·e^(−mt).
      g = m * (t0 - t);
      slope = -m;
    } else {
      const E = exp(-x);
      const z = Z * E;
      if (d > 0 && z > -1e-3 && z < 1e-3) {
        // ln(1 + z) by its series (error < z⁶/6 < 2e-19): cheaper than ln, no cancellation.
        g = m * (t0 - t) + z * (1 - z * (0.5 - z * (1 / 3 - z * (0.25 - z * 0.2))));
        slope = -m - (d * z) / (1 + z);
      } else {
        // General form; the series for (1 − e^(−x))/x avoids cancellation as d → 0.
        const G =
          x < 0.125
            ? t *
              (1 -
                (x / 2) *
                  (1 -
                    (x / 3) * (1 - (x / 4) * (1 - (x / 5) * (1 - (x / 6) * (1 - (x / 7) * (1 - (x / 8) * (1 - (x / 9) * (1 - x / 10)))))))))
            : (1 - E) / d;
        const B = (muIsMin ? 1 : E) + C * mu * G;
        g = LN20 - m * t + ln(B);
        // g'(t) = −m + B'/B, with B' = C·μ·E − (μ ≤ θ ? 0 : d·E).
        slope = ((muIsMin ? 0 : -d * E) + C * mu * E) / B - m;
      }
    }
    if (g === 0) return t;
    if (g > 0) lo = t;
    else hi = t;
    const step = g / slope;
    let next = t - step;
    if (next >= lo && next <= hi) {
      // Newton converges quadratically: a step this small leaves an error ~step².
      if (Math.abs(step) <= NEWTON_TOL * next) return next;
    } else {
      next = 0.5 * (lo + hi);
    }
    if (hi - lo <= BRACKET_TOL * hi) return next;
    t = next;
  }
  return t;
}
