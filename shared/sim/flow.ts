/**
 * One tick of traffic through the player's topology.
 *
 * Forward pass (balancers → web → databases): each component receives per-class request rates,
 * sends the dead instances' share to failure, runs its serving instances as bounded M/M/c
 * queues, and passes what it served downstream. Backward pass (databases → web → balancers):
 * each component's latency and success are composed with those of what it calls, so every
 * region gets an end-to-end figure per request class. Path latencies add means; the p95 adds
 * the spreads above the means in quadrature (independent delays), a documented approximation.
 */
import { COLOCATED_DB_SLOWDOWN, ENGINES, KINDS, LB_WORK, WEB_STITCH_WORK, WEB_WORK } from './catalogue';
import { regionDemands } from './demand';
import { evaluatePool } from './boundedQueue';
import type { LatencyStream } from './latencyMix';
import { CLASS_COUNT, REQUEST_CLASSES } from './scenario';
import type { ComponentState, SimState } from './state';
import { entryFor, evaluationOrder, indexComponents, servingInstances, vcpuOf } from './topology';

const K = CLASS_COUNT;
const READ = REQUEST_CLASSES.indexOf('read');
const WRITE = REQUEST_CLASSES.indexOf('write');
const LN_20_MINUS_1 = 2.995732273553991 - 1;
/** Dataset routing markers for a web server. */
const NO_DATABASE = -1;
const ON_THIS_BOX = -2;

export interface RegionFlow {
  /** Requests per second offered by the region's users (all classes). */
  offered: number;
  /** Share that succeeded, and share that succeeded within the latency objective. */
  successRate: number;
  /** Per-class latency streams of the region, for the mixture figures. */
  streams: LatencyStream[];
}

export interface FlowResult {
  regions: RegionFlow[];
  offeredByClass: Float64Array;
  online: number;
}

/** Work one request of a data set costs the database, by engine. */
function readQueries(engine: 'rdbms' | 'nosql', joins: number): { lookups: number; workPerLookup: number } {
  const spec = ENGINES[engine];
  // An RDBMS joins in one query; a store without joins needs one lookup per table.
  return engine === 'rdbms'
    ? { lookups: 1, workPerLookup: spec.readWork + spec.joinWork * (joins - 1) }
    : { lookups: joins, workPerLookup: spec.readWork };
}

/** Runs the flow for the current tick, writing every component's figures and backlog. */
export function runFlow(state: SimState): FlowResult {
  const { scenario, components } = state;
  const n = components.length;
  const datasets = scenario.datasets;
  const D = datasets.length;
  const indexById = indexComponents(components);
  const order = evaluationOrder(components);
  const badDeployShare = activeBadDeployShare(state);

  const inflow = new Float64Array(n * K); // req/s reaching serving instances, by class
  const deadIn = new Float64Array(n); // req/s sent to instances that are down
  const workIn = new Float64Array(n); // CPU-seconds per second offered to serving instances
  const direct = new Uint8Array(n); // reached straight from DNS, without a balancer
  const serviceByClass = new Float64Array(n * K); // CPU-seconds per request by class (web, db)
  const dbTarget = new Int32Array(n * Math.max(D, 1)).fill(NO_DATABASE);
  const waitMean = new Float64Array(n);
  const waitP95 = new Float64Array(n);
  const okShare = new Float64Array(n).fill(1);
  const pathMean = new Float64Array(n * K);
  const pathEx2 = new Float64Array(n * K);
  const pathBase = new Float64Array(n * K);
  const pathOk = new Float64Array(n * K);

  const demands = regionDemands(state);
  const regionEntry = demands.map((_, r) => entryFor(state, r, indexById));
  const offeredByClass = new Float64Array(K);
  let online = 0;
  for (let r = 0; r < demands.length; r++) {
    const demand = demands[r]!;
    online += demand.online;
    const entry = regionEntry[r]!.index;
    for (let k = 0; k < K; k++) {
      offeredByClass[k] = (offeredByClass[k] as number) + (demand.rates[k] as number);
      if (entry >= 0) inflow[entry * K + k] = (inflow[entry * K + k] as number) + (demand.rates[k] as number);
    }
    if (entry >= 0) direct[entry] = 1;
  }

  // Which database answers each data set for each web server, and what a request costs it.
  for (let i = 0; i < n; i++) {
    const web = components[i]!;
    if (web.kind !== 'web') continue;
    for (let d = 0; d < D; d++) {
      if (web.settings.colocatedDb) {
        dbTarget[i * D + d] = ON_THIS_BOX;
        continue;
      }
      for (const targetId of web.targets) {
        const t = indexById.get(targetId);
        if (t === undefined) continue;
        const db = components[t]!;
        if (db.kind === 'db' && (db.settings.datasets ?? []).includes(datasets[d]!.id)) {
          dbTarget[i * D + d] = t;
          break;
        }
      }
    }
    for (let k = 0; k < K; k++) serviceByClass[i * K + k] = WEB_WORK[REQUEST_CLASSES[k]!];
    for (let d = 0; d < D; d++) {
      const dataset = datasets[d]!;
      const target = dbTarget[i * D + d] as number;
      if (target === ON_THIS_BOX) {
        // The database runs on this box: its work is the web server's own CPU, and slower.
        const rdbms = ENGINES.rdbms;
        const readWork = (rdbms.readWork + rdbms.joinWork * (dataset.joins - 1)) * COLOCATED_DB_SLOWDOWN;
        serviceByClass[i * K + READ] = (serviceByClass[i * K + READ] as number) + dataset.readShare * readWork;
        serviceByClass[i * K + WRITE] =
          (serviceByClass[i * K + WRITE] as number) + dataset.writeShare * rdbms.writeWork * COLOCATED_DB_SLOWDOWN;
      } else if (target >= 0) {
        const engine = components[target]!.settings.engine ?? 'rdbms';
        const { lookups } = readQueries(engine, dataset.joins);
        serviceByClass[i * K + READ] =
          (serviceByClass[i * K + READ] as number) + dataset.readShare * (lookups - 1) * WEB_STITCH_WORK;
      }
    }
  }

  // Forward pass.
  for (const i of order) {
    const component = components[i]!;
    const spec = KINDS[component.kind];
    let serving = servingInstances(component);
    let aliveLambda = 0;
    for (let k = 0; k < K; k++) aliveLambda += inflow[i * K + k] as number;
    if (component.kind === 'web' && direct[i]) {
      // DNS hands out one address: without a balancer only one instance is ever reached.
      if (serving === 0 && component.count > 0) {
        deadIn[i] = (deadIn[i] as number) + aliveLambda;
        for (let k = 0; k < K; k++) inflow[i * K + k] = 0;
        aliveLambda = 0;
      }
      serving = Math.min(serving, 1);
    } else if (component.kind === 'db' && component.count > 0 && serving < component.count) {
      // Each instance holds its own part of the data: a dead part's requests fail.
      const deadShare = (component.count - serving) / component.count;
      deadIn[i] = (deadIn[i] as number) + aliveLambda * deadShare;
      for (let k = 0; k < K; k++) inflow[i * K + k] = (inflow[i * K + k] as number) * (1 - deadShare);
      aliveLambda *= 1 - deadShare;
    }
    let work = 0;
    if (component.kind === 'lb') work = aliveLambda * LB_WORK;
    else if (component.kind === 'web') {
      for (let k = 0; k < K; k++) work += (inflow[i * K + k] as number) * (serviceByClass[i * K + k] as number);
    } else work = workIn[i] as number;

    const pool = evaluatePool({
      lambda: aliveLambda,
      serviceSeconds: aliveLambda > 0 ? work / aliveLambda : 0,
      vcpu: vcpuOf(component),
      instances: serving,
      queueSeconds: spec.queueSeconds,
      backlog: component.backlog,
    });
    let served = pool.served;
    let failed = pool.failed + (deadIn[i] as number);
    const servedShare = aliveLambda > 0 ? Math.min(1, pool.served / aliveLambda) : 0;
    let passShare = servedShare;
    if (component.kind === 'web' && badDeployShare > 0) {
      // A bad release fails this share of the requests the servers did process.
      failed += served * badDeployShare;
      served -= served * badDeployShare;
      passShare *= 1 - badDeployShare;
    }
    const offered = aliveLambda + (deadIn[i] as number);
    okShare[i] = offered > 0 ? Math.max(0, Math.min(1, 1 - failed / offered)) : 1;
    waitMean[i] = pool.waitMeanSeconds;
    waitP95[i] = pool.waitP95Seconds;
    component.backlog = pool.backlogAfter;
    component.figures = {
      lambda: offered,
      capacity: pool.capacity,
      utilisation: pool.utilisation,
      meanLatencyMs: (pool.meanSeconds + spec.fixedDelaySeconds) * 1000,
      p95LatencyMs: (pool.p95Seconds + spec.fixedDelaySeconds) * 1000,
      served,
      failed,
      backlog: pool.backlogAfter,
      queueLength: pool.queueLength,
    };

    if (component.kind === 'lb') {
      // Round robin over the instances in rotation; health checks take dead ones out.
      const healthChecks = component.settings.healthChecks === true;
      const rotation = totalRotation(component, components, indexById);
      if (rotation === 0) {
        // No backend to send to: the balancer answers every request with an error.
        component.figures.failed += component.figures.served;
        component.figures.served = 0;
        okShare[i] = 0;
        continue;
      }
      for (const targetId of component.targets) {
        const t = indexById.get(targetId);
        if (t === undefined) continue;
        const target = components[t]!;
        const share = inRotation(component, target) / rotation;
        const deadShare = healthChecks || target.count === 0 ? 0 : (target.count - servingInstances(target)) / target.count;
        for (let k = 0; k < K; k++) {
          const flow = (inflow[i * K + k] as number) * passShare * share;
          inflow[t * K + k] = (inflow[t * K + k] as number) + flow * (1 - deadShare);
          deadIn[t] = (deadIn[t] as number) + flow * deadShare;
        }
      }
    } else if (component.kind === 'web') {
      for (let d = 0; d < D; d++) {
        const target = dbTarget[i * D + d] as number;
        if (target === NO_DATABASE) {
          // The data set is on no database this server can reach: those requests fail here.
          const lost = ((inflow[i * K + READ] as number) * datasets[d]!.readShare + (inflow[i * K + WRITE] as number) * datasets[d]!.writeShare) * passShare;
          component.figures.failed += lost;
          component.figures.served -= lost;
        }
        if (target < 0) continue;
        const dataset = datasets[d]!;
        const engine = components[target]!.settings.engine ?? 'rdbms';
        const { lookups, workPerLookup } = readQueries(engine, dataset.joins);
        const reads = (inflow[i * K + READ] as number) * passShare * dataset.readShare * lookups;
        const writes = (inflow[i * K + WRITE] as number) * passShare * dataset.writeShare;
        inflow[target * K + READ] = (inflow[target * K + READ] as number) + reads;
        inflow[target * K + WRITE] = (inflow[target * K + WRITE] as number) + writes;
        workIn[target] = (workIn[target] as number) + reads * workPerLookup + writes * ENGINES[engine].writeWork;
      }
    }
  }

  // Per-query service times at each database, by read and write.
  for (let i = 0; i < n; i++) {
    if (components[i]!.kind !== 'db') continue;
    const reads = inflow[i * K + READ] as number;
    const writes = inflow[i * K + WRITE] as number;
    const engine = ENGINES[components[i]!.settings.engine ?? 'rdbms'];
    serviceByClass[i * K + WRITE] = engine.writeWork;
    const total = reads + writes;
    const readWork = (workIn[i] as number) - writes * engine.writeWork;
    serviceByClass[i * K + READ] = reads > 0 && total > 0 ? readWork / reads : engine.readWork;
  }

  // Backward pass: compose latency and success down each path.
  for (let o = order.length - 1; o >= 0; o--) {
    const i = order[o]!;
    const component = components[i]!;
    const fixed = KINDS[component.kind].fixedDelaySeconds;
    for (let k = 0; k < K; k++) {
      const service = component.kind === 'lb' ? LB_WORK : (serviceByClass[i * K + k] as number);
      const spread = (waitP95[i] as number) - (waitMean[i] as number);
      const serviceSpread = LN_20_MINUS_1 * service;
      let mean = (waitMean[i] as number) + service + fixed;
      let ex2 = spread * spread + serviceSpread * serviceSpread;
      let base = fixed;
      let ok = okShare[i] as number;
      if (component.kind === 'lb') {
        const rotation = totalRotation(component, components, indexById);
        let downMean = 0;
        let downEx2 = 0;
        let downBase = 0;
        let downOk = 0;
        for (const targetId of component.targets) {
          const t = indexById.get(targetId);
          if (t === undefined || rotation === 0) continue;
          const share = inRotation(component, components[t]!) / rotation;
          downMean += share * (pathMean[t * K + k] as number);
          downEx2 += share * (pathEx2[t * K + k] as number);
          downBase += share * (pathBase[t * K + k] as number);
          downOk += share * (pathOk[t * K + k] as number);
        }
        mean += downMean;
        ex2 += downEx2;
        base += downBase;
        ok *= downOk;
      } else if (component.kind === 'web' && (k === READ || k === WRITE)) {
        let dataOk = 0;
        for (let d = 0; d < D; d++) {
          const dataset = datasets[d]!;
          const share = k === READ ? dataset.readShare : dataset.writeShare;
          const target = dbTarget[i * D + d] as number;
          if (target === ON_THIS_BOX) {
            dataOk += share;
            continue;
          }
          if (target === NO_DATABASE) continue; // the data is nowhere: these requests fail
          const engine = components[target]!.settings.engine ?? 'rdbms';
          const calls = k === READ ? readQueries(engine, dataset.joins).lookups : 1;
          mean += share * calls * (pathMean[target * K + k] as number);
          ex2 += share * calls * (pathEx2[target * K + k] as number);
          base += share * calls * (pathBase[target * K + k] as number);
          dataOk += share * powSmall(pathOk[target * K + k] as number, calls);
        }
        ok *= dataOk;
      }
      pathMean[i * K + k] = mean;
      pathEx2[i * K + k] = ex2;
      pathBase[i * K + k] = base;
      pathOk[i * K + k] = ok;
    }
  }

  const regions: RegionFlow[] = [];
  for (let r = 0; r < demands.length; r++) {
    const demand = demands[r]!;
    const { index: entry, rttMs } = regionEntry[r]!;
    const rtt = rttMs / 1000;
    const streams: LatencyStream[] = [];
    let offered = 0;
    let succeeded = 0;
    for (let k = 0; k < K; k++) {
      const weight = demand.rates[k] as number;
      if (weight <= 0) continue;
      offered += weight;
      if (entry < 0) {
        streams.push({ weight, ok: 0, baseSeconds: 0, p95Seconds: 0 });
        continue;
      }
      const ok = pathOk[entry * K + k] as number;
      const mean = rtt + (pathMean[entry * K + k] as number);
      succeeded += weight * ok;
      streams.push({
        weight,
        ok,
        baseSeconds: rtt + (pathBase[entry * K + k] as number),
        p95Seconds: mean + Math.sqrt(pathEx2[entry * K + k] as number),
      });
    }
    regions.push({ offered, successRate: offered > 0 ? succeeded / offered : 1, streams });
  }
  return { regions, offeredByClass, online };
}

/** Instances of `target` the balancer sends to: all of them, or only live ones with health checks. */
function inRotation(balancer: ComponentState, target: ComponentState): number {
  return balancer.settings.healthChecks === true ? servingInstances(target) : target.count;
}

function totalRotation(balancer: ComponentState, components: readonly ComponentState[], indexById: Map<string, number>): number {
  let rotation = 0;
  for (const targetId of balancer.targets) {
    const t = indexById.get(targetId);
    if (t !== undefined) rotation += inRotation(balancer, components[t]!);
  }
  return rotation;
}

/** x^n for a small whole n, by multiplication. */
function powSmall(x: number, n: number): number {
  let result = 1;
  for (let i = 0; i < n; i++) result *= x;
  return result;
}

/** Error share of the bad deploys active now (the worst one counts). */
function activeBadDeployShare(state: SimState): number {
  let share = 0;
  for (const incident of state.incidents) {
    if (incident.type === 'badDeploy' && incident.endTick === null) share = Math.max(share, incident.magnitude);
  }
  return share;
}
