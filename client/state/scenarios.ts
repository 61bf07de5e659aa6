/**
 * The one place the client finds a scenario's data by its id. The wire state carries only the id
 * the room runs; the shipped scenarios are bundled with the client, so the UI (ui/scenarioInfo.ts)
 * and the diagram (view/scenarioFacts.ts) read regions, objectives, prices and the request mix
 * from here, and the dev pages start their local games from here. Each preset is validated once
 * and kept: callers read it and must not change it (createSim copies what it keeps).
 */
import { loadPreset } from '../../shared/scenarios';
import type { Scenario } from '../../shared/sim';

const presets = new Map<string, Scenario | null>();

/** The shipped scenario with this id, or null for an unknown (custom) one. */
export function scenarioPreset(id: string): Scenario | null {
  if (!presets.has(id)) {
    try {
      presets.set(id, loadPreset(id));
    } catch {
      presets.set(id, null);
    }
  }
  return presets.get(id) ?? null;
}
