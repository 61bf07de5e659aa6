/**
 * Operating commands: restart, rollback, promote a replica, reshard, invalidate a CDN, buy or drop
 * a team feature, set GeoDNS weights. Each takes simulated time where the real thing does.
 */
import { KINDS } from '../rules/catalogue';
import { MAX_COUNT, type Command } from './command';
import type { SimState } from '../core/state';
import { storedGbOf } from '../rules/storage';
import { failureTarget, isInstanceFailure, startIncident } from '../rules/incidents';
import { countQuote, featureQuote } from './quotes';
import { accepted, findComponent, pay, priced, refuse, type CommandResult } from './result';

/** Ticks a promotion takes: the replica catches up and clients reconnect to it. */
export const PROMOTION_TICKS = 2;
/** Resharding copies data: a fixed setup time plus time per GB moved. */
export const RESHARD_BASE_TICKS = 10;
export const RESHARD_TICKS_PER_GB = 0.5;
/** Money a CDN invalidation costs (providers bill purge requests). */
export const INVALIDATION_PRICE = 5;

type OperationCommand = Exclude<Command, { type: 'buy' | 'remove' | 'resize' | 'scale' | 'connect' | 'disconnect' | 'configure' }>;

export function operate(state: SimState, command: OperationCommand, apply: boolean): CommandResult {
  switch (command.type) {
    case 'restart': {
      const component = findComponent(state, command.id);
      if (component === undefined) return refuse('unknown-component');
      if (component.down === 0 || component.restartUntilTick >= 0) return refuse('nothing-to-restart');
      if (apply) component.restartUntilTick = state.tick + KINDS[component.kind].restartTicks;
      return accepted;
    }
    case 'rollback': {
      const active = state.incidents.filter((i) => i.type === 'badDeploy' && i.endTick === null);
      if (active.length === 0) return refuse('no-bad-deploy');
      // Redeploying the previous release takes a web restart; CI/CD makes it one step everywhere.
      const done = state.tick + rollbackTicks(state);
      // Every bad deploy already ends by then (an earlier rollback, or it runs out first): nothing to do.
      if (active.every((incident) => incident.expiresTick <= done)) return refuse('no-change');
      if (apply) for (const incident of active) incident.expiresTick = Math.min(incident.expiresTick, done);
      return accepted;
    }
    case 'promote': {
      const replica = findComponent(state, command.id);
      if (replica === undefined) return refuse('unknown-component');
      if (replica.settings.replicaOf === undefined) return refuse('not-a-replica');
      if (replica.promoteAtTick >= 0 || replica.count === 0) return refuse('busy');
      if (apply) replica.promoteAtTick = state.tick + PROMOTION_TICKS;
      return accepted;
    }
    case 'reshard': {
      const db = findComponent(state, command.id);
      if (db === undefined) return refuse('unknown-component');
      if (db.kind !== 'db' || db.settings.replicaOf !== undefined) return refuse('invalid-setting');
      if (!Number.isInteger(command.shards) || command.shards < 1 || command.shards > MAX_COUNT) return refuse('count-out-of-range');
      if (db.resharding !== null || db.rolling !== null || db.count === 0) return refuse('busy');
      // New shards are bought for the primary and for each of its replicas.
      const group = [db, ...state.components.filter((replica) => replica.settings.replicaOf === db.id)];
      const cost = countQuote(group.map(priced), command.shards, state.scenario.priceFactor).oneOff;
      if (cost > state.money) return refuse('insufficient-funds');
      if (!apply) return accepted;
      pay(state, cost);
      const dataGb = storedGbOf(state, db);
      db.resharding = {
        shards: command.shards,
        key: command.key,
        untilTick: state.tick + Math.ceil(RESHARD_BASE_TICKS + RESHARD_TICKS_PER_GB * dataGb),
      };
      return accepted;
    }
    case 'invalidate': {
      const cdn = findComponent(state, command.id);
      if (cdn === undefined) return refuse('unknown-component');
      if (cdn.kind !== 'cdn') return refuse('invalid-setting');
      if (INVALIDATION_PRICE > state.money) return refuse('insufficient-funds');
      if (apply) {
        pay(state, INVALIDATION_PRICE);
        cdn.fill = 0; // every object is fetched again: fresh, and a burst of origin traffic
      }
      return accepted;
    }
    case 'buyFeature': {
      if (state.features[command.feature]) return refuse('feature-owned');
      if (state.scenario.shop !== undefined && !state.scenario.shop.features.includes(command.feature)) return refuse('not-in-shop');
      const cost = featureQuote(command.feature, state.scenario.priceFactor).oneOff;
      if (cost > state.money) return refuse('insufficient-funds');
      if (apply) {
        pay(state, cost);
        state.features[command.feature] = true;
      }
      return accepted;
    }
    case 'dropFeature': {
      if (!state.features[command.feature]) return refuse('feature-missing');
      if (apply) state.features[command.feature] = false;
      return accepted;
    }
    case 'geoRoute': {
      const regions = state.scenario.regions.map((r) => r.id);
      if (!regions.includes(command.region)) return refuse('unknown-region');
      let total = 0;
      for (const [region, weight] of Object.entries(command.weights)) {
        if (!regions.includes(region)) return refuse('unknown-region');
        if (!(weight >= 0) || !Number.isFinite(weight)) return refuse('invalid-setting');
        total += weight;
      }
      if (!(total > 0)) return refuse('invalid-setting');
      // Stored in the scenario's region order so that the state is canonical.
      const weights: Record<string, number> = {};
      for (const region of regions) {
        const weight = command.weights[region];
        if (weight !== undefined && weight > 0) weights[region] = weight / total;
      }
      if (sameWeights(weights, state.geoWeights[command.region], regions)) return refuse('no-change');
      if (apply) state.geoWeights[command.region] = weights;
      return accepted;
    }
    case 'inject': {
      const { incident } = command;
      const regions = state.scenario.regions.map((r) => r.id);
      for (const region of [incident.region, incident.peer]) {
        if (region !== undefined && !regions.includes(region)) return refuse('unknown-region');
      }
      if (incident.target !== undefined && findComponent(state, incident.target) === undefined) return refuse('unknown-component');
      // Running out of disk follows from the data; an instance failure needs an instance to fail.
      if (incident.type === 'shardFull') return refuse('invalid-setting');
      if (isInstanceFailure(incident.type) && failureTarget(state, incident) === undefined) return refuse('no-target');
      if (apply) startIncident(state, { ...incident, tick: state.tick }, 'injected');
      return accepted;
    }
  }
}

/** The same shares for the same regions (both hold only the regions given a positive share). */
function sameWeights(next: Record<string, number>, current: Record<string, number> | undefined, regions: readonly string[]): boolean {
  return (
    current !== undefined &&
    regions.every((region) => next[region] === current[region]) &&
    Object.keys(current).length === Object.keys(next).length
  );
}

/** Ticks a rollback takes: a web restart per data center, or one with CI/CD. */
export function rollbackTicks(state: SimState): number {
  const dataCenters = new Set(state.components.filter((c) => c.kind === 'web').map((c) => c.region)).size;
  return KINDS.web.restartTicks * (state.features.cicd ? 1 : Math.max(1, dataCenters));
}
