/**
 * Checking and applying one command against the state. A command is either applied completely
 * or refused with a reason code; `checkCommand` is the same test without the change, so a server
 * can answer a player at once and the sim still decides at the tick boundary.
 */
import { KINDS, SIZES, purchasePrice, type SizeName } from './catalogue';
import { MAX_COUNT, USERS, type Command } from './commands';
import { retireDeadInstances } from './incidents';
import type { ComponentKindName } from './scenario';
import type { ComponentSettings, ComponentState, RejectReason, SimState } from './state';
import { ALLOWED_LINKS, canPartition } from './topology';

export type CommandResult = { ok: true; createdId: string | null } | { ok: false; reason: RejectReason };

const refuse = (reason: RejectReason): CommandResult => ({ ok: false, reason });

function find(state: SimState, id: string): ComponentState | undefined {
  return state.components.find((c) => c.id === id);
}

function price(state: SimState, kind: ComponentKindName, size: SizeName, count: number): number {
  return purchasePrice(kind, size, state.scenario.priceFactor) * count;
}

function pay(state: SimState, amount: number): void {
  state.money -= amount;
  state.totals.spent += amount;
}

/**
 * Checks `command`; applies it only when `apply` is true and the check passed. An applied command
 * moves the state's revision, which tells derived routing tables to rebuild.
 */
export function executeCommand(state: SimState, command: Command, apply: boolean): CommandResult {
  const result = checkOrApply(state, command, apply);
  if (apply && result.ok) state.revision += 1;
  return result;
}

function checkOrApply(state: SimState, command: Command, apply: boolean): CommandResult {
  if (state.gameOver !== null) return refuse('game-over');
  switch (command.type) {
    case 'buy': {
      if (!state.scenario.regions.some((r) => r.id === command.region)) return refuse('unknown-region');
      const spec = KINDS[command.kind];
      const size = command.size ?? (spec.sizes[0] as SizeName);
      if (!spec.sizes.includes(size)) return refuse('invalid-size');
      const count = command.count ?? 1;
      if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) return refuse('count-out-of-range');
      const engine = command.kind === 'db' ? (command.engine ?? 'rdbms') : undefined;
      if (engine === 'rdbms' && count > 1) return refuse('rdbms-cannot-partition');
      const cost = price(state, command.kind, size, count);
      if (cost > state.money) return refuse('insufficient-funds');
      if (!apply) return { ok: true, createdId: null };
      const id = `${command.kind}-${state.nextComponentId++}`;
      const settings: ComponentSettings = {};
      if (command.kind === 'lb') settings.healthChecks = false;
      if (command.kind === 'web') settings.colocatedDb = false;
      if (engine !== undefined) {
        settings.engine = engine;
        settings.datasets = state.scenario.datasets.map((d) => d.id);
      }
      state.components.push(newComponent(id, command.kind, command.region, size, settings));
      const created = state.components[state.components.length - 1]!;
      for (let i = 0; i < count; i++) created.provisioning.push(state.tick + spec.provisionTicks);
      pay(state, cost);
      return { ok: true, createdId: id };
    }
    case 'remove': {
      const component = find(state, command.id);
      if (component === undefined) return refuse('unknown-component');
      if (!apply) return { ok: true, createdId: null };
      state.components = state.components.filter((c) => c !== component);
      for (const other of state.components) other.targets = other.targets.filter((t) => t !== component.id);
      for (const region of state.scenario.regions) {
        if (state.entries[region.id] === component.id) delete state.entries[region.id];
      }
      return { ok: true, createdId: null };
    }
    case 'resize': {
      const component = find(state, command.id);
      if (component === undefined) return refuse('unknown-component');
      if (!KINDS[component.kind].sizes.includes(command.size)) return refuse('invalid-size');
      if (command.size === component.size) {
        return refuse(component.size === KINDS[component.kind].sizes.at(-1) ? 'already-top-size' : 'same-size');
      }
      if (component.rolling !== null || component.count === 0) return refuse('busy');
      const instances = component.count + component.provisioning.length;
      const extra = Math.max(0, price(state, component.kind, command.size, instances) - price(state, component.kind, component.size, instances));
      if (extra > state.money) return refuse('insufficient-funds');
      if (!apply) return { ok: true, createdId: null };
      pay(state, extra);
      // Instances restart one at a time on the new size; a single instance means downtime.
      component.rolling = { toSize: command.size, remaining: component.count, untilTick: state.tick + KINDS[component.kind].restartTicks };
      return { ok: true, createdId: null };
    }
    case 'scale': {
      const component = find(state, command.id);
      if (component === undefined) return refuse('unknown-component');
      if (!Number.isInteger(command.count) || command.count < 1 || command.count > MAX_COUNT) return refuse('count-out-of-range');
      if (command.count > 1 && component.kind === 'db' && !canPartition(component)) return refuse('rdbms-cannot-partition');
      if (command.count > 1 && component.settings.colocatedDb === true) return refuse('colocated-db-single-box');
      // Mid-resize the group's size is in flux: new instances would be bought at the old price.
      if (component.rolling !== null) return refuse('busy');
      const planned = component.count + component.provisioning.length;
      const added = Math.max(0, command.count - planned);
      const cost = price(state, component.kind, component.size, added);
      if (cost > state.money) return refuse('insufficient-funds');
      if (!apply) return { ok: true, createdId: null };
      pay(state, cost);
      for (let i = 0; i < added; i++) component.provisioning.push(state.tick + KINDS[component.kind].provisionTicks);
      let surplus = planned - command.count;
      // Scale in: cancel orders first, then retire dead instances, then live ones.
      while (surplus > 0 && component.provisioning.length > 0) {
        component.provisioning.pop();
        surplus--;
      }
      if (surplus > 0) {
        retireDeadInstances(state, component, surplus);
        component.count -= surplus;
      }
      return { ok: true, createdId: null };
    }
    case 'connect':
    case 'disconnect': {
      const target = find(state, command.to);
      if (target === undefined) return refuse('unknown-component');
      if (command.from === USERS) {
        const current = state.entries[target.region];
        if (command.type === 'connect') {
          if (!ALLOWED_LINKS.users.includes(target.kind)) return refuse('invalid-connection');
          if (current === target.id) return refuse('already-connected');
          if (apply) state.entries[target.region] = target.id;
        } else {
          if (current !== target.id) return refuse('not-connected');
          if (apply) delete state.entries[target.region];
        }
        return { ok: true, createdId: null };
      }
      const source = find(state, command.from);
      if (source === undefined) return refuse('unknown-component');
      const linked = source.targets.includes(target.id);
      if (command.type === 'disconnect') {
        if (!linked) return refuse('not-connected');
        if (apply) source.targets = source.targets.filter((t) => t !== target.id);
        return { ok: true, createdId: null };
      }
      if (!ALLOWED_LINKS[source.kind].includes(target.kind)) return refuse('invalid-connection');
      if (linked) return refuse('already-connected');
      // A web server that still hosts its own database moves the data once the target serves.
      if (apply) source.targets.push(target.id);
      return { ok: true, createdId: null };
    }
    case 'configure':
      return configure(state, command, apply);
    case 'restart': {
      const component = find(state, command.id);
      if (component === undefined) return refuse('unknown-component');
      if (component.down === 0 || component.restartUntilTick >= 0) return refuse('nothing-to-restart');
      if (apply) component.restartUntilTick = state.tick + KINDS[component.kind].restartTicks;
      return { ok: true, createdId: null };
    }
    case 'rollback': {
      const active = state.incidents.filter((i) => i.type === 'badDeploy' && i.endTick === null);
      if (active.length === 0) return refuse('no-bad-deploy');
      const done = state.tick + KINDS.web.restartTicks;
      if (apply) for (const incident of active) incident.expiresTick = Math.min(incident.expiresTick, done);
      return { ok: true, createdId: null };
    }
  }
}

function configure(state: SimState, command: Extract<Command, { type: 'configure' }>, apply: boolean): CommandResult {
  const component = find(state, command.id);
  if (component === undefined) return refuse('unknown-component');
  const kind = component.kind;
  if (command.healthChecks !== undefined && kind !== 'lb') return refuse('invalid-setting');
  if ((command.colocatedDb !== undefined || command.autoscaling !== undefined) && kind !== 'web') return refuse('invalid-setting');
  if ((command.engine !== undefined || command.datasets !== undefined) && kind !== 'db') return refuse('invalid-setting');
  const planned = component.count + component.provisioning.length;
  const scalesOut = (command.autoscaling ?? component.settings.autoscaling)?.enabled === true;
  const hostsDb = command.colocatedDb ?? component.settings.colocatedDb === true;
  // A server that hosts the database must stay a single box, by hand or by autoscaling.
  if (hostsDb && (planned > 1 || (scalesOut && (command.autoscaling ?? component.settings.autoscaling)!.max > 1))) {
    return refuse('colocated-db-single-box');
  }
  if (command.engine === 'rdbms' && planned > 1) return refuse('rdbms-cannot-partition');
  if (command.datasets !== undefined) {
    const known = state.scenario.datasets.map((d) => d.id);
    if (command.datasets.some((id) => !known.includes(id))) return refuse('unknown-dataset');
  }
  const rule = command.autoscaling;
  if (rule !== undefined) {
    const valid =
      Number.isInteger(rule.min) && Number.isInteger(rule.max) && rule.min >= 1 && rule.min <= rule.max && rule.max <= MAX_COUNT &&
      rule.targetUtilisation > 0 && rule.targetUtilisation < 1 && Number.isInteger(rule.cooldownTicks) && rule.cooldownTicks >= 0;
    if (!valid) return refuse('invalid-setting');
  }
  if (!apply) return { ok: true, createdId: null };
  const settings = component.settings;
  if (command.healthChecks !== undefined) settings.healthChecks = command.healthChecks;
  if (command.colocatedDb !== undefined) settings.colocatedDb = command.colocatedDb;
  if (command.engine !== undefined) settings.engine = command.engine;
  if (command.datasets !== undefined) settings.datasets = [...command.datasets];
  if (rule !== undefined) settings.autoscaling = { ...rule };
  return { ok: true, createdId: null };
}

/** A fresh component with nothing ready yet. */
export function newComponent(
  id: string,
  kind: ComponentKindName,
  region: string,
  size: SizeName,
  settings: ComponentSettings,
): ComponentState {
  return {
    id,
    kind,
    region,
    size: SIZES[size].name,
    count: 0,
    down: 0,
    provisioning: [],
    restartUntilTick: -1,
    rolling: null,
    settings,
    targets: [],
    lastScaleTick: -1_000_000,
    backlog: 0,
    figures: { lambda: 0, capacity: 0, utilisation: 0, meanLatencyMs: 0, p95LatencyMs: 0, served: 0, failed: 0, backlog: 0, queueLength: 0 },
  };
}
