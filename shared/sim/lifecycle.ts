/**
 * Time-driven changes to components: provisioning finishes, a rolling resize moves to the next
 * instance, a manual restart brings dead instances back. Nothing here is instant: the seed's
 * point that a new server is not there at once, and that scaling up means a restart.
 */
import { KINDS } from './catalogue';
import { endCrashesOf } from './incidents';
import type { ComponentState, SimState } from './state';
import { servingInstances } from './topology';

/** Advances every component's timers to the current tick. */
export function advanceLifecycles(state: SimState): void {
  for (const component of state.components) {
    let ready = 0;
    while (component.provisioning.length > 0 && (component.provisioning[0] as number) <= state.tick) {
      component.provisioning.shift();
      ready++;
    }
    if (ready > 0) {
      component.count += ready;
      state.lastEvents.push({ tick: state.tick, kind: 'componentReady', componentId: component.id, incidentId: null, detail: ready });
    }
    if (component.restartUntilTick >= 0 && component.restartUntilTick <= state.tick) {
      component.restartUntilTick = -1;
      component.down = 0;
      endCrashesOf(state, component.id);
    }
    if (component.kind === 'web' && component.settings.colocatedDb === true && hasReadyDatabase(state, component)) {
      // The data has moved to the dedicated database: the box now only serves the web tier.
      component.settings.colocatedDb = false;
      state.revision += 1;
    }
    const rolling = component.rolling;
    if (rolling !== null && rolling.untilTick <= state.tick) {
      rolling.remaining -= 1;
      if (rolling.remaining <= 0) {
        // Every instance has restarted on the new size.
        component.size = rolling.toSize;
        component.rolling = null;
      } else {
        rolling.untilTick = state.tick + KINDS[component.kind].restartTicks;
      }
    }
  }
}

function hasReadyDatabase(state: SimState, web: ComponentState): boolean {
  return web.targets.some((id) => {
    const target = state.components.find((c) => c.id === id);
    return target !== undefined && target.kind === 'db' && servingInstances(target) > 0;
  });
}
