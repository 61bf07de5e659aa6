/**
 * Every chapter teaches its idea: its reference solution (tests/fixtures/campaign/<id>.win.jsonl)
 * uses the idea, is carried out without a refusal, and wins with three stars on every seed tried;
 * the strongest build without the idea (<id>.without.jsonl) never uses it and loses on every seed;
 * doing nothing loses, and so does a system that serves no one. Seeds matter where a chapter has
 * random failures or world incidents: a solution that only wins on a lucky seed is not one.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chapterOutcome, chapters, usesIdea, type Chapter } from '../../shared/campaign';
import { parseCommandLog } from '../../shared/protocol/commands';
import { createSim, replay, USERS, type CommandEntry } from '../../shared/sim';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'campaign');
const SEEDS = [1, 7, 42, 2024, 90210];

function log(chapter: Chapter, kind: 'win' | 'without'): CommandEntry[] {
  return parseCommandLog(readFileSync(join(FIXTURES, `${chapter.scenario.id}.${kind}.jsonl`), 'utf8'));
}

/** Runs a chapter to its end; also reports every command the sim refused, with its reason. */
function play(chapter: Chapter, seed: number, entries: readonly CommandEntry[]) {
  const refusals: string[] = [];
  const state = replay(chapter.scenario, seed, entries, chapter.scenario.objectives.durationTicks!, (tick) => {
    for (const outcome of tick.lastOutcomes) if (!outcome.ok) refusals.push(`seq ${outcome.seq}: ${String(outcome.reason)}`);
  });
  return { outcome: chapterOutcome(chapter, state), refusals };
}

describe.each(chapters().map((chapter) => [chapter.scenario.id, chapter] as const))('chapter %s', (_id, chapter) => {
  it('its reference solution uses the idea and wins with three stars on every seed', () => {
    const entries = log(chapter, 'win');
    expect(entries.some((entry) => usesIdea(chapter, entry.command))).toBe(true);
    for (const seed of SEEDS) {
      const { outcome, refusals } = play(chapter, seed, entries);
      expect(refusals, `seed ${seed}`).toEqual([]);
      expect({ seed, status: outcome.status, stars: outcome.stars }).toEqual({ seed, status: 'won', stars: 3 });
    }
  });

  it('the strongest build without the idea loses on every seed', () => {
    const entries = log(chapter, 'without');
    expect(entries.filter((entry) => usesIdea(chapter, entry.command))).toEqual([]);
    for (const seed of SEEDS) {
      const { outcome, refusals } = play(chapter, seed, entries);
      expect(refusals, `seed ${seed}`).toEqual([]);
      expect({ seed, status: outcome.status }).toEqual({ seed, status: 'lost' });
    }
  });

  it('doing nothing loses, and so does serving no one', () => {
    expect(play(chapter, 1, []).outcome.status).toBe('lost');
    // Users' DNS entries taken away at once: nothing is served, whatever else the system has.
    const entries = Object.values(createSim(chapter.scenario, 1).entries).map((to, seq): CommandEntry => ({
      tick: 0,
      team: 'solo',
      player: 'p1',
      seq,
      command: { type: 'disconnect', from: USERS, to },
    }));
    const winningRest = log(chapter, 'win').map((entry) => ({ ...entry, seq: entry.seq + entries.length }));
    const unserved = [...entries, ...winningRest.filter((entry) => !(entry.command.type === 'connect' && entry.command.from === USERS))];
    expect(play(chapter, 1, unserved).outcome.status).toBe('lost');
  });
});
