/**
 * Determinism: the same scenario, seed and command log give the same state, hash for hash, at
 * every tick — however the log is ordered, whether it is replayed or fed live, and across a JSON
 * snapshot. The golden fixtures pin the hashes themselves, so a change in any engine or any edit
 * of the model that moves them shows up here (see tests/fixtures/README.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandEntrySchema } from '../../shared/protocol/commands';
import { loadPreset, PRESET_IDS } from '../../shared/scenarios';
import { createSim, hashState, replay, step, type CommandEntry, type SimState } from '../../shared/sim';
import { constantLoadBuildLog, sandboxBuildLog } from '../fixtures/buildLogs';
import { computeCheckpoints, GOLDEN_CASES, GOLDEN_FORMAT, type GoldenFixture } from '../fixtures/golden';
import { nonJsonNumbers } from '../helpers/json';

const TICKS = 1500;
const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'golden');

const CASES: Array<{ scenario: string; seed: number; log: () => CommandEntry[] }> = [
  { scenario: 'constant-load', seed: 11, log: constantLoadBuildLog },
  { scenario: 'sandbox', seed: 5, log: sandboxBuildLog },
];

/** The hash after every tick of a replay. */
function replayHashes(scenario: string, seed: number, log: readonly CommandEntry[], ticks = TICKS): string[] {
  const hashes: string[] = [];
  replay(loadPreset(scenario), seed, log, ticks, (state) => hashes.push(hashState(state)));
  return hashes;
}

/** A small deterministic PRNG (mulberry32) for shuffling logs without Math.random. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = prng(seed);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** The first tick at which two hash series differ, or -1: a readable failure instead of a 1,500-line diff. */
function firstDifference(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i + 1;
  return -1;
}

describe.each(CASES)('$scenario, seed $seed, build log over 1,500 ticks', ({ scenario, seed, log }) => {
  let reference: string[] = [];
  beforeAll(() => {
    reference = replayHashes(scenario, seed, log());
  });

  it('builds a real system: most commands apply and the run does not end early', () => {
    const state = createSim(loadPreset(scenario), seed);
    const byTick = new Map<number, CommandEntry[]>();
    for (const entry of log()) byTick.set(entry.tick, [...(byTick.get(entry.tick) ?? []), entry]);
    let applied = 0;
    let refused = 0;
    for (let t = 0; t < TICKS; t++) {
      step(state, byTick.get(state.tick) ?? []);
      for (const outcome of state.lastOutcomes) {
        if (outcome.ok) applied++;
        else refused++;
      }
    }
    expect(state.gameOver).toBeNull();
    expect(applied).toBeGreaterThan(2 * refused);
    expect(state.components.length).toBeGreaterThanOrEqual(3);
    expect(new Set(reference).size).toBeGreaterThan(TICKS / 2); // the state keeps changing
  });

  it('gives the same hash at every tick in two independent runs', () => {
    const again = replayHashes(scenario, seed, log());
    expect(again).toHaveLength(TICKS);
    expect(firstDifference(again, reference)).toBe(-1);
  });

  it('gives the same hashes whatever the order of the log entries', () => {
    for (const order of [shuffled(log(), 1), [...log()].reverse()]) {
      expect(firstDifference(replayHashes(scenario, seed, order), reference)).toBe(-1);
    }
  });

  it('replay reproduces a live run fed tick by tick with every pending command', () => {
    // Live: commands arrive in shuffled order and wait in an inbox; each step is given the whole
    // inbox (future ticks included), which it must ignore except for the current tick.
    const state = createSim(loadPreset(scenario), seed);
    const arrivals = shuffled(log(), 99);
    const inbox: CommandEntry[] = [];
    const live: string[] = [];
    for (let t = 0; t < TICKS; t++) {
      // A command reaches the server some ticks before it is due, one at a time.
      for (let i = 0; i < arrivals.length; i++) {
        if (arrivals[i]!.tick <= state.tick + 3) inbox.push(...arrivals.splice(i--, 1));
      }
      step(state, inbox);
      live.push(hashState(state));
      for (let i = inbox.length - 1; i >= 0; i--) if (inbox[i]!.tick < state.tick) inbox.splice(i, 1);
    }
    expect(firstDifference(live, reference)).toBe(-1);
  });

  it('a run resumed from a JSON snapshot continues to the same hashes', () => {
    const snapshotTick = 700;
    const byTick = new Map<number, CommandEntry[]>();
    for (const entry of log()) byTick.set(entry.tick, [...(byTick.get(entry.tick) ?? []), entry]);
    let state: SimState = createSim(loadPreset(scenario), seed);
    for (let t = 0; t < snapshotTick; t++) step(state, byTick.get(state.tick) ?? []);
    const snapshotText = JSON.stringify(state);
    // The snapshot is all there is: the RNG streams, timers and backlogs live in the state.
    state = JSON.parse(snapshotText) as SimState;
    expect(hashState(state)).toBe(reference[snapshotTick - 1]);
    const resumed: string[] = [];
    for (let t = snapshotTick; t < TICKS; t++) {
      step(state, byTick.get(state.tick) ?? []);
      resumed.push(hashState(state));
    }
    expect(firstDifference(resumed, reference.slice(snapshotTick))).toBe(-1);
  });

  it('keeps the state plain JSON at every tick: no NaN, no Infinity, the round trip equals itself', () => {
    const problems: string[] = [];
    replay(loadPreset(scenario), seed, log(), TICKS, (state) => {
      if (problems.length > 0) return;
      const found = nonJsonNumbers(state);
      if (found.length > 0) problems.push(`tick ${state.tick}: ${found.slice(0, 5).join(', ')}`);
      else if (state.tick % 100 === 0 && hashState(JSON.parse(JSON.stringify(state))) !== hashState(state)) {
        problems.push(`tick ${state.tick}: JSON round trip changes the hash`);
      }
    });
    expect(problems).toEqual([]);
  });
});

describe('seeds', () => {
  /** The state without its seed and RNG words, which differ trivially between seeds. */
  function outcome(state: SimState): string {
    const { seed: _seed, rng: _rng, ...rest } = state;
    return hashState(rest);
  }

  it('different seeds give different sandbox games (random incidents come from the seed)', () => {
    const preset = loadPreset('sandbox');
    const runs = [1, 42, 7].map((seed) => replay(preset, seed, sandboxBuildLog(), TICKS));
    expect(new Set(runs.map(hashState)).size).toBe(3);
    expect(new Set(runs.map(outcome)).size).toBe(3);
    const incidentTicks = runs.map((state) => JSON.stringify(state.incidents.map((i) => [i.type, i.startTick, i.target])));
    expect(new Set(incidentTicks).size).toBe(3);
    expect(runs.filter((state) => state.incidents.length > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('the seed does not matter where nothing is random (constant-load has no incidents)', () => {
    const preset = loadPreset('constant-load');
    const [a, b] = [3, 4].map((seed) => replay(preset, seed, constantLoadBuildLog(), 300));
    expect(hashState(a!)).not.toBe(hashState(b!)); // seed and RNG words are part of the state
    expect(outcome(a!)).toBe(outcome(b!));
  });

  it('the same seed as a number and as its 32-bit form is the same game', () => {
    const preset = loadPreset('sandbox');
    expect(hashState(createSim(preset, 2 ** 32 + 5))).toBe(hashState(createSim(preset, 5)));
  });
});

describe('golden fixtures', () => {
  const files = readdirSync(GOLDEN_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const fixtures = files.map((name) => ({ name, fixture: JSON.parse(readFileSync(join(GOLDEN_DIR, name), 'utf8')) as GoldenFixture }));

  it('there is a file for every case, and at least three', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const golden of GOLDEN_CASES) expect(files).toContain(`${golden.name}.json`);
  });

  it.each(fixtures)('$name is well formed and its log is a valid wire log', ({ fixture }) => {
    expect(fixture.format).toBe(GOLDEN_FORMAT);
    expect(PRESET_IDS).toContain(fixture.scenario);
    expect(Number.isInteger(fixture.seed)).toBe(true);
    for (const entry of fixture.commands) expect(commandEntrySchema.safeParse(entry).success).toBe(true);
    expect(fixture.checkpoints.length).toBeGreaterThanOrEqual(5);
    expect(fixture.checkpoints.at(-1)!.tick).toBe(fixture.ticks);
    for (const checkpoint of fixture.checkpoints) expect(checkpoint.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each(fixtures)('$name: a fresh run matches every checkpoint hash', ({ fixture }) => {
    const wanted = new Set(fixture.checkpoints.map((c) => c.tick));
    const actual = computeCheckpoints(fixture.scenario, fixture.seed, fixture.commands, fixture.ticks, (tick) => wanted.has(tick));
    // On failure, regenerate only for a deliberate model change (tests/fixtures/generate-golden.ts).
    expect(actual).toEqual(fixture.checkpoints);
  });

  it('the stored logs are still the ones the generator would write', () => {
    for (const golden of GOLDEN_CASES) {
      const stored = fixtures.find((f) => f.name === `${golden.name}.json`)!.fixture;
      expect({ scenario: stored.scenario, seed: stored.seed, commands: stored.commands }).toEqual({
        scenario: golden.scenario,
        seed: golden.seed,
        commands: golden.commands,
      });
    }
  });
});
