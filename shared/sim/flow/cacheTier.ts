/**
 * A cache tier's hit ratio this tick (idea 6 of docs/design.md, seed: 캐시). The ratio follows the
 * characteristic-time models of numerics/cache/ over the scenario's Zipf working set, with the TTL
 * counted from when an entry was stored (Redis EX: a hit does not renew it). A new or emptied
 * cache starts cold: every miss stores a key, so the database takes a stampede that eases as the
 * cache warms; it is warm once it holds as many entries as it keeps in steady state (all of its
 * memory, or fewer when the TTL empties entries first). A long TTL keeps entries long after the
 * data changed: without write-through, that share of hits is stale.
 */
import { cacheHitRatio } from '../numerics/cache/hitRatio';
import { SIZES } from '../rules/catalogue';
import { TICK_SECONDS, type ComponentState } from '../core/state';
import type { FlowContext } from './context';

/** Keys one cache instance holds: its memory over the size of one cached object. */
function capacityKeys(component: ComponentState, instances: number, objectKb: number): number {
  return (SIZES[component.size].memoryGb * 1_000_000 * instances) / objectKb;
}

/**
 * Share of reads whose key was written in the last `ageSeconds`, when writes at `writeRate` follow
 * the same Zipf popularity as reads: Σ p_i (1 − e^(−W·p_i·age)). Such a read served from a copy
 * that old returns outdated data. The same sum as a TTL-limited cache, so numerics/cache computes it.
 */
export function recentlyWrittenShare(keys: number, alpha: number, writeRate: number, ageSeconds: number): number {
  if (!(writeRate > 0) || !(ageSeconds > 0)) return 0;
  if (ageSeconds === Infinity) return 1;
  // An unbounded LRU whose entries expire `age` after their last request holds exactly the keys
  // requested within `age`: the same kernel 1 − e^(−W·p·age).
  return cacheHitRatio({
    keys,
    alpha,
    capacityKeys: Infinity,
    policy: 'lru',
    requestRate: writeRate,
    ttlSeconds: ageSeconds,
    ttlFrom: 'lastRequest',
  }).hitRatio;
}

/** Updates the cache's fill and figures for `gets` per second on its live nodes; returns the hit ratio. */
export function updateCache(ctx: FlowContext, i: number, component: ComponentState, gets: number): number {
  const { keys, alpha, objectKb } = ctx.state.scenario.workingSet;
  const serving = ctx.serving[i] as number;
  const capacity = Math.min(capacityKeys(component, serving, objectKb), keys);
  component.fill = Math.min(component.fill, capacity);
  const policy = component.settings.cachePolicy ?? 'lru';
  const ttl = component.settings.ttlSeconds ?? Infinity;
  if (serving === 0 || capacity <= 0) {
    component.fill = 0;
    Object.assign(component.extra, { hitRatio: 0, fill: 0, staleShare: 0 });
    return 0;
  }
  // The cache warm, at its whole capacity: the entries it then holds are what `fill` grows to.
  const full = cacheHitRatio({ keys, alpha, capacityKeys: capacity, policy, requestRate: gets, ttlSeconds: ttl });
  // Warming up, it behaves like a cache of that share of its capacity. (Not a cache of `fill`
  // keys: where a TTL keeps fewer entries than fit, a warm cache holds fewer keys than its
  // capacity, and LFU at a capacity of its entries would keep too few of the top keys.)
  const warmShare = full.entries > 0 ? Math.min(1, component.fill / full.entries) : 0;
  const warm =
    warmShare >= 1 ? full : cacheHitRatio({ keys, alpha, capacityKeys: capacity * warmShare, policy, requestRate: gets, ttlSeconds: ttl });
  // Every miss stores its key; the cache fills up to what it holds when warm (and no further:
  // entries expire or are evicted once it holds that many).
  component.fill = Math.min(full.entries, component.fill + warm.missRate * TICK_SECONDS);
  let staleShare = 0;
  if ((component.settings.cacheStrategy ?? 'lookAside') !== 'writeThrough') {
    const writeRate = ctx.state.summary.offered.write;
    staleShare = recentlyWrittenShare(keys, alpha, writeRate, warm.meanHitAgeSeconds);
    ctx.state.totals.staleReads += warm.hitRate * staleShare * TICK_SECONDS;
  }
  Object.assign(component.extra, { hitRatio: warm.hitRatio, fill: component.fill / capacity, staleShare });
  return warm.hitRatio;
}
