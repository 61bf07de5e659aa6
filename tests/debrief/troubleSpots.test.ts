/**
 * Where service suffered: stretches below the availability objective, a short recovery inside one
 * not splitting it, ranked by the requests they cost; each with its worst minute and what was
 * going on (the busiest component then, incidents running, the team's own disruptive commands).
 */
import { describe, expect, it } from 'vitest';
import { troubleSpots, type MinuteFigures } from '../../shared/debrief/troubleSpots';

function minutes(availability: (tick: number) => number, rps = 10): MinuteFigures[] {
  return Array.from({ length: 120 }, (_, tick) => ({
    requestsPerSecond: rps,
    availability: availability(tick),
    errorRate: 1 - availability(tick),
    p95LatencyMs: 100,
    busiest: { componentId: tick < 60 ? 'web-1' : 'db-2', utilisation: 0.5 + tick / 100 },
  }));
}

describe('troubleSpots', () => {
  // Two dips: ticks 10–14 and 18–20 (one stretch: back for only 3 minutes), and a deeper 80–99.
  const figures = minutes((tick) => (tick >= 10 && tick <= 14 ? 0.9 : tick >= 18 && tick <= 20 ? 0.8 : tick >= 80 && tick < 100 ? 0.5 : 1));

  it('joins dips a few minutes apart and ranks stretches by the requests they cost', () => {
    const spots = troubleSpots(figures, 0.99, [], []);
    expect(spots.map((s) => [s.fromTick, s.toTick])).toEqual([
      [80, 99],
      [10, 20],
    ]);
    // 20 minutes at 10 req/s losing half: 20 × 600 × 0.5.
    expect(spots[0]!.lostRequests).toBeCloseTo(6000, 9);
    expect(spots[1]!.lostRequests).toBeCloseTo(5 * 600 * 0.1 + 3 * 600 * 0.2, 9);
    expect(spots[1]).toMatchObject({ worstTick: 18, worstAvailability: 0.8, busiest: { componentId: 'web-1' } });
  });

  it('names the incidents running and the disruptive commands from shortly before to its end', () => {
    const spots = troubleSpots(
      figures,
      0.99,
      [
        { id: 1, startTick: 75, endTick: 90, recoveredTick: 101 },
        { id: 2, startTick: 30, endTick: 31, recoveredTick: 32 },
      ],
      [
        { tick: 72, player: 'a', command: { type: 'resize', id: 'db-2', size: 'large' }, ok: true },
        { tick: 85, player: 'a', command: { type: 'scale', id: 'web-1', count: 4 }, ok: true },
        { tick: 86, player: 'a', command: { type: 'remove', id: 'web-1' }, ok: false },
        { tick: 40, player: 'a', command: { type: 'resize', id: 'web-1', size: 'large' }, ok: true },
      ],
    );
    expect(spots[0]!.incidents).toEqual([1]);
    expect(spots[0]!.disruptions.map((d) => d.tick)).toEqual([72]);
    expect(spots[1]!.incidents).toEqual([]);
    expect(spots[1]!.disruptions).toEqual([]);
  });

  it('finds nothing when service stayed at the objective, and keeps the three worst', () => {
    expect(
      troubleSpots(
        minutes(() => 1),
        0.99,
        [],
        [],
      ),
    ).toEqual([]);
    const many = minutes((tick) => (tick % 30 < 2 ? 0.5 : 1));
    expect(troubleSpots(many, 0.99, [], [])).toHaveLength(3);
  });
});
