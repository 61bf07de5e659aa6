/**
 * A web server's forward step: its own pool (with what a bad release fails), then what the
 * requests it served need: the shared session store, the queue for jobs, and per data set the
 * cache or the databases (reads to the primary's replicas where it has them, writes to the
 * primary), failing the requests whose data is unreachable or lives in another region's database.
 * routeReads also sends on a cache's misses (stores.ts).
 */
import type { ComponentState } from '../core/state';
import type { FlowContext } from './context';
import { aliveLambda, countFailure, failAfter, failShare, offeredWork, offeredWork2, runPool } from './pool';
import { JOB, K, NO_DATABASE, ON_THIS_BOX, READ, SESSION, WRITE } from './routing';

/** Web server `i`'s forward step. */
export function webServer(ctx: FlowContext, i: number, component: ComponentState): void {
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
  // The server's requests over every user region, and the one region they all came from (−1:
  // none, or several), found when first needed.
  let mixTotal = -1;
  let soleRegion = -1;
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
      if (mixTotal < 0) {
        mixTotal = regionTotal(ctx, i);
        soleRegion = soleRegionOf(ctx, i);
      }
      foreign = foreignShare(ctx, i, d, primary, mixTotal, soleRegion);
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

/** Requests per second web server `web` received, over every user region. */
function regionTotal(ctx: FlowContext, web: number): number {
  const R = ctx.regionCount;
  let total = 0;
  for (let r = 0; r < R; r++) total += ctx.regionMix[web * R + r] as number;
  return total;
}

/** The one user region web server `web`'s requests came from, or −1 (none, or several). */
function soleRegionOf(ctx: FlowContext, web: number): number {
  const R = ctx.regionCount;
  let sole = -1;
  let sources = 0;
  for (let r = 0; r < R; r++) {
    if ((ctx.regionMix[web * R + r] as number) !== 0) {
      sources++;
      sole = r;
    }
  }
  return sources === 1 ? sole : -1;
}

/**
 * Share of web server `web`'s requests whose users' data for data set `d` is not in `primary`'s
 * database, when the data set's homes differ by region; `total` is regionTotal(web), `soleRegion`
 * soleRegionOf(web).
 */
function foreignShare(ctx: FlowContext, web: number, d: number, primary: number, total: number, soleRegion: number): number {
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
    const link =
      db === primary
        ? table.primaryLink[key]
        : table.replicaLinks[(table.replicaLinkBase[key] as number) + (table.replicaPos[db] as number)];
    ctx.links.sendOn(link as number, rate);
    if ((ctx.serving[db] as number) === 0) {
      ctx.add(ctx.deadIn, db, rate);
      continue;
    }
    ctx.add(ctx.inflow, db * K + READ, rate);
    ctx.addWork(db, rate, table.lookupWork[web * D + dataset] as number);
  }
}
