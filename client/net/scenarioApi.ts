/**
 * The server's store of scenarios written in the editor: save one under this browser's profile
 * (the server checks it with the same schema and answers its id, or the issues it found), fetch one
 * by id, and list the profile's own. A room runs a saved scenario when created with its id.
 */
import type { UiClient } from '../ui/uiClient';
import type { LocalText } from '../../shared/sim';

export interface SavedScenarioSummary {
  id: string;
  name: LocalText;
  createdAt: string;
}

interface SavedScenario {
  id: string;
  scenario: unknown;
  createdAt: string;
}

/** Why a save was refused: the server's reason code, or `unreachable` when no answer came. */
type SaveRefusal =
  | { error: 'invalid-scenario'; issues: unknown[] }
  | { error: 'invalid-profile' | 'body-too-large' | 'rate-limited' | 'too-many-scenarios' | 'unreachable' | 'failed' };

export type SaveAnswer = { ok: true; id: string } | ({ ok: false } & SaveRefusal);

const KNOWN_REFUSALS = new Set(['invalid-profile', 'body-too-large', 'rate-limited', 'too-many-scenarios']);

export async function saveScenario(origin: string, profile: string, scenario: unknown): Promise<SaveAnswer> {
  let answer: Response;
  try {
    answer = await fetch(`${origin}/api/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ profile, scenario }),
    });
  } catch {
    return { ok: false, error: 'unreachable' };
  }
  const body = (await answer.json().catch(() => null)) as { id?: unknown; error?: unknown; issues?: unknown } | null;
  if (answer.ok && typeof body?.id === 'string') return { ok: true, id: body.id };
  if (body?.error === 'invalid-scenario')
    return { ok: false, error: 'invalid-scenario', issues: Array.isArray(body.issues) ? body.issues : [] };
  if (answer.status === 413) return { ok: false, error: 'body-too-large' };
  if (answer.status === 429) return { ok: false, error: 'rate-limited' };
  if (typeof body?.error === 'string' && KNOWN_REFUSALS.has(body.error))
    return { ok: false, error: body.error as 'invalid-profile' | 'body-too-large' | 'rate-limited' | 'too-many-scenarios' };
  return { ok: false, error: 'failed' };
}

/** A saved scenario; null when the server does not know the id or cannot be reached. */
export async function fetchSavedScenario(origin: string, id: string): Promise<SavedScenario | null> {
  try {
    const answer = await fetch(`${origin}/api/scenarios/${encodeURIComponent(id)}`, { headers: { accept: 'application/json' } });
    return answer.ok ? ((await answer.json()) as SavedScenario) : null;
  } catch {
    return null;
  }
}

/** The profile's saved scenarios, newest first; null when the server cannot be reached. */
export async function listSavedScenarios(origin: string, profile: string): Promise<SavedScenarioSummary[] | null> {
  try {
    const answer = await fetch(`${origin}/api/scenarios?profile=${encodeURIComponent(profile)}`, {
      headers: { accept: 'application/json' },
    });
    if (!answer.ok) return null;
    const body = (await answer.json()) as { scenarios?: SavedScenarioSummary[] };
    return Array.isArray(body.scenarios) ? body.scenarios : null;
  } catch {
    return null;
  }
}

/** This browser's profile id: the anonymous player id the game client keeps (its seat key and campaign key). */
export function profileIdOf(client: Pick<UiClient, 'profileId'>): string | null {
  return client.profileId ?? null;
}
