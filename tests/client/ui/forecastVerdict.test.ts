/**
 * A forecast read for the player: the verdict in words from two futures worked out by hand (when
 * money runs out, when each objective breaks, what complaints say without metrics), the times
 * said as clock times (with the day once past midnight), and the charts' data on one time axis,
 * a future that stops early leaving a gap rather than a shifted line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ForecastAnswer, ForecastSeries } from '../../../shared/protocol/forecast';
import { setLanguage, t } from '../../../client/i18n';
import { forecastChartData, shownFigures } from '../../../client/ui/forecast/forecastCharts';
import { forecastTime, verdict, verdictText } from '../../../client/ui/forecast/verdict';

const GOALS = { availability: 0.99, latencyMs: 300 };

function series(part: Partial<ForecastSeries> & { ticks: number[] }): ForecastSeries {
  const n = part.ticks.length;
  return {
    money: Array<number>(n).fill(1000),
    users: Array<number>(n).fill(100),
    availability: null,
    p95LatencyMs: null,
    complaints: Array<'none'>(n).fill('none'),
    bankruptAt: null,
    ...part,
  };
}

function answer(base: ForecastSeries, changed: ForecastSeries, fromTick = 1080): ForecastAnswer {
  return { id: 1, fromTick, every: 30, base, changed, created: [], refused: [] };
}

/** 18:00 on day 1, two hours ahead in buckets of 30 minutes; with the change, money is gone at 19:45. */
const BANKRUPT_WITH_CHANGE = answer(
  series({
    ticks: [1110, 1140, 1170, 1200],
    money: [5000, 4000, 2500, 1000],
    users: [1000, 1200, 1400, 1500],
    availability: [0.999, 0.995, 0.97, 0.95],
    p95LatencyMs: [120, 180, 420, 600],
    complaints: ['none', 'none', 'some', 'many'],
  }),
  series({
    ticks: [1110, 1140, 1170, 1185],
    money: [3000, 1500, 300, -20],
    users: [1000, 1250, 1480, 1490],
    availability: [0.999, 0.998, 0.996, 0.995],
    p95LatencyMs: [110, 130, 150, 160],
    bankruptAt: 1185,
  }),
);

/** The same evening without aggregated metrics: only money, users and complaints. */
const FOGGED = answer(
  series({ ticks: [1110, 1140, 1170, 1200], money: [5000, 4800, 4500, 4200], complaints: ['none', 'some', 'many', 'many'] }),
  series({ ticks: [1110, 1140, 1170, 1200], money: [4700, 4400, 4100, 3900], complaints: ['none', 'none', 'some', 'some'] }),
);

const en = (line: Parameters<typeof verdictText>[2], from = 1080) => verdictText(t, 'en', line, from);

describe('the verdict', () => {
  beforeAll(() => setLanguage('en'));

  it('puts running out of money first, then says the change keeps both objectives that fail as things stand', () => {
    const lines = verdict(BANKRUPT_WITH_CHANGE, GOALS);
    expect(lines.map((l) => [l.key, l.tone])).toEqual([
      ['moneyRunsOut', 'bad'],
      ['availabilityRescued', 'good'],
      ['latencyRescued', 'good'],
      ['users', 'neutral'],
    ]);
    // 1185 is 19:45; availability's mean fell under 99 % in the bucket 19:00–19:30, as did latency.
    expect(lines[0]!.params).toEqual({ at: { tick: 1185 } });
    expect(lines[1]!.params).toEqual({ objective: { share: 0.99 }, baseAt: { tick: 1140 } });
    expect(lines[2]!.params).toEqual({ objective: { ms: 300 }, baseAt: { tick: 1140 } });
    expect(en(lines[0]!)).toBe('Money runs out at 19:45; as things stand it lasts.');
    expect(en(lines[1]!)).toBe('Availability stays above 99%; as things stand it drops below around 19:00.');
    // 1,490 against 1,500 is within a hundredth: neither better nor worse.
    expect(en(lines[3]!)).toBe('Daily users at 19:45: 1,490 (as things stand 1,500).');
  });

  it('turned the other way round, says when the change breaks what would have held', () => {
    const swapped = answer(BANKRUPT_WITH_CHANGE.changed, BANKRUPT_WITH_CHANGE.base);
    const lines = verdict(swapped, GOALS);
    expect(lines.map((l) => l.key)).toEqual(['moneySaved', 'availabilityBreaks', 'latencyBreaks', 'users']);
    expect(lines[0]!.tone).toBe('good');
    expect(lines[1]!.params).toEqual({ objective: { share: 0.99 }, at: { tick: 1140 }, worst: { share: 0.95 } });
    expect(en(lines[1]!)).toBe('Availability falls below 99% around 19:00, to 95%; without it, it holds.');
    expect(lines[2]!.params).toEqual({ objective: { ms: 300 }, at: { tick: 1140 }, worst: { ms: 600 } });
    expect(en(lines[0]!)).toBe('Money lasts; as things stand it runs out at 19:45.');
  });

  it('when both futures break an objective, a later break is a warning, not yet good', () => {
    const later = answer(
      series({ ticks: [1110, 1140, 1170, 1200], availability: [0.995, 0.98, 0.97, 0.96], p95LatencyMs: [100, 100, 100, 100] }),
      series({ ticks: [1110, 1140, 1170, 1200], availability: [0.999, 0.995, 0.992, 0.985], p95LatencyMs: [100, 100, 100, 100] }),
    );
    const [availability, latency] = verdict(later, GOALS);
    expect(availability).toEqual({
      key: 'availabilityBreaksBoth',
      tone: 'warn',
      params: { objective: { share: 0.99 }, at: { tick: 1170 }, baseAt: { tick: 1110 } },
    });
    expect(latency!.key).toBe('latencyHolds');
    const sooner = answer(later.changed, later.base);
    expect(verdict(sooner, GOALS)[0]).toMatchObject({ tone: 'bad', params: { at: { tick: 1110 }, baseAt: { tick: 1170 } } });
    // A first bucket under the objective puts the break at the forecast's own start.
    const atOnce = answer(
      series({ ticks: [1110, 1140], availability: [0.999, 0.999], p95LatencyMs: [100, 100] }),
      series({ ticks: [1110, 1140], availability: [0.95, 0.999], p95LatencyMs: [100, 100] }),
    );
    expect(verdict(atOnce, GOALS)[0]).toMatchObject({ key: 'availabilityBreaks', params: { at: { tick: 1080 } } });
  });

  it('when both break it at once, tells whether the change softens the worst of it', () => {
    const ticks = [1110, 1140, 1170];
    const eitherWay = answer(
      series({ ticks, availability: [0.999, 0.9, 0.95], p95LatencyMs: [200, 900, 400] }),
      series({ ticks, availability: [0.999, 0.96, 0.97], p95LatencyMs: [200, 880, 400] }),
    );
    const [availability, latency] = verdict(eitherWay, GOALS);
    // 96 % at worst instead of 90 %: softer, still broken. 880 ms instead of 900 is within 5 %: no softer.
    expect(availability).toEqual({
      key: 'availabilityBreaksEitherWay',
      tone: 'warn',
      params: { objective: { share: 0.99 }, at: { tick: 1110 }, worst: { share: 0.96 }, baseWorst: { share: 0.9 } },
    });
    expect(latency).toMatchObject({ key: 'latencyBreaksEitherWay', tone: 'bad', params: { worst: { ms: 880 }, baseWorst: { ms: 900 } } });
    expect(en(availability!)).toBe('Availability under 99% from 18:30 either way: low 96% vs 90%.');
  });

  it('without aggregated metrics, speaks of complaints and of money at the end', () => {
    const lines = verdict(FOGGED, GOALS);
    expect(lines.map((l) => [l.key, l.tone])).toEqual([
      ['complaints', 'neutral'],
      ['moneyEnd', 'neutral'],
      ['users', 'neutral'],
    ]);
    expect(en(lines[0]!)).toBe("Users' complaints at worst: Some complaints (as things stand: Many complaints).");
    expect(en(lines[1]!)).toBe('Money at 20:00: $3,900 (as things stand $4,200).');
    setLanguage('ko');
    expect(verdictText(t, 'ko', lines[0]!, 1080)).toBe('사용자 불만이 가장 클 때: 불만 조금(지금대로면 불만 많음).');
    expect(verdictText(t, 'ko', lines[1]!, 1080)).toBe('20:00의 자금: $3,900(지금대로면 $4,200).');
    setLanguage('en');
  });

  it('a change that buys the metrics itself is judged on its own curve', () => {
    const buysMetrics = answer(
      series({ ticks: [1110, 1140] }),
      series({ ticks: [1110, 1140], availability: [0.999, 0.97], p95LatencyMs: [150, 200] }),
    );
    const lines = verdict(buysMetrics, GOALS);
    expect(lines.map((l) => l.key)).toEqual(['availabilityBreaksUnseen', 'latencyHolds', 'moneyEnd', 'users']);
    expect(lines[0]!.params).toEqual({ objective: { share: 0.99 }, at: { tick: 1110 }, worst: { share: 0.97 } });
  });

  it('says a time past midnight with its day', () => {
    expect(forecastTime(t, 1500, 1380)).toBe('Day 2 01:00');
    expect(forecastTime(t, 1439, 1380)).toBe('23:59');
  });

  it('has a text in both languages for every line it can say', () => {
    const keys = ['moneyRunsOut', 'moneyRunsOutBoth', 'moneySaved', 'moneyEnd', 'complaints', 'users'];
    for (const figure of ['availability', 'latency'])
      for (const end of ['Holds', 'Rescued', 'Breaks', 'BreaksBoth', 'BreaksEitherWay', 'BreaksUnseen']) keys.push(`${figure}${end}`);
    for (const lang of ['en', 'ko']) {
      const texts = JSON.parse(readFileSync(join(import.meta.dirname, `../../../client/i18n/locales/${lang}.json`), 'utf8')) as {
        ui: { forecast: { verdict: Record<string, string>; failed: Record<string, string>; quick: Record<string, string> } };
      };
      expect(keys.filter((key) => typeof texts.ui.forecast.verdict[key] !== 'string')).toEqual([]);
      const failures = ['rate-limited', 'forecast-busy', 'forecast-failed', 'not-running', 'malformed', 'no-answer', 'offline'];
      expect(failures.filter((key) => typeof texts.ui.forecast.failed[key] !== 'string')).toEqual([]);
      const quick = ['healthChecksOn', 'healthChecksOff', 'autoscaling', 'replica', 'durableOn', 'durableOff'];
      expect(quick.filter((key) => typeof texts.ui.forecast.quick[key] !== 'string')).toEqual([]);
    }
  });
});

describe('the charts of a forecast', () => {
  it('put both futures on the ticks of either, with gaps where one has no point, and the objective flat', () => {
    expect(forecastChartData(BANKRUPT_WITH_CHANGE, 'availability', GOALS)).toEqual([
      [1110, 1140, 1170, 1185, 1200],
      [0.999, 0.995, 0.97, null, 0.95],
      [0.999, 0.998, 0.996, 0.995, null],
      [0.99, 0.99, 0.99, 0.99, 0.99],
    ]);
    expect(forecastChartData(BANKRUPT_WITH_CHANGE, 'money', GOALS)).toEqual([
      [1110, 1140, 1170, 1185, 1200],
      [5000, 4000, 2500, null, 1000],
      [3000, 1500, 300, -20, null],
    ]);
    expect(forecastChartData(BANKRUPT_WITH_CHANGE, 'latency', GOALS)[3]).toEqual([300, 300, 300, 300, 300]);
  });

  it('draw complaints as levels, and show them in place of the figures the team cannot see', () => {
    expect(shownFigures(BANKRUPT_WITH_CHANGE)).toEqual(['availability', 'latency', 'money', 'users']);
    expect(shownFigures(FOGGED)).toEqual(['complaints', 'money', 'users']);
    expect(forecastChartData(FOGGED, 'complaints', GOALS)).toEqual([
      [1110, 1140, 1170, 1200],
      [0, 1, 2, 2],
      [0, 0, 1, 1],
    ]);
  });
});
