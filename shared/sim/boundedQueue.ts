/**
 * One tick of a pool of identical M/M/c instances, each with a bounded queue of K requests
 * (K = the kind's queue bound in seconds × the instance's throughput cμ).
 *
 * Below saturation (ρ < 1) the stationary M/M/c figures hold, truncated at K as M/M/c/K does:
 * the share of arrivals that finds the queue full is
 *   P_K = C·(1−ρ)·ρ^(K−c) / (1 − C·ρ^(K−c+1))      (C = Erlang C),
 * and the mean wait is capped at half the bound, which is what a bounded queue converges to
 * as ρ → 1 (its queue length is then uniform over 0…K). At and above saturation the queue sits
 * near full: the wait is bound·(1 − 1/(2ρ)) (half the bound at ρ = 1, so both sides meet), the
 * pool completes cμ per instance and everything beyond the queue fails. What an earlier overload
 * left waiting drains with the spare capacity. Every request is accounted for:
 *   arrivals + backlog before = served + failed + backlog after.
 */
import { pow } from './math';
import { mmc } from './queueing';
import { TICK_SECONDS } from './state';

export interface PoolInput {
  /** Requests per second reaching the serving instances (already excluding dead-instance shares). */
  lambda: number;
  /** Mean CPU seconds of one vCPU per request. */
  serviceSeconds: number;
  /** vCPUs per instance: the c of M/M/c. */
  vcpu: number;
  /** Serving instances; the load is spread evenly over them. */
  instances: number;
  /** The queue bound, as seconds of the instance's full throughput. */
  queueSeconds: number;
  /** Requests left waiting from the previous tick (whole pool). */
  backlog: number;
}

export interface PoolResult {
  /** Completions per second the pool can make (cμ · instances). */
  capacity: number;
  /** λ / capacity; above 1 means overload. */
  utilisation: number;
  /** Requests per second completed and failed (queue full) in this tick. */
  served: number;
  failed: number;
  backlogAfter: number;
  /** Response time (wait + service), mean and 95th percentile, seconds. */
  meanSeconds: number;
  p95Seconds: number;
  /** The waiting part alone, mean and 95th percentile. */
  waitMeanSeconds: number;
  waitP95Seconds: number;
  /** Mean number waiting: Little's law, L = throughput × mean wait. */
  queueLength: number;
}

const LN_20 = 2.995732273553991;

/** A result with every figure zero, to be filled by evaluatePoolInto. */
export function newPoolResult(): PoolResult {
  return {
    capacity: 0,
    utilisation: 0,
    served: 0,
    failed: 0,
    backlogAfter: 0,
    meanSeconds: 0,
    p95Seconds: 0,
    waitMeanSeconds: 0,
    waitP95Seconds: 0,
    queueLength: 0,
  };
}

function idle(out: PoolResult, capacity: number, serviceSeconds: number): PoolResult {
  out.capacity = capacity;
  out.utilisation = 0;
  out.served = 0;
  out.failed = 0;
  out.backlogAfter = 0;
  out.meanSeconds = serviceSeconds;
  out.p95Seconds = LN_20 * serviceSeconds;
  out.waitMeanSeconds = 0;
  out.waitP95Seconds = 0;
  out.queueLength = 0;
  return out;
}

/** Share of arrivals an M/M/c/K queue turns away, from the M/M/c figures (ρ < 1). */
export function blockingShare(erlangC: number, rho: number, servers: number, bound: number): number {
  const waitingRoom = Math.max(0, bound - servers);
  // ρ^m ≤ e^(−m(1−ρ)): below e^(−40) the loss is far under any figure the game shows.
  if (waitingRoom * (1 - rho) > 40) return 0;
  const tail = pow(rho, waitingRoom);
  return (erlangC * (1 - rho) * tail) / (1 - erlangC * tail * rho);
}

/** Evaluates one tick of the pool; rates are per second, backlogs in requests. */
export function evaluatePool(input: PoolInput): PoolResult {
  return evaluatePoolInto(newPoolResult(), input.lambda, input.serviceSeconds, input.vcpu, input.instances, input.queueSeconds, input.backlog);
}

/**
 * evaluatePool writing into `out` (the flow reuses one result object per call site instead of
 * allocating one per component and tick); returns `out`.
 */
export function evaluatePoolInto(
  out: PoolResult,
  lambda: number,
  serviceSeconds: number,
  vcpu: number,
  instances: number,
  queueSeconds: number,
  backlog: number,
): PoolResult {
  if (instances <= 0) {
    // Nobody serves: what arrives fails, and so does what was waiting.
    idle(out, 0, 0);
    out.failed = lambda + backlog / TICK_SECONDS;
    return out;
  }
  if (lambda <= 0 && backlog <= 0) return idle(out, serviceSeconds > 0 ? (vcpu * instances) / serviceSeconds : 0, serviceSeconds);
  // With no arrivals this tick there is no mix to learn the work from: a drained queue empties at once.
  if (!(serviceSeconds > 0)) {
    idle(out, 0, 0);
    out.served = backlog / TICK_SECONDS;
    return out;
  }

  const mu = 1 / serviceSeconds;
  const perInstance = vcpu * mu;
  const capacity = perInstance * instances;
  const utilisation = lambda / capacity;
  const boundPerInstance = queueSeconds * perInstance;
  const serviceP95 = LN_20 * serviceSeconds;

  if (utilisation < 1) {
    const q = mmc(lambda / instances, mu, vcpu, false);
    const lost = lambda * blockingShare(q.waitProbability, utilisation, vcpu, boundPerInstance);
    // Spare capacity drains what an earlier overload left behind.
    const drained = Math.min(backlog, (capacity - lambda) * TICK_SECONDS);
    const backlogAfter = backlog - drained;
    const carriedWait = (backlog + backlogAfter) / 2 / capacity;
    const wait = Math.min(q.meanWait, queueSeconds / 2) + carriedWait;
    const waitP95 = Math.min(q.p95Wait, queueSeconds) + carriedWait;
    out.capacity = capacity;
    out.utilisation = utilisation;
    out.served = lambda - lost + drained / TICK_SECONDS;
    out.failed = lost;
    out.backlogAfter = backlogAfter;
    out.meanSeconds = wait + serviceSeconds;
    out.p95Seconds = Math.min(q.p95Response, queueSeconds + serviceP95) + carriedWait;
    out.waitMeanSeconds = wait;
    out.waitP95Seconds = waitP95;
    out.queueLength = (lambda - lost) * wait;
    return out;
  }

  // Saturated: full speed, a nearly full queue, and the excess fails.
  const arrivals = lambda * TICK_SECONDS + backlog;
  const servedCount = Math.min(arrivals, capacity * TICK_SECONDS);
  const wait = queueSeconds * (1 - 1 / (2 * utilisation));
  const backlogAfter = Math.min(arrivals - servedCount, wait * capacity);
  out.capacity = capacity;
  out.utilisation = utilisation;
  out.served = servedCount / TICK_SECONDS;
  out.failed = (arrivals - servedCount - backlogAfter) / TICK_SECONDS;
  out.backlogAfter = backlogAfter;
  out.meanSeconds = wait + serviceSeconds;
  out.p95Seconds = wait + serviceP95;
  out.waitMeanSeconds = wait;
  out.waitP95Seconds = wait;
  out.queueLength = capacity * wait;
  return out;
}
