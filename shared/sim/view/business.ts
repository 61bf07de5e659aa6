/**
 * Business metrics: money per day, users exactly, and where the users are going: satisfaction,
 * retention and growth, overall and by region.
 */
import type { SimState } from '../core/state';
import { money, share, whole } from './figures';
import type { BusinessView } from './types';

export function businessView(state: SimState): BusinessView {
  const { summary, scenario } = state;
  let change = 0;
  let churn = 0;
  let dau = 0;
  state.regions.forEach((region, r) => {
    dau += region.users;
    if (scenario.traffic.mode !== 'growth') return;
    const market = scenario.regions[r]?.marketSize ?? 0;
    const s = region.satisfaction;
    const lost = scenario.traffic.churnPerDay * region.users * (1 - s);
    churn += lost;
    change += (market > 0 ? scenario.traffic.growthPerDay * region.users * (1 - region.users / market) * s : 0) - lost;
  });
  return {
    // Money, like the bank's balance: shown to the dollar up to a million, so not significant figures.
    revenuePerDay: money(summary.revenuePerDay),
    costPerDay: money(summary.costPerDay),
    peakDau: whole(state.totals.peakDau),
    satisfaction: share(summary.satisfaction),
    retentionPerDay: share(dau > 0 ? 1 - churn / dau : 1),
    growthPerDay: share(dau > 0 ? change / dau : 0),
    regions: state.regions.map((region) => ({ id: region.id, dau: whole(region.users), satisfaction: share(region.satisfaction) })),
  };
}
