/**
 * A bounded queue with general service (M/G/c/K), continuous through saturation: what the flow
 * evaluates once per component per tick (through boundedQueue.ts). Its waits reduce to the
 * M/M/c figures of queueing.ts for exponential service and an unbounded queue, which the tests
 * check. O(c) with no allocation beyond the caller's result object.
 *
 * Only exp/ln from ./math are used, so results are bit-identical across JavaScript engines.
 */
import { exp, expm1, ln, log1p } from './math';
import { erlangBInverse, erlangCRaw } from './queueing';

/** Stationary figures of one bounded queue (see boundedQueueInto). Times in seconds. */
export interface BoundedQueueFigures {
  /** Share of arrivals that find the queue full and are turned away, p_K. */
  loss: number;
  /** Share of the accepted arrivals that have to wait. */
  waitProbability: number;
  /** Mean wait of an accepted arrival: Little's law on the queue, L_q / (λ(1 − p_K)). */
  meanWait: number;
  /** 95th percentile of that wait (0 when at most 5 % wait). */
  p95Wait: number;
  /** Mean number waiting, L_q. */
  queueLength: number;
  /** The Allen–Cunneen factor (1 + c_s²)/2 the waits were scaled by (1 for exponential service). */
  variabilityFactor: number;
}

export function newBoundedQueueFigures(): BoundedQueueFigures {
  return { loss: 0, waitProbability: 0, meanWait: 0, p95Wait: 0, queueLength: 0, variabilityFactor: 1 };
}

/** (e^z − 1)/z, 1 at z = 0, without cancellation. */
function phi(z: number): number {
  return z === 0 ? 1 : expm1(z) / z;
}

/**
 * β(z) = 1/(e^z − 1) − 1/z (→ −½ at 0): its Bernoulli series for |z| < ½ (to z^13, truncation
 * < 1e-16), else directly.
 */
function beta(z: number): number {
  if (z > -0.5 && z < 0.5) {
    const z2 = z * z;
    return (
      -0.5 +
      z *
        (1 / 12 +
          z2 *
            (-1 / 720 +
              z2 * (1 / 30240 + z2 * (-1 / 1209600 + z2 * (1 / 47900160 + z2 * (-691 / 1307674368000 + z2 * (1 / 74724249600)))))))
    );
  }
  return 1 / expm1(z) - 1 / z;
}

/**
 * Stationary figures of an M/G/c/K queue: Poisson arrivals at λ, c servers whose service takes
 * 1/μ on average with squared coefficient of variation `scv` (1 for exponential service),
 * and `room` = K − c waiting places (a real number ≥ 0: the bound is seconds of throughput).
 * Works for every load, through and above saturation (ρ = λ/(cμ) ≥ 1), with no case split at
 * ρ = 1. O(c) plus a few exp/ln; none at all in the common case of a long queue well below
 * saturation. Arguments are not checked (c a positive integer, μ > 0, λ ≥ 0, room ≥ 0, scv ≥ 0).
 *
 * The model. Below c busy servers the states keep the M/M/c weights (an Erlang loss system is
 * insensitive to the service distribution); relative to Σ_{n≤c} aⁿ/n! (a = λ/μ) they sum to
 * 1 − B, B = Erlang B. The waiting states c + j carry the weights
 *     w_j = B·r^j / D  (0 ≤ j < room),  w_K = B·r^room  (queue full),
 * with f = (1 + c_s²)/2 (Allen–Cunneen), D = 1 + (f − 1)ρ and r = fρ/D:
 *  - f = 1 (exponential service) gives r = ρ, D = 1: exactly the M/M/c/K birth–death chain;
 *  - with an unbounded queue (ρ < 1) the waiting mass is the Erlang C probability and the mean
 *    queue is C·r/(1 − r) = f·C·ρ/(1 − ρ): exactly Allen–Cunneen, Wq = f·Wq(M/M/c);
 *  - the full state is weighted as Keilson's finite-buffer relation puts it
 *    (p_K = (1 − ρ)Π/(1 − ρΠ) with Π the unbounded queue's tail P(N ≥ K) = C·r^room), exact
 *    for M/M/c/K and for M/G/1/K; it keeps throughput = μ·E[busy servers] exactly for every f,
 *    so above saturation the loss is what the servers cannot take, p_K ≥ 1 − 1/ρ;
 *  - r and D are smooth in ρ with r = 1 at ρ = 1, so nothing jumps there.
 * Loss = w_K/Z, L_q = (Σ j·w_j + room·w_K)/Z, Wq = L_q/(λ(1 − p_K)) (Little's law on the queue).
 *
 * The p95 wait: an accepted arrival waits with the waiting share of the accepted weights; its
 * wait is taken as exponential with rate θ/f (θ = cμ − λ, the M/M/c waiting-time decay slowed
 * by Allen–Cunneen's factor) truncated at the time the full queue takes to clear,
 * T = room/(cμ). That is M/M/c's exact tail for an unbounded queue (f = 1), uniform at ρ = 1
 * and piled up against T above saturation.
 */
export function boundedQueueInto(
  out: BoundedQueueFigures,
  lambda: number,
  mu: number,
  c: number,
  room: number,
  scv: number,
): BoundedQueueFigures {
  const f = scv === 1 ? 1 : 0.5 * (1 + scv);
  out.variabilityFactor = f;
  if (!(lambda > 0)) {
    out.loss = 0;
    out.waitProbability = 0;
    out.meanWait = 0;
    out.p95Wait = 0;
    out.queueLength = 0;
    return out;
  }
  const a = lambda / mu;
  const rho = a / c;
  const capacity = c * mu;
  const d = 1 + (f - 1) * rho;
  if (rho < 1 && room * (1 - rho) > 40 * d) {
    // A long queue well below saturation: r^room < e^(−40) (1 − r = (1 − ρ)/D), so the weights
    // beyond the bound are below rounding and the unbounded M/G/c figures hold.
    const C = erlangCRaw(c, a);
    const theta = capacity - lambda;
    const meanWait = (f * C) / theta;
    out.loss = 0;
    out.waitProbability = C;
    out.meanWait = meanWait;
    // The wait's tail is cut at the bound only if its decay over the bound, room(1 − ρ)/f, is short.
    const z = ((rho - 1) * room) / f;
    out.p95Wait = C > 0.05 ? (z < -40 ? (f * ln(20 * C)) / theta : truncatedP95(0.05 / C, room / capacity, z)) : 0;
    out.queueLength = lambda * meanWait;
    return out;
  }
  const B = 1 / erlangBInverse(c, a);
  if (!(B > 0) || !(rho > 0)) {
    // So light a load that all c servers are never busy at once (B underflows): nobody waits.
    out.loss = 0;
    out.waitProbability = 0;
    out.meanWait = 0;
    out.p95Wait = 0;
    out.queueLength = 0;
    return out;
  }
  const r = (f * rho) / d;
  const l = ln(r);
  const t = room * l;
  const meanJ = meanPosition(l, room);
  let below: number;
  let waiting: number;
  let full: number;
  if (l <= 0) {
    below = 1 - B;
    // Σ_{j<room} r^j = (1 − r^room)/(1 − r) = room·φ(t)/φ(l).
    waiting = room > 0 ? (B * room * phi(t)) / (phi(l) * d) : 0;
    full = B * exp(t);
  } else {
    // Above saturation everything is divided by r^room, which may overflow:
    // Σ_{j<room} r^(j−room) = Σ_{i=1..room} r^(−i) = r^(−1)·room·φ(−t)/φ(−l).
    below = (1 - B) * exp(-t);
    waiting = room > 0 ? (B * room * phi(-t)) / (r * phi(-l) * d) : 0;
    full = B;
  }
  const total = below + waiting + full;
  const loss = full / total;
  const queueLength = (waiting * meanJ + room * full) / total;
  const accepted = below + waiting;
  const waitProbability = accepted > 0 ? waiting / accepted : 0;
  out.loss = loss;
  out.waitProbability = waitProbability;
  out.queueLength = queueLength;
  out.meanWait = loss < 1 ? queueLength / (lambda * (1 - loss)) : room / capacity;
  out.p95Wait = waitProbability > 0.05 ? truncatedP95(0.05 / waitProbability, room / capacity, ((rho - 1) * room) / f) : 0;
  return out;
}

/**
 * Mean of j over 0 ≤ j < M weighted r^j = e^(lj): 1/(e^(−l) − 1) − M/(e^(−Ml) − 1), in the form
 * β(−l) − M·β(−Ml) near r = 1 (where both terms blow up as ±1/l), clamped to [0, M] against
 * rounding (M is real: the bound is seconds of throughput).
 */
function meanPosition(l: number, M: number): number {
  if (!(M > 0)) return 0;
  const t = M * l;
  const mean = l > -0.5 && l < 0.5 ? beta(-l) - M * beta(-t) : 1 / expm1(-l) - M / expm1(-t);
  return mean > 0 ? (mean < M ? mean : M) : 0;
}

/**
 * The wait exceeded by a share q of the waiting arrivals when the wait is exponential with rate
 * κ truncated at T, z = −κT: P(W > t) = (e^(−κt) − e^(−κT))/(1 − e^(−κT)) = q gives
 * t = T·ln(1 + (1 − q)(e^z − 1))/z, which is T(1 − q) at z = 0 (uniform), ln(1/q)/κ for
 * z → −∞ (the untruncated exponential) and approaches T for z → +∞.
 */
function truncatedP95(q: number, T: number, z: number): number {
  if (z > 1) return T * (1 + ln(1 - q + q * exp(-z)) / z);
  if (z < -1) return (T * ln(q + (1 - q) * exp(z))) / z;
  const x = (1 - q) * expm1(z);
  // ln(1 + x)/z = [ln(1 + x)/x]·(1 − q)·φ(z), without 0/0 at z = 0.
  const lnRatio = x === 0 ? 1 : log1p(x) / x;
  return T * lnRatio * (1 - q) * phi(z);
}
