// One-way projection of a team's view (shared/sim/view/) into its schema instance after each
// tick. The view has already rounded every figure, once, to what a player reads
// (shared/sim/view/figures.ts), and cut the feed to what the team is sent (FEED_LIMIT): this
// copies, and rounds nothing again. Fields are assigned only when their value changed, so a steady
// system sends almost nothing: patches carry what moved.
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

/** Assigns `value` to `target[key]` only when it differs (schema would otherwise still track it). */
function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (target[key] !== value) target[key] = value;
}

/** Element by element, with pop, push and index assignment: a splice that inserts is not sent. */
function syncValues<T extends string | number>(target: ArraySchema<T>, values: readonly T[]): void {
  while (target.length > values.length) target.pop();
  values.forEach((value, i) => {
    if (i >= target.length) target.push(value);
    else if (target[i] !== value) target[i] = value;
  });
}

function syncMap<V>(
  target: {
    get(key: string): V | undefined;
    set(key: string, value: V): unknown;
    delete(key: string): unknown;
    keys(): IterableIterator<string>;
  },
  values: Record<string, V>,
): void {
  for (const key of [...target.keys()]) if (!(key in values)) target.delete(key);
  for (const [key, value] of Object.entries(values)) if (target.get(key) !== value) target.set(key, value);
}

function projectMetrics(target: HostMetricsState, m: HostMetrics): void {
  set(target, 'lambda', m.lambda);
  set(target, 'capacity', m.capacity);
  set(target, 'utilisation', m.utilisation);
  set(target, 'meanLatencyMs', m.meanLatencyMs);
  set(target, 'p95LatencyMs', m.p95LatencyMs);
  set(target, 'served', m.served);
  set(target, 'errors', m.errors);
  set(target, 'backlog', m.backlog);
  set(target, 'serving', m.serving);
  set(target, 'down', m.down);
  set(target, 'restarting', m.restarting);
  set(target, 'health', m.health);
  const extra: Record<string, number> = {};
  for (const [name, value] of Object.entries(m.extra)) if (value !== undefined) extra[name] = value;
  syncMap(target.extra, extra);
  syncMap(target.sent, m.sent);
  syncMap(target.fromUsers, m.fromUsers);
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
  syncValues(target.targets, view.targets);
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
function syncArray<S extends object, V>(
  target: ArraySchema<S>,
  values: readonly V[],
  create: () => S,
  fill: (item: S, value: V) => void,
  created: OnCreated,
): void {
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
  set(team, 'money', view.money);
  set(team, 'gameOver', view.gameOver?.reason ?? '');
  set(team, 'gameOverTick', view.gameOver?.tick ?? -1);
  syncMap(team.features, view.features);
  syncMap(team.entries, view.entries);
  set(team, 'geoWeights', JSON.stringify(view.geoWeights));
  set(team, 'dau', view.users.dau);
  set(team, 'online', view.users.online);
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

  syncArray(team.feed, view.feed, () => new FeedEntryState(), projectFeedEntry, created);

  if (view.aggregated === null) {
    if (team.aggregated !== undefined) team.aggregated = undefined;
  } else {
    const a = view.aggregated;
    if (team.aggregated === undefined) {
      team.aggregated = new AggregatedState();
      created(team.aggregated);
    }
    const target = team.aggregated;
    set(target, 'requestsPerSecond', a.requestsPerSecond);
    set(target, 'availability', a.availability);
    set(target, 'errorRate', a.errorRate);
    set(target, 'p50LatencyMs', a.p50LatencyMs);
    set(target, 'p95LatencyMs', a.p95LatencyMs);
    syncArray(
      target.tiers,
      a.tiers,
      () => new TierState(),
      (tier, f) => {
        set(tier, 'tier', f.tier);
        set(tier, 'components', f.components);
        set(tier, 'instances', f.instances);
        set(tier, 'lambda', f.lambda);
        set(tier, 'capacity', f.capacity);
        set(tier, 'utilisation', f.utilisation);
        set(tier, 'worstP95LatencyMs', f.worstP95LatencyMs);
        set(tier, 'errors', f.errors);
        set(tier, 'errorRate', f.errorRate);
        set(tier, 'hitRatio', f.hitRatio === null ? -1 : f.hitRatio);
      },
      created,
    );
    // teamView always sets the loss; a hand-made view without it sends none.
    const loss = a.loss ?? { errors: 0, distance: 0, system: 0, regions: null, classes: null, slowest: null };
    set(target, 'lossErrors', loss.errors);
    set(target, 'lossDistance', loss.distance);
    set(target, 'lossSystem', loss.system);
    set(target, 'lossRegionsShown', loss.regions !== null);
    syncArray(
      target.lossRegions,
      loss.regions ?? [],
      () => new LossRegionState(),
      (region, r) => {
        set(region, 'id', r.id);
        set(region, 'share', r.share);
        set(region, 'roundTripMs', r.roundTripMs);
      },
      created,
    );
    set(target, 'lossDetailShown', loss.classes !== null && loss.slowest !== null);
    syncArray(
      target.lossClasses,
      loss.classes ?? [],
      () => new LossClassState(),
      (item, c) => {
        set(item, 'cls', c.cls);
        set(item, 'share', c.share);
      },
      created,
    );
    syncArray(
      target.slowest,
      loss.slowest ?? [],
      () => new SlowComponentState(),
      (item, c) => {
        set(item, 'componentId', c.componentId);
        set(item, 'msPerRequest', c.msPerRequest);
      },
      created,
    );
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
    set(target, 'revenuePerDay', b.revenuePerDay);
    set(target, 'costPerDay', b.costPerDay);
    set(target, 'peakDau', b.peakDau);
    set(target, 'satisfaction', b.satisfaction);
    set(target, 'retentionPerDay', b.retentionPerDay);
    set(target, 'growthPerDay', b.growthPerDay);
    syncArray(
      target.regions,
      b.regions,
      () => new RegionBusinessState(),
      (region, r) => {
        set(region, 'id', r.id);
        set(region, 'dau', r.dau);
        set(region, 'satisfaction', r.satisfaction);
      },
      created,
    );
  }

  set(team, 'alerting', view.alerts !== null);
  syncArray(
    team.alerts,
    view.alerts ?? [],
    () => new AlertState(),
    (alert, a) => {
      set(alert, 'kind', a.kind);
      set(alert, 'componentId', a.componentId ?? '');
      set(alert, 'value', a.value);
      set(alert, 'threshold', a.threshold);
    },
    created,
  );
}

/** Keeps a list of figures (a chapter's goal values) equal to `values`, sending only what changed. */
export function syncNumbers(target: ArraySchema<number>, values: readonly number[]): void {
  syncValues(target, values);
}
