/**
 * The goals panel's pure parts: objective progress as far as the team's monitoring shows it, the
 * next-step hint rules (each rule's condition, and what a newcomer who follows every hint sees),
 * and the scaling checklist judged from the team's view (agreeing with the server's score).
 * One file on purpose: the three parts judge the same team views, built once here.
 */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../../shared/scenarios';
import {
  checklistScore,
  createSim,
  step,
  teamView,
  type Command,
  type ComponentView,
  type Feature,
  type Scenario,
  type SimState,
  type TeamView,
} from '../../../shared/sim';
import { CONCEPT_IDS } from '../../../shared/campaign/concepts';
import { teamChecklist, type ChecklistNames } from '../../../client/ui/goals/checklist';
import { HINT_IDS, HINT_RULES, nextHint, type Hint, type HintId } from '../../../client/ui/goals/hints';
import { objectiveRows, objectivesSummary } from '../../../client/ui/goals/objectives';
import { localeText } from '../../helpers/locales';
import { componentView } from '../../helpers/views';

const text = localeText;

const REGIONS = ['ap', 'na', 'eu'];

/** The sandbox with money to spare and no random trouble: the hints' order is what is tested. */
function calmSandbox(): Scenario {
  const s = loadPreset('sandbox');
  return { ...s, startMoney: 1_000_000, randomIncidentsPerDay: {}, mtbfTicks: {} };
}

class Game {
  readonly state: SimState;
  private seq = 0;
  constructor(scenario = calmSandbox()) {
    this.state = createSim(scenario, 7);
  }
  send(...commands: Command[]): void {
    const outcomes = this.runWith(commands);
    for (const outcome of outcomes) if (!outcome.ok) throw new Error(`refused: ${outcome.reason} (${JSON.stringify(commands)})`);
  }
  private runWith(commands: Command[]) {
    step(
      this.state,
      commands.map((command) => ({ tick: this.state.tick, team: 'a', player: 'p', seq: this.seq++, command })),
    );
    return this.state.lastOutcomes;
  }
  run(ticks: number): this {
    for (let i = 0; i < ticks; i++) step(this.state, []);
    return this;
  }
  view(): TeamView {
    return teamView(this.state);
  }
  /** The id the last buy created. */
  created(): string {
    return this.state.lastOutcomes.at(-1)?.createdId ?? '';
  }
}

/** A view with only what a test needs: a starting sandbox view, changed by `edit`. */
function sandboxView(edit: (team: TeamView) => void = () => undefined): TeamView {
  const team = structuredClone(new Game().run(1).view());
  edit(team);
  return team;
}

/**
 * Plays a newcomer who reads the hint, does what it says, and waits for the next one; calls
 * `visit` with the view each time a hint is read. Returns the hints seen, repeats merged.
 */
function newcomer(game: Game, visit: (view: TeamView) => void = () => undefined): HintId[] {
  const seen: HintId[] = [];
  const same = (a: Hint, b: Hint) => a.id === b.id && JSON.stringify(a.ids) === JSON.stringify(b.ids);
  for (let n = 0; n < 80; n++) {
    const view = game.view();
    visit(view);
    const hint = nextHint(view, REGIONS);
    if (seen.at(-1) !== hint.id) seen.push(hint.id);
    if (hint.id === 'done') break;
    follow(game, hint);
    // Give what was ordered time to be set up before reading the next hint.
    for (let wait = 0; wait < 60 && same(nextHint(game.view(), REGIONS), hint); wait++) game.run(1);
  }
  return seen;
}

/** What a newcomer does on reading each hint: exactly what it says, with the ids it names. */
function follow(game: Game, hint: Hint): void {
  const { web, db, lb, cache, store, region, feature } = hint.ids;
  switch (hint.id) {
    case 'separateDb':
      return game.send({ type: 'buy', kind: 'db', region: 'ap', engine: 'rdbms' });
    case 'connectDb':
    case 'connectCache':
    case 'connectSessionStore':
      return game.send({ type: 'connect', from: web!, to: (db ?? cache ?? store)! });
    case 'waitDb':
      return void game.run(1);
    case 'buyLb':
      return game.send({ type: 'buy', kind: 'lb', region: region! });
    case 'connectLb':
      return game.send({ type: 'connect', from: lb!, to: web! });
    case 'entryLb':
      return game.send({ type: 'connect', from: 'users', to: lb! });
    case 'secondWeb': {
      const w = game.view().components.find((c) => c.id === web)!;
      return game.send({ type: 'scale', id: web!, count: w.count + w.provisioning + 1 });
    }
    case 'healthChecks':
      return game.send({ type: 'configure', id: lb!, healthChecks: true });
    case 'replica':
      return game.send({ type: 'buy', kind: 'db', region: 'ap', replicaOf: db! });
    case 'buyCache':
      return game.send({ type: 'buy', kind: 'cache', region: 'ap' });
    case 'cdn':
      return game.send({ type: 'buy', kind: 'cdn', region: 'ap' });
    case 'buySessionStore':
      return game.send({ type: 'buy', kind: 'sessionStore', region: 'ap', count: 2 });
    case 'connectWebDb':
      return game.send({ type: 'connect', from: web!, to: db! });
    case 'secondRegion':
      return game.send({ type: 'buy', kind: 'web', region: region! });
    case 'entryRegion':
      return game.send({ type: 'connect', from: 'users', to: web! });
    case 'queue': {
      game.send({ type: 'buy', kind: 'queue', region: 'ap', count: 2 });
      const queue = game.created();
      game.send({ type: 'buy', kind: 'worker', region: 'ap', count: 2 });
      const workers = game.created();
      game.send({ type: 'connect', from: queue, to: workers });
      for (const w of game.view().components.filter((c) => c.kind === 'web')) game.send({ type: 'connect', from: w.id, to: queue });
      return;
    }
    case 'monitoring':
      return game.send({ type: 'buyFeature', feature: feature! });
    case 'sharding':
      return game.send({ type: 'reshard', id: db!, shards: 2, key: 'userIdHash' });
    case 'done':
      return;
  }
}

describe('objective progress', () => {
  const objectives = { latencyMs: 300, availability: 0.99, peakDau: 10_000, profit: 5_000, durationTicks: 2_880 };

  it('hides availability and latency without aggregated metrics, naming the feature that shows them', () => {
    const team = sandboxView((t) => {
      t.money = 2_000;
    });
    expect(team.aggregated).toBeNull();
    const rows = objectiveRows(objectives, team, 2_000);
    for (const id of ['availability', 'latency'] as const) {
      expect(rows.find((r) => r.id === id)).toMatchObject({
        value: null,
        status: 'unknown',
        revealedBy: 'aggregatedMetrics',
        progress: null,
      });
    }
    expect(objectivesSummary(rows)).toEqual({ met: 0, total: 4, unknown: 2 });
  });

  it('shows them with aggregated metrics, met or short against the goal', () => {
    const good = sandboxView((team) => {
      team.aggregated = { requestsPerSecond: 10, availability: 0.995, errorRate: 0.001, p50LatencyMs: 40, p95LatencyMs: 120, tiers: [] };
    });
    const rows = objectiveRows(objectives, good, 2_000);
    expect(rows.find((r) => r.id === 'availability')).toMatchObject({ value: 0.995, status: 'met', revealedBy: null });
    expect(rows.find((r) => r.id === 'latency')).toMatchObject({ value: 120, status: 'met', progress: 1 });
    const slow = structuredClone(good);
    slow.aggregated!.p95LatencyMs = 600;
    slow.aggregated!.availability = 0.9;
    const slowRows = objectiveRows(objectives, slow, 2_000);
    expect(slowRows.find((r) => r.id === 'latency')).toMatchObject({ status: 'short', progress: 0.5 });
    expect(slowRows.find((r) => r.id === 'availability')).toMatchObject({ status: 'short' });
  });

  it('does not count the latency goal met when nothing is served (the p95 then reads 0 ms)', () => {
    const down = sandboxView((team) => {
      team.aggregated = { requestsPerSecond: 10, availability: 0, errorRate: 1, p50LatencyMs: 0, p95LatencyMs: 0, tiers: [] };
    });
    expect(objectiveRows(objectives, down, 2_000).find((r) => r.id === 'latency')).toMatchObject({ status: 'short', progress: 0 });
  });

  it('knows daily users roughly without business metrics (the highest seen), exactly with them', () => {
    const rough = sandboxView();
    expect(rough.users.exact).toBe(false);
    const row = objectiveRows(objectives, rough, 2_000, 12_000).find((r) => r.id === 'peakDau')!;
    expect(row).toMatchObject({ value: 12_000, approx: true, revealedBy: 'businessMetrics', status: 'met', progress: 1 });
    const exact = sandboxView((team) => {
      team.business = {
        revenuePerDay: 1,
        costPerDay: 1,
        peakDau: 4_000,
        satisfaction: 1,
        retentionPerDay: 1,
        growthPerDay: 0,
        regions: [],
      };
    });
    expect(objectiveRows(objectives, exact, 2_000, 12_000).find((r) => r.id === 'peakDau')).toMatchObject({
      value: 4_000,
      approx: false,
      revealedBy: null,
      status: 'short',
      progress: 0.4,
    });
  });

  it('counts profit from the starting money, and the clock towards the end', () => {
    const team = sandboxView((t) => {
      t.money = 4_500;
      t.tick = 720;
    });
    const rows = objectiveRows(objectives, team, 2_000);
    expect(rows.find((r) => r.id === 'profit')).toMatchObject({ value: 2_500, status: 'short', progress: 0.5 });
    expect(rows.find((r) => r.id === 'deadline')).toMatchObject({ value: 720, target: 2_880, status: 'running', progress: 0.25 });
  });

  it('lists only the objectives the scenario sets (the sandbox: availability and latency)', () => {
    const sandbox = loadPreset('sandbox');
    expect(objectiveRows(sandbox.objectives, sandboxView(), sandbox.startMoney).map((r) => r.id)).toEqual(['availability', 'latency']);
  });
});

describe('next-step hints', () => {
  it('have both texts in both languages for every rule, and one rule per id in order', () => {
    expect(HINT_RULES.map((r) => r.id)).toEqual([...HINT_IDS]);
    for (const rule of HINT_RULES) {
      for (const lang of ['en', 'ko'] as const) {
        expect(text(lang, rule.whyKey), `${lang} ${rule.whyKey}`).toBeTypeOf('string');
        expect(text(lang, rule.doKey), `${lang} ${rule.doKey}`).toBeTypeOf('string');
      }
    }
  });

  it('start a sandbox at the one server that runs the web app and the database together', () => {
    expect(nextHint(sandboxView(), REGIONS)).toEqual({
      id: 'separateDb',
      concept: 'singleServer',
      whyKey: 'ui.hints.separateDb.why',
      doKey: 'ui.hints.separateDb.do',
      ids: { web: 'web-1' },
    });
  });

  const web = componentView;
  const system = (
    components: ComponentView[],
    entries: Record<string, string> = { ap: 'web-1' },
    features: Partial<Record<Feature, boolean>> = {},
  ) =>
    sandboxView((team) => {
      team.components = components;
      team.entries = entries;
      Object.assign(team.features, features);
    });
  const idOf = (team: TeamView) => nextHint(team, REGIONS).id;

  it('each rule holds on its own condition', () => {
    const db = web({ id: 'db-2', kind: 'db', settings: { engine: 'rdbms' } });
    const colocated = web({ settings: { colocatedDb: true } });
    expect(idOf(system([colocated]))).toBe('separateDb');
    expect(idOf(system([colocated, { ...db, count: 0, provisioning: 1 }]))).toBe('connectDb');
    expect(
      idOf(
        system([
          { ...colocated, targets: ['db-2'] },
          { ...db, count: 0, provisioning: 1 },
        ]),
      ),
    ).toBe('waitDb');
    const separated = web({ targets: ['db-2'] });
    expect(idOf(system([separated, db]))).toBe('buyLb');
    const lb = web({ id: 'lb-3', kind: 'lb', size: 'large' });
    expect(idOf(system([separated, db, lb]))).toBe('connectLb');
    expect(idOf(system([separated, db, { ...lb, targets: ['web-1'] }]))).toBe('entryLb');
    const wired = { ...lb, targets: ['web-1'] };
    expect(idOf(system([separated, db, wired], { ap: 'lb-3' }))).toBe('secondWeb');
    // A second instance on its way is enough: the hint moves on as soon as it is ordered.
    expect(idOf(system([{ ...separated, provisioning: 1 }, db, wired], { ap: 'lb-3' }))).toBe('healthChecks');
    const checked = { ...wired, settings: { healthChecks: true } };
    const pair = { ...separated, count: 2 };
    expect(idOf(system([pair, db, checked], { ap: 'lb-3' }))).toBe('replica');
    const replica = web({ id: 'db-4', kind: 'db', settings: { replicaOf: 'db-2' } });
    expect(idOf(system([pair, db, checked, replica], { ap: 'lb-3' }))).toBe('buyCache');
    const cache = web({ id: 'cache-5', kind: 'cache' });
    expect(idOf(system([pair, db, checked, replica, cache], { ap: 'lb-3' }))).toBe('connectCache');
    const cached = { ...pair, targets: ['db-2', 'cache-5'] };
    expect(idOf(system([cached, db, checked, replica, cache], { ap: 'lb-3' }))).toBe('cdn');
    const cdn = web({ id: 'cdn-6', kind: 'cdn' });
    const five = [cached, db, checked, replica, cache, cdn];
    expect(idOf(system(five, { ap: 'lb-3' }))).toBe('buySessionStore');
    const store = web({ id: 'sessionStore-7', kind: 'sessionStore' });
    expect(idOf(system([...five, store], { ap: 'lb-3' }))).toBe('connectSessionStore');
    const stateless = { ...cached, targets: [...cached.targets, 'sessionStore-7'] };
    const six = [stateless, db, checked, replica, cache, cdn, store];
    expect(nextHint(system(six, { ap: 'lb-3' }), REGIONS)).toMatchObject({ id: 'secondRegion', ids: { region: 'na' } });
    const naWeb = { ...stateless, id: 'web-8', region: 'na' };
    const naLb = { ...checked, id: 'lb-9', region: 'na', targets: ['web-8'] };
    const two = [...six, naWeb, naLb];
    const entries = { ap: 'lb-3', na: 'lb-9' };
    expect(idOf(system(two, entries))).toBe('queue');
    const queue = web({ id: 'queue-10', kind: 'queue', targets: ['worker-11'] });
    const workers = web({ id: 'worker-11', kind: 'worker' });
    const split = two.map((c) => (c.kind === 'web' ? { ...c, targets: [...c.targets, 'queue-10'] } : c));
    const seven = [...split, queue, workers];
    expect(nextHint(system(seven, entries), REGIONS)).toMatchObject({ id: 'monitoring', ids: { feature: 'hostMetrics' } });
    const watched = { hostMetrics: true, aggregatedMetrics: true, alerts: true, cicd: true };
    expect(nextHint(system(seven, entries, { hostMetrics: true }), REGIONS)).toMatchObject({
      id: 'monitoring',
      ids: { feature: 'aggregatedMetrics' },
    });
    expect(nextHint(system(seven, entries, watched), REGIONS)).toMatchObject({ id: 'sharding', ids: { db: 'db-2' } });
    const sharded = seven.map((c) =>
      c.id === 'db-2' ? { ...c, count: 2, settings: { ...c.settings, shardKey: 'userIdHash' as const } } : c,
    );
    expect(idOf(system(sharded, entries, watched))).toBe('done');
  });

  it('lead a newcomer who follows each one through the ideas in the order they are taught', () => {
    const seen = newcomer(new Game().run(1));
    expect(seen).toEqual([
      // One server, then a separate database tier.
      'separateDb',
      'connectDb',
      'waitDb',
      // One box cannot fail over: a balancer in front of two web servers, with health checks.
      'buyLb',
      'connectLb',
      'entryLb',
      'secondWeb',
      'healthChecks',
      'replica',
      'buyCache',
      'connectCache',
      'cdn',
      'buySessionStore',
      'connectSessionStore',
      // A second data center: its web server uses the database, cache and session store, gets
      // its region's users, and then a balancer and a second instance like the first.
      'secondRegion',
      'connectWebDb',
      'connectCache',
      'connectSessionStore',
      'entryRegion',
      'buyLb',
      'connectLb',
      'entryLb',
      'secondWeb',
      'healthChecks',
      'queue',
      'monitoring',
      'sharding',
      'done',
    ]);
    // The ideas come up first in the order the source teaches them (the database engine is chosen
    // when buying one, and needs no hint of its own).
    const concepts = [...new Set(seen.map((id) => HINT_RULES.find((r) => r.id === id)!.concept))];
    expect(concepts).toEqual(CONCEPT_IDS.filter((id) => id !== 'databaseChoice'));
    // Every rule is met by this newcomer.
    expect(new Set(seen)).toEqual(new Set(HINT_IDS));
  });
});

describe('the scaling checklist from the team view', () => {
  const names: ChecklistNames = {
    component: (id) => `<${id}>`,
    percent: (share) => `${Math.round(share * 100)}%`,
    features: (list) => list.join('+'),
  };

  it('starts with nothing done, and says why for each item', () => {
    const rows = teamChecklist(sandboxView(), REGIONS, names);
    expect(rows.map((r) => r.met)).toEqual([false, false, false, false, false, false, false, false]);
    expect(rows.map((r) => r.reasonKey)).toEqual([
      'ui.checklist.statelessNo',
      'ui.checklist.redundancyDns',
      'ui.checklist.cacheNone',
      'ui.checklist.dataCenters',
      'ui.checklist.cdnNone',
      'ui.checklist.shardedNo',
      'ui.checklist.splitNo',
      'ui.checklist.monitoringMissing',
    ]);
    expect(rows[1]!.params).toEqual({ name: '<web-1>' });
    expect(rows[7]!.params).toEqual({ list: 'hostMetrics+aggregatedMetrics+alerts+cicd' });
    for (const row of rows)
      for (const lang of ['en', 'ko'] as const) expect(text(lang, row.reasonKey), `${lang} ${row.reasonKey}`).toBeTypeOf('string');
  });

  it('agrees with the server’s score at every step a newcomer takes (host metrics on, so the cache is judged)', () => {
    const game = new Game().run(1);
    game.send({ type: 'buyFeature', feature: 'hostMetrics' });
    const scores: number[] = [];
    newcomer(game, (view) => {
      const mine = teamChecklist(view, REGIONS, names).map((r) => [r.id, r.met]);
      const server = checklistScore(game.state).items;
      expect(mine).toEqual(server.map((item) => [item.id, item.met]));
      scores.push(server.filter((item) => item.met).length);
    });
    // The walk ticks items off one after another, up to most of the list.
    expect(Math.max(...scores)).toBeGreaterThanOrEqual(6);
  });

  it('says a cache’s hit ratio is unknown without host metrics, and judges it with them', () => {
    const cache: ComponentView = { ...sandboxView().components[0]!, id: 'cache-3', kind: 'cache', targets: [], settings: {} };
    const withCache = (host: boolean, hitRatio: number) =>
      sandboxView((team) => {
        team.features.hostMetrics = host;
        team.components[0]!.targets = ['db-2', 'cache-3'];
        team.components.push(
          { ...cache, id: 'db-2', kind: 'db' },
          { ...cache, metrics: host ? { ...METRICS, extra: { hitRatio } } : null },
        );
      });
    expect(teamChecklist(withCache(false, 0.9), REGIONS, names)[2]).toMatchObject({
      met: null,
      reasonKey: 'ui.checklist.cacheUnknown',
      params: { name: '<cache-3>' },
    });
    expect(teamChecklist(withCache(true, 0.9), REGIONS, names)[2]).toMatchObject({
      met: true,
      reasonKey: 'ui.checklist.cacheYes',
      params: { ratio: '90%', goal: '50%' },
    });
    expect(teamChecklist(withCache(true, 0.3), REGIONS, names)[2]).toMatchObject({ met: false, reasonKey: 'ui.checklist.cacheLow' });
  });
});

const METRICS = {
  lambda: 1,
  capacity: 10,
  utilisation: 0.1,
  meanLatencyMs: 1,
  p95LatencyMs: 2,
  served: 1,
  errors: 0,
  backlog: 0,
  extra: {},
  sent: {},
  fromUsers: {},
  serving: 1,
  down: 0,
  restarting: 0,
  health: 'healthy' as const,
};
