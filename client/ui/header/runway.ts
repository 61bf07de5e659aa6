/**
 * How long the money lasts at the rate it has been falling: a team sees its own balance even
 * without business metrics (which reveal revenue and cost), so the warning works from what the
 * charts already hold. Over the last WINDOW ticks, with money falling, runway = money / burn,
 * where the burn is the median of the per-minute changes: running costs and revenue move the
 * money every minute, a purchase in one minute only, so a one-off spend is not taken for a trend.
 */
import type { HistoryPoint } from '../../state/model';

/** Ticks (simulated minutes) the burn rate is measured over: long enough to smooth a tick's noise. */
export const RUNWAY_WINDOW = 60;
/** Warn when the money would run out within this many ticks (two simulated days). */
export const RUNWAY_WARN_TICKS = 2 * 1440;
/** Sound the alarm within this many ticks (six simulated hours). */
export const RUNWAY_ALARM_TICKS = 6 * 60;

export interface Runway {
  /** Ticks until the money reaches zero at the recent rate. */
  ticks: number;
  level: 'warn' | 'alarm';
}

/** The runway when the money is falling and would run out within RUNWAY_WARN_TICKS; else null. */
export function runway(points: readonly HistoryPoint[]): Runway | null {
  const last = points[points.length - 1];
  if (last === undefined || last.money <= 0) return null;
  const first = points.find((point) => point.tick >= last.tick - RUNWAY_WINDOW) ?? last;
  const span = last.tick - first.tick;
  // Too little history to call it a trend (a fresh game, a purchase a moment ago).
  if (span < RUNWAY_WINDOW / 2) return null;
  const window = points.slice(points.indexOf(first));
  const changes: number[] = [];
  for (let i = 1; i < window.length; i++) {
    const ticks = window[i]!.tick - window[i - 1]!.tick;
    if (ticks > 0) changes.push((window[i - 1]!.money - window[i]!.money) / ticks);
  }
  changes.sort((a, b) => a - b);
  const middle = changes.length >> 1;
  const burnPerTick = changes.length % 2 === 1 ? changes[middle]! : (changes[middle - 1]! + changes[middle]!) / 2;
  if (!(burnPerTick > 0)) return null;
  const ticks = last.money / burnPerTick;
  if (ticks > RUNWAY_WARN_TICKS) return null;
  return { ticks, level: ticks <= RUNWAY_ALARM_TICKS ? 'alarm' : 'warn' };
}
