/**
 * The last tick's request streams rebuilt from the state, for the availability loss (loss.ts):
 * how many requests of each region and request class came back after the latency objective, with
 * and without the users' round trip, and where requests spend their time.
 *
 * The sim does not keep its per-region streams in the state (they live only during the tick), so
 * they are rebuilt here from what the state does keep: the requests users sent each entry
 * (`state.links.users`), each component's latency (`figures`), the requests each component sent
 * along each link, the round-trip matrix and the routing table. Each stream is composed as the
 * flow composes paths (means add, spreads above the means add in quadrature, a shifted
 * exponential through the p95), from a component's wait (its measured latency less the service
 * time of the class mix it sees) plus the class's own service time, and the components it calls
 * with their measured latency. The rebuilt streams only decide how the slow part splits: loss.ts
 * scales them to the sim's exact figures.
 */
import { CDN_EDGE_RTT_MS } from '../rules/catalogue';
import { JOB, K, READ, STATIC, WRITE, routingTable, type RoutingTable } from '../flow/routing';
import { streamTail } from '../numerics/latencyMix';
import { REQUEST_CLASSES } from '../core/scenario';
import type { SimState } from '../core/state';

/** ln 20 − 1: how far an exponential's p95 lies above its mean, in means (a service time's spread). */
const LN_20_MINUS_1 = 2.995732273553991 - 1;

/** Most components listed as where requests spend their time. */
export const SLOWEST_LIMIT = 3;

/** One path's running sums: mean, squared spread, fixed part. */
interface Path {
  mean: number;
  ex2: number;
  base: number;
}

/** A share within 0–1 (non-finite as 0). */
export function clampShare(x: number): number {
  return Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0;
}

export interface Estimate {
  /** Per region: requests per second past the objective because of the users' round trip. */
  distance: number[];
  /** Per class: requests per second past the objective even without it. */
  system: number[];
  /** Per region: traffic-weighted round trip to the data centers serving it, seconds. */
  roundTrip: number[];
  slowest: Array<{ componentId: string; msPerRequest: number }>;
}

/** The last tick's request streams rebuilt from the state, and their slow parts. */
export function estimateSlow(state: SimState): Estimate {
  const { scenario, components } = state;
  const table = routingTable(state);
  const n = components.length;
  const regions = scenario.regions;
  const R = regions.length;
  const objective = scenario.objectives.latencyMs / 1000;
  const mix = REQUEST_CLASSES.map((cls) => scenario.classMix[cls]);
  let mixTotal = 0;
  for (const m of mix) mixTotal += m;
  const links = state.links ?? { from: [], to: [], rates: [], users: { region: [], to: [], rates: [] } };

  // The CDN: static requests go to it while it is in use; its hits come from the edge.
  const cdn = table.cdn >= 0 ? components[table.cdn]! : null;
  const cdnActive = cdn !== null && cdn.count > 0 && cdn.figures.lambda > 0;
  const edgeShare = cdnActive && cdn.figures.served > 0 ? clampShare(cdn.extra.hitRatio ?? 0) : 0;
  const originShare = cdnActive ? (cdn.figures.served > 0 ? 1 - edgeShare : 0) : 1;
  // The class mix reaching the site (static files the CDN answered never do).
  const siteMix = mix.map((m, k) => (k === STATIC ? m * originShare : m));
  let siteTotal = 0;
  for (const m of siteMix) siteTotal += m;

  const regionOf = (i: number) => table.regionIndex[i] as number;
  const trip = (a: number, b: number) => (scenario.latencyMs[regions[a]!.id]?.[regions[b]!.id] ?? 0) / 1000;
  // Users pay the round trip to their data center even in their own region; calls between
  // components in one region pay none (as in the flow).
  const rtt = (a: number, b: number) => (a === b ? 0 : trip(a, b));
  const out: number[][] = components.map(() => []);
  links.from.forEach((from, l) => {
    const i = table.indexById.get(from);
    if (i !== undefined) out[i]!.push(l);
  });

  // A balancer's or web server's wait (mean, spread above it): its measured latency less the
  // service time of the mix it sees, inverting the pool's composition (boundedQueue.ts).
  const waitMean = new Float64Array(n);
  const waitSpread = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = components[i]!;
    if (c.kind !== 'web' && c.kind !== 'lb') continue;
    let service = 0;
    for (let k = 0; k < K; k++) service += (siteMix[k] as number) * (table.service[i * K + k] as number);
    service = siteTotal > 0 ? service / siteTotal : 0;
    const fixed = table.fixedDelay[i] as number;
    const mean = finite(c.figures.meanLatencyMs) / 1000 - fixed;
    const p95 = finite(c.figures.p95LatencyMs) / 1000 - fixed;
    const wait = Math.max(0, mean - service);
    const rest = p95 - wait - service;
    const serviceSpread = LN_20_MINUS_1 * service;
    waitMean[i] = wait;
    waitSpread[i] = rest > serviceSpread ? Math.sqrt(rest * rest - serviceSpread * serviceSpread) : 0;
  }

  /** Adds `calls` calls from i to a component whose own figures stand for its whole path. */
  const callLeaf = (path: Path, i: number, t: number, calls: number) => {
    const f = components[t]!.figures;
    const mean = finite(f.meanLatencyMs) / 1000;
    const spread = Math.max(0, finite(f.p95LatencyMs) / 1000 - mean);
    const trip = rtt(regionOf(i), regionOf(t));
    path.mean += calls * (mean + trip);
    path.ex2 += calls * spread * spread;
    path.base += calls * ((table.fixedDelay[t] as number) + trip);
  };

  const own = (i: number, k: number): Path => {
    const service = table.service[i * K + k] as number;
    const serviceSpread = LN_20_MINUS_1 * service;
    const spread = waitSpread[i] as number;
    const fixed = table.fixedDelay[i] as number;
    return { mean: (waitMean[i] as number) + service + fixed, ex2: spread * spread + serviceSpread * serviceSpread, base: fixed };
  };

  const webPaths = new Map<number, Path>();
  const webPath = (i: number, k: number): Path => {
    const key = i * K + k;
    const known = webPaths.get(key);
    if (known !== undefined) return known;
    const path = own(i, k);
    const store = table.sessionStoreOf[i] as number;
    if (k !== STATIC && store >= 0 && components[store]!.count > 0) callLeaf(path, i, store, 1);
    const queue = table.queueOf[i] as number;
    if (k === JOB && queue >= 0) callLeaf(path, i, queue, 1);
    if (k === READ || k === WRITE) {
      // Data calls per read or write: what the server sent its caches and databases, over its reads and writes.
      const lambda = finite(components[i]!.figures.lambda);
      const data = siteTotal > 0 ? (lambda * ((siteMix[READ] as number) + (siteMix[WRITE] as number))) / siteTotal : 0;
      if (data > 0) {
        for (const l of out[i]!) {
          const t = table.indexById.get(links.to[l]!);
          if (t === undefined) continue;
          const kind = components[t]!.kind;
          if (kind === 'db' || kind === 'cache') callLeaf(path, i, t, finite(links.rates[l] ?? 0) / data);
        }
      }
    }
    webPaths.set(key, path);
    return path;
  };

  const entryPath = (e: number, k: number): Path => {
    const entry = components[e]!;
    if (entry.kind === 'web') return webPath(e, k);
    const path = own(e, k);
    if (entry.kind !== 'lb') return path;
    // A balancer: its targets by the share of requests it sent each.
    const targets = table.targetIndex[e]!;
    const sent = out[e]!.filter((l) => targets.includes(table.indexById.get(links.to[l]!) ?? -1));
    let sum = 0;
    for (const l of sent) sum += finite(links.rates[l] ?? 0);
    for (const l of sent) {
      const t = table.indexById.get(links.to[l]!)!;
      const share = sum > 0 ? finite(links.rates[l] ?? 0) / sum : 1 / sent.length;
      if (share <= 0 || components[t]!.kind !== 'web') continue;
      const down = webPath(t, k);
      const trip = rtt(regionOf(e), regionOf(t));
      path.mean += share * (down.mean + trip);
      path.ex2 += share * down.ex2;
      path.base += share * (down.base + trip);
    }
    return path;
  };

  const distance = new Array<number>(R).fill(0);
  const system = new Array<number>(K).fill(0);
  const roundTrip = new Array<number>(R).fill(0);
  const edge = CDN_EDGE_RTT_MS / 1000;
  for (let r = 0; r < R; r++) {
    const id = regions[r]!.id;
    const routes: Array<{ entry: number; rate: number; trip: number }> = [];
    let toSites = 0;
    let toCdn = 0;
    links.users.region.forEach((region, l) => {
      if (region !== id) return;
      const e = table.indexById.get(links.users.to[l]!);
      const rate = finite(links.users.rates[l] ?? 0);
      if (e === undefined || rate <= 0) return;
      if (e === table.cdn) toCdn += rate;
      else {
        routes.push({ entry: e, rate, trip: trip(r, regionOf(e)) });
        toSites += rate;
      }
    });
    // The region's requests: the CDN takes every static file while in use, the sites the rest.
    const staticMix = (mix[STATIC] as number) / (mixTotal > 0 ? mixTotal : 1);
    const demand = cdnActive && staticMix > 0 && toCdn > 0 ? toCdn / staticMix : siteTotal > 0 ? (toSites * mixTotal) / siteTotal : 0;
    if (!(demand > 0)) continue;
    for (const route of routes) roundTrip[r] = (roundTrip[r] as number) + (route.rate / toSites) * route.trip;
    for (let k = 0; k < K; k++) {
      const weight = (demand * (mix[k] as number)) / (mixTotal > 0 ? mixTotal : 1);
      if (!(weight > 0)) continue;
      let mean = 0;
      let mean0 = 0;
      let base = 0;
      let base0 = 0;
      let ex2 = 0;
      for (const route of routes) {
        const share = route.rate / toSites;
        const path = entryPath(route.entry, k);
        mean += share * (route.trip + path.mean);
        mean0 += share * path.mean;
        base += share * (route.trip + path.base);
        base0 += share * path.base;
        ex2 += share * path.ex2;
      }
      if (k === STATIC && cdnActive) {
        mean = edge + originShare * mean;
        mean0 = edge + originShare * mean0;
        base = edge + originShare * base;
        base0 = edge + originShare * base0;
        ex2 = originShare * ex2;
      }
      const spread = Math.sqrt(ex2);
      const tail = streamTail({ weight, ok: 1, baseSeconds: base, p95Seconds: mean + spread }, objective);
      const tailNear = Math.min(tail, streamTail({ weight, ok: 1, baseSeconds: base0, p95Seconds: mean0 + spread }, objective));
      distance[r] = (distance[r] as number) + weight * (tail - tailNear);
      system[k] = (system[k] as number) + weight * tailNear;
    }
  }
  return { distance, system, roundTrip, slowest: slowestComponents(state, table, rtt) };
}

/**
 * Time per user request at each component, most first: its requests per user request × its mean
 * latency, plus the round trip of the calls that reach it from another region (the calls on the
 * users' path: not a primary's replication stream, not a queue's hand-out to its workers).
 */
function slowestComponents(
  state: SimState,
  table: RoutingTable,
  rtt: (a: number, b: number) => number,
): Array<{ componentId: string; msPerRequest: number }> {
  const requests = state.summary.requestsPerSecond;
  if (!(requests > 0)) return [];
  const { components } = state;
  const ms = components.map(
    (c) => ((c.kind === 'cdn' || c.kind === 'worker' ? 0 : finite(c.figures.lambda)) / requests) * finite(c.figures.meanLatencyMs),
  );
  const links = state.links ?? { from: [], to: [], rates: [] };
  links.from.forEach((from, l) => {
    const i = table.indexById.get(from);
    const t = table.indexById.get(links.to[l]!);
    if (i === undefined || t === undefined) return;
    const caller = components[i]!;
    const callee = components[t]!;
    if (caller.kind === 'queue' || callee.kind === 'cdn' || callee.settings.replicaOf === caller.id) return;
    const trip = rtt(table.regionIndex[i] as number, table.regionIndex[t] as number);
    if (trip > 0) ms[t] = (ms[t] as number) + (finite(links.rates[l] ?? 0) / requests) * trip * 1000;
  });
  const list: Array<{ componentId: string; msPerRequest: number; order: number }> = [];
  components.forEach((c, i) => {
    const value = ms[i] as number;
    if (value > 0) list.push({ componentId: c.id, msPerRequest: value, order: i });
  });
  list.sort((a, b) => b.msPerRequest - a.msPerRequest || a.order - b.order);
  return list.slice(0, SLOWEST_LIMIT).map(({ componentId, msPerRequest }) => ({ componentId, msPerRequest }));
}

function finite(x: number): number {
  return Number.isFinite(x) ? x : 0;
}
