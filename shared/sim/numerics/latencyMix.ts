/**
 * Latency of many request streams together. Each stream (a region's requests of one class) is
 * described by its fixed delay (network, processing), its mean and its 95th percentile; its tail
 * is taken as a shifted exponential through that percentile, P(T > x) = e^(−ln20·(x−base)/(p95−base)).
 * The mixture of all streams gives the header's p50/p95 and the share served within the objective.
 */
import { exp, ln } from './math';

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
  // Each stream's own q-quantile is base + spread·ln(1/(1−q))/ln 20; the mixture's lies between
  // the smallest and the largest of them, which makes a tight starting bracket.
  const scale = ln(1 / (1 - q)) / LN_20;
  let total = 0;
  let low = Infinity;
  let high = 0;
  let weighted = 0;
  for (const stream of streams) {
    const weight = stream.weight * stream.ok;
    if (weight <= 0) continue;
    const own = stream.baseSeconds + Math.max(0, stream.p95Seconds - stream.baseSeconds) * scale;
    total += weight;
    weighted += weight * own;
    low = Math.min(low, own);
    high = Math.max(high, own);
  }
  if (total <= 0) return 0;
  if (high - low <= 1e-12 * high) return high;
  let x = weighted / total;
  const target = (1 - q) * total;
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
    if (excess === 0) return x;
    if (excess > 0) low = x;
    else high = x;
    const stepSize = slope < 0 ? excess / slope : NaN;
    // Newton converges quadratically: once its step is below 1e-6 of x, x − step is off by about
    // the step's square, far below a microsecond (checked before the bracket, which x itself may
    // sit on).
    if (Math.abs(stepSize) <= 1e-6 * x) return x - stepSize;
    const newton = x - stepSize;
    x = newton > low && newton < high ? newton : (low + high) / 2;
    if (high - low <= 1e-12 * high) break;
  }
  return x;
}
