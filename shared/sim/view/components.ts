/**
 * The components of the team view: what the provider's console shows of each (what was bought,
 * whether it is up yet, its settings and connections), and with host metrics its figures and
 * health, the requests it sent along each connection and those users sent it.
 */
import { activeIncidents } from '../rules/incidents';
import type { ComponentSettings, ComponentState, SimState } from '../core/state';
import { restartingInstances, servingInstances } from '../core/topology';
import { ALERT_THRESHOLDS } from './alerts';
import { diskFigures } from './disk';
import { figure, finite, share } from './figures';
import { EXTRA_FIGURES, type ComponentView, type ExtraFigure, type HostMetrics } from './types';

/** Settings in the order they are sent (checked below to be every setting there is). */
const SETTING_ORDER = [
  'healthChecks',
  'colocatedDb',
  'engine',
  'datasets',
  'autoscaling',
  'replicaOf',
  'failover',
  'shardKey',
  'denormalised',
  'cachePolicy',
  'cacheStrategy',
  'ttlSeconds',
  'versioning',
  'originFallback',
  'durable',
] as const satisfies readonly (keyof ComponentSettings)[];
// A setting added to ComponentSettings but not listed above fails to compile here.
const _everySetting: [Exclude<keyof ComponentSettings, (typeof SETTING_ORDER)[number]>] extends [never] ? true : false = true;
void _everySetting;

/** Instances serving now, by component index: ready and alive, and not in a data center (or CDN) that is out. */
export function servingNow(state: SimState): number[] {
  const outRegions = activeIncidents(state, 'dataCenterOutage').map((incident) => incident.region);
  const cdnOut = activeIncidents(state, 'cdnOutage').length > 0;
  return state.components.map((c) => (outRegions.includes(c.region) || (c.kind === 'cdn' && cdnOut) ? 0 : servingInstances(c)));
}

/** Every component's view, in the state's order; `serving` (servingNow) only with host metrics. */
export function componentViews(state: SimState, serving: readonly number[] | null): ComponentView[] {
  if (serving === null) return state.components.map((c) => componentView(state, c, null));
  const links = indexLinks(state);
  return state.components.map((c, i) => componentView(state, c, { links, serving: serving[i] as number }));
}

/** `metrics` is null when host metrics are not owned. */
function componentView(state: SimState, c: ComponentState, metrics: { links: LinkIndex; serving: number } | null): ComponentView {
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
    metrics: metrics === null ? null : hostMetrics(state, metrics.links, c, metrics.serving),
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
  for (const k of links.out.get(c.id) ?? []) sent[state.links.to[k]!] = figure(state.links.rates[k] ?? 0);
  const fromUsers: Record<string, number> = {};
  for (const k of links.users.get(c.id) ?? []) {
    const rate = figure(state.links.users.rates[k] ?? 0);
    if (rate > 0) fromUsers[state.links.users.region[k]!] = rate;
  }
  const restarting = Math.min(restartingInstances(c), c.count);
  const down = Math.max(0, c.count - serving - restarting);
  const derived = derivedFigures(state, c);
  const extra: Partial<Record<ExtraFigure, number>> = {};
  for (const name of EXTRA_FIGURES) {
    const value = derived[name] ?? c.extra[name];
    if (value !== undefined) extra[name] = isShareFigure(name) ? share(value) : figure(value);
  }
  const cdn = c.kind === 'cdn';
  const errorShare = f.lambda > 0 ? f.failed / f.lambda : 0;
  let health: HostMetrics['health'] = 'healthy';
  if (c.count > 0 && serving === 0) health = 'dead';
  else if (serving < c.count || errorShare > ALERT_THRESHOLDS.errorRate || f.utilisation >= 1) health = 'degraded';
  return {
    lambda: figure(f.lambda),
    // The CDN is the provider's edge network: nothing of it fills up (the sim's figure is its load).
    capacity: cdn ? 0 : figure(f.capacity),
    utilisation: cdn ? 0 : share(f.utilisation),
    meanLatencyMs: figure(f.meanLatencyMs),
    p95LatencyMs: figure(f.p95LatencyMs),
    served: figure(f.served),
    errors: figure(f.failed),
    // Waiting on average now (Little's law, λ·Wq) plus whatever an older state still carries.
    backlog: figure(f.queueLength + f.backlog),
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
