// The embedded database: one SQLite file opened with Node's built-in `node:sqlite` (no native
// addon to build). Only the connection and the migration runner live here; the game's store
// interface and its tables arrive with persistence.
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

/** The schema, in order. Empty until the real store lands. */
export const MIGRATIONS: readonly Migration[] = [];

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
    db.prepare('SELECT version FROM schema_migrations').all().map((row) => Number(row.version)),
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
