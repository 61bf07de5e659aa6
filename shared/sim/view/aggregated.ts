/**
 * Aggregated metrics: the users' headline figures (requests, availability, error rate, latency),
 * why availability falls short (loss.ts), and each tier's figures summed over its components.
 */
import type { ComponentKindName } from '../core/scenario';
import type { SimState } from '../core/state';
import { figure, finite, share } from './figures';
import { availabilityLoss } from './loss';
import type { AggregatedView, TierFigures } from './types';

/** Tiers of the aggregated view, in request-path order; each is one component kind. */
export const TIER_ORDER: readonly ComponentKindName[] = ['cdn', 'lb', 'web', 'cache', 'sessionStore', 'queue', 'db', 'worker'];

export function aggregatedView(state: SimState): AggregatedView {
  const summary = state.summary;
  const tiers: TierFigures[] = [];
  for (const tier of TIER_ORDER) {
    const members = state.components.filter((c) => c.kind === tier);
    if (members.length > 0) tiers.push(tierFigures(tier, members));
  }
  return {
    requestsPerSecond: figure(summary.requestsPerSecond),
    availability: share(summary.availability),
    errorRate: share(summary.errorRate),
    p50LatencyMs: figure(summary.p50LatencyMs),
    p95LatencyMs: figure(summary.p95LatencyMs),
    tiers,
    loss: availabilityLoss(state),
  };
}

/** One tier's figures from its components' (all of one kind, at least one). */
function tierFigures(tier: ComponentKindName, members: SimState['components']): TierFigures {
  let instances = 0;
  let lambda = 0;
  let capacity = 0;
  let load = 0;
  let worst = 0;
  let errors = 0;
  let hits = 0;
  for (const c of members) {
    const f = c.figures;
    instances += c.count;
    lambda += finite(f.lambda);
    // The CDN has no capacity of its own (see HostMetrics.capacity).
    if (c.kind !== 'cdn') {
      capacity += finite(f.capacity);
      load += finite(f.utilisation) * finite(f.capacity);
    }
    if (f.lambda > 0) worst = Math.max(worst, finite(f.p95LatencyMs));
    errors += finite(f.failed);
    hits += finite(f.lambda) * (c.extra.hitRatio ?? 0);
  }
  const cached = tier === 'cache' || tier === 'cdn';
  return {
    tier,
    components: members.length,
    instances,
    lambda: figure(lambda),
    capacity: figure(capacity),
    utilisation: share(capacity > 0 ? load / capacity : 0),
    worstP95LatencyMs: figure(worst),
    errors: figure(errors),
    errorRate: share(lambda > 0 ? errors / lambda : 0),
    hitRatio: cached ? share(lambda > 0 ? hits / lambda : 0) : null,
  };
}
