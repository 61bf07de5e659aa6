/**
 * Seeded randomness whose whole state lives in the sim state (as xoroshiro128plus words), so a
 * snapshot resumes the same sequence. Streams are made independent with jump(): adding a server
 * draws from the failure stream only, so it never shifts the traffic spikes a rival team sees.
 */
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

const TWO_POW_32 = 4294967296;

/** Independent stream states derived from one seed: failures first, then world events. */
export function seedStreams(seed: number): { failures: number[]; world: number[] } {
  const generator = xoroshiro128plus(seed);
  const failures = generator.getState().slice();
  generator.jump();
  const world = generator.getState().slice();
  return { failures, world };
}

/** Draws uniform numbers in [0, 1) from one stream; see `drawFrom`. */
export type Uniform = () => number;

/**
 * Runs `use` with a function that draws uniform numbers in [0, 1) from `stream`, then stores the
 * advanced stream back in place. One generator per batch of draws, not one per draw: the flow
 * draws once per component per tick. Each number is one 32-bit output divided by 2^32: exact
 * integer arithmetic, identical in every engine.
 */
export function drawFrom<T>(stream: number[], use: (uniform: Uniform) => T): T {
  const generator = xoroshiro128plusFromState(stream);
  const result = use(() => (generator.next() >>> 0) / TWO_POW_32);
  const next = generator.getState();
  for (let i = 0; i < 4; i++) stream[i] = next[i] as number;
  return result;
}
