/**
 * The forecast against the game's actual future. The actual future is played with the sim's
 * own `step` from the same state, and its curves are read from the team view the players get
 * (teamView), bucket by bucket, independently of the forecast's own reading: when the future
 * holds no dice and no other command, the two must be equal point for point, with and without a
 * change. Then what the forecast must not show: future dice, and figures the team cannot see.
 */
import { describe, expect, it } from 'vitest';
import { bucketSize, prepareChange, runFuture, withoutDice } from '../../shared/forecast/forecast';
import type { ForecastSeries } from '../../shared/protocol/forecast';
import { loadPreset } from '../../shared/scenarios';
import {
  cloneState,
  COMPLAINT_LEVELS,
  SHARE_DECIMALS,
  createSim,
  step,
  teamView,
  type Command,
  type CommandEntry,
  type Scenario,
  type SimState,
} from '../../shared/sim';

const ASKER = { team: 'solo', player: 'seat-1' };

/** The sandbox's growth and daily cycle without its dice: its future is fully known. */
function diceless(): Scenario {
  return { ...loadPreset('sandbox'), mtbfTicks: {}, randomIncidentsPerDay: {}, incidents: [] };
}

/** A game played `ticks` ticks with `commands` sent at tick 0. */
function played(scenario: Scenario, ticks: number, commands: Command[] = []): SimState {
  const state = createSim(scenario, 42);
  const entries: CommandEntry[] = commands.map((command, seq) => ({ tick: 0, team: 'solo', player: 'seat-1', seq, command }));
  for (let t = 0; t < ticks; t++) step(state, t === 0 ? entries : []);
  return state;
}

/** The actual future's curves, read from the team view at every tick and bucketed as a player would average them. */
function actualCurves(state: SimState, ticks: number, entries: CommandEntry[] = []): ForecastSeries {
  const every = bucketSize(ticks);
  const curves: ForecastSeries = { ticks: [], money: [], users: [], availability: [], p95LatencyMs: [], complaints: [], bankruptAt: null };
  let bucket: Array<ReturnType<typeof teamView>> = [];
  for (let t = 0; t < ticks && state.gameOver === null; t++) {
    step(state, t === 0 ? entries : []);
    bucket.push(teamView(state));
    if (bucket.length === every || t === ticks - 1 || state.gameOver !== null) {
      const last = bucket.at(-1)!;
      curves.ticks.push(last.tick);
      curves.money.push(last.money);
      curves.users.push(last.users.dau);
      if (last.aggregated === null) {
        curves.availability = null;
        curves.p95LatencyMs = null;
      } else {
        const mean = bucket.reduce((sum, view) => sum + view.aggregated!.availability, 0) / bucket.length;
        curves.availability!.push(Math.round(mean * 10 ** SHARE_DECIMALS) / 10 ** SHARE_DECIMALS);
        curves.p95LatencyMs!.push(Math.max(...bucket.map((view) => view.aggregated!.p95LatencyMs)));
      }
      curves.complaints.push(COMPLAINT_LEVELS[Math.max(...bucket.map((view) => COMPLAINT_LEVELS.indexOf(view.complaints)))]!);
      bucket = [];
    }
  }
  if (state.gameOver?.reason === 'bankrupt') curves.bankruptAt = state.gameOver.tick;
  return curves;
}

describe('the forecast', () => {
  it('equals the actual future of a growing game with a daily cycle when nothing else happens', () => {
    const now = played(diceless(), 700, [{ type: 'buyFeature', feature: 'aggregatedMetrics' }]);
    const forecast = runFuture(withoutDice(now), 600);
    const actual = actualCurves(cloneState(now), 600);
    expect(forecast).toEqual(actual);
    // 600 ticks in buckets of 5: 120 points, the evening peak visible as a swing in users online.
    expect(forecast.ticks).toHaveLength(120);
    expect(forecast.ticks[0]).toBe(now.tick + 5);
    expect(forecast.ticks.at(-1)).toBe(now.tick + 600);
  });

  it('equals the actual future with the change sent, new-n resolved to the ids its buys get', () => {
    const now = played(diceless(), 300, [{ type: 'buyFeature', feature: 'aggregatedMetrics' }]);
    const web = now.components.find((c) => c.kind === 'web')!.id;
    const change: Command[] = [
      { type: 'buy', kind: 'db', region: 'ap', size: 'medium' },
      { type: 'connect', from: web, to: 'new-1' },
      { type: 'configure', id: web, colocatedDb: false },
    ];
    const prepared = prepareChange(now, change, ASKER);
    expect(prepared.refused).toEqual([]);
    const expectedId = `db-${now.nextComponentId}`;
    expect(prepared.created).toEqual([expectedId]);
    expect(prepared.entries[1]!.command).toEqual({ type: 'connect', from: web, to: expectedId });

    // The actual game: the same three commands sent by the player at this tick, with the real id.
    const sent: CommandEntry[] = [
      { tick: now.tick, team: 'solo', player: 'seat-1', seq: 0, command: change[0]! },
      { tick: now.tick, team: 'solo', player: 'seat-1', seq: 1, command: { type: 'connect', from: web, to: expectedId } },
      { tick: now.tick, team: 'solo', player: 'seat-1', seq: 2, command: change[2]! },
    ];
    const actual = actualCurves(cloneState(now), 300, sent);
    expect(runFuture(withoutDice(now), 300, prepared.entries)).toEqual(actual);
    // And the change made a difference: it is not the base future.
    expect(runFuture(withoutDice(now), 300)).not.toEqual(actual);
  });

  it('leaves out dice of the future but lets running incidents run their course', () => {
    const scenario: Scenario = {
      ...diceless(),
      incidents: [
        { tick: 90, type: 'trafficSpike', magnitude: 4, durationTicks: 60 },
        { tick: 200, type: 'dataCenterOutage', region: 'ap', durationTicks: 30 },
      ],
    };
    const now = played(scenario, 100, [{ type: 'buyFeature', feature: 'aggregatedMetrics' }]);
    expect(now.incidents.map((incident) => incident.type)).toEqual(['trafficSpike']);
    const forecast = runFuture(withoutDice(now), 200);
    const game = actualCurves(cloneState(now), 200);
    // Until the outage at tick 200 the futures agree (the spike, already running, is in both)...
    const beforeOutage = forecast.ticks.filter((tick) => tick <= 200).length;
    expect(forecast.availability!.slice(0, beforeOutage)).toEqual(game.availability!.slice(0, beforeOutage));
    // ...then the data center of the game's only server goes dark, which the forecast could not know.
    expect(Math.min(...game.availability!.slice(beforeOutage))).toBeLessThan(0.5);
    expect(Math.min(...forecast.availability!.slice(beforeOutage))).toBeGreaterThan(0.5);
  });

  it('shows availability and latency only with aggregated metrics, users exactly only with business metrics, as the team has them when it asks', () => {
    const blind = runFuture(withoutDice(played(diceless(), 100)), 60);
    expect(blind.availability).toBeNull();
    expect(blind.p95LatencyMs).toBeNull();
    // Two significant figures, as the console shows users without business metrics.
    for (const users of blind.users) expect(users).toBe(Number(users.toPrecision(2)));
    expect(blind.complaints.every((level) => COMPLAINT_LEVELS.includes(level))).toBe(true);

    // A change that buys the monitoring does not show what it would show: it must be bought first.
    const now = played(diceless(), 100);
    const buying = prepareChange(
      now,
      [
        { type: 'buyFeature', feature: 'aggregatedMetrics' },
        { type: 'buyFeature', feature: 'businessMetrics' },
      ],
      ASKER,
    );
    expect(buying.refused).toEqual([]);
    const stillBlind = runFuture(withoutDice(now), 60, buying.entries);
    expect(stillBlind.availability).toBeNull();
    for (const users of stillBlind.users) expect(users).toBe(Number(users.toPrecision(2)));

    const owning = played(diceless(), 100, [
      { type: 'buyFeature', feature: 'aggregatedMetrics' },
      { type: 'buyFeature', feature: 'businessMetrics' },
    ]);
    const seeing = runFuture(withoutDice(owning), 60);
    expect(seeing.availability).toHaveLength(seeing.ticks.length);
    expect(seeing.users.some((users) => users !== Number(users.toPrecision(2)))).toBe(true);
  });

  it('names refused commands and unknown references and runs the rest', () => {
    const now = played(diceless(), 10);
    const web = now.components.find((c) => c.kind === 'web')!.id;
    const prepared = prepareChange(
      now,
      [
        { type: 'buy', kind: 'db', region: 'ap', size: 'xlarge', count: 8 },
        { type: 'connect', from: web, to: 'new-1' },
        { type: 'resize', id: 'web-99', size: 'large' },
        { type: 'buyFeature', feature: 'hostMetrics' },
      ],
      ASKER,
    );
    expect(prepared.refused.map((refusal) => refusal.index)).toEqual([0, 1, 2]);
    expect(prepared.refused[1]!.reason).toBe('unknown-reference');
    expect(prepared.refused[2]!.reason).toBe('unknown-component');
    expect(prepared.entries.map((entry) => entry.command.type)).toEqual(['buyFeature']);
  });

  it('stops at bankruptcy and says when', () => {
    const poor: Scenario = { ...diceless(), startMoney: 2, revenuePerUserDay: 0 };
    const now = played(poor, 5);
    const forecast = runFuture(withoutDice(now), 600);
    expect(forecast.bankruptAt).not.toBeNull();
    expect(forecast.ticks.at(-1)).toBe(forecast.bankruptAt);
    expect(forecast.money.at(-1)).toBeLessThan(0);
    expect(forecast).toEqual(actualCurves(cloneState(now), 600));
  });
});
