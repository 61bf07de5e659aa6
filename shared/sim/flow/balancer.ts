/**
 * A load balancer's forward step: its own pool, then what it accepted spread over its targets
 * in proportion to the instances in its rotation (all of them, or only usable ones with health
 * checks), the share that reaches dead instances failing there, and nothing across a partition.
 */
import type { ComponentState } from '../core/state';
import type { FlowContext } from './context';
import { ONE_WORK, aliveLambda, countFailure, failAfter, offeredWork, runPool } from './pool';
import { K } from './routing';

/** Balancer `i`'s forward step. */
export function balancer(ctx: FlowContext, i: number, component: ComponentState): void {
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
