/**
 * What every component's forward step shares: what reached it (per class, and the work it
 * brings), sending the share that reaches dead instances to failure, running its serving
 * instances as bounded queues (boundedQueue.ts) and recording the figures, and moving requests
 * it served to failed when something they need is gone.
 */
import { evaluatePoolInto, type PoolResult } from '../numerics/boundedQueue';
import type { ComponentState } from '../core/state';
import { vcpuOf } from '../core/topology';
import type { FlowContext } from './context';
import { K } from './routing';
import type { PoolOutcome } from './arrays';

/** Requests per second reaching component `i`'s live instances, over every class. */
export function aliveLambda(ctx: FlowContext, i: number): number {
  let lambda = 0;
  for (let k = 0; k < K; k++) lambda += ctx.inflow[i * K + k] as number;
  return lambda;
}

/** CPU seconds per second those requests bring: Σ rate × the class's work on the component. */
export function offeredWork(ctx: FlowContext, i: number): number {
  let work = 0;
  for (let k = 0; k < K; k++) work += (ctx.inflow[i * K + k] as number) * (ctx.table.service[i * K + k] as number);
  return work;
}

/** Σ rate × E[S²] over the request classes, each class's service exponential (E[S²] = 2·s²). */
export function offeredWork2(ctx: FlowContext, i: number): number {
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
export const ONE_WORK = -1;

/**
 * The squared coefficient of variation c_s² = E[S²]/E[S]² − 1 of the service time over the mix
 * of requests reaching a component, from Σ rate·work and Σ rate·E[S²]. Each class (or database
 * stream) takes an exponential time with its own mean: that is how the backward pass spreads
 * each class's work ((ln 20 − 1) × its mean above its mean), so the queue and the path agree. A
 * single class gives exactly 1 (M/M/c); a web server's mix of 2 ms files and 150 ms jobs about 11.
 */
export function serviceScv(lambda: number, work: number, work2: number): number {
  if (work2 === ONE_WORK || !(lambda > 0) || !(work > 0)) return 1;
  const scv = (work2 * lambda) / (work * work) - 1;
  // One class computes 2 − 1 up to rounding: keep it exactly exponential.
  if (scv > 1 - 1e-9 && scv < 1 + 1e-9) return 1;
  return scv > 0 ? scv : 0;
}

/** Sends the share `deadShare` of a component's arrivals to failure (dead parts, unreachable instances). */
export function failShare(ctx: FlowContext, i: number, deadShare: number): void {
  if (deadShare <= 0) return;
  const lambda = aliveLambda(ctx, i);
  ctx.add(ctx.deadIn, i, lambda * deadShare);
  for (let k = 0; k < K; k++) ctx.inflow[i * K + k] = (ctx.inflow[i * K + k] as number) * (1 - deadShare);
  ctx.workIn[i] = (ctx.workIn[i] as number) * (1 - deadShare);
  ctx.workIn2[i] = (ctx.workIn2[i] as number) * (1 - deadShare);
}

/**
 * Evaluates a pool and records its figures; `work` is CPU seconds per second offered, `work2` the
 * matching Σ rate × E[S²] (see serviceScv), or ONE_WORK.
 */
export function runPool(
  ctx: FlowContext,
  i: number,
  component: ComponentState,
  lambda: number,
  work: number,
  work2: number,
  instances: number,
): PoolOutcome {
  const scratch = ctx.forwardScratch;
  const pool = evaluatePoolInto(
    scratch.pool,
    scratch.queue,
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

function settle(ctx: FlowContext, i: number, component: ComponentState, lambda: number, pool: PoolResult): PoolOutcome {
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
  const outcome = ctx.forwardScratch.outcome;
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
export function countFailure(component: ComponentState, amount: number): void {
  const moved = Math.min(Math.max(0, amount), Math.max(0, component.figures.served));
  component.figures.failed += moved;
  component.figures.served -= moved;
}

/** Moves `amount` req/s of a component's served requests to failed, for every class it serves (a bad release). */
export function failAfter(ctx: FlowContext, i: number, component: ComponentState, amount: number): void {
  if (amount <= 0) return;
  component.figures.failed += amount;
  component.figures.served -= amount;
  const offered = component.figures.lambda;
  ctx.okShare[i] = offered > 0 ? Math.max(0, Math.min(1, 1 - component.figures.failed / offered)) : 1;
}
