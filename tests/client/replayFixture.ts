/**
 * Replays for the replay viewer's tests, as the server would store them, with the final hash a
 * plain re-run from the start reaches: a chapter's winning game (chapter 1: 600 ticks), or the
 * golden sandbox build played on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChapter } from '../../shared/campaign';
import { parseCommandLog } from '../../shared/protocol/commands';
import type { ReplayDocument } from '../../shared/protocol/results';
import { loadPreset } from '../../shared/scenarios';
import { hashState, replay, SIM_VERSION } from '../../shared/sim';
import { sandboxBuildLog } from '../fixtures/buildLogs';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'campaign');

/** Chapter `id`'s winning log as a stored replay of the solo team. */
export function chapterReplay(id = '01-one-server', seed = 7): ReplayDocument {
  const chapter = findChapter(id);
  if (chapter === null) throw new Error(`no chapter ${id}`);
  const log = parseCommandLog(readFileSync(join(FIXTURES, `${id}.win.jsonl`), 'utf8'));
  const finalTick = chapter.scenario.objectives.durationTicks as number;
  const end = replay(chapter.scenario, seed, log, finalTick);
  return {
    id: 'fixture1',
    scenario: chapter.scenario,
    seed,
    teams: ['solo'],
    log,
    finalTick,
    finalHashes: { solo: hashState(end) },
    version: SIM_VERSION,
  };
}

/**
 * A busier game than any chapter's: the golden sandbox build (balancer, autoscaled web group,
 * NoSQL, a replica…; seed 42, three traffic spikes) played on for `ticks` ticks.
 */
export function sandboxBuildReplay(ticks: number): ReplayDocument {
  const scenario = loadPreset('sandbox');
  const log = sandboxBuildLog().map((entry) => ({ ...entry, team: 'solo' }));
  return {
    id: 'sandbox42',
    scenario,
    seed: 42,
    teams: ['solo'],
    log,
    finalTick: ticks,
    finalHashes: { solo: hashState(replay(scenario, 42, log, ticks)) },
    version: SIM_VERSION,
  };
}

/** The plain re-run's hash at `tick` (what the viewer must show there). */
export function hashAt(doc: ReplayDocument, tick: number, team = 'solo'): string {
  return hashState(
    replay(
      doc.scenario,
      doc.seed,
      doc.log.filter((entry) => entry.team === team),
      tick,
    ),
  );
}
