/**
 * Web servers that call the same components share one composed downstream path per tick. A
 * server that calls something different (here: a cache) must get its own path, wherever it
 * stands in the build order.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../shared/sim';
import { Driver } from '../helpers/driver';
import { constantScenario, mix, posts } from '../helpers/scenarios';

type Spec = Scenario['initialTopology'][number];

/** users → lb → web servers (indices 1…) → one RDBMS; `cachedWebs` of them also call one cache. */
function system(order: ('cached' | 'plain')[]): Scenario {
  const webs: Spec[] = order.map(() => ({ kind: 'web', region: 'ap', size: 'xlarge', connectFrom: [0] }));
  const cachedWebs = order.flatMap((kind, index) => (kind === 'cached' ? [1 + index] : []));
  return constantScenario({
    traffic: { mode: 'constant', requestsPerSecond: 600 },
    classMix: mix({ read: 1 }),
    datasets: [posts()],
    initialTopology: [
      { kind: 'lb', region: 'ap', connectFrom: ['users'] },
      ...webs,
      { kind: 'db', region: 'ap', size: 'large', engine: 'rdbms', connectFrom: webs.map((_, index) => 1 + index) },
      { kind: 'cache', region: 'ap', size: 'large', connectFrom: cachedWebs },
    ],
  });
}

function latency(order: ('cached' | 'plain')[]) {
  const sim = new Driver(system(order)).run(40);
  return sim.state.summary;
}

describe('shared downstream paths of alike web servers', () => {
  it('gives the same latency whichever order cached and uncached servers were bought in', () => {
    const reference = latency(['cached', 'cached', 'plain', 'plain']);
    for (const order of [
      ['plain', 'plain', 'cached', 'cached'],
      ['cached', 'plain', 'cached', 'plain'],
      ['plain', 'cached', 'plain', 'cached'],
    ] as const) {
      const summary = latency([...order]);
      expect(summary.p50LatencyMs).toBeCloseTo(reference.p50LatencyMs, 6);
      expect(summary.p95LatencyMs).toBeCloseTo(reference.p95LatencyMs, 6);
      expect(summary.availability).toBeCloseTo(reference.availability, 9);
    }
  });

  it('a cached server is faster than an uncached one: the mix lies strictly between the two', () => {
    const allCached = latency(['cached', 'cached', 'cached', 'cached']);
    const noneCached = latency(['plain', 'plain', 'plain', 'plain']);
    const half = latency(['cached', 'cached', 'plain', 'plain']);
    expect(allCached.p50LatencyMs).toBeLessThan(noneCached.p50LatencyMs);
    expect(half.p50LatencyMs).toBeGreaterThan(allCached.p50LatencyMs);
    expect(half.p50LatencyMs).toBeLessThan(noneCached.p50LatencyMs);
  });
});
