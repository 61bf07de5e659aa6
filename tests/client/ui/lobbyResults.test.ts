/**
 * A finished match's results screen, its pure parts: the ranking (the stored result's order and
 * players once it has arrived, the live scoreboard's before), the places' names, what each team
 * built, and every team's timeline on one time axis (a bankrupt team's line stops where its game did).
 */
import { describe, expect, it } from 'vitest';
import { recordGame } from '../../../shared/debrief/record';
import type { ScoreLine } from '../../../shared/protocol/ranking';
import type { GameResult } from '../../../shared/protocol/results';
import { loadPreset } from '../../../shared/scenarios';
import { createSim, FEATURE_NAMES, type CommandEntry } from '../../../shared/sim';
import { builtSummary, leaders, placeKey, rankRows, teamSeries } from '../../../client/ui/lobby/matchResults';
import { localeText } from '../../helpers/locales';

const line = (team: string, peakDau: number, availability: number, profit: number, gameOver: ScoreLine['gameOver'] = null) => ({
  team,
  peakDau,
  availability,
  profit,
  incidents: 3,
  recovered: 2,
  gameOver,
});

describe('the ranking', () => {
  const scoreboard = [line('red', 1000, 0.5, 0), line('blue', 900, 0.9, 10), line('green', 5000, 1, 99, 'bankrupt')];

  it('ranks by the scoreboard until the stored result arrives: users served well, a bankrupt team last', () => {
    const rows = rankRows(scoreboard, null);
    expect(rows.map((r) => [r.rank, r.team, r.bankrupt])).toEqual([
      [1, 'blue', false],
      [2, 'red', false],
      [3, 'green', true],
    ]);
    expect(rows[0]).toMatchObject({ incidents: 3, recovered: 2, checklist: null, players: [] });
  });

  it("takes the stored result's ranks, figures and players, with the scoreboard's incident counts", () => {
    const figures = { money: 0, dau: 0, p95LatencyMs: 0, requests: 1, failedRequests: 0, chapter: null };
    const result = {
      teams: [
        {
          ...figures,
          team: 'red',
          rank: 2,
          peakDau: 10,
          availability: 0.5,
          revenue: 30,
          spent: 50,
          checklist: 0.25,
          gameOver: 'finished',
          players: ['Ana'],
        },
        {
          ...figures,
          team: 'blue',
          rank: 1,
          peakDau: 20,
          availability: 0.9,
          revenue: 80,
          spent: 10,
          checklist: 0.5,
          gameOver: 'finished',
          players: ['Bo', 'Cy'],
        },
      ],
    } as unknown as GameResult;
    const rows = rankRows(scoreboard, result);
    expect(rows.map((r) => r.team)).toEqual(['blue', 'red']);
    expect(rows[0]).toMatchObject({ rank: 1, profit: 70, checklist: 0.5, players: ['Bo', 'Cy'], incidents: 3, recovered: 2 });
    expect(rows[1]).toMatchObject({ rank: 2, profit: -20, bankrupt: false });
  });

  it('names the winner, or every team level with it, and no winner when the first went bankrupt', () => {
    expect(leaders(rankRows(scoreboard, null))).toEqual(['blue']);
    const level = [line('red', 1000, 0.5, 5), line('blue', 500, 1, 5), line('green', 500, 1, 4)];
    expect(leaders(rankRows(level, null))).toEqual(['red', 'blue']);
    expect(leaders(rankRows([line('red', 10, 1, 0, 'bankrupt')], null))).toEqual([]);
    expect(leaders([])).toEqual([]);
  });

  it('names the first four places in both languages', () => {
    for (const rank of [1, 2, 3, 4]) {
      const key = placeKey(rank)!;
      expect(localeText('en', key)).toBeTypeOf('string');
      expect(localeText('ko', key)).toMatch(/위$/);
    }
    expect(placeKey(5)).toBeNull();
  });
});

describe('what each team built', () => {
  it('counts instances by kind in catalogue order, lists regions and features owned', () => {
    const features = Object.fromEntries(FEATURE_NAMES.map((f) => [f, f === 'alerts' || f === 'hostMetrics'])) as Record<
      (typeof FEATURE_NAMES)[number],
      boolean
    >;
    const built = builtSummary({
      components: [
        { kind: 'db', region: 'eu', count: 1 },
        { kind: 'web', region: 'ap', count: 3 },
        { kind: 'web', region: 'eu', count: 2 },
        { kind: 'lb', region: 'ap', count: 1 },
      ],
      features,
    });
    expect(built.kinds).toEqual([
      { kind: 'lb', instances: 1 },
      { kind: 'web', instances: 5 },
      { kind: 'db', instances: 1 },
    ]);
    expect(built.regions).toEqual(['eu', 'ap']);
    expect(built.features).toEqual(['hostMetrics', 'alerts']);
  });

  it('reads a re-run final state as well as a revealed team view', () => {
    const state = createSim(loadPreset('sandbox'), 1);
    expect(builtSummary(state).kinds.map((k) => k.kind)).toEqual(state.components.map((c) => c.kind));
  });
});

describe('every team over time', () => {
  it('puts every team on the same ticks, a team that stopped early with gaps after its end', () => {
    const scenario = loadPreset('sandbox');
    const log: CommandEntry[] = [{ tick: 0, team: 'blue', player: 's1', seq: 0, command: { type: 'buyFeature', feature: 'hostMetrics' } }];
    const red = recordGame(scenario, 3, log, 'red', 120);
    const blue = recordGame(scenario, 3, log, 'blue', 120);
    const short = recordGame(scenario, 3, log, 'red', 60);
    const [ticks, ...series] = teamSeries(
      [
        { team: 'red', record: red },
        { team: 'blue', record: blue },
        { team: 'green', record: short },
      ],
      'money',
    );
    expect(ticks).toEqual(red.timeline.map((p) => p.tick));
    expect(series[0]).toEqual(red.timeline.map((p) => p.money));
    // Blue paid for its monitoring: the same traffic, less money.
    expect(series[1]![series[1]!.length - 1]!).toBeLessThan(series[0]![series[0]!.length - 1]!);
    expect(series[2]!.slice(0, short.timeline.length)).toEqual(short.timeline.map((p) => p.money));
    expect(series[2]!.slice(short.timeline.length).every((v) => v === null)).toBe(true);
  });
});
