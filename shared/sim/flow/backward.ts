/**
 * The backward pass: from the databases up to the balancers, each component's latency and
 * success per request class is composed with those of what it calls. Means add; the spreads
 * above the means (p95 − mean) add in quadrature, as for independent delays; a call to another
 * region adds its round trip to both.
 */
import type { FlowContext } from './context';
import { JOB, K, NO_DATABASE, ON_THIS_BOX, READ, SESSION, STATIC, WRITE } from './routing';
import type { PathSums as Path } from './arrays';

const LN_20_MINUS_1 = 2.995732273553991 - 1;

/** Adds to `path` `calls` sequential calls from `from` to component `t` for class slot `k`, `share` of the time. */
function call(ctx: FlowContext, path: Path, from: number, t: number, k: number, share: number, calls: number): void {
  const a = ctx.table.regionIndex[from] as number;
  const b = ctx.table.regionIndex[t] as number;
  const rtt = a === b ? 0 : (ctx.rttSeconds[a * ctx.regionCount + b] as number);
  path.mean += share * calls * ((ctx.pathMean[t * K + k] as number) + rtt);
  path.ex2 += share * calls * (ctx.pathEx2[t * K + k] as number);
  path.base += share * calls * ((ctx.pathBase[t * K + k] as number) + rtt);
}

function store(ctx: FlowContext, i: number, path: Path, k: number): void {
  ctx.pathMean[i * K + k] = path.mean;
  ctx.pathEx2[i * K + k] = path.ex2;
  ctx.pathBase[i * K + k] = path.base;
  ctx.pathOk[i * K + k] = Math.max(0, Math.min(1, path.ok));
}

/** Forgets the memo: the paths it was composed from change every tick. */
export function startBackwardPass(ctx: FlowContext): void {
  ctx.backwardScratch.memoWeb = -1;
}

function sameDownstream(ctx: FlowContext, a: number, b: number): boolean {
  const { table, D } = ctx;
  if (
    table.regionIndex[a] !== table.regionIndex[b] ||
    table.sessionStoreOf[a] !== table.sessionStoreOf[b] ||
    table.queueOf[a] !== table.queueOf[b] ||
    table.cacheOf[a] !== table.cacheOf[b]
  ) {
    return false;
  }
  for (let d = 0; d < D; d++) {
    const x = a * D + d;
    const y = b * D + d;
    if (
      table.dbTarget[x] !== table.dbTarget[y] ||
      ctx.readSplit[x] !== ctx.readSplit[y] ||
      ctx.foreignShare[x] !== ctx.foreignShare[y] ||
      table.lookups[x] !== table.lookups[y] ||
      table.writeCopies[x] !== table.writeCopies[y]
    ) {
      return false;
    }
  }
  return true;
}

/**
 * Fills the memo with web server i's downstream part for every class. Web servers that call the
 * same components the same way (same region, session store, queue, cache, and per data set the
 * same database, read split, foreign share, lookups and copies) have the same downstream part of
 * the path; large systems have many such groups side by side, so the part is composed once per
 * run of alike servers. Composing it apart from the server's own part keeps the result the same
 * whether it came from the memo or not.
 */
function composeDownstream(ctx: FlowContext, i: number): void {
  const memo = ctx.backwardScratch;
  if (memo.memoWeb >= 0 && sameDownstream(ctx, memo.memoWeb, i)) return;
  const down = memo.downstream;
  for (let k = 0; k < K; k++) {
    down.mean = 0;
    down.ex2 = 0;
    down.base = 0;
    down.ok = 1;
    webPath(ctx, i, k, down);
    memo.memoMean[k] = down.mean;
    memo.memoEx2[k] = down.ex2;
    memo.memoBase[k] = down.base;
    memo.memoOk[k] = down.ok;
  }
  memo.memoWeb = i;
}

/** Composes component `i`'s paths for every class. */
export function backward(ctx: FlowContext, i: number): void {
  const kind = ctx.state.components[i]!.kind;
  const scratch = ctx.backwardScratch;
  const path = scratch.path;
  // A component's own part of the path for each class: its wait, the work, its fixed delay.
  const isCdn = kind === 'cdn';
  const fixed = ctx.table.fixedDelay[i] as number;
  const waitMean = ctx.waitMean[i] as number;
  const spread = (ctx.waitP95[i] as number) - waitMean;
  const okShare = ctx.okShare[i] as number;
  const isLb = kind === 'lb';
  const isWeb = kind === 'web';
  let targets: number[] | null = null;
  if (isLb && (ctx.rotation[i] as number) > 0) {
    targets = ctx.table.targetIndex[i]!;
    const total = ctx.rotation[i] as number;
    if (scratch.targetShares.length < targets.length) scratch.targetShares = new Float64Array(targets.length * 2);
    const targetShares = scratch.targetShares;
    for (let j = 0; j < targets.length; j++) targetShares[j] = ctx.rotationWeight(i, targets[j] as number) / total;
  }
  if (isWeb) composeDownstream(ctx, i);
  for (let k = 0; k < K; k++) {
    const cost = isCdn ? 0 : (ctx.table.service[i * K + k] as number);
    const serviceSpread = LN_20_MINUS_1 * cost;
    path.mean = waitMean + cost + fixed;
    path.ex2 = spread * spread + serviceSpread * serviceSpread;
    path.base = fixed;
    path.ok = okShare;
    if (isLb) balancerPath(ctx, i, k, path, targets);
    else if (isWeb) {
      path.mean += scratch.memoMean[k] as number;
      path.ex2 += scratch.memoEx2[k] as number;
      path.base += scratch.memoBase[k] as number;
      path.ok *= scratch.memoOk[k] as number;
    }
    store(ctx, i, path, k);
  }
}

function balancerPath(ctx: FlowContext, i: number, k: number, path: Path, targets: number[] | null): void {
  if (targets === null) {
    path.ok = 0;
    return;
  }
  const targetShares = ctx.backwardScratch.targetShares;
  let ok = 0;
  for (let j = 0; j < targets.length; j++) {
    const t = targets[j] as number;
    const share = targetShares[j] as number;
    call(ctx, path, i, t, k, share, 1);
    ok += share * (ctx.reachable(i, t) ? (ctx.pathOk[t * K + k] as number) : 0);
  }
  path.ok *= ok;
}

/** The data part of a read of data set d by web server i: database lookups (shared by cache misses). */
function databaseRead(ctx: FlowContext, i: number, d: number, path: Path, share: number): number {
  const slot = ctx.readSplit[i * ctx.D + d] as number;
  if (slot < 0) return 0;
  const split = ctx.splits[slot]!;
  const lookups = ctx.table.lookups[i * ctx.D + d] as number;
  let ok = 0;
  for (let index = 0; index < split.targets.length; index++) {
    const db = split.targets[index] as number;
    const dbShare = split.shares[index] as number;
    call(ctx, path, i, db, READ, share * dbShare, lookups);
    ok += dbShare * powSmall(ctx.reachable(i, db) ? (ctx.pathOk[db * K + READ] as number) : 0, lookups);
  }
  return ok;
}

/** The downstream part of a web server's path: after its own work, its session lookup, its data (cache, database) or its queue. */
function webPath(ctx: FlowContext, i: number, k: number, path: Path): void {
  const { table, D } = ctx;
  if (k !== STATIC) {
    const sessionStore = table.sessionStoreOf[i] as number;
    if (ctx.ready(sessionStore)) {
      call(ctx, path, i, sessionStore, SESSION, 1, 1);
      path.ok *= ctx.reachable(i, sessionStore) ? (ctx.pathOk[sessionStore * K + SESSION] as number) : 0;
    }
  }
  if (k === JOB) {
    const queueIndex = table.queueOf[i] as number;
    if (queueIndex >= 0) {
      // The user waits for the hand-over only; the work itself happens later on a worker.
      call(ctx, path, i, queueIndex, JOB, 1, 1);
      path.ok *= ctx.reachable(i, queueIndex) ? (ctx.pathOk[queueIndex * K + JOB] as number) : 0;
    }
    return;
  }
  if (k !== READ && k !== WRITE) return;
  const cacheIndex = table.cacheOf[i] as number;
  const cached = ctx.ready(cacheIndex) && ctx.reachable(i, cacheIndex);
  const lookAside = cached && table.lookAside[cacheIndex] === 1;
  const writeThrough = cached && table.writeThrough[cacheIndex] === 1;
  const datasets = ctx.state.scenario.datasets;
  let dataOk = 0;
  for (let d = 0; d < D; d++) {
    const dataset = datasets[d]!;
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
        call(ctx, path, i, cacheIndex, READ, share, 1);
        const fromDb = databaseRead(ctx, i, d, path, share * miss);
        // A look-aside miss also stores the value it read.
        if (lookAside) call(ctx, path, i, cacheIndex, WRITE, share * miss, 1);
        const cacheOk = ctx.pathOk[cacheIndex * K + READ] as number;
        dataOk += share * Math.min(1, cacheOk * hit + miss * fromDb);
      } else {
        dataOk += share * databaseRead(ctx, i, d, path, share);
      }
    } else {
      const primary = (table.primaryOf[target] as number) >= 0 ? (table.primaryOf[target] as number) : target;
      const copies = table.writeCopies[i * D + d] as number;
      call(ctx, path, i, primary, WRITE, share, copies);
      let ok = ctx.usable(i, primary) > 0 ? powSmall(ctx.pathOk[primary * K + WRITE] as number, copies) : 0;
      if (writeThrough) {
        call(ctx, path, i, cacheIndex, WRITE, share, 1);
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
