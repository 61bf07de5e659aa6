/**
 * Scrubbing a replay from keyframes reaches, at every tick, exactly the state a plain re-run from
 * the start reaches (the same hash): on a chapter's reference game, and on a team that went
 * bankrupt before the end (the room kept stepping it, as the scrubber does); built in uneven
 * steps, it reaches the same states and shows its watcher each tick's state once, in order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findChapter } from '../../shared/campaign';
import { loadPreset } from '../../shared/scenarios';
import { parseCommandLog } from '../../shared/protocol/commands';
import { ReplayScrubber, type StateWatcher } from '../../shared/replay/scrubber';
import { hashState, replay, type CommandEntry, type Scenario } from '../../shared/sim';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'campaign');
const chapter = findChapter('04-scale-out')!;
const log = parseCommandLog(readFileSync(join(FIXTURES, '04-scale-out.win.jsonl'), 'utf8'));
const finalTick = chapter.scenario.objectives.durationTicks!;

/** The state after `ticks` room ticks by a plain re-run from the start (what anyone with the replay computes). */
function plain(scenario: Scenario, entries: readonly CommandEntry[], ticks: number, seed = 7): string {
  return hashState(replay(scenario, seed, entries, ticks));
}

describe('a replay scrubbed from keyframes', () => {
  const scrubber = new ReplayScrubber({ scenario: chapter.scenario, seed: 7, log, team: log[0]!.team, finalTick }, 60).buildAll();

  it('is at every tick the state a re-run from the start reaches', () => {
    for (const tick of [0, 1, 59, 60, 61, 119, 120, finalTick - 1, finalTick]) {
      expect(hashState(scrubber.stateAt(tick)), `tick ${tick}`).toBe(plain(chapter.scenario, log, tick));
    }
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: finalTick }),
        (tick) => hashState(scrubber.stateAt(tick)) === plain(chapter.scenario, log, tick),
      ),
      { numRuns: 12 },
    );
  });

  it('keeps one keyframe per interval, clamps ticks outside the game, and hands out copies', () => {
    expect(scrubber.keyframeCount).toBe(Math.floor(finalTick / 60) + 1);
    expect(hashState(scrubber.stateAt(-5))).toBe(plain(chapter.scenario, log, 0));
    expect(hashState(scrubber.stateAt(finalTick + 100))).toBe(plain(chapter.scenario, log, finalTick));
    const copy = scrubber.stateAt(300);
    copy.money = -1;
    expect(scrubber.stateAt(300).money).not.toBe(-1);
  });

  it("applies only its own team's commands", () => {
    const other: CommandEntry[] = log.map((entry) => ({ ...entry, team: 'rival' }));
    const own = new ReplayScrubber({
      scenario: chapter.scenario,
      seed: 7,
      log: [...log, ...other],
      team: log[0]!.team,
      finalTick,
    }).buildAll();
    expect(hashState(own.stateAt(finalTick))).toBe(plain(chapter.scenario, log, finalTick));
  });

  it('follows a team that went bankrupt before the end to the same final state', () => {
    // Ten times the prices and no revenue: out of money near tick 60 of 300.
    const broke: Scenario = { ...loadPreset('constant-load'), startMoney: 60, priceFactor: 10, revenuePerUserDay: 0 };
    const scrub = new ReplayScrubber({ scenario: broke, seed: 7, log: [], team: 'solo', finalTick: 300 }, 50).buildAll();
    const end = scrub.stateAt(300);
    expect(end.gameOver?.reason).toBe('bankrupt');
    expect(end.gameOver!.tick).toBeLessThan(100);
    expect(hashState(end)).toBe(plain(broke, [], 300));
    expect(hashState(scrub.stateAt(180))).toBe(plain(broke, [], 180));
  });

  it('is built in steps to the same states, and shows its watcher every state of the one run on the way', () => {
    const game = { scenario: chapter.scenario, seed: 7, log, team: log[0]!.team, finalTick };
    const stepped = new ReplayScrubber(game, 60);
    expect(() => stepped.stateAt(0)).toThrow(/built to tick 0 of/);
    const checked = [0, 1, 60, 167, 168, finalTick];
    const seen: number[] = [];
    const hashes = new Map<number, string>();
    const watch: StateWatcher = (state, tick) => {
      seen.push(tick);
      if (checked.includes(tick)) hashes.set(tick, hashState(state));
    };
    // Uneven steps, one of them past the end.
    for (const ticks of [0, 1, 59, 100, 7, finalTick]) {
      const before = stepped.builtTicks;
      stepped.buildOn(ticks, watch);
      expect(stepped.builtTicks).toBe(Math.min(finalTick, before + ticks));
    }
    expect(stepped.built).toBe(true);
    expect(stepped.keyframeCount).toBe(scrubber.keyframeCount);
    expect(seen).toEqual(Array.from({ length: finalTick + 1 }, (_, tick) => tick));
    for (const tick of checked) expect(hashes.get(tick), `tick ${tick}`).toBe(plain(chapter.scenario, log, tick));
    for (const tick of [0, 61, 299, finalTick]) expect(hashState(stepped.stateAt(tick))).toBe(hashState(scrubber.stateAt(tick)));
  });
});
