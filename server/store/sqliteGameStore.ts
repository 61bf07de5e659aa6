// The game's store on SQLite (see types.ts). node:sqlite is synchronous: each method does its
// work at once and returns a settled promise, so a command is on disk before it is acknowledged.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { CommandEntry } from '../../shared/sim';
import { openSqlite, type SqliteStore } from './sqlite';
import {
  entryFromRow,
  profileFromRow,
  progressFromRow,
  replayFromRow,
  resultFromRow,
  roomFromRow,
  savedScenarioFromRow,
  snapshotFromRow,
  storedSnapshotFromRow,
  ROOM_LOG,
} from './rows';
import {
  SNAPSHOTS_KEPT,
  type ChapterAttempt,
  type ChapterProgress,
  type GameStore,
  type Profile,
  type ReplayRecord,
  type ResultRecord,
  type RoomRecord,
  type SavedScenario,
  type SnapshotRecord,
  type StoredSnapshot,
} from './types';

const now = (): string => new Date().toISOString();

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
    return row === undefined ? null : profileFromRow(row);
  }

  async saveProgress(profileId: string, chapter: string, { score, stars, completed }: ChapterAttempt): Promise<void> {
    this.sql(
      `INSERT INTO campaign_progress (profile_id, chapter, score, stars, completed, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, chapter) DO UPDATE SET
         score = MAX(campaign_progress.score, excluded.score),
         stars = MAX(campaign_progress.stars, excluded.stars),
         completed = MAX(campaign_progress.completed, excluded.completed),
         updated_at = excluded.updated_at`,
    ).run(profileId, chapter, score, stars, completed ? 1 : 0, now());
  }

  async listProgress(profileId: string): Promise<ChapterProgress[]> {
    return this.sql('SELECT * FROM campaign_progress WHERE profile_id = ? ORDER BY chapter').all(profileId).map(progressFromRow);
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

  async updateRoomSettings(id: string, settings: unknown): Promise<void> {
    this.sql('UPDATE rooms SET settings = ? WHERE id = ?').run(JSON.stringify(settings), id);
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
    return this.sql('SELECT * FROM room_commands WHERE room_id = ? AND tick >= ? ORDER BY position')
      .all(roomId, fromTick)
      .map(entryFromRow);
  }

  async lastSequences(roomId: string): Promise<Record<string, number>> {
    const rows = this.sql('SELECT player, MAX(seq) AS seq FROM room_commands WHERE room_id = ? GROUP BY player ORDER BY player').all(
      roomId,
    );
    return Object.fromEntries(rows.map((row) => [String(row.player), Number(row.seq)]));
  }

  async saveSnapshot(roomId: string, snapshot: SnapshotRecord): Promise<void> {
    this.sql(
      `INSERT INTO room_snapshots (room_id, tick, hashes, states, room) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (room_id, tick) DO UPDATE SET hashes = excluded.hashes, states = excluded.states, room = excluded.room`,
    ).run(roomId, snapshot.tick, JSON.stringify(snapshot.hashes), JSON.stringify(snapshot.states), JSON.stringify(snapshot.room ?? null));
    // Keep this one and the one before it (SNAPSHOTS_KEPT): older ones are never read again.
    this.sql(
      'DELETE FROM room_snapshots WHERE room_id = ? AND tick < (SELECT MAX(tick) FROM room_snapshots WHERE room_id = ? AND tick < ?)',
    ).run(roomId, roomId, snapshot.tick);
  }

  async recentSnapshots(roomId: string): Promise<StoredSnapshot[]> {
    return this.sql('SELECT * FROM room_snapshots WHERE room_id = ? ORDER BY tick DESC LIMIT ?')
      .all(roomId, SNAPSHOTS_KEPT)
      .map(storedSnapshotFromRow);
  }

  async latestSnapshot(roomId: string): Promise<SnapshotRecord | null> {
    const row = this.sql('SELECT * FROM room_snapshots WHERE room_id = ? ORDER BY tick DESC LIMIT 1').get(roomId);
    return row === undefined ? null : snapshotFromRow(row);
  }

  async saveResult(result: Omit<ResultRecord, 'createdAt'>): Promise<void> {
    this.sql('INSERT INTO results (id, room_id, mode, scenario_id, result, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      result.id,
      result.roomId,
      result.mode,
      result.scenarioId,
      JSON.stringify(result.result),
      now(),
    );
  }

  async getResult(id: string): Promise<ResultRecord | null> {
    const row = this.sql('SELECT * FROM results WHERE id = ?').get(id);
    return row === undefined ? null : resultFromRow(row);
  }

  async saveReplay(replay: Omit<ReplayRecord, 'createdAt' | 'log'> & { log?: CommandEntry[] }): Promise<void> {
    this.sql(
      `INSERT INTO replays (id, room_id, scenario, seed, teams, log, final_tick, final_hashes, created_at, sim_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      replay.id,
      replay.roomId,
      JSON.stringify(replay.scenario),
      replay.seed,
      JSON.stringify(replay.teams),
      replay.log === undefined ? ROOM_LOG : JSON.stringify(replay.log),
      replay.finalTick,
      JSON.stringify(replay.finalHashes),
      now(),
      replay.version,
    );
  }

  async getReplay(id: string): Promise<ReplayRecord | null> {
    const row = this.sql('SELECT * FROM replays WHERE id = ?').get(id);
    if (row === undefined) return null;
    return replayFromRow(row, row.log === ROOM_LOG ? await this.listCommands(String(row.room_id)) : []);
  }

  async saveScenario(scenario: Omit<SavedScenario, 'createdAt'>): Promise<void> {
    this.sql('INSERT INTO scenarios (id, profile_id, name, document, created_at) VALUES (?, ?, ?, ?, ?)').run(
      scenario.id,
      scenario.profileId,
      JSON.stringify(scenario.name),
      scenario.document,
      now(),
    );
  }

  async getScenario(id: string): Promise<SavedScenario | null> {
    const row = this.sql('SELECT * FROM scenarios WHERE id = ?').get(id);
    return row === undefined ? null : savedScenarioFromRow(row);
  }

  async listScenarios(profileId: string, limit: number): Promise<Array<Omit<SavedScenario, 'document'>>> {
    const rows = this.sql(
      `SELECT id, profile_id, name, '' AS document, created_at FROM scenarios WHERE profile_id = ?
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    ).all(profileId, limit);
    return rows.map((row) => {
      const { document: _none, ...listed } = savedScenarioFromRow(row);
      return listed;
    });
  }

  async countScenarios(profileId: string): Promise<number> {
    const row = this.sql('SELECT COUNT(*) AS n FROM scenarios WHERE profile_id = ?').get(profileId);
    return Number(row?.n ?? 0);
  }

  async ping(): Promise<void> {
    this.sql('SELECT 1 AS ok').get();
  }

  async close(): Promise<void> {
    this.statements.clear();
    this.sqlite.close();
  }
}
