// Scenarios saved from the editor, as rooms and the HTTP routes find them.
import { randomBytes } from 'node:crypto';
import { scenarioSchema } from '../../shared/scenarios';
import type { Scenario } from '../../shared/sim';
import type { GameStore } from './types';

/** A saved scenario's id: the prefix keeps it apart from every shipped scenario's. */
const SAVED_ID = /^custom-[0-9a-f]{12}$/;

export function newSavedScenarioId(): string {
  return `custom-${randomBytes(6).toString('hex')}`;
}

/** Whether a room's `scenario` option names a saved scenario rather than a shipped one. */
export function isSavedScenarioId(id: string): boolean {
  return SAVED_ID.test(id);
}

/**
 * The saved scenario a room is created with, parsed as the simulation takes it; null when the id
 * names no saved scenario (the room then refuses it as `unknown-scenario`). A document that no
 * longer parses (saved under an older schema) is treated as unknown too.
 */
export async function loadSavedScenario(store: GameStore, id: string): Promise<Scenario | null> {
  if (!isSavedScenarioId(id)) return null;
  const saved = await store.getScenario(id);
  if (saved === null) return null;
  const parsed = scenarioSchema.safeParse(JSON.parse(saved.document));
  return parsed.success ? parsed.data : null;
}
