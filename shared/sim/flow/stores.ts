/**
 * The forward steps of the in-memory tiers: a cache node (its hit ratio from cacheTier.ts, its
 * misses sent on to the databases for the web servers that asked), a session store, and a
 * message queue whose workers drain the accepted messages at their own pace.
 */
import { WEB_WORK } from '../rules/catalogue';
import { TICK_SECONDS, type ComponentState } from '../core/state';
import { vcpuOf } from '../core/topology';
import { updateCache } from './cacheTier';
import type { FlowContext } from './context';
import { ONE_WORK, aliveLambda, failShare, offeredWork, runPool } from './pool';
import { K, READ, WRITE } from './routing';
import { routeReads } from './web';

/** Cache `i`'s forward step. */
export function cacheNode(ctx: FlowContext, i: number, component: ComponentState): void {
  const gets = ctx.inflow[i * K + READ] as number;
  const deadShare = component.count > 0 ? (component.count - (ctx.serving[i] as number)) / component.count : 1;
  const lookAside = ctx.table.lookAside[i] === 1;
  const hit = updateCache(ctx, i, component, gets * (1 - deadShare));
  // Look-aside: a miss (or a dead node's keys) is read from the database by the web server,
  // which then stores it (one more cache operation). Read-through: the cache itself loads it,
  // and a dead node's keys cannot be read at all.
  const miss = 1 - hit;
  const toDatabase = (1 - deadShare) * miss + (lookAside ? deadShare : 0);
  ctx.hitShare[i] = (1 - deadShare) * hit;
  ctx.missShare[i] = toDatabase;
  ctx.add(ctx.inflow, i * K + WRITE, gets * (1 - deadShare) * miss);
  failShare(ctx, i, deadShare * (lookAside ? 0 : 1));
  const lambda = aliveLambda(ctx, i);
  runPool(ctx, i, component, lambda, offeredWork(ctx, i), ONE_WORK, ctx.serving[i] as number);
  for (const pending of ctx.pendingMisses[i] ?? []) {
    // Look-aside: the web server stores each key it missed (its own request to the cache).
    if (lookAside) ctx.links.sendOn(ctx.table.cacheLink[pending.web] as number, pending.reads * (1 - deadShare) * miss);
    routeReads(ctx, pending.web, pending.dataset, pending.reads * toDatabase);
  }
}

/** Session store `i`'s forward step: its pool alone (its lookups end there). */
export function store(ctx: FlowContext, i: number, component: ComponentState): void {
  runPool(ctx, i, component, aliveLambda(ctx, i), offeredWork(ctx, i), ONE_WORK, ctx.serving[i] as number);
}

/** Message queue `i`'s forward step, with its workers' figures. */
export function queue(ctx: FlowContext, i: number, component: ComponentState): void {
  const outcome = runPool(ctx, i, component, aliveLambda(ctx, i), offeredWork(ctx, i), ONE_WORK, ctx.serving[i] as number);
  // Accepted messages wait for the workers, who drain them at their own pace.
  component.messages += outcome.served * TICK_SECONDS;
  let capacity = 0;
  const workers = ctx.table.workersOf[i]!;
  for (const w of workers) capacity += (ctx.usable(i, w) * vcpuOf(ctx.state.components[w]!)) / WEB_WORK.job;
  // Workers take messages from the broker: while no broker instance serves, nothing is handed out.
  const processed = (ctx.serving[i] as number) > 0 ? Math.min(component.messages, capacity * TICK_SECONDS) : 0;
  component.messages -= processed;
  component.extra.messages = component.messages;
  component.extra.drainPerSecond = processed / TICK_SECONDS;
  for (const w of workers) {
    const worker = ctx.state.components[w]!;
    const workerCapacity = (ctx.usable(i, w) * vcpuOf(worker)) / WEB_WORK.job;
    const share = capacity > 0 ? workerCapacity / capacity : 0;
    const rate = (processed / TICK_SECONDS) * share;
    ctx.links.sendOn(ctx.linkOf(i, w), rate);
    const figures = worker.figures;
    figures.lambda = rate;
    figures.capacity = workerCapacity;
    figures.utilisation = workerCapacity > 0 ? rate / workerCapacity : 0;
    figures.meanLatencyMs = WEB_WORK.job * 1000;
    figures.p95LatencyMs = WEB_WORK.job * 2995.732273553991;
    figures.served = rate;
    figures.failed = 0;
    figures.backlog = 0;
    figures.queueLength = 0;
  }
}
