/**
 * One tick of a pool of identical instances, each a bounded M/G/c/K queue: c = its vCPUs,
 * K − c = the waiting places its queue bound allows (the kind's bound in seconds × the instance's
 * throughput cμ), service with the mean and the variability (squared coefficient of variation
 * c_s²) of the mix of requests that reach it.
 *
 * The stationary figures come from boundedQueueInto (mgck.ts): the M/M/c/K birth–death
 * chain for exponential service, with Allen–Cunneen's factor (1 + c_s²)/2 on the queue for a
 * more variable mix, for every load, through and above saturation, with no case split at ρ = 1.
 * The share of arrivals that find the queue full fails; the rest is served.
 *
 * The stationary figures describe the whole tick: a queue's bound is a few seconds of its
 * throughput, so it fills or drains well within a tick (its mean content is queueLength) and no
 * backlog is carried from one tick to the next. A backlog carried in from elsewhere (a state
 * saved by an older model) drains with the spare capacity, adding to the wait while it lasts;
 * whatever exceeds the queues' bound is turned away. Every request is accounted for:
 *   arrivals + backlog before = served + failed + backlog after.
 */
import { boundedQueueInto, newBoundedQueueFigures, type BoundedQueueFigures } from './mgck';
import { TICK_SECONDS } from '../core/state';

export interface PoolInput {
  /** Requests per second reaching the serving instances (already excluding dead-instance shares). */
  lambda: number;
  /** Mean CPU seconds of one vCPU per request. */
  serviceSeconds: number;
  /**
   * Squared coefficient of variation of the service time, Var(S)/E[S]² over the mix reaching the
   * pool; 1 (exponential service) when left out.
   */
  serviceScv?: number;
  /** vCPUs per instance: the c of M/G/c. */
  vcpu: number;
  /** Serving instances; the load is spread evenly over them. */
  instances: number;
  /** The queue bound, as seconds of the instance's full throughput. */
  queueSeconds: number;
  /** Requests waiting at the end of the previous tick (whole pool). */
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
  /**
   * Requests per second the queues took in this tick (arrivals minus those turned away): what goes
   * on downstream. A queue holds a few seconds of work, so what it takes in is done within the
   * tick; `served` differs from it only by the change of the queues' length.
   */
  accepted: number;
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
    accepted: 0,
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
  out.accepted = 0;
  out.backlogAfter = 0;
  out.meanSeconds = serviceSeconds;
  out.p95Seconds = LN_20 * serviceSeconds;
  out.waitMeanSeconds = 0;
  out.waitP95Seconds = 0;
  out.queueLength = 0;
  return out;
}

/** Evaluates one tick of the pool; rates are per second, backlogs in requests. */
export function evaluatePool(input: PoolInput): PoolResult {
  return evaluatePoolInto(
    newPoolResult(),
    newBoundedQueueFigures(),
    input.lambda,
    input.serviceSeconds,
    input.vcpu,
    input.instances,
    input.queueSeconds,
    input.backlog,
    input.serviceScv ?? 1,
  );
}

/**
 * evaluatePool writing into `out`, with `queue` as room for one instance's stationary figures
 * (read within the call only): the flow passes the same two objects for every component of a
 * tick instead of allocating them per component. Returns `out`.
 */
export function evaluatePoolInto(
  out: PoolResult,
  queue: BoundedQueueFigures,
  lambda: number,
  serviceSeconds: number,
  vcpu: number,
  instances: number,
  queueSeconds: number,
  backlog: number,
  serviceScv = 1,
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
  const room = Math.max(0, queueSeconds * perInstance - vcpu);
  const scv = serviceScv >= 0 ? serviceScv : 1;
  const q = boundedQueueInto(queue, lambda / instances, mu, vcpu, room, scv);
  const lost = lambda * q.loss;
  const throughput = lambda - lost;

  // The stationary figures describe the whole tick: a queue holds a few seconds of work, which
  // fills and drains well within a minute, so nothing is carried to the next tick. A backlog
  // carried in from elsewhere (a state saved by an older model) drains with the spare capacity,
  // ahead of the new arrivals.
  let served = throughput;
  let failed = lost;
  let backlogAfter = 0;
  let carriedWait = 0;
  if (backlog > 0) {
    const spare = Math.max(0, capacity - throughput);
    const drained = Math.min(backlog, spare * TICK_SECONDS);
    const left = backlog - drained;
    // A queue cannot hold more than its bound: what is beyond it is turned away.
    const overflow = Math.max(0, left - room * instances);
    backlogAfter = left - overflow;
    served += drained / TICK_SECONDS;
    failed += overflow / TICK_SECONDS;
    // Requests arriving while it drains wait behind it, on average half of it (start and end of
    // the drain); the drain lasts backlog/spare of the tick, at most all of it.
    const drainShare = spare > 0 ? Math.min(1, backlog / (spare * TICK_SECONDS)) : 1;
    carriedWait = (drainShare * (backlog + backlogAfter)) / 2 / capacity;
  }

  const wait = q.meanWait + carriedWait;
  const waitP95 = q.p95Wait + carriedWait;
  // Response: the wait and the service combined as the flow combines delays (means add, spreads
  // above the means add in quadrature), the service taken as exponential with the mix's mean.
  const waitSpread = q.p95Wait - q.meanWait;
  const serviceSpread = (LN_20 - 1) * serviceSeconds;
  let p95 = q.meanWait + serviceSeconds + Math.sqrt(waitSpread * waitSpread + serviceSpread * serviceSpread);
  // One server with exponential service: an unbounded queue's sojourn time is exactly Exp(μ − λ),
  // and a bounded queue's is shorter (it never holds more), so ln 20/(μ − λ) bounds the figure.
  if (vcpu === 1 && scv === 1 && perInstance * instances > lambda) {
    const exact = LN_20 / (mu - lambda / instances);
    if (exact < p95) p95 = exact;
  }
  out.capacity = capacity;
  out.utilisation = utilisation;
  out.served = served;
  out.failed = failed;
  out.accepted = throughput;
  out.backlogAfter = backlogAfter;
  out.meanSeconds = wait + serviceSeconds;
  out.p95Seconds = p95 + carriedWait;
  out.waitMeanSeconds = wait;
  out.waitP95Seconds = waitP95;
  out.queueLength = throughput * wait;
  return out;
}
