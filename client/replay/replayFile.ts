/**
 * A replay file as a player opens it (picked or dropped on the page), or the server's answer to
 * GET /api/replays/:id: checked before anything re-runs it, so a wrong file gets a clear message
 * in the player's language instead of a simulation that throws half-way. The checks are the
 * server's own schemas (a scenario as the presets are validated, each log entry as a command log
 * line), so a file the server wrote always passes and a hand-edited one is held to the same rules.
 */
import { z } from 'zod';
import type { ReplayDocument } from '../../shared/protocol/results';
import { commandEntrySchema } from '../../shared/protocol/commands';
import { formatZodError } from '../../shared/protocol/zodErrors';
import { scenarioSchema } from '../../shared/scenarios';

/** Why a file is not opened; each is a key under ui.replay.error in the locales. */
export type ReplayFileError = 'notJson' | 'notReplay' | 'tooLarge' | 'unreadable';

export type ParsedReplay = { ok: true; replay: ReplayDocument } | { ok: false; error: ReplayFileError; detail: string };

/** Larger than any stored game's replay (a long workshop's log is a few megabytes), small enough to read at once. */
export const MAX_REPLAY_BYTES = 50 * 1024 * 1024;

/**
 * The longest game a replay may hold: 30 simulated days. Opening one re-runs it from the start
 * (about a second per three days), so a file claiming more would keep the page busy for nothing.
 */
const MAX_TICKS = 30 * 1440;

/** An id as the server's short ids are written (the replay's link uses it). */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

const teamId = z.string().min(1).max(32);

// Loose: the server's answer also carries its own fields (roomId, createdAt), which are not needed.
const replaySchema = z
  .object({
    id: z.string().regex(ID).optional(),
    scenario: scenarioSchema,
    seed: z.number().int(),
    teams: z.array(teamId).min(1).max(64),
    log: z.array(commandEntrySchema),
    finalTick: z.number().int().min(0).max(MAX_TICKS),
    finalHashes: z.record(teamId, z.string()),
    // Replays stored before they said their simulation's version have none.
    version: z.number().int().nullable().optional(),
  })
  .refine((replay) => new Set(replay.teams).size === replay.teams.length, { message: 'each team once', path: ['teams'] });

/** Checks an already parsed JSON value; `fallbackId` names a replay that carries no id of its own. */
export function parseReplay(data: unknown, fallbackId = 'file'): ParsedReplay {
  const result = replaySchema.safeParse(data);
  if (!result.success) return { ok: false, error: 'notReplay', detail: formatZodError(result.error) };
  const { id, scenario, seed, teams, log, finalTick, finalHashes, version } = result.data;
  return { ok: true, replay: { id: id ?? fallbackId, scenario, seed, teams, log, finalTick, finalHashes, version: version ?? null } };
}

/** Checks a replay file's text. */
export function parseReplayText(text: string, fallbackId?: string): ParsedReplay {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: 'notJson', detail: error instanceof Error ? error.message : String(error) };
  }
  return parseReplay(data, fallbackId);
}

/** Reads and checks a file the player picked or dropped (its size first: a huge file is not read at all). */
export async function readReplayFile(file: Pick<File, 'size' | 'text'>): Promise<ParsedReplay> {
  if (file.size > MAX_REPLAY_BYTES) return { ok: false, error: 'tooLarge', detail: `${file.size} bytes` };
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, error: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
  return parseReplayText(text);
}
