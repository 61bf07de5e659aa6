/** The scenarios that ship with the game, validated on load, by id: the presets and the campaign's chapters. */
import { findChapter } from '../campaign';
import type { Scenario } from '../sim/core/scenario';
import constantLoad from '../../assets/scenarios/constant-load.json' with { type: 'json' };
import sandbox from '../../assets/scenarios/sandbox.json' with { type: 'json' };
import { parseScenario } from './schema';

export { parseScenario, scenarioSchema } from './schema';

/** The free-play presets' files as they are on disk, in menu order (the editor starts from their own text). */
export const PRESET_FILES: Readonly<Record<string, unknown>> = {
  sandbox,
  'constant-load': constantLoad,
};

/** Names of the shipped free-play scenarios, in menu order (chapters are listed by the campaign). */
export const PRESET_IDS = Object.keys(PRESET_FILES);

/** A shipped scenario (a preset or a chapter's) by id, validated; throws with the known presets when there is none. */
export function loadPreset(id: string): Scenario {
  const chapter = findChapter(id);
  if (chapter !== null) return chapter.scenario;
  const data = PRESET_FILES[id];
  if (data === undefined) throw new Error(`unknown scenario "${id}" (known: ${PRESET_IDS.join(', ')} and the campaign's chapters)`);
  return parseScenario(data);
}

/** Whether a scenario with this id ships with the game. */
export function isShippedScenario(id: string): boolean {
  return Object.hasOwn(PRESET_FILES, id) || findChapter(id) !== null;
}
