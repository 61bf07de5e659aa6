/**
 * The backward pass: from the databases up to the balancers, each component's latency and
 * success per request class is composed with those of what it calls. Means add; the spreads
 * above the means (p95 − mean) add in quadrature, as for independent delays; a call to another
 * region adds its round trip to both.
 */
import { KINDS } from '../catalogue';
import type { ComponentState } from '../state';
import type { FlowContext } from './context';
import { JOB, K, NO_DATABASE, ON_THIS_BOX, READ, SESSION, STATIC, WRITE } from './routing';

const LN_20_MINUS_1 = 2.995732273553991 - 1;

/** Running sums of one path: mean, squared spread, fixed part, success. */
class Path {
  mean = 0;
  ex2 = 0;
  base = 0;
  ok = 1;

  /** Adds `calls` sequential calls to component `t` for class slot `k`, `share` of the time. */
  call(ctx: FlowContext, from: number, t: number, k: number, share: number, calls: number): void {
    const rtt = ctx.crossRtt(from, t);
    this.mean += share * calls * ((ctx.pathMean[t * K + k] as number) + rtt);
    this.ex2 += share * calls * (ctx.pathEx2[t * K + k] as number);
    this.base += share * calls * ((ctx.pathBase[t * K + k] as number) + rtt);
  }
}

function store(ctx: FlowContext, i: number, path: Path, k: number): void {
  ctx.pathMean[i * K + k] = path.mean;
  ctx.pathEx2[i * K + k] = path.ex2;
  ctx.pathBase[i * K + k] = path.base;
  ctx.pathOk[i * K + k] = Math.max(0, Math.min(1, path.ok));
}

const scratchPath = new Path();

/** A component's own part of the path for class slot `k`: its wait, the work, its fixed delay. */
function own(ctx: FlowContext, i: number, component: ComponentState, k: number): Path {
  const path = scratchPath;
  const cost = component.kind === 'cdn' ? 0 : (ctx.table.service[i * K + k] as number);
  const fixed = KINDS[component.kind].fixedDelaySeconds;
  const spread = (ctx.waitP95[i] as number) - (ctx.waitMean[i] as number);
  const serviceSpread = LN_20_MINUS_1 * cost;
  path.mean = (ctx.waitMean[i] as number) + cost + fixed;
  path.ex2 = spread * spread + serviceSpread * serviceSpread;
  path.base = fixed;
  path.ok = ctx.okShare[i] as number;
  return path;
}

/** Composes component `i`'s paths for every class. */
export function backward(ctx: FlowContext, i: number): void {
  const component = ctx.state.components[i]!;
  for (let k = 0; k < K; k++) {
    const path = own(ctx, i, component, k);
    if (component.kind === 'lb') balancerPath(ctx, i, k, path);
    else if (component.kind === 'web') webPath(ctx, i, k, path);
    store(ctx, i, path, k);
  }
}

function balancerPath(ctx: FlowContext, i: number, k: number, path: Path): void {
  const total = ctx.rotation[i] as number;
  if (total <= 0) {
    path.ok = 0;
    return;
  }
  let ok = 0;
  for (const t of ctx.table.targetIndex[i]!) {
    const share = ctx.rotationWeight(i, t) / total;
    path.call(ctx, i, t, k, share, 1);
    ok += share * (ctx.reachable(i, t) ? (ctx.pathOk[t * K + k] as number) : 0);
  }
  path.ok *= ok;
}

/** The data part of a read of data set d by web server i: database lookups (shared by cache misses). */
function databaseRead(ctx: FlowContext, i: number, d: number, path: Path, share: number): number {
  const split = ctx.readSplit[i * ctx.D + d];
  if (split === null || split === undefined) return 0;
  const lookups = ctx.table.lookups[i * ctx.D + d] as number;
  let ok = 0;
  for (let index = 0; index < split.targets.length; index++) {
    const db = split.targets[index] as number;
    const dbShare = split.shares[index] as number;
    path.call(ctx, i, db, READ, share * dbShare, lookups);
    ok += dbShare * powSmall(ctx.reachable(i, db) ? (ctx.pathOk[db * K + READ] as number) : 0, lookups);
  }
  return ok;
}

/** A web server's path: its own work, then its session lookup, its data (cache, database) or its queue. */
function webPath(ctx: FlowContext, i: number, k: number, path: Path): void {
  const { table, D } = ctx;
  if (k !== STATIC) {
    const sessionStore = table.sessionStoreOf[i] as number;
    if (ctx.ready(sessionStore)) {
      path.call(ctx, i, sessionStore, SESSION, 1, 1);
      path.ok *= ctx.reachable(i, sessionStore) ? (ctx.pathOk[sessionStore * K + SESSION] as number) : 0;
    }
  }
  if (k === JOB) {
    const queueIndex = table.queueOf[i] as number;
    if (queueIndex >= 0) {
      // The user waits for the hand-over only; the work itself happens later on a worker.
      path.call(ctx, i, queueIndex, JOB, 1, 1);
      path.ok *= ctx.reachable(i, queueIndex) ? (ctx.pathOk[queueIndex * K + JOB] as number) : 0;
    }
    return;
  }
  if (k !== READ && k !== WRITE) return;
  const cacheIndex = table.cacheOf[i] as number;
  const cached = ctx.ready(cacheIndex) && ctx.reachable(i, cacheIndex);
  const strategy = cached ? (ctx.state.components[cacheIndex]!.settings.cacheStrategy ?? 'lookAside') : null;
  let dataOk = 0;
  for (let d = 0; d < D; d++) {
    const dataset = ctx.state.scenario.datasets[d]!;
    const shareOfSet = k === READ ? dataset.readShare : dataset.writeShare;
    const target = table.dbTarget[i * D + d] as number;
    if (target === ON_THIS_BOX) {
      dataOk += shareOfSet;
      continue;
    }
    if (target === NO_DATABASE) continue; // the data is nowhere: these requests fail
    // Requests whose users' data lives in another database fail here.
    const share = shareOfSet * (1 - (ctx.foreignShare[i * D + d] as number));
    if (k === READ) {
      if (cached) {
        const miss = ctx.missShare[cacheIndex] as number;
        const hit = ctx.hitShare[cacheIndex] as number;
        path.call(ctx, i, cacheIndex, READ, share, 1);
        const fromDb = databaseRead(ctx, i, d, path, share * miss);
        // A look-aside miss also stores the value it read.
        if (strategy === 'lookAside') path.call(ctx, i, cacheIndex, WRITE, share * miss, 1);
        const cacheOk = ctx.pathOk[cacheIndex * K + READ] as number;
        dataOk += share * Math.min(1, cacheOk * hit + miss * fromDb);
      } else {
        dataOk += share * databaseRead(ctx, i, d, path, share);
      }
    } else {
      const primary = (table.primaryOf[target] as number) >= 0 ? (table.primaryOf[target] as number) : target;
      const copies = table.writeCopies[i * D + d] as number;
      path.call(ctx, i, primary, WRITE, share, copies);
      let ok = ctx.usable(i, primary) > 0 ? powSmall(ctx.pathOk[primary * K + WRITE] as number, copies) : 0;
      if (strategy === 'writeThrough') {
        path.call(ctx, i, cacheIndex, WRITE, share, 1);
        ok *= ctx.pathOk[cacheIndex * K + WRITE] as number;
      }
      dataOk += share * ok;
    }
  }
  path.ok *= dataOk;
}

function powSmall(x: number, n: number): number {
  let result = 1;
  for (let j = 0; j < n; j++) result *= x;
  return result;
}
