/**
 * Latency of many request streams together. Each stream (a region's requests of one class) is
 * described by its fixed delay (network, processing), its mean and its 95th percentile; its tail
 * is taken as a shifted exponential through that percentile, P(T > x) = e^(−ln20·(x−base)/(p95−base)).
 * The mixture of all streams gives the header's p50/p95 and the share served within the objective.
 */
import { exp } from './math';

const LN_20 = 2.995732273553991;

export interface LatencyStream {
  /** Requests per second in the stream (its weight). */
  weight: number;
  /** Share of those requests that succeed. */
  ok: number;
  baseSeconds: number;
  p95Seconds: number;
}

/** P(T > x) for one stream. */
export function streamTail(stream: LatencyStream, x: number): number {
  if (x < stream.baseSeconds) return 1;
  const spread = stream.p95Seconds - stream.baseSeconds;
  if (spread <= 0) return 0;
  return exp((-LN_20 * (x - stream.baseSeconds)) / spread);
}

/** Share of all requests that succeed within `objectiveSeconds`. */
export function shareWithin(streams: readonly LatencyStream[], objectiveSeconds: number): number {
  let total = 0;
  let good = 0;
  for (const stream of streams) {
    total += stream.weight;
    good += stream.weight * stream.ok * (1 - streamTail(stream, objectiveSeconds));
  }
  return total > 0 ? good / total : 1;
}

/**
 * The q-quantile of the successful requests' latency over all streams, by bisection on the
 * mixture's tail (a fixed number of halvings keeps it deterministic and cheap).
 */
export function mixtureQuantile(streams: readonly LatencyStream[], q: number): number {
  let total = 0;
  let high = 0;
  for (const stream of streams) {
    const weight = stream.weight * stream.ok;
    if (weight <= 0) continue;
    total += weight;
    // Beyond base + 4·spread a stream's tail is below 20^-4: a safe upper end for the search.
    high = Math.max(high, stream.baseSeconds + 4 * Math.max(0, stream.p95Seconds - stream.baseSeconds));
  }
  if (total <= 0) return 0;
  const target = 1 - q;
  let low = 0;
  for (let i = 0; i < 48; i++) {
    const mid = (low + high) / 2;
    let tail = 0;
    for (const stream of streams) {
      const weight = stream.weight * stream.ok;
      if (weight > 0) tail += weight * streamTail(stream, mid);
    }
    if (tail / total > target) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
