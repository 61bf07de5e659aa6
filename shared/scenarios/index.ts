/** The scenarios that ship with the game, validated on load, by id. */
import type { Scenario } from '../sim/core/scenario';
import constantLoad from '../../assets/scenarios/constant-load.json' with { type: 'json' };
import sandbox from '../../assets/scenarios/sandbox.json' with { type: 'json' };
import { parseScenario } from './schema';

export { parseScenario, scenarioSchema } from './schema';

const PRESETS: Record<string, unknown> = {
  sandbox,
  'constant-load': constantLoad,
};

/** Names of the shipped scenarios, in menu order. */
export const PRESET_IDS = Object.keys(PRESETS);

/** A shipped scenario by id, validated; throws with the known ids when there is none. */
export function loadPreset(id: string): Scenario {
  const data = PRESETS[id];
  if (data === undefined) throw new Error(`unknown scenario "${id}" (known: ${PRESET_IDS.join(', ')})`);
  return parseScenario(data);
}
