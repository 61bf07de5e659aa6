/**
 * Textbook reference figures the tests hold the sim's numerics against, written here
 * independently of shared/sim: Erlang C, Zipf popularity, and the seeded generator the tests'
 * own event simulations draw from. One copy each, so two tests cannot check against two
 * slightly different references.
 */

/** Erlang C (the probability an arrival waits in M/M/c) by direct summation, for offered load `a` < c. */
export function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const top = ((term * a) / c) * (c / (c - a));
  return top / (sum + top);
}

/** Zipf(α) probabilities p_i = i^−α / H_{N,α} of ranks i = 1…n, summed in rank order. */
export function zipf(n: number, alpha: number): Float64Array {
  const p = new Float64Array(n);
  let z = 0;
  for (let i = 0; i < n; i++) {
    p[i] = Math.pow(i + 1, -alpha);
    z += p[i]!;
  }
  for (let i = 0; i < n; i++) p[i]! /= z;
  return p;
}

/**
 * A seeded uniform generator on (0, 1) (xorshift32; seed 0 counts as 1). The tests' event
 * simulations draw from it so that their figures, and the tolerances pinned against them, repeat.
 */
export function xorshift32(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return (state + 0.5) / 4294967296;
  };
}
