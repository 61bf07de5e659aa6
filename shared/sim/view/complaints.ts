/**
 * Complaints: what users say when the service is bad, without saying what is wrong. Always in the
 * team view (users complain whether or not the team watches), and the only sign of trouble a
 * team without monitoring gets besides the anonymous feed.
 */
import type { SimState } from '../core/state';
import { COMPLAINT_LEVELS, type Complaints } from './types';

/**
 * The level is the worse of the error-rate level and the latency level; each level is the number
 * of these bounds the figure is strictly above (0 none, 1 some, 2 many, 3 outrage).
 */
export const COMPLAINT_ERROR_RATES: readonly number[] = [0.01, 0.05, 0.2];
/** p95 latency of users' requests as a multiple of the latency objective. */
export const COMPLAINT_LATENCY_FACTORS: readonly number[] = [1, 2, 4];

/** Users' complaint level from the error rate and the p95 latency against the objective. */
export function complaintsOf(state: SimState): Complaints {
  const summary = state.summary;
  if (!(summary.requestsPerSecond > 0)) return 'none';
  const objective = state.scenario.objectives.latencyMs;
  let level = 0;
  COMPLAINT_ERROR_RATES.forEach((bound, index) => {
    if (summary.errorRate > bound) level = Math.max(level, index + 1);
  });
  COMPLAINT_LATENCY_FACTORS.forEach((factor, index) => {
    if (summary.p95LatencyMs > objective * factor) level = Math.max(level, index + 1);
  });
  return COMPLAINT_LEVELS[level] as Complaints;
}
