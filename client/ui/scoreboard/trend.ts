/**
 * Each team's recent trend on the scoreboard: users served well, sampled every few simulated
 * minutes as the scoreboard updates, the last TREND_POINTS kept (the last couple of hours). Kept
 * in the page (a reload starts the trend afresh). Pure, for the tests.
 */
import { usersServed, type ScoreLine } from '../../../shared/protocol/ranking';

/** Simulated minutes between two samples, and how many are kept. */
export const TREND_EVERY = 10;
export const TREND_POINTS = 12;

export interface Trend {
  /** The tick of the last sample. */
  tick: number;
  byTeam: Record<string, number[]>;
}

/** The trend after the scoreboard at `tick`: a new sample when TREND_EVERY minutes have passed. */
export function nextTrend(trend: Trend | null, tick: number, lines: readonly ScoreLine[]): Trend {
  if (trend !== null && tick - trend.tick < TREND_EVERY && tick >= trend.tick) return trend;
  const byTeam: Record<string, number[]> = {};
  for (const line of lines) {
    const before = trend !== null && tick >= trend.tick ? (trend.byTeam[line.team] ?? []) : [];
    byTeam[line.team] = [...before, usersServed(line)].slice(-TREND_POINTS);
  }
  return { tick, byTeam };
}

/** An SVG polyline's points for `values` in a `width`×`height` box (flat in the middle when all equal). */
export function sparkline(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return '';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .map((value, i) => {
      const y = hi === lo ? height / 2 : height - ((value - lo) / (hi - lo)) * height;
      return `${(i * step).toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}
