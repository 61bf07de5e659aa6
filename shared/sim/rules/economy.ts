/**
 * Users and money. Satisfaction is the share of requests served well (successful and within the
 * latency objective), smoothed over about half an hour; it drives logistic growth towards the
 * region's market and churn away from it. Revenue comes from users whose requests are served
 * well; every instance, ready or still provisioning, costs its running price.
 */
import { FEATURE_NAMES, FEATURES, runningCostPerDay } from './catalogue';
import type { FlowResult } from '../flow/index';
import { mixtureQuantile, shareWithin, type LatencyStream } from '../numerics/latencyMix';
import { REQUEST_CLASSES } from '../core/scenario';
import { TICK_SECONDS, TICKS_PER_DAY, type SimState } from '../core/state';

/** Weight of the newest tick in the satisfaction average (about a 30-tick memory). */
const SATISFACTION_SMOOTHING = 1 / 30;

/** Running cost per simulated day of everything the team owns (instances and team features). */
export function costPerDay(state: SimState): number {
  let total = 0;
  for (const component of state.components) {
    const instances = component.count + component.provisioning.length;
    total += instances * runningCostPerDay(component.kind, component.size, state.scenario.priceFactor);
  }
  for (const feature of FEATURE_NAMES) {
    if (state.features[feature]) total += FEATURES[feature].costPerDay * state.scenario.priceFactor;
  }
  return total;
}

/** Applies one tick of users, satisfaction, revenue and cost; fills the summary and totals. */
export function settleTick(state: SimState, flow: FlowResult): void {
  const { scenario } = state;
  const objective = scenario.objectives.latencyMs / 1000;
  const allStreams: LatencyStream[] = [];
  let requests = 0;
  let succeeded = 0;
  let good = 0;
  let revenuePerDay = 0;
  let dau = 0;

  for (let r = 0; r < flow.regions.length; r++) {
    const regionFlow = flow.regions[r]!;
    const region = state.regions[r]!;
    const spec = scenario.regions[r]!;
    const servedWell = regionFlow.offered > 0 ? shareWithin(regionFlow.streams, objective) : 1;
    for (const stream of regionFlow.streams) allStreams.push(stream);
    requests += regionFlow.offered;
    succeeded += regionFlow.offered * regionFlow.successRate;
    good += regionFlow.offered * servedWell;
    region.satisfaction += (servedWell - region.satisfaction) * SATISFACTION_SMOOTHING;
    revenuePerDay += scenario.revenuePerUserDay * region.users * servedWell;
    if (scenario.traffic.mode === 'growth') {
      const { growthPerDay, churnPerDay } = scenario.traffic;
      const s = region.satisfaction;
      const growth = (growthPerDay / TICKS_PER_DAY) * region.users * (1 - region.users / spec.marketSize) * s;
      const churn = (churnPerDay / TICKS_PER_DAY) * region.users * (1 - s);
      region.users = Math.max(0, region.users + growth - churn);
    }
    dau += region.users;
  }

  // Traffic is billed as it flows: CDN delivery and replication between regions, per GB.
  const trafficCost = flow.cdnGigabytes * scenario.cdnCostPerGb + flow.transferGigabytes * scenario.transferCostPerGb;
  const cost = costPerDay(state) + trafficCost * TICKS_PER_DAY;
  const tickRevenue = revenuePerDay / TICKS_PER_DAY;
  const tickCost = cost / TICKS_PER_DAY;
  state.money += tickRevenue - tickCost;
  const seconds = TICK_SECONDS;
  state.totals.requests += requests * seconds;
  state.totals.goodRequests += good * seconds;
  state.totals.failedRequests += (requests - succeeded) * seconds;
  state.totals.revenue += tickRevenue;
  state.totals.spent += tickCost;
  state.totals.peakDau = Math.max(state.totals.peakDau, dau);

  const offered = {} as Record<(typeof REQUEST_CLASSES)[number], number>;
  REQUEST_CLASSES.forEach((cls, k) => {
    offered[cls] = flow.offeredByClass[k] as number;
  });
  let satisfaction = 0;
  for (const region of state.regions) satisfaction += region.satisfaction * (dau > 0 ? region.users / dau : 1 / state.regions.length);
  state.summary = {
    onlineUsers: flow.online,
    dau,
    offered,
    requestsPerSecond: requests,
    successRate: requests > 0 ? clampShare(succeeded / requests) : 1,
    availability: requests > 0 ? clampShare(good / requests) : 1,
    errorRate: requests > 0 ? clampShare(1 - succeeded / requests) : 0,
    p50LatencyMs: mixtureQuantile(allStreams, 0.5) * 1000,
    p95LatencyMs: mixtureQuantile(allStreams, 0.95) * 1000,
    revenuePerDay,
    costPerDay: cost,
    satisfaction,
  };
}

/** Shares are sums of products: keep rounding from showing 100.0000000001 %. */
function clampShare(value: number): number {
  return Math.max(0, Math.min(1, value));
}
