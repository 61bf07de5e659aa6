// The embedded database: one SQLite file opened with Node's built-in `node:sqlite` (no native
// addon to build): the connection, the schema and the migration runner. The game's queries are
// in sqliteGameStore.ts.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** File name of the database inside the data directory. */
export const DATABASE_FILE = 'scale-up.db';

/** One schema change. Versions only grow; a shipped migration is never edited, only followed. */
export interface Migration {
  readonly version: number;
  readonly sql: string;
}

/** The schema, in order. JSON documents are stored as TEXT. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE profiles (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE campaign_progress (
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        chapter TEXT NOT NULL,
        score REAL NOT NULL,
        completed INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (profile_id, chapter)
      );
      CREATE TABLE rooms (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        mode TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        scenario TEXT NOT NULL,
        seed INTEGER NOT NULL,
        settings TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        ended_at TEXT
      );
      CREATE INDEX rooms_by_status ON rooms (status);
      CREATE TABLE room_commands (
        room_id TEXT NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        tick INTEGER NOT NULL,
        team TEXT NOT NULL,
        player TEXT NOT NULL,
        seq INTEGER NOT NULL,
        command TEXT NOT NULL,
        PRIMARY KEY (room_id, position),
        UNIQUE (room_id, player, seq)
      );
      CREATE TABLE room_snapshots (
        room_id TEXT NOT NULL REFERENCES rooms(id) ON DELETE CASCADE,
        tick INTEGER NOT NULL,
        hashes TEXT NOT NULL,
        states TEXT NOT NULL,
        room TEXT NOT NULL,
        PRIMARY KEY (room_id, tick)
      );
      CREATE TABLE results (
        id TEXT PRIMARY KEY,
        room_id TEXT NOT NULL,
        mode TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE replays (
        id TEXT PRIMARY KEY,
        room_id TEXT NOT NULL,
        scenario TEXT NOT NULL,
        seed INTEGER NOT NULL,
        teams TEXT NOT NULL,
        log TEXT NOT NULL,
        final_tick INTEGER NOT NULL,
        final_hashes TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    sql: `ALTER TABLE campaign_progress ADD COLUMN stars INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    // The simulation's version a replay was recorded with (NULL: recorded before replays said).
    version: 3,
    sql: `ALTER TABLE replays ADD COLUMN sim_version INTEGER;`,
  },
  {
    // Scenarios written in the editor; no foreign key to profiles: saving needs no profile row.
    version: 4,
    sql: `
      CREATE TABLE scenarios (
        id TEXT PRIMARY KEY,
        profile_id TEXT NOT NULL,
        name TEXT NOT NULL,
        document TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX scenarios_by_profile ON scenarios (profile_id, created_at);
    `,
  },
];

export interface SqliteStore {
  readonly db: DatabaseSync;
  /** Absolute path of the database file. */
  readonly path: string;
  close(): void;
}

/**
 * Opens (creating if needed) `<dataDir>/scale-up.db` in WAL mode, so readers never wait for the
 * single writer, and brings its schema up to date.
 */
export function openSqlite(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): SqliteStore {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, DATABASE_FILE);
  const db = new DatabaseSync(path);
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    db,
    path,
    close: () => {
      if (db.isOpen) db.close();
    },
  };
}

/**
 * Applies, each in its own transaction, the migrations whose version is not yet recorded in
 * `schema_migrations`. Returns the versions it applied (empty when already up to date).
 */
export function migrate(db: DatabaseSync, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
  )`);
  const done = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((row) => Number(row.version)),
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(migration.version)) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migration.sql);
      record.run(migration.version, new Date().toISOString());
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    applied.push(migration.version);
  }
  return applied;
}

/** The journal mode SQLite reports for this connection (`wal` once opened by openSqlite). */
export function journalMode(db: DatabaseSync): string {
  const row = db.prepare('PRAGMA journal_mode').get();
  return String(row?.journal_mode);
}
