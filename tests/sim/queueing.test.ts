import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, mmc } from '../../shared/sim/numerics/queueing';

// Reference values below are textbook figures or closed forms worked out by
// hand, and the numeric references are computed here with the host Math.* in
// a deliberately different way from the code under test.

// Fixed seed so CI runs are reproducible; FC_SEED=<n> explores other inputs.
const SEED = process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : 0x5ca1e;
const LN20 = Math.log(20);

function relErr(got: number, want: number): number {
  return got === want ? 0 : Math.abs(got - want) / Math.abs(want);
}

/** Erlang B and C by direct summation of the Poisson terms a^k/k! (fine for c ≤ 64). */
function erlangDirect(c: number, a: number): { b: number; c: number } {
  let term = 1; // a^0/0!
  let below = 0; // Σ_{k<c} a^k/k!
  for (let k = 0; k < c; k++) {
    below += term;
    term = (term * a) / (k + 1);
  }
  // term is now a^c/c!
  const waiting = (term * c) / (c - a);
  return { b: term / (below + term), c: waiting / (below + waiting) };
}

/**
 * P(T > t) for the M/M/c sojourn time T = Wq + S, from first principles:
 * with probability 1 − C the job doesn't wait and T = S ~ Exp(μ); otherwise
 * T = X + S with X ~ Exp(θ), θ = cμ − λ, whose tail is the hypoexponential
 * (θe^(−μt) − μe^(−θt))/(θ − μ) (→ e^(−μt)(1 + μt) when θ = μ).
 */
function sojournTail(C: number, mu: number, theta: number, t: number): number {
  let hypo: number;
  if (Math.abs(theta - mu) > 0.01 * (theta + mu)) {
    hypo = (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
  } else {
    // Same expression regrouped, with expm1 to avoid cancellation when θ ≈ μ.
    const k = theta === mu ? t : -Math.expm1(-(theta - mu) * t) / (theta - mu);
    hypo = Math.exp(-mu * t) * (1 + mu * k);
  }
  return (1 - C) * Math.exp(-mu * t) + C * hypo;
}

/** Root of sojournTail = 0.05 by plain bisection (slow, simple, obviously right). */
function sojournP95Reference(C: number, mu: number, theta: number): number {
  let lo = 0;
  let hi = 1 / mu;
  while (sojournTail(C, mu, theta, hi) > 0.05) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (sojournTail(C, mu, theta, mid) > 0.05) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('Erlang B and C', () => {
  it('match textbook values', () => {
    expect(erlangC(2, 1.5)).toBeCloseTo(0.6429, 4);
    expect(erlangC(2, 1.5)).toBeCloseTo(9 / 14, 14); // by hand: (9/2)/(1 + 3/2 + 9/2)
    expect(erlangC(10, 6)).toBeCloseTo(0.1013, 4);
    expect(erlangB(10, 5)).toBeCloseTo(0.01838, 5);
    expect(erlangB(2, 1.5)).toBeCloseTo(1.125 / 3.625, 14); // (a²/2)/(1 + a + a²/2)
  });

  it('reduce to the single-server forms', () => {
    for (const a of [0, 0.01, 0.3, 0.5, 0.9, 0.999, 2, 37]) {
      expect(relErr(erlangB(1, a), a / (1 + a)) || 0).toBeLessThan(1e-15);
      if (a < 1) expect(Math.abs(erlangC(1, a) - a)).toBeLessThan(1e-15);
    }
  });

  it('agree with direct summation for every c ≤ 64 over a range of loads', () => {
    for (let c = 1; c <= 64; c++) {
      for (const rho of [0.001, 0.05, 0.2, 0.5, 0.7, 0.85, 0.95, 0.99, 0.9999]) {
        const a = rho * c;
        const want = erlangDirect(c, a);
        expect(relErr(erlangC(c, a), want.c), `C(${c}, ${a})`).toBeLessThan(1e-12);
        expect(relErr(erlangB(c, a), want.b), `B(${c}, ${a})`).toBeLessThan(1e-12);
      }
      expect(relErr(erlangB(c, 1.7 * c), erlangDirect(c, 1.7 * c).b)).toBeLessThan(1e-12); // B is fine past a = c
    }
  });

  it('handle the edges', () => {
    expect(erlangB(5, 0)).toBe(0);
    expect(erlangC(5, 0)).toBe(0);
    expect(erlangC(5, 5)).toBe(1);
    expect(erlangC(5, 7)).toBe(1);
    expect(erlangB(5, Infinity)).toBe(1);
    expect(erlangC(64, 1e-6)).toBeGreaterThanOrEqual(0); // underflows towards 0 without NaN
    for (const [c, a] of [
      [0, 1],
      [1.5, 1],
      [-1, 1],
      [Number.NaN, 1],
      [2, -1],
      [2, Number.NaN],
    ] as const) {
      expect(() => erlangB(c, a)).toThrow(RangeError);
      expect(() => erlangC(c, a)).toThrow(RangeError);
    }
  });
});

describe('mmc', () => {
  it('M/M/1 matches the closed forms', () => {
    for (const [lambda, mu] of [
      [0.9, 1],
      [0.5, 1],
      [3, 4],
      [0.01, 2],
      [99, 100],
    ] as const) {
      const r = mmc(lambda, mu, 1);
      const rho = lambda / mu;
      expect(relErr(r.rho, rho)).toBeLessThan(1e-15);
      expect(relErr(r.waitProbability, rho)).toBeLessThan(1e-14);
      expect(relErr(r.meanWait, rho / (mu - lambda))).toBeLessThan(1e-13);
      expect(relErr(r.meanResponse, 1 / (mu - lambda))).toBeLessThan(1e-13);
      // M/M/1 sojourn time is Exp(μ − λ), so its 95th percentile is ln 20/(μ − λ).
      expect(relErr(r.p95Response, LN20 / (mu - lambda))).toBeLessThan(1e-12);
      // P(Wq > t) = ρ·e^(−(μ−λ)t).
      const p95Wait = rho > 0.05 ? Math.log(20 * rho) / (mu - lambda) : 0;
      expect(Math.abs(r.p95Wait - p95Wait)).toBeLessThanOrEqual(1e-12 * p95Wait);
      expect(r.saturated).toBe(false);
    }
  });

  it('M/M/1 at ρ = 0.9 waits nine service times on average', () => {
    const r = mmc(0.9, 1, 1);
    expect(r.meanWait).toBeCloseTo(9, 12);
    expect(r.meanResponse).toBeCloseTo(10, 12);
    const slow = mmc(9, 10, 1); // same ρ, service time 0.1
    expect(slow.meanWait / 0.1).toBeCloseTo(9, 12);
  });

  it('M/M/2 at a = 1.5 matches the textbook example', () => {
    const r = mmc(1.5, 1, 2);
    expect(r.waitProbability).toBeCloseTo(0.6429, 4);
    expect(r.meanWait).toBeCloseTo(9 / 14 / 0.5, 12); // C/(cμ − λ)
    expect(r.rho).toBe(0.75);
  });

  it("obeys Little's law", () => {
    for (const c of [1, 2, 7, 16, 64]) {
      for (const rho of [0.1, 0.5, 0.9, 0.99]) {
        const mu = 3;
        const lambda = rho * c * mu;
        const r = mmc(lambda, mu, c);
        expect(relErr(r.queueLength, lambda * r.meanWait)).toBeLessThan(1e-15);
        // L = λW = Lq + λ/μ (in service on average: the offered load).
        expect(relErr(lambda * r.meanResponse, r.queueLength + lambda / mu)).toBeLessThan(1e-13);
      }
    }
  });

  it('latency rises steeply and monotonically towards saturation', () => {
    for (const c of [1, 4, 32]) {
      let prev = mmc(0, 1, c);
      for (let i = 1; i <= 99; i++) {
        const r = mmc((i / 100) * c, 1, c);
        expect(r.meanWait).toBeGreaterThan(prev.meanWait);
        // At light load with many servers the wait is ~1e-50 service times,
        // which vanishes when added to the service time: only ≥ there.
        expect(r.meanResponse).toBeGreaterThanOrEqual(prev.meanResponse);
        expect(r.p95Response).toBeGreaterThanOrEqual(prev.p95Response);
        if (i >= 50) {
          expect(r.meanResponse).toBeGreaterThan(prev.meanResponse);
          expect(r.p95Response).toBeGreaterThan(prev.p95Response);
        }
        prev = r;
      }
    }
    const near = mmc(0.99, 1, 1);
    expect(near.meanResponse).toBeGreaterThan(10); // 100 service times, in fact
    expect(near.meanResponse).toBeCloseTo(100, 9);
    expect(mmc(0.5, 1, 1).meanResponse).toBeCloseTo(2, 12);
  });

  it('p95Response is the root of the sojourn-time tail', () => {
    for (const c of [1, 2, 3, 5, 8, 16, 33, 64]) {
      for (const rho of [0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97, 0.999]) {
        for (const mu of [0.37, 1, 250]) {
          const lambda = rho * c * mu;
          const r = mmc(lambda, mu, c);
          const want = sojournP95Reference(r.waitProbability, mu, c * mu - lambda);
          expect(relErr(r.p95Response, want), `c=${c} ρ=${rho} μ=${mu}`).toBeLessThan(1e-10);
        }
      }
    }
  });

  it('p95Response is right when θ = μ exactly and when 0 < C ≤ 5 %', () => {
    // c = 2, λ = μ gives θ = cμ − λ = μ: the tail's two rates coincide.
    const same = mmc(1, 1, 2);
    expect(relErr(same.p95Response, sojournP95Reference(same.waitProbability, 1, 1))).toBeLessThan(1e-10);
    // Light load: C ≈ 0.001 so p95Wait = 0, yet T = Wq + S is strictly longer than S,
    // so p95Wait + ln20/μ would be too small (it is not an upper bound).
    const light = mmc(3, 1, 10);
    expect(light.waitProbability).toBeGreaterThan(0);
    expect(light.waitProbability).toBeLessThan(0.05);
    expect(light.p95Wait).toBe(0);
    expect(light.p95Response).toBeGreaterThan(LN20);
    expect(relErr(light.p95Response, sojournP95Reference(light.waitProbability, 1, 7))).toBeLessThan(1e-10);
  });

  it('the reference tail is a proper survival function with mean W', () => {
    // Checks the test's own formula: ∫₀^∞ P(T > t) dt = E[T] = Wq + 1/μ (Simpson's rule).
    for (const [lambda, mu, c] of [
      [3.2, 1, 4],
      [1, 1, 2],
      [0.5, 2, 1],
      [60, 1, 64],
    ] as const) {
      const r = mmc(lambda, mu, c);
      const theta = c * mu - lambda;
      const end = 80 / Math.min(mu, theta);
      const n = 20000;
      const h = end / n;
      let sum = sojournTail(r.waitProbability, mu, theta, 0) + sojournTail(r.waitProbability, mu, theta, end);
      for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * sojournTail(r.waitProbability, mu, theta, i * h);
      expect(sojournTail(r.waitProbability, mu, theta, 0)).toBeCloseTo(1, 14);
      expect(relErr((sum * h) / 3, r.meanResponse)).toBeLessThan(1e-9);
    }
  });

  it('handles λ = 0', () => {
    const r = mmc(0, 4, 3);
    expect(r).toEqual({
      rho: 0,
      waitProbability: 0,
      meanWait: 0,
      meanResponse: 0.25,
      queueLength: 0,
      p95Wait: 0,
      p95Response: LN20 / 4,
      saturated: false,
    });
    expect(relErr(r.p95Response, LN20 / 4)).toBeLessThan(1e-15);
  });

  it('reports saturation with Infinity waits', () => {
    for (const [lambda, mu, c] of [
      [1, 1, 1],
      [10, 2, 5],
      [11, 2, 5],
      [1e9, 1, 64],
      [Infinity, 1, 1],
    ] as const) {
      const r = mmc(lambda, mu, c);
      expect(r.saturated).toBe(true);
      expect(r.rho).toBe(lambda / (c * mu));
      expect(r.rho).toBeGreaterThanOrEqual(1);
      expect(r.waitProbability).toBe(1);
      for (const v of [r.meanWait, r.meanResponse, r.queueLength, r.p95Wait, r.p95Response]) expect(v).toBe(Infinity);
    }
  });

  it('rejects invalid arguments', () => {
    for (const [lambda, mu, c] of [
      [1, 1, 0],
      [1, 1, 2.5],
      [1, 0, 2],
      [1, -1, 2],
      [1, Infinity, 2],
      [-1, 1, 2],
      [Number.NaN, 1, 2],
      [1, Number.NaN, 2],
    ] as const) {
      expect(() => mmc(lambda, mu, c)).toThrow(RangeError);
    }
  });

  it('gives finite, sane, consistent outputs for random stable queues', () => {
    const queue = fc.record({
      c: fc.integer({ min: 1, max: 64 }),
      mu: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
      rho: fc.double({ min: 1e-6, max: 0.999, noNaN: true }),
    });
    fc.assert(
      fc.property(queue, ({ c, mu, rho }) => {
        const lambda = rho * c * mu;
        const r = mmc(lambda, mu, c);
        const { saturated, ...numbers } = r;
        expect(saturated).toBe(false);
        for (const v of Object.values(numbers)) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
        expect(r.waitProbability).toBeLessThanOrEqual(1);
        // T ≥ S and T ≥ Wq, so its 95th percentile is at least each of theirs.
        expect(r.p95Response).toBeGreaterThanOrEqual(r.p95Wait);
        expect(r.p95Response).toBeGreaterThanOrEqual((LN20 / mu) * (1 - 1e-14));
        // Exponential-type tails: the 95th percentile sits above the mean
        // (for a pure exponential it is ln 20 ≈ 3 means).
        expect(r.p95Response).toBeGreaterThan(r.meanResponse);
        expect(r.p95Response).toBeLessThanOrEqual(LN20 * (r.meanWait / Math.max(r.waitProbability, 1e-300) + 1 / mu) * (1 + 1e-12));
        // And it really is the 95th percentile.
        const tail = sojournTail(r.waitProbability, mu, c * mu - lambda, r.p95Response);
        expect(Math.abs(tail - 0.05)).toBeLessThan(1e-10);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('is monotone in the arrival rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.double({ min: 1e-2, max: 1e2, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (c, mu, r1, r2) => {
          const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
          const a = mmc(lo * c * mu, mu, c);
          const b = mmc(hi * c * mu, mu, c);
          expect(b.meanResponse).toBeGreaterThanOrEqual(a.meanResponse * (1 - 1e-14));
          expect(b.p95Response).toBeGreaterThanOrEqual(a.p95Response * (1 - 1e-12));
          expect(b.queueLength).toBeGreaterThanOrEqual(a.queueLength * (1 - 1e-14));
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
