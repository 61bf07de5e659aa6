/**
 * The parts of routing that change only when the player changes the system: evaluation order,
 * targets as indices, which store each web server calls, which database is the primary of each
 * data set for each web server, the replicas of each primary, the workers of each queue, and the
 * CPU each request class costs. Rebuilt when the state's revision moves, otherwise reused tick
 * after tick (the cache holds derived data only; the state stays the single source of truth).
 */
import {
  COLOCATED_DB_SLOWDOWN,
  ENGINES,
  ENQUEUE_WORK,
  KINDS,
  LB_WORK,
  MEMORY_STORE_WORK,
  WEB_STITCH_WORK,
  WEB_WORK,
} from '../rules/catalogue';
import { CLASS_COUNT, REQUEST_CLASSES } from '../core/scenario';
import type { DbEngine } from '../vocabulary';
import type { ComponentState, SimState } from '../core/state';
import { evaluationOrder, indexComponents } from '../core/topology';
import { buildLinks, buildUserLinks, type LinkTable, type UserLinkTable } from './linkTable';

export const K = CLASS_COUNT;
export const STATIC = REQUEST_CLASSES.indexOf('static');
export const READ = REQUEST_CLASSES.indexOf('read');
export const WRITE = REQUEST_CLASSES.indexOf('write');
export const SESSION = REQUEST_CLASSES.indexOf('session');
export const JOB = REQUEST_CLASSES.indexOf('job');

/** Dataset routing markers for a web server. */
export const NO_DATABASE = -1;
export const ON_THIS_BOX = -2;

/** Web CPU for handing a job to a queue instead of doing it (serialise and send one message). */
export const WEB_ENQUEUE_WORK = 0.002;

/** The routing of one topology; its links are numbered as linkTable.ts says. */
export interface RoutingTable extends LinkTable, UserLinkTable {
  revision: number;
  components: readonly ComponentState[];
  count: number;
  indexById: Map<string, number>;
  /** Component indices by tier. */
  order: number[];
  targetIndex: number[][];
  /** Per web server and data set (i·D + d): the database it writes to, NO_DATABASE or ON_THIS_BOX. */
  dbTarget: Int32Array;
  /** Per web server and data set: database queries one read needs (joins on NoSQL, 1 on an RDBMS). */
  lookups: Float64Array;
  /** Per web server and data set: rows one write touches (more when data is kept denormalised). */
  writeCopies: Float64Array;
  /** Per web server and data set: database CPU seconds of one of those lookups. */
  lookupWork: Float64Array;
  /** Per web server: the cache, session store and queue it calls (−1: none). */
  cacheOf: Int32Array;
  sessionStoreOf: Int32Array;
  queueOf: Int32Array;
  /** Per database: its read replicas (empty for replicas and databases without any). */
  replicas: number[][];
  /** Per database: its primary's index, or −1 for a primary. */
  primaryOf: Int32Array;
  /** Per queue: its workers. */
  workersOf: number[][];
  /** Per component: index of its region in the scenario. */
  regionIndex: Int32Array;
  /** Per component and class (i·K + k): CPU seconds of one request or operation. */
  service: Float64Array;
  /** Per component: CPU seconds of an operation of the usual mix (to show idle capacity). */
  nominal: Float64Array;
  /** Index of the team's CDN, or −1. */
  cdn: number;
  /** Per balancer: 1 when it checks its targets' health. */
  healthChecks: Uint8Array;
  /** Per database: CPU seconds of one write on its engine. */
  writeWork: Float64Array;
  /** Per component: its kind's fixed delay and queue bound, seconds. */
  fixedDelay: Float64Array;
  queueSeconds: Float64Array;
  /** Per cache: 1 when it writes through (else look-aside or read-through). */
  writeThrough: Uint8Array;
  /** Per cache: 1 when it is look-aside. */
  lookAside: Uint8Array;
}

/** Lookups one read needs: an RDBMS joins in one query, NoSQL (or a cross-shard join) looks up each table. */
function lookupsPerRead(db: ComponentState, joins: number): number {
  const engine = db.settings.engine ?? 'rdbms';
  if (engine === 'nosql') return joins;
  const shards = Math.max(1, db.count + db.provisioning.length);
  // A sharded RDBMS cannot join across shards unless the data is denormalised.
  if (db.settings.shardKey !== undefined && shards > 1 && db.settings.denormalised !== true) return Math.min(joins, shards);
  return 1;
}

/** Database CPU seconds of one lookup of a data set with `joins` tables, `lookups` per read. */
function workPerLookup(engine: DbEngine, joins: number, lookups: number): number {
  const spec = ENGINES[engine];
  if (engine === 'nosql') return spec.readWork;
  // The joins left inside one query (all of them unless the read was split across shards).
  const joinedHere = Math.max(1, joins / lookups);
  return spec.readWork + spec.joinWork * (joinedHere - 1);
}

/**
 * The last table built for each state object: a memo of derived data (a table is a function of
 * the state's topology, checked by revision and by the components themselves), so a rebuilt
 * table is the same as a kept one. Weak, so a state that is dropped takes its table with it.
 */
const cache = new WeakMap<SimState, RoutingTable>();

/** The routing table for the state's current topology. */
export function routingTable(state: SimState): RoutingTable {
  const cached = cache.get(state);
  if (
    cached !== undefined &&
    cached.revision === state.revision &&
    cached.components === state.components &&
    cached.count === state.components.length
  ) {
    return cached;
  }
  const table = buildTable(state);
  cache.set(state, table);
  return table;
}

function firstTarget(components: readonly ComponentState[], targets: number[], kind: ComponentState['kind']): number {
  for (const t of targets) if (components[t]!.kind === kind) return t;
  return -1;
}

function buildTable(state: SimState): RoutingTable {
  const { components, scenario } = state;
  const n = components.length;
  const datasets = scenario.datasets;
  const D = datasets.length;
  const indexById = indexComponents(components);
  const targetIndex = components.map((component) => {
    const list: number[] = [];
    for (const id of component.targets) {
      const t = indexById.get(id);
      if (t !== undefined) list.push(t);
    }
    return list;
  });
  const dbTarget = new Int32Array(n * D).fill(NO_DATABASE);
  const lookups = new Float64Array(n * D);
  const writeCopies = new Float64Array(n * D);
  const lookupWork = new Float64Array(n * D);
  const cacheOf = new Int32Array(n).fill(-1);
  const sessionStoreOf = new Int32Array(n).fill(-1);
  const queueOf = new Int32Array(n).fill(-1);
  const replicas: number[][] = components.map(() => []);
  const primaryOf = new Int32Array(n).fill(-1);
  const workersOf: number[][] = components.map(() => []);
  const regionIndex = new Int32Array(n);
  const service = new Float64Array(n * K);
  const nominal = new Float64Array(n);
  const regionIds = scenario.regions.map((r) => r.id);
  const mix = REQUEST_CLASSES.map((cls) => scenario.classMix[cls]);
  const mixTotal = mix.reduce((sum, rate) => sum + rate, 0);
  let cdn = -1;
  const healthChecks = new Uint8Array(n);
  const writeWork = new Float64Array(n);
  const fixedDelay = new Float64Array(n);
  const queueSeconds = new Float64Array(n);
  const writeThrough = new Uint8Array(n);
  const lookAside = new Uint8Array(n);

  for (let i = 0; i < n; i++) {
    const component = components[i]!;
    const spec = KINDS[component.kind];
    fixedDelay[i] = spec.fixedDelaySeconds;
    queueSeconds[i] = spec.queueSeconds;
    if (component.kind === 'lb' && component.settings.healthChecks === true) healthChecks[i] = 1;
    if (component.kind === 'db') writeWork[i] = ENGINES[component.settings.engine ?? 'rdbms'].writeWork;
    if (component.kind === 'cache') {
      const strategy = component.settings.cacheStrategy ?? 'lookAside';
      if (strategy === 'writeThrough') writeThrough[i] = 1;
      if (strategy === 'lookAside') lookAside[i] = 1;
    }
    regionIndex[i] = Math.max(0, regionIds.indexOf(component.region));
    if (component.kind === 'cdn' && cdn < 0) cdn = i;
    if (component.kind === 'db' && component.settings.replicaOf !== undefined) {
      const p = indexById.get(component.settings.replicaOf);
      if (p !== undefined) {
        primaryOf[i] = p;
        replicas[p]!.push(i);
      }
    }
    if (component.kind === 'queue') for (const t of targetIndex[i]!) if (components[t]!.kind === 'worker') workersOf[i]!.push(t);
  }

  for (let i = 0; i < n; i++) {
    const component = components[i]!;
    switch (component.kind) {
      case 'lb':
        for (let k = 0; k < K; k++) service[i * K + k] = LB_WORK;
        break;
      case 'cache':
      case 'sessionStore':
        for (let k = 0; k < K; k++) service[i * K + k] = MEMORY_STORE_WORK;
        break;
      case 'queue':
        for (let k = 0; k < K; k++) service[i * K + k] = ENQUEUE_WORK;
        break;
      case 'worker':
        for (let k = 0; k < K; k++) service[i * K + k] = WEB_WORK.job;
        break;
      case 'db': {
        const engine = ENGINES[component.settings.engine ?? 'rdbms'];
        for (let k = 0; k < K; k++) service[i * K + k] = k === WRITE ? engine.writeWork : engine.readWork;
        break;
      }
      case 'cdn':
        break;
      case 'web':
        buildWebRow(state, i, targetIndex[i]!, { dbTarget, lookups, writeCopies, lookupWork, service });
        cacheOf[i] = firstTarget(components, targetIndex[i]!, 'cache');
        sessionStoreOf[i] = firstTarget(components, targetIndex[i]!, 'sessionStore');
        queueOf[i] = firstTarget(components, targetIndex[i]!, 'queue');
        // A job handed to a queue costs the web server only the hand-over.
        if (queueOf[i]! >= 0) service[i * K + JOB] = WEB_ENQUEUE_WORK;
        break;
    }
    let usual = 0;
    for (let k = 0; k < K; k++) usual += ((mix[k] as number) * (service[i * K + k] as number)) / mixTotal;
    nominal[i] = usual;
  }
  const links = buildLinks(components, { targetIndex, replicas, primaryOf, dbTarget, cacheOf, sessionStoreOf, queueOf, D });
  const userLinks = buildUserLinks(state, components, indexById, cdn);
  return {
    revision: state.revision,
    components,
    count: n,
    indexById,
    order: evaluationOrder(components),
    targetIndex,
    dbTarget,
    lookups,
    writeCopies,
    lookupWork,
    cacheOf,
    sessionStoreOf,
    queueOf,
    replicas,
    primaryOf,
    workersOf,
    regionIndex,
    service,
    nominal,
    cdn,
    healthChecks,
    writeWork,
    fixedDelay,
    queueSeconds,
    writeThrough,
    lookAside,
    ...links,
    ...userLinks,
  };
}

/** A web server's data routing and per-class CPU cost. */
function buildWebRow(
  state: SimState,
  i: number,
  targets: number[],
  out: { dbTarget: Int32Array; lookups: Float64Array; writeCopies: Float64Array; lookupWork: Float64Array; service: Float64Array },
): void {
  const { components, scenario } = state;
  const web = components[i]!;
  const datasets = scenario.datasets;
  const D = datasets.length;
  for (let k = 0; k < K; k++) out.service[i * K + k] = WEB_WORK[REQUEST_CLASSES[k]!];
  for (let d = 0; d < D; d++) {
    const dataset = datasets[d]!;
    let target = NO_DATABASE;
    if (web.settings.colocatedDb === true) target = ON_THIS_BOX;
    else {
      for (const t of targets) {
        const db = components[t]!;
        if (db.kind === 'db' && (db.settings.datasets ?? []).includes(dataset.id)) {
          target = t;
          break;
        }
      }
    }
    out.dbTarget[i * D + d] = target;
    let readExtra = 0;
    let writeExtra = 0;
    if (target === ON_THIS_BOX) {
      // The database runs on this box: its work is the web server's own CPU, and slower.
      out.lookups[i * D + d] = 1;
      out.writeCopies[i * D + d] = 1;
      readExtra = dataset.readShare * workPerLookup('rdbms', dataset.joins, 1) * COLOCATED_DB_SLOWDOWN;
      writeExtra = dataset.writeShare * ENGINES.rdbms.writeWork * COLOCATED_DB_SLOWDOWN;
    } else if (target >= 0) {
      const db = components[target]!;
      const count = lookupsPerRead(db, dataset.joins);
      out.lookups[i * D + d] = count;
      const denormalised = db.settings.shardKey !== undefined && db.settings.denormalised === true;
      // Denormalised rows repeat what a join would fetch: a read needs no join, a write updates every copy.
      out.writeCopies[i * D + d] = denormalised ? dataset.joins : 1;
      out.lookupWork[i * D + d] = workPerLookup(db.settings.engine ?? 'rdbms', denormalised ? 1 : dataset.joins, count);
      readExtra = dataset.readShare * (count - 1) * WEB_STITCH_WORK;
    }
    out.service[i * K + READ] = (out.service[i * K + READ] as number) + readExtra;
    out.service[i * K + WRITE] = (out.service[i * K + WRITE] as number) + writeExtra;
  }
}
