/**
 * Incidents: random ones drawn from the seed (instance failures from each kind's failure rate on
 * the failure stream; spikes, bad deploys, outages, hotspots, lag spikes and partitions from the
 * world stream), scripted ones from the scenario, and injected ones from an instructor. Every
 * incident has a start, an effect the flow model sees, an end, and the tick service recovered.
 */
import { drawFrom } from '../core/rng';
import { logOutSessions } from './sessions';
import { WORLD_INCIDENTS, type IncidentType, type ScriptedIncident, type WorldIncident } from '../core/scenario';
import { TICKS_PER_DAY, type ComponentState, type IncidentRecord, type SimState } from '../core/state';
import { servingInstances } from '../core/topology';

/** Ticks after which the provider replaces a crashed instance if nobody restarts it (3 h). */
export const AUTO_REPAIR_TICKS = 180;

/** Incidents that are one dead instance each: they end when that instance is back or gone. */
const INSTANCE_FAILURES: readonly IncidentType[] = ['serverCrash', 'dbPrimaryFailure', 'replicaFailure', 'cacheNodeLoss'];

export function isInstanceFailure(type: IncidentType): boolean {
  return INSTANCE_FAILURES.includes(type);
}

interface IncidentDetails {
  target?: string | null;
  region?: string | null;
  peer?: string | null;
  magnitude: number;
  durationTicks: number;
}

function record(state: SimState, type: IncidentType, origin: IncidentRecord['origin'], details: IncidentDetails): IncidentRecord {
  const incident: IncidentRecord = {
    id: state.nextIncidentId++,
    type,
    target: details.target ?? null,
    startTick: state.tick,
    endTick: null,
    origin,
    magnitude: details.magnitude,
    expiresTick: state.tick + details.durationTicks,
    region: details.region ?? null,
    peer: details.peer ?? null,
    baselineAvailability: state.summary.availability,
    recoveredTick: null,
  };
  state.incidents.push(incident);
  state.lastEvents.push({
    tick: state.tick,
    kind: 'incidentStarted',
    componentId: incident.target,
    incidentId: incident.id,
    detail: details.magnitude,
  });
  return incident;
}

/** Ends an incident now and records it. */
function endIncident(state: SimState, incident: IncidentRecord): void {
  incident.endTick = state.tick;
  state.lastEvents.push({
    tick: state.tick,
    kind: 'incidentEnded',
    componentId: incident.target,
    incidentId: incident.id,
    detail: state.tick - incident.startTick,
  });
}

/** What losing one instance of this component is called: a primary, a replica, a cache node … */
function failureType(component: ComponentState): IncidentType {
  if (component.kind === 'db') return component.settings.replicaOf === undefined ? 'dbPrimaryFailure' : 'replicaFailure';
  if (component.kind === 'cache') return 'cacheNodeLoss';
  return 'serverCrash';
}

/** Kills one serving instance of a component. A cache node takes its share of the cached keys with it. */
export function crashInstance(state: SimState, component: ComponentState, origin: IncidentRecord['origin']): void {
  if (component.kind === 'cache' && component.count > 0) component.fill *= 1 - 1 / component.count;
  if (component.kind === 'queue' && component.settings.durable !== true && component.count > 0) {
    // A broker that keeps messages only in memory loses its share of them with the instance.
    const lost = component.messages / component.count;
    component.messages -= lost;
    state.totals.lostMessages += lost;
  }
  logOutSessions(state, component, 1);
  component.down += 1;
  record(state, failureType(component), origin, { target: component.id, magnitude: 1, durationTicks: AUTO_REPAIR_TICKS });
}

/** Starts the scenario's incidents scheduled for this tick. */
export function startScriptedIncidents(state: SimState): void {
  for (const scripted of state.scenario.incidents) {
    if (scripted.tick === state.tick) startIncident(state, scripted, 'scripted');
  }
}

/** Default strength of each world incident when a script does not say. */
const DEFAULT_MAGNITUDE: Record<WorldIncident, number> = {
  trafficSpike: 3,
  badDeploy: 0.3,
  cdnOutage: 1,
  dataCenterOutage: 1,
  hotspotKey: 0.3,
  replicationLagSpike: 120,
  regionPartition: 1,
};

/**
 * The component an instance failure described like `spec` would hit now: the one it names, or the
 * first serving one of the kind its type says; undefined when there is none serving.
 */
export function failureTarget(state: SimState, spec: Pick<ScriptedIncident, 'type' | 'target'>): ComponentState | undefined {
  const target = spec.target !== undefined ? state.components.find((c) => c.id === spec.target) : firstFailing(state, spec.type);
  return target !== undefined && servingInstances(target) > 0 ? target : undefined;
}

/** Starts one incident described like a scenario script (also used for injected incidents). */
export function startIncident(state: SimState, spec: ScriptedIncident, origin: IncidentRecord['origin']): void {
  // Running out of space follows from the data and the disks; a script cannot make it happen.
  if (spec.type === 'shardFull') return;
  if (isInstanceFailure(spec.type)) {
    const target = failureTarget(state, spec);
    if (target !== undefined) crashInstance(state, target, origin);
    return;
  }
  const type = spec.type as WorldIncident;
  record(state, type, origin, {
    target: spec.target ?? null,
    region: spec.region ?? (type === 'dataCenterOutage' || type === 'regionPartition' ? (state.scenario.regions[0]?.id ?? null) : null),
    peer: spec.peer ?? (type === 'regionPartition' ? (state.scenario.regions[1]?.id ?? null) : null),
    magnitude: spec.magnitude ?? DEFAULT_MAGNITUDE[type],
    durationTicks: spec.durationTicks ?? 60,
  });
}

/** The first component an untargeted failure script hits: the kind its name says. */
function firstFailing(state: SimState, type: IncidentType): ComponentState | undefined {
  return state.components.find((c) => servingInstances(c) > 0 && failureType(c) === type && (type !== 'serverCrash' || c.kind === 'web'));
}

/** Random numbers each world incident type consumes every tick, triggered or not. */
const DRAWS_PER_TYPE = 4;

/**
 * The strength, length and place of a world incident from its tick's draws (`draws[1..3]`; `draws[0]`
 * decided whether it happened). Every type takes the same number of draws every tick, so the world
 * stream runs the same for every team whatever they build.
 */
function worldIncidentDetails(state: SimState, type: WorldIncident, draws: readonly number[]): IncidentDetails {
  const regions = state.scenario.regions;
  const [, a = 0, b = 0, c = 0] = draws;
  const pick = (u: number) => regions[Math.min(regions.length - 1, Math.floor(u * regions.length))]!.id;
  switch (type) {
    case 'trafficSpike':
      return { magnitude: 1.5 + 2.5 * a, durationTicks: 30 + Math.floor(90 * b) };
    case 'badDeploy':
      return { magnitude: 0.2 + 0.3 * a, durationTicks: 60 + Math.floor(180 * b) };
    case 'cdnOutage':
      return { magnitude: 1, durationTicks: 20 + Math.floor(70 * a) };
    case 'dataCenterOutage':
      return { magnitude: 1, region: pick(a), durationTicks: 60 + Math.floor(180 * b) };
    case 'hotspotKey':
      return { magnitude: 0.1 + 0.3 * a, durationTicks: 30 + Math.floor(150 * b) };
    case 'replicationLagSpike':
      return { magnitude: 30 + 270 * a, durationTicks: 10 + Math.floor(50 * b) };
    case 'regionPartition': {
      const region = pick(a);
      const others = regions.filter((r) => r.id !== region);
      const peer = others.length > 0 ? others[Math.min(others.length - 1, Math.floor(c * others.length))]!.id : region;
      return { magnitude: 1, region, peer, durationTicks: 20 + Math.floor(100 * b) };
    }
  }
}

/**
 * World events from the world stream: the same draws every tick whatever the player does, so
 * teams with the same seed meet the same events at the same ticks. Only a team's own bad deploys
 * differ: they are likelier across several data centers without CI/CD, and rarer with it.
 */
export function drawWorldIncidents(state: SimState): void {
  const rates = state.scenario.randomIncidentsPerDay;
  drawFrom(state.rng.world, (uniform) => {
    for (const type of WORLD_INCIDENTS) {
      const draws: number[] = [];
      for (let d = 0; d < DRAWS_PER_TYPE; d++) draws.push(uniform());
      let rate = rates[type] ?? 0;
      if (type === 'badDeploy' && rate > 0) rate *= deployRiskFactor(state);
      if ((draws[0] as number) < rate / TICKS_PER_DAY) record(state, type, 'random', worldIncidentDetails(state, type, draws));
    }
  });
}

/** How much likelier a deploy is to go bad: each extra data center adds half without CI/CD; CI/CD cuts it to a third. */
export function deployRiskFactor(state: SimState): number {
  if (state.features.cicd) return 1 / 3;
  const dataCenters = new Set(state.components.filter((c) => c.kind === 'web').map((c) => c.region)).size;
  return 1 + 0.5 * Math.max(0, dataCenters - 1);
}

/**
 * Random instance failures from the failure stream: one draw per component per tick, in component
 * order; an instance fails with probability 1/MTBF per tick, so a component of n serving instances
 * loses one with probability n/MTBF (at most one per tick: MTBF is many ticks).
 */
export function drawCrashes(state: SimState): void {
  const mtbf = state.scenario.mtbfTicks;
  drawFrom(state.rng.failures, (uniform) => {
    for (const component of state.components) {
      const draw = uniform();
      const ticks = mtbf[component.kind] ?? 0;
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
    if (isInstanceFailure(incident.type)) {
      const target = state.components.find((c) => c.id === incident.target);
      if (target === undefined) {
        endIncident(state, incident); // removed: nothing left to repair
      } else if (incident.expiresTick <= state.tick) {
        target.down = Math.max(0, target.down - 1);
        endIncident(state, incident);
      }
    } else if (incident.type !== 'shardFull' && incident.expiresTick <= state.tick) {
      endIncident(state, incident);
    }
  }
}

/**
 * Takes `count` dead instances out of a component (replaced or retired) and closes as many of its
 * open failure incidents, oldest first, so the incident feed always matches the dead instances.
 */
export function retireDeadInstances(state: SimState, component: ComponentState, count: number): void {
  let left = Math.min(count, component.down);
  component.down -= left;
  for (const incident of state.incidents) {
    if (left === 0) break;
    if (incident.endTick === null && isInstanceFailure(incident.type) && incident.target === component.id) {
      endIncident(state, incident);
      left--;
    }
  }
}

/** Ends the failure incidents of a component whose dead instances all came back. */
export function endCrashesOf(state: SimState, componentId: string): void {
  for (const incident of state.incidents) {
    if (incident.endTick === null && isInstanceFailure(incident.type) && incident.target === componentId) {
      endIncident(state, incident);
    }
  }
}

/**
 * Opens an incident of `type` on `target` when a condition starts (a shard runs out of space) and
 * ends it when the condition clears: incidents the system's own state causes, not chance.
 */
export function trackCondition(state: SimState, type: IncidentType, target: string, active: boolean, magnitude: number): void {
  const open = state.incidents.find((incident) => incident.type === type && incident.target === target && incident.endTick === null);
  if (active && open === undefined) record(state, type, 'condition', { target, magnitude, durationTicks: 0 });
  else if (!active && open !== undefined) endIncident(state, open);
}

/** Active incidents of one type (the flow asks for outages, partitions, hotspots, lag spikes). */
export function activeIncidents(state: SimState, type: IncidentType): IncidentRecord[] {
  return state.incidents.filter((incident) => incident.type === type && incident.endTick === null);
}

/**
 * Records when service recovered from each incident: the first tick after its start at which
 * availability is back to what it was before, or meets the objective.
 */
export function recordRecoveries(state: SimState): void {
  const availability = state.summary.availability;
  const objective = state.scenario.objectives.availability;
  for (const incident of state.incidents) {
    if (incident.recoveredTick !== null || incident.startTick >= state.tick) continue;
    if (availability >= Math.min(incident.baselineAvailability, objective) - 1e-9) incident.recoveredTick = state.tick;
  }
}
