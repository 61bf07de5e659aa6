/**
 * The CDN (idea 7 of docs/design.md, seed: 콘텐츠 전송 네트워크): static files are answered from the edge
 * nearest the user when the edge holds them (Zipf-popular assets, kept for the CDN's TTL); misses
 * go on to the site. The provider bills every GB it delivers. After each day's deploy, assets
 * cached before it are outdated until they expire, unless URLs are versioned or the cache was
 * invalidated. When the CDN fails, clients fetch from the site only if that fallback was built in.
 */
import { cacheHitRatio } from '../numerics/cache/hitRatio';
import { TICKS_PER_DAY, TICK_SECONDS } from '../core/state';
import type { RegionDemand } from '../rules/demand';
import type { FlowContext } from './context';
import { STATIC } from './routing';

/** Simulated hour of the day at which the team deploys a new release. */
export const DEPLOY_HOUR = 10;

export interface CdnOutcome {
  /** Whether static traffic is split by the CDN at all (false: everything goes to the site). */
  active: boolean;
  /** Share of static requests answered successfully at the edge, and share sent to the site. */
  edgeShare: number;
  originShare: number;
  hits: number;
  /** GB delivered from the edge this tick. */
  gigabytes: number;
}

/** The outcome when static files bypass the CDN (none, not ready, or down with a fallback); shared, so frozen. */
const NO_CDN: CdnOutcome = Object.freeze({ active: false, edgeShare: 0, originShare: 1, hits: 0, gigabytes: 0 });

/** Tick of the latest daily deploy at or before `tick`. */
function lastDeployTick(tick: number): number {
  const deployOffset = (DEPLOY_HOUR * TICKS_PER_DAY) / 24;
  const day = Math.floor((tick - deployOffset) / TICKS_PER_DAY);
  return day * TICKS_PER_DAY + deployOffset;
}

export function cdnStep(ctx: FlowContext, demands: readonly RegionDemand[]): CdnOutcome {
  const i = ctx.table.cdn;
  if (i < 0) return NO_CDN;
  const { state } = ctx;
  const cdn = state.components[i]!;
  if (cdn.count === 0) return NO_CDN; // still being set up
  let requests = 0;
  for (const demand of demands) requests += demand.rates[STATIC] as number;
  const figures = cdn.figures;
  Object.assign(figures, { lambda: requests, capacity: requests, utilisation: 0, served: 0, failed: 0, backlog: 0, queueLength: 0 });
  if ((ctx.serving[i] as number) === 0) {
    cdn.fill = 0;
    if (cdn.settings.originFallback === true) {
      figures.lambda = 0; // clients go around it, straight to the site
      return NO_CDN;
    }
    figures.failed = requests; // clients know no other address for the files
    return { active: true, edgeShare: 0, originShare: 0, hits: 0, gigabytes: 0 };
  }
  const { count, alpha, sizeKb } = state.scenario.staticAssets;
  const ttl = cdn.settings.ttlSeconds ?? 3600;
  const result = cacheHitRatio({ keys: count, alpha, capacityKeys: cdn.fill, policy: 'lru', requestRate: requests, ttlSeconds: ttl });
  // The edge's copies are all younger than the moment it last started filling from empty.
  if (cdn.fill === 0) cdn.extra.cachedSince = state.tick;
  if (cdn.fill < count) {
    const steady = cacheHitRatio({ keys: count, alpha, capacityKeys: Infinity, policy: 'lru', requestRate: requests, ttlSeconds: ttl });
    cdn.fill = Math.min(steady.entries, cdn.fill + result.missRate * TICK_SECONDS);
  }
  const hits = result.hitRate;
  const gigabytes = (hits * TICK_SECONDS * sizeKb) / 1_000_000;
  // Copies cached before the latest deploy stay until they expire: without versioned URLs, and
  // unless the edge has been empty since (an invalidation, an outage, a later start), that share
  // of hits serves the previous release's files.
  const deploy = lastDeployTick(state.tick);
  const cachedBeforeDeploy = deploy >= 0 && (cdn.extra.cachedSince ?? state.tick) < deploy;
  const since = (state.tick - deploy) * TICK_SECONDS;
  const staleShare = cdn.settings.versioning === true || !cachedBeforeDeploy ? 0 : Math.max(0, 1 - since / ttl);
  state.totals.staleAssets += hits * staleShare * TICK_SECONDS;
  state.totals.cdnGb += gigabytes;
  figures.served = requests;
  figures.meanLatencyMs = 0;
  figures.p95LatencyMs = 0;
  Object.assign(cdn.extra, { hitRatio: result.hitRatio, staleShare, gigabytesPerDay: gigabytes * TICKS_PER_DAY });
  return { active: true, edgeShare: result.hitRatio, originShare: 1 - result.hitRatio, hits, gigabytes };
}
