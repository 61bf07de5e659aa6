/**
 * Properties of the simulation under arbitrary play: random mixes of every command (valid and
 * not, on ids that may or may not exist, of every component kind and every setting) over random
 * tick counts, on every shipped preset, on an incident-heavy variant of the sandbox, and on a
 * two-region world with every kind of component and every world incident (outages, partitions,
 * CDN outages, hotspots, lag spikes).
 *
 *  - the state stays finite JSON, with no negative counts, rates, backlogs or users;
 *  - every component conserves requests each tick: arrivals + backlog before = served + failed +
 *    backlog after (λ·60 + B₀ = (served + failed)·60 + B₁);
 *  - references stay consistent (no target or DNS entry points at a removed component);
 *  - a command is checked and applied consistently, and a refused one changes nothing: not the
 *    state, not the money, and not the rest of the game (a run without it is identical); an
 *    accepted one changes the state (more than the revision counter), so no-ops never reach the log;
 *  - the game is deterministic: resuming from a JSON snapshot at every tick, with each tick's
 *    commands handed over in another order, gives the same state hash tick for tick.
 *
 * fast-check runs with fixed seeds, so failures reproduce; a failure prints the shrunk plan.
 * One file on purpose: the properties share one random-plan generator and one runner, and read
 * best as a list; split, each part would repeat them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPreset, PRESET_IDS } from '../../shared/scenarios';
import { isInstanceFailure } from '../../shared/sim/rules/incidents';
import {
  COMPONENT_KINDS,
  TICKS_PER_DAY,
  purchasePrice,
  FEATURE_NAMES,
  cloneState,
  compareEntries,
  createSim,
  executeCommand,
  groupByTick,
  hashState,
  MAX_COUNT,
  SIZE_NAMES,
  step,
  TICK_SECONDS,
  type Command,
  type CommandEntry,
  type ComponentKindName,
  type Scenario,
  type SimState,
} from '../../shared/sim';
import { nonJsonNumbers } from '../helpers/json';
import { twoRegionLatency } from '../helpers/scenarios';

const KIND_NAMES: readonly ComponentKindName[] = COMPONENT_KINDS;
const REGIONS = ['ap', 'na', 'eu', 'mars'];
/** The ids of the 'world' scenario's starting system (db-10 is its replica, bought at tick 0). */
const WORLD_IDS = ['lb-1', 'web-2', 'cache-3', 'cdn-4', 'sessionStore-5', 'queue-6', 'worker-7', 'db-8', 'web-9', 'db-10'];
const DATASETS = ['accounts', 'posts', 'activity', 'nowhere'];
const RELATIVE_TOLERANCE = 1e-6;

// ---------------------------------------------------------------------------------------------
// Arbitraries

/**
 * Plausible ids: ids are `${kind}-${n}` with n counting purchases from the scenario's start, so
 * low numbers exist far more often; the initial components of each preset are drawn by name too.
 */
const idOf = (kinds: readonly ComponentKindName[]) =>
  fc
    .tuple(
      fc.constantFrom(...kinds),
      fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 7 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 12 }) }),
    )
    .map(([kind, n]) => `${kind}-${n}`);
const id = fc.oneof(
  { weight: 3, arbitrary: idOf(KIND_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom('web-1', 'lb-1', 'web-2', 'db-3') },
  { weight: 1, arbitrary: fc.constantFrom(...WORLD_IDS) },
);
const endpoint = fc.oneof({ weight: 1, arbitrary: fc.constant('users') }, { weight: 4, arbitrary: id });
const region = fc.oneof({ weight: 6, arbitrary: fc.constant('ap') }, { weight: 1, arbitrary: fc.constantFrom(...REGIONS) });
const size = fc.constantFrom(...SIZE_NAMES);
/** Mostly sensible counts, sometimes out of range (the sim must refuse those itself). */
const count = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: -1, max: 70 }) },
);
const autoscaling = fc.record({
  enabled: fc.boolean(),
  min: fc.integer({ min: 0, max: 6 }),
  max: fc.integer({ min: 1, max: 10 }),
  targetUtilisation: fc.oneof(fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.constantFrom(0, 1, 1.5)),
  cooldownTicks: fc.integer({ min: 0, max: 20 }),
});

const engine = fc.constantFrom('rdbms' as const, 'nosql' as const);
const shardKey = fc.constantFrom('userIdHash' as const, 'userIdRange' as const, 'region' as const, 'celebrity' as const);
/** TTLs: mostly valid (up to a week), sometimes zero, negative or too long (refused). */
const ttl = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 7 * 24 * 3600 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -5, 8 * 24 * 3600) },
);
const feature = fc.constantFrom(...FEATURE_NAMES);
/** GeoDNS weights: mostly sensible, sometimes negative, non-finite or on unknown regions (refused). */
const weights = fc.dictionary(
  fc.constantFrom(...REGIONS),
  fc.oneof(
    { weight: 6, arbitrary: fc.double({ min: 0, max: 5, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(-1, Number.NaN, Number.POSITIVE_INFINITY) },
  ),
  { maxKeys: 3 },
);
/** Every setting `configure` knows, each with values that fit. */
const settings = {
  healthChecks: fc.boolean(),
  colocatedDb: fc.boolean(),
  engine,
  datasets: fc.subarray(DATASETS),
  autoscaling,
  failover: fc.constantFrom('manual' as const, 'automatic' as const),
  shardKey,
  denormalised: fc.boolean(),
  cachePolicy: fc.constantFrom('lru' as const, 'lfu' as const, 'fifo' as const),
  cacheStrategy: fc.constantFrom('lookAside' as const, 'readThrough' as const, 'writeThrough' as const),
  ttlSeconds: ttl,
  versioning: fc.boolean(),
  originFallback: fc.boolean(),
  durable: fc.boolean(),
};
/** A configure of one kind's own settings (any subset of them). */
const configureOf = (kinds: readonly ComponentKindName[], keys: ReadonlyArray<keyof typeof settings>) =>
  fc.record(
    { type: fc.constant('configure' as const), id: idOf(kinds), ...Object.fromEntries(keys.map((key) => [key, settings[key]])) },
    { requiredKeys: ['type', 'id'] },
  ) as fc.Arbitrary<Command>;

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record(
      {
        type: fc.constant('buy' as const),
        kind: fc.constantFrom(...KIND_NAMES),
        region,
        size,
        count,
        engine,
      },
      { requiredKeys: ['type', 'kind', 'region'] },
    ),
  },
  // A read replica of a database (or of something that is not one, refused).
  {
    weight: 2,
    arbitrary: fc.record(
      { type: fc.constant('buy' as const), kind: fc.constantFrom<ComponentKindName>('db', 'db', 'db', 'web'), region, size, replicaOf: id },
      { requiredKeys: ['type', 'kind', 'region', 'replicaOf'] },
    ),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('remove' as const), id }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('resize' as const), id, size }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('scale' as const), id, count }) },
  { weight: 4, arbitrary: fc.record({ type: fc.constant('connect' as const), from: endpoint, to: id }) },
  // Links that can be valid: from the DNS or a preset's first components to the next tier.
  {
    weight: 5,
    arbitrary: fc.oneof(
      fc.record({ type: fc.constant('connect' as const), from: fc.constantFrom('users', 'lb-1'), to: idOf(['web']) }),
      fc.record({ type: fc.constant('connect' as const), from: fc.constantFrom('users'), to: idOf(['lb', 'cdn']) }),
      fc.record({
        type: fc.constant('connect' as const),
        from: fc.constantFrom('web-1', 'web-2', 'web-9'),
        to: idOf(['db', 'cache', 'sessionStore', 'queue']),
      }),
      fc.record({ type: fc.constant('connect' as const), from: idOf(['queue']), to: idOf(['worker']) }),
      fc.record({ type: fc.constant('connect' as const), from: idOf(['cdn']), to: idOf(['lb', 'web']) }),
    ),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('disconnect' as const), from: endpoint, to: id }) },
  // Settings that fit the kind, mostly; some mix any of them (refused unless they all fit).
  { weight: 1, arbitrary: configureOf(['lb'], ['healthChecks']) },
  { weight: 2, arbitrary: configureOf(['web', 'worker'], ['colocatedDb', 'autoscaling']) },
  { weight: 3, arbitrary: configureOf(['db'], ['engine', 'datasets', 'failover', 'shardKey', 'denormalised']) },
  { weight: 2, arbitrary: configureOf(['cache'], ['cachePolicy', 'cacheStrategy', 'ttlSeconds']) },
  { weight: 2, arbitrary: configureOf(['cdn'], ['ttlSeconds', 'versioning', 'originFallback']) },
  { weight: 1, arbitrary: configureOf(['queue'], ['durable']) },
  {
    weight: 1,
    arbitrary: fc.record(
      { type: fc.constant('configure' as const), id, ...settings },
      { requiredKeys: ['type', 'id'] },
    ) as fc.Arbitrary<Command>,
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('restart' as const), id }) },
  { weight: 1, arbitrary: fc.constant({ type: 'rollback' as const }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('promote' as const), id: fc.oneof(idOf(['db']), id) }) },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('reshard' as const), id: fc.oneof(idOf(['db']), id), shards: count, key: shardKey }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('invalidate' as const), id: fc.oneof(idOf(['cdn']), id) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('buyFeature' as const), feature }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('dropFeature' as const), feature }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('geoRoute' as const), region: fc.oneof(region, fc.constantFrom('na')), weights }) },
);

/**
 * The shipped presets, plus three variants:
 *  - 'broke': money runs out within the run (purchases and autoscaling at the edge of bankruptcy);
 *  - 'chaos': the sandbox's world with a tiered system from the start (lb-1 → web-2 ×3 →
 *    db-3, NoSQL ×2), ten times the money, incidents every few hours and a few scripted early,
 *    so crashes, restarts, rollbacks, overloads and health-checked replacement happen often;
 *  - 'world': two regions (ap, na) and every kind of component (see worldScenario), with world
 *    incidents every hour or so and one of each kind scripted early.
 */
const SCENARIOS = [...PRESET_IDS, 'chaos', 'broke', 'world'];

/**
 * The two-region world: in ap, lb-1 → web-2 ×3 → cache-3, sessionStore-5, queue-6 → worker-7 ×2,
 * and db-8 (NoSQL ×2, one data set large enough per user for its shards to fill up under a
 * bad layout); cdn-4 in front of the static files; in na, web-9 straight from the DNS. The log of
 * every 'world' plan starts with WORLD_PREFIX: web-9 uses db-8 across the ocean, and a replica
 * of db-8 in na (db-10, ready at tick 10) serves na's reads.
 */
function worldScenario(): Scenario {
  const scenario = loadPreset('sandbox');
  scenario.startMoney = 50_000;
  scenario.regions = [
    { ...scenario.regions[0]!, initialUsers: 8_000 },
    { ...scenario.regions[1]!, initialUsers: 3_000 },
  ];
  scenario.latencyMs = twoRegionLatency('ap', 'na', 140);
  scenario.datasets = scenario.datasets.map((d) => (d.id === 'posts' ? { ...d, mbPerUser: 8 } : d));
  scenario.initialTopology = [
    { kind: 'lb', region: 'ap', connectFrom: ['users'] },
    { kind: 'web', region: 'ap', size: 'medium', count: 3, connectFrom: [0] },
    { kind: 'cache', region: 'ap', size: 'small', connectFrom: [1] },
    { kind: 'cdn', region: 'ap' },
    { kind: 'sessionStore', region: 'ap', size: 'small', connectFrom: [1] },
    { kind: 'queue', region: 'ap', size: 'small', connectFrom: [1] },
    { kind: 'worker', region: 'ap', size: 'small', count: 2, connectFrom: [5] },
    { kind: 'db', region: 'ap', size: 'medium', engine: 'nosql', count: 2, connectFrom: [1] },
    { kind: 'web', region: 'na', size: 'medium', connectFrom: ['users'] },
  ];
  scenario.mtbfTicks = { web: 300, db: 400, lb: 800, cache: 300, sessionStore: 400, queue: 300, worker: 300, cdn: 2000 };
  scenario.randomIncidentsPerDay = {
    trafficSpike: 10,
    badDeploy: 10,
    cdnOutage: 20,
    dataCenterOutage: 20,
    hotspotKey: 20,
    replicationLagSpike: 20,
    regionPartition: 20,
  };
  scenario.incidents = [
    { tick: 1, type: 'regionPartition', region: 'ap', peer: 'na', durationTicks: 12 },
    { tick: 2, type: 'cacheNodeLoss', target: 'cache-3' },
    { tick: 3, type: 'cdnOutage', durationTicks: 8 },
    { tick: 4, type: 'serverCrash', target: 'queue-6' },
    { tick: 5, type: 'hotspotKey', magnitude: 0.5, durationTicks: 20 },
    { tick: 6, type: 'replicationLagSpike', magnitude: 200, durationTicks: 15 },
    { tick: 9, type: 'dbPrimaryFailure' },
    { tick: 11, type: 'dataCenterOutage', region: 'na', durationTicks: 6 },
    { tick: 13, type: 'replicaFailure', target: 'db-10' },
    { tick: 15, type: 'shardFull' },
    { tick: 18, type: 'dataCenterOutage', region: 'ap', durationTicks: 5 },
    { tick: 22, type: 'serverCrash', target: 'worker-7' },
    { tick: 25, type: 'badDeploy', magnitude: 0.3, durationTicks: 30 },
    { tick: 26, type: 'trafficSpike', magnitude: 2, durationTicks: 10 },
  ];
  return scenario;
}

/** Commands every 'world' plan starts with, at tick 0. */
const WORLD_PREFIX: Command[] = [
  { type: 'connect', from: 'web-9', to: 'db-8' },
  { type: 'buy', kind: 'db', region: 'na', size: 'medium', replicaOf: 'db-8' },
];

function scenarioFor(name: string): Scenario {
  if (name === 'world') return worldScenario();
  if (name === 'broke') {
    // constant-load at ten times the prices (≈1 a tick to run) and no revenue: bankrupt near tick 60.
    const scenario = loadPreset('constant-load');
    scenario.startMoney = 60;
    scenario.priceFactor = 10;
    scenario.revenuePerUserDay = 0;
    return scenario;
  }
  if (name !== 'chaos') return loadPreset(name);
  const scenario = loadPreset('sandbox');
  scenario.startMoney = 20_000;
  scenario.regions[0]!.initialUsers = 20_000; // enough load that a crash or a spike matters
  scenario.initialTopology = [
    { kind: 'lb', region: 'ap', connectFrom: ['users'] },
    { kind: 'web', region: 'ap', size: 'small', count: 3, connectFrom: [0] },
    { kind: 'db', region: 'ap', size: 'small', engine: 'nosql', count: 2, connectFrom: [1] },
  ];
  scenario.mtbfTicks = { web: 150, db: 300, lb: 600 };
  scenario.randomIncidentsPerDay = { trafficSpike: 30, badDeploy: 30 };
  scenario.incidents = [
    { tick: 1, type: 'badDeploy', magnitude: 0.4, durationTicks: 60 },
    { tick: 2, type: 'serverCrash', target: 'web-2' },
    { tick: 4, type: 'trafficSpike', magnitude: 3, durationTicks: 20 },
    { tick: 8, type: 'serverCrash', target: 'db-3' },
    { tick: 12, type: 'serverCrash', target: 'web-2' },
  ];
  return scenario;
}

/** A position in the run, 0–999 ‰ (integers: fast-check's doubles crowd at the ends). */
const perMille = fc.integer({ min: 0, max: 999 });

interface Plan {
  scenario: string;
  seed: number;
  ticks: number;
  log: CommandEntry[];
}

/** A preset, a seed, a length, and commands at random ticks within it (more early than late). */
const plan: fc.Arbitrary<Plan> = fc
  .record({
    scenario: fc.constantFrom(...SCENARIOS),
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
    ticks: fc.integer({ min: 5, max: 120 }),
    rows: fc.array(
      fc.record({
        at: perMille,
        team: fc.constantFrom('red', 'blue'),
        player: fc.constantFrom('ana', 'bo'),
        command,
      }),
      { maxLength: 40, size: 'medium' },
    ),
  })
  .map(({ scenario, seed, ticks, rows }) => ({
    scenario,
    seed,
    ticks,
    log: [
      ...prefixFor(scenario),
      // Squaring the position front-loads commands, so later ticks run on what was built.
      ...rows.map((row, i) => ({
        tick: Math.floor((row.at * row.at * ticks) / 1_000_000),
        team: row.team,
        player: row.player,
        seq: i,
        command: row.command,
      })),
    ],
  }));

/** The fixed start of a scenario's log (the world's cross-region link and replica). */
function prefixFor(scenario: string): CommandEntry[] {
  if (scenario !== 'world') return [];
  return WORLD_PREFIX.map((command, i) => ({ tick: 0, team: 'aaa', player: 'setup', seq: i, command }));
}

/** Reactions to incidents in the chaos game, on its ids (web-4 and lb-5 once bought, in that order). */
const reaction: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ type: fc.constant('restart' as const), id: fc.constantFrom('web-2', 'web-2', 'db-3', 'lb-1', 'web-4') }),
  fc.constant({ type: 'rollback' as const }),
  fc.record({
    type: fc.constant('scale' as const),
    id: fc.constantFrom('web-2', 'web-2', 'db-3', 'web-4'),
    count: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({ type: fc.constant('resize' as const), id: fc.constantFrom('web-2', 'db-3', 'web-4'), size }),
  fc.record({ type: fc.constant('configure' as const), id: fc.constantFrom('lb-1', 'lb-5'), healthChecks: fc.boolean() }),
  fc.record({ type: fc.constant('configure' as const), id: fc.constantFrom('web-2', 'web-4'), autoscaling }),
  fc.constantFrom<Command>(
    { type: 'buy', kind: 'web', region: 'ap', count: 2 },
    { type: 'buy', kind: 'lb', region: 'ap' },
    { type: 'connect', from: 'lb-1', to: 'web-4' },
    { type: 'connect', from: 'web-4', to: 'db-3' },
    { type: 'connect', from: 'lb-5', to: 'web-2' },
    { type: 'connect', from: 'users', to: 'lb-5' },
    { type: 'disconnect', from: 'lb-1', to: 'web-2' },
    { type: 'remove', id: 'web-4' },
  ),
);

/** The chaos game at any tick: incidents to react to, and a system to react with. */
const chaosPlan: fc.Arbitrary<Plan> = fc
  .record({
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
    ticks: fc.integer({ min: 20, max: 90 }),
    rows: fc.array(fc.record({ at: perMille, command: fc.oneof({ weight: 3, arbitrary: reaction }, { weight: 1, arbitrary: command }) }), {
      maxLength: 30,
      size: 'medium',
    }),
  })
  .map(({ seed, ticks, rows }) => ({
    scenario: 'chaos',
    seed,
    ticks,
    log: rows.map((row, i) => ({ tick: Math.floor((row.at * ticks) / 1000), team: 'red', player: 'ana', seq: i, command: row.command })),
  }));

/** Reactions in the world game, on its ids: failover, resharding, CDN, GeoDNS, features, links. */
const worldReaction: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ type: fc.constant('restart' as const), id: fc.constantFrom(...WORLD_IDS) }),
  fc.record({ type: fc.constant('promote' as const), id: fc.constantFrom('db-10', 'db-10', 'db-8') }),
  fc.record({
    type: fc.constant('reshard' as const),
    id: fc.constantFrom('db-8', 'db-8', 'db-10'),
    shards: fc.integer({ min: 1, max: 6 }),
    key: shardKey,
  }),
  fc.record({ type: fc.constant('invalidate' as const), id: fc.constant('cdn-4') }),
  fc.record({ type: fc.constant('geoRoute' as const), region: fc.constantFrom('ap', 'na'), weights }),
  fc.record({ type: fc.constant('buyFeature' as const), feature }),
  fc.record({ type: fc.constant('dropFeature' as const), feature }),
  fc.record({
    type: fc.constant('scale' as const),
    id: fc.constantFrom('web-2', 'web-9', 'worker-7', 'db-8', 'cache-3', 'sessionStore-5', 'queue-6'),
    count: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({ type: fc.constant('resize' as const), id: fc.constantFrom(...WORLD_IDS), size }),
  fc.record({ type: fc.constant('configure' as const), id: fc.constantFrom('db-8', 'db-10'), failover: settings.failover }),
  configureOf(['db'], ['shardKey', 'denormalised', 'engine']).map((c) => ({ ...c, id: 'db-8' })),
  fc.record(
    {
      type: fc.constant('configure' as const),
      id: fc.constant('cdn-4'),
      originFallback: fc.boolean(),
      versioning: fc.boolean(),
      ttlSeconds: ttl,
    },
    { requiredKeys: ['type', 'id'] },
  ),
  fc.record(
    {
      type: fc.constant('configure' as const),
      id: fc.constant('cache-3'),
      cacheStrategy: settings.cacheStrategy,
      cachePolicy: settings.cachePolicy,
      ttlSeconds: ttl,
    },
    { requiredKeys: ['type', 'id'] },
  ),
  fc.record({ type: fc.constant('configure' as const), id: fc.constant('queue-6'), durable: fc.boolean() }),
  fc.record({ type: fc.constant('configure' as const), id: fc.constant('lb-1'), healthChecks: fc.boolean() }),
  fc.record({ type: fc.constant('configure' as const), id: fc.constantFrom('web-2', 'worker-7'), autoscaling }),
  fc.constantFrom<Command>(
    { type: 'buy', kind: 'web', region: 'na', size: 'medium' },
    { type: 'buy', kind: 'lb', region: 'na' },
    { type: 'buy', kind: 'cache', region: 'na' },
    { type: 'buy', kind: 'db', region: 'ap', replicaOf: 'db-8' },
    { type: 'connect', from: 'web-9', to: 'sessionStore-5' },
    { type: 'connect', from: 'web-9', to: 'cache-3' },
    { type: 'connect', from: 'web-9', to: 'queue-6' },
    { type: 'connect', from: 'web-9', to: 'db-10' },
    { type: 'connect', from: 'users', to: 'cdn-4' },
    { type: 'connect', from: 'cdn-4', to: 'lb-1' },
    { type: 'disconnect', from: 'web-2', to: 'cache-3' },
    { type: 'disconnect', from: 'queue-6', to: 'worker-7' },
    { type: 'remove', id: 'db-8' },
    { type: 'remove', id: 'cache-3' },
    { type: 'remove', id: 'queue-6' },
    { type: 'remove', id: 'cdn-4' },
  ),
);

/** The world game at any tick: outages, partitions and failures to react to, with every mechanic. */
const worldPlan: fc.Arbitrary<Plan> = fc
  .record({
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
    ticks: fc.integer({ min: 15, max: 60 }),
    rows: fc.array(
      fc.record({ at: perMille, command: fc.oneof({ weight: 3, arbitrary: worldReaction }, { weight: 1, arbitrary: command }) }),
      {
        maxLength: 25,
        size: 'medium',
      },
    ),
  })
  .map(({ seed, ticks, rows }) => ({
    scenario: 'world',
    seed,
    ticks,
    log: [
      ...prefixFor('world'),
      ...rows.map((row, i) => ({ tick: Math.floor((row.at * ticks) / 1000), team: 'red', player: 'ana', seq: i, command: row.command })),
    ],
  }));

// ---------------------------------------------------------------------------------------------
// Invariants

/** Rounding may leave −1e-15 where the model means 0: allow that much below zero, relative to the scale. */
function atLeastZero(value: number, scale = 1): boolean {
  return value >= -1e-9 * Math.max(1, scale);
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Finds what is wrong with the state after a step; `before` is a copy of the state just before it. */
type Check = (before: SimState, after: SimState) => string[];

/** The flow and the state's shape: finite, nothing negative, references valid, requests conserved. */
const flowViolations: Check = (before, after) => {
  const problems: string[] = [];
  const at = `tick ${before.tick}→${after.tick}`;
  const finite: string[] = [];
  nonJsonNumbers(after, '$', finite);
  if (finite.length > 0) problems.push(`${at}: not finite: ${finite.slice(0, 4).join(', ')}`);

  const ids = new Set(after.components.map((c) => c.id));
  const flowRan = before.gameOver === null;
  const backlogBefore = new Map(before.components.map((c) => [c.id, c.backlog]));
  for (const c of after.components) {
    const where = `${at} ${c.id}`;
    if (!Number.isInteger(c.count) || c.count < 0) problems.push(`${where}: count ${c.count}`);
    if (!Number.isInteger(c.down) || c.down < 0 || c.down > c.count) problems.push(`${where}: down ${c.down} of ${c.count}`);
    if (c.provisioning.some((t, i) => t < after.tick || (i > 0 && t < c.provisioning[i - 1]!))) {
      problems.push(`${where}: provisioning ${JSON.stringify(c.provisioning)}`);
    }
    if (!atLeastZero(c.backlog)) problems.push(`${where}: backlog ${c.backlog}`);
    const f = c.figures;
    for (const key of Object.keys(f) as Array<keyof typeof f>) {
      if (!atLeastZero(f[key], f.lambda)) problems.push(`${where}: figures.${key} ${f[key]}`);
    }
    if (f.backlog !== c.backlog && flowRan) problems.push(`${where}: figures.backlog ${f.backlog} ≠ backlog ${c.backlog}`);
    for (const target of c.targets) if (!ids.has(target)) problems.push(`${where}: target ${target} does not exist`);
    if (new Set(c.targets).size !== c.targets.length) problems.push(`${where}: duplicate targets ${c.targets.join(',')}`);
    const n = Number(c.id.slice(c.id.indexOf('-') + 1));
    if (!(n < after.nextComponentId) || !c.id.startsWith(`${c.kind}-`))
      problems.push(`${where}: id vs nextComponentId ${after.nextComponentId}`);

    if (flowRan) {
      // Nothing but the flow touches a backlog, ids are never reused, and a component bought
      // this tick starts empty: so the backlog before is the same id's, or 0.
      const b0 = backlogBefore.get(c.id) ?? 0;
      const inflow = f.lambda * TICK_SECONDS + b0;
      const outflow = (f.served + f.failed) * TICK_SECONDS + c.backlog;
      if (!close(inflow, outflow)) {
        problems.push(
          `${where}: requests not conserved: λ·60 + B₀ = ${inflow}, (served + failed)·60 + B₁ = ${outflow} (${JSON.stringify(f)}, B₀ ${b0})`,
        );
      }
    }
  }
  for (const [region, entry] of Object.entries(after.entries)) {
    if (!ids.has(entry)) problems.push(`${at}: DNS entry of ${region} is ${entry}, which does not exist`);
  }
  for (const region of after.regions) {
    if (!atLeastZero(region.users)) problems.push(`${at}: users of ${region.id} ${region.users}`);
    if (!(region.satisfaction >= 0 && region.satisfaction <= 1 + 1e-12))
      problems.push(`${at}: satisfaction of ${region.id} ${region.satisfaction}`);
  }
  const s = after.summary;
  const scalars = {
    ...s.offered,
    onlineUsers: s.onlineUsers,
    dau: s.dau,
    requestsPerSecond: s.requestsPerSecond,
    p50: s.p50LatencyMs,
    p95: s.p95LatencyMs,
    revenuePerDay: s.revenuePerDay,
    costPerDay: s.costPerDay,
  };
  for (const [key, value] of Object.entries(scalars))
    if (!atLeastZero(value, s.requestsPerSecond)) problems.push(`${at}: summary ${key} ${value}`);
  for (const [key, value] of Object.entries({
    successRate: s.successRate,
    availability: s.availability,
    errorRate: s.errorRate,
    satisfaction: s.satisfaction,
  })) {
    if (!(value >= -1e-12 && value <= 1 + 1e-12)) problems.push(`${at}: summary ${key} ${value} outside [0, 1]`);
  }
  if (flowRan && !(s.p50LatencyMs <= s.p95LatencyMs + 1e-9)) problems.push(`${at}: p50 ${s.p50LatencyMs} > p95 ${s.p95LatencyMs}`);
  if (after.totals.peakDau < s.dau - 1e-9 && flowRan) problems.push(`${at}: peakDau ${after.totals.peakDau} < dau ${s.dau}`);
  return problems;
};

/** The rules commands enforce must hold whatever changes the state (autoscaling included). */
const ruleViolations: Check = (before, after) => {
  const problems: string[] = [];
  for (const c of after.components) {
    const where = `tick ${before.tick}→${after.tick} ${c.id}`;
    const planned = c.count + c.provisioning.length;
    if (c.kind === 'web' && c.settings.colocatedDb === true && planned > 1)
      problems.push(`${where}: database on the box, yet ${planned} instances (count ${c.count})`);
    // An RDBMS spreads over several machines only as shards (a replica follows its primary's layout).
    if (c.kind === 'db' && (c.settings.engine ?? 'rdbms') === 'rdbms' && planned > 1 && c.settings.shardKey === undefined) {
      problems.push(`${where}: an unsharded RDBMS with ${planned} instances`);
    }
    if (planned > MAX_COUNT) problems.push(`${where}: ${planned} instances, more than ${MAX_COUNT}`);
  }
  return problems;
};

/**
 * The incident feed tells the truth about crashes: a component has exactly as many open crash
 * incidents as dead instances (each crash is one incident; repair, restart, replacement or
 * retirement of the instance ends it).
 */
const crashViolations: Check = (before, after) => {
  const problems: string[] = [];
  for (const c of after.components) {
    const open = after.incidents.filter((i) => isInstanceFailure(i.type) && i.target === c.id && i.endTick === null);
    if (open.length !== c.down) {
      problems.push(
        `tick ${before.tick}→${after.tick} ${c.id}: ${c.down} dead instances but open crash incidents ${JSON.stringify(open.map((i) => ({ id: i.id, start: i.startTick, expires: i.expiresTick })))}`,
      );
    }
  }
  return problems;
};

/** The books: totals never go down, and money = start + revenue − spent at every tick. */
const bookViolations: Check = (before, after) => {
  const problems: string[] = [];
  const at = `tick ${before.tick}→${after.tick}`;
  for (const [key, value] of Object.entries(after.totals)) {
    if (!atLeastZero(value)) problems.push(`${at}: totals.${key} ${value}`);
    if (value < before.totals[key as keyof typeof before.totals] - 1e-9)
      problems.push(`${at}: totals.${key} went down from ${before.totals[key as keyof typeof before.totals]} to ${value}`);
  }
  const books = after.scenario.startMoney + after.totals.revenue - after.totals.spent;
  if (!close(after.money, books)) problems.push(`${at}: money ${after.money} ≠ start + revenue − spent = ${books}`);
  if (before.gameOver === null && after.gameOver === null && after.money < 0)
    problems.push(`${at}: money ${after.money} < 0 but the game goes on`);
  return problems;
};

/** Runs a plan and returns the first tick's problems, if any. */
function firstViolations(p: Plan, check: Check = flowViolations, scenario: Scenario = scenarioFor(p.scenario)): string[] {
  const state = createSim(scenario, p.seed);
  const initial: string[] = [];
  nonJsonNumbers(state, '$', initial);
  if (initial.length > 0) return [`createSim: not finite: ${initial.join(', ')}`];
  const byTick = groupByTick(p.log);
  for (let t = 0; t < p.ticks; t++) {
    const before = cloneState(state);
    step(state, byTick.get(state.tick) ?? []);
    const problems = check(before, state);
    if (problems.length > 0) return problems;
  }
  return [];
}

/** The state's hash leaving out the revision, which every accepted command moves whatever it does. */
const withoutRevision = (state: SimState) => hashState({ ...state, revision: 0 });

/**
 * Replays the plan, checking each tick's commands on a copy first: a check (apply = false)
 * changes nothing, check and apply agree, a refused command changes neither state nor money, an
 * accepted one changes the state beyond its revision and only costs money (booked as spent);
 * then step() must report the same outcomes.
 */
function checkAtomicity(p: Plan): void {
  const state = createSim(scenarioFor(p.scenario), p.seed);
  const byTick = groupByTick(p.log);
  for (let t = 0; t < p.ticks; t++) {
    const due = [...(byTick.get(state.tick) ?? [])].sort(compareEntries);
    const expected: Array<{ ok: boolean; reason: string | null; createdId: string | null }> = [];
    if (due.length > 0) {
      const copy = cloneState(state);
      for (const entry of due) {
        const hashBefore = hashState(copy);
        const contentBefore = withoutRevision(copy);
        const moneyBefore = copy.money;
        const spentBefore = copy.totals.spent;
        const checked = executeCommand(copy, entry.command, false);
        expect(hashState(copy), `checking ${JSON.stringify(entry.command)} changed the state`).toBe(hashBefore);
        const applied = executeCommand(copy, entry.command, true);
        expect({ ok: applied.ok, reason: applied.ok ? null : applied.reason }).toEqual({
          ok: checked.ok,
          reason: checked.ok ? null : checked.reason,
        });
        if (!applied.ok) {
          expect(hashState(copy), `refused ${JSON.stringify(entry.command)} (${applied.reason}) changed the state`).toBe(hashBefore);
          expect(copy.money).toBe(moneyBefore);
        } else {
          // An accepted command changes the state itself, not just the revision counter every accepted command moves.
          expect(withoutRevision(copy), `accepted ${JSON.stringify(entry.command)} changed nothing`).not.toBe(contentBefore);
          // Commands cost money or nothing; what they cost is booked as spent.
          expect(copy.money).toBeLessThanOrEqual(moneyBefore);
          expect(copy.totals.spent - spentBefore).toBeCloseTo(moneyBefore - copy.money, 9);
        }
        expected.push({ ok: applied.ok, reason: applied.ok ? null : applied.reason, createdId: applied.ok ? applied.createdId : null });
      }
    }
    step(state, due);
    // step() applies the tick's commands exactly as executeCommand did, in the defined order.
    expect(state.lastOutcomes.map(({ ok, reason, createdId }) => ({ ok, reason, createdId }))).toEqual(expected);
  }
}

const withoutOutcomes = (state: SimState) => hashState({ ...state, lastOutcomes: [] });

/** A run of only the accepted commands must be the same game, tick for tick. */
function checkRefusedAreNoOps(p: Plan): void {
  const scenario = scenarioFor(p.scenario);
  const full = createSim(scenario, p.seed);
  const fullByTick = groupByTick(p.log);
  const hashes: string[] = [];
  const outcomes: string[] = [];
  const accepted: CommandEntry[] = [];
  for (let t = 0; t < p.ticks; t++) {
    const due = [...(fullByTick.get(full.tick) ?? [])].sort(compareEntries);
    step(full, due);
    full.lastOutcomes.forEach((outcome, i) => {
      if (outcome.ok) accepted.push(due[i]!);
    });
    hashes.push(withoutOutcomes(full));
    outcomes.push(JSON.stringify(full.lastOutcomes.filter((o) => o.ok)));
  }
  const lean = createSim(scenario, p.seed);
  const leanByTick = groupByTick(accepted);
  for (let t = 0; t < p.ticks; t++) {
    step(lean, leanByTick.get(lean.tick) ?? []);
    expect(withoutOutcomes(lean), `tick ${t}`).toBe(hashes[t]);
    expect(JSON.stringify(lean.lastOutcomes), `outcomes at tick ${t}`).toBe(outcomes[t]);
  }
}

/**
 * Determinism: the plan run straight, and the plan resumed from a JSON snapshot before every
 * tick with that tick's commands handed over in reverse order, give the same hash every tick.
 * (A snapshot also drops every derived cache, such as the routing table.)
 */
function checkSnapshotResume(p: Plan): void {
  const scenario = scenarioFor(p.scenario);
  const straight = createSim(scenario, p.seed);
  let resumed = createSim(scenario, p.seed);
  const byTick = groupByTick(p.log);
  for (let t = 0; t < p.ticks; t++) {
    const due = byTick.get(straight.tick) ?? [];
    step(straight, due);
    resumed = JSON.parse(JSON.stringify(resumed)) as SimState;
    step(resumed, [...due].reverse());
    expect(hashState(resumed), `tick ${t}`).toBe(hashState(straight));
  }
}

/** Every per-tick check at once (for the slower world plans). */
const allViolations: Check = (before, after) => [
  ...flowViolations(before, after),
  ...ruleViolations(before, after),
  ...crashViolations(before, after),
  ...bookViolations(before, after),
];

// ---------------------------------------------------------------------------------------------

describe('invariants under random play', () => {
  it('the state stays finite, nothing goes negative, references stay valid, and every component conserves requests each tick', () => {
    fc.assert(
      fc.property(plan, (p) => {
        expect(firstViolations(p)).toEqual([]);
      }),
      { seed: 0x51a1e, numRuns: 120 },
    );
  });

  it('the rules commands enforce hold after every tick (one box for a colocated database, an RDBMS on several machines only as shards)', () => {
    fc.assert(
      fc.property(plan, (p) => {
        expect(firstViolations(p, ruleViolations)).toEqual([]);
      }),
      { seed: 0x7a1e5, numRuns: 60 },
    );
  });

  it('the books balance: totals never go down, money = start + revenue − spent, negative money ends the game', () => {
    fc.assert(
      fc.property(plan, (p) => {
        expect(firstViolations(p, bookViolations)).toEqual([]);
      }),
      { seed: 0xb00c5, numRuns: 60 },
    );
  });

  it('the books balance at the edge of bankruptcy, with autoscaling ordering servers', () => {
    const rule = fc.record({
      enabled: fc.constant(true),
      min: fc.integer({ min: 1, max: 4 }),
      max: fc.integer({ min: 4, max: 8 }),
      targetUtilisation: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
      cooldownTicks: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(
        rule,
        fc.array(fc.record({ tick: fc.integer({ min: 1, max: 70 }), command }), { maxLength: 10 }),
        fc.nat(),
        (autoscaling, rows, seed) => {
          const log: CommandEntry[] = [
            { tick: 0, team: 'a', player: 'p', seq: 0, command: { type: 'configure', id: 'web-2', autoscaling } },
            ...rows.map((row, i) => ({ tick: row.tick, team: 'b', player: 'q', seq: i, command: row.command })),
          ];
          expect(firstViolations({ scenario: 'broke', seed, ticks: 80, log }, bookViolations)).toEqual([]);
        },
      ),
      { seed: 0xb4c4, numRuns: 40 },
    );
  });

  it('also under overload: a shrinking web tier in constant-load', () => {
    // Random play rarely overloads for long; this plan starves the web tier, then random
    // commands (including more scaling) follow, so the queues fill, turn requests away and recover.
    const squeeze: CommandEntry[] = [
      { tick: 0, team: 'a', player: 'p', seq: 0, command: { type: 'scale', id: 'web-2', count: 1 } },
      { tick: 0, team: 'a', player: 'p', seq: 1, command: { type: 'resize', id: 'web-2', size: 'small' } },
    ];
    fc.assert(
      fc.property(
        fc.array(fc.record({ tick: fc.integer({ min: 4, max: 60 }), command }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 1000 }),
        (rows, seed) => {
          const log = [...squeeze, ...rows.map((row, i) => ({ tick: row.tick, team: 'b', player: 'q', seq: i, command: row.command }))];
          expect(firstViolations({ scenario: 'constant-load', seed, ticks: 80, log })).toEqual([]);
        },
      ),
      { seed: 0xe7104d, numRuns: 40 },
    );
  });

  it('the overload plan really overloads (so the property above tests full queues)', () => {
    // The bounded queues' stationary figures describe a whole tick (a queue holds seconds of work),
    // so an overload shows as utilisation above 1, a queue near its bound and the excess turned
    // away, not as a backlog carried to the next tick.
    const state = createSim(loadPreset('constant-load'), 1);
    step(state, [
      { tick: 0, team: 'a', player: 'p', seq: 0, command: { type: 'scale', id: 'web-2', count: 1 } },
      { tick: 0, team: 'a', player: 'p', seq: 1, command: { type: 'resize', id: 'web-2', size: 'small' } },
    ]);
    let peak = 0;
    for (let t = 0; t < 20; t++) {
      step(state);
      const web = state.components.find((c) => c.id === 'web-2')!;
      const rho = web.figures.utilisation;
      peak = Math.max(peak, rho);
      // At least what the servers cannot take fails: 1 − 1/ρ of the arrivals.
      if (rho > 1) expect(web.figures.failed / web.figures.lambda).toBeGreaterThanOrEqual(1 - 1 / rho - 1e-9);
      expect(web.backlog).toBe(0);
    }
    expect(peak).toBeGreaterThan(1);
  });
});

describe('incident-heavy play (chaos: crashes, spikes, bad deploys, and reactions to them)', () => {
  it('keeps every invariant', () => {
    fc.assert(
      fc.property(chaosPlan, (p) => {
        expect(firstViolations(p)).toEqual([]);
      }),
      { seed: 0xc4a05, numRuns: 40 },
    );
  });

  it('open crash incidents match the dead instances', () => {
    fc.assert(
      fc.property(chaosPlan, (p) => {
        expect(firstViolations(p, crashViolations)).toEqual([]);
      }),
      { seed: 0xc4a07, numRuns: 40 },
    );
  });

  it('applies commands wholly or not at all, and refused ones change nothing', () => {
    fc.assert(
      fc.property(chaosPlan, (p) => {
        checkAtomicity(p);
        checkRefusedAreNoOps(p);
      }),
      { seed: 0xc4a06, numRuns: 30 },
    );
  });
});

describe('the two-region world (every kind of component, world incidents, and reactions to them)', () => {
  it('keeps every invariant: finite, nothing negative, requests conserved, rules, books and incident feed', () => {
    fc.assert(
      fc.property(worldPlan, (p) => {
        expect(firstViolations(p, allViolations)).toEqual([]);
      }),
      { seed: 0x3091d, numRuns: 60 },
    );
  });

  it('applies commands wholly or not at all, and refused ones change nothing', () => {
    fc.assert(
      fc.property(worldPlan, (p) => {
        checkAtomicity(p);
        checkRefusedAreNoOps(p);
      }),
      { seed: 0x3091e, numRuns: 15 },
    );
  });

  it('is deterministic: resumed from a snapshot at every tick, with commands in another order, it is the same game', () => {
    fc.assert(
      fc.property(worldPlan, (p) => checkSnapshotResume(p)),
      { seed: 0x3091f, numRuns: 15 },
    );
  });

  it('the world game really meets its incidents and runs every kind of component', () => {
    const p: Plan = { scenario: 'world', seed: 1, ticks: 40, log: prefixFor('world') };
    const state = createSim(scenarioFor(p.scenario), p.seed);
    const byTick = groupByTick(p.log);
    const busy = new Set<string>();
    for (let t = 0; t < p.ticks; t++) {
      step(state, byTick.get(state.tick) ?? []);
      for (const c of state.components) if (c.figures.lambda > 0) busy.add(c.kind);
    }
    expect([...busy].sort()).toEqual([...COMPONENT_KINDS].sort());
    // Every scripted incident but the shard running full (see worldIncidents.test.ts) is recorded.
    const types = new Set(state.incidents.map((i) => i.type));
    for (const scripted of state.scenario.incidents) if (scripted.type !== 'shardFull') expect(types).toContain(scripted.type);
    expect(state.components.find((c) => c.id === 'db-10')?.settings.replicaOf).toBe('db-8');
  });
});

/** Fixed plans for what the properties found: each title says what must hold. */
describe('cases the properties found', () => {
  const worldCase = (ticks: number, seed: number, commands: Command[]): Plan => ({
    scenario: 'world',
    seed,
    ticks,
    log: [...prefixFor('world'), ...commands.map((command, i) => ({ tick: 0, team: 'red', player: 'ana', seq: i, command }))],
  });

  it('a CDN down with fallback to the origin accounts for the static requests it lets through (conservation)', () => {
    // The scripted CDN outage starts at tick 3; the clients go to the origin, yet the CDN's
    // figures show λ > 0 with nothing served or failed.
    expect(firstViolations(worldCase(5, 0, [{ type: 'configure', id: 'cdn-4', originFallback: true }]), allViolations)).toEqual([]);
  });

  it('a web server whose session store is across a partition never serves a negative number of requests', () => {
    // web-9 (na) calls sessionStore-5 and db-8 (ap) during the partition of ticks 1–12: a write
    // is failed once for its session lookup and again for its write, so failed > λ and served < 0.
    expect(firstViolations(worldCase(3, 0, [{ type: 'connect', from: 'web-9', to: 'sessionStore-5' }]), allViolations)).toEqual([]);
  });

  it('resharding to fewer shards while instances are dead keeps the dead instances and their incidents consistent', () => {
    // A NoSQL primary db-3 (2 shards) and its replica db-4 (2 shards, ready at tick 10) each lose
    // both instances; db-3 is then resharded to one shard (done at tick 24), and its replica with it.
    const scenario = loadPreset('constant-load');
    scenario.initialTopology = [
      { kind: 'lb', region: 'ap', connectFrom: ['users'] },
      { kind: 'web', region: 'ap', size: 'medium', count: 2, connectFrom: [0] },
      { kind: 'db', region: 'ap', size: 'medium', engine: 'nosql', count: 2, connectFrom: [1] },
    ];
    scenario.incidents = [
      { tick: 1, type: 'dbPrimaryFailure', target: 'db-3' },
      { tick: 2, type: 'dbPrimaryFailure', target: 'db-3' },
      { tick: 11, type: 'replicaFailure', target: 'db-4' },
      { tick: 12, type: 'replicaFailure', target: 'db-4' },
    ];
    const log: CommandEntry[] = [
      { tick: 0, team: 'a', player: 'p', seq: 0, command: { type: 'buy', kind: 'db', region: 'ap', size: 'medium', replicaOf: 'db-3' } },
      { tick: 14, team: 'a', player: 'p', seq: 1, command: { type: 'reshard', id: 'db-3', shards: 1, key: 'userIdHash' } },
    ];
    expect(firstViolations({ scenario: 'constant-load', seed: 1, ticks: 30, log }, allViolations, scenario)).toEqual([]);
  });
});

describe('commands apply wholly or not at all', () => {
  it('checking changes nothing, check and apply agree, and a refused command leaves state and money untouched', () => {
    fc.assert(
      fc.property(plan, (p) => checkAtomicity(p)),
      { seed: 0xc0de, numRuns: 45 },
    );
  });

  it('a run without the refused commands is the same game, tick for tick', () => {
    fc.assert(
      fc.property(plan, (p) => checkRefusedAreNoOps(p)),
      { seed: 0xdeca1, numRuns: 40 },
    );
  });

  it('the game is deterministic: resumed from a snapshot at every tick, with commands in another order, it is the same game', () => {
    fc.assert(
      fc.property(plan, (p) => checkSnapshotResume(p)),
      { seed: 0xd373, numRuns: 15 },
    );
  });

  it('a refused purchase costs nothing, even by a cent, and an accepted one costs its price once', () => {
    const state = createSim(loadPreset('sandbox'), 1);
    const start = state.money;
    step(state, [
      { tick: 0, team: 'a', player: 'p', seq: 0, command: { type: 'buy', kind: 'db', region: 'ap', size: 'xxlarge' } }, // far too dear
      { tick: 0, team: 'a', player: 'p', seq: 1, command: { type: 'buy', kind: 'db', region: 'ap', count: 2 } }, // RDBMS cannot partition
      { tick: 0, team: 'a', player: 'p', seq: 2, command: { type: 'buy', kind: 'web', region: 'mars' } },
      { tick: 0, team: 'a', player: 'p', seq: 3, command: { type: 'buy', kind: 'web', region: 'ap' } },
    ]);
    expect(state.lastOutcomes.map((o) => o.reason)).toEqual(['insufficient-funds', 'rdbms-cannot-partition', 'unknown-region', null]);
    expect(state.lastOutcomes[3]!.createdId).toBe('web-2');
    expect(state.nextComponentId).toBe(3); // refused purchases took no id
    // The web server's price (100) and one tick of running costs, less one tick of revenue.
    const tickNet = (state.summary.costPerDay - state.summary.revenuePerDay) / TICKS_PER_DAY;
    expect(start - state.money).toBeCloseTo(purchasePrice('web', 'small', 1) + tickNet, 9);
  });
});
