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
 * The q-quantile of the successful requests' latency over all streams: the root of the
 * mixture's tail minus (1 − q), by Newton's method safeguarded by bisection (each stream's tail
 * has a closed-form slope), with a fixed iteration bound so it stays deterministic and cheap.
 */
export function mixtureQuantile(streams: readonly LatencyStream[], q: number): number {
  let total = 0;
  let high = 0;
  for (const stream of streams) {
    const weight = stream.weight * stream.ok;
    if (weight <= 0) continue;
    total += weight;
    // Beyond base + 8·spread a stream's tail is below 20^-8: a safe upper end for the search.
    high = Math.max(high, stream.baseSeconds + 8 * Math.max(0, stream.p95Seconds - stream.baseSeconds));
  }
  if (total <= 0) return 0;
  const target = (1 - q) * total;
  let low = 0;
  let x = high / 2;
  for (let i = 0; i < 60; i++) {
    let excess = -target;
    let slope = 0;
    for (const stream of streams) {
      const weight = stream.weight * stream.ok;
      if (weight <= 0) continue;
      const tail = streamTail(stream, x);
      excess += weight * tail;
      const spread = stream.p95Seconds - stream.baseSeconds;
      if (x >= stream.baseSeconds && spread > 0) slope -= (weight * tail * LN_20) / spread;
    }
    if (excess > 0) low = x;
    else high = x;
    if (high - low <= 1e-9 * high) break;
    const newton = slope < 0 ? x - excess / slope : NaN;
    x = newton > low && newton < high ? newton : (low + high) / 2;
  }
  return x;
}
