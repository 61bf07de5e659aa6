/**
 * Read replicas and failover (idea 5 of docs/design.md, seed: 데이터베이스 다중화). A replica applies its
 * primary's write stream after the network delay and its own queue; it falls further behind
 * while the link to the primary is cut or a lag spike lasts, and catches up with its spare
 * capacity. Reads it answers about rows written within the lag are stale. When a primary with
 * automatic failover dies, its most up-to-date healthy replica is promoted after a short delay.
 */
import { PROMOTION_TICKS } from '../commands/operations';
import { TICK_SECONDS } from '../core/state';
import { recentlyWrittenShare } from './cacheTier';
import type { FlowContext } from './context';
import { K, READ, WRITE } from './routing';

export function updateReplication(ctx: FlowContext): void {
  const { state, table } = ctx;
  const { keys, alpha } = state.scenario.workingSet;
  const spike = ctx.lagSpike;
  for (let i = 0; i < ctx.n; i++) {
    const primary = table.primaryOf[i] as number;
    // A dead primary keeps the write rate it had: what it took but had not shipped is at stake.
    if (state.components[i]!.kind === 'db' && primary < 0 && (ctx.serving[i] as number) > 0) {
      state.components[i]!.extra.writeRate = ctx.inflow[i * K + WRITE] as number;
    }
    if (primary < 0) continue;
    const replica = state.components[i]!;
    // While the primary is down nothing new is written: the replica's lag stays where it was.
    if ((ctx.serving[primary] as number) === 0) continue;
    const writes = ctx.inflow[primary * K + WRITE] as number;
    // A replica being set up starts from a fresh copy; one that was running and went down, or is
    // cut off, misses every write of this minute.
    const missing = replica.count > 0 && ((ctx.serving[i] as number) === 0 || !ctx.reachable(primary, i));
    if (replica.count === 0) {
      replica.lagSeconds = 0;
    } else if (missing && writes > 0) {
      replica.lagSeconds += TICK_SECONDS; // cut off or down: every write of this minute is still to come
    } else {
      const spare = Math.max(0, 1 - Math.min(1, replica.figures.utilisation));
      replica.lagSeconds = Math.max(0, replica.lagSeconds - TICK_SECONDS * spare);
    }
    if (ctx.crossRtt(primary, i) > 0 && ctx.reachable(primary, i) && (ctx.serving[i] as number) > 0) {
      // Replicating to another region moves every written object over the providers' backbone.
      ctx.transferGigabytes += (writes * TICK_SECONDS * state.scenario.workingSet.objectKb) / 1_000_000;
    }
    const lag = ctx.crossRtt(primary, i) / 2 + (ctx.waitMean[i] as number) + replica.lagSeconds + spike;
    const staleShare = recentlyWrittenShare(keys, alpha, writes, lag);
    const reads = ctx.inflow[i * K + READ] as number;
    state.totals.staleReads += reads * staleShare * TICK_SECONDS;
    replica.extra.replicationLag = lag;
    replica.extra.staleShare = staleShare;
  }
  // Automatic failover: a dead primary's freshest healthy replica takes over.
  for (let p = 0; p < ctx.n; p++) {
    const primary = state.components[p]!;
    if (primary.kind !== 'db' || (table.primaryOf[p] as number) >= 0 || primary.settings.failover !== 'automatic') continue;
    if ((ctx.serving[p] as number) > 0 || primary.count === 0) continue;
    const candidates = table.replicas[p]!.filter((r) => (ctx.serving[r] as number) > 0);
    if (candidates.length === 0 || candidates.some((r) => state.components[r]!.promoteAtTick >= 0)) continue;
    let best = candidates[0]!;
    for (const r of candidates)
      if ((state.components[r]!.extra.replicationLag ?? 0) < (state.components[best]!.extra.replicationLag ?? 0)) best = r;
    state.components[best]!.promoteAtTick = state.tick + PROMOTION_TICKS;
  }
}
