/**
 * What one team may know of its own game (GAME.md row 11, seed: 로그, 메트릭 그리고 자동화): a
 * pure projection of the state that the server sends to that team's clients (fog of war).
 *
 * Always visible, as a provider's console and the users would show it: the clock, the money, the
 * components the team bought (with a coarse status), the entries and GeoDNS weights, the team's
 * features, a vague complaints signal, user counts rounded to two significant figures, and an
 * incident feed that only says when service got worse. Each bought feature reveals its part:
 * host metrics the per-component figures and health, with the requests sent along each link and
 * those users send each entry, aggregated metrics the per-tier figures and the headline latency
 * and availability with why availability falls short (errors, distance, the system:
 * teamViewLoss.ts), business metrics exact users, revenue, cost, retention and growth (and the
 * distance part by users' region), log aggregation the cause and target of every incident (and the
 * system part by request class, with the components where requests spend their time), alerts the
 * threshold alerts.
 * CI/CD reveals nothing (it changes deploys, not what the team sees).
 *
 * The result is plain JSON (no undefined members, no NaN or ±Infinity, no shared references to
 * the state), its key order fixed by this code and not by the state's history, and small: figures
 * are rounded to what a dashboard shows (4 significant figures, shares to 5 decimals, money to
 * cents). The same state always gives the same JSON text.
 */
import { DISK_GB_PER_MEMORY_GB, FEATURE_NAMES, SIZES, type Feature } from './catalogue';
import { isPartitioned, shardLayout } from './flow/shards';
import { activeIncidents } from './incidents';
import { storedGbOf } from './storage';
import { lossFigures } from './teamViewLoss';
import type { ComponentKindName } from './scenario';
import type { ComponentSettings, ComponentState, IncidentRecord, SimState } from './state';
import { restartingInstances, servingInstances } from './topology';
import type {
  AggregatedView,
  Alert,
  AvailabilityLoss,
  AlertKind,
  BusinessView,
  ComponentView,
  FeedEntry,
  HostMetrics,
  TeamView,
  TierFigures,
} from './teamViewTypes';

/** Alert thresholds (the alerts feature): a rule fires when its figure is strictly above its threshold. */
export const ALERT_THRESHOLDS = {
  /** A component's utilisation λ/(cμ) (a sharded database's hottest shard). */
  utilisation: 0.85,
  /** Share of requests failing: all users' requests, or one component's. */
  errorRate: 0.01,
  /** Users' p95 latency, as a multiple of the scenario's latency objective. */
  latencyObjectiveFactor: 1,
  /** A read replica's lag behind its primary, seconds. */
  replicationLagSeconds: 30,
  /** A message queue's backlog growth, messages per second (arrivals beyond what the workers drain). */
  queueGrowthPerSecond: 0,
  /** Instances of a component that are down (crashed, or in a data center that is out). */
  instancesDown: 0,
  /** Shards of a database whose disk is full. */
  fullShards: 0,
  /** Share of a database's disk in use (the fullest shard's, when its data is spread over shards):
   * a warning before the disk is full and writes are refused. */
  diskUse: 0.8,
} as const;

/**
 * Complaints: users say something is wrong without saying what. The level is the worse of the
 * error-rate level and the latency level; each level is the number of these bounds the figure is
 * strictly above (0 none, 1 some, 2 many, 3 outrage).
 */
export const COMPLAINT_ERROR_RATES: readonly number[] = [0.01, 0.05, 0.2];
/** p95 latency of users' requests as a multiple of the latency objective. */
export const COMPLAINT_LATENCY_FACTORS: readonly number[] = [1, 2, 4];
export const COMPLAINT_LEVELS = ['none', 'some', 'many', 'outrage'] as const;
export type Complaints = (typeof COMPLAINT_LEVELS)[number];

/** Most incident-feed entries sent: every open one, then the newest closed ones up to this many. */
export const FEED_LIMIT = 20;
/** Significant figures of user counts without business metrics ("about 12,000 users"). */
export const ROUGH_USER_DIGITS = 2;
/** Significant figures of rates, latencies, capacities and other magnitudes. */
export const FIGURE_DIGITS = 4;
/** Decimals of shares (utilisation, availability, hit ratio …): 0.00001 = 0.001 %. */
export const SHARE_DECIMALS = 5;

/** Extra figures some kinds have, in the order they are sent; internal bookkeeping is left out. */
export const EXTRA_FIGURES = [
  'hitRatio', // cache, CDN: share of gets answered from memory or the edge
  'originPerSecond', // CDN: requests per second it sent on to the site (misses)
  'fill', // cache: share of its memory filled
  'staleShare', // cache, CDN, replica: share of hits/reads that return outdated data
  'replicationLag', // replica: seconds behind its primary
  'shardSkew', // sharded database: busiest shard's load over the mean (1 = even)
  'fullShards', // sharded database: shards whose disk is full
  'storedGb', // database: data it holds (every instance a full copy, unless spread over shards)
  'diskGb', // database: disk for that data (one instance's, or all shards' together)
  'diskUse', // database: share of the disk used (the fullest shard's when spread over shards)
  'messages', // queue: messages waiting for a worker
  'drainPerSecond', // queue: messages per second the workers took this tick
  'gigabytesPerDay', // CDN: delivery at this tick's rate, per day
] as const;
export type ExtraFigure = (typeof EXTRA_FIGURES)[number];

/** Tiers of the aggregated view, in request-path order; each is one component kind. */
export const TIER_ORDER: readonly ComponentKindName[] = ['cdn', 'lb', 'web', 'cache', 'sessionStore', 'queue', 'db', 'worker'];

/** Settings in the order they are sent (checked below to be every setting there is). */
const SETTING_ORDER = [
  'healthChecks', 'colocatedDb', 'engine', 'datasets', 'autoscaling', 'replicaOf', 'failover', 'shardKey',
  'denormalised', 'cachePolicy', 'cacheStrategy', 'ttlSeconds', 'versioning', 'originFallback', 'durable',
] as const satisfies readonly (keyof ComponentSettings)[];
// A setting added to ComponentSettings but not listed above fails to compile here.
const _everySetting: [Exclude<keyof ComponentSettings, (typeof SETTING_ORDER)[number]>] extends [never] ? true : false = true;
void _everySetting;

export type * from './teamViewTypes';

/** The view of the state the team is allowed to see. */
export function teamView(state: SimState): TeamView {
  const features = state.features;
  const serving = servingNow(state);
  const entries: Record<string, string> = {};
  const geoWeights: Record<string, Record<string, number>> = {};
  for (const region of state.scenario.regions) {
    const entry = state.entries[region.id];
    if (entry !== undefined) entries[region.id] = entry;
    const weights = state.geoWeights[region.id];
    if (weights === undefined) continue;
    const copy: Record<string, number> = {};
    for (const to of state.scenario.regions) if (weights[to.id] !== undefined) copy[to.id] = share(weights[to.id] as number);
    geoWeights[region.id] = copy;
  }
  const featureCopy = {} as Record<Feature, boolean>;
  for (const feature of FEATURE_NAMES) featureCopy[feature] = features[feature];
  const exact = features.businessMetrics;
  const summary = state.summary;
  const links = features.hostMetrics ? indexLinks(state) : null;
  return {
    tick: state.tick,
    money: Math.round(finite(state.money) * 100) / 100,
    gameOver: state.gameOver === null ? null : { tick: state.gameOver.tick, reason: state.gameOver.reason },
    features: featureCopy,
    entries,
    geoWeights,
    components: state.components.map((c, i) => componentView(state, links, c, features.hostMetrics ? (serving[i] as number) : -1)),
    users: {
      dau: exact ? Math.round(finite(summary.dau)) : significant(summary.dau, ROUGH_USER_DIGITS),
      online: exact ? Math.round(finite(summary.onlineUsers)) : significant(summary.onlineUsers, ROUGH_USER_DIGITS),
      exact,
    },
    complaints: complaintsOf(state),
    feed: features.logAggregation ? loggedFeed(state) : feltFeed(state),
    aggregated: features.aggregatedMetrics ? aggregatedView(state) : null,
    business: features.businessMetrics ? businessView(state) : null,
    alerts: features.alerts ? alertsOf(state, serving) : null,
  };
}

/** Instances serving now, by component index: ready and alive, and not in a data center (or CDN) that is out. */
export function servingNow(state: SimState): number[] {
  const outRegions = activeIncidents(state, 'dataCenterOutage').map((incident) => incident.region);
  const cdnOut = activeIncidents(state, 'cdnOutage').length > 0;
  return state.components.map((c) => (outRegions.includes(c.region) || (c.kind === 'cdn' && cdnOut) ? 0 : servingInstances(c)));
}

/** Users' complaint level from the error rate and the p95 latency against the objective. */
export function complaintsOf(state: SimState): Complaints {
  const summary = state.summary;
  if (!(summary.requestsPerSecond > 0)) return 'none';
  const objective = state.scenario.objectives.latencyMs;
  let level = 0;
  COMPLAINT_ERROR_RATES.forEach((bound, index) => {
    if (summary.errorRate > bound) level = Math.max(level, index + 1);
  });
  COMPLAINT_LATENCY_FACTORS.forEach((factor, index) => {
    if (summary.p95LatencyMs > objective * factor) level = Math.max(level, index + 1);
  });
  return COMPLAINT_LEVELS[level] as Complaints;
}

/** `serving` is the instances serving now, or −1 when host metrics are not owned. */
function componentView(state: SimState, links: LinkIndex | null, c: ComponentState, serving: number): ComponentView {
  const restarting = c.rolling !== null || c.restartUntilTick >= 0;
  return {
    id: c.id,
    kind: c.kind,
    region: c.region,
    size: c.size,
    count: c.count,
    provisioning: c.provisioning.length,
    status: c.count === 0 && c.provisioning.length > 0 ? 'provisioning' : restarting ? 'restarting' : 'ok',
    resizingTo: c.rolling === null ? null : c.rolling.toSize,
    resharding: c.resharding === null ? null : { shards: c.resharding.shards, key: c.resharding.key, untilTick: c.resharding.untilTick },
    settings: copySettings(c.settings),
    targets: [...c.targets],
    metrics: serving < 0 || links === null ? null : hostMetrics(state, links, c, serving),
  };
}

function copySettings(settings: ComponentSettings): ComponentSettings {
  const copy: Record<string, unknown> = {};
  for (const key of SETTING_ORDER) {
    const value = settings[key];
    if (value === undefined) continue;
    copy[key] = Array.isArray(value) ? [...value] : typeof value === 'object' ? { ...value } : value;
  }
  return copy as ComponentSettings;
}

/** Indices into state.links (and its users' part) by source, and by target, in the order listed. */
interface LinkIndex {
  out: Map<string, number[]>;
  users: Map<string, number[]>;
}

function indexLinks(state: SimState): LinkIndex {
  const index: LinkIndex = { out: new Map(), users: new Map() };
  const add = (map: Map<string, number[]>, key: string, k: number) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [k]);
    else list.push(k);
  };
  // A state saved before links were recorded has none until its next tick.
  const links = state.links ?? { from: [], to: [], rates: [], users: { region: [], to: [], rates: [] } };
  links.from.forEach((from, k) => add(index.out, from, k));
  links.users.to.forEach((to, k) => add(index.users, to, k));
  return index;
}

function hostMetrics(state: SimState, links: LinkIndex, c: ComponentState, serving: number): HostMetrics {
  const f = c.figures;
  const sent: Record<string, number> = {};
  for (const k of links.out.get(c.id) ?? []) sent[state.links.to[k]!] = significant(state.links.rates[k] ?? 0, FIGURE_DIGITS);
  const fromUsers: Record<string, number> = {};
  for (const k of links.users.get(c.id) ?? []) {
    const rate = significant(state.links.users.rates[k] ?? 0, FIGURE_DIGITS);
    if (rate > 0) fromUsers[state.links.users.region[k]!] = rate;
  }
  const restarting = Math.min(restartingInstances(c), c.count);
  const down = Math.max(0, c.count - serving - restarting);
  const derived = derivedFigures(state, c);
  const extra: Partial<Record<ExtraFigure, number>> = {};
  for (const name of EXTRA_FIGURES) {
    const value = derived[name] ?? c.extra[name];
    if (value !== undefined) extra[name] = isShareFigure(name) ? share(value) : significant(value, FIGURE_DIGITS);
  }
  const cdn = c.kind === 'cdn';
  const errorShare = f.lambda > 0 ? f.failed / f.lambda : 0;
  let health: HostMetrics['health'] = 'healthy';
  if (c.count > 0 && serving === 0) health = 'dead';
  else if (serving < c.count || errorShare > ALERT_THRESHOLDS.errorRate || f.utilisation >= 1) health = 'degraded';
  return {
    lambda: significant(f.lambda, FIGURE_DIGITS),
    // The CDN is the provider's edge network: nothing of it fills up (the sim's figure is its load).
    capacity: cdn ? 0 : significant(f.capacity, FIGURE_DIGITS),
    utilisation: cdn ? 0 : share(f.utilisation),
    meanLatencyMs: significant(f.meanLatencyMs, FIGURE_DIGITS),
    p95LatencyMs: significant(f.p95LatencyMs, FIGURE_DIGITS),
    served: significant(f.served, FIGURE_DIGITS),
    errors: significant(f.failed, FIGURE_DIGITS),
    // Waiting on average now (Little's law, λ·Wq) plus whatever an older state still carries.
    backlog: significant(f.queueLength + f.backlog, FIGURE_DIGITS),
    extra,
    sent,
    fromUsers,
    serving,
    down,
    restarting,
    health,
  };
}

function isShareFigure(name: ExtraFigure): boolean {
  return name === 'hitRatio' || name === 'fill' || name === 'staleShare' || name === 'diskUse';
}

/** Figures the view derives for some kinds: a database's disk, a CDN's traffic to the site. */
function derivedFigures(state: SimState, c: ComponentState): Partial<Record<ExtraFigure, number>> {
  if (c.kind === 'cdn') {
    // Static requests it answered from the edge (hits); the rest went on to the site.
    const served = finite(c.figures.served);
    return { originPerSecond: served > 0 ? served * (1 - Math.max(0, Math.min(1, c.extra.hitRatio ?? 0))) : 0 };
  }
  const disk = diskFigures(state, c);
  return disk === null ? {} : { storedGb: disk.storedGb, diskGb: disk.diskGb, diskUse: disk.diskUse };
}

/**
 * A database's data and disk (a primary, a read replica or a sharded one alike): the data it
 * holds, the disk for it, and the share used. One instance has `memoryGb × DISK_GB_PER_MEMORY_GB`
 * of disk. Unless the data is spread over shards, every instance holds all of it, so the disk is
 * one instance's; spread over shards, the disk is all of theirs and the share used is the fullest
 * shard's (the one that refuses writes first, as the flow decides in forward.ts). null for other kinds.
 */
export function diskFigures(state: SimState, c: ComponentState): { storedGb: number; diskGb: number; diskUse: number } | null {
  if (c.kind !== 'db') return null;
  const perInstance = SIZES[c.size].memoryGb * DISK_GB_PER_MEMORY_GB;
  // What the flow measured in the last tick (the same users it decided fullness with).
  const storedGb = finite(c.extra.storedGb ?? storedGbOf(state, c));
  if (!isPartitioned(c)) return { storedGb, diskGb: perInstance, diskUse: perInstance > 0 ? storedGb / perInstance : 0 };
  const storage = shardLayout(state, c.settings.shardKey, c.count, 0).storage;
  let fullest = 0;
  for (const part of storage) fullest = Math.max(fullest, part);
  return { storedGb, diskGb: perInstance * c.count, diskUse: perInstance > 0 ? (fullest * storedGb) / perInstance : 0 };
}

function aggregatedView(state: SimState): AggregatedView {
  const summary = state.summary;
  const tiers: TierFigures[] = [];
  for (const tier of TIER_ORDER) {
    const members = state.components.filter((c) => c.kind === tier);
    if (members.length === 0) continue;
    let instances = 0;
    let lambda = 0;
    let capacity = 0;
    let load = 0;
    let worst = 0;
    let errors = 0;
    let hits = 0;
    for (const c of members) {
      const f = c.figures;
      instances += c.count;
      lambda += finite(f.lambda);
      // The CDN has no capacity of its own (see hostMetrics).
      if (c.kind !== 'cdn') {
        capacity += finite(f.capacity);
        load += finite(f.utilisation) * finite(f.capacity);
      }
      if (f.lambda > 0) worst = Math.max(worst, finite(f.p95LatencyMs));
      errors += finite(f.failed);
      hits += finite(f.lambda) * (c.extra.hitRatio ?? 0);
    }
    const cached = tier === 'cache' || tier === 'cdn';
    tiers.push({
      tier,
      components: members.length,
      instances,
      lambda: significant(lambda, FIGURE_DIGITS),
      capacity: significant(capacity, FIGURE_DIGITS),
      utilisation: share(capacity > 0 ? load / capacity : 0),
      worstP95LatencyMs: significant(worst, FIGURE_DIGITS),
      errors: significant(errors, FIGURE_DIGITS),
      errorRate: share(lambda > 0 ? errors / lambda : 0),
      hitRatio: cached ? share(lambda > 0 ? hits / lambda : 0) : null,
    });
  }
  return {
    requestsPerSecond: significant(summary.requestsPerSecond, FIGURE_DIGITS),
    availability: share(summary.availability),
    errorRate: share(summary.errorRate),
    p50LatencyMs: significant(summary.p50LatencyMs, FIGURE_DIGITS),
    p95LatencyMs: significant(summary.p95LatencyMs, FIGURE_DIGITS),
    tiers,
    loss: availabilityLoss(state),
  };
}

/**
 * Why availability falls short (teamViewLoss.ts): errors, distance and the system with aggregated
 * metrics; the distance part by region with business metrics; the system part by request class
 * and the components where time goes with log aggregation. Each part is rounded on its own, so the
 * parts add up to 1 − availability within SHARE_DECIMALS rounding.
 */
function availabilityLoss(state: SimState): AvailabilityLoss {
  const loss = lossFigures(state);
  const { businessMetrics, logAggregation } = state.features;
  return {
    errors: share(loss.errors),
    distance: share(loss.distance),
    system: share(loss.system),
    regions: businessMetrics
      ? loss.regions.map((r) => ({ id: r.id, share: share(r.share), roundTripMs: significant(r.roundTripSeconds * 1000, FIGURE_DIGITS) }))
      : null,
    classes: logAggregation ? loss.classes.map((c) => ({ cls: c.cls, share: share(c.share) })) : null,
    slowest: logAggregation ? loss.slowest.map((s) => ({ componentId: s.componentId, msPerRequest: significant(s.msPerRequest, FIGURE_DIGITS) })) : null,
  };
}

function businessView(state: SimState): BusinessView {
  const { summary, scenario } = state;
  let change = 0;
  let churn = 0;
  let dau = 0;
  state.regions.forEach((region, r) => {
    dau += region.users;
    if (scenario.traffic.mode !== 'growth') return;
    const market = scenario.regions[r]?.marketSize ?? 0;
    const s = region.satisfaction;
    const lost = scenario.traffic.churnPerDay * region.users * (1 - s);
    churn += lost;
    change += (market > 0 ? scenario.traffic.growthPerDay * region.users * (1 - region.users / market) * s : 0) - lost;
  });
  return {
    revenuePerDay: significant(summary.revenuePerDay, FIGURE_DIGITS),
    costPerDay: significant(summary.costPerDay, FIGURE_DIGITS),
    peakDau: Math.round(finite(state.totals.peakDau)),
    satisfaction: share(summary.satisfaction),
    retentionPerDay: share(dau > 0 ? 1 - churn / dau : 1),
    growthPerDay: share(dau > 0 ? change / dau : 0),
    regions: state.regions.map((region) => ({ id: region.id, dau: Math.round(finite(region.users)), satisfaction: share(region.satisfaction) })),
  };
}

/** With log aggregation: every incident, with its cause and target. */
function loggedFeed(state: SimState): FeedEntry[] {
  const entries = state.incidents.map((incident) => ({
    tick: incident.startTick,
    recoveredTick: incident.recoveredTick,
    cause: {
      incidentId: incident.id,
      type: incident.type,
      target: incident.target,
      region: incident.region,
      peer: incident.peer,
      endTick: incident.endTick,
    },
  }));
  return newest(entries, (entry) => entry.recoveredTick === null || entry.cause.endTick === null);
}

/**
 * Without logs: only what users felt. An incident was felt when service has not recovered from it
 * and is below where it was (or below the objective) now, or when recovering took more than the
 * first tick after its start (the sim's own recovery record). Incidents that began at the same
 * tick make one entry: users cannot tell them apart.
 */
function feltFeed(state: SimState): FeedEntry[] {
  const objective = state.scenario.objectives.availability;
  const felt = (incident: IncidentRecord): boolean =>
    incident.recoveredTick === null
      ? state.summary.availability < Math.min(incident.baselineAvailability, objective) - 1e-9
      : incident.recoveredTick > incident.startTick + 1;
  const entries: FeedEntry[] = [];
  const byTick = new Map<number, FeedEntry>();
  for (const incident of state.incidents) {
    if (!felt(incident)) continue;
    const same = byTick.get(incident.startTick);
    if (same === undefined) {
      const entry: FeedEntry = { tick: incident.startTick, recoveredTick: incident.recoveredTick, cause: null };
      entries.push(entry);
      byTick.set(entry.tick, entry);
    } else if (same.recoveredTick !== null) {
      same.recoveredTick = incident.recoveredTick === null ? null : Math.max(same.recoveredTick, incident.recoveredTick);
    }
  }
  entries.sort((a, b) => a.tick - b.tick);
  return newest(entries, (entry) => entry.recoveredTick === null);
}

/** Every open entry, and the newest closed ones up to FEED_LIMIT in all, in their original order. */
function newest<T>(entries: T[], open: (entry: T) => boolean): T[] {
  let room = Math.max(0, FEED_LIMIT - entries.filter(open).length);
  const keep = new Array<boolean>(entries.length).fill(false);
  for (let i = entries.length - 1; i >= 0; i--) {
    if (open(entries[i] as T)) keep[i] = true;
    else if (room > 0) {
      keep[i] = true;
      room--;
    }
  }
  return entries.filter((_, i) => keep[i]);
}

/** The threshold alerts firing now: the users' figures first, then each component's in component order. */
function alertsOf(state: SimState, serving: number[]): Alert[] {
  const alerts: Alert[] = [];
  const fire = (kind: AlertKind, componentId: string | null, value: number, threshold: number) => {
    if (value > threshold) {
      const isShare = kind === 'utilisation' || kind === 'errorRate' || kind === 'diskSpace';
      alerts.push({ kind, componentId, value: isShare ? share(value) : significant(value, FIGURE_DIGITS), threshold });
    }
  };
  const summary = state.summary;
  const t = ALERT_THRESHOLDS;
  if (summary.requestsPerSecond > 0) {
    fire('errorRate', null, summary.errorRate, t.errorRate);
    fire('latency', null, summary.p95LatencyMs, state.scenario.objectives.latencyMs * t.latencyObjectiveFactor);
  }
  state.components.forEach((c, i) => {
    if (c.count === 0) return;
    const f = c.figures;
    const down = Math.max(0, c.count - (serving[i] as number) - Math.min(restartingInstances(c), c.count));
    fire('instanceDown', c.id, down, t.instancesDown);
    fire('utilisation', c.id, finite(f.utilisation), t.utilisation);
    if (f.lambda > 0) fire('errorRate', c.id, f.failed / f.lambda, t.errorRate);
    if (c.kind === 'db' && c.settings.replicaOf !== undefined) fire('replicationLag', c.id, c.extra.replicationLag ?? 0, t.replicationLagSeconds);
    if (c.kind === 'queue' && c.messages > 0) fire('queueBacklog', c.id, f.served - (c.extra.drainPerSecond ?? 0), t.queueGrowthPerSecond);
    if (c.kind === 'db') fire('shardFull', c.id, c.extra.fullShards ?? 0, t.fullShards);
    if (c.kind === 'db') fire('diskSpace', c.id, diskFigures(state, c)?.diskUse ?? 0, t.diskUse);
  });
  return alerts;
}

/** Largest magnitude a figure is sent with; non-finite figures become this (or 0 for NaN). */
const MAX_FIGURE = 1e15;
/** Magnitudes below this are sent as 0. */
const MIN_FIGURE = 1e-9;
/** 10^0 … 10^22: every power of ten a double holds exactly. */
const POW10: number[] = [];
for (let p = 1, e = 0; e <= 22; e++, p *= 10) POW10.push(p);

function finite(x: number): number {
  if (Number.isNaN(x)) return 0;
  return Math.max(-MAX_FIGURE, Math.min(MAX_FIGURE, x));
}

/** A share (0–1 or an over-1 utilisation) rounded to SHARE_DECIMALS decimals. */
function share(x: number): number {
  const scale = POW10[SHARE_DECIMALS] as number;
  return Math.round(finite(x) * scale) / scale + 0;
}

/**
 * `x` rounded to `digits` significant figures, with only exact operations and exact powers of ten
 * (so every engine gives the same double): the nearest double to the rounded decimal.
 */
export function significant(x: number, digits: number): number {
  const v = finite(x);
  const magnitude = Math.abs(v);
  if (magnitude < MIN_FIGURE) return 0;
  // e = ⌊log10 |v|⌋, found by comparing with exact powers (|v| ≤ 1e15, ≥ 1e-9).
  let e = 0;
  while (e < 22 && magnitude >= (POW10[e + 1] as number)) e++;
  while (e > -22 && magnitude * (POW10[-e] as number) < 1) e--;
  const k = digits - 1 - e;
  const rounded = k >= 0 ? Math.round(v * (POW10[k] as number)) / (POW10[k] as number) : Math.round(v / (POW10[-k] as number)) * (POW10[-k] as number);
  return rounded + 0; // no −0
}
