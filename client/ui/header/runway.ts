/**
 * How long the money lasts at the rate it has been falling: a team sees its own balance even
 * without business metrics (which reveal revenue and cost), so the warning works from what the
 * charts already hold. Over the last WINDOW ticks, with money falling, runway = money / burn.
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
  const burnPerTick = (first.money - last.money) / span;
  if (burnPerTick <= 0) return null;
  const ticks = last.money / burnPerTick;
  if (ticks > RUNWAY_WARN_TICKS) return null;
  return { ticks, level: ticks <= RUNWAY_ALARM_TICKS ? 'alarm' : 'warn' };
}
