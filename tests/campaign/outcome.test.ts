/**
 * How a chapter is scored (shared/campaign): running until its end, lost at once when the money
 * runs out, lost when a winning goal is missed, won with 1–3 stars where a star needs every goal of
 * its own level and of the levels below; goals measured on the state (availability over the whole
 * game, 0 when nothing was ever served; losses; the slowest recovery); and the schema refusing
 * chapters that contradict themselves.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chapterOutcome, chapters, parseChapter, type Chapter, type Goal } from '../../shared/campaign';
import { goalValue } from '../../shared/campaign/goals';
import { loadPreset } from '../../shared/scenarios';
import { createSim, type SimState } from '../../shared/sim';
import { Driver } from '../helpers/driver';

const base = chapters()[0]!;

function chapterWith(goals: Goal[], stars: [Goal[], Goal[]]): Chapter {
  return { ...base, goals, stars };
}

/** A finished state with the given totals (the rest as a new game has it). */
function finished(totals: Partial<SimState['totals']>, over: 'finished' | 'bankrupt' = 'finished'): SimState {
  const state = createSim(base.scenario, 1);
  state.tick = 720;
  Object.assign(state.totals, totals);
  state.gameOver = { tick: 720, reason: over };
  return state;
}

describe('chapterOutcome', () => {
  const chapter = chapterWith(
    [{ metric: 'availability', min: 0.9 }],
    [[{ metric: 'peakDau', min: 1000 }], [{ metric: 'lostWrites', max: 0 }]],
  );

  it('is running until the game is over, with every goal measured so far', () => {
    const state = createSim(base.scenario, 1);
    state.totals.requests = 100;
    state.totals.goodRequests = 95;
    const outcome = chapterOutcome(chapter, state);
    expect(outcome.status).toBe('running');
    expect(outcome.stars).toBe(0);
    expect(outcome.goals.map((g) => [g.star, g.metric, g.met])).toEqual([
      [1, 'availability', true],
      [2, 'peakDau', false],
      [3, 'lostWrites', true],
    ]);
  });

  it('counts stars level by level: a third-star goal met without the second star still gives one star', () => {
    const one = chapterOutcome(chapter, finished({ requests: 100, goodRequests: 95, peakDau: 500, lostWrites: 0 }));
    expect([one.status, one.stars]).toEqual(['won', 1]);
    const two = chapterOutcome(chapter, finished({ requests: 100, goodRequests: 95, peakDau: 1500, lostWrites: 3 }));
    expect([two.status, two.stars]).toEqual(['won', 2]);
    const three = chapterOutcome(chapter, finished({ requests: 100, goodRequests: 95, peakDau: 1500, lostWrites: 0 }));
    expect([three.status, three.stars]).toEqual(['won', 3]);
    // Score: 100 per star, plus availability in per cent.
    expect(three.score).toBeCloseTo(395, 9);
  });

  it('loses when a winning goal is missed, and at once when the money ran out', () => {
    expect(chapterOutcome(chapter, finished({ requests: 100, goodRequests: 80, peakDau: 5000 }))).toMatchObject({
      status: 'lost',
      reason: 'goals',
      stars: 0,
    });
    expect(chapterOutcome(chapter, finished({ requests: 100, goodRequests: 100, peakDau: 5000 }, 'bankrupt'))).toMatchObject({
      status: 'lost',
      reason: 'bankrupt',
    });
  });

  it('cannot be won by serving no one: availability with no request at all is 0, not perfect', () => {
    expect(goalValue(finished({ requests: 0, goodRequests: 0 }), 'availability')).toBe(0);
    expect(chapterOutcome(chapter, finished({ requests: 0, goodRequests: 0, peakDau: 5000 })).status).toBe('lost');
  });

  it('measures recovery as the slowest incident, one still unrecovered counting until now', () => {
    const state = finished({});
    const incident = {
      type: 'serverCrash',
      target: 'web-1',
      endTick: null,
      origin: 'scripted',
      magnitude: 1,
      expiresTick: 0,
      region: null,
      peer: null,
      baselineAvailability: 1,
    } as const;
    state.incidents = [
      { ...incident, id: 1, startTick: 10, recoveredTick: 25 },
      { ...incident, id: 2, startTick: 100, recoveredTick: 160 },
    ];
    expect(goalValue(state, 'recoveryMinutes')).toBe(60);
    state.incidents.push({ ...incident, id: 3, startTick: 600, recoveredTick: null });
    expect(goalValue(state, 'recoveryMinutes')).toBe(120);
  });
});

describe('the chapter schema', () => {
  const file = JSON.parse(readFileSync(new URL('../../assets/campaign/01-one-server.json', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

  it('refuses a goal with the wrong bound, and objectives that disagree with the goals', () => {
    expect(() => parseChapter({ ...file, goals: [{ metric: 'availability', max: 0.5 }] })).toThrow(/take a min/);
    const scenario = file.scenario as Record<string, unknown>;
    expect(() =>
      parseChapter({ ...file, scenario: { ...scenario, objectives: { ...(scenario.objectives as object), availability: 0.99 } } }),
    ).toThrow(/availability goal/);
    const { durationTicks: _, ...open } = scenario.objectives as Record<string, unknown>;
    expect(() => parseChapter({ ...file, scenario: { ...scenario, objectives: open } })).toThrow(/a chapter has an end/);
  });
});

describe("a chapter's shop", () => {
  it('sells only what it lists: any other kind or feature is refused with not-in-shop, whatever a client sends', () => {
    const d = new Driver(base.scenario);
    expect(base.scenario.shop).toEqual({ kinds: ['web'], features: ['hostMetrics', 'aggregatedMetrics'] });
    expect(d.send({ type: 'buy', kind: 'cache', region: 'ap' })[0]).toMatchObject({ ok: false, reason: 'not-in-shop' });
    expect(d.send({ type: 'buyFeature', feature: 'alerts' })[0]).toMatchObject({ ok: false, reason: 'not-in-shop' });
    expect(d.send({ type: 'buy', kind: 'web', region: 'ap' })[0]).toMatchObject({ ok: true, createdId: 'web-1' });
    // The sandbox has no shop: everything is on sale.
    const sandbox = new Driver(loadPreset('sandbox'));
    expect(sandbox.send({ type: 'buyFeature', feature: 'alerts' })[0]).toMatchObject({ ok: true });
  });
});
