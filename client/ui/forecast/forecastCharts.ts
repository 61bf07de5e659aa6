/**
 * A forecast's figures as uPlot data: both futures on one time axis (the ticks of either, so a
 * future that stops early leaves a gap rather than a shifted line), and for the objectives a
 * flat line at the scenario's target. Pure, so the charts' data is tested without a canvas.
 */
import type { ForecastAnswer, ForecastSeries } from '../../../shared/protocol/forecast';
import { COMPLAINT_LEVELS } from '../../../shared/sim';
import type { Aligned } from '../charts/series';
import type { ForecastGoals } from './verdict';

export type ForecastFigure = 'availability' | 'latency' | 'money' | 'users' | 'complaints';

/** The figures a forecast can show: availability and latency with aggregated metrics, else the complaints level. */
export function shownFigures(answer: ForecastAnswer): ForecastFigure[] {
  return answer.changed.availability === null ? ['complaints', 'money', 'users'] : ['availability', 'latency', 'money', 'users'];
}

function values(series: ForecastSeries, figure: ForecastFigure): ReadonlyArray<number> | null {
  switch (figure) {
    case 'availability':
      return series.availability;
    case 'latency':
      return series.p95LatencyMs;
    case 'money':
      return series.money;
    case 'users':
      return series.users;
    case 'complaints':
      return series.complaints.map((level) => COMPLAINT_LEVELS.indexOf(level));
  }
}

function byTick(series: ForecastSeries, figure: ForecastFigure): Map<number, number> {
  const ys = values(series, figure);
  const map = new Map<number, number>();
  if (ys !== null) series.ticks.forEach((tick, i) => map.set(tick, ys[i]!));
  return map;
}

/** [ticks, as things stand, with the change] and, for an objective, a third line at its target. */
export function forecastChartData(answer: ForecastAnswer, figure: ForecastFigure, goals: ForecastGoals): Aligned {
  const x = [...new Set([...answer.base.ticks, ...answer.changed.ticks])].sort((a, b) => a - b);
  const base = byTick(answer.base, figure);
  const changed = byTick(answer.changed, figure);
  const data: Aligned = [x, x.map((tick) => base.get(tick) ?? null), x.map((tick) => changed.get(tick) ?? null)];
  if (figure === 'availability') data.push(x.map(() => goals.availability));
  if (figure === 'latency') data.push(x.map(() => goals.latencyMs));
  return data;
}
