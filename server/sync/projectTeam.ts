// One-way projection of a team's view (shared/sim/teamView.ts) into its schema instance after
// each tick. Fields are assigned only when their value changed, and figures are rounded to what
// a player can read (3 significant digits, money to the cent), so a steady system sends almost
// nothing: patches carry what moved.
import { ArraySchema } from '@colyseus/schema';
import type { ComponentView, FeedEntry, HostMetrics, TeamView } from '../../shared/sim';
import {
  AggregatedState,
  AlertState,
  BusinessState,
  ComponentState,
  FeedEntryState,
  HostMetricsState,
  LossClassState,
  LossRegionState,
  RegionBusinessState,
  SlowComponentState,
  TierState,
  type TeamState,
} from '../../shared/schema/gameState';

/** The newest feed entries a team is sent (older ones stay in the log and the debrief). */
export const FEED_LIMIT = 50;

/** x rounded to `digits` significant digits (0 stays 0; non-finite values become 0). */
export function readable(x: number, digits = 3): number {
  if (!Number.isFinite(x) || x === 0) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  const scale = 10 ** (digits - 1 - magnitude);
  return Math.round(x * scale) / scale;
}

/** Assigns `value` to `target[key]` only when it differs (schema would otherwise still track it). */
function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (target[key] !== value) target[key] = value;
}

/** Element by element, with pop, push and index assignment: a splice that inserts is not sent. */
function syncStrings(target: ArraySchema<string>, values: readonly string[]): void {
  while (target.length > values.length) target.pop();
  values.forEach((value, i) => {
    if (i >= target.length) target.push(value);
    else if (target[i] !== value) target[i] = value;
  });
}

function syncMap<V>(target: { get(key: string): V | undefined; set(key: string, value: V): unknown; delete(key: string): unknown; keys(): IterableIterator<string> }, values: Record<string, V>): void {
  for (const key of [...target.keys()]) if (!(key in values)) target.delete(key);
  for (const [key, value] of Object.entries(values)) if (target.get(key) !== value) target.set(key, value);
}

function projectMetrics(target: HostMetricsState, m: HostMetrics): void {
  set(target, 'lambda', readable(m.lambda));
  set(target, 'capacity', readable(m.capacity));
  set(target, 'utilisation', readable(m.utilisation));
  set(target, 'meanLatencyMs', readable(m.meanLatencyMs));
  set(target, 'p95LatencyMs', readable(m.p95LatencyMs));
  set(target, 'served', readable(m.served));
  set(target, 'errors', readable(m.errors));
  set(target, 'backlog', readable(m.backlog));
  set(target, 'serving', m.serving);
  set(target, 'down', m.down);
  set(target, 'restarting', m.restarting);
  set(target, 'health', m.health);
  const extra: Record<string, number> = {};
  for (const [name, value] of Object.entries(m.extra)) if (value !== undefined) extra[name] = readable(value);
  syncMap(target.extra, extra);
  syncMap(target.sent, readableAll(m.sent));
  syncMap(target.fromUsers, readableAll(m.fromUsers));
}

/** A copy of `figures` with every value readable(). */
function readableAll(figures: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(figures)) out[key] = readable(value);
  return out;
}

/**
 * Called with every schema instance the projection creates, once it is in the tree: a StateView
 * that holds the team must also be given the new instance, or the collections inside it (a new
 * component's targets, say) never reach the clients of that view.
 */
export type OnCreated = (instance: object) => void;

function projectComponent(target: ComponentState, view: ComponentView, created: OnCreated): void {
  set(target, 'id', view.id);
  set(target, 'kind', view.kind);
  set(target, 'region', view.region);
  set(target, 'size', view.size);
  set(target, 'count', view.count);
  set(target, 'provisioning', view.provisioning);
  set(target, 'status', view.status);
  set(target, 'resizingTo', view.resizingTo ?? '');
  set(target, 'resharding', view.resharding === null ? '' : JSON.stringify(view.resharding));
  set(target, 'settings', JSON.stringify(view.settings));
  syncStrings(target.targets, view.targets);
  if (view.metrics === null) {
    if (target.metrics !== undefined) target.metrics = undefined;
  } else {
    if (target.metrics === undefined) {
      target.metrics = new HostMetricsState();
      created(target.metrics);
    }
    projectMetrics(target.metrics, view.metrics);
  }
}

function projectFeedEntry(target: FeedEntryState, entry: FeedEntry): void {
  set(target, 'tick', entry.tick);
  set(target, 'recoveredTick', entry.recoveredTick ?? -1);
  const cause = entry.cause;
  set(target, 'type', cause?.type ?? '');
  set(target, 'incidentId', cause?.incidentId ?? -1);
  set(target, 'target', cause?.target ?? '');
  set(target, 'region', cause?.region ?? '');
  set(target, 'peer', cause?.peer ?? '');
  set(target, 'endTick', cause?.endTick ?? -1);
}

/** Keeps `target` the same length as `values`, reusing its elements, and fills each with `fill`. */
function syncArray<S extends object, V>(target: ArraySchema<S>, values: readonly V[], create: () => S, fill: (item: S, value: V) => void, created: OnCreated): void {
  while (target.length > values.length) target.pop();
  while (target.length < values.length) {
    const item = create();
    target.push(item);
    created(item);
  }
  values.forEach((value, i) => fill(target[i] as S, value));
}

/** Brings `team` up to date with `view`. */
export function projectTeam(team: TeamState, view: TeamView, created: OnCreated = () => undefined): void {
  set(team, 'tick', view.tick);
  set(team, 'money', Math.round(view.money * 100) / 100);
  set(team, 'gameOver', view.gameOver?.reason ?? '');
  set(team, 'gameOverTick', view.gameOver?.tick ?? -1);
  syncMap(team.features, view.features);
  syncMap(team.entries, view.entries);
  set(team, 'geoWeights', JSON.stringify(view.geoWeights));
  set(team, 'dau', view.users.exact ? view.users.dau : readable(view.users.dau, 2));
  set(team, 'online', view.users.exact ? view.users.online : readable(view.users.online, 2));
  set(team, 'usersExact', view.users.exact);
  set(team, 'complaints', view.complaints);

  const ids = new Set(view.components.map((c) => c.id));
  for (const id of [...team.components.keys()]) if (!ids.has(id)) team.components.delete(id);
  for (const component of view.components) {
    let target = team.components.get(component.id);
    if (target === undefined) {
      target = new ComponentState();
      team.components.set(component.id, target);
      created(target);
    }
    projectComponent(target, component, created);
  }

  syncArray(team.feed, view.feed.slice(-FEED_LIMIT), () => new FeedEntryState(), projectFeedEntry, created);

  if (view.aggregated === null) {
    if (team.aggregated !== undefined) team.aggregated = undefined;
  } else {
    const a = view.aggregated;
    if (team.aggregated === undefined) {
      team.aggregated = new AggregatedState();
      created(team.aggregated);
    }
    const target = team.aggregated;
    set(target, 'requestsPerSecond', readable(a.requestsPerSecond));
    set(target, 'availability', readable(a.availability, 4));
    set(target, 'errorRate', readable(a.errorRate));
    set(target, 'p50LatencyMs', readable(a.p50LatencyMs));
    set(target, 'p95LatencyMs', readable(a.p95LatencyMs));
    syncArray(target.tiers, a.tiers, () => new TierState(), (tier, f) => {
      set(tier, 'tier', f.tier);
      set(tier, 'components', f.components);
      set(tier, 'instances', f.instances);
      set(tier, 'lambda', readable(f.lambda));
      set(tier, 'capacity', readable(f.capacity));
      set(tier, 'utilisation', readable(f.utilisation));
      set(tier, 'worstP95LatencyMs', readable(f.worstP95LatencyMs));
      set(tier, 'errors', readable(f.errors));
      set(tier, 'errorRate', readable(f.errorRate));
      set(tier, 'hitRatio', f.hitRatio === null ? -1 : readable(f.hitRatio));
    }, created);
    // teamView always sets the loss; a hand-made view without it sends none.
    const loss = a.loss ?? { errors: 0, distance: 0, system: 0, regions: null, classes: null, slowest: null };
    set(target, 'lossErrors', readable(loss.errors));
    set(target, 'lossDistance', readable(loss.distance));
    set(target, 'lossSystem', readable(loss.system));
    set(target, 'lossRegionsShown', loss.regions !== null);
    syncArray(target.lossRegions, loss.regions ?? [], () => new LossRegionState(), (region, r) => {
      set(region, 'id', r.id);
      set(region, 'share', readable(r.share));
      set(region, 'roundTripMs', readable(r.roundTripMs));
    }, created);
    set(target, 'lossDetailShown', loss.classes !== null && loss.slowest !== null);
    syncArray(target.lossClasses, loss.classes ?? [], () => new LossClassState(), (item, c) => {
      set(item, 'cls', c.cls);
      set(item, 'share', readable(c.share));
    }, created);
    syncArray(target.slowest, loss.slowest ?? [], () => new SlowComponentState(), (item, c) => {
      set(item, 'componentId', c.componentId);
      set(item, 'msPerRequest', readable(c.msPerRequest));
    }, created);
  }

  if (view.business === null) {
    if (team.business !== undefined) team.business = undefined;
  } else {
    const b = view.business;
    if (team.business === undefined) {
      team.business = new BusinessState();
      created(team.business);
    }
    const target = team.business;
    set(target, 'revenuePerDay', Math.round(b.revenuePerDay * 100) / 100);
    set(target, 'costPerDay', Math.round(b.costPerDay * 100) / 100);
    set(target, 'peakDau', Math.round(b.peakDau));
    set(target, 'satisfaction', readable(b.satisfaction));
    set(target, 'retentionPerDay', readable(b.retentionPerDay, 4));
    set(target, 'growthPerDay', readable(b.growthPerDay));
    syncArray(target.regions, b.regions, () => new RegionBusinessState(), (region, r) => {
      set(region, 'id', r.id);
      set(region, 'dau', Math.round(r.dau));
      set(region, 'satisfaction', readable(r.satisfaction));
    }, created);
  }

  set(team, 'alerting', view.alerts !== null);
  syncArray(team.alerts, view.alerts ?? [], () => new AlertState(), (alert, a) => {
    set(alert, 'kind', a.kind);
    set(alert, 'componentId', a.componentId ?? '');
    set(alert, 'value', readable(a.value));
    set(alert, 'threshold', a.threshold);
  }, created);
}
