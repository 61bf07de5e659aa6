/**
 * One tick of traffic through the player's topology.
 *
 * Demand: each region's users send per-class request rates; static files go to the CDN when the
 * team has one (misses go on to the site), everything else to the data centers GeoDNS picks.
 * Forward pass (tier order): every component queues, serves and passes traffic on (forward.ts),
 * counting what it sends along each link, beside what each region's DNS sends the entries and
 * the CDN; the rates are then copied to state.links (see Links in state.ts).
 * Backward pass (reverse order): latency and success are composed down each path (backward.ts).
 * The result is one latency stream per region and class, for availability and the summary.
 */
import { CDN_EDGE_RTT_MS } from '../rules/catalogue';
import type { LatencyStream } from '../numerics/latencyMix';
import { regionDemands } from '../rules/demand';
import type { SimState } from '../core/state';
import { backward, startBackwardPass } from './backward';
import { recordLinks } from './links';
import { forward } from './forward';
import { updateReplication } from './replication';
import { K, STATIC } from './routing';
import { cdnStep } from './cdn';
import type { FlowContext } from './context';
import { FlowWorkspace } from './workspace';

export { FlowWorkspace } from './workspace';

interface RegionFlow {
  /** Requests per second offered by the region's users (all classes). */
  offered: number;
  /** Share that succeeded. */
  successRate: number;
  /** Per-class latency streams of the region, for the mixture figures. */
  streams: LatencyStream[];
}

export interface FlowResult {
  regions: RegionFlow[];
  offeredByClass: Float64Array;
  online: number;
  /** Static requests per second the CDN answered from its edge, and the GB it delivered this tick. */
  cdnHits: number;
  cdnGigabytes: number;
  transferGigabytes: number;
}

/** Where a region's users go: data-center entries with their share and round trip. */
interface Route {
  entry: number;
  share: number;
  rtt: number;
}

/** GeoDNS: the region's weights over healthy data centers, else the nearest healthy one. */
function routesFor(ctx: FlowContext, r: number): Route[] {
  const { state } = ctx;
  const regions = state.scenario.regions;
  const home = regions[r]!.id;
  const healthy = (regionId: string): number => {
    const id = state.entries[regionId];
    const index = id === undefined ? undefined : ctx.table.indexById.get(id);
    if (index === undefined) return -1;
    const component = state.components[index]!;
    const alive =
      component.kind === 'lb'
        ? (ctx.rotation[index] as number) > 0 && (ctx.serving[index] as number) > 0
        : (ctx.serving[index] as number) > 0;
    return alive ? index : -1;
  };
  const rttTo = (regionId: string) => (state.scenario.latencyMs[home]?.[regionId] ?? 0) / 1000;
  const weights = state.geoWeights[home];
  const routes: Route[] = [];
  if (weights !== undefined) {
    let total = 0;
    for (const region of regions) {
      const weight = weights[region.id] ?? 0;
      const entry = weight > 0 ? healthy(region.id) : -1;
      if (entry >= 0) {
        routes.push({ entry, share: weight, rtt: rttTo(region.id) });
        total += weight;
      }
    }
    if (total > 0) return routes.map((route) => ({ ...route, share: route.share / total }));
  }
  // Nearest healthy data center: the region's own, else the lowest round trip (scenario order breaks ties).
  let best: Route | null = null;
  for (const region of regions) {
    const entry = healthy(region.id);
    if (entry < 0) continue;
    const rtt = rttTo(region.id);
    if (best === null || rtt < best.rtt) best = { entry, share: 1, rtt };
  }
  return best === null ? [] : [best];
}

/**
 * Runs the flow for the current tick, writing every component's figures and backlog. The
 * workspace holds the tick's arrays; pass the same one tick after tick to save allocating them
 * (the results are the same with a fresh one).
 */
export function runFlow(state: SimState, workspace: FlowWorkspace = new FlowWorkspace()): FlowResult {
  const ctx = workspace.contextFor(state);
  const { table } = ctx;
  // A balancer's rotation: all instances of its targets, or only usable ones with health checks.
  for (let i = 0; i < ctx.n; i++) {
    const balancer = state.components[i]!;
    if (balancer.kind !== 'lb') continue;
    let total = 0;
    for (const t of table.targetIndex[i]!) total += ctx.rotationWeight(i, t);
    ctx.rotation[i] = total;
  }

  const demands = regionDemands(state);
  const routes = demands.map((_, r) => routesFor(ctx, r));
  const offeredByClass = new Float64Array(K);
  let online = 0;
  const cdn = cdnStep(ctx, demands);
  const R = ctx.regionCount;
  for (let r = 0; r < demands.length; r++) {
    const demand = demands[r]!;
    online += demand.online;
    // Every static file goes to the CDN while it is in use, even one that is down without a fallback.
    if (cdn.active) ctx.sendFromUsers(r, table.cdn, demand.rates[STATIC] as number);
    let toSites = 0;
    for (let k = 0; k < K; k++) {
      const rate = demand.rates[k] as number;
      offeredByClass[k] = (offeredByClass[k] as number) + rate;
      // Static files the CDN answered (or failed) never reach the site.
      const toSite = k === STATIC ? rate * cdn.originShare : rate;
      toSites += toSite;
      for (const route of routes[r]!) {
        ctx.add(ctx.inflow, route.entry * K + k, toSite * route.share);
        ctx.add(ctx.regionMix, route.entry * R + r, toSite * route.share);
      }
    }
    for (const route of routes[r]!) {
      ctx.direct[route.entry] = 1;
      ctx.sendFromUsers(r, route.entry, toSites * route.share);
    }
  }

  for (const i of table.order) forward(ctx, i);
  recordLinks(state, table, ctx.links);
  updateReplication(ctx);
  startBackwardPass(ctx);
  for (let o = table.order.length - 1; o >= 0; o--) backward(ctx, table.order[o]!);

  const regions: RegionFlow[] = [];
  const edge = CDN_EDGE_RTT_MS / 1000;
  for (let r = 0; r < demands.length; r++) {
    const demand = demands[r]!;
    const streams: LatencyStream[] = [];
    let offered = 0;
    let succeeded = 0;
    for (let k = 0; k < K; k++) {
      const weight = demand.rates[k] as number;
      if (weight <= 0) continue;
      offered += weight;
      let mean = 0;
      let ex2 = 0;
      let base = 0;
      let ok = 0;
      for (const route of routes[r]!) {
        mean += route.share * (route.rtt + (ctx.pathMean[route.entry * K + k] as number));
        ex2 += route.share * (ctx.pathEx2[route.entry * K + k] as number);
        base += route.share * (route.rtt + (ctx.pathBase[route.entry * K + k] as number));
        ok += route.share * (ctx.pathOk[route.entry * K + k] as number);
      }
      if (k === STATIC && cdn.active) {
        // Hits come from the nearest edge; misses and fallbacks go on to the site as above.
        mean = edge + cdn.originShare * mean;
        base = edge + cdn.originShare * base;
        ex2 = cdn.originShare * ex2;
        ok = cdn.edgeShare + cdn.originShare * ok;
      }
      succeeded += weight * ok;
      streams.push({ weight, ok, baseSeconds: base, p95Seconds: mean + Math.sqrt(ex2) });
    }
    regions.push({ offered, successRate: offered > 0 ? Math.min(1, succeeded / offered) : 1, streams });
  }
  return { regions, offeredByClass, online, cdnHits: cdn.hits, cdnGigabytes: cdn.gigabytes, transferGigabytes: ctx.transferGigabytes };
}
