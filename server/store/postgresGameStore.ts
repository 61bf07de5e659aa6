// The game's store on PostgreSQL (see types.ts), used when DATABASE_URL is set so several server
// processes can share one database. Same tables and semantics as the SQLite store; the
// differences are concurrency: other processes append to the same room, migrate at the same
// time, and a statement's snapshot may miss rows another transaction has just committed.
import pg from 'pg';
import type { CommandEntry } from '../../shared/sim';
import {
  entryFromRow,
  profileFromRow,
  progressFromRow,
  replayFromRow,
  resultFromRow,
  roomFromRow,
  snapshotFromRow,
  storedSnapshotFromRow,
  ROOM_LOG,
  type Row,
  savedScenarioFromRow,
} from './rows';
import type { Migration } from './sqlite';
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

/**
 * The schema, in order; the tables mirror sqlite.ts. JSON documents are `text`, not `jsonb`:
 * jsonb reorders object keys and rejects \u0000, and nothing queries inside a document, so text
 * gives back exactly the string that was stored, as SQLite does. Counters are bigint because
 * SQLite's INTEGER is 64-bit (pg returns int8 as a string; rows go through Number()).
 */
const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE profiles (
        id text PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL
      );
      CREATE TABLE campaign_progress (
        profile_id text NOT NULL REFERENCES profiles(id) ON DELETE CASCADE, chapter text NOT NULL,
        score double precision NOT NULL, completed boolean NOT NULL, updated_at timestamptz NOT NULL,
        PRIMARY KEY (profile_id, chapter)
      );
      CREATE TABLE rooms (
        id text PRIMARY KEY, code text NOT NULL, mode text NOT NULL, scenario_id text NOT NULL,
        scenario text NOT NULL, seed bigint NOT NULL, settings text NOT NULL, status text NOT NULL,
        created_at timestamptz NOT NULL, ended_at timestamptz
      );
      CREATE INDEX rooms_by_status ON rooms (status);
      CREATE TABLE room_commands (
        room_id text NOT NULL REFERENCES rooms(id) ON DELETE CASCADE, position bigint NOT NULL,
        tick bigint NOT NULL, team text NOT NULL, player text NOT NULL, seq bigint NOT NULL, command text NOT NULL,
        PRIMARY KEY (room_id, position),
        UNIQUE (room_id, player, seq)
      );
      CREATE TABLE room_snapshots (
        room_id text NOT NULL REFERENCES rooms(id) ON DELETE CASCADE, tick bigint NOT NULL,
        hashes text NOT NULL, states text NOT NULL, room text NOT NULL,
        PRIMARY KEY (room_id, tick)
      );
      CREATE TABLE results (
        id text PRIMARY KEY, room_id text NOT NULL, mode text NOT NULL, scenario_id text NOT NULL,
        result text NOT NULL, created_at timestamptz NOT NULL
      );
      CREATE TABLE replays (
        id text PRIMARY KEY, room_id text NOT NULL, scenario text NOT NULL, seed bigint NOT NULL,
        teams text NOT NULL, log text NOT NULL, final_tick bigint NOT NULL, final_hashes text NOT NULL,
        created_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 2,
    sql: `ALTER TABLE campaign_progress ADD COLUMN stars integer NOT NULL DEFAULT 0;`,
  },
  {
    version: 3,
    sql: `ALTER TABLE replays ADD COLUMN sim_version integer;`,
  },
  {
    version: 4,
    sql: `
      CREATE TABLE scenarios (
        id text PRIMARY KEY, profile_id text NOT NULL, name text NOT NULL, document text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX scenarios_by_profile ON scenarios (profile_id, created_at);
    `,
  },
];

// Advisory lock keys. The one-bigint and the two-int4 forms are separate key spaces, so the
// migration lock can never collide with a room lock.
const MIGRATION_LOCK = "hashtext('scale-up:schema_migrations')";
const ROOM_LOCK = "hashtext('scale-up:room'), hashtext($1)";

/** Timestamps come from this process's clock, as in the SQLite store (and fake timers in tests). */
const now = (): string => new Date().toISOString();

/** Runs `work` in a transaction on one pooled connection; rolls back and rethrows on error. */
async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Applies, each in its own transaction, the migrations not yet recorded in `schema_migrations`;
 * returns the versions it applied. Every transaction first takes the migration lock, so a
 * second process starting at the same time waits, then sees the versions as done.
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[] = PG_MIGRATIONS): Promise<number[]> {
  // Even CREATE TABLE IF NOT EXISTS can fail when two sessions race it, hence under the lock too.
  await transaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)');
  });
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    await transaction(pool, async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      // Checked after the lock: the other process may have applied it while we waited.
      const done = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.rowCount !== 0) return;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [migration.version, now()]);
      applied.push(migration.version);
    });
  }
  return applied;
}

export class PostgresGameStore implements GameStore {
  readonly kind = 'postgres';
  private closed = false;

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects and brings the schema up to date; throws (with the pool closed) when it cannot. */
  static async connect(url: string): Promise<PostgresGameStore> {
    const pool = new pg.Pool({ connectionString: url });
    // An idle pooled connection that dies (database restart) is dropped by the pool; without a
    // listener the 'error' event would crash the process. The next query reconnects or fails,
    // and that failure is what callers (and /healthz through ping) see.
    pool.on('error', () => undefined);
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresGameStore(pool);
  }

  private async rows(text: string, values: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(text, values)).rows as Row[];
  }

  async upsertProfile(id: string, name: string): Promise<Profile> {
    const at = now();
    const [row] = await this.rows(
      `INSERT INTO profiles (id, name, created_at, updated_at) VALUES ($1, $2, $3, $3)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
       RETURNING *`,
      [id, name, at],
    );
    return profileFromRow(row as Row);
  }

  async getProfile(id: string): Promise<Profile | null> {
    const [row] = await this.rows('SELECT * FROM profiles WHERE id = $1', [id]);
    return row === undefined ? null : profileFromRow(row);
  }

  async saveProgress(profileId: string, chapter: string, { score, stars, completed }: ChapterAttempt): Promise<void> {
    // ON CONFLICT DO UPDATE locks the row, so concurrent saves cannot lose the better score.
    await this.pool.query(
      `INSERT INTO campaign_progress (profile_id, chapter, score, stars, completed, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (profile_id, chapter) DO UPDATE SET
         score = GREATEST(campaign_progress.score, excluded.score),
         stars = GREATEST(campaign_progress.stars, excluded.stars),
         completed = campaign_progress.completed OR excluded.completed,
         updated_at = excluded.updated_at`,
      [profileId, chapter, score, stars, completed, now()],
    );
  }

  async listProgress(profileId: string): Promise<ChapterProgress[]> {
    // COLLATE "C": byte order like SQLite's, whatever the database's locale.
    const rows = await this.rows('SELECT * FROM campaign_progress WHERE profile_id = $1 ORDER BY chapter COLLATE "C"', [profileId]);
    return rows.map(progressFromRow);
  }

  async createRoom(room: Omit<RoomRecord, 'status' | 'createdAt' | 'endedAt'>): Promise<void> {
    await this.pool.query(
      `INSERT INTO rooms (id, code, mode, scenario_id, scenario, seed, settings, status, created_at, ended_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'running', $8, NULL)`,
      [room.id, room.code, room.mode, room.scenarioId, JSON.stringify(room.scenario), room.seed, JSON.stringify(room.settings), now()],
    );
  }

  async getRoom(id: string): Promise<RoomRecord | null> {
    const [row] = await this.rows('SELECT * FROM rooms WHERE id = $1', [id]);
    return row === undefined ? null : roomFromRow(row);
  }

  async runningRooms(): Promise<RoomRecord[]> {
    const rows = await this.rows(`SELECT * FROM rooms WHERE status = 'running' ORDER BY created_at, id COLLATE "C"`);
    return rows.map(roomFromRow);
  }

  async finishRoom(id: string): Promise<void> {
    await this.pool.query(`UPDATE rooms SET status = 'finished', ended_at = $1 WHERE id = $2 AND status = 'running'`, [now(), id]);
  }

  async updateRoomSettings(id: string, settings: unknown): Promise<void> {
    await this.pool.query('UPDATE rooms SET settings = $1 WHERE id = $2', [JSON.stringify(settings), id]);
  }

  async appendCommand(roomId: string, entry: CommandEntry): Promise<'appended' | 'duplicate'> {
    // MAX(position) + 1 is only safe if no one else appends to this room between reading and
    // inserting: two processes would pick the same position and one would fail on the primary
    // key. A per-room advisory lock serialises appends to one room (other rooms go on in
    // parallel, and finishRoom is not blocked as it would be by locking the room row). The lock
    // is taken in its own statement so the INSERT's snapshot includes the previous holder's row.
    return transaction(this.pool, async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${ROOM_LOCK})`, [roomId]);
      const result = await client.query(
        `INSERT INTO room_commands (room_id, position, tick, team, player, seq, command)
         SELECT $1, COALESCE(MAX(position) + 1, 0), $2, $3, $4, $5, $6 FROM room_commands WHERE room_id = $1
         ON CONFLICT (room_id, player, seq) DO NOTHING`,
        [roomId, entry.tick, entry.team, entry.player, entry.seq, JSON.stringify(entry.command)],
      );
      return result.rowCount === 1 ? 'appended' : 'duplicate';
    });
  }

  async listCommands(roomId: string, fromTick = 0): Promise<CommandEntry[]> {
    const rows = await this.rows('SELECT * FROM room_commands WHERE room_id = $1 AND tick >= $2 ORDER BY position', [roomId, fromTick]);
    return rows.map(entryFromRow);
  }

  async lastSequences(roomId: string): Promise<Record<string, number>> {
    const rows = await this.rows(
      'SELECT player, MAX(seq) AS seq FROM room_commands WHERE room_id = $1 GROUP BY player ORDER BY player COLLATE "C"',
      [roomId],
    );
    return Object.fromEntries(rows.map((row) => [String(row.player), Number(row.seq)]));
  }

  async saveSnapshot(roomId: string, snapshot: SnapshotRecord): Promise<void> {
    // One statement, so the upsert and the pruning commit together. Keep this one and the newest
    // before it (SNAPSHOTS_KEPT; the DELETE sees the rows as they were before the insert).
    await this.pool.query(
      `WITH saved AS (
         INSERT INTO room_snapshots (room_id, tick, hashes, states, room) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (room_id, tick) DO UPDATE SET hashes = excluded.hashes, states = excluded.states, room = excluded.room
       )
       DELETE FROM room_snapshots WHERE room_id = $1
         AND tick < (SELECT MAX(tick) FROM room_snapshots WHERE room_id = $1 AND tick < $2)`,
      [roomId, snapshot.tick, JSON.stringify(snapshot.hashes), JSON.stringify(snapshot.states), JSON.stringify(snapshot.room ?? null)],
    );
  }

  async latestSnapshot(roomId: string): Promise<SnapshotRecord | null> {
    const [row] = await this.rows('SELECT * FROM room_snapshots WHERE room_id = $1 ORDER BY tick DESC LIMIT 1', [roomId]);
    return row === undefined ? null : snapshotFromRow(row);
  }

  async recentSnapshots(roomId: string): Promise<StoredSnapshot[]> {
    const rows = await this.rows('SELECT * FROM room_snapshots WHERE room_id = $1 ORDER BY tick DESC LIMIT $2', [roomId, SNAPSHOTS_KEPT]);
    return rows.map(storedSnapshotFromRow);
  }

  async saveResult(result: Omit<ResultRecord, 'createdAt'>): Promise<void> {
    await this.pool.query('INSERT INTO results (id, room_id, mode, scenario_id, result, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      result.id,
      result.roomId,
      result.mode,
      result.scenarioId,
      JSON.stringify(result.result),
      now(),
    ]);
  }

  async getResult(id: string): Promise<ResultRecord | null> {
    const [row] = await this.rows('SELECT * FROM results WHERE id = $1', [id]);
    return row === undefined ? null : resultFromRow(row);
  }

  async saveReplay(replay: Omit<ReplayRecord, 'createdAt' | 'log'> & { log?: CommandEntry[] }): Promise<void> {
    await this.pool.query(
      `INSERT INTO replays (id, room_id, scenario, seed, teams, log, final_tick, final_hashes, created_at, sim_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
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
      ],
    );
  }

  async getReplay(id: string): Promise<ReplayRecord | null> {
    const [row] = await this.rows('SELECT * FROM replays WHERE id = $1', [id]);
    if (row === undefined) return null;
    return replayFromRow(row, row.log === ROOM_LOG ? await this.listCommands(String(row.room_id)) : []);
  }

  async saveScenario(scenario: Omit<SavedScenario, 'createdAt'>): Promise<void> {
    await this.pool.query('INSERT INTO scenarios (id, profile_id, name, document, created_at) VALUES ($1, $2, $3, $4, $5)', [
      scenario.id,
      scenario.profileId,
      JSON.stringify(scenario.name),
      scenario.document,
      now(),
    ]);
  }

  async getScenario(id: string): Promise<SavedScenario | null> {
    const [row] = await this.rows('SELECT * FROM scenarios WHERE id = $1', [id]);
    return row === undefined ? null : savedScenarioFromRow(row);
  }

  async listScenarios(profileId: string, limit: number): Promise<Array<Omit<SavedScenario, 'document'>>> {
    const rows = await this.rows(
      `SELECT id, profile_id, name, '' AS document, created_at FROM scenarios WHERE profile_id = $1
       ORDER BY created_at DESC, id DESC LIMIT $2`,
      [profileId, limit],
    );
    return rows.map((row) => {
      const { document: _none, ...listed } = savedScenarioFromRow(row);
      return listed;
    });
  }

  async countScenarios(profileId: string): Promise<number> {
    const [row] = await this.rows('SELECT COUNT(*) AS n FROM scenarios WHERE profile_id = $1', [profileId]);
    return Number(row?.n ?? 0);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    // pool.end() throws when called twice; closing twice is harmless in the SQLite store too.
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
