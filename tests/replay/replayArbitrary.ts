/**
 * Any valid replay document, for property tests: a shipped scenario, teams, and a log of any
 * commands the command log's schema allows (every type, with any of its optional fields, written
 * in any field order after `type`), by any seats, at any ticks in any order, some for teams the
 * game does not list.
 */
import fc from 'fast-check';
import { chapters } from '../../shared/campaign';
import type { ReplayDocument } from '../../shared/protocol/results';
import { loadPreset } from '../../shared/scenarios';
import {
  CACHE_POLICIES,
  CACHE_STRATEGIES,
  COMPONENT_KINDS,
  DB_ENGINES,
  FAILOVER_MODES,
  FEATURE_NAMES,
  SHARD_KEYS,
  SIZE_NAMES,
  type Command,
  type CommandEntry,
} from '../../shared/sim';

const componentId = fc.tuple(fc.constantFrom(...COMPONENT_KINDS), fc.nat(120)).map(([kind, n]) => `${kind}-${n}`);
const region = fc.constantFrom('ap', 'na', 'eu', 'ap2');
const size = fc.constantFrom(...SIZE_NAMES);
const count = fc.integer({ min: 1, max: 64 });
/** A share written with two decimals, as settings are (never -0, which JSON cannot say). */
const share = fc.integer({ min: 5, max: 95 }).map((n) => n / 100);

const autoscaling = fc
  .record({
    enabled: fc.boolean(),
    min: fc.integer({ min: 1, max: 8 }),
    spread: fc.nat(8),
    targetUtilisation: share,
    cooldownTicks: fc.integer({ min: 0, max: 1440 }),
  })
  .map(({ enabled, min, spread, targetUtilisation, cooldownTicks }) => ({
    enabled,
    min,
    max: min + spread,
    targetUtilisation,
    cooldownTicks,
  }));

const incident = fc.oneof(
  fc.record({ type: fc.constant('trafficSpike' as const), region, magnitude: fc.integer({ min: 1, max: 10 }) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('badDeploy' as const), magnitude: share, durationTicks: fc.integer({ min: 5, max: 720 }) }),
  fc.record({ type: fc.constant('serverCrash' as const), target: componentId }),
  fc.record({ type: fc.constant('regionPartition' as const), region, peer: region }),
);

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record(
    {
      type: fc.constant('buy' as const),
      kind: fc.constantFrom(...COMPONENT_KINDS),
      region,
      size,
      count,
      engine: fc.constantFrom(...DB_ENGINES),
      replicaOf: componentId,
    },
    { requiredKeys: ['type', 'kind', 'region'] },
  ),
  fc.record({ type: fc.constant('remove' as const), id: componentId }),
  fc.record({ type: fc.constant('resize' as const), id: componentId, size }),
  fc.record({ type: fc.constant('scale' as const), id: componentId, count }),
  fc.record({
    type: fc.constantFrom('connect' as const, 'disconnect' as const),
    from: fc.oneof(fc.constant('users'), componentId),
    to: componentId,
  }),
  fc.record(
    {
      type: fc.constant('configure' as const),
      id: componentId,
      healthChecks: fc.boolean(),
      engine: fc.constantFrom(...DB_ENGINES),
      datasets: fc.array(fc.constantFrom('accounts', 'posts', 'activity'), { maxLength: 3 }),
      autoscaling,
      failover: fc.constantFrom(...FAILOVER_MODES),
      shardKey: fc.constantFrom(...SHARD_KEYS),
      cachePolicy: fc.constantFrom(...CACHE_POLICIES),
      cacheStrategy: fc.constantFrom(...CACHE_STRATEGIES),
      ttlSeconds: fc.integer({ min: 1, max: 7 * 24 * 3600 }),
      durable: fc.boolean(),
    },
    { requiredKeys: ['type', 'id'] },
  ),
  fc.record({ type: fc.constantFrom('restart' as const, 'promote' as const, 'invalidate' as const), id: componentId }),
  fc.record({ type: fc.constant('rollback' as const) }),
  fc.record({ type: fc.constant('reshard' as const), id: componentId, shards: count, key: fc.constantFrom(...SHARD_KEYS) }),
  fc.record({ type: fc.constantFrom('buyFeature' as const, 'dropFeature' as const), feature: fc.constantFrom(...FEATURE_NAMES) }),
  fc.record({ type: fc.constant('geoRoute' as const), region, weights: fc.dictionary(region, fc.integer({ min: 0, max: 1000 })) }),
  fc.record({ type: fc.constant('inject' as const), incident }),
) as fc.Arbitrary<Command>;

/** The command with its fields after `type` in another order (a hand-written log may have any). */
const reordered = fc.tuple(command, fc.nat()).map(([written, turn]) => {
  const { type, ...fields } = written as { type: string } & Record<string, unknown>;
  const names = Object.keys(fields);
  const at = names.length === 0 ? 0 : turn % names.length;
  const order = [...names.slice(at), ...names.slice(0, at)];
  return { type, ...Object.fromEntries(order.map((name) => [name, fields[name]])) } as Command;
});

const seat = fc.stringMatching(/^[A-Za-z0-9_-]{8}$/);
const teamId = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
const hash = fc.stringMatching(/^[0-9a-f]{16}$/);

const SCENARIOS = [
  loadPreset('sandbox'),
  loadPreset('constant-load'),
  ...chapters()
    .slice(0, 2)
    .map((chapter) => chapter.scenario),
];

export const replayDocument: fc.Arbitrary<ReplayDocument> = fc
  .record({
    id: fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/),
    scenario: fc.constantFrom(...SCENARIOS),
    seed: fc.integer(),
    teams: fc.uniqueArray(teamId, { minLength: 1, maxLength: 6 }),
    others: fc.uniqueArray(teamId, { maxLength: 2 }),
    seats: fc.uniqueArray(seat, { minLength: 1, maxLength: 8 }),
    finalTick: fc.nat(30 * 1440),
    version: fc.option(fc.nat(20)),
    hashes: fc.array(hash, { maxLength: 6 }),
    rows: fc.array(fc.record({ tick: fc.nat(30 * 1440), team: fc.nat(), player: fc.nat(), seq: fc.nat(5000), command: reordered }), {
      maxLength: 60,
    }),
  })
  .map(({ id, scenario, seed, teams, others, seats, finalTick, version, hashes, rows }) => {
    const logTeams = [...teams, ...others.filter((team) => !teams.includes(team))];
    const log: CommandEntry[] = rows.map((row) => ({
      tick: row.tick,
      team: logTeams[row.team % logTeams.length] as string,
      player: seats[row.player % seats.length] as string,
      seq: row.seq,
      command: row.command,
    }));
    const finalHashes = Object.fromEntries(hashes.slice(0, teams.length).map((value, i) => [teams[i] as string, value]));
    return { id, scenario, seed, teams, log, finalTick, finalHashes, version };
  });
