// Database rows → the store's records, shared by the SQLite and PostgreSQL stores: both keep JSON
// documents as text and use the same column names. Timestamps differ: SQLite keeps ISO text, pg
// reads timestamptz as a Date; the interface speaks ISO strings.
import type { CommandEntry, Scenario } from '../../shared/sim';
import type {
  ChapterProgress,
  GameMode,
  Profile,
  ReplayRecord,
  ResultRecord,
  RoomRecord,
  RoomStatus,
  SavedScenario,
  SnapshotRecord,
  StoredSnapshot,
} from './types';

export type Row = Record<string, unknown>;

const isoTime = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));
const fromJson = <T>(value: unknown): T => JSON.parse(String(value)) as T;

export function profileFromRow(row: Row): Profile {
  return { id: String(row.id), name: String(row.name), createdAt: isoTime(row.created_at), updatedAt: isoTime(row.updated_at) };
}

export function progressFromRow(row: Row): ChapterProgress {
  // SQLite stores booleans as 0/1, PostgreSQL as booleans.
  const completed = row.completed === true || Number(row.completed) === 1;
  return {
    chapter: String(row.chapter),
    score: Number(row.score),
    stars: Number(row.stars),
    completed,
    updatedAt: isoTime(row.updated_at),
  };
}

export function roomFromRow(row: Row): RoomRecord {
  return {
    id: String(row.id),
    code: String(row.code),
    mode: row.mode as GameMode,
    scenarioId: String(row.scenario_id),
    scenario: fromJson<Scenario>(row.scenario),
    seed: Number(row.seed),
    settings: fromJson<unknown>(row.settings),
    status: row.status as RoomStatus,
    createdAt: isoTime(row.created_at),
    endedAt: row.ended_at === null ? null : isoTime(row.ended_at),
  };
}

export function entryFromRow(row: Row): CommandEntry {
  const command = fromJson<CommandEntry['command']>(row.command);
  return { tick: Number(row.tick), team: String(row.team), player: String(row.player), seq: Number(row.seq), command };
}

export function snapshotFromRow(row: Row): SnapshotRecord {
  return { tick: Number(row.tick), hashes: fromJson(row.hashes), states: fromJson(row.states), room: fromJson(row.room) };
}

/** A snapshot row read without throwing: a damaged row is reported, and recovery tries the next. */
export function storedSnapshotFromRow(row: Row): StoredSnapshot {
  const tick = Number(row.tick);
  try {
    return { tick, snapshot: snapshotFromRow(row) };
  } catch (error) {
    return { tick, error: error instanceof Error ? error : new Error(String(error)) };
  }
}

export function resultFromRow(row: Row): ResultRecord {
  return {
    id: String(row.id),
    roomId: String(row.room_id),
    mode: row.mode as GameMode,
    scenarioId: String(row.scenario_id),
    createdAt: isoTime(row.created_at),
    result: fromJson<unknown>(row.result),
  };
}

export function savedScenarioFromRow(row: Row): SavedScenario {
  return {
    id: String(row.id),
    profileId: String(row.profile_id),
    name: fromJson<SavedScenario['name']>(row.name),
    document: String(row.document),
    createdAt: isoTime(row.created_at),
  };
}

/** What the log column holds for a replay that refers to its room's command log. */
export const ROOM_LOG = 'null';

/** A replay row; `roomLog` is the room's command log, read when the row refers to it. */
export function replayFromRow(row: Row, roomLog: CommandEntry[] = []): ReplayRecord {
  return {
    id: String(row.id),
    roomId: String(row.room_id),
    scenario: fromJson<Scenario>(row.scenario),
    seed: Number(row.seed),
    teams: fromJson<string[]>(row.teams),
    log: row.log === ROOM_LOG ? roomLog : fromJson<CommandEntry[]>(row.log),
    finalTick: Number(row.final_tick),
    finalHashes: fromJson<Record<string, string>>(row.final_hashes),
    version: row.sim_version === null || row.sim_version === undefined ? null : Number(row.sim_version),
    createdAt: isoTime(row.created_at),
  };
}
