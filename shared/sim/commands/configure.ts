/**
 * `configure`: change a component's settings. Each setting belongs to some kinds; a setting for
 * another kind, or a value the rules forbid, refuses the whole command.
 */
import { MAX_COUNT, type Command, type SettingsChange } from './command';
import type { ComponentKindName } from '../core/scenario';
import type { ComponentSettings, ComponentState, SimState } from '../core/state';
import { accepted, findComponent, plannedInstances, refuse, type CommandResult } from './result';

/** Which kinds each setting applies to. */
const SETTING_KINDS: Record<string, readonly ComponentKindName[]> = {
  healthChecks: ['lb'],
  colocatedDb: ['web'],
  autoscaling: ['web', 'worker'],
  engine: ['db'],
  datasets: ['db'],
  failover: ['db'],
  shardKey: ['db'],
  denormalised: ['db'],
  cachePolicy: ['cache'],
  cacheStrategy: ['cache'],
  ttlSeconds: ['cache', 'cdn'],
  versioning: ['cdn'],
  originFallback: ['cdn'],
  durable: ['queue'],
};

type SettingName = keyof SettingsChange;
type Unchanged<K extends SettingName> = (requested: NonNullable<SettingsChange[K]>, current: SettingsChange[K]) => boolean;

const sameValue = (requested: unknown, current: unknown): boolean => requested === current;

/** The same data sets in the same order (the order is part of the state). */
function sameList(requested: readonly string[], current: readonly string[] | undefined): boolean {
  return current !== undefined && current.length === requested.length && requested.every((id, i) => current[i] === id);
}

/** The same rule: every member equal (the rule is stored as a copy of the requested object). */
function sameRule(requested: object, current: object | undefined): boolean {
  if (current === undefined) return false;
  const a = requested as Record<string, unknown>;
  const b = current as Record<string, unknown>;
  const defined = (record: Record<string, unknown>) => Object.keys(record).filter((key) => record[key] !== undefined);
  const keys = defined(a);
  return keys.length === defined(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * How each setting's requested value is compared with the stored one, to refuse a `configure`
 * that changes nothing. The type lists every setting, so a new one must say how it compares.
 */
const UNCHANGED: { [K in SettingName]-?: Unchanged<K> } = {
  healthChecks: sameValue,
  colocatedDb: sameValue,
  engine: sameValue,
  datasets: sameList,
  autoscaling: sameRule,
  failover: sameValue,
  shardKey: sameValue,
  denormalised: sameValue,
  cachePolicy: sameValue,
  cacheStrategy: sameValue,
  ttlSeconds: sameValue,
  versioning: sameValue,
  originFallback: sameValue,
  durable: sameValue,
};

/** Settings a primary database hands on to its replicas. */
const REPLICATED: readonly SettingName[] = ['engine', 'datasets', 'shardKey'];

const SETTING_NAMES = Object.keys(UNCHANGED) as readonly SettingName[];

function settingUnchanged(name: SettingName, change: SettingsChange, settings: ComponentSettings): boolean {
  const requested = change[name];
  // UNCHANGED[name] pairs with this name's values; TypeScript cannot follow that through a union of names.
  const compare = UNCHANGED[name] as (requested: unknown, current: unknown) => boolean;
  return requested === undefined || compare(requested, settings[name]);
}

/** True when applying `command` would leave the component's settings, and its replicas' copies, as they are. */
function changesNothing(state: SimState, component: ComponentState, command: SettingsChange): boolean {
  if (!SETTING_NAMES.every((name) => settingUnchanged(name, command, component.settings))) return false;
  return state.components.every(
    (replica) =>
      replica.settings.replicaOf !== component.id || REPLICATED.every((name) => settingUnchanged(name, command, replica.settings)),
  );
}

/** Longest TTL a cache or CDN entry may have: a week. */
const MAX_TTL_SECONDS = 7 * 24 * 3600;

export function configure(state: SimState, command: Extract<Command, { type: 'configure' }>, apply: boolean): CommandResult {
  const component = findComponent(state, command.id);
  if (component === undefined) return refuse('unknown-component');
  for (const [name, value] of Object.entries(command)) {
    if (name === 'type' || name === 'id' || value === undefined) continue;
    if (!(SETTING_KINDS[name] ?? []).includes(component.kind)) return refuse('invalid-setting');
  }
  const planned = plannedInstances(component);
  const rule = command.autoscaling ?? component.settings.autoscaling;
  const hostsDb = command.colocatedDb ?? component.settings.colocatedDb === true;
  // A server that hosts the database must stay a single box, by hand or by autoscaling.
  if (hostsDb && (planned > 1 || (rule?.enabled === true && rule.max > 1))) return refuse('colocated-db-single-box');
  const isReplica = component.settings.replicaOf !== undefined;
  // A replica follows its primary's engine, data and layout.
  if (isReplica && (command.engine !== undefined || command.datasets !== undefined || command.shardKey !== undefined)) {
    return refuse('invalid-setting');
  }
  // Changing the key of data already spread over several instances means moving it: that is `reshard`.
  if (command.shardKey !== undefined && command.shardKey !== component.settings.shardKey && planned > 1) return refuse('busy');
  const engine = command.engine ?? component.settings.engine;
  const sharded = (command.shardKey ?? component.settings.shardKey) !== undefined;
  if (engine === 'rdbms' && planned > 1 && !sharded && !isReplica) return refuse('rdbms-cannot-partition');
  if (command.datasets !== undefined) {
    const known = state.scenario.datasets.map((d) => d.id);
    if (command.datasets.some((id) => !known.includes(id))) return refuse('unknown-dataset');
  }
  if (command.ttlSeconds !== undefined && !(command.ttlSeconds > 0 && command.ttlSeconds <= MAX_TTL_SECONDS)) {
    return refuse('invalid-setting');
  }
  if (command.autoscaling !== undefined) {
    const r = command.autoscaling;
    const valid =
      Number.isInteger(r.min) &&
      Number.isInteger(r.max) &&
      r.min >= 1 &&
      r.min <= r.max &&
      r.max <= MAX_COUNT &&
      r.targetUtilisation > 0 &&
      r.targetUtilisation < 1 &&
      Number.isInteger(r.cooldownTicks) &&
      r.cooldownTicks >= 0;
    if (!valid) return refuse('invalid-setting');
  }
  // Every named setting already has the requested value (or none is named): nothing to do.
  if (changesNothing(state, component, command)) return refuse('no-change');
  if (!apply) return accepted;
  const settings = component.settings;
  if (command.healthChecks !== undefined) settings.healthChecks = command.healthChecks;
  if (command.colocatedDb !== undefined) settings.colocatedDb = command.colocatedDb;
  if (command.engine !== undefined) settings.engine = command.engine;
  if (command.datasets !== undefined) settings.datasets = [...command.datasets];
  if (command.autoscaling !== undefined) settings.autoscaling = { ...command.autoscaling };
  if (command.failover !== undefined) settings.failover = command.failover;
  if (command.shardKey !== undefined) settings.shardKey = command.shardKey;
  if (command.denormalised !== undefined) settings.denormalised = command.denormalised;
  if (command.cachePolicy !== undefined) settings.cachePolicy = command.cachePolicy;
  if (command.cacheStrategy !== undefined) settings.cacheStrategy = command.cacheStrategy;
  if (command.ttlSeconds !== undefined) settings.ttlSeconds = command.ttlSeconds;
  if (command.versioning !== undefined) settings.versioning = command.versioning;
  if (command.originFallback !== undefined) settings.originFallback = command.originFallback;
  if (command.durable !== undefined) settings.durable = command.durable;
  // A replica's engine and data follow its primary's.
  for (const replica of state.components) {
    if (replica.settings.replicaOf !== component.id) continue;
    if (command.engine !== undefined) replica.settings.engine = command.engine;
    if (command.datasets !== undefined) replica.settings.datasets = [...command.datasets];
    if (command.shardKey !== undefined) replica.settings.shardKey = command.shardKey;
  }
  return accepted;
}
