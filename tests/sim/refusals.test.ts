/**
 * Two refusals that keep the command log to commands that matter:
 *  - `game-over`: once `state.gameOver` is set, every command is refused and nothing changes;
 *  - `no-change`: a command that would leave the state exactly as it is (a setting to the value it
 *    has, a count to the count it has, GeoDNS weights to the weights they are, a rollback of bad
 *    deploys already ending by then) is refused, in check mode and in apply mode alike.
 * Each no-op is refused with the state's hash untouched; the same command with one value changed is
 * accepted and changes the state. A property drives random games with commands that echo the
 * current state between commands that change it.
 * One file on purpose: one table row per command kind and setting, so a new command without a
 * no-change case shows as a gap in the table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cloneState,
  createSim,
  executeCommand,
  FEATURE_NAMES,
  hashState,
  SIZE_NAMES,
  step,
  type Command,
  type CommandEntry,
  type ComponentState,
  type Scenario,
  type SimState,
} from '../../shared/sim';
import { sandboxScenario } from '../helpers/scenarios';

/** The state's hash leaving out the revision, which every accepted command moves whatever it does. */
const content = (state: SimState) => hashState({ ...state, revision: 0 });

/**
 * Three regions and every kind of component, all in service after a few ticks:
 * lb-1 → web-2 ×2 → cache-4, sessionStore-5, queue-6 → worker-7, db-3 (NoSQL ×2, replica db-11 in
 * ap), db-9 (RDBMS, one box); cdn-8 for static files; web-10 in na straight from the DNS.
 * A bad deploy runs from tick 20 for 200 ticks; nothing happens at random.
 */
function scenario(overrides: Partial<Scenario> = {}): Scenario {
  return sandboxScenario({
    startMoney: 100_000,
    mtbfTicks: {},
    randomIncidentsPerDay: {},
    incidents: [{ tick: 20, type: 'badDeploy', magnitude: 0.3, durationTicks: 200 }],
    initialTopology: [
      { kind: 'lb', region: 'ap', connectFrom: ['users'] },
      { kind: 'web', region: 'ap', size: 'medium', count: 2, connectFrom: [0] },
      { kind: 'db', region: 'ap', size: 'medium', engine: 'nosql', count: 2, connectFrom: [1] },
      { kind: 'cache', region: 'ap', size: 'small', connectFrom: [1] },
      { kind: 'sessionStore', region: 'ap', size: 'small', connectFrom: [1] },
      { kind: 'queue', region: 'ap', size: 'small', connectFrom: [1] },
      { kind: 'worker', region: 'ap', size: 'small', connectFrom: [5] },
      { kind: 'cdn', region: 'ap' },
      { kind: 'db', region: 'ap', size: 'small', engine: 'rdbms' },
      { kind: 'web', region: 'na', size: 'small', connectFrom: ['users'] },
    ],
    ...overrides,
  });
}

/** The game above at tick 12, with the replica db-11 of db-3 (bought at tick 0) in service. */
function game(overrides: Partial<Scenario> = {}): SimState {
  const state = createSim(scenario(overrides), 1);
  step(state, [entry(0, { type: 'buy', kind: 'db', region: 'ap', size: 'medium', replicaOf: 'db-3' })]);
  for (let t = 0; t < 11; t++) step(state);
  expect(component(state, 'db-11').count).toBe(2);
  return state;
}

function entry(tick: number, command: Command, seq = 0): CommandEntry {
  return { tick, team: 'red', player: 'ana', seq, command };
}

function component(state: SimState, id: string): ComponentState {
  const found = state.components.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no component ${id}`);
  return found;
}

/** Refused with `reason` when checked and when applied, the state (revision included) untouched. */
function expectRefused(state: SimState, command: Command, reason: string): void {
  const before = hashState(state);
  expect(executeCommand(state, command, false), `check ${JSON.stringify(command)}`).toEqual({ ok: false, reason });
  expect(hashState(state)).toBe(before);
  expect(executeCommand(state, command, true), `apply ${JSON.stringify(command)}`).toEqual({ ok: false, reason });
  expect(hashState(state)).toBe(before);
}

const expectNoChange = (state: SimState, command: Command) => expectRefused(state, command, 'no-change');

/** Accepted when checked and applied, and applying it changes more than the revision. Applies it to `state` when `keep`. */
function expectChanges(state: SimState, command: Command, keep = false): void {
  const target = keep ? state : cloneState(state);
  const before = content(target);
  expect(executeCommand(target, command, false).ok, `check ${JSON.stringify(command)}`).toBe(true);
  expect(content(target)).toBe(before);
  expect(executeCommand(target, command, true).ok, `apply ${JSON.stringify(command)}`).toBe(true);
  expect(content(target)).not.toBe(before);
}

describe('after the game is over', () => {
  /** Commands the running game (game() at tick 12) accepts, one of every type. */
  const commands: Command[] = [
    { type: 'buy', kind: 'web', region: 'eu' },
    { type: 'remove', id: 'sessionStore-5' },
    { type: 'resize', id: 'web-2', size: 'large' },
    { type: 'scale', id: 'web-2', count: 3 },
    { type: 'connect', from: 'web-10', to: 'cache-4' },
    { type: 'disconnect', from: 'lb-1', to: 'web-2' },
    { type: 'configure', id: 'lb-1', healthChecks: true },
    { type: 'promote', id: 'db-11' },
    { type: 'reshard', id: 'db-3', shards: 3, key: 'userIdHash' },
    { type: 'invalidate', id: 'cdn-8' },
    { type: 'buyFeature', feature: 'cicd' },
    { type: 'geoRoute', region: 'eu', weights: { ap: 1, na: 1 } },
  ];

  it('every command type is refused with game-over, checked or applied, and nothing changes', () => {
    const running = game();
    for (const command of commands) expectChanges(running, command);
    const over = game();
    over.gameOver = { tick: over.tick, reason: 'finished' };
    for (const command of commands) expectRefused(over, command, 'game-over');
  });

  it('a bankrupt team keeps nothing going: step refuses its commands and the state stays where it ended', () => {
    const state = createSim(scenario({ startMoney: 1, revenuePerUserDay: 0 }), 1);
    // The running costs of the whole system take the last 1 within a tick or two.
    for (let t = 0; t < 50 && state.gameOver === null; t++) step(state);
    expect(state.gameOver).toMatchObject({ reason: 'bankrupt' });
    const ended = hashState({ ...state, lastOutcomes: [], lastEvents: [] });
    const tick = state.tick;
    const due = [...commands, { type: 'dropFeature', feature: FEATURE_NAMES[0] } as Command, { type: 'rollback' } as Command].map(
      (command, seq) => entry(tick, command, seq),
    );
    step(state, due);
    expect(state.lastOutcomes.map((o) => o.reason)).toEqual(due.map(() => 'game-over'));
    expect(state.tick).toBe(tick);
    expect(hashState({ ...state, lastOutcomes: [], lastEvents: [] })).toBe(ended);
  });

  it('the game ending by its duration refuses the same way', () => {
    const state = game({ objectives: { ...scenario().objectives, durationTicks: 14 } });
    step(state);
    step(state);
    expect(state.gameOver).toMatchObject({ reason: 'finished', tick: 14 });
    for (const command of commands) expectRefused(state, command, 'game-over');
  });
});

describe('configure', () => {
  it('every setting of every kind, set to the value it has, is refused; another value is accepted', () => {
    const state = game();
    const cases: Array<[Command, Command]> = [
      [
        { type: 'configure', id: 'lb-1', healthChecks: false },
        { type: 'configure', id: 'lb-1', healthChecks: true },
      ],
      [
        { type: 'configure', id: 'web-10', colocatedDb: false },
        { type: 'configure', id: 'web-10', colocatedDb: true },
      ],
      [
        { type: 'configure', id: 'db-3', engine: 'nosql' },
        { type: 'configure', id: 'db-3', engine: 'nosql', failover: 'automatic' },
      ],
      [
        { type: 'configure', id: 'db-9', engine: 'rdbms' },
        { type: 'configure', id: 'db-9', engine: 'nosql' },
      ],
      [
        { type: 'configure', id: 'db-3', datasets: ['accounts', 'posts', 'activity'] },
        { type: 'configure', id: 'db-3', datasets: ['accounts', 'posts'] },
      ],
      [
        { type: 'configure', id: 'db-3', failover: 'manual' },
        { type: 'configure', id: 'db-3', failover: 'automatic' },
      ],
      [
        { type: 'configure', id: 'db-11', failover: 'manual' },
        { type: 'configure', id: 'db-11', failover: 'automatic' },
      ],
      [
        { type: 'configure', id: 'cache-4', cachePolicy: 'lru' },
        { type: 'configure', id: 'cache-4', cachePolicy: 'lfu' },
      ],
      [
        { type: 'configure', id: 'cache-4', cacheStrategy: 'lookAside' },
        { type: 'configure', id: 'cache-4', cacheStrategy: 'writeThrough' },
      ],
      [
        { type: 'configure', id: 'cache-4', ttlSeconds: 300 },
        { type: 'configure', id: 'cache-4', ttlSeconds: 301 },
      ],
      [
        { type: 'configure', id: 'cdn-8', ttlSeconds: 3600 },
        { type: 'configure', id: 'cdn-8', ttlSeconds: 60 },
      ],
      [
        { type: 'configure', id: 'cdn-8', versioning: false },
        { type: 'configure', id: 'cdn-8', versioning: true },
      ],
      [
        { type: 'configure', id: 'cdn-8', originFallback: false },
        { type: 'configure', id: 'cdn-8', originFallback: true },
      ],
      [
        { type: 'configure', id: 'queue-6', durable: false },
        { type: 'configure', id: 'queue-6', durable: true },
      ],
      // Several settings at once: refused only when every one of them is already so.
      [
        { type: 'configure', id: 'cdn-8', ttlSeconds: 3600, versioning: false, originFallback: false },
        { type: 'configure', id: 'cdn-8', ttlSeconds: 3600, versioning: false, originFallback: true },
      ],
    ];
    for (const [same, other] of cases) {
      expectNoChange(state, same);
      expectChanges(state, other);
    }
  });

  it('a configure that names no setting changes nothing', () => {
    expectNoChange(game(), { type: 'configure', id: 'web-2' });
  });

  it('a setting the component does not store yet is a change, even to the value that means the same (denormalised, shardKey)', () => {
    const state = game();
    expect(component(state, 'db-9').settings.denormalised).toBeUndefined();
    expectChanges(state, { type: 'configure', id: 'db-9', denormalised: false }, true);
    expectNoChange(state, { type: 'configure', id: 'db-9', denormalised: false });
    expectChanges(state, { type: 'configure', id: 'db-9', shardKey: 'region' }, true);
    expectNoChange(state, { type: 'configure', id: 'db-9', shardKey: 'region' });
  });

  it('data sets compare in order: the same list is refused, the same sets in another order are a change', () => {
    const state = game();
    expectChanges(state, { type: 'configure', id: 'db-9', datasets: ['posts', 'accounts'] }, true);
    expectNoChange(state, { type: 'configure', id: 'db-9', datasets: ['posts', 'accounts'] });
    expectChanges(state, { type: 'configure', id: 'db-9', datasets: ['accounts', 'posts'] });
    expectChanges(state, { type: 'configure', id: 'db-9', datasets: ['posts', 'accounts', 'activity'] });
    expectChanges(state, { type: 'configure', id: 'db-9', datasets: ['posts'] });
  });

  it('an autoscaling rule equal in every member is refused, whatever the order of its members', () => {
    const state = game();
    const rule = { enabled: true, min: 2, max: 6, targetUtilisation: 0.6, cooldownTicks: 10 };
    expectChanges(state, { type: 'configure', id: 'web-2', autoscaling: rule }, true);
    expectNoChange(state, { type: 'configure', id: 'web-2', autoscaling: { ...rule } });
    expectNoChange(state, {
      type: 'configure',
      id: 'web-2',
      autoscaling: { cooldownTicks: 10, targetUtilisation: 0.6, max: 6, min: 2, enabled: true },
    });
    for (const change of [{ enabled: false }, { min: 1 }, { max: 7 }, { targetUtilisation: 0.61 }, { cooldownTicks: 11 }]) {
      expectChanges(state, { type: 'configure', id: 'web-2', autoscaling: { ...rule, ...change } });
    }
    // The worker's first rule is a change even when it is disabled.
    expectChanges(state, { type: 'configure', id: 'worker-7', autoscaling: { ...rule, enabled: false } });
  });

  it("a primary's engine, data sets and shard key are refused as unchanged only when its replicas hold the same", () => {
    const state = game();
    expectNoChange(state, { type: 'configure', id: 'db-3', datasets: ['accounts', 'posts', 'activity'] });
    // A replica that holds other data (not a state play reaches today) would be changed by the command.
    component(state, 'db-11').settings.datasets = ['accounts'];
    expectChanges(state, { type: 'configure', id: 'db-3', datasets: ['accounts', 'posts', 'activity'] });
  });

  it('a no-op that is also invalid keeps the reason it had', () => {
    const state = game();
    expectRefused(state, { type: 'configure', id: 'lb-1', healthChecks: false, durable: false }, 'invalid-setting');
    expectRefused(state, { type: 'configure', id: 'db-11', engine: 'nosql' }, 'invalid-setting');
    expectRefused(state, { type: 'configure', id: 'nothing-1' }, 'unknown-component');
  });
});

describe('scale', () => {
  it('to the instances a component has or has ordered is refused; another count is accepted', () => {
    const state = game();
    expectNoChange(state, { type: 'scale', id: 'web-2', count: 2 });
    expectChanges(state, { type: 'scale', id: 'web-2', count: 3 }, true);
    // Two serving and one ordered: three planned.
    expect(component(state, 'web-2')).toMatchObject({ count: 2, provisioning: [expect.any(Number)] });
    expectNoChange(state, { type: 'scale', id: 'web-2', count: 3 });
    expectChanges(state, { type: 'scale', id: 'web-2', count: 2 });
  });

  it('a primary with its replicas at that count is refused; a replica behind is a change', () => {
    const state = game();
    expectNoChange(state, { type: 'scale', id: 'db-3', count: 2 });
    // A replica one shard short (not a state play reaches today) would be scaled with its primary.
    component(state, 'db-11').count = 1;
    expectChanges(state, { type: 'scale', id: 'db-3', count: 2 });
  });

  it('a no-op that is also refused for another reason keeps that reason', () => {
    const state = game();
    expectChanges(state, { type: 'resize', id: 'web-2', size: 'large' }, true);
    expectRefused(state, { type: 'scale', id: 'web-2', count: 2 }, 'busy');
    expectRefused(state, { type: 'scale', id: 'cdn-8', count: 1 }, 'invalid-setting');
  });
});

describe('geoRoute', () => {
  it('weights that normalise to the stored shares are refused; other shares are accepted', () => {
    const state = game();
    expectChanges(state, { type: 'geoRoute', region: 'eu', weights: { ap: 1, na: 3 } }, true);
    expect(state.geoWeights.eu).toEqual({ ap: 0.25, na: 0.75 });
    expectNoChange(state, { type: 'geoRoute', region: 'eu', weights: { ap: 1, na: 3 } });
    expectNoChange(state, { type: 'geoRoute', region: 'eu', weights: { na: 30, ap: 10 } });
    expectNoChange(state, { type: 'geoRoute', region: 'eu', weights: { ap: 0.25, na: 0.75, eu: 0 } });
    expectChanges(state, { type: 'geoRoute', region: 'eu', weights: { ap: 1, na: 2 } });
    expectChanges(state, { type: 'geoRoute', region: 'eu', weights: { na: 1 } });
    expectChanges(state, { type: 'geoRoute', region: 'eu', weights: { ap: 1, na: 3, eu: 1 } });
    // Another region's weights are their own.
    expectChanges(state, { type: 'geoRoute', region: 'na', weights: { ap: 1, na: 3 } });
  });

  it('invalid weights keep their reason', () => {
    const state = game();
    expectChanges(state, { type: 'geoRoute', region: 'eu', weights: { ap: 1 } }, true);
    expectRefused(state, { type: 'geoRoute', region: 'eu', weights: { ap: 1, mars: 1 } }, 'unknown-region');
    expectRefused(state, { type: 'geoRoute', region: 'eu', weights: { ap: 0 } }, 'invalid-setting');
  });
});

describe('rollback', () => {
  it('a bad deploy already ending by the time a rollback would is refused', () => {
    const state = game();
    while (state.tick < 21) step(state);
    const deploy = state.incidents.find((i) => i.type === 'badDeploy' && i.endTick === null);
    expect(deploy).toBeDefined();
    expectChanges(state, { type: 'rollback' }, true);
    // The same tick, and the next: the rollback already under way ends sooner than a new one would.
    expectNoChange(state, { type: 'rollback' });
    step(state);
    expectNoChange(state, { type: 'rollback' });
    // With CI/CD a rollback takes one restart instead of one per data center (two here): sooner, so a change.
    expectChanges(state, { type: 'buyFeature', feature: 'cicd' }, true);
    expectChanges(state, { type: 'rollback' }, true);
    expectNoChange(state, { type: 'rollback' });
  });

  it('a bad deploy about to run out by itself is not shortened by a rollback', () => {
    const state = game({ incidents: [{ tick: 20, type: 'badDeploy', magnitude: 0.3, durationTicks: 2 }] });
    while (state.tick < 21) step(state);
    expect(state.incidents.some((i) => i.type === 'badDeploy' && i.endTick === null)).toBe(true);
    expectNoChange(state, { type: 'rollback' });
  });

  it('without a bad deploy the reason stays no-bad-deploy', () => {
    expectRefused(game(), { type: 'rollback' }, 'no-bad-deploy');
  });
});

describe('commands whose no-op already had a reason, and commands that always change something', () => {
  it('keep their own reasons', () => {
    const state = game();
    expectRefused(state, { type: 'resize', id: 'web-2', size: 'medium' }, 'same-size');
    expectRefused(state, { type: 'resize', id: 'lb-1', size: 'large' }, 'already-top-size');
    expectRefused(state, { type: 'connect', from: 'lb-1', to: 'web-2' }, 'already-connected');
    expectRefused(state, { type: 'connect', from: 'users', to: 'lb-1' }, 'already-connected');
    expectRefused(state, { type: 'disconnect', from: 'lb-1', to: 'db-3' }, 'not-connected');
    expectRefused(state, { type: 'restart', id: 'web-2' }, 'nothing-to-restart');
    expectRefused(state, { type: 'dropFeature', feature: 'cicd' }, 'feature-missing');
    expectChanges(state, { type: 'buyFeature', feature: 'cicd' }, true);
    expectRefused(state, { type: 'buyFeature', feature: 'cicd' }, 'feature-owned');
    expectChanges(state, { type: 'promote', id: 'db-11' }, true);
    expectRefused(state, { type: 'promote', id: 'db-11' }, 'busy');
  });

  it('invalidating an empty CDN and resharding to the same layout still change the state (money, a copy under way)', () => {
    const state = game();
    expectChanges(state, { type: 'buy', kind: 'cdn', region: 'ap' }, true);
    expect(component(state, 'cdn-12').fill).toBe(0);
    expectChanges(state, { type: 'invalidate', id: 'cdn-12' });
    expectChanges(state, { type: 'configure', id: 'db-9', shardKey: 'region' }, true);
    expect(component(state, 'db-9')).toMatchObject({ count: 1, provisioning: [], settings: { shardKey: 'region' } });
    expectChanges(state, { type: 'reshard', id: 'db-9', shards: 1, key: 'region' });
  });

  it('step() records a no-op as refused with no-change, and the revision does not move', () => {
    const state = game();
    const revision = state.revision;
    step(state, [
      entry(state.tick, { type: 'scale', id: 'web-2', count: 2 }),
      entry(state.tick, { type: 'configure', id: 'lb-1', healthChecks: false }, 1),
    ]);
    expect(state.lastOutcomes.map((o) => [o.ok, o.reason])).toEqual([
      [false, 'no-change'],
      [false, 'no-change'],
    ]);
    expect(state.revision).toBe(revision);
  });
});

// ---------------------------------------------------------------------------------------------
// Random play with echoes of the state

const IDS = [
  'lb-1',
  'web-2',
  'db-3',
  'cache-4',
  'sessionStore-5',
  'queue-6',
  'worker-7',
  'cdn-8',
  'db-9',
  'web-10',
  'db-11',
  'web-12',
  'db-13',
];
const REGIONS = ['ap', 'na', 'eu'];

/** Commands that change the game (or are refused): the moves between the echoes. */
const move: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ type: fc.constant('scale' as const), id: fc.constantFrom(...IDS), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ type: fc.constant('resize' as const), id: fc.constantFrom(...IDS), size: fc.constantFrom(...SIZE_NAMES) }),
  fc.record({ type: fc.constant('configure' as const), id: fc.constantFrom('lb-1'), healthChecks: fc.boolean() }),
  fc.record({
    type: fc.constant('configure' as const),
    id: fc.constantFrom('cdn-8', 'cache-4'),
    ttlSeconds: fc.constantFrom(60, 300, 3600),
  }),
  fc.record(
    {
      type: fc.constant('configure' as const),
      id: fc.constantFrom('db-3', 'db-9', 'db-11'),
      failover: fc.constantFrom('manual' as const, 'automatic' as const),
      denormalised: fc.boolean(),
    },
    { requiredKeys: ['type', 'id'] },
  ),
  fc.record({
    type: fc.constant('configure' as const),
    id: fc.constantFrom('db-3', 'db-9'),
    datasets: fc.subarray(['accounts', 'posts', 'activity'], { minLength: 1 }),
  }),
  fc.record({
    type: fc.constant('configure' as const),
    id: fc.constantFrom('web-2', 'worker-7', 'web-12'),
    autoscaling: fc.record({
      enabled: fc.boolean(),
      min: fc.constant(1),
      max: fc.integer({ min: 1, max: 4 }),
      targetUtilisation: fc.constantFrom(0.5, 0.6),
      cooldownTicks: fc.constantFrom(5, 10),
    }),
  }),
  fc.record({
    type: fc.constant('geoRoute' as const),
    region: fc.constantFrom(...REGIONS),
    weights: fc.dictionary(fc.constantFrom(...REGIONS), fc.integer({ min: 0, max: 3 }), { minKeys: 1, maxKeys: 3 }),
  }),
  fc.record({ type: fc.constant('buyFeature' as const), feature: fc.constantFrom(...FEATURE_NAMES) }),
  fc.record({ type: fc.constant('dropFeature' as const), feature: fc.constantFrom(...FEATURE_NAMES) }),
  fc.record({
    type: fc.constant('reshard' as const),
    id: fc.constantFrom('db-3', 'db-9'),
    shards: fc.integer({ min: 1, max: 3 }),
    key: fc.constantFrom('userIdHash' as const, 'region' as const),
  }),
  fc.record({ type: fc.constant('restart' as const), id: fc.constantFrom(...IDS) }),
  fc.record({ type: fc.constant('promote' as const), id: fc.constantFrom('db-11', 'db-13', 'db-3') }),
  fc.record({ type: fc.constant('invalidate' as const), id: fc.constant('cdn-8') }),
  fc.constantFrom<Command>(
    { type: 'rollback' },
    { type: 'buy', kind: 'web', region: 'eu' },
    { type: 'buy', kind: 'db', region: 'na', replicaOf: 'db-3' },
    { type: 'connect', from: 'lb-1', to: 'web-12' },
    { type: 'connect', from: 'web-10', to: 'cache-4' },
    { type: 'disconnect', from: 'lb-1', to: 'web-2' },
    { type: 'remove', id: 'sessionStore-5' },
  ),
);

/**
 * An echo: a command built from the state when it is sent, asking for what already is — a subset
 * of a component's own settings as they are, its planned instance count, the last GeoDNS weights
 * sent for a region scaled by a power of two (the same shares, exactly), or a second rollback
 * straight after one.
 */
type Echo =
  | { echo: 'configure'; pick: number; keys: number }
  | { echo: 'scale'; pick: number }
  | { echo: 'geoRoute'; region: string; factor: number }
  | { echo: 'rollback' };
const echo: fc.Arbitrary<Echo> = fc.oneof(
  fc.record({ echo: fc.constant('configure' as const), pick: fc.nat(), keys: fc.nat({ max: 255 }) }),
  fc.record({ echo: fc.constant('scale' as const), pick: fc.nat() }),
  fc.record({ echo: fc.constant('geoRoute' as const), region: fc.constantFrom(...REGIONS), factor: fc.constantFrom(1, 2, 0.5, 4) }),
  fc.constant({ echo: 'rollback' as const }),
);

const REPLICATED = ['engine', 'datasets', 'shardKey'];

/** The command an echo stands for in this state (null when there is nothing to echo). */
function echoCommand(state: SimState, e: Echo, lastRoutes: Map<string, Record<string, number>>): Command | null {
  if (e.echo === 'rollback') return { type: 'rollback' };
  if (e.echo === 'geoRoute') {
    const sent = lastRoutes.get(e.region);
    if (sent === undefined) return null;
    const weights: Record<string, number> = {};
    for (const [region, weight] of Object.entries(sent)) weights[region] = weight * e.factor;
    return { type: 'geoRoute', region: e.region, weights };
  }
  const c = state.components[e.pick % state.components.length]!;
  if (e.echo === 'scale') return { type: 'scale', id: c.id, count: c.count + c.provisioning.length };
  const names = Object.keys(c.settings)
    .filter((name) => name !== 'replicaOf' && !(c.settings.replicaOf !== undefined && REPLICATED.includes(name)))
    .sort();
  const command: Record<string, unknown> = { type: 'configure', id: c.id };
  names.forEach((name, i) => {
    if (Math.floor(e.keys / 2 ** i) % 2 === 1) command[name] = structuredClone((c.settings as Record<string, unknown>)[name]);
  });
  return command as Command;
}

describe('random play with echoes of the state', () => {
  it('an echo is never accepted; every accepted command changes the state; a refused one changes nothing; check and apply agree', () => {
    let noChange = 0;
    let changed = 0;
    const run = fc.array(
      fc.record({
        wait: fc.integer({ min: 0, max: 6 }),
        action: fc.oneof(
          { weight: 2, arbitrary: move.map((command) => ({ command })) },
          { weight: 1, arbitrary: echo.map((e) => ({ e })) },
        ),
      }),
      { minLength: 5, maxLength: 40 },
    );
    fc.assert(
      fc.property(run, fc.integer({ min: 0, max: 1000 }), (actions, seed) => {
        const state = createSim(scenario({ incidents: [{ tick: 6, type: 'badDeploy', magnitude: 0.3, durationTicks: 60 }] }), seed);
        step(state, [entry(0, { type: 'buy', kind: 'db', region: 'ap', size: 'medium', replicaOf: 'db-3' })]);
        const lastRoutes = new Map<string, Record<string, number>>();
        for (const { wait, action } of actions) {
          for (let t = 0; t < wait && state.gameOver === null; t++) step(state);
          // A rollback echo follows a rollback in the same tick, accepted or not.
          if ('e' in action && action.e.echo === 'rollback') executeCommand(state, { type: 'rollback' }, true);
          const command = 'command' in action ? action.command : echoCommand(state, action.e, lastRoutes);
          if (command === null) continue;
          const hash = hashState(state);
          const before = content(state);
          const checked = executeCommand(state, command, false);
          expect(hashState(state)).toBe(hash);
          const applied = executeCommand(state, command, true);
          expect(applied.ok ? null : applied.reason, JSON.stringify(command)).toBe(checked.ok ? null : checked.reason);
          if (applied.ok) {
            changed++;
            if (command.type === 'geoRoute') lastRoutes.set(command.region, command.weights);
            expect('e' in action, `echo ${JSON.stringify(command)} accepted`).toBe(false);
            expect(content(state), `accepted ${JSON.stringify(command)} changed nothing`).not.toBe(before);
          } else {
            if (applied.reason === 'no-change') noChange++;
            expect(hashState(state), `refused ${JSON.stringify(command)} changed the state`).toBe(hash);
          }
        }
      }),
      { seed: 0x0c4a9e, numRuns: 60 },
    );
    // The property saw both kinds plenty of times.
    expect(noChange).toBeGreaterThan(100);
    expect(changed).toBeGreaterThan(100);
  });
});
