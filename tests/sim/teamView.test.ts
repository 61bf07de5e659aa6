/**
 * Idea 11 of docs/design.md (seed: 로그, 메트릭 그리고 자동화): the team sees only what its bought
 * observability reveals. Without it: components, money, rough users, complaints, and a feed that
 * says when service got worse. Each feature reveals its own part, nothing more.
 */
import { describe, expect, it } from 'vitest';
import { KINDS, cloneState, hashState, type Feature, type Scenario } from '../../shared/sim';
import { ALERT_THRESHOLDS, FEED_LIMIT, complaintsOf, significant, teamView, type TeamView } from '../../shared/sim/view';
import { Driver } from '../helpers/driver';
import { constantScenario, constantScenarioWithUsers } from '../helpers/scenarios';

const USERS = 12_345;
const CRASH_TICK = 3;
/** Users behind the constant-load rate: the rate over one user's requests per second. */
const base = constantScenario();
const ONLINE =
  (base.traffic.mode === 'constant' ? base.traffic.requestsPerSecond : 0) / Object.values(base.classMix).reduce((a, b) => a + b, 0);

/** The constant-load system (balancer without health checks → 2 web servers → database); one web server crashes. */
function crashScenario(overrides: Partial<Scenario> = {}): Scenario {
  return constantScenarioWithUsers(USERS, { incidents: [{ tick: CRASH_TICK, type: 'serverCrash', target: 'web-2' }], ...overrides });
}

/** Runs the crash scenario with `features` bought at tick 0, to a few ticks after the crash. */
function viewWith(features: Feature[], scenario = crashScenario()): { sim: Driver; view: TeamView } {
  const sim = new Driver(scenario);
  sim.send(...features.map((feature) => ({ type: 'buyFeature' as const, feature })));
  sim.run(CRASH_TICK + 3);
  return { sim, view: teamView(sim.state) };
}

/** Which parts of the view are revealed. */
function revealed(view: TeamView): string[] {
  const parts: string[] = [];
  if (view.components.some((c) => c.metrics !== null)) parts.push('host');
  if (view.aggregated !== null) parts.push('aggregated');
  if (view.business !== null) parts.push('business');
  if (view.users.exact) parts.push('exactUsers');
  if (view.feed.some((entry) => entry.cause !== null)) parts.push('causes');
  if (view.alerts !== null) parts.push('alerts');
  return parts;
}

describe('team view without any feature', () => {
  const { view } = viewWith([]);

  it('shows the components as the provider console does, but no figures', () => {
    expect(view.components.map((c) => [c.id, c.kind, c.count, c.status])).toEqual([
      ['lb-1', 'lb', 1, 'ok'],
      ['web-2', 'web', 2, 'ok'], // one is dead, but nothing says so
      ['db-3', 'db', 1, 'ok'],
    ]);
    expect(view.components[1]!.targets).toEqual(['db-3']);
    expect(view.entries).toEqual({ ap: 'lb-1' });
    for (const component of view.components) expect(component.metrics).toBeNull();
    expect(view.aggregated).toBeNull();
    expect(view.business).toBeNull();
    expect(view.alerts).toBeNull();
    const text = JSON.stringify(view);
    for (const hidden of ['lambda', 'utilisation', 'p95', 'availability', 'errorRate', 'revenue', 'serverCrash']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('users only roughly (two significant figures), complaints, and an anonymous feed', () => {
    expect(view.users).toEqual({ dau: 12_000, online: Number(ONLINE.toPrecision(2)), exact: false });
    expect(view.complaints).toBe('outrage'); // half the requests hit the dead server
    expect(view.feed).toEqual([{ tick: CRASH_TICK, recoveredTick: null, cause: null }]);
    expect(view.money).toBeGreaterThan(0);
    expect(view.features).toEqual({
      hostMetrics: false,
      aggregatedMetrics: false,
      businessMetrics: false,
      logAggregation: false,
      alerts: false,
      cicd: false,
    });
  });
});

describe('each feature reveals its part', () => {
  const cases: Array<[Feature, string[]]> = [
    ['hostMetrics', ['host']],
    ['aggregatedMetrics', ['aggregated']],
    ['businessMetrics', ['business', 'exactUsers']],
    ['logAggregation', ['causes']],
    ['alerts', ['alerts']],
    ['cicd', []],
  ];

  it.each(cases)('%s reveals %j and nothing else', (feature, parts) => {
    expect(revealed(viewWith([]).view)).toEqual([]);
    const { view } = viewWith([feature]);
    expect(revealed(view)).toEqual(parts);
    expect(view.features[feature]).toBe(true);
  });

  it('host metrics: per-component figures and health', () => {
    const { view } = viewWith(['hostMetrics']);
    const web = view.components.find((c) => c.id === 'web-2')!.metrics!;
    expect(web).toMatchObject({ serving: 1, down: 1, restarting: 0, health: 'degraded' });
    expect(web.lambda).toBeCloseTo(200, 6);
    expect(web.errors).toBeCloseTo(100, 6);
    expect(web.utilisation).toBeGreaterThan(0);
    expect(web.p95LatencyMs).toBeGreaterThan(web.meanLatencyMs);
    const db = view.components.find((c) => c.id === 'db-3')!.metrics!;
    expect(db.health).toBe('healthy');
    expect(db.capacity).toBeGreaterThan(db.lambda);
  });

  it('aggregated metrics: the headline figures and one aggregate per tier', () => {
    const { sim, view } = viewWith(['aggregatedMetrics']);
    const aggregated = view.aggregated!;
    expect(aggregated.errorRate).toBeCloseTo(0.5, 4);
    expect(aggregated.availability).toBeCloseTo(sim.state.summary.availability, 4);
    expect(aggregated.p95LatencyMs).toBeGreaterThan(aggregated.p50LatencyMs);
    expect(aggregated.tiers.map((t) => t.tier)).toEqual(['lb', 'web', 'db']);
    const web = aggregated.tiers[1]!;
    expect(web).toMatchObject({ components: 1, instances: 2, hitRatio: null });
    expect(web.errorRate).toBeCloseTo(0.5, 4);
    expect(web.worstP95LatencyMs).toBeGreaterThan(0);
  });

  it('business metrics: exact users, revenue and cost, satisfaction, retention, growth', () => {
    const { view } = viewWith(['businessMetrics']);
    expect(view.users).toEqual({ dau: USERS, online: Math.round(ONLINE), exact: true });
    const business = view.business!;
    expect(business.peakDau).toBe(USERS);
    expect(business.costPerDay).toBeGreaterThan(0);
    expect(business.revenuePerDay).toBeGreaterThan(0);
    expect(business.satisfaction).toBeLessThan(1); // errors lower it
    expect(business.growthPerDay).toBe(0); // constant load: no growth model
    expect(business.regions).toEqual([{ id: 'ap', dau: USERS, satisfaction: business.satisfaction }]);
  });

  it('log aggregation: feed entries name the cause and the target', () => {
    const { view } = viewWith(['logAggregation']);
    expect(view.feed).toEqual([
      {
        tick: CRASH_TICK,
        recoveredTick: null,
        cause: { incidentId: 1, type: 'serverCrash', target: 'web-2', region: null, peer: null, endTick: null },
      },
    ]);
  });

  it('alerts: thresholds crossed, for the users and for each component', () => {
    const { view } = viewWith(['alerts']);
    expect(view.alerts).toEqual([
      { kind: 'errorRate', componentId: null, value: 0.5, threshold: ALERT_THRESHOLDS.errorRate },
      { kind: 'instanceDown', componentId: 'web-2', value: 1, threshold: ALERT_THRESHOLDS.instancesDown },
      { kind: 'errorRate', componentId: 'web-2', value: 0.5, threshold: ALERT_THRESHOLDS.errorRate },
    ]);
  });

  it('dropping a feature hides its part again', () => {
    const { sim } = viewWith(['hostMetrics', 'alerts']);
    sim.send({ type: 'dropFeature', feature: 'hostMetrics' });
    expect(revealed(teamView(sim.state))).toEqual(['alerts']);
  });
});

describe('what users feel, and what only logs record', () => {
  it('an incident the system absorbs does not reach the feed without logs; logs record it', () => {
    // Health checks take the dead server out; the other one has room for all the traffic.
    const sim = new Driver(crashScenario());
    sim.send({ type: 'configure', id: 'lb-1', healthChecks: true });
    sim.run(CRASH_TICK + 3);
    const view = teamView(sim.state);
    expect(view.complaints).toBe('none');
    expect(view.feed).toEqual([]);
    sim.send({ type: 'buyFeature', feature: 'logAggregation' });
    expect(teamView(sim.state).feed.map((entry) => entry.cause?.type)).toEqual(['serverCrash']);
  });

  it('a felt incident shows when service recovered, still without a cause', () => {
    const sim = new Driver(crashScenario());
    sim.run(CRASH_TICK + 3);
    sim.send({ type: 'restart', id: 'web-2' });
    sim.run(KINDS.web.restartTicks + 1);
    const [entry] = teamView(sim.state).feed;
    expect(entry?.cause).toBeNull();
    expect(entry?.recoveredTick).toBeGreaterThan(CRASH_TICK + 1);
  });

  it('incidents at the same tick make one anonymous entry; the feed keeps at most FEED_LIMIT closed entries', () => {
    const sim = new Driver(crashScenario());
    sim.run(CRASH_TICK + 2);
    const state = cloneState(sim.state);
    const template = state.incidents[0]!;
    state.incidents.push({ ...template, id: 2, type: 'trafficSpike', target: null });
    expect(teamView(state).feed).toHaveLength(1);
    state.features.logAggregation = true;
    expect(teamView(state).feed).toHaveLength(2);
    for (let i = 0; i < FEED_LIMIT + 5; i++) {
      state.incidents.push({ ...template, id: 10 + i, startTick: 100 + i, endTick: 101 + i, recoveredTick: 102 + i });
    }
    const feed = teamView(state).feed;
    expect(feed).toHaveLength(FEED_LIMIT); // the two open ones, and the newest closed ones in the room left
    expect(feed.slice(0, 2).map((e) => e.cause?.incidentId)).toEqual([1, 2]);
    expect(feed.at(-1)?.cause?.incidentId).toBe(10 + FEED_LIMIT + 4);
  });
});

describe('complaints', () => {
  it('bucket the error rate and the p95 latency against the objective, whichever is worse', () => {
    const state = new Driver(constantScenario()).run(3).state;
    const objective = state.scenario.objectives.latencyMs;
    const at = (errorRate: number, p95: number) => {
      state.summary.errorRate = errorRate;
      state.summary.p95LatencyMs = p95;
      return complaintsOf(state);
    };
    expect(at(0, objective / 2)).toBe('none');
    expect(at(0.02, objective / 2)).toBe('some');
    expect(at(0, objective * 1.5)).toBe('some');
    expect(at(0.1, objective / 2)).toBe('many');
    expect(at(0.02, objective * 3)).toBe('many');
    expect(at(0.3, objective / 2)).toBe('outrage');
    expect(at(0, objective * 5)).toBe('outrage');
  });
});

describe('alerts for the later mechanics', () => {
  it('utilisation and latency above their thresholds, replication lag, a growing queue', () => {
    const base = constantScenario();
    const sim = new Driver({
      ...base,
      traffic: { mode: 'constant', requestsPerSecond: 880 },
      incidents: [{ tick: 15, type: 'replicationLagSpike', magnitude: 90, durationTicks: 30 }],
    });
    sim.send({ type: 'buyFeature', feature: 'alerts' });
    const replica = sim.buy({ type: 'buy', kind: 'db', region: 'ap', size: 'medium', replicaOf: 'db-3' });
    const queue = sim.buy({ type: 'buy', kind: 'queue', region: 'ap' });
    sim.send({ type: 'connect', from: 'web-2', to: queue }); // no workers: jobs pile up
    sim.run(KINDS.db.provisionTicks + 6);
    const alerts = teamView(sim.state).alerts!;
    const find = (kind: string, id: string | null) => alerts.find((a) => a.kind === kind && a.componentId === id);
    expect(find('replicationLag', replica)?.value).toBeGreaterThan(ALERT_THRESHOLDS.replicationLagSeconds);
    expect(find('queueBacklog', queue)?.value).toBeGreaterThan(0);
    const web = find('utilisation', 'web-2');
    expect(web?.value).toBeGreaterThan(ALERT_THRESHOLDS.utilisation);
    expect(web?.threshold).toBe(ALERT_THRESHOLDS.utilisation);
    const latency = find('latency', null);
    expect(latency?.threshold).toBe(base.objectives.latencyMs * ALERT_THRESHOLDS.latencyObjectiveFactor);
    expect(latency?.value).toBeGreaterThan(latency?.threshold ?? Infinity);
  });
});

describe('plain, deterministic JSON', () => {
  it('survives a JSON round trip unchanged and has no NaN or Infinity', () => {
    const { sim } = viewWith(['hostMetrics', 'aggregatedMetrics', 'businessMetrics', 'logAggregation', 'alerts', 'cicd']);
    const view = teamView(sim.state);
    const text = JSON.stringify(view);
    expect(JSON.parse(text)).toEqual(view);
    const numbers: number[] = [];
    JSON.stringify(view, (_key, value: unknown) => {
      if (typeof value === 'number') numbers.push(value);
      return value;
    });
    expect(numbers.length).toBeGreaterThan(50);
    expect(numbers.every(Number.isFinite)).toBe(true);
  });

  it('the same state gives the same JSON: across runs, snapshots, and key order', () => {
    const all: Feature[] = ['hostMetrics', 'aggregatedMetrics', 'businessMetrics', 'logAggregation', 'alerts'];
    const a = viewWith(all).sim.state;
    const b = viewWith(all).sim.state;
    const text = JSON.stringify(teamView(a));
    expect(JSON.stringify(teamView(b))).toBe(text);
    expect(JSON.stringify(teamView(cloneState(a)))).toBe(text);
    // A snapshot whose objects list their keys in another order is the same state.
    const reversed = JSON.parse(JSON.stringify(a), (_key, value: unknown) =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value as Record<string, unknown>).reverse())
        : value,
    ) as typeof a;
    expect(hashState(reversed)).toBe(hashState(a));
    expect(JSON.stringify(teamView(reversed))).toBe(text);
  });

  it('reads the state without changing it, and shares nothing with it', () => {
    const { sim } = viewWith(['hostMetrics']);
    const before = hashState(sim.state);
    const view = teamView(sim.state);
    view.components[1]!.targets.push('x');
    view.components[2]!.settings.datasets!.push('x');
    expect(hashState(sim.state)).toBe(before);
  });
});

describe('significant figures', () => {
  it('rounds with exact operations, and keeps JSON clean', () => {
    expect(significant(12_345, 2)).toBe(12_000);
    expect(significant(1234.5, 4)).toBe(1235);
    expect(significant(0.012345, 2)).toBe(0.012);
    expect(significant(-0.5, 3)).toBe(-0.5);
    expect(significant(9.9996, 4)).toBe(10);
    expect(significant(0, 4)).toBe(0);
    expect(significant(Number.NaN, 4)).toBe(0);
    expect(significant(1e-12, 4)).toBe(0);
    expect(Object.is(significant(-1e-12, 4), 0)).toBe(true);
    expect(significant(Number.POSITIVE_INFINITY, 4)).toBe(1e15);
  });
});
