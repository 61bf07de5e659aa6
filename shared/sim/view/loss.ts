/**
 * Why availability is below 100 %: the requests not served well, by cause, in full precision
 * (lossFigures) and as the aggregated metrics show them (availabilityLoss).
 *
 * Availability is the share of users' requests that succeed within the latency objective
 * (economy.ts). What is missing, 1 − availability, is exactly
 *
 *     errors (1 − success rate)  +  slow (succeeded, but after the objective)
 *
 * both the sim's own figures of the last tick (`state.summary`). The slow part is split by cause:
 *
 * - **distance**: the round trip between the users and the data center that served them. For each
 *   region's request stream (one per class, as the flow builds them) the share past the objective
 *   is compared with the share a user next to the data center would have had (the same stream
 *   without the users' round trip); the difference is the distance part of that region.
 * - **system**: the rest, what would be slow even next door: queueing, the work itself, calls
 *   between components.
 *
 * The streams are rebuilt from the state (lossEstimate.ts); they only decide the *split* of the
 * slow part: their shares are scaled to the sim's exact slow part, so the causes always add up to
 * 1 − availability. When the rebuilt streams see nothing slow, the whole slow part is put on the
 * system.
 */
import { REQUEST_CLASSES, type RequestClass } from '../core/scenario';
import type { SimState } from '../core/state';
import { figure, share } from './figures';
import { clampShare, estimateSlow } from './lossEstimate';
import type { AvailabilityLoss } from './types';

export { SLOWEST_LIMIT } from './lossEstimate';

/** The loss in full precision (availabilityLoss rounds it for the view). */
export interface LossFigures {
  errors: number;
  distance: number;
  system: number;
  /** Per scenario region: its distance part and its users' mean round trip (seconds). */
  regions: Array<{ id: string; share: number; roundTripSeconds: number }>;
  /** Per request class (REQUEST_CLASSES order): its system part. */
  classes: Array<{ cls: RequestClass; share: number }>;
  /** Components by time per user request (ms), most first, at most SLOWEST_LIMIT. */
  slowest: Array<{ componentId: string; msPerRequest: number }>;
}

/** The loss of the last tick: exact errors and slow part, the slow part split by estimate. */
export function lossFigures(state: SimState): LossFigures {
  const summary = state.summary;
  const regionIds = state.scenario.regions.map((r) => r.id);
  const missing = clampShare(1 - summary.availability);
  const errors = Math.min(missing, clampShare(1 - summary.successRate));
  const slow = Math.max(0, missing - errors);
  const estimate = summary.requestsPerSecond > 0 ? estimateSlow(state) : null;
  let total = 0;
  if (estimate !== null) {
    for (const d of estimate.distance) total += d;
    for (const s of estimate.system) total += s;
  }
  const scale = total > 0 ? slow / total : 0;
  const regions = regionIds.map((id, r) => ({
    id,
    share: (estimate?.distance[r] ?? 0) * scale,
    roundTripSeconds: estimate?.roundTrip[r] ?? 0,
  }));
  const classes = REQUEST_CLASSES.map((cls, k) => ({ cls, share: (estimate?.system[k] ?? 0) * scale }));
  if (total <= 0 && slow > 0) {
    // Nothing slow in the rebuilt streams: what the sim counted slow is put on the system, over
    // the classes by their share of the requests.
    let sum = 0;
    for (const c of classes) sum += summary.offered[c.cls];
    for (const c of classes) c.share = sum > 0 ? (slow * summary.offered[c.cls]) / sum : slow / classes.length;
  }
  let distance = 0;
  for (const region of regions) distance += region.share;
  // The system part is what is left, so the three parts add up to the missing share exactly.
  const system = Math.max(0, slow - distance);
  return { errors, distance, system, regions, classes, slowest: estimate?.slowest ?? [] };
}

/**
 * The loss as aggregated metrics show it: errors, distance and the system; the distance part by
 * region with business metrics; the system part by request class and the components where time
 * goes with log aggregation. Each part is rounded on its own, so the parts add up to
 * 1 − availability within SHARE_DECIMALS rounding.
 */
export function availabilityLoss(state: SimState): AvailabilityLoss {
  const loss = lossFigures(state);
  const { businessMetrics, logAggregation } = state.features;
  return {
    errors: share(loss.errors),
    distance: share(loss.distance),
    system: share(loss.system),
    regions: businessMetrics
      ? loss.regions.map((r) => ({ id: r.id, share: share(r.share), roundTripMs: figure(r.roundTripSeconds * 1000) }))
      : null,
    classes: logAggregation ? loss.classes.map((c) => ({ cls: c.cls, share: share(c.share) })) : null,
    slowest: logAggregation ? loss.slowest.map((s) => ({ componentId: s.componentId, msPerRequest: figure(s.msPerRequest) })) : null,
  };
}
