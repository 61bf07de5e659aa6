/**
 * Autoscaling of web groups: steer the instance count so that utilisation sits near the target,
 * within [min, max], no more often than the cool-down allows. New instances take the kind's
 * provisioning time, so a rule reacts late to a sudden spike, as real ones do. When the balancer
 * in front runs health checks, the group also replaces instances that died.
 *
 * What it costs: the instances a rule keeps as its minimum are bought like any other (purchase
 * price, then running cost); the ones it adds above the minimum for a peak are rented, as cloud
 * instances are: running cost only, for as long as they run. Riding a peak with autoscaling so
 * costs less than keeping the peak's servers all day, which is the point of it.
 */
import { KINDS, purchasePrice } from './catalogue';
import { retireDeadInstances } from './incidents';
import { retireFreshInstances } from './lifecycle';
import { logOutSessions } from './sessions';
import type { ComponentState, SimState } from '../core/state';
import { servingInstances } from '../core/topology';

/** Whether some balancer with health checks sends traffic to this component. */
function healthChecked(state: SimState, component: ComponentState): boolean {
  return state.components.some((c) => c.kind === 'lb' && c.settings.healthChecks === true && c.targets.includes(component.id));
}

/**
 * Orders `count` instances: those that bring the group up to `min` are bought if the team can pay
 * for them (the rest of those are not ordered); those above `min` are rented at no purchase price.
 * Returns how many were ordered.
 */
function order(state: SimState, component: ComponentState, count: number, min: number): number {
  const planned = component.count + component.provisioning.length;
  const toBuy = Math.max(0, Math.min(count, min - planned));
  const price = purchasePrice(component.kind, component.size, state.scenario.priceFactor);
  const bought = Math.max(0, Math.min(toBuy, Math.floor(state.money / price)));
  const ordered = bought + (count - toBuy);
  for (let i = 0; i < ordered; i++) component.provisioning.push(state.tick + KINDS[component.kind].provisionTicks);
  state.money -= bought * price;
  state.totals.spent += bought * price;
  return ordered;
}

/** Runs every enabled rule once, after the tick's flow has set the utilisation. */
export function runAutoscaling(state: SimState): void {
  for (const component of state.components) {
    const rule = component.settings.autoscaling;
    // A box that hosts its database stays one box; a resize finishes before the count moves.
    if (rule === undefined || !rule.enabled || component.rolling !== null || component.settings.colocatedDb === true) continue;
    if (component.down > 0 && healthChecked(state, component)) {
      // Health checks flag the dead instances: terminate and replace them.
      const dead = component.down;
      retireDeadInstances(state, component, dead);
      component.count -= dead;
      order(state, component, dead, rule.min);
    }
    if (state.tick - component.lastScaleTick < rule.cooldownTicks) continue;
    const serving = servingInstances(component);
    const planned = component.count + component.provisioning.length;
    const utilisation = Number.isFinite(component.figures.utilisation) ? component.figures.utilisation : 2;
    // Instances needed for the current load at the target utilisation.
    const needed = serving > 0 ? Math.ceil((serving * utilisation) / rule.targetUtilisation - 1e-9) : planned + 1;
    const desired = Math.max(rule.min, Math.min(rule.max, needed + (component.count - serving)));
    if (desired > planned) {
      if (order(state, component, desired - planned, rule.min) > 0) markScaled(state, component, desired - planned);
    } else if (desired < component.count && component.provisioning.length === 0) {
      const removed = component.count - desired;
      const live = Math.max(0, removed - component.down);
      retireDeadInstances(state, component, removed);
      logOutSessions(state, component, live);
      retireFreshInstances(component, live);
      component.count = desired;
      markScaled(state, component, -removed);
    }
  }
}

function markScaled(state: SimState, component: ComponentState, delta: number): void {
  component.lastScaleTick = state.tick;
  state.lastEvents.push({ tick: state.tick, kind: 'autoscaled', componentId: component.id, incidentId: null, detail: delta });
}
