/**
 * The compact replay file: the same replay as a ReplayDocument, written so that a long workshop's
 * log stays small. Most of a log's bytes are its field names and the same few names repeated
 * (the teams, the seats' ids, the command types), so the compact form says each once:
 *
 * - `players`: every seat id the log names, in order of first appearance;
 * - `shapes`: every command shape the log holds, as its type followed by its other fields' names
 *   in their order (`["connect", "from", "to"]`), in order of first appearance;
 * - `log`: one array per entry, in the log's own order:
 *   `[ticks since the previous entry, team index, player index, seq step, shape index, ...values]`,
 *   where the team index counts in `teams` (then in `otherTeams`), the seq step is the entry's
 *   seq less one more than the same player's previous seq (0 for a player's commands in a row),
 *   and the values are the command's fields in its shape's order.
 *
 * Nothing is lost: expanding gives back the document's fields, every entry in order and every
 * command with the same fields, values and field order. The scenario, the hashes and the rest are
 * kept as they are. The full form (a ReplayDocument as JSON, what replays were before) has no
 * `format`; readReplay.ts reads both.
 */
import type { ReplayDocument } from '../protocol/results';
import type { CommandEntry } from '../sim/commands/command';

/** The compact form's `format`; the full form, which says none, counts as 1. */
export const COMPACT_FORMAT = 2;

/** The entry's numbers before the command's values: tick, team, player, seq and shape. */
export const ENTRY_HEAD = 5;

export interface CompactReplay {
  format: typeof COMPACT_FORMAT;
  id: string;
  version: number | null;
  seed: number;
  finalTick: number;
  teams: string[];
  finalHashes: Record<string, string>;
  /** Teams the log names that are not among the game's `teams` (a server's replay has none). */
  otherTeams?: string[];
  players: string[];
  shapes: string[][];
  scenario: ReplayDocument['scenario'];
  log: unknown[][];
}

/** Indices of the names in a list built in order of first appearance. */
class NameTable {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();

  constructor(first: readonly string[] = []) {
    for (const name of first) this.of(name);
  }

  of(name: string): number {
    let at = this.index.get(name);
    if (at === undefined) {
      at = this.names.length;
      this.names.push(name);
      this.index.set(name, at);
    }
    return at;
  }
}

export function encodeReplay(doc: ReplayDocument): CompactReplay {
  const teams = new NameTable(doc.teams);
  const players = new NameTable();
  const shapeIndex = new Map<string, number>();
  const shapes: string[][] = [];
  const lastSeq = new Map<number, number>();
  let lastTick = 0;
  const log = doc.log.map((entry) => {
    const { type, ...fields } = entry.command as { type: string } & Record<string, unknown>;
    // A field set to undefined is no field (JSON would drop it too).
    const names = Object.keys(fields).filter((name) => fields[name] !== undefined);
    const shape = [type, ...names];
    // The NUL cannot occur in a field name the schemas allow, so two shapes never share a key.
    const key = shape.join('\0');
    let shapeAt = shapeIndex.get(key);
    if (shapeAt === undefined) {
      shapeAt = shapes.length;
      shapes.push(shape);
      shapeIndex.set(key, shapeAt);
    }
    const player = players.of(entry.player);
    const seqStep = entry.seq - ((lastSeq.get(player) ?? -1) + 1);
    lastSeq.set(player, entry.seq);
    const tickStep = entry.tick - lastTick;
    lastTick = entry.tick;
    const values = names.map((name) => fields[name]);
    return [tickStep, teams.of(entry.team), player, seqStep, shapeAt, ...values];
  });
  const otherTeams = teams.names.slice(doc.teams.length);
  return {
    format: COMPACT_FORMAT,
    id: doc.id,
    version: doc.version,
    seed: doc.seed,
    finalTick: doc.finalTick,
    teams: [...doc.teams],
    finalHashes: { ...doc.finalHashes },
    ...(otherTeams.length > 0 ? { otherTeams } : {}),
    players: players.names,
    shapes,
    scenario: doc.scenario,
    log,
  };
}

/**
 * The log's entries back from a compact log whose numbers readReplay.ts has checked (whole
 * numbers, indices inside their tables, as many values as the shape has fields). The commands are
 * not checked here: the caller holds the result to the command log's schema.
 */
export function expandLog(compact: Pick<CompactReplay, 'teams' | 'otherTeams' | 'players' | 'shapes' | 'log'>): CommandEntry[] {
  const teams = [...compact.teams, ...(compact.otherTeams ?? [])];
  const lastSeq = new Map<number, number>();
  let tick = 0;
  return compact.log.map((row) => {
    const [tickStep, team, player, seqStep, shapeAt] = row as number[];
    const shape = compact.shapes[shapeAt as number] as string[];
    const command: Record<string, unknown> = { type: shape[0] };
    for (let i = 1; i < shape.length; i++) command[shape[i] as string] = row[ENTRY_HEAD + i - 1];
    tick += tickStep as number;
    const seq = (lastSeq.get(player as number) ?? -1) + 1 + (seqStep as number);
    lastSeq.set(player as number, seq);
    return {
      tick,
      team: teams[team as number] as string,
      player: compact.players[player as number] as string,
      seq,
      command: command as unknown as CommandEntry['command'],
    };
  });
}
