/**
 * Reading a replay, whatever wrote it: the server's answer to GET /api/replays/:id, a file a
 * player saved (compact, or the full form replays were saved in before), checked before anything
 * re-runs it. The checks are the server's own schemas (a scenario as the presets are validated,
 * each log entry as a command log line), so a replay the server wrote always passes and a
 * hand-edited one is held to the same rules. A compact file's numbers are checked first (every
 * index inside its table, as many values as its command's shape has fields), then what they
 * expand to, so a compact file someone changed is refused saying where, never half re-run.
 */
import { z } from 'zod';
import { commandEntrySchema } from '../protocol/commands';
import type { ReplayDocument } from '../protocol/results';
import type { CommandEntry } from '../sim/commands/command';
import { formatZodError } from '../protocol/zodErrors';
import { scenarioSchema } from '../scenarios/schema';
import { COMPACT_FORMAT, ENTRY_HEAD, expandLog } from './compact';

/**
 * Why a replay is not read: not one at all; a compact one whose parts do not fit together (a
 * changed or cut file); or one in a form newer than this game reads.
 */
export type ReplayProblem = 'notReplay' | 'damaged' | 'newerFormat';

export type ParsedReplay = { ok: true; replay: ReplayDocument } | { ok: false; error: ReplayProblem; detail: string };

/** A replay that could not be read, as the client's API throws it. */
export class BadReplayError extends Error {
  constructor(
    readonly problem: ReplayProblem,
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
  }
}

/**
 * The longest game a replay may hold: 30 simulated days. Opening one re-runs it from the start
 * (about a second per three days), so a file claiming more would keep the page busy for nothing.
 */
const MAX_TICKS = 30 * 1440;

/** An id as the server's short ids are written (the replay's link uses it). */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

const teamId = z.string().min(1).max(32);
const finalTick = z.number().int().min(0).max(MAX_TICKS);
const finalHashes = z.record(teamId, z.string());
// Replays stored before they said their simulation's version have none.
const version = z.number().int().nullable().optional();
const teams = z
  .array(teamId)
  .min(1)
  .max(64)
  .refine((list) => new Set(list).size === list.length, { message: 'each team once' });

// Loose: the server's answer in the full form also carried its own fields (roomId, createdAt), which are not needed.
/**
 * The most log entries a replay may hold: a week-long workshop of 60 ordering twenty times an hour
 * is about 200,000; a file claiming far more would only freeze the page that re-runs it.
 */
const MAX_LOG_ENTRIES = 400_000;

const fullSchema = z.object({
  id: z.string().regex(ID).optional(),
  scenario: scenarioSchema,
  seed: z.number().int(),
  teams,
  log: z.array(commandEntrySchema).max(MAX_LOG_ENTRIES),
  finalTick,
  finalHashes,
  version,
});

/** A command's field name: what the command schemas use (and never `type`, which the shape's first item is). */
const fieldName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9]{0,31}$/, 'a field name')
  .refine((name) => name !== 'type', { message: 'a field name other than type' });

const shape = z
  .tuple([z.string().min(1).max(32)], fieldName)
  .refine((names) => new Set(names.slice(1)).size === names.length - 1, { message: 'each field once' });

const index = z.number().int().min(0);
const entry = z.tuple([z.number().int(), index, index, z.number().int(), index], z.unknown());

const compactSchema = z
  .object({
    format: z.literal(COMPACT_FORMAT),
    id: z.string().regex(ID).optional(),
    version,
    seed: z.number().int(),
    finalTick,
    teams,
    finalHashes,
    otherTeams: z.array(teamId).max(64).optional(),
    players: z.array(z.string().min(1).max(64)).max(MAX_LOG_ENTRIES),
    shapes: z.array(shape).max(MAX_LOG_ENTRIES),
    // Checked with the full form's schema once the log is expanded.
    scenario: z.unknown(),
    log: z.array(entry).max(MAX_LOG_ENTRIES),
  })
  .superRefine((compact, context) => {
    const teamCount = compact.teams.length + (compact.otherTeams?.length ?? 0);
    compact.log.forEach((row, at) => {
      const issue = (position: number, message: string) => context.addIssue({ code: 'custom', path: ['log', at, position], message });
      const [, team, player, , shapeAt] = row;
      if (team >= teamCount) issue(1, `team ${team} is not one of the ${teamCount} teams`);
      if (player >= compact.players.length) issue(2, `player ${player} is not one of the ${compact.players.length} players`);
      const fields = compact.shapes[shapeAt];
      if (fields === undefined) issue(4, `shape ${shapeAt} is not one of the ${compact.shapes.length} shapes`);
      else if (row.length - ENTRY_HEAD !== fields.length - 1)
        issue(ENTRY_HEAD, `${row.length - ENTRY_HEAD} values for a ${fields[0]} of ${fields.length - 1} fields`);
    });
  });

/**
 * The document from what the schema passed. The log is the one checked, not the schema's copy:
 * the command schemas are strict and change nothing, and the copy would put each command's fields
 * in the schema's order rather than the order they were written in.
 */
function document(data: z.infer<typeof fullSchema>, log: CommandEntry[], fallbackId: string): ReplayDocument {
  const { id, scenario, seed, teams, finalTick, finalHashes, version } = data;
  return { id: id ?? fallbackId, scenario, seed, teams, log, finalTick, finalHashes, version: version ?? null };
}

function readCompact(data: unknown, fallbackId: string): ParsedReplay {
  const compact = compactSchema.safeParse(data);
  if (!compact.success) return { ok: false, error: 'damaged', detail: formatZodError(compact.error) };
  const { id, scenario, seed, teams, finalTick, finalHashes, version } = compact.data;
  const log = expandLog(compact.data);
  const expanded = fullSchema.safeParse({ id, scenario, seed, teams, log, finalTick, finalHashes, version });
  if (!expanded.success) return { ok: false, error: 'damaged', detail: formatZodError(expanded.error) };
  return { ok: true, replay: document(expanded.data, log, fallbackId) };
}

/** Reads an already parsed JSON value in either form; `fallbackId` names a replay that carries no id of its own. */
export function readReplay(data: unknown, fallbackId = 'file'): ParsedReplay {
  const format = typeof data === 'object' && data !== null && 'format' in data ? data.format : undefined;
  if (format === COMPACT_FORMAT) return readCompact(data, fallbackId);
  if (typeof format === 'number' && Number.isInteger(format) && format > COMPACT_FORMAT)
    return { ok: false, error: 'newerFormat', detail: `format ${format}; this game reads up to ${COMPACT_FORMAT}` };
  // Said by its kind only: a hostile file's value may be nested too deep to turn back into text.
  if (format !== undefined)
    return { ok: false, error: 'notReplay', detail: `format: ${typeof format === 'number' ? format : `a ${typeof format}`}` };
  const parsed = fullSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: 'notReplay', detail: formatZodError(parsed.error) };
  return { ok: true, replay: document(parsed.data, (data as { log: CommandEntry[] }).log, fallbackId) };
}
