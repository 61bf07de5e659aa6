/**
 * Time-driven changes to components: provisioning finishes, a rolling resize moves to the next
 * instance, a manual restart brings dead instances back, a promotion makes a replica the primary,
 * a resharding switches to its new layout. Nothing here is instant: the seed's point that a new
 * server is not there at once, and that scaling up means a restart.
 */
import { KINDS } from './catalogue';
import { activeIncidents, endCrashesOf, retireDeadInstances } from './incidents';
import type { ComponentState, SimState } from '../core/state';
import { keepsLocalSessions } from './sessions';
import { servingInstances } from '../core/topology';

/** Ticks over which a sticky balancer moves sessions onto a new web server (new sessions only). */
export const STICKY_RAMP_TICKS = 30;

/**
 * How many servers' worth of a web group's share the newest servers have not taken yet (sticky
 * sessions): each ramps linearly to a full share over STICKY_RAMP_TICKS.
 */
function stillFresh(state: SimState, component: ComponentState): number {
  const fresh = component.extra.freshInstances ?? 0;
  if (fresh <= 0) return 0;
  const progress = Math.min(1, (state.tick - (component.extra.freshSince ?? 0)) / STICKY_RAMP_TICKS);
  return fresh * (1 - progress);
}

/**
 * Live servers taken out of a web group (scaled in, removed) go newest first: those still filling
 * up with sessions leave before the old ones.
 */
export function retireFreshInstances(component: ComponentState, live: number): void {
  const fresh = component.extra.freshInstances ?? 0;
  if (fresh <= 0 || live <= 0) return;
  if (fresh <= live) {
    delete component.extra.freshInstances;
    delete component.extra.freshSince;
  } else component.extra.freshInstances = fresh - live;
}

/** Advances every component's timers to the current tick. */
export function advanceLifecycles(state: SimState): void {
  for (const component of [...state.components]) {
    let ready = 0;
    while (component.provisioning.length > 0 && (component.provisioning[0] as number) <= state.tick) {
      component.provisioning.shift();
      ready++;
    }
    if (ready > 0) {
      component.count += ready;
      state.lastEvents.push({ tick: state.tick, kind: 'componentReady', componentId: component.id, incidentId: null, detail: ready });
      if (component.kind === 'web' && component.count > ready && keepsLocalSessions(state, component)) {
        // Sticky sessions: existing users stay on the old servers; the new ones fill up slowly.
        // Servers still filling up carry the part of a share they have not taken yet into the new
        // ramp (rather than starting over), so instances arriving one after another never push
        // the load back onto the oldest servers.
        component.extra.freshInstances = stillFresh(state, component) + ready;
        component.extra.freshSince = state.tick;
      }
    }
    if ((component.extra.freshInstances ?? 0) > 0 && state.tick - (component.extra.freshSince ?? 0) >= STICKY_RAMP_TICKS) {
      delete component.extra.freshInstances;
      delete component.extra.freshSince;
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
    if (component.promoteAtTick >= 0 && component.promoteAtTick <= state.tick) promote(state, component);
    const resharding = component.resharding;
    if (resharding !== null && resharding.untilTick <= state.tick) {
      // The copy is done: the new layout takes over (extra shards were bought when it started).
      component.settings.shardKey = resharding.key;
      const shrinkBy = Math.max(0, component.count - resharding.shards);
      retireDeadInstances(state, component, shrinkBy);
      component.count = resharding.shards;
      component.down = Math.min(component.down, component.count);
      component.resharding = null;
      for (const replica of state.components) {
        if (replica.settings.replicaOf === component.id) {
          // The replicas were resharded alongside (their extra instances were paid for at the start).
          retireDeadInstances(state, replica, Math.max(0, replica.count - resharding.shards));
          replica.settings.shardKey = resharding.key;
          replica.count = resharding.shards;
          replica.down = Math.min(replica.down, replica.count);
        }
      }
      state.revision += 1;
    }
  }
}

/**
 * A replica becomes the primary: the old primary (dead or alive) becomes its replica, the other
 * replicas follow the new primary, and clients reconnect to it. Writes the old primary took but
 * had not yet shipped to this replica are lost if the old primary is dead.
 */
function promote(state: SimState, replica: ComponentState): void {
  replica.promoteAtTick = -1;
  const oldId = replica.settings.replicaOf;
  const old = state.components.find((c) => c.id === oldId);
  delete replica.settings.replicaOf;
  if (old !== undefined) {
    if (outOfService(state, old)) {
      state.totals.lostWrites += (old.extra.writeRate ?? 0) * (replica.extra.replicationLag ?? 0);
    }
    replica.settings.failover = old.settings.failover ?? 'manual';
    old.settings.replicaOf = replica.id;
    for (const other of state.components) {
      if (other !== replica && other.settings.replicaOf === old.id) other.settings.replicaOf = replica.id;
      other.targets = other.targets.map((t) => (t === old.id ? replica.id : t)).filter((t, index, all) => all.indexOf(t) === index);
    }
  }
  replica.lagSeconds = 0;
  state.revision += 1;
}

function hasReadyDatabase(state: SimState, web: ComponentState): boolean {
  return web.targets.some((id) => {
    const target = state.components.find((c) => c.id === id);
    return target !== undefined && target.kind === 'db' && servingInstances(target) > 0;
  });
}

/** Whether a component serves nothing: all instances down, or its data center is out. */
function outOfService(state: SimState, component: ComponentState): boolean {
  if (servingInstances(component) === 0) return true;
  return activeIncidents(state, 'dataCenterOutage').some((incident) => incident.region === component.region);
}
