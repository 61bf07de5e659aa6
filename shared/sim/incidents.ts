/**
 * Incidents: random ones drawn from the seed (server crashes from each instance's failure rate,
 * traffic spikes and bad deploys from the world's rate), scripted ones from the scenario. Every
 * incident has a start, an effect the flow model sees, and an end that is recorded for the
 * incident feed and the debrief.
 */
import { drawFrom } from './rng';
import type { IncidentType, ScriptedIncident } from './scenario';
import { TICKS_PER_DAY, type ComponentState, type IncidentRecord, type SimState } from './state';
import { servingInstances } from './topology';

/** Ticks after which the provider replaces a crashed instance if nobody restarts it (3 h). */
export const AUTO_REPAIR_TICKS = 180;

function record(
  state: SimState,
  type: IncidentType,
  target: string | null,
  origin: IncidentRecord['origin'],
  magnitude: number,
  durationTicks: number,
): IncidentRecord {
  const incident: IncidentRecord = {
    id: state.nextIncidentId++,
    type,
    target,
    startTick: state.tick,
    endTick: null,
    origin,
    magnitude,
    expiresTick: state.tick + durationTicks,
  };
  state.incidents.push(incident);
  state.lastEvents.push({ tick: state.tick, kind: 'incidentStarted', componentId: target, incidentId: incident.id, detail: magnitude });
  return incident;
}

/** Ends an incident now and records it. */
export function endIncident(state: SimState, incident: IncidentRecord): void {
  incident.endTick = state.tick;
  state.lastEvents.push({ tick: state.tick, kind: 'incidentEnded', componentId: incident.target, incidentId: incident.id, detail: state.tick - incident.startTick });
}

/** Crashes one serving instance of a component. */
export function crashInstance(state: SimState, component: ComponentState, origin: IncidentRecord['origin']): void {
  component.down += 1;
  record(state, 'serverCrash', component.id, origin, 1, AUTO_REPAIR_TICKS);
}

/** Starts the scenario's incidents scheduled for this tick. */
export function startScriptedIncidents(state: SimState): void {
  for (const scripted of state.scenario.incidents) {
    if (scripted.tick === state.tick) startIncident(state, scripted, 'scripted');
  }
}

/** Starts one incident described like a scenario script (also used for injected incidents). */
export function startIncident(state: SimState, spec: ScriptedIncident, origin: IncidentRecord['origin']): void {
  if (spec.type === 'serverCrash') {
    const target = spec.target !== undefined ? state.components.find((c) => c.id === spec.target) : firstServing(state, 'web');
    if (target !== undefined && servingInstances(target) > 0) crashInstance(state, target, origin);
    return;
  }
  const magnitude = spec.magnitude ?? (spec.type === 'trafficSpike' ? 3 : 0.3);
  record(state, spec.type, null, origin, magnitude, spec.durationTicks ?? 60);
}

function firstServing(state: SimState, kind: ComponentState['kind']): ComponentState | undefined {
  return state.components.find((c) => c.kind === kind && servingInstances(c) > 0);
}

/**
 * World events from the world stream: the same two draws every tick whatever the player does,
 * so teams with the same seed meet the same spikes and bad deploys at the same ticks.
 */
export function drawWorldIncidents(state: SimState): void {
  const rates = state.scenario.randomIncidentsPerDay;
  drawFrom(state.rng.world, (uniform) => {
    const spikeDraw = uniform();
    const deployDraw = uniform();
    if (spikeDraw < rates.trafficSpike / TICKS_PER_DAY) {
      const magnitude = 1.5 + 2.5 * uniform();
      const duration = 30 + Math.floor(90 * uniform());
      record(state, 'trafficSpike', null, 'random', magnitude, duration);
    }
    if (deployDraw < rates.badDeploy / TICKS_PER_DAY) {
      const magnitude = 0.2 + 0.3 * uniform();
      const duration = 60 + Math.floor(180 * uniform());
      record(state, 'badDeploy', null, 'random', magnitude, duration);
    }
  });
}

/**
 * Random crashes from the failure stream: one draw per component per tick, in component order;
 * an instance fails with probability 1/MTBF per tick, so a component of n serving instances
 * loses one with probability n/MTBF (at most one per tick: MTBF is many ticks).
 */
export function drawCrashes(state: SimState): void {
  const mtbf = state.scenario.mtbfTicks;
  drawFrom(state.rng.failures, (uniform) => {
    for (const component of state.components) {
      const draw = uniform();
      const ticks = mtbf[component.kind];
      if (ticks <= 0) continue;
      const serving = servingInstances(component);
      if (serving > 0 && draw < serving / ticks) crashInstance(state, component, 'random');
    }
  });
}

/** Ends timed incidents and repairs instances whose automatic replacement time has come. */
export function expireIncidents(state: SimState): void {
  for (const incident of state.incidents) {
    if (incident.endTick !== null) continue;
    if (incident.type === 'serverCrash') {
      const target = state.components.find((c) => c.id === incident.target);
      if (target === undefined) {
        endIncident(state, incident); // removed: nothing left to repair
      } else if (incident.expiresTick <= state.tick) {
        target.down = Math.max(0, target.down - 1);
        endIncident(state, incident);
      }
    } else if (incident.expiresTick <= state.tick) {
      endIncident(state, incident);
    }
  }
}

/**
 * Takes `count` dead instances out of a component (replaced or retired) and closes as many of its
 * open crash incidents, oldest first, so the incident feed always matches the dead instances.
 */
export function retireDeadInstances(state: SimState, component: ComponentState, count: number): void {
  let left = Math.min(count, component.down);
  component.down -= left;
  for (const incident of state.incidents) {
    if (left === 0) break;
    if (incident.endTick === null && incident.type === 'serverCrash' && incident.target === component.id) {
      endIncident(state, incident);
      left--;
    }
  }
}

/** Ends the crash incidents of a component whose dead instances all came back. */
export function endCrashesOf(state: SimState, componentId: string): void {
  for (const incident of state.incidents) {
    if (incident.endTick === null && incident.type === 'serverCrash' && incident.target === componentId) {
      endIncident(state, incident);
    }
  }
}
