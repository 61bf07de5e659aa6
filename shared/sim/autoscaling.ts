/**
 * Autoscaling of web groups: steer the instance count so that utilisation sits near the target,
 * within [min, max], no more often than the cool-down allows. New instances take the kind's
 * provisioning time, so a rule reacts late to a sudden spike, as real ones do. When the balancer
 * in front runs health checks, the group also replaces instances that died.
 */
import { KINDS, purchasePrice } from './catalogue';
import { retireDeadInstances } from './incidents';
import { logOutSessions } from './sessions';
import type { ComponentState, SimState } from './state';
import { servingInstances } from './topology';

/** Whether some balancer with health checks sends traffic to this component. */
function healthChecked(state: SimState, component: ComponentState): boolean {
  return state.components.some(
    (c) => c.kind === 'lb' && c.settings.healthChecks === true && c.targets.includes(component.id),
  );
}

/** Orders `count` instances if the team can pay for them; returns how many were ordered. */
function order(state: SimState, component: ComponentState, count: number): number {
  const price = purchasePrice(component.kind, component.size, state.scenario.priceFactor);
  const affordable = Math.max(0, Math.min(count, Math.floor(state.money / price)));
  for (let i = 0; i < affordable; i++) component.provisioning.push(state.tick + KINDS[component.kind].provisionTicks);
  state.money -= affordable * price;
  state.totals.spent += affordable * price;
  return affordable;
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
      order(state, component, dead);
    }
    if (state.tick - component.lastScaleTick < rule.cooldownTicks) continue;
    const serving = servingInstances(component);
    const planned = component.count + component.provisioning.length;
    const utilisation = Number.isFinite(component.figures.utilisation) ? component.figures.utilisation : 2;
    // Instances needed for the current load at the target utilisation.
    const needed = serving > 0 ? Math.ceil((serving * utilisation) / rule.targetUtilisation - 1e-9) : planned + 1;
    const desired = Math.max(rule.min, Math.min(rule.max, needed + (component.count - serving)));
    if (desired > planned) {
      if (order(state, component, desired - planned) > 0) markScaled(state, component, desired - planned);
    } else if (desired < component.count && component.provisioning.length === 0) {
      const removed = component.count - desired;
      const live = Math.max(0, removed - component.down);
      retireDeadInstances(state, component, removed);
      logOutSessions(state, component, live);
      component.count = desired;
      markScaled(state, component, -removed);
    }
  }
}

function markScaled(state: SimState, component: ComponentState, delta: number): void {
  component.lastScaleTick = state.tick;
  state.lastEvents.push({ tick: state.tick, kind: 'autoscaled', componentId: component.id, incidentId: null, detail: delta });
}
