/** The scoreboard's order: users served well, then profit, then team order; a bankrupt team after every team still playing. */
import { describe, expect, it } from 'vitest';
import { rankScores, usersServed, type ScoreLine } from '../../../shared/protocol/ranking';
import { nextTrend, sparkline, TREND_EVERY, TREND_POINTS } from '../../../client/ui/scoreboard/trend';
import { teamName } from '../../../client/ui/teams';
import { localeText } from '../../helpers/locales';
import { playedLines } from '../../../client/ui/scoreboard/playedLines';
import { shownScore } from '../../../shared/sim';

const line = (team: string, peakDau: number, availability: number, profit = 0, gameOver: ScoreLine['gameOver'] = null): ScoreLine => ({
  team,
  peakDau,
  availability,
  profit,
  incidents: 0,
  recovered: 0,
  gameOver,
});

describe('rankScores', () => {
  it('ranks by users served well: many users badly served can lose to fewer served well', () => {
    const lines = [line('red', 10_000, 0.5), line('blue', 8_000, 0.9), line('green', 9_000, 0.85)];
    expect(usersServed(lines[0]!)).toBe(5_000);
    expect(rankScores(lines).map((l) => l.team)).toEqual(['green', 'blue', 'red']);
  });

  it('breaks ties by profit, then keeps team order, and puts a bankrupt team last', () => {
    const lines = [line('red', 1000, 1, 5), line('blue', 1000, 1, 9), line('green', 1000, 1, 9), line('gold', 50_000, 1, 0, 'bankrupt')];
    expect(rankScores(lines).map((l) => l.team)).toEqual(['blue', 'green', 'red', 'gold']);
  });
});

describe('the trend', () => {
  it('samples users served every ten minutes, keeps the last twelve, and starts afresh when the clock goes back', () => {
    let trend = null as ReturnType<typeof nextTrend> | null;
    for (let tick = 0; tick <= 200; tick++) trend = nextTrend(trend, tick, [line('red', 100 + tick, 1)]);
    expect(trend!.byTeam.red).toHaveLength(TREND_POINTS);
    // Samples at ticks 90, 100, … 200: users served 190 … 300.
    expect(trend!.byTeam.red).toEqual(Array.from({ length: TREND_POINTS }, (_, i) => 100 + 90 + TREND_EVERY * i));
    expect(nextTrend(trend, 5, [line('red', 7, 1)]).byTeam.red).toEqual([7]);
  });

  it('draws a sparkline across its box, flat in the middle when nothing changes', () => {
    expect(sparkline([1, 3, 2], 48, 14)).toBe('0.0,14.0 24.0,0.0 48.0,7.0');
    expect(sparkline([5, 5], 48, 14)).toBe('0.0,7.0 48.0,7.0');
    expect(sparkline([], 48, 14)).toBe('');
  });
});

describe('team names', () => {
  const t = (key: string, params?: Record<string, string | number>) => `${key}${params === undefined ? '' : JSON.stringify(params)}`;

  it('names the default teams in the player language and shows any other id as given', () => {
    expect(teamName(t, 'red')).toBe('ui.teams.red');
    expect(teamName(t, 'team-3')).toBe('ui.teams.numbered{"n":3}');
    expect(teamName(t, 'ops-crew')).toBe('ops-crew');
    for (const lang of ['en', 'ko'] as const) {
      for (const key of ['ui.teams.red', 'ui.teams.blue', 'ui.teams.green', 'ui.teams.gold', 'ui.teams.numbered']) {
        expect(localeText(lang, key), `${lang} ${key}`).toBeTypeOf('string');
      }
    }
  });
});

describe("a workshop's scoreboard", () => {
  it('leaves off a team nobody was placed on; a match shows every team', () => {
    const line = (team: string) => ({ team, peakDau: 1, availability: 1, profit: 0, incidents: 0, recovered: 0, gameOver: null });
    const game = {
      scoreboard: [line('team-1'), line('team-2')],
      seats: [{ seatId: 's1', name: 'Ana', team: 'team-1', role: 'captain' as const, connected: true, ready: false }],
    };
    expect(playedLines({ ...game, mode: 'workshop' }).map((l) => l.team)).toEqual(['team-1']);
    expect(playedLines({ ...game, mode: 'match' }).map((l) => l.team)).toEqual(['team-1', 'team-2']);
  });
});

describe('a scoreboard line on the wire', () => {
  it('is rounded as it is shown: users whole, availability to five decimals, profit to four figures', () => {
    const exact = { peakDau: 1234.6, availability: 0.987654321, profit: 12345.678, incidents: 3, recovered: 2, gameOver: null };
    expect(shownScore(exact)).toEqual({ ...exact, peakDau: 1235, availability: 0.98765, profit: 12350 });
    expect(shownScore({ ...exact, profit: -98.7654 }).profit).toBe(-98.77);
  });
});
