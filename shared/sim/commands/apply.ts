/**
 * Checking and applying one command against the state. A command is either applied completely
 * or refused with a reason code; checking is the same code without the change, so a server can
 * answer a player at once and the sim still decides at the tick boundary.
 */
import { KINDS, type SizeName } from '../rules/catalogue';
import { MAX_COUNT, USERS, type Command } from './command';
import { retireDeadInstances } from '../rules/incidents';
import { retireFreshInstances } from '../rules/lifecycle';
import { defaultSettings, newComponent } from '../core/newComponent';
import { logOutSessions } from '../rules/sessions';
import type { ComponentState, SimState } from '../core/state';
import { ALLOWED_LINKS, canPartition } from '../core/topology';
import { configure } from './configure';
import { operate } from './operations';
import { buyQuote, countQuote, resizeQuote } from './quotes';
import { accepted, findComponent, pay, plannedInstances, priced, refuse, type CommandResult } from './result';

export type { CommandResult } from './result';

/**
 * Checks `command`; applies it only when `apply` is true and the check passed. An applied command
 * moves the state's revision, which tells derived routing tables to rebuild.
 *
 * Once the game is over every command is refused (`game-over`). A command that would leave the
 * state exactly as it is (a setting to the value it has, a count to the count it has, GeoDNS
 * weights to the weights they are) is refused with `no-change`, in check and apply mode alike, so
 * it never reaches the command log. That test comes last in each handler: a command refused for
 * another reason keeps that reason. Commands that always change something (buy, remove, restart,
 * promote, reshard, invalidate …) or already refuse their no-op with a reason of their own
 * (`same-size`, `already-connected`, `not-connected`, `feature-owned`, `feature-missing`) need no test.
 */
export function executeCommand(state: SimState, command: Command, apply: boolean): CommandResult {
  const result = checkOrApply(state, command, apply);
  if (apply && result.ok) state.revision += 1;
  return result;
}

function checkOrApply(state: SimState, command: Command, apply: boolean): CommandResult {
  if (state.gameOver !== null) return refuse('game-over');
  switch (command.type) {
    case 'buy':
      return buy(state, command, apply);
    case 'remove': {
      const component = findComponent(state, command.id);
      if (component === undefined) return refuse('unknown-component');
      if (!apply) return accepted;
      logOutSessions(state, component, component.count - component.down);
      // A removed broker takes its waiting messages with it.
      if (component.kind === 'queue') state.totals.lostMessages += component.messages;
      state.components = state.components.filter((c) => c !== component);
      for (const other of state.components) {
        other.targets = other.targets.filter((t) => t !== component.id);
        // Replicas of a removed primary become stand-alone databases holding the same data.
        if (other.settings.replicaOf === component.id) delete other.settings.replicaOf;
      }
      for (const region of state.scenario.regions) {
        if (state.entries[region.id] === component.id) delete state.entries[region.id];
      }
      return accepted;
    }
    case 'resize': {
      const component = findComponent(state, command.id);
      if (component === undefined) return refuse('unknown-component');
      if (!KINDS[component.kind].sizes.includes(command.size)) return refuse('invalid-size');
      if (command.size === component.size) {
        return refuse(component.size === KINDS[component.kind].sizes.at(-1) ? 'already-top-size' : 'same-size');
      }
      if (component.rolling !== null || component.count === 0 || component.resharding !== null) return refuse('busy');
      const extra = resizeQuote(priced(component), command.size, state.scenario.priceFactor).oneOff;
      if (extra > state.money) return refuse('insufficient-funds');
      if (!apply) return accepted;
      pay(state, extra);
      // Instances restart one at a time on the new size; a single instance means downtime.
      component.rolling = { toSize: command.size, remaining: component.count, untilTick: state.tick + KINDS[component.kind].restartTicks };
      return accepted;
    }
    case 'scale': {
      const component = findComponent(state, command.id);
      if (component === undefined) return refuse('unknown-component');
      if (!Number.isInteger(command.count) || command.count < 1 || command.count > MAX_COUNT) return refuse('count-out-of-range');
      if (component.kind === 'cdn' || component.settings.replicaOf !== undefined) return refuse('invalid-setting');
      if (command.count > 1 && component.kind === 'db' && !canPartition(component)) return refuse('rdbms-cannot-partition');
      if (command.count > 1 && component.settings.colocatedDb === true) return refuse('colocated-db-single-box');
      // Mid-resize the group's size is in flux: new instances would be bought at the old price.
      if (component.rolling !== null || component.resharding !== null) return refuse('busy');
      // A database's replicas keep one instance per shard of their primary: they scale with it.
      const group = [component, ...state.components.filter((c) => c.settings.replicaOf === component.id)];
      const cost = countQuote(group.map(priced), command.count, state.scenario.priceFactor).oneOff;
      if (cost > state.money) return refuse('insufficient-funds');
      // Already that many (bought or ordered) on the component and every replica: nothing to do.
      if (group.every((member) => plannedInstances(member) === command.count)) return refuse('no-change');
      if (!apply) return accepted;
      pay(state, cost);
      for (const member of group) setInstanceCount(state, member, command.count);
      return accepted;
    }
    case 'connect':
    case 'disconnect':
      return link(state, command, apply);
    case 'configure':
      return configure(state, command, apply);
    default:
      return operate(state, command, apply);
  }
}

/** Sets a component's instance count: orders new instances, or cancels orders, retires dead, then live ones. */
function setInstanceCount(state: SimState, component: ComponentState, count: number): void {
  const planned = plannedInstances(component);
  const added = Math.max(0, count - planned);
  for (let i = 0; i < added; i++) component.provisioning.push(state.tick + KINDS[component.kind].provisionTicks);
  let surplus = planned - count;
  // Scale in: cancel orders first, then retire dead instances, then live ones.
  while (surplus > 0 && component.provisioning.length > 0) {
    component.provisioning.pop();
    surplus--;
  }
  if (surplus > 0) {
    const live = Math.max(0, surplus - component.down);
    if (component.kind === 'queue' && component.settings.durable !== true && component.count > 0) {
      // A broker that keeps messages in memory takes its share of them when it is retired.
      const lost = (component.messages * Math.min(live, component.count)) / component.count;
      component.messages -= lost;
      state.totals.lostMessages += lost;
    }
    retireDeadInstances(state, component, surplus);
    logOutSessions(state, component, live);
    retireFreshInstances(component, live);
    component.count -= surplus;
  }
}

function buy(state: SimState, command: Extract<Command, { type: 'buy' }>, apply: boolean): CommandResult {
  if (!state.scenario.regions.some((r) => r.id === command.region)) return refuse('unknown-region');
  if (state.scenario.shop !== undefined && !state.scenario.shop.kinds.includes(command.kind)) return refuse('not-in-shop');
  const spec = KINDS[command.kind];
  const size = command.size ?? (spec.sizes[0] as SizeName);
  if (!spec.sizes.includes(size)) return refuse('invalid-size');
  let count = command.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) return refuse('count-out-of-range');
  if (command.kind === 'cdn' && count > 1) return refuse('count-out-of-range');
  let engine = command.engine ?? 'rdbms';
  let datasets = state.scenario.datasets.map((d) => d.id);
  const primary = command.replicaOf === undefined ? undefined : findComponent(state, command.replicaOf);
  if (command.replicaOf !== undefined) {
    // A replica copies its primary: same engine, same data, one instance per shard.
    if (command.kind !== 'db' || primary === undefined || primary.kind !== 'db') return refuse('unknown-component');
    if (primary.settings.replicaOf !== undefined) return refuse('not-a-replica');
    engine = primary.settings.engine ?? 'rdbms';
    datasets = primary.settings.datasets ?? datasets;
    count = Math.max(1, plannedInstances(primary));
  } else if (command.kind === 'db' && engine === 'rdbms' && count > 1) {
    return refuse('rdbms-cannot-partition');
  }
  const cost = buyQuote(command.kind, size, count, state.scenario.priceFactor).oneOff;
  if (cost > state.money) return refuse('insufficient-funds');
  if (!apply) return accepted;
  const id = `${command.kind}-${state.nextComponentId++}`;
  const settings = defaultSettings(command.kind, engine, datasets);
  if (primary !== undefined) {
    settings.replicaOf = primary.id;
    if (primary.settings.shardKey !== undefined) settings.shardKey = primary.settings.shardKey;
  }
  const created = newComponent(id, command.kind, command.region, size, settings);
  for (let i = 0; i < count; i++) created.provisioning.push(state.tick + spec.provisionTicks);
  state.components.push(created);
  pay(state, cost);
  return { ok: true, createdId: id };
}

function link(state: SimState, command: Extract<Command, { type: 'connect' | 'disconnect' }>, apply: boolean): CommandResult {
  const target = findComponent(state, command.to);
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
    return accepted;
  }
  const source = findComponent(state, command.from);
  if (source === undefined) return refuse('unknown-component');
  const linked = source.targets.includes(target.id);
  if (command.type === 'disconnect') {
    if (!linked) return refuse('not-connected');
    if (apply) source.targets = source.targets.filter((t) => t !== target.id);
    return accepted;
  }
  if (!ALLOWED_LINKS[source.kind].includes(target.kind)) return refuse('invalid-connection');
  if (linked) return refuse('already-connected');
  // A web server that still hosts its own database moves the data once the target serves.
  if (apply) source.targets.push(target.id);
  return accepted;
}
