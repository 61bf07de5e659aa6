/**
 * The public face of the simulation: create a state from a scenario and a seed, step it one
 * tick with that tick's commands, replay a command log. `step` changes the state it is given
 * and returns it (copying a large state every tick would cost more than the tick itself);
 * callers that need the state before the step keep a `cloneState` of it. Everything a step
 * depends on is in the state and the commands: a workspace only lends the flow arrays to work in
 * (see flow/workspace.ts), and every tick resets what it reads.
 */
import { executeCommand } from '../commands/apply';
import { defaultSettings, newComponent } from './newComponent';
import { runAutoscaling } from '../rules/autoscaling';
import { KINDS, type SizeName } from '../rules/catalogue';
import { compareEntries, USERS, type CommandEntry } from '../commands/command';
import { costPerDay, settleTick } from '../rules/economy';
import { FlowWorkspace, runFlow } from '../flow/index';
import { drawCrashes, drawWorldIncidents, expireIncidents, recordRecoveries, startScriptedIncidents } from '../rules/incidents';
import { advanceLifecycles } from '../rules/lifecycle';
import { seedStreams } from './rng';
import { REQUEST_CLASSES, type PerClass, type Scenario } from './scenario';
import { SIM_VERSION, type CommandOutcome, type SimState } from './state';
import { ALLOWED_LINKS } from './topology';

export { FlowWorkspace } from '../flow/index';

function zeroPerClass(): PerClass {
  const result = {} as PerClass;
  for (const cls of REQUEST_CLASSES) result[cls] = 0;
  return result;
}

/** A new game: the scenario's starting money, users and initial topology, ready at tick 0. */
export function createSim(scenario: Scenario, seed: number): SimState {
  const state: SimState = {
    version: SIM_VERSION,
    scenario: structuredCloneJson(scenario),
    seed: seed | 0,
    tick: 0,
    rng: seedStreams(seed | 0),
    nextComponentId: 1,
    revision: 0,
    nextIncidentId: 1,
    money: scenario.startMoney,
    regions: scenario.regions.map((r) => ({ id: r.id, users: r.initialUsers, satisfaction: 1 })),
    components: [],
    entries: {},
    geoWeights: {},
    features: { hostMetrics: false, aggregatedMetrics: false, businessMetrics: false, logAggregation: false, alerts: false, cicd: false },
    incidents: [],
    summary: {
      onlineUsers: 0,
      dau: scenario.regions.reduce((sum, r) => sum + r.initialUsers, 0),
      offered: zeroPerClass(),
      requestsPerSecond: 0,
      successRate: 1,
      availability: 1,
      errorRate: 0,
      p50LatencyMs: 0,
      p95LatencyMs: 0,
      revenuePerDay: 0,
      costPerDay: 0,
      satisfaction: 1,
    },
    totals: {
      peakDau: 0,
      requests: 0,
      goodRequests: 0,
      failedRequests: 0,
      revenue: 0,
      spent: 0,
      staleReads: 0,
      lostWrites: 0,
      lostMessages: 0,
      loggedOutUsers: 0,
      staleAssets: 0,
      cdnGb: 0,
    },
    lastOutcomes: [],
    lastEvents: [],
    links: { from: [], to: [], rates: [], users: { region: [], to: [], rates: [] } },
    gameOver: null,
  };
  // The starting system is already running: it was bought before the game began.
  const ids: string[] = [];
  for (const initial of scenario.initialTopology) {
    const id = `${initial.kind}-${state.nextComponentId++}`;
    ids.push(id);
    const size = (initial.size ?? KINDS[initial.kind].sizes[0]) as SizeName;
    const settings = defaultSettings(
      initial.kind,
      initial.engine ?? 'rdbms',
      scenario.datasets.map((d) => d.id),
    );
    if (initial.kind === 'web') settings.colocatedDb = initial.colocatedDb ?? false;
    if (initial.kind === 'db' && initial.shardKey !== undefined) settings.shardKey = initial.shardKey;
    const component = newComponent(id, initial.kind, initial.region, size, settings);
    component.count = initial.count ?? 1;
    state.components.push(component);
  }
  // Links follow the same rules as `connect` (the scenario schema refuses the others).
  scenario.initialTopology.forEach((initial, index) => {
    for (const from of initial.connectFrom ?? []) {
      if (from === USERS) {
        if (ALLOWED_LINKS.users.includes(initial.kind)) state.entries[initial.region] = ids[index]!;
      } else if (ALLOWED_LINKS[state.components[from]!.kind].includes(initial.kind)) {
        state.components[from]!.targets.push(ids[index]!);
      }
    }
  });
  state.summary.costPerDay = costPerDay(state);
  return state;
}

/**
 * The workspace of callers that bring none (a fresh one per step would cost small systems about
 * as much as the step itself). It is scratch only: each tick resets every slot it reads, so
 * sharing it between states and callers changes no result (the determinism tests step with it
 * and replay with a workspace of their own, and compare hashes). The sim is synchronous, so two
 * steps never use it at once.
 */
const SHARED_WORKSPACE = new FlowWorkspace();

/**
 * Advances the state by one tick. `commands` are the log entries for this tick (entries for other
 * ticks are ignored); they apply first, in (tick, team, player, seq) order, whatever order they came in.
 * `workspace` lends the flow its arrays; any workspace gives the same result.
 */
export function step(state: SimState, commands: readonly CommandEntry[] = [], workspace: FlowWorkspace = SHARED_WORKSPACE): SimState {
  state.lastEvents = [];
  const outcomes: CommandOutcome[] = [];
  const due = commands.filter((entry) => entry.tick === state.tick).sort(compareEntries);
  for (const entry of due) {
    const result = executeCommand(state, entry.command, true);
    outcomes.push({
      team: entry.team,
      player: entry.player,
      seq: entry.seq,
      ok: result.ok,
      reason: result.ok ? null : result.reason,
      createdId: result.ok ? result.createdId : null,
    });
  }
  state.lastOutcomes = outcomes;
  if (state.gameOver !== null) return state;

  advanceLifecycles(state);
  expireIncidents(state);
  startScriptedIncidents(state);
  drawWorldIncidents(state);
  drawCrashes(state);
  const flow = runFlow(state, workspace);
  settleTick(state, flow);
  recordRecoveries(state);
  runAutoscaling(state);

  state.tick += 1;
  const duration = state.scenario.objectives.durationTicks;
  if (state.money < 0) state.gameOver = { tick: state.tick, reason: 'bankrupt' };
  else if (duration !== undefined && state.tick >= duration) state.gameOver = { tick: state.tick, reason: 'finished' };
  if (state.gameOver !== null) {
    state.lastEvents.push({ tick: state.tick, kind: 'gameOver', componentId: null, incidentId: null, detail: state.money });
  }
  return state;
}

/** Runs a whole game from scratch: the basis of replays, crash recovery and golden tests. */
export function replay(
  scenario: Scenario,
  seed: number,
  commandLog: readonly CommandEntry[],
  ticks: number,
  onTick?: (state: SimState) => void,
): SimState {
  const state = createSim(scenario, seed);
  const byTick = groupByTick(commandLog);
  const workspace = new FlowWorkspace();
  for (let t = 0; t < ticks; t++) {
    step(state, byTick.get(state.tick) ?? [], workspace);
    onTick?.(state);
  }
  return state;
}

/** Log entries grouped by tick, so a long replay does not rescan the whole log each tick. */
export function groupByTick(commandLog: readonly CommandEntry[]): Map<number, CommandEntry[]> {
  const map = new Map<number, CommandEntry[]>();
  for (const entry of commandLog) {
    const list = map.get(entry.tick);
    if (list === undefined) map.set(entry.tick, [entry]);
    else list.push(entry);
  }
  return map;
}

/** A deep copy, for forecasts and for keeping the state before a step. */
export function cloneState(state: SimState): SimState {
  return structuredCloneJson(state);
}

/** Deep copy of JSON data without relying on host APIs outside ECMAScript. */
function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
