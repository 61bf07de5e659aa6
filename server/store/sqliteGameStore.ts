// The game's store on SQLite (see types.ts). node:sqlite is synchronous: each method does its
// work at once and returns a settled promise, so a command is on disk before it is acknowledged.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { CommandEntry, Scenario } from '../../shared/sim';
import { openSqlite, type SqliteStore } from './sqlite';
import type { ChapterProgress, GameMode, GameStore, Profile, ReplayRecord, ResultRecord, RoomRecord, RoomStatus, SnapshotRecord } from './types';

type Row = Record<string, unknown>;

const now = (): string => new Date().toISOString();

function roomFromRow(row: Row): RoomRecord {
  return {
    id: String(row.id),
    code: String(row.code),
    mode: row.mode as GameMode,
    scenarioId: String(row.scenario_id),
    scenario: JSON.parse(String(row.scenario)) as Scenario,
    seed: Number(row.seed),
    settings: JSON.parse(String(row.settings)) as unknown,
    status: row.status as RoomStatus,
    createdAt: String(row.created_at),
    endedAt: row.ended_at === null ? null : String(row.ended_at),
  };
}

function entryFromRow(row: Row): CommandEntry {
  return {
    tick: Number(row.tick),
    team: String(row.team),
    player: String(row.player),
    seq: Number(row.seq),
    command: JSON.parse(String(row.command)) as CommandEntry['command'],
  };
}

export class SqliteGameStore implements GameStore {
  readonly kind = 'sqlite';
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();

  constructor(private readonly sqlite: SqliteStore) {
    this.db = sqlite.db;
  }

  static open(dataDir: string): SqliteGameStore {
    return new SqliteGameStore(openSqlite(dataDir));
  }

  /** Absolute path of the database file. */
  get path(): string {
    return this.sqlite.path;
  }

  /** Prepared once, reused: the log append runs for every command. */
  private sql(text: string): StatementSync {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  async upsertProfile(id: string, name: string): Promise<Profile> {
    const at = now();
    this.sql(
      `INSERT INTO profiles (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at`,
    ).run(id, name, at, at);
    return (await this.getProfile(id)) as Profile;
  }

  async getProfile(id: string): Promise<Profile | null> {
    const row = this.sql('SELECT * FROM profiles WHERE id = ?').get(id);
    if (row === undefined) return null;
    return { id: String(row.id), name: String(row.name), createdAt: String(row.created_at), updatedAt: String(row.updated_at) };
  }

  async saveProgress(profileId: string, chapter: string, score: number, completed: boolean): Promise<void> {
    this.sql(
      `INSERT INTO campaign_progress (profile_id, chapter, score, completed, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, chapter) DO UPDATE SET
         score = MAX(campaign_progress.score, excluded.score),
         completed = MAX(campaign_progress.completed, excluded.completed),
         updated_at = excluded.updated_at`,
    ).run(profileId, chapter, score, completed ? 1 : 0, now());
  }

  async listProgress(profileId: string): Promise<ChapterProgress[]> {
    return this.sql('SELECT * FROM campaign_progress WHERE profile_id = ? ORDER BY chapter').all(profileId).map((row) => ({
      chapter: String(row.chapter),
      score: Number(row.score),
      completed: Number(row.completed) === 1,
      updatedAt: String(row.updated_at),
    }));
  }

  async createRoom(room: Omit<RoomRecord, 'status' | 'createdAt' | 'endedAt'>): Promise<void> {
    this.sql(
      `INSERT INTO rooms (id, code, mode, scenario_id, scenario, seed, settings, status, created_at, ended_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, NULL)`,
    ).run(room.id, room.code, room.mode, room.scenarioId, JSON.stringify(room.scenario), room.seed, JSON.stringify(room.settings), now());
  }

  async getRoom(id: string): Promise<RoomRecord | null> {
    const row = this.sql('SELECT * FROM rooms WHERE id = ?').get(id);
    return row === undefined ? null : roomFromRow(row);
  }

  async runningRooms(): Promise<RoomRecord[]> {
    return this.sql(`SELECT * FROM rooms WHERE status = 'running' ORDER BY created_at, id`).all().map(roomFromRow);
  }

  async finishRoom(id: string): Promise<void> {
    this.sql(`UPDATE rooms SET status = 'finished', ended_at = ? WHERE id = ? AND status = 'running'`).run(now(), id);
  }

  async appendCommand(roomId: string, entry: CommandEntry): Promise<'appended' | 'duplicate'> {
    const result = this.sql(
      `INSERT INTO room_commands (room_id, position, tick, team, player, seq, command)
       SELECT ?, COALESCE(MAX(position) + 1, 0), ?, ?, ?, ?, ? FROM room_commands WHERE room_id = ?
       ON CONFLICT (room_id, player, seq) DO NOTHING`,
    ).run(roomId, entry.tick, entry.team, entry.player, entry.seq, JSON.stringify(entry.command), roomId);
    return Number(result.changes) === 1 ? 'appended' : 'duplicate';
  }

  async listCommands(roomId: string, fromTick = 0): Promise<CommandEntry[]> {
    return this.sql('SELECT * FROM room_commands WHERE room_id = ? AND tick >= ? ORDER BY position').all(roomId, fromTick).map(entryFromRow);
  }

  async lastSequences(roomId: string): Promise<Record<string, number>> {
    const rows = this.sql('SELECT player, MAX(seq) AS seq FROM room_commands WHERE room_id = ? GROUP BY player ORDER BY player').all(roomId);
    return Object.fromEntries(rows.map((row) => [String(row.player), Number(row.seq)]));
  }

  async saveSnapshot(roomId: string, snapshot: SnapshotRecord): Promise<void> {
    this.sql(
      `INSERT INTO room_snapshots (room_id, tick, hashes, states, room) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (room_id, tick) DO UPDATE SET hashes = excluded.hashes, states = excluded.states, room = excluded.room`,
    ).run(roomId, snapshot.tick, JSON.stringify(snapshot.hashes), JSON.stringify(snapshot.states), JSON.stringify(snapshot.room ?? null));
    // Older snapshots are never read again: keep the newest only.
    this.sql('DELETE FROM room_snapshots WHERE room_id = ? AND tick < ?').run(roomId, snapshot.tick);
  }

  async latestSnapshot(roomId: string): Promise<SnapshotRecord | null> {
    const row = this.sql('SELECT * FROM room_snapshots WHERE room_id = ? ORDER BY tick DESC LIMIT 1').get(roomId);
    if (row === undefined) return null;
    return {
      tick: Number(row.tick),
      hashes: JSON.parse(String(row.hashes)) as Record<string, string>,
      states: JSON.parse(String(row.states)) as Record<string, unknown>,
      room: JSON.parse(String(row.room)) as unknown,
    };
  }

  async saveResult(result: Omit<ResultRecord, 'createdAt'>): Promise<void> {
    this.sql('INSERT INTO results (id, room_id, mode, scenario_id, result, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      result.id, result.roomId, result.mode, result.scenarioId, JSON.stringify(result.result), now(),
    );
  }

  async getResult(id: string): Promise<ResultRecord | null> {
    const row = this.sql('SELECT * FROM results WHERE id = ?').get(id);
    if (row === undefined) return null;
    return {
      id: String(row.id),
      roomId: String(row.room_id),
      mode: row.mode as GameMode,
      scenarioId: String(row.scenario_id),
      createdAt: String(row.created_at),
      result: JSON.parse(String(row.result)) as unknown,
    };
  }

  async saveReplay(replay: Omit<ReplayRecord, 'createdAt'>): Promise<void> {
    this.sql(
      `INSERT INTO replays (id, room_id, scenario, seed, teams, log, final_tick, final_hashes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      replay.id, replay.roomId, JSON.stringify(replay.scenario), replay.seed, JSON.stringify(replay.teams),
      JSON.stringify(replay.log), replay.finalTick, JSON.stringify(replay.finalHashes), now(),
    );
  }

  async getReplay(id: string): Promise<ReplayRecord | null> {
    const row = this.sql('SELECT * FROM replays WHERE id = ?').get(id);
    if (row === undefined) return null;
    return {
      id: String(row.id),
      roomId: String(row.room_id),
      scenario: JSON.parse(String(row.scenario)) as Scenario,
      seed: Number(row.seed),
      teams: JSON.parse(String(row.teams)) as string[],
      log: JSON.parse(String(row.log)) as CommandEntry[],
      finalTick: Number(row.final_tick),
      finalHashes: JSON.parse(String(row.final_hashes)) as Record<string, string>,
      createdAt: String(row.created_at),
    };
  }

  async ping(): Promise<void> {
    this.sql('SELECT 1 AS ok').get();
  }

  async close(): Promise<void> {
    this.statements.clear();
    this.sqlite.close();
  }
}
