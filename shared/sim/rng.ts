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

/**
 * Draws a uniform number in [0, 1) from a stream and advances the stream in place.
 * Built from one 32-bit output: exact integer arithmetic, identical in every engine.
 */
export function nextUniform(stream: number[]): number {
  const generator = xoroshiro128plusFromState(stream);
  const value = generator.next();
  const next = generator.getState();
  for (let i = 0; i < 4; i++) stream[i] = next[i] as number;
  return (value >>> 0) / TWO_POW_32;
}
