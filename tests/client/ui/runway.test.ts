/** The money warning: how long the balance lasts at the rate it fell over the last hour of play. */
import { describe, expect, it } from 'vitest';
import { runway, RUNWAY_ALARM_TICKS, RUNWAY_WARN_TICKS, RUNWAY_WINDOW } from '../../../client/ui/header/runway';
import type { HistoryPoint } from '../../../client/state/model';

/** A history of `ticks` points whose money goes from `from` by `perTick` each tick. */
function falling(ticks: number, from: number, perTick: number): HistoryPoint[] {
  return Array.from({ length: ticks }, (_, tick) => ({
    tick,
    money: from - perTick * tick,
    dau: 0,
    online: 0,
    availability: null,
    p95LatencyMs: null,
    errorRate: null,
  }));
}

describe('runway', () => {
  it('is money over the recent burn rate, in ticks', () => {
    const points = falling(200, 2000, 1);
    // Now 1801 left, falling 1 a tick: 1801 ticks, within two days: a warning, not yet an alarm.
    expect(runway(points)).toEqual({ ticks: 1801, level: 'warn' });
  });

  it('sounds the alarm within six hours, and says nothing when money is flat, rising, far from zero or gone', () => {
    expect(runway(falling(100, 300, 1))?.level).toBe('alarm');
    expect(runway(falling(100, 300, 1))!.ticks).toBeLessThanOrEqual(RUNWAY_ALARM_TICKS);
    expect(runway(falling(100, 2000, 0))).toBeNull();
    expect(runway(falling(100, 2000, -3))).toBeNull();
    expect(runway(falling(100, 1_000_000, 1))).toBeNull();
    expect(runway(falling(100, 50, 1))).toBeNull(); // already below zero
    expect(RUNWAY_WARN_TICKS).toBe(2880);
  });

  it('measures only the last hour: an old purchase does not count, and too short a history says nothing', () => {
    const points = falling(300, 3000, 0);
    points[0]!.money = 10_000; // a big spend long ago
    expect(runway(points)).toBeNull();
    expect(runway(falling(RUNWAY_WINDOW / 2 - 1, 500, 5))).toBeNull();
  });

  it('takes a purchase for a purchase, not a trend: only the money that moves every minute counts', () => {
    // Earning 0.1 a minute, then a 300 purchase half an hour ago: money fell over the hour, but
    // the team is not burning it.
    const points = falling(120, 500, -0.1);
    for (const point of points.slice(90)) point.money -= 300;
    expect(runway(points)).toBeNull();
    // Spending 0.5 a minute with the same purchase: the runway is the spending's, not the purchase's.
    const spending = falling(120, 500, 0.5);
    for (const point of spending.slice(90)) point.money -= 300;
    expect(runway(spending)!.ticks).toBeCloseTo(spending.at(-1)!.money / 0.5, 9);
  });
});
