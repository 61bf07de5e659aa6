/**
 * End-to-end latency figures: quantiles of a mixture of request streams and the share served
 * within the objective, against the same tail model evaluated independently here with Math.exp.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mixtureQuantile, shareWithin, type LatencyStream } from '../../shared/sim/numerics/latencyMix';

/** P(T > x) of a shifted exponential through (base, p95), written out independently. */
function tail(stream: LatencyStream, x: number): number {
  if (x < stream.baseSeconds) return 1;
  return Math.exp((-Math.log(20) * (x - stream.baseSeconds)) / (stream.p95Seconds - stream.baseSeconds));
}

/** The q-quantile by plain bisection over a wide bracket. */
function referenceQuantile(streams: LatencyStream[], q: number): number {
  const total = streams.reduce((s, x) => s + x.weight * x.ok, 0);
  let low = 0;
  let high = 100;
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    const above = streams.reduce((s, x) => s + x.weight * x.ok * tail(x, mid), 0) / total;
    if (above > 1 - q) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

const stream = fc.record({
  weight: fc.double({ min: 0.01, max: 1000, noNaN: true }),
  ok: fc.double({ min: 0.05, max: 1, noNaN: true }),
  baseSeconds: fc.double({ min: 0, max: 0.3, noNaN: true }),
  spread: fc.double({ min: 0.001, max: 2, noNaN: true }),
});

describe('latency of many streams', () => {
  it('one stream: its p95 is the p95 it was given', () => {
    const s = { weight: 10, ok: 1, baseSeconds: 0.02, p95Seconds: 0.2 };
    expect(mixtureQuantile([s], 0.95)).toBeCloseTo(0.2, 8);
  });

  it('the mixture quantiles match an independent bisection', () => {
    fc.assert(
      fc.property(fc.array(stream, { minLength: 1, maxLength: 15 }), fc.constantFrom(0.5, 0.95, 0.99), (raw, q) => {
        const streams = raw.map((s) => ({ weight: s.weight, ok: s.ok, baseSeconds: s.baseSeconds, p95Seconds: s.baseSeconds + s.spread }));
        const expected = referenceQuantile(streams, q);
        expect(Math.abs(mixtureQuantile(streams, q) - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, expected));
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('the share served within the objective counts only successes that are fast enough', () => {
    const fast = { weight: 3, ok: 1, baseSeconds: 0.01, p95Seconds: 0.05 };
    const slow = { weight: 1, ok: 0.5, baseSeconds: 0.1, p95Seconds: 0.6 };
    const objective = 0.3;
    const expected = (3 * (1 - tail(fast, objective)) + 1 * 0.5 * (1 - tail(slow, objective))) / 4;
    expect(shareWithin([fast, slow], objective)).toBeCloseTo(expected, 12);
  });
});
