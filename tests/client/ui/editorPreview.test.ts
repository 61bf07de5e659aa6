/**
 * The editor's traffic preview: the demand a scenario brings as designed (every request served
 * well), against figures worked out by hand from the format's definitions — a fixed request rate,
 * the daily cosine around each region's peak hour, logistic growth towards the market, a scripted
 * spike — and worked out in slices gives the same as at once.
 */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../../shared/scenarios';
import { createSim, step } from '../../../shared/sim';
import type { Scenario } from '../../../shared/sim/core/scenario';
import { previewDemand, startPreview } from '../../../client/ui/editor/preview';

const DAY = 1440;

function total(series: number[][], point: number): number {
  return series.reduce((sum, region) => sum + region[point]!, 0);
}

/** The sandbox cut down to its Asia-Pacific region, with nothing running at the start. */
function oneRegion(change: (s: Scenario) => Scenario): Scenario {
  const sandbox = loadPreset('sandbox');
  const ap = sandbox.regions[0]!;
  return change({
    ...sandbox,
    regions: [ap],
    latencyMs: { ap: { ap: 20 } },
    randomIncidentsPerDay: {},
    mtbfTicks: {},
    initialTopology: [],
  });
}

describe('the traffic a scenario brings', () => {
  it('a fixed rate is that rate all day, with no daily cycle', () => {
    const preview = previewDemand(loadPreset('constant-load'), DAY, 10);
    expect(preview.ticks).toHaveLength(144);
    for (let point = 0; point < 144; point++) expect(total(preview.requests, point)).toBeCloseTo(200, 9);
    expect(preview.peakRequests.value).toBeCloseTo(200, 9);
  });

  it('follows the daily cycle around the peak hour', () => {
    // 800 users, 5 % online on average, swing 60 %, 0.735 requests per online user per second.
    const scenario = oneRegion((s) => ({ ...s, traffic: { mode: 'growth', growthPerDay: 0, churnPerDay: 1.5 } }));
    const preview = previewDemand(scenario, DAY, 1);
    const perUser = 0.4 + 0.25 + 0.03 + 0.05 + 0.005;
    // Peak at 21:00: 800 × 0.05 × 1.6 online.
    expect(preview.requests[0]![21 * 60]).toBeCloseTo(800 * 0.05 * 1.6 * perUser, 9);
    // Twelve hours away, at 09:00: 800 × 0.05 × 0.4.
    expect(preview.requests[0]![9 * 60]).toBeCloseTo(800 * 0.05 * 0.4 * perUser, 9);
    // 15:00 is a quarter of a day from the peak: the cosine is 0, the average.
    expect(preview.requests[0]![15 * 60]).toBeCloseTo(800 * 0.05 * perUser, 9);
    expect(preview.peakRequests.tick).toBe(21 * 60);
    // No growth and no churn while everyone is served well.
    expect(preview.users[0]![DAY - 1]).toBeCloseTo(800, 9);
  });

  it('grows users logistically towards the market, as the served game would', () => {
    const scenario = oneRegion((s) => ({
      ...s,
      regions: [{ ...s.regions[0]!, initialUsers: 1000, marketSize: 1_000_000 }],
      traffic: { mode: 'growth', growthPerDay: 0.6, churnPerDay: 1.5 },
    }));
    const days = 5;
    const preview = previewDemand(scenario, days * DAY, 60);
    // The logistic curve M / (1 + (M/u0 − 1)·e^(−g·t)) after each whole day.
    const logistic = (t: number) => 1_000_000 / (1 + (1_000_000 / 1000 - 1) * Math.exp(-0.6 * t));
    for (let day = 1; day <= days; day++) {
      const users = preview.users[0]![day * 24 - 1]!;
      expect(Math.abs(users / logistic(day) - 1)).toBeLessThan(1e-3);
    }
    expect(preview.peakUsers.value).toBeCloseTo(preview.users[0]![days * 24 - 1]!, 6);
    // A game nobody serves loses its users instead: the preview shows the scenario, not that.
    const unserved = createSim(scenario, 0);
    for (let t = 0; t < DAY; t++) step(unserved);
    expect(unserved.regions[0]!.users).toBeLessThan(1000);
    expect(preview.users[0]![23]!).toBeGreaterThan(1000);
  });

  it('shows a scripted traffic spike while it lasts', () => {
    const base = loadPreset('constant-load');
    const scenario: Scenario = { ...base, incidents: [{ tick: 100, type: 'trafficSpike', magnitude: 3, durationTicks: 60 }] };
    const preview = previewDemand(scenario, 400, 1);
    expect(total(preview.requests, 99)).toBeCloseTo(200, 9);
    expect(total(preview.requests, 100)).toBeCloseTo(600, 9);
    expect(total(preview.requests, 159)).toBeCloseTo(600, 9);
    expect(total(preview.requests, 160)).toBeCloseTo(200, 9);
    expect(preview.peakRequests).toEqual({ value: expect.closeTo(600, 9) as number, tick: 100 });
    // A stretch of ten minutes keeps its highest rate, so a short spike is not averaged away.
    const coarse = previewDemand({ ...base, incidents: [{ tick: 103, type: 'trafficSpike', magnitude: 2, durationTicks: 2 }] }, 400, 10);
    expect(total(coarse.requests, 10)).toBeCloseTo(400, 9);
    expect(total(coarse.requests, 11)).toBeCloseTo(200, 9);
  });

  it('worked out in slices is the same as at once', () => {
    const scenario = loadPreset('sandbox');
    const whole = previewDemand(scenario, 3 * DAY, 10);
    const run = startPreview(scenario, 3 * DAY, 10);
    let slices = 1;
    while (!run.advance(777)) slices++;
    expect(slices).toBe(Math.ceil((3 * DAY) / 777));
    expect(run.result()).toEqual(whole);
  });
});
