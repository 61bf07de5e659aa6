/**
 * The forecast in words: a few lines a team captain reads before deciding ("Money runs out at
 * 21:40", "Availability stays above the 99.9 % objective throughout"), each comparing the future
 * with the change to the future as things stand. Pure: the lines are keys with typed values, and
 * `verdictText` turns one into the player's language.
 */
import type { ForecastAnswer, ForecastSeries } from '../../../shared/protocol/forecast';
import { COMPLAINT_LEVELS, type Complaints } from '../../../shared/sim';
import { clockOf, formatCount, formatLatency, formatMoney, formatPercent, type Language } from '../../i18n';
import type { Tone } from '../header/headerFigures';

/** A value of a verdict line, tagged with how it is written. */
type VerdictValue =
  { tick: number } | { money: number } | { share: number } | { ms: number } | { count: number } | { complaints: Complaints };

export interface VerdictLine {
  /** The line's name among the verdict texts of the locales. */
  key: string;
  tone: Tone;
  params: Record<string, VerdictValue>;
}

export interface ForecastGoals {
  availability: number;
  latencyMs: number;
}

const COMPLAINT_TONE: Record<Complaints, Tone> = { none: 'good', some: 'neutral', many: 'warn', outrage: 'bad' };

/**
 * The tick at which a bucket's figure first breaks the objective: the start of that bucket (a
 * mean over a bucket may have dipped anywhere in it).
 */
function firstBreach(
  series: ForecastSeries,
  values: readonly number[],
  fromTick: number,
  breaks: (value: number) => boolean,
): number | null {
  for (let i = 0; i < values.length; i++) if (breaks(values[i]!)) return i === 0 ? fromTick : series.ticks[i - 1]!;
  return null;
}

function last<T>(values: readonly T[]): T | undefined {
  return values[values.length - 1];
}

function moneyLine(answer: ForecastAnswer): VerdictLine {
  const { base, changed } = answer;
  if (changed.bankruptAt !== null && base.bankruptAt === null)
    return { key: 'moneyRunsOut', tone: 'bad', params: { at: { tick: changed.bankruptAt } } };
  if (changed.bankruptAt !== null && base.bankruptAt !== null)
    return { key: 'moneyRunsOutBoth', tone: 'bad', params: { at: { tick: changed.bankruptAt }, baseAt: { tick: base.bankruptAt } } };
  if (base.bankruptAt !== null) return { key: 'moneySaved', tone: 'good', params: { baseAt: { tick: base.bankruptAt } } };
  return {
    key: 'moneyEnd',
    tone: 'neutral',
    params: {
      at: { tick: last(changed.ticks) ?? answer.fromTick },
      changed: { money: last(changed.money) ?? 0 },
      base: { money: last(base.money) ?? 0 },
    },
  };
}

/** The availability or latency line: when each future breaks the objective, if it does. */
function objectiveLine(answer: ForecastAnswer, figure: 'availability' | 'latency', goals: ForecastGoals): VerdictLine | null {
  const pick = (series: ForecastSeries) => (figure === 'availability' ? series.availability : series.p95LatencyMs);
  const changedValues = pick(answer.changed);
  if (changedValues === null) return null;
  // Null when only the change buys the monitoring that shows it: nothing to compare with.
  const baseValues = pick(answer.base);
  const breaks = figure === 'availability' ? (v: number) => v < goals.availability : (v: number) => v > goals.latencyMs;
  const objective: VerdictValue = figure === 'availability' ? { share: goals.availability } : { ms: goals.latencyMs };
  const at = firstBreach(answer.changed, changedValues, answer.fromTick, breaks);
  const baseAt = baseValues === null ? null : firstBreach(answer.base, baseValues, answer.fromTick, breaks);
  const prefix = figure === 'availability' ? 'availability' : 'latency';
  if (at === null && baseAt === null) return { key: `${prefix}Holds`, tone: 'good', params: { objective } };
  if (at === null) return { key: `${prefix}Rescued`, tone: 'good', params: { objective, baseAt: { tick: baseAt! } } };
  const worstOf = (values: readonly number[]) => (figure === 'availability' ? Math.min(...values) : Math.max(...values));
  const tagged = (value: number): VerdictValue => (figure === 'availability' ? { share: value } : { ms: value });
  const worst = worstOf(changedValues);
  if (baseAt === null) {
    const key = baseValues === null ? `${prefix}BreaksUnseen` : `${prefix}Breaks`;
    return { key, tone: 'bad', params: { objective, at: { tick: at }, worst: tagged(worst) } };
  }
  if (at === baseAt) {
    // Broken at the same time either way: whether the change softens the worst of it is what is left to tell.
    const baseWorst = worstOf(baseValues!);
    const softer = figure === 'availability' ? worst - baseWorst >= 0.001 : worst <= baseWorst * 0.95;
    return {
      key: `${prefix}BreaksEitherWay`,
      tone: softer ? 'warn' : 'bad',
      params: { objective, at: { tick: at }, worst: tagged(worst), baseWorst: tagged(baseWorst) },
    };
  }
  // Both break it: later than as things stand is a gain, still short of the objective.
  return {
    key: `${prefix}BreaksBoth`,
    tone: at > baseAt ? 'warn' : 'bad',
    params: { objective, at: { tick: at }, baseAt: { tick: baseAt } },
  };
}

function worstComplaints(levels: readonly Complaints[]): Complaints {
  let worst = 0;
  for (const level of levels) worst = Math.max(worst, COMPLAINT_LEVELS.indexOf(level));
  return COMPLAINT_LEVELS[worst]!;
}

function complaintsLine(answer: ForecastAnswer): VerdictLine {
  const changed = worstComplaints(answer.changed.complaints);
  const base = worstComplaints(answer.base.complaints);
  return { key: 'complaints', tone: COMPLAINT_TONE[changed], params: { changed: { complaints: changed }, base: { complaints: base } } };
}

function usersLine(answer: ForecastAnswer): VerdictLine {
  const changed = last(answer.changed.users) ?? 0;
  const base = last(answer.base.users) ?? 0;
  const tone: Tone = changed > base * 1.01 ? 'good' : changed < base * 0.99 ? 'bad' : 'neutral';
  return {
    key: 'users',
    tone,
    params: { at: { tick: last(answer.changed.ticks) ?? answer.fromTick }, changed: { count: changed }, base: { count: base } },
  };
}

/**
 * The verdict, most telling first: running out of money (or no longer running out), then the
 * objectives the team can see (or its users' complaints when it cannot), then money and users at
 * the end of the forecast.
 */
export function verdict(answer: ForecastAnswer, goals: ForecastGoals): VerdictLine[] {
  const money = moneyLine(answer);
  const bankruptcy = money.key !== 'moneyEnd';
  const availability = objectiveLine(answer, 'availability', goals);
  const latency = objectiveLine(answer, 'latency', goals);
  return [
    ...(bankruptcy ? [money] : []),
    availability ?? complaintsLine(answer),
    ...(latency === null ? [] : [latency]),
    ...(bankruptcy ? [] : [money]),
    usersLine(answer),
  ];
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A time of the forecast: the clock time, with the day when it is not the day the forecast starts. */
export function forecastTime(t: Translate, tick: number, fromTick: number): string {
  const when = clockOf(tick);
  return when.day === clockOf(fromTick).day ? when.time : t('hud.clock', when);
}

function valueText(t: Translate, lang: Language, value: VerdictValue, fromTick: number): string {
  if ('tick' in value) return forecastTime(t, value.tick, fromTick);
  if ('money' in value) return formatMoney(lang, value.money);
  if ('share' in value) return formatPercent(lang, value.share, 'floor', 2);
  if ('ms' in value) return formatLatency(lang, value.ms);
  if ('count' in value) return formatCount(lang, value.count);
  return t(`complaints.${value.complaints}`);
}

export function verdictText(t: Translate, lang: Language, line: VerdictLine, fromTick: number): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(line.params)) params[name] = valueText(t, lang, value, fromTick);
  return t(`ui.forecast.verdict.${line.key}`, params);
}
