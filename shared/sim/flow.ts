/**
 * One tick of traffic through the player's topology.
 *
 * Forward pass (balancers → web → databases): each component receives per-class request rates,
 * sends the dead instances' share to failure, runs its serving instances as bounded M/M/c
 * queues, and passes what it served downstream. Backward pass (databases → web → balancers):
 * each component's latency and success are composed with those of what it calls, so every
 * region gets an end-to-end figure per request class. Path latencies add means; the p95 adds
 * the spreads above the means in quadrature (independent delays), a documented approximation.
 *
 * This runs for every component every tick, so it works on flat typed arrays indexed by
 * component (and class), reused between ticks, and resolves ids to indices once per tick.
 */
import { evaluatePool } from './boundedQueue';
import { ENGINES, KINDS } from './catalogue';
import { regionDemands } from './demand';
import type { LatencyStream } from './latencyMix';
import { CLASS_COUNT, REQUEST_CLASSES } from './scenario';
import type { ComponentState, SimState } from './state';
import { NO_DATABASE, ON_THIS_BOX, routingTable, workPerLookup } from './routingTable';
import { entryFor, servingInstances, vcpuOf } from './topology';

const K = CLASS_COUNT;
const READ = REQUEST_CLASSES.indexOf('read');
const WRITE = REQUEST_CLASSES.indexOf('write');
const LN_20_MINUS_1 = 2.995732273553991 - 1;

export interface RegionFlow {
  /** Requests per second offered by the region's users (all classes). */
  offered: number;
  /** Share that succeeded. */
  successRate: number;
  /** Per-class latency streams of the region, for the mixture figures. */
  streams: LatencyStream[];
}

export interface FlowResult {
  regions: RegionFlow[];
  offeredByClass: Float64Array;
  online: number;
}

/** Scratch arrays reused between ticks; every tick overwrites what it reads. */
class Scratch {
  size = -1;
  datasets = -1;
  inflow = new Float64Array(0);
  deadIn = new Float64Array(0);
  workIn = new Float64Array(0);
  direct = new Uint8Array(0);
  serving = new Int32Array(0);
  service = new Float64Array(0);
  waitMean = new Float64Array(0);
  waitP95 = new Float64Array(0);
  okShare = new Float64Array(0);
  rotation = new Float64Array(0);
  pathMean = new Float64Array(0);
  pathEx2 = new Float64Array(0);
  pathBase = new Float64Array(0);
  pathOk = new Float64Array(0);

  prepare(n: number, d: number): void {
    if (n > this.size || d !== this.datasets) {
      const capacity = Math.max(n, 16);
      this.inflow = new Float64Array(capacity * K);
      this.deadIn = new Float64Array(capacity);
      this.workIn = new Float64Array(capacity);
      this.direct = new Uint8Array(capacity);
      this.serving = new Int32Array(capacity);
      this.service = new Float64Array(capacity * K);
      this.waitMean = new Float64Array(capacity);
      this.waitP95 = new Float64Array(capacity);
      this.okShare = new Float64Array(capacity);
      this.rotation = new Float64Array(capacity);
      this.pathMean = new Float64Array(capacity * K);
      this.pathEx2 = new Float64Array(capacity * K);
      this.pathBase = new Float64Array(capacity * K);
      this.pathOk = new Float64Array(capacity * K);
      this.size = capacity;
      this.datasets = d;
    }
    this.inflow.fill(0, 0, n * K);
    this.deadIn.fill(0, 0, n);
    this.workIn.fill(0, 0, n);
    this.direct.fill(0, 0, n);
    this.okShare.fill(1, 0, n);
    this.rotation.fill(0, 0, n);
  }
}

const scratch = new Scratch();

/** Runs the flow for the current tick, writing every component's figures and backlog. */
export function runFlow(state: SimState): FlowResult {
  const { scenario, components } = state;
  const n = components.length;
  const datasets = scenario.datasets;
  const D = datasets.length;
  scratch.prepare(n, D);
  const { inflow, deadIn, workIn, direct, serving, service, waitMean, waitP95, okShare, rotation } = scratch;
  const { pathMean, pathEx2, pathBase, pathOk } = scratch;
  const table = routingTable(state);
  const { indexById, order, targetIndex, dbTarget, lookups, nominal } = table;
  service.set(table.service);
  const badDeployShare = activeBadDeployShare(state);

  for (let i = 0; i < n; i++) serving[i] = servingInstances(components[i]!);
  // A balancer's rotation: all instances of its targets, or only serving ones with health checks.
  for (let i = 0; i < n; i++) {
    const balancer = components[i]!;
    if (balancer.kind !== 'lb') continue;
    const healthChecks = balancer.settings.healthChecks === true;
    let total = 0;
    for (const t of targetIndex[i]!) total += healthChecks ? (serving[t] as number) : components[t]!.count;
    rotation[i] = total;
  }

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

  // Forward pass.
  for (const i of order) {
    const component = components[i]!;
    const spec = KINDS[component.kind];
    let instances = serving[i] as number;
    let aliveLambda = 0;
    for (let k = 0; k < K; k++) aliveLambda += inflow[i * K + k] as number;
    if (component.kind === 'web' && direct[i] === 1) {
      // DNS hands out one address: without a balancer only one instance is ever reached.
      if (instances === 0 && component.count > 0) {
        addAt(deadIn, i, aliveLambda);
        for (let k = 0; k < K; k++) inflow[i * K + k] = 0;
        aliveLambda = 0;
      }
      instances = Math.min(instances, 1);
    } else if (component.kind === 'db' && component.count > 0 && instances < component.count) {
      // Each instance holds its own part of the data: a dead part's requests fail.
      const deadShare = (component.count - instances) / component.count;
      addAt(deadIn, i, aliveLambda * deadShare);
      for (let k = 0; k < K; k++) scaleAt(inflow, i * K + k, 1 - deadShare);
      aliveLambda *= 1 - deadShare;
    }
    let work = 0;
    if (component.kind === 'db') work = workIn[i] as number;
    else for (let k = 0; k < K; k++) work += (inflow[i * K + k] as number) * (service[i * K + k] as number);

    const pool = evaluatePool({
      lambda: aliveLambda,
      // Idle components still show their capacity for the scenario's usual mix.
      serviceSeconds: aliveLambda > 0 ? work / aliveLambda : (nominal[i] as number),
      vcpu: vcpuOf(component),
      instances,
      queueSeconds: spec.queueSeconds,
      backlog: component.backlog,
    });
    let served = pool.served;
    let failed = pool.failed + (deadIn[i] as number);
    let passShare = aliveLambda > 0 ? Math.min(1, pool.served / aliveLambda) : 0;
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

    if (component.kind === 'lb') {
      const total = rotation[i] as number;
      if (total === 0) {
        // No backend to send to: the balancer answers every request with an error.
        failed += served;
        served = 0;
        okShare[i] = 0;
      } else {
        const healthChecks = component.settings.healthChecks === true;
        for (const t of targetIndex[i]!) {
          const target = components[t]!;
          const inRotation = healthChecks ? (serving[t] as number) : target.count;
          const share = inRotation / total;
          const deadShare = healthChecks || target.count === 0 ? 0 : (target.count - (serving[t] as number)) / target.count;
          for (let k = 0; k < K; k++) {
            const flow = (inflow[i * K + k] as number) * passShare * share;
            addAt(inflow, t * K + k, flow * (1 - deadShare));
            addAt(deadIn, t, flow * deadShare);
          }
        }
      }
    } else if (component.kind === 'web') {
      const reads = (inflow[i * K + READ] as number) * passShare;
      const writes = (inflow[i * K + WRITE] as number) * passShare;
      for (let d = 0; d < D; d++) {
        const target = dbTarget[i * D + d] as number;
        const dataset = datasets[d]!;
        if (target === NO_DATABASE) {
          // The data set is on no database this server can reach: those requests fail here.
          const lost = reads * dataset.readShare + writes * dataset.writeShare;
          failed += lost;
          served -= lost;
          continue;
        }
        if (target === ON_THIS_BOX) continue;
        const engine = components[target]!.settings.engine ?? 'rdbms';
        const lookupRate = reads * dataset.readShare * (lookups[i * D + d] as number);
        const writeRate = writes * dataset.writeShare;
        addAt(inflow, target * K + READ, lookupRate);
        addAt(inflow, target * K + WRITE, writeRate);
        addAt(workIn, target, lookupRate * workPerLookup(engine, dataset.joins) + writeRate * ENGINES[engine].writeWork);
      }
    }
    writeFigures(component, offered, served, failed, pool, spec.fixedDelaySeconds);
  }

  // Per-query service times at each database, by read and write.
  for (let i = 0; i < n; i++) {
    if (components[i]!.kind !== 'db') continue;
    const reads = inflow[i * K + READ] as number;
    const writes = inflow[i * K + WRITE] as number;
    const engine = ENGINES[components[i]!.settings.engine ?? 'rdbms'];
    service[i * K + WRITE] = engine.writeWork;
    service[i * K + READ] = reads > 0 ? ((workIn[i] as number) - writes * engine.writeWork) / reads : engine.readWork;
  }

  // Backward pass: compose latency and success down each path.
  for (let o = order.length - 1; o >= 0; o--) {
    const i = order[o]!;
    const component = components[i]!;
    const fixed = KINDS[component.kind].fixedDelaySeconds;
    const spread = (waitP95[i] as number) - (waitMean[i] as number);
    const isWeb = component.kind === 'web';
    const isBalancer = component.kind === 'lb';
    const total = rotation[i] as number;
    const healthChecks = component.settings.healthChecks === true;
    for (let k = 0; k < K; k++) {
      const cost = service[i * K + k] as number;
      const serviceSpread = LN_20_MINUS_1 * cost;
      let mean = (waitMean[i] as number) + cost + fixed;
      let ex2 = spread * spread + serviceSpread * serviceSpread;
      let base = fixed;
      let ok = okShare[i] as number;
      if (isBalancer) {
        let downMean = 0;
        let downEx2 = 0;
        let downBase = 0;
        let downOk = 0;
        if (total > 0) {
          for (const t of targetIndex[i]!) {
            const share = (healthChecks ? (serving[t] as number) : components[t]!.count) / total;
            downMean += share * (pathMean[t * K + k] as number);
            downEx2 += share * (pathEx2[t * K + k] as number);
            downBase += share * (pathBase[t * K + k] as number);
            downOk += share * (pathOk[t * K + k] as number);
          }
        }
        mean += downMean;
        ex2 += downEx2;
        base += downBase;
        ok *= downOk;
      } else if (isWeb && (k === READ || k === WRITE)) {
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
          const calls = k === READ ? (lookups[i * D + d] as number) : 1;
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
      succeeded += weight * ok;
      streams.push({
        weight,
        ok,
        baseSeconds: rtt + (pathBase[entry * K + k] as number),
        p95Seconds: rtt + (pathMean[entry * K + k] as number) + Math.sqrt(pathEx2[entry * K + k] as number),
      });
    }
    regions.push({ offered, successRate: offered > 0 ? Math.min(1, succeeded / offered) : 1, streams });
  }
  return { regions, offeredByClass, online };
}

/** Stores a component's figures for this tick in place (no new object per component per tick). */
function writeFigures(
  component: ComponentState,
  offered: number,
  served: number,
  failed: number,
  pool: ReturnType<typeof evaluatePool>,
  fixedDelaySeconds: number,
): void {
  const figures = component.figures;
  figures.lambda = offered;
  figures.capacity = pool.capacity;
  figures.utilisation = pool.utilisation;
  figures.meanLatencyMs = (pool.meanSeconds + fixedDelaySeconds) * 1000;
  figures.p95LatencyMs = (pool.p95Seconds + fixedDelaySeconds) * 1000;
  figures.served = served;
  figures.failed = failed;
  figures.backlog = pool.backlogAfter;
  figures.queueLength = pool.queueLength;
}

/** array[index] += value, for the typed arrays of the flow. */
function addAt(array: Float64Array, index: number, value: number): void {
  array[index] = (array[index] as number) + value;
}

/** array[index] *= factor. */
function scaleAt(array: Float64Array, index: number, factor: number): void {
  array[index] = (array[index] as number) * factor;
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
