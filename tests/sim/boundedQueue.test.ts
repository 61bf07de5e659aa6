/**
 * The per-component queue model against queueing theory computed here, independently, with
 * Math.* and textbook formulas: M/M/c waiting times, M/M/c/K loss, Little's law, conservation of
 * requests, and latency that rises steeply, but continuously, as utilisation nears 1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePool } from '../../shared/sim/numerics/boundedQueue';
import { TICK_SECONDS } from '../../shared/sim';
import { erlangC } from '../helpers/reference';

/** Exact M/M/c/K state probabilities by direct construction; returns P(N = K) and E[Nq]. */
function mmcK(lambda: number, mu: number, c: number, K: number): { block: number; meanQueue: number } {
  const p: number[] = [1];
  for (let n = 1; n <= K; n++) p.push((p[n - 1]! * lambda) / (Math.min(n, c) * mu));
  const total = p.reduce((s, x) => s + x, 0);
  let meanQueue = 0;
  for (let n = c; n <= K; n++) meanQueue += ((n - c) * p[n]!) / total;
  return { block: p[K]! / total, meanQueue };
}

const base = { vcpu: 1, instances: 1, queueSeconds: 2, backlog: 0 };

describe('below saturation: M/M/c', () => {
  it('mean response time is Erlang C/(cμ−λ) + 1/μ', () => {
    for (const [c, rho] of [
      [1, 0.5],
      [2, 0.75],
      [4, 0.6],
      [8, 0.9],
      [16, 0.8],
    ] as const) {
      const service = 0.01;
      const mu = 1 / service;
      const lambda = rho * c * mu;
      const result = evaluatePool({ ...base, vcpu: c, lambda, serviceSeconds: service });
      const wq = erlangC(c, lambda / mu) / (c * mu - lambda);
      expect(result.meanSeconds).toBeCloseTo(wq + service, 12);
      expect(result.utilisation).toBeCloseTo(rho, 12);
    }
  });

  it('an M/M/1 at ρ = 0.9 waits nine service times', () => {
    const result = evaluatePool({ ...base, lambda: 90, serviceSeconds: 0.01, queueSeconds: 60 });
    expect(result.waitMeanSeconds / 0.01).toBeCloseTo(9, 9);
  });

  it('the p95 of an M/M/1 response is ln 20/(μ−λ): its sojourn time is exponential', () => {
    const result = evaluatePool({ ...base, lambda: 50, serviceSeconds: 0.01 });
    expect(result.p95Seconds).toBeCloseTo(Math.log(20) / (100 - 50), 9);
  });

  it('the p95 response of c ≥ 2 servers is within 3 % of the exact sojourn-time p95 (solved here by bisection)', () => {
    const service = 0.01;
    const mu = 1 / service;
    for (const c of [2, 4, 8, 16]) {
      for (const rho of [0.3, 0.55, 0.8, 0.9, 0.97]) {
        const lambda = rho * c * mu;
        const C = erlangC(c, lambda / mu);
        const theta = c * mu - lambda;
        // P(T > t) = e^(−μt)·[1 + C·μ·(1 − e^(−(θ−μ)t))/(θ − μ)]: wait (Erlang C, rate θ) plus Exp(μ) service.
        const tail = (t: number) =>
          Math.abs(theta - mu) < 1e-12
            ? Math.exp(-mu * t) * (1 + C * mu * t)
            : Math.exp(-mu * t) * (1 + (C * mu * (1 - Math.exp(-(theta - mu) * t))) / (theta - mu));
        let low = 0;
        let high = 100;
        for (let i = 0; i < 200; i++) {
          const mid = (low + high) / 2;
          if (tail(mid) > 0.05) low = mid;
          else high = mid;
        }
        const result = evaluatePool({ ...base, vcpu: c, lambda, serviceSeconds: service, queueSeconds: 60 });
        expect(Math.abs(result.p95Seconds / low - 1), `c=${c} ρ=${rho}`).toBeLessThan(0.03);
      }
    }
  });

  it('turns away the share of arrivals an M/M/c/K queue would (exact chain computed here)', () => {
    for (const [c, rho, service, queueSeconds] of [
      [1, 0.95, 0.5, 10],
      [2, 0.9, 0.2, 3],
      [4, 0.98, 0.1, 5],
    ] as const) {
      const mu = 1 / service;
      const lambda = rho * c * mu;
      const K = queueSeconds * c * mu;
      const result = evaluatePool({ ...base, vcpu: c, lambda, serviceSeconds: service, queueSeconds });
      const exact = mmcK(lambda, mu, c, K);
      expect(result.failed / lambda).toBeCloseTo(exact.block, 9);
    }
  });

  it("Little's law holds: mean queue length = throughput × mean wait", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 32 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (c, rho) => {
        const service = 0.005;
        const lambda = (rho * c) / service;
        const result = evaluatePool({ ...base, vcpu: c, lambda, serviceSeconds: service });
        expect(result.queueLength).toBeCloseTo(result.served * result.waitMeanSeconds, 9);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe('latency as utilisation nears 1', () => {
  const at = (rho: number) => evaluatePool({ ...base, lambda: rho * 100, serviceSeconds: 0.01 });

  it('rises steeply and monotonically', () => {
    let previous = 0;
    for (const rho of [0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99]) {
      const { meanSeconds } = at(rho);
      expect(meanSeconds).toBeGreaterThan(previous);
      previous = meanSeconds;
    }
    expect(at(0.99).meanSeconds).toBeGreaterThan(10 * at(0.5).meanSeconds);
  });

  it('meets the saturated regime at ρ = 1 without a jump', () => {
    const below = at(0.99999);
    const above = at(1.00001);
    expect(Math.abs(above.meanSeconds - below.meanSeconds)).toBeLessThan(0.01 * below.meanSeconds);
  });
});

describe('through saturation: the exact M/M/c/K chain', () => {
  /**
   * The finite birth–death chain solved here by its recurrence: p_n ∝ Π λ/(min(k, c)μ) for
   * n ≤ K; loss = p_K, mean wait of an accepted request by Little's law on the queue,
   * E[N_q]/(λ(1 − p_K)).
   */
  function chain(lambda: number, mu: number, c: number, K: number): { loss: number; wait: number } {
    const { block: loss, meanQueue } = mmcK(lambda, mu, c, K);
    return { loss, wait: meanQueue / (lambda * (1 - loss)) };
  }

  // (c, service seconds, queue seconds) with an integer bound K = queueSeconds·c/service.
  const QUEUES = [
    [1, 0.01, 2],
    [2, 0.02, 2],
    [4, 0.1, 2],
    [8, 0.01, 2],
    [16, 0.2, 2],
  ] as const;

  it('loss and mean wait match the chain at ρ = 0.9, 0.99, 1, 1.01, 1.2 and 1.5', () => {
    for (const [c, service, queueSeconds] of QUEUES) {
      const mu = 1 / service;
      const K = Math.round((queueSeconds * c) / service);
      for (const rho of [0.9, 0.99, 1, 1.01, 1.2, 1.5]) {
        const lambda = rho * c * mu;
        const exact = chain(lambda, mu, c, K);
        const r = evaluatePool({ lambda, serviceSeconds: service, vcpu: c, instances: 1, queueSeconds, backlog: 0 });
        const at = `c=${c} K=${K} ρ=${rho}`;
        expect(Math.abs(r.failed / lambda - exact.loss), at).toBeLessThanOrEqual(1e-12 + 1e-9 * exact.loss);
        expect(r.waitMeanSeconds / exact.wait, at).toBeCloseTo(1, 9);
        // What is not turned away is served: at most the servers' capacity.
        expect(r.served, at).toBeCloseTo(lambda * (1 - exact.loss), 9);
        expect(r.served, at).toBeLessThanOrEqual(c * mu * (1 + 1e-12));
      }
    }
  });

  it('at ρ = 1 the loss is already what the chain says (not 0), and nothing jumps across ρ = 1', () => {
    for (const [c, service, queueSeconds] of QUEUES) {
      const mu = 1 / service;
      const at = (rho: number) =>
        evaluatePool({ lambda: rho * c * mu, serviceSeconds: service, vcpu: c, instances: 1, queueSeconds, backlog: 0 });
      expect(at(1).failed / (c * mu)).toBeGreaterThan(0);
      // Across ρ = 1 ± ε every figure moves by O(ε): no step, however small ε gets.
      for (const eps of [1e-6, 1e-9, 1e-12]) {
        const below = at(1 - eps);
        const above = at(1 + eps);
        const mid = at(1);
        for (const key of ['waitMeanSeconds', 'waitP95Seconds', 'p95Seconds'] as const) {
          expect(Math.abs(above[key] - below[key]), `${key} c=${c} ε=${eps}`).toBeLessThan(1e3 * eps * mid[key] + 1e-13);
        }
        const loss = (r: typeof mid, rho: number) => r.failed / (rho * c * mu);
        expect(Math.abs(loss(above, 1 + eps) - loss(below, 1 - eps)), `loss c=${c} ε=${eps}`).toBeLessThan(10 * eps + 1e-13);
      }
    }
  });

  it('with a more variable mix (c_s² = 11) too: continuous through ρ = 1, never more than the servers can take, Allen–Cunneen well below it', () => {
    for (const [c, service, queueSeconds] of QUEUES) {
      const mu = 1 / service;
      const at = (rho: number) =>
        evaluatePool({ lambda: rho * c * mu, serviceSeconds: service, serviceScv: 11, vcpu: c, instances: 1, queueSeconds, backlog: 0 });
      let previous = 0;
      for (let rho = 0.05; rho <= 3; rho += 0.05) {
        const r = at(rho);
        expect(r.served).toBeLessThanOrEqual(c * mu * (1 + 1e-12));
        // Whatever the servers cannot take is turned away: loss ≥ 1 − 1/ρ.
        expect(r.failed / (rho * c * mu)).toBeGreaterThanOrEqual(1 - 1 / rho - 1e-12);
        expect(r.waitMeanSeconds).toBeGreaterThanOrEqual(previous);
        expect(r.waitMeanSeconds).toBeLessThanOrEqual(queueSeconds);
        previous = r.waitMeanSeconds;
      }
      const below = at(1 - 1e-9);
      const above = at(1 + 1e-9);
      expect(Math.abs(above.waitMeanSeconds - below.waitMeanSeconds)).toBeLessThan(1e-6 * below.waitMeanSeconds);
      // With a bound long enough not to matter the wait is (1 + c_s²)/2 × M/M/c's.
      for (const rho of [0.3, 0.5, 0.8]) {
        const light = evaluatePool({
          lambda: rho * c * mu,
          serviceSeconds: service,
          serviceScv: 11,
          vcpu: c,
          instances: 1,
          queueSeconds: 600,
          backlog: 0,
        });
        const mmcWait = erlangC(c, rho * c) / (c * mu * (1 - rho));
        expect(light.waitMeanSeconds / mmcWait).toBeCloseTo(6, 9);
      }
    }
  });
});

describe('above saturation: a bounded queue', () => {
  it('completes at full speed and fails the excess; nothing is lost from the books', () => {
    const result = evaluatePool({ ...base, vcpu: 2, lambda: 500, serviceSeconds: 0.01 });
    expect(result.served).toBeCloseTo(200, 9);
    expect(result.backlogAfter).toBeLessThanOrEqual(2 * 200);
    expect(500 * TICK_SECONDS - (result.served + result.failed) * TICK_SECONDS - result.backlogAfter).toBeCloseTo(0, 6);
  });

  it('conserves requests in every regime: arrivals + backlog = served + failed + backlog after', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0.0005, max: 0.2, noNaN: true }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 0, max: 8 }),
        fc.double({ min: 0, max: 20000, noNaN: true }),
        (lambda, serviceSeconds, vcpu, instances, backlog) => {
          const r = evaluatePool({ lambda, serviceSeconds, vcpu, instances, queueSeconds: 2, backlog });
          const inflow = lambda * TICK_SECONDS + backlog;
          const outflow = (r.served + r.failed) * TICK_SECONDS + r.backlogAfter;
          expect(Math.abs(inflow - outflow)).toBeLessThanOrEqual(1e-9 * Math.max(1, inflow));
          for (const value of Object.values(r)) {
            expect(Number.isFinite(value)).toBe(true);
            expect(value).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { seed: 11, numRuns: 500 },
    );
  });

  it('drains an earlier backlog with spare capacity, which adds to the wait while it lasts', () => {
    const calm = evaluatePool({ ...base, lambda: 50, serviceSeconds: 0.01 });
    const draining = evaluatePool({ ...base, lambda: 50, serviceSeconds: 0.01, backlog: 1000 });
    expect(draining.backlogAfter).toBe(0); // 50 req/s spare for 60 s clears 1,000
    expect(draining.served).toBeCloseTo(50 + 1000 / TICK_SECONDS, 9);
    expect(draining.meanSeconds).toBeGreaterThan(calm.meanSeconds);
  });
});
