/**
 * Why availability falls short, as the team view explains it (view/loss.ts): the requests not
 * served well, 1 − availability, are the failed ones plus the slow ones (succeeded after the
 * latency objective), and the slow ones split into those the users' round trip made slow
 * (distance, by region) and those slow inside the system (by request class). The parts come from
 * the same numbers as availability (economy.ts) and add up to 1 − availability.
 */
import { describe, expect, it } from 'vitest';
import {
  cloneState,
  createSim,
  step,
  type Command,
  type Feature,
  type InitialComponent,
  type Scenario,
  type SimState,
} from '../../shared/sim';
import { runFlow } from '../../shared/sim/flow/index';
import { drawCrashes, drawWorldIncidents, expireIncidents, startScriptedIncidents } from '../../shared/sim/rules/incidents';
import { streamTail } from '../../shared/sim/numerics/latencyMix';
import { advanceLifecycles } from '../../shared/sim/rules/lifecycle';
import { SHARE_DECIMALS, teamView, type TeamView } from '../../shared/sim/view';
import { lossFigures } from '../../shared/sim/view/loss';
import { sandboxScenario } from '../helpers/scenarios';

/** Each part is rounded to SHARE_DECIMALS on its own: three roundings, and the availability's. */
const ROUNDING = 2.5 * 10 ** -SHARE_DECIMALS;
const ALL: Feature[] = ['aggregatedMetrics', 'businessMetrics', 'logAggregation'];

/**
 * The sandbox's regions with a light first day (200, 50 and 30 users), so that these worlds keep
 * describing their situation whatever pace the sandbox preset is tuned to.
 */
const LIGHT_REGIONS = sandboxScenario().regions.map((r, i) => ({ ...r, initialUsers: [200, 50, 30][i]! }));

/** The sandbox (one server in Asia; users in Asia, North America and Europe) at `hour` of day one. */
function sandboxAt(hour: number, overrides: Partial<Scenario> = {}, features: Feature[] = ALL, commands: Command[] = []): SimState {
  const state = createSim(sandboxScenario({ regions: LIGHT_REGIONS, startMoney: 1e6, ...overrides }), 5);
  for (const feature of features) state.features[feature] = true;
  step(
    state,
    commands.map((command, seq) => ({ tick: 0, team: 'a', player: 'p', seq, command })),
  );
  for (let i = 1; i < hour * 60; i++) step(state);
  return state;
}

const SPLIT: InitialComponent[] = [
  { kind: 'lb', region: 'ap', connectFrom: ['users'] },
  { kind: 'web', region: 'ap', size: 'medium', count: 2, connectFrom: [0] },
  { kind: 'db', region: 'ap', size: 'medium', engine: 'rdbms', connectFrom: [1] },
];

/** Worlds with different reasons to lose requests. */
const WORLDS: Array<[string, () => SimState]> = [
  ['one server, far users', () => sandboxAt(21)],
  ['one server at Europe’s night', () => sandboxAt(5)],
  ['web and database apart', () => sandboxAt(21, { initialTopology: SPLIT })],
  [
    'an overloaded database',
    () =>
      sandboxAt(21, {
        initialTopology: [SPLIT[0]!, SPLIT[1]!, { ...SPLIT[2]!, size: 'small' }],
        regions: LIGHT_REGIONS.map((r) => ({ ...r, initialUsers: r.initialUsers * 40 })),
      }),
  ],
  [
    'with a CDN',
    () =>
      sandboxAt(6, {
        initialTopology: [
          { kind: 'web', region: 'ap', size: 'small', colocatedDb: true, connectFrom: ['users'] },
          { kind: 'cdn', region: 'ap' },
        ],
      }),
  ],
  [
    'a second data center for Europe',
    () =>
      sandboxAt(
        5,
        {
          initialTopology: [
            ...SPLIT,
            { kind: 'lb', region: 'eu', connectFrom: ['users'] },
            { kind: 'web', region: 'eu', size: 'medium', count: 2, connectFrom: [3] },
            { kind: 'db', region: 'eu', size: 'medium', connectFrom: [4] },
          ],
        },
        ALL,
        [{ type: 'geoRoute', region: 'eu', weights: { eu: 1, ap: 1 } }],
      ),
  ],
];

function loss(view: TeamView) {
  const l = view.aggregated?.loss;
  if (l === undefined) throw new Error('no loss in the view');
  return l;
}

describe('the availability loss adds up', () => {
  it.each(WORLDS)('%s: errors + distance + system = 1 − availability', (_, make) => {
    const state = make();
    const view = teamView(state);
    const l = loss(view);
    const a = view.aggregated!;
    expect(Math.abs(l.errors + l.distance + l.system - (1 - a.availability))).toBeLessThanOrEqual(ROUNDING);
    // Errors are the failed requests; the rest is what succeeded but too late.
    expect(l.errors).toBeCloseTo(1 - state.summary.successRate, SHARE_DECIMALS - 1);
    expect(l.distance + l.system).toBeCloseTo(state.summary.successRate - state.summary.availability, SHARE_DECIMALS - 1);
    // The parts by region and by class add up to their cause.
    expect(Math.abs(l.regions!.reduce((s, r) => s + r.share, 0) - l.distance)).toBeLessThanOrEqual(
      l.regions!.length * 10 ** -SHARE_DECIMALS,
    );
    expect(Math.abs(l.classes!.reduce((s, c) => s + c.share, 0) - l.system)).toBeLessThanOrEqual(l.classes!.length * 10 ** -SHARE_DECIMALS);
    for (const part of [l.errors, l.distance, l.system, ...l.regions!.map((r) => r.share), ...l.classes!.map((c) => c.share)]) {
      expect(part).toBeGreaterThanOrEqual(0);
    }
  });

  it('full precision: the parts add up exactly', () => {
    for (const [, make] of WORLDS) {
      const state = make();
      const l = lossFigures(state);
      expect(l.errors + l.distance + l.system).toBeCloseTo(1 - state.summary.availability, 12);
      expect(l.classes.reduce((s, c) => s + c.share, 0)).toBeCloseTo(l.system, 12);
      expect(l.regions.reduce((s, r) => s + r.share, 0)).toBeCloseTo(l.distance, 12);
    }
  });
});

describe('what the loss says about the newcomer’s sandbox', () => {
  // One server in Asia, no errors: availability is short of 100 % only because requests are slow.
  const state = sandboxAt(21);
  const l = loss(teamView(state));

  it('no errors; Europe (250 ms away from a 300 ms objective) loses the most to distance', () => {
    expect(l.errors).toBe(0);
    expect(l.distance).toBeGreaterThan(l.system);
    const byId = Object.fromEntries(l.regions!.map((r) => [r.id, r]));
    expect(byId.eu!.roundTripMs).toBe(250);
    expect(byId.na!.roundTripMs).toBe(140);
    expect(byId.ap!.roundTripMs).toBe(20);
    expect(byId.eu!.share).toBeGreaterThan(byId.na!.share);
    expect(byId.eu!.share).toBeGreaterThan(byId.ap!.share);
  });

  it('inside the system, the slow requests are the background jobs the web server does itself', () => {
    const jobs = l.classes!.find((c) => c.cls === 'job')!;
    expect(jobs.share).toBeGreaterThan(0);
    expect(jobs.share).toBeCloseTo(l.system, 4);
    expect(l.slowest!.map((s) => s.componentId)).toEqual(['web-1']);
    expect(l.slowest![0]!.msPerRequest).toBeGreaterThan(0);
  });
});

/**
 * The sim keeps its per-region streams only during the tick; the view rebuilds them from the
 * state. Here the tick is re-run on a copy (the same draws, the same flow) to get the sim's own
 * streams, and again with every round trip at zero for the "next door" counterfactual: the view's
 * split must match what those streams say.
 */
function ownSplit(before: SimState): { slow: number; distance: number[]; system: number } {
  const flowOf = (zero: boolean) => {
    const copy = cloneState(before);
    if (zero) for (const from of Object.values(copy.scenario.latencyMs)) for (const to of Object.keys(from)) from[to] = 0;
    advanceLifecycles(copy);
    expireIncidents(copy);
    startScriptedIncidents(copy);
    drawWorldIncidents(copy);
    drawCrashes(copy);
    return runFlow(copy);
  };
  const actual = flowOf(false);
  const near = flowOf(true);
  const objective = before.scenario.objectives.latencyMs / 1000;
  let total = 0;
  let slow = 0;
  let system = 0;
  const distance = actual.regions.map((region, r) => {
    total += region.offered;
    let d = 0;
    region.streams.forEach((stream, k) => {
      const tail = streamTail(stream, objective);
      const tailNear = Math.min(tail, streamTail(near.regions[r]!.streams[k]!, objective));
      slow += stream.weight * stream.ok * tail;
      d += stream.weight * stream.ok * (tail - tailNear);
      system += stream.weight * stream.ok * tailNear;
    });
    return d;
  });
  return { slow: slow / total, distance: distance.map((d) => d / total), system: system / total };
}

describe('the split matches the sim’s own streams', () => {
  const cases: Array<[string, Partial<Scenario>, number]> = [
    ['one server, far users', {}, 21],
    ['web and database apart', { initialTopology: SPLIT }, 21],
    [
      'with a CDN',
      {
        initialTopology: [
          { kind: 'web', region: 'ap', size: 'small', colocatedDb: true, connectFrom: ['users'] },
          { kind: 'cdn', region: 'ap' },
        ],
      },
      6,
    ],
  ];

  it.each(cases)('%s', (_, overrides, hour) => {
    const state = sandboxAt(hour, overrides);
    const before = cloneState(state);
    step(state);
    const own = ownSplit(before);
    const view = lossFigures(state);
    expect(own.slow).toBeCloseTo(state.summary.successRate - state.summary.availability, 9);
    view.regions.forEach((region, r) => {
      expect(Math.abs(region.share - own.distance[r]!)).toBeLessThanOrEqual(0.05 * own.slow + 1e-6);
    });
    expect(Math.abs(view.system - own.system)).toBeLessThanOrEqual(0.05 * own.slow + 1e-6);
  });
});

describe('what each feature reveals of the loss', () => {
  it('nothing without aggregated metrics (users only complain)', () => {
    const view = teamView(sandboxAt(1, {}, ['businessMetrics', 'logAggregation']));
    expect(view.aggregated).toBeNull();
    expect(JSON.stringify(view)).not.toContain('distance');
  });

  it('aggregated metrics: the causes only', () => {
    const l = loss(teamView(sandboxAt(1, {}, ['aggregatedMetrics'])));
    expect(l.errors + l.distance + l.system).toBeGreaterThan(0);
    expect(l.regions).toBeNull();
    expect(l.classes).toBeNull();
    expect(l.slowest).toBeNull();
  });

  it('business metrics add the regions; log aggregation the request classes and where time goes', () => {
    const business = loss(teamView(sandboxAt(1, {}, ['aggregatedMetrics', 'businessMetrics'])));
    expect(business.regions!.map((r) => r.id)).toEqual(['ap', 'na', 'eu']);
    expect(business.classes).toBeNull();
    const logs = loss(teamView(sandboxAt(1, {}, ['aggregatedMetrics', 'logAggregation'])));
    expect(logs.regions).toBeNull();
    expect(logs.classes!.map((c) => c.cls)).toEqual(['static', 'read', 'write', 'session', 'job']);
    expect(logs.slowest!.length).toBeGreaterThan(0);
  });

  it('is the same JSON for the same state (a pure projection)', () => {
    const state = sandboxAt(2);
    expect(JSON.stringify(teamView(cloneState(state)))).toBe(JSON.stringify(teamView(state)));
  });
});

describe('an overloaded database shows up inside the system', () => {
  it('the database is where the time goes, and the system part outweighs distance', () => {
    const [, make] = WORLDS[3]!;
    const l = loss(teamView(make()));
    expect(l.system).toBeGreaterThan(l.distance);
    expect(l.slowest![0]!.componentId).toBe('db-3');
    // Reads wait on the database most.
    const top = [...l.classes!].sort((a, b) => b.share - a.share)[0]!;
    expect(top.cls).toBe('read');
  });
});
