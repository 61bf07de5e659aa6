/**
 * Bench topologies: a realistic system of a given size, built through the sim's public API
 * (createSim, then `step` with command entries) exactly as a player would build it.
 *
 * Shape, repeated per "cell": one load balancer group as a region's DNS entry, in front of many
 * web groups (medium, 2–4 instances); one RDBMS sharded by user-id hash (one shard per
 * WEBS_PER_SHARD web groups' load, holding the `accounts` data set), and one partitioned NoSQL
 * group holding `activity`, both used by all of the cell's web groups. The sim gives each
 * region exactly one DNS entry and balancers cannot chain, so a second balancer in the same region
 * would carry no traffic: several balancers mean several regions, one cell each (all in Asia
 * Pacific, 20 ms apart).
 *
 * The scenario is the `constant-load` preset (structuredClone'd) without its initial topology,
 * with ample money and a request rate sized from the catalogue so that web groups run near
 * WEB_UTILISATION, balancers at most LB_UTILISATION and databases at most DB_UTILISATION.
 */
import { loadPreset } from '../../shared/scenarios';
import {
  createSim,
  ENGINES,
  KINDS,
  LB_WORK,
  MAX_COUNT,
  REQUEST_CLASSES,
  SIZE_NAMES,
  SIZES,
  step,
  WEB_STITCH_WORK,
  WEB_WORK,
  type Command,
  type CommandEntry,
  type DbEngine,
  type Scenario,
  type SimState,
  type SizeName,
} from '../../shared/sim';

/** Web groups per RDBMS shard. */
const WEBS_PER_SHARD = 4;
const WEB_SIZE: SizeName = 'medium';
const NOSQL_SIZE: SizeName = 'small';
/** Target utilisations: real load, nothing saturated. */
const WEB_UTILISATION = 0.55;
const LB_UTILISATION = 0.5;
const DB_UTILISATION = 0.6;
/** Ticks stepped after building so every order (databases take longest) is serving. */
const SETTLE_TICKS = 20;

const ACCOUNTS = 'accounts';
const ACTIVITY = 'activity';

export interface TopologySpec {
  /** Cells = regions = load balancers. */
  cells: number;
  /** Web groups per cell. */
  websPerCell: number;
}

export interface BuiltTopology {
  state: SimState;
  spec: TopologySpec;
  /** Components in the state (balancers + web groups + databases). */
  components: number;
  /** Instances ready, summed over all components. */
  instances: number;
  requestsPerSecond: number;
}

/** Components one cell of `webs` web groups has: balancer, web groups, sharded RDBMS, NoSQL. */
function cellComponents(webs: number): number {
  return 1 + webs + 1 + 1;
}

/** The cell layout whose component count is closest to `target` (ties: fewer components). */
export function specFor(target: number, cells: number): TopologySpec {
  let best: TopologySpec = { cells, websPerCell: 1 };
  let bestDistance = Infinity;
  for (let webs = 1; cellComponents(webs) * cells <= target * 2; webs++) {
    const distance = Math.abs(cellComponents(webs) * cells - target);
    if (distance < bestDistance) {
      best = { cells, websPerCell: webs };
      bestDistance = distance;
    }
  }
  return best;
}

/** Instance count of web group `w` of a cell: 2, 3, 4, 2, 3, 4, … */
const webCount = (w: number): number => 2 + (w % 3);

/** Request-class weights of the scenario's mix, normalised to sum to 1. */
export function classShares(scenario: Scenario): Record<(typeof REQUEST_CLASSES)[number], number> {
  const total = REQUEST_CLASSES.reduce((sum, cls) => sum + scenario.classMix[cls], 0);
  const shares = {} as Record<(typeof REQUEST_CLASSES)[number], number>;
  for (const cls of REQUEST_CLASSES) shares[cls] = scenario.classMix[cls] / total;
  return shares;
}

function dataset(scenario: Scenario, id: string) {
  const found = scenario.datasets.find((d) => d.id === id);
  if (found === undefined) throw new Error(`constant-load has no data set "${id}"`);
  return found;
}

/** CPU-seconds per second one request per second costs a database of `engine` holding `datasetId`. */
function dbWorkPerRequest(scenario: Scenario, engine: DbEngine, datasetId: string): number {
  const share = classShares(scenario);
  const data = dataset(scenario, datasetId);
  const spec = ENGINES[engine];
  const reads = engine === 'rdbms' ? spec.readWork + spec.joinWork * (data.joins - 1) : data.joins * spec.readWork; // one lookup per table
  return share.read * data.readShare * reads + share.write * data.writeShare * spec.writeWork;
}

/** Mean web CPU-seconds per request (RDBMS for accounts, NoSQL for activity). */
function webWorkPerRequest(scenario: Scenario): number {
  const share = classShares(scenario);
  let work = 0;
  for (const cls of REQUEST_CLASSES) work += share[cls] * WEB_WORK[cls];
  // NoSQL cannot join: the web tier stitches the extra lookups.
  work += share.read * dataset(scenario, ACTIVITY).readShare * (dataset(scenario, ACTIVITY).joins - 1) * WEB_STITCH_WORK;
  return work;
}

/** Smallest catalogue size whose vCPUs keep `cpu` (CPU-seconds per second) at or below `target`. */
function sizeFor(cpu: number, target: number): SizeName {
  for (const size of SIZE_NAMES) if (cpu / SIZES[size].vcpu <= target) return size;
  throw new Error(`no size carries ${cpu.toFixed(2)} CPU-seconds per second below ${target}`);
}

/** Requests per second a web group of `count` instances gets at WEB_UTILISATION. */
function webRps(scenario: Scenario, count: number): number {
  return (count * SIZES[WEB_SIZE].vcpu * WEB_UTILISATION) / webWorkPerRequest(scenario);
}

/** The bench scenario: constant-load, one region per cell, rich, with a request rate to match. */
function benchScenario(spec: TopologySpec): Scenario {
  const base = loadPreset('constant-load');
  const scenario = structuredClone(base);
  const home = base.regions[0];
  if (home === undefined) throw new Error('constant-load has no region');
  const ids = Array.from({ length: spec.cells }, (_, c) => (c === 0 ? home.id : `${home.id}${c + 1}`));
  const localRtt = base.latencyMs[home.id]?.[home.id] ?? 20;
  scenario.regions = ids.map((id, c) => ({
    ...structuredClone(home),
    id,
    name: { en: `${home.name.en} ${c + 1}`, ko: `${home.name.ko} ${c + 1}` },
  }));
  scenario.latencyMs = Object.fromEntries(ids.map((a) => [a, Object.fromEntries(ids.map((b) => [b, a === b ? localRtt : 2 * localRtt]))]));
  scenario.initialTopology = [];
  scenario.startMoney = 1e9;
  let cellRps = 0;
  for (let w = 0; w < spec.websPerCell; w++) cellRps += webRps(base, webCount(w));
  // Constant mode splits the rate over regions by initial users: equal users, equal cells.
  scenario.traffic = { mode: 'constant', requestsPerSecond: cellRps * spec.cells };
  return scenario;
}

/** Steps once with `commands` as this tick's entries; throws when any is refused. Returns the ids they created (null: none). */
export function send(state: SimState, commands: Command[]): (string | null)[] {
  const entries: CommandEntry[] = commands.map((command, seq) => ({ tick: state.tick, team: 'a', player: 'p', seq, command }));
  step(state, entries);
  return commands.map((command, i) => {
    const outcome = state.lastOutcomes[i];
    if (outcome === undefined || !outcome.ok) {
      throw new Error(`bench setup: ${JSON.stringify(command)} refused (${outcome?.reason ?? 'no outcome'})`);
    }
    return outcome.createdId;
  });
}

/** The id command `index` of a `send` created (throws when it created none). */
export function created(ids: (string | null)[], index: number): string {
  const id = ids[index];
  if (id === undefined || id === null) throw new Error(`bench setup: no id for command ${index}`);
  return id;
}

/** Builds the topology with commands, then steps SETTLE_TICKS so everything serves. */
export function buildTopology(spec: TopologySpec, seed = 1): BuiltTopology {
  const scenario = benchScenario(spec);
  const state = createSim(scenario, seed);
  const shards = Math.ceil(spec.websPerCell / WEBS_PER_SHARD);
  const cellRps = scenario.traffic.mode === 'constant' ? scenario.traffic.requestsPerSecond / spec.cells : 0;

  // Tick 0: every purchase, in a fixed order per cell: balancer, web groups, shards.
  const buys: Command[] = [];
  for (const region of scenario.regions) {
    const lbCount = Math.max(1, Math.ceil((cellRps * LB_WORK) / (SIZES[KINDS.lb.sizes[0]!].vcpu * LB_UTILISATION)));
    buys.push({ type: 'buy', kind: 'lb', region: region.id, count: lbCount });
    for (let w = 0; w < spec.websPerCell; w++)
      buys.push({ type: 'buy', kind: 'web', region: region.id, size: WEB_SIZE, count: webCount(w) });
    // Size one shard for the busiest WEBS_PER_SHARD web groups' share of the accounts load.
    let shardRps = 0;
    for (let w = 0; w < Math.min(spec.websPerCell, WEBS_PER_SHARD); w++) shardRps += webRps(scenario, webCount(w));
    buys.push({
      type: 'buy',
      kind: 'db',
      region: region.id,
      engine: 'rdbms',
      size: sizeFor(shardRps * dbWorkPerRequest(scenario, 'rdbms', ACCOUNTS), DB_UTILISATION),
    });
    const nosqlCpu = cellRps * dbWorkPerRequest(scenario, 'nosql', ACTIVITY);
    const nosqlCount = Math.min(MAX_COUNT, Math.max(2, Math.ceil(nosqlCpu / (SIZES[NOSQL_SIZE].vcpu * DB_UTILISATION))));
    buys.push({ type: 'buy', kind: 'db', region: region.id, engine: 'nosql', size: NOSQL_SIZE, count: nosqlCount });
  }
  const ids = send(state, buys);

  // Tick 1: wiring and settings.
  const wiring: Command[] = [];
  let next = 0;
  for (let c = 0; c < spec.cells; c++) {
    const lb = created(ids, next++);
    const webs: string[] = [];
    for (let w = 0; w < spec.websPerCell; w++) webs.push(created(ids, next++));
    wiring.push({ type: 'connect', from: 'users', to: lb }, { type: 'configure', id: lb, healthChecks: true });
    for (const web of webs) wiring.push({ type: 'connect', from: lb, to: web });
    const rdbms = created(ids, next++);
    const nosql = created(ids, next++);
    wiring.push({ type: 'configure', id: nosql, datasets: [ACTIVITY] });
    // One RDBMS for the cell, spread over `shards` shards by a hash of the user id.
    wiring.push({ type: 'configure', id: rdbms, datasets: [ACCOUNTS], shardKey: 'userIdHash' });
    if (shards > 1) wiring.push({ type: 'scale', id: rdbms, count: shards });
    for (const web of webs) wiring.push({ type: 'connect', from: web, to: rdbms }, { type: 'connect', from: web, to: nosql });
  }
  send(state, wiring);
  return settle(state, spec, cellRps * spec.cells);
}

/**
 * Steps SETTLE_TICKS so that everything ordered serves (throws if anything is still being
 * provisioned: the step measured would not be the built system's), and describes the result.
 */
export function settle(state: SimState, spec: TopologySpec, requestsPerSecond: number): BuiltTopology {
  for (let t = 0; t < SETTLE_TICKS; t++) step(state, []);
  const waiting = state.components.filter((c) => c.provisioning.length > 0).length;
  if (waiting > 0) throw new Error(`bench setup: ${waiting} components still provisioning after ${SETTLE_TICKS} ticks`);
  return {
    state,
    spec,
    components: state.components.length,
    instances: state.components.reduce((sum, c) => sum + c.count, 0),
    requestsPerSecond,
  };
}
