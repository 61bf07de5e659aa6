/**
 * The parts of routing that change only when the player changes the system: evaluation order,
 * targets as indices, which database answers each data set for each web server, and what each
 * request class costs each component. Rebuilt when the state's revision moves, otherwise reused
 * tick after tick (the cache holds derived data only; the state stays the single source of truth).
 */
import { COLOCATED_DB_SLOWDOWN, ENGINES, LB_WORK, WEB_STITCH_WORK, WEB_WORK } from './catalogue';
import { CLASS_COUNT, REQUEST_CLASSES, type DbEngine } from './scenario';
import type { ComponentState, SimState } from './state';
import { evaluationOrder, indexComponents } from './topology';

const K = CLASS_COUNT;
const READ = REQUEST_CLASSES.indexOf('read');
const WRITE = REQUEST_CLASSES.indexOf('write');

/** Dataset routing markers for a web server. */
export const NO_DATABASE = -1;
export const ON_THIS_BOX = -2;

export interface RoutingTable {
  revision: number;
  components: readonly ComponentState[];
  count: number;
  indexById: Map<string, number>;
  /** Component indices by tier: balancers, web, databases. */
  order: number[];
  targetIndex: number[][];
  /** Per web server and data set (index i·D + d): the database index, NO_DATABASE or ON_THIS_BOX. */
  dbTarget: Int32Array;
  /** Per web server and data set: lookups one read needs (joins on NoSQL, 1 on an RDBMS). */
  lookups: Float64Array;
  /** Per component and class (i·K + k): CPU seconds of one request at balancers and web servers. */
  service: Float64Array;
  /** Per component: CPU seconds of a request of the scenario's usual mix (to show idle capacity). */
  nominal: Float64Array;
}

/** Lookups one read needs: an RDBMS joins in one query, NoSQL looks up each table. */
export function lookupsPerRead(engine: DbEngine, joins: number): number {
  return engine === 'rdbms' ? 1 : joins;
}

/** Database CPU seconds of one lookup of a data set with `joins` tables. */
export function workPerLookup(engine: DbEngine, joins: number): number {
  const spec = ENGINES[engine];
  return engine === 'rdbms' ? spec.readWork + spec.joinWork * (joins - 1) : spec.readWork;
}

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

function buildTable(state: SimState): RoutingTable {
  const { components, scenario } = state;
  const n = components.length;
  const datasets = scenario.datasets;
  const D = datasets.length;
  const indexById = indexComponents(components);
  const targetIndex: number[][] = components.map((component) => {
    const list: number[] = [];
    for (const id of component.targets) {
      const t = indexById.get(id);
      if (t !== undefined) list.push(t);
    }
    return list;
  });
  const dbTarget = new Int32Array(n * D).fill(NO_DATABASE);
  const lookups = new Float64Array(n * D);
  const service = new Float64Array(n * K);
  const nominal = new Float64Array(n);
  const mix = REQUEST_CLASSES.map((cls) => scenario.classMix[cls]);
  const mixTotal = mix.reduce((sum, rate) => sum + rate, 0);

  for (let i = 0; i < n; i++) {
    const component = components[i]!;
    if (component.kind === 'db') {
      nominal[i] = ENGINES[component.settings.engine ?? 'rdbms'].readWork;
      continue;
    }
    for (let k = 0; k < K; k++) service[i * K + k] = component.kind === 'lb' ? LB_WORK : WEB_WORK[REQUEST_CLASSES[k]!];
    if (component.kind === 'web') {
      for (let d = 0; d < D; d++) {
        const dataset = datasets[d]!;
        let target = NO_DATABASE;
        if (component.settings.colocatedDb === true) target = ON_THIS_BOX;
        else {
          for (const t of targetIndex[i]!) {
            const db = components[t]!;
            if (db.kind === 'db' && (db.settings.datasets ?? []).includes(dataset.id)) {
              target = t;
              break;
            }
          }
        }
        dbTarget[i * D + d] = target;
        let readExtra = 0;
        let writeExtra = 0;
        if (target === ON_THIS_BOX) {
          // The database runs on this box: its work is the web server's own CPU, and slower.
          lookups[i * D + d] = 1;
          readExtra = dataset.readShare * workPerLookup('rdbms', dataset.joins) * COLOCATED_DB_SLOWDOWN;
          writeExtra = dataset.writeShare * ENGINES.rdbms.writeWork * COLOCATED_DB_SLOWDOWN;
        } else if (target >= 0) {
          const count = lookupsPerRead(components[target]!.settings.engine ?? 'rdbms', dataset.joins);
          lookups[i * D + d] = count;
          readExtra = dataset.readShare * (count - 1) * WEB_STITCH_WORK;
        }
        service[i * K + READ] = (service[i * K + READ] as number) + readExtra;
        service[i * K + WRITE] = (service[i * K + WRITE] as number) + writeExtra;
      }
    }
    let usual = 0;
    for (let k = 0; k < K; k++) usual += ((mix[k] as number) * (service[i * K + k] as number)) / mixTotal;
    nominal[i] = usual;
  }
  return {
    revision: state.revision,
    components,
    count: n,
    indexById,
    order: evaluationOrder(components),
    targetIndex,
    dbTarget,
    lookups,
    service,
    nominal,
  };
}
