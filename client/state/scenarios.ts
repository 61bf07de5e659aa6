/**
 * The one place the client finds a scenario's data by its id. The wire state carries only the id
 * the room runs; the shipped scenarios are bundled with the client, so the UI (ui/scenarioInfo.ts)
 * and the diagram (view/scenarioFacts.ts) read regions, objectives, prices and the request mix
 * from here, and the dev pages start their local games from here. Each preset is validated once
 * and kept: callers read it and must not change it (createSim copies what it keeps).
 *
 * A scenario saved from the editor (an id such as `custom-3f2a9c0d1e4b`) is not bundled: the first
 * lookup fetches it from the server, and `savedScenarioLoads` changes once it has arrived, so that
 * screens drawn meanwhile (with the fallbacks of an unknown scenario) draw again.
 */
import { isShippedScenario, loadPreset, scenarioSchema } from '../../shared/scenarios';
import type { Scenario } from '../../shared/sim';
import { Store } from './store';

const presets = new Map<string, Scenario | null>();
const SAVED_ID = /^custom-[0-9a-f]{12}$/;

/** Counts saved scenarios fetched so far: watch it to draw again with one that has just arrived. */
export const savedScenarioLoads = new Store(0);

async function fetchSaved(id: string): Promise<void> {
  try {
    const response = await fetch(`/api/scenarios/${id}`);
    if (!response.ok) return;
    const parsed = scenarioSchema.safeParse(((await response.json()) as { scenario?: unknown }).scenario);
    if (!parsed.success) return;
    presets.set(id, parsed.data);
    savedScenarioLoads.update((count) => count + 1);
  } catch {
    // Offline or refused: the screens keep the fallbacks of an unknown scenario.
  }
}

/**
 * Makes a scenario a replay or a debrief carries known by its own id, when no shipped scenario
 * has that id (a saved one may not take a shipped id): its regions and names then show as written.
 */
export function rememberScenario(scenario: Scenario): void {
  if (presets.get(scenario.id) != null || isShippedScenario(scenario.id)) return;
  presets.set(scenario.id, scenario);
}

/** The shipped or saved scenario with this id, or null for an unknown one (or a saved one still on its way). */
export function scenarioPreset(id: string): Scenario | null {
  if (!presets.has(id)) {
    if (SAVED_ID.test(id)) {
      presets.set(id, null);
      void fetchSaved(id);
    } else {
      try {
        presets.set(id, loadPreset(id));
      } catch {
        presets.set(id, null);
      }
    }
  }
  return presets.get(id) ?? null;
}
