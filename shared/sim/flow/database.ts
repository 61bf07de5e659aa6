/**
 * A database's forward step: a replica applies its primary's write stream, a resharding adds
 * copying work, and then either one machine holds everything (writes refused once the data
 * outgrows its disk) or each shard of a partitioned database is its own queue with its share of
 * the load and of the data (shards.ts), a full shard refusing its writes.
 */
import { evaluatePoolInto } from '../numerics/boundedQueue';
import { DISK_GB_PER_MEMORY_GB, KINDS, SIZES } from '../rules/catalogue';
import { trackCondition } from '../rules/incidents';
import type { ComponentState } from '../core/state';
import { storedGbOf } from '../rules/storage';
import { vcpuOf } from '../core/topology';
import type { FlowContext } from './context';
import { aliveLambda, runPool, serviceScv } from './pool';
import { K, READ, WRITE } from './routing';
import { isPartitioned, shardLayout } from './shards';

/** Extra database work while a resharding copies data: a third more per request. */
export const RESHARD_EXTRA_WORK = 1 / 3;

/** Database `i`'s forward step (a primary, a replica, or a partitioned group). */
export function database(ctx: FlowContext, i: number, component: ComponentState): void {
  const { state, table } = ctx;
  const primary = table.primaryOf[i] as number;
  if (primary >= 0 && ctx.reachable(primary, i)) {
    // A replica applies every write of its primary (the replication stream).
    const writes = ctx.inflow[primary * K + WRITE] as number;
    ctx.add(ctx.inflow, i * K + WRITE, writes);
    ctx.addWork(i, writes, table.writeWork[i] as number);
    ctx.links.sendOn(table.streamLink[i] as number, writes);
  }
  if (component.resharding !== null) {
    // Copying every row to its new shard runs beside the usual work.
    ctx.workIn[i] = (ctx.workIn[i] as number) * (1 + RESHARD_EXTRA_WORK);
    ctx.workIn2[i] = (ctx.workIn2[i] as number) * (1 + RESHARD_EXTRA_WORK) * (1 + RESHARD_EXTRA_WORK);
  }
  const diskGb = SIZES[component.size].memoryGb * DISK_GB_PER_MEMORY_GB;
  const dataGb = storedGbOf(ctx.state, component);
  component.extra.storedGb = dataGb;
  if (!isPartitioned(component)) {
    // One machine holds everything: once the data outgrows its disk, writes are refused.
    const full = dataGb > diskGb;
    if (full) {
      const writes = ctx.inflow[i * K + WRITE] as number;
      const writeWork = table.writeWork[i] as number;
      ctx.inflow[i * K + WRITE] = 0;
      ctx.workIn[i] = Math.max(0, (ctx.workIn[i] as number) - writes * writeWork);
      ctx.workIn2[i] = Math.max(0, (ctx.workIn2[i] as number) - 2 * writes * writeWork * writeWork);
      ctx.add(ctx.deadIn, i, writes);
    }
    runPool(ctx, i, component, aliveLambda(ctx, i), ctx.workIn[i] as number, ctx.workIn2[i] as number, ctx.serving[i] as number);
    component.extra.fullShards = full ? 1 : 0;
    component.extra.shardSkew = 1;
    trackCondition(state, 'shardFull', component.id, full, full ? 1 : 0);
    return;
  }
  const lambda = aliveLambda(ctx, i);
  const work = ctx.workIn[i] as number;
  // Several instances, each with its own part of the data: every shard is its own queue.
  const shards = component.count;
  const layout = shardLayout(state, component.settings.shardKey, shards, Math.min(0.9, ctx.hotspotShare));
  const serving = ctx.serving[i] as number;
  const reads = ctx.inflow[i * K + READ] as number;
  const writes = ctx.inflow[i * K + WRITE] as number;
  const spec = KINDS.db;
  let served = 0;
  let failed = ctx.deadIn[i] as number;
  let backlog = 0;
  let capacity = 0;
  let hottest = 0;
  let waitMean = 0;
  let waitP95 = 0;
  let meanLatency = 0;
  let p95Latency = 0;
  let fullShards = 0;
  let loadTotal = 0;
  for (let j = 0; j < shards; j++) loadTotal += layout.load[j] as number;
  const serviceSeconds = lambda > 0 ? work / lambda : (table.nominal[i] as number);
  const scv = serviceScv(lambda, work, ctx.workIn2[i] as number);
  const vcpu = vcpuOf(component);
  // Shards with the same load and liveness as the one before get the same figures: evaluate once.
  let lastLambda = NaN;
  let lastAlive = -1;
  let lastBacklog = NaN;
  for (let j = 0; j < shards; j++) {
    const load = layout.load[j] as number;
    // Dead instances are the last ones; a shard whose disk is full refuses its writes.
    const alive = j < serving ? 1 : 0;
    const full = (layout.storage[j] as number) * dataGb > diskGb;
    if (full) fullShards++;
    const shardWrites = writes * load;
    const shardLambda = (reads + writes) * load - (full ? shardWrites : 0);
    if (full) failed += shardWrites;
    const pool = ctx.forwardScratch.shard;
    // What waited in the queues is spread like the load (a busier shard holds a longer queue).
    const shardBacklog = loadTotal > 0 ? (component.backlog * load) / loadTotal : component.backlog / shards;
    if (shardLambda !== lastLambda || alive !== lastAlive || shardBacklog !== lastBacklog) {
      evaluatePoolInto(pool, ctx.forwardScratch.queue, shardLambda, serviceSeconds, vcpu, alive, spec.queueSeconds, shardBacklog, scv);
      lastLambda = shardLambda;
      lastAlive = alive;
      lastBacklog = shardBacklog;
    }
    served += pool.served;
    failed += pool.failed;
    backlog += pool.backlogAfter;
    capacity += pool.capacity;
    hottest = Math.max(hottest, pool.utilisation);
    waitMean += load * pool.waitMeanSeconds;
    waitP95 = Math.max(waitP95, pool.waitP95Seconds);
    meanLatency += load * pool.meanSeconds;
    p95Latency = Math.max(p95Latency, pool.p95Seconds);
  }
  const offered = lambda + (ctx.deadIn[i] as number);
  component.backlog = backlog;
  ctx.waitMean[i] = waitMean;
  ctx.waitP95[i] = waitP95;
  const figures = component.figures;
  figures.lambda = offered;
  figures.capacity = capacity;
  figures.utilisation = hottest;
  figures.meanLatencyMs = (meanLatency + spec.fixedDelaySeconds) * 1000;
  figures.p95LatencyMs = (p95Latency + spec.fixedDelaySeconds) * 1000;
  figures.served = served;
  figures.failed = failed;
  figures.backlog = backlog;
  figures.queueLength = 0;
  ctx.okShare[i] = offered > 0 ? Math.max(0, Math.min(1, 1 - failed / offered)) : 1;
  const average = layout.load.reduce((sum, l) => sum + l, 0) / shards;
  component.extra.shardSkew = Math.max(...layout.load) / average;
  component.extra.fullShards = fullShards;
  if (fullShards > 0) {
    // Refused writes are not in the write stream its replicas copy.
    let refused = 0;
    for (let j = 0; j < shards; j++) if ((layout.storage[j] as number) * dataGb > diskGb) refused += writes * (layout.load[j] as number);
    ctx.inflow[i * K + WRITE] = Math.max(0, writes - refused);
  }
  trackCondition(state, 'shardFull', component.id, fullShards > 0, fullShards);
}
