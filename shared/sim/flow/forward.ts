/**
 * The forward pass: each component, in tier order, takes the requests routed to it, sends the
 * share that reaches dead (or unreachable) instances to failure, runs its serving instances as
 * bounded M/G/c/K queues (boundedQueue.ts; the service variability from the mix of requests that
 * reaches it), and passes what its queues accepted on to what it calls.
 *
 * Every request passed on is also counted on its link (ctx.links, see Links in state.ts): what a
 * caller sends along a link is what the target receives from it, dead instances included, so a
 * component's λ is the sum of its incoming links plus what users send it straight from DNS, with
 * one exception: a read-through or write-through cache storing the keys it missed is the cache's
 * own work (a look-aside cache's keys are stored by the web server, on its link). A read-through
 * cache's loads from the database count on the web server's link to it, as the flow routes them
 * (the game has no cache → database connection). Requests that fail before they leave (across a
 * partition, a data set no database holds) are on no link.
 */
import { evaluatePoolInto, newPoolResult, type PoolResult } from '../boundedQueue';
import { DISK_GB_PER_MEMORY_GB, KINDS, SIZES, WEB_WORK } from '../catalogue';
import { TICK_SECONDS, type ComponentState } from '../state';
import { trackCondition } from '../incidents';
import { storedGbOf } from '../storage';
import { vcpuOf } from '../topology';
import { updateCache } from './cacheTier';
import type { FlowContext } from './context';
import { JOB, K, NO_DATABASE, ON_THIS_BOX, READ, SESSION, WRITE } from './routing';
import { isPartitioned, shardLayout } from './shards';

/** Extra database work while a resharding copies data: a third more per request. */
export const RESHARD_EXTRA_WORK = 1 / 3;

/** Runs one component's forward step. */
export function forward(ctx: FlowContext, i: number): void {
  const component = ctx.state.components[i]!;
  switch (component.kind) {
    case 'lb':
      return balancer(ctx, i, component);
    case 'web':
      return webServer(ctx, i, component);
    case 'cache':
      return cacheNode(ctx, i, component);
    case 'sessionStore':
      return store(ctx, i, component);
    case 'queue':
      return queue(ctx, i, component);
    case 'db':
      return database(ctx, i, component);
    case 'cdn':
    case 'worker':
      return; // the CDN is evaluated with the demand, workers with their queue
  }
}

function aliveLambda(ctx: FlowContext, i: number): number {
  let lambda = 0;
  for (let k = 0; k < K; k++) lambda += ctx.inflow[i * K + k] as number;
  return lambda;
}

function offeredWork(ctx: FlowContext, i: number): number {
  let work = 0;
  for (let k = 0; k < K; k++) work += (ctx.inflow[i * K + k] as number) * (ctx.table.service[i * K + k] as number);
  return work;
}

/** Σ rate × E[S²] over the request classes, each class's service exponential (E[S²] = 2·s²). */
function offeredWork2(ctx: FlowContext, i: number): number {
  let work2 = 0;
  for (let k = 0; k < K; k++) {
    const s = ctx.table.service[i * K + k] as number;
    work2 += 2 * (ctx.inflow[i * K + k] as number) * s * s;
  }
  return work2;
}

/**
 * For runPool's `work2`: every request costs the component the same work (balancer, cache,
 * session store, broker), so its service is exponential, c_s² = 1.
 */
const ONE_WORK = -1;

/**
 * The squared coefficient of variation c_s² = E[S²]/E[S]² − 1 of the service time over the mix
 * of requests reaching a component, from Σ rate·work and Σ rate·E[S²]. Each class (or database
 * stream) takes an exponential time with its own mean: that is how the backward pass spreads
 * each class's work ((ln 20 − 1) × its mean above its mean), so the queue and the path agree. A
 * single class gives exactly 1 (M/M/c); a web server's mix of 2 ms files and 150 ms jobs about 11.
 */
function serviceScv(lambda: number, work: number, work2: number): number {
  if (work2 === ONE_WORK || !(lambda > 0) || !(work > 0)) return 1;
  const scv = (work2 * lambda) / (work * work) - 1;
  // One class computes 2 − 1 up to rounding: keep it exactly exponential.
  if (scv > 1 - 1e-9 && scv < 1 + 1e-9) return 1;
  return scv > 0 ? scv : 0;
}

/** Sends the share `deadShare` of a component's arrivals to failure (dead parts, unreachable instances). */
function failShare(ctx: FlowContext, i: number, deadShare: number): void {
  if (deadShare <= 0) return;
  const lambda = aliveLambda(ctx, i);
  ctx.add(ctx.deadIn, i, lambda * deadShare);
  for (let k = 0; k < K; k++) ctx.inflow[i * K + k] = (ctx.inflow[i * K + k] as number) * (1 - deadShare);
  ctx.workIn[i] = (ctx.workIn[i] as number) * (1 - deadShare);
  ctx.workIn2[i] = (ctx.workIn2[i] as number) * (1 - deadShare);
}

interface Outcome {
  served: number;
  failed: number;
  /** Share of the arrivals that were processed and go on downstream. */
  passShare: number;
}

/** Pool results and outcomes are read at once by the caller, so one of each serves every call. */
const scratchPool = newPoolResult();
const scratchShard = newPoolResult();
const scratchOutcome: Outcome = { served: 0, failed: 0, passShare: 0 };

/**
 * Evaluates a pool and records its figures; `work` is CPU seconds per second offered, `work2` the
 * matching Σ rate × E[S²] (see serviceScv), or ONE_WORK.
 */
function runPool(ctx: FlowContext, i: number, component: ComponentState, lambda: number, work: number, work2: number, instances: number): Outcome {
  const pool = evaluatePoolInto(
    scratchPool,
    lambda,
    lambda > 0 ? work / lambda : (ctx.table.nominal[i] as number),
    vcpuOf(component),
    instances,
    ctx.table.queueSeconds[i] as number,
    component.backlog,
    serviceScv(lambda, work, work2),
  );
  return settle(ctx, i, component, lambda, pool);
}

function settle(ctx: FlowContext, i: number, component: ComponentState, lambda: number, pool: PoolResult): Outcome {
  const dead = ctx.deadIn[i] as number;
  const offered = lambda + dead;
  ctx.waitMean[i] = pool.waitMeanSeconds;
  ctx.waitP95[i] = pool.waitP95Seconds;
  component.backlog = pool.backlogAfter;
  const fixed = ctx.table.fixedDelay[i] as number;
  const figures = component.figures;
  figures.lambda = offered;
  figures.capacity = pool.capacity;
  figures.utilisation = pool.utilisation;
  figures.meanLatencyMs = (pool.meanSeconds + fixed) * 1000;
  figures.p95LatencyMs = (pool.p95Seconds + fixed) * 1000;
  figures.served = pool.served;
  figures.failed = pool.failed + dead;
  figures.backlog = pool.backlogAfter;
  figures.queueLength = pool.queueLength;
  ctx.okShare[i] = offered > 0 ? Math.max(0, Math.min(1, 1 - figures.failed / offered)) : 1;
  const outcome = scratchOutcome;
  outcome.served = pool.served;
  outcome.failed = figures.failed;
  // What the queues took in goes on downstream this tick (they hold only seconds of work).
  outcome.passShare = lambda > 0 ? Math.min(1, pool.accepted / lambda) : 0;
  return outcome;
}

/**
 * Counts `amount` req/s of a web server's served requests as failed because what they need (a
 * database, the session store, the queue) is gone. Only the figures change: the backward pass
 * already gives those requests' paths a success of 0, so the share of other classes is untouched.
 */
function countFailure(component: ComponentState, amount: number): void {
  const moved = Math.min(Math.max(0, amount), Math.max(0, component.figures.served));
  component.figures.failed += moved;
  component.figures.served -= moved;
}

/** Moves `amount` req/s of a component's served requests to failed, for every class it serves (a bad release). */
function failAfter(ctx: FlowContext, i: number, component: ComponentState, amount: number): void {
  if (amount <= 0) return;
  component.figures.failed += amount;
  component.figures.served -= amount;
  const offered = component.figures.lambda;
  ctx.okShare[i] = offered > 0 ? Math.max(0, Math.min(1, 1 - component.figures.failed / offered)) : 1;
}

function balancer(ctx: FlowContext, i: number, component: ComponentState): void {
  const lambda = aliveLambda(ctx, i);
  const passShare = runPool(ctx, i, component, lambda, offeredWork(ctx, i), ONE_WORK, ctx.serving[i] as number).passShare;
  const total = ctx.rotation[i] as number;
  if (total === 0) {
    // No backend to send to: the balancer answers every request with an error.
    failAfter(ctx, i, component, component.figures.served);
    return;
  }
  const healthChecks = ctx.table.healthChecks[i] === 1;
  const R = ctx.regionCount;
  // A balancer's links start with its targets, in the same order.
  let link = (ctx.table.linkBase[i] as number) - 1;
  for (const t of ctx.table.targetIndex[i]!) {
    link++;
    const target = ctx.state.components[t]!;
    const share = ctx.rotationWeight(i, t) / total;
    if (share <= 0) continue;
    if (!ctx.reachable(i, t)) {
      // Across a partition the balancer cannot reach the servers: those requests fail here.
      let lost = 0;
      for (let k = 0; k < K; k++) lost += (ctx.inflow[i * K + k] as number) * passShare * share;
      countFailure(component, lost);
      continue;
    }
    const deadShare = healthChecks || target.count === 0 ? 0 : (target.count - (ctx.serving[t] as number)) / target.count;
    const inflow = ctx.inflow;
    const deadIn = ctx.deadIn;
    for (let k = 0; k < K; k++) {
      const flow = (inflow[i * K + k] as number) * passShare * share;
      inflow[t * K + k] = (inflow[t * K + k] as number) + flow * (1 - deadShare);
      deadIn[t] = (deadIn[t] as number) + flow * deadShare;
    }
    ctx.links.sendOn(link, lambda * passShare * share);
    // Where the requests came from travels with them (whose data they need).
    const mix = ctx.regionMix;
    for (let r = 0; r < R; r++) mix[t * R + r] = (mix[t * R + r] as number) + (mix[i * R + r] as number) * share;
  }
}

function webServer(ctx: FlowContext, i: number, component: ComponentState): void {
  let instances = ctx.serving[i] as number;
  if (ctx.direct[i] === 1) {
    // DNS hands out one address: without a balancer only one instance is ever reached.
    if (instances === 0 && component.count > 0) failShare(ctx, i, 1);
    instances = Math.min(instances, 1);
  }
  const lambda = aliveLambda(ctx, i);
  const outcome = runPool(ctx, i, component, lambda, offeredWork(ctx, i), offeredWork2(ctx, i), ctx.effectiveInstances(i, instances));
  let pass = outcome.passShare;
  if (ctx.badDeployShare > 0) {
    // A bad release fails this share of the requests the servers did process.
    failAfter(ctx, i, component, component.figures.served * ctx.badDeployShare);
    pass *= 1 - ctx.badDeployShare;
  }
  const { table, state } = ctx;
  const D = ctx.D;
  const base = i * K;
  const readRate = (ctx.inflow[base + READ] as number) * pass;
  const writeRate = (ctx.inflow[base + WRITE] as number) * pass;
  const sessionRate = (ctx.inflow[base + SESSION] as number) * pass;
  const jobRate = (ctx.inflow[base + JOB] as number) * pass;

  // Sessions: with a shared store every request but a static file looks its session up there.
  // A store still being set up is not used yet: sessions stay on the servers until it serves.
  const sessionStore = table.sessionStoreOf[i] as number;
  if (ctx.ready(sessionStore)) {
    const lookups = readRate + writeRate + sessionRate + jobRate;
    if (!ctx.reachable(i, sessionStore)) {
      // No session, no request: everything but static files fails here, once.
      countFailure(component, lookups);
      return;
    }
    ctx.send(sessionStore * K + SESSION, table.sessionLink[i] as number, lookups);
  }
  // Jobs: handed to the queue, or already done on this server.
  const queueIndex = table.queueOf[i] as number;
  if (queueIndex >= 0) {
    // Until the broker is ready the job handed to it fails (the code already sends it there).
    if (ctx.reachable(i, queueIndex)) ctx.send(queueIndex * K + JOB, table.queueLink[i] as number, jobRate);
    else countFailure(component, jobRate);
  }
  // A cache still being set up is skipped: reads and writes go to the database as before.
  const cacheIndex = ctx.ready(table.cacheOf[i] as number) ? (table.cacheOf[i] as number) : -1;
  const writeThrough = cacheIndex >= 0 && table.writeThrough[cacheIndex] === 1;
  const datasets = state.scenario.datasets;
  let mixTotal = -1; // the server's requests over every user region, summed when first needed
  for (let d = 0; d < D; d++) {
    const dataset = datasets[d]!;
    const target = table.dbTarget[i * D + d] as number;
    let reads = readRate * dataset.readShare;
    let writes = writeRate * dataset.writeShare;
    if (target === NO_DATABASE) {
      // The data set is on no database this server can reach: those requests fail here.
      countFailure(component, reads + writes);
      continue;
    }
    if (target === ON_THIS_BOX) continue;
    const primary = primaryIndex(ctx, target);
    // Users from a data center whose data lives in another database find nothing here.
    let foreign: number;
    const shared = ctx.sharedHome[d] as number;
    if (shared >= 0) foreign = shared === primary ? 0 : 1;
    else {
      if (mixTotal < 0) mixTotal = regionTotal(ctx, i);
      foreign = foreignShare(ctx, i, d, primary, mixTotal);
    }
    ctx.foreignShare[i * D + d] = foreign;
    if (foreign > 0) countFailure(component, (reads + writes) * foreign);
    reads *= 1 - foreign;
    writes *= 1 - foreign;
    if (cacheIndex >= 0 && ctx.reachable(i, cacheIndex)) {
      ctx.send(cacheIndex * K + READ, table.cacheLink[i] as number, reads);
      ctx.addPendingMiss(cacheIndex, i, d, reads);
      if (writeThrough) ctx.send(cacheIndex * K + WRITE, table.cacheLink[i] as number, writes);
    } else {
      routeReads(ctx, i, d, reads);
    }
    sendWrites(ctx, i, component, primary, d, writes * (table.writeCopies[i * D + d] as number));
  }
}

/** Set by regionTotal: the one user region the server's requests came from, or −1 (none, or several). */
let soleRegion = -1;

/** Requests per second web server `web` received, over every user region (also sets soleRegion). */
function regionTotal(ctx: FlowContext, web: number): number {
  const R = ctx.regionCount;
  let total = 0;
  let sole = -1;
  let sources = 0;
  for (let r = 0; r < R; r++) {
    const rate = ctx.regionMix[web * R + r] as number;
    total += rate;
    if (rate !== 0) {
      sources++;
      sole = r;
    }
  }
  soleRegion = sources === 1 ? sole : -1;
  return total;
}

/**
 * Share of web server `web`'s requests whose users' data for data set `d` is not in `primary`'s
 * database, when the data set's homes differ by region; `total` is regionTotal(web).
 */
function foreignShare(ctx: FlowContext, web: number, d: number, primary: number, total: number): number {
  const R = ctx.regionCount;
  const D = ctx.D;
  let foreign = 0;
  if (soleRegion >= 0) {
    // The usual case: all of the server's users come from one region (the other terms are zeros).
    const home = ctx.homePrimary[soleRegion * D + d] as number;
    if (home >= 0 && home !== primary) foreign = ctx.regionMix[web * R + soleRegion] as number;
    return total > 0 ? foreign / total : 0;
  }
  for (let r = 0; r < R; r++) {
    const home = ctx.homePrimary[r * D + d] as number;
    if (home >= 0 && home !== primary) foreign += ctx.regionMix[web * R + r] as number;
  }
  return total > 0 ? foreign / total : 0;
}

/** The primary behind a database a web server is connected to (itself, unless it is a replica). */
function primaryIndex(ctx: FlowContext, db: number): number {
  const primary = ctx.table.primaryOf[db] as number;
  return primary >= 0 ? primary : db;
}

/** Writes go to the primary only; while it is down (or cut off) they fail. */
function sendWrites(ctx: FlowContext, web: number, component: ComponentState, primary: number, dataset: number, writes: number): void {
  if (writes <= 0) return;
  if (ctx.usable(web, primary) === 0) {
    countFailure(component, writes);
    return;
  }
  ctx.add(ctx.inflow, primary * K + WRITE, writes);
  ctx.addWork(primary, writes, ctx.table.writeWork[primary] as number);
  ctx.links.sendOn(ctx.table.primaryLink[web * ctx.D + dataset] as number, writes);
}

/** Sends one web server's reads of one data set to the databases that answer them (see readSplitFor). */
export function routeReads(ctx: FlowContext, web: number, dataset: number, reads: number): void {
  const { table, D } = ctx;
  const target = table.dbTarget[web * D + dataset] as number;
  if (target < 0 || reads <= 0) return;
  const primary = primaryIndex(ctx, target);
  const slot = ctx.readSplitFor(web, primary);
  ctx.readSplit[web * D + dataset] = slot;
  const split = ctx.splits[slot]!;
  const lookups = table.lookups[web * D + dataset] as number;
  const key = web * D + dataset;
  for (let index = 0; index < split.targets.length; index++) {
    const db = split.targets[index] as number;
    const rate = reads * (split.shares[index] as number) * lookups;
    if (!ctx.reachable(web, db)) {
      countFailure(ctx.state.components[web]!, rate / lookups); // the read fails at the caller
      continue;
    }
    // On its link to the primary, or to that replica (its place among the primary's replicas).
    const link = db === primary ? table.primaryLink[key] : table.replicaLinks[(table.replicaLinkBase[key] as number) + (table.replicaPos[db] as number)];
    ctx.links.sendOn(link as number, rate);
    if ((ctx.serving[db] as number) === 0) {
      ctx.add(ctx.deadIn, db, rate);
      continue;
    }
    ctx.add(ctx.inflow, db * K + READ, rate);
    ctx.addWork(db, rate, table.lookupWork[web * D + dataset] as number);
  }
}

function cacheNode(ctx: FlowContext, i: number, component: ComponentState): void {
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
  for (const pending of ctx.pendingMisses[i]!) {
    // Look-aside: the web server stores each key it missed (its own request to the cache).
    if (lookAside) ctx.links.sendOn(ctx.table.cacheLink[pending.web] as number, pending.reads * (1 - deadShare) * miss);
    routeReads(ctx, pending.web, pending.dataset, pending.reads * toDatabase);
  }
}

function store(ctx: FlowContext, i: number, component: ComponentState): void {
  runPool(ctx, i, component, aliveLambda(ctx, i), offeredWork(ctx, i), ONE_WORK, ctx.serving[i] as number);
}

function queue(ctx: FlowContext, i: number, component: ComponentState): void {
  const outcome = runPool(ctx, i, component, aliveLambda(ctx, i), offeredWork(ctx, i), ONE_WORK, ctx.serving[i] as number);
  // Accepted messages wait for the workers, who drain them at their own pace.
  component.messages += outcome.served * TICK_SECONDS;
  let capacity = 0;
  const workers = ctx.table.workersOf[i]!;
  for (const w of workers) capacity += ((ctx.usable(i, w) * vcpuOf(ctx.state.components[w]!)) / WEB_WORK.job);
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

function database(ctx: FlowContext, i: number, component: ComponentState): void {
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
    const pool = scratchShard;
    // What waited in the queues is spread like the load (a busier shard holds a longer queue).
    const shardBacklog = loadTotal > 0 ? (component.backlog * load) / loadTotal : component.backlog / shards;
    if (shardLambda !== lastLambda || alive !== lastAlive || shardBacklog !== lastBacklog) {
      evaluatePoolInto(pool, shardLambda, serviceSeconds, vcpu, alive, spec.queueSeconds, shardBacklog, scv);
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

