/**
 * One tick of a pool of identical M/M/c instances with bounded queues.
 *
 * Below saturation the stationary M/M/c model gives the waiting time; a request whose wait
 * would exceed the queue's bound times out, which is the share P(Wq > bound) = C·e^(−(cμ−λ)·bound).
 * At or above saturation the queue is a fluid: it fills at λ − cμ, holds at most its bound, and
 * everything beyond it fails. Both regimes meet at ρ = 1, so trouble shows (rising latency, then
 * timeouts) before the board flips, and every request is accounted for:
 *   arrivals + backlog before = served + failed + backlog after.
 */
import { exp } from './math';
import { mmc } from './queueing';
import { TICK_SECONDS } from './state';

export interface PoolInput {
  /** Requests per second reaching the serving instances (already excluding dead-instance shares). */
  lambda: number;
  /** Mean CPU seconds of one vCPU per request (0 when λ = 0). */
  serviceSeconds: number;
  /** vCPUs per instance: the c of M/M/c. */
  vcpu: number;
  /** Serving instances; the load is spread evenly over them. */
  instances: number;
  /** Longest wait the queue allows, in seconds of full throughput. */
  queueSeconds: number;
  /** Requests left waiting from the previous tick (whole pool). */
  backlog: number;
}

export interface PoolResult {
  /** Completions per second of the pool (cμ · instances at most). */
  capacity: number;
  utilisation: number;
  served: number;
  /** Requests per second that failed: timed out or overflowed. */
  failed: number;
  backlogAfter: number;
  meanSeconds: number;
  p95Seconds: number;
  /** The waiting part alone (queueing, no service), mean and 95th percentile. */
  waitMeanSeconds: number;
  waitP95Seconds: number;
  /** Mean number waiting in the queues (Little's law in both regimes). */
  queueLength: number;
}

const LN_20 = 2.995732273553991;

/** Evaluates one tick of the pool; rates are per second, the backlog in requests. */
export function evaluatePool(input: PoolInput): PoolResult {
  const { lambda, serviceSeconds, vcpu, instances, queueSeconds, backlog } = input;
  if (instances <= 0) {
    // Nobody serves: everything that arrives, and everything that waited, fails.
    return {
      capacity: 0,
      // No instance to load: the failures tell the story, and state stays finite JSON.
      utilisation: 0,
      served: 0,
      failed: lambda + backlog / TICK_SECONDS,
      backlogAfter: 0,
      meanSeconds: 0,
      p95Seconds: 0,
      waitMeanSeconds: 0,
      waitP95Seconds: 0,
      queueLength: 0,
    };
  }
  const mu = serviceSeconds > 0 ? 1 / serviceSeconds : Infinity;
  const perInstance = vcpu * mu;
  const capacity = perInstance * instances;
  if (lambda <= 0 && backlog <= 0) {
    return {
      capacity,
      utilisation: 0,
      served: 0,
      failed: 0,
      backlogAfter: 0,
      meanSeconds: serviceSeconds,
      p95Seconds: LN_20 * serviceSeconds,
      waitMeanSeconds: 0,
      waitP95Seconds: 0,
      queueLength: 0,
    };
  }
  const utilisation = lambda / capacity;
  const bound = queueSeconds * capacity;
  const arrivals = lambda * TICK_SECONDS + backlog;
  const serviceMean = serviceSeconds;
  const serviceP95 = LN_20 * serviceSeconds;

  if (utilisation < 1) {
    const q = mmc(lambda / instances, mu, vcpu);
    const theta = perInstance - lambda / instances;
    const timeoutShare = q.waitProbability * exp(-theta * queueSeconds);
    const timedOut = lambda * timeoutShare;
    // Spare capacity drains what the previous tick left behind.
    const drained = Math.min(backlog, (capacity - lambda) * TICK_SECONDS);
    const backlogAfter = backlog - drained;
    const carriedWait = (backlog + backlogAfter) / 2 / capacity;
    const wait = Math.min(q.meanWait, queueSeconds) + carriedWait;
    const servedPerSecond = lambda - timedOut + drained / TICK_SECONDS;
    return {
      capacity,
      utilisation,
      served: servedPerSecond,
      failed: timedOut,
      backlogAfter,
      meanSeconds: wait + serviceMean,
      p95Seconds: Math.min(q.p95Response, queueSeconds + serviceP95) + carriedWait,
      waitMeanSeconds: wait,
      waitP95Seconds: Math.min(q.p95Wait, queueSeconds) + carriedWait,
      queueLength: lambda * Math.min(q.meanWait, queueSeconds) + (backlog + backlogAfter) / 2,
    };
  }

  // Saturated: the pool completes at full speed, the queue fills to its bound, the rest fails.
  const servedCount = Math.min(arrivals, capacity * TICK_SECONDS);
  const excess = arrivals - servedCount;
  const backlogAfter = Math.min(excess, bound);
  const failedCount = excess - backlogAfter;
  const averageQueue = (backlog + backlogAfter) / 2;
  const wait = averageQueue / capacity;
  return {
    capacity,
    utilisation,
    served: servedCount / TICK_SECONDS,
    failed: failedCount / TICK_SECONDS,
    backlogAfter,
    meanSeconds: wait + serviceMean,
    p95Seconds: wait + serviceP95,
    waitMeanSeconds: wait,
    waitP95Seconds: wait,
    queueLength: averageQueue,
  };
}
