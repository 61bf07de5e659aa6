// Noticing that the SQLite database lost what it held, instead of starting "healthy" and empty.
// SQLite cannot tell: a deleted, truncated or replaced file opens as a new database, and a
// database whose -wal file was deleted after a crash opens as it was at the last checkpoint.
// So the server keeps a marker file beside the database that names the database (an id also
// stored inside it) and says whether the server is running. At start-up:
// - marker present, database without that id: the database is new, empty or another one;
// - marker says running (the last run did not shut down) and the -wal file is gone: the latest
//   writes went with it.
// Either way the server refuses to start unless told to accept the loss.
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DATABASE_FILE } from './sqlite';

/** Beside the database; not one of SQLite's own files (-wal, -shm, -journal). */
const MARKER_FILE = 'scale-up.db.marker';
/** The environment variable that accepts a loss (see server/config.ts). */
const ACCEPT_VARIABLE = 'SCALE_UP_ACCEPT_DATA_LOSS';
/** One row: the database's id. Created here, outside the store's migrations. */
const IDENTITY_TABLE = 'scale_up_database_identity';

type DataProblem = 'empty' | 'replaced' | 'wal-missing';

interface Marker {
  database: string;
  running: boolean;
}

/** What the data folder held before the store opened it (opening creates the files). */
export interface DataFiles {
  dbPath: string;
  markerPath: string;
  marker: Marker | null;
  walPresent: boolean;
  dbBytes: number;
}

export interface DataGuard {
  /** The problem that was found and accepted at start-up, or null. */
  readonly accepted: DataProblem | null;
  /** The server is up: until markStopped, a missing -wal file means lost writes. */
  markRunning(): void;
  /** The store closed cleanly (SQLite folded the -wal file into the database). */
  markStopped(): void;
}

/** The guard for stores this module does not watch (PostgreSQL). */
export const NO_DATA_GUARD: DataGuard = { accepted: null, markRunning: () => {}, markStopped: () => {} };

class DataLossError extends Error {
  readonly code = 'SCALE_UP_DATA_LOSS';
  constructor(
    readonly problem: DataProblem,
    message: string,
  ) {
    super(message);
    this.name = 'DataLossError';
  }
}

function readMarker(path: string): Marker | null {
  if (!existsSync(path)) return null;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Marker>;
    if (typeof parsed.database === 'string' && parsed.database !== '')
      return { database: parsed.database, running: parsed.running === true };
  } catch {
    // unreadable: treated like an absent marker, and rewritten below
  }
  return null;
}

/** Written to a temporary file, flushed and renamed, so a crash leaves the old or the new one. */
function writeMarker(path: string, marker: Marker): void {
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, `${JSON.stringify({ ...marker, updatedAt: new Date().toISOString() })}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

export function inspectDataFiles(dataDir: string): DataFiles {
  const dbPath = join(resolve(dataDir), DATABASE_FILE);
  const markerPath = join(resolve(dataDir), MARKER_FILE);
  return {
    dbPath,
    markerPath,
    marker: readMarker(markerPath),
    walPresent: existsSync(`${dbPath}-wal`),
    dbBytes: existsSync(dbPath) ? statSync(dbPath).size : 0,
  };
}

function diagnose(files: DataFiles, id: string | null): DataProblem | null {
  if (files.marker === null) return null;
  if (id === null) return 'empty';
  if (id !== files.marker.database) return 'replaced';
  if (files.marker.running && !files.walPresent) return 'wal-missing';
  return null;
}

function explain(problem: DataProblem, files: DataFiles, id: string | null): string {
  const what = {
    empty: `it holds none of the data this server stored there before (it was ${files.dbBytes === 0 ? 'missing or 0 bytes' : 'new or emptied'} when the server started: deleted, truncated or replaced).`,
    replaced: `it is a different database from the one this server used before (database ${id ?? '?'}, expected ${files.marker?.database ?? '?'}).`,
    'wal-missing': `the server last stopped without shutting down (a crash or kill -9), and ${DATABASE_FILE}-wal, which held its latest writes, has been deleted since: recent games, commands and results are lost.`,
  }[problem];
  return [
    `Scale Up! refuses to start: the database ${files.dbPath} has lost data:`,
    `  ${what}`,
    `If you have a backup, stop here and restore it (docs/operations.md, "Backups"); after a crash, keep ${DATABASE_FILE}-wal next to ${DATABASE_FILE}.`,
    `To start with the database as it is now and accept the loss, start once with ${ACCEPT_VARIABLE}=1 (this rewrites ${files.markerPath}).`,
  ].join('\n');
}

/**
 * Checks the database the store has just opened against what `files` recorded before it did;
 * throws a DataLossError when data went missing (unless `accept`), records the database's id
 * in it and in the marker otherwise.
 */
export function verifyDatabase(files: DataFiles, accept: boolean): DataGuard {
  const db = new DatabaseSync(files.dbPath);
  let id: string | null;
  let problem: DataProblem | null;
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec(`CREATE TABLE IF NOT EXISTS ${IDENTITY_TABLE} (id TEXT NOT NULL, created_at TEXT NOT NULL)`);
    const row = db.prepare(`SELECT id FROM ${IDENTITY_TABLE} LIMIT 1`).get();
    id = typeof row?.id === 'string' ? row.id : null;
    problem = diagnose(files, id);
    if (problem !== null && !accept) throw new DataLossError(problem, explain(problem, files, id));
    if (id === null) {
      id = randomUUID();
      db.prepare(`INSERT INTO ${IDENTITY_TABLE} (id, created_at) VALUES (?, ?)`).run(id, new Date().toISOString());
    }
  } finally {
    db.close();
  }
  const database = id;
  // Left alone when it is right: a second process that then fails to listen must not clear the
  // running flag of the one that owns the folder.
  if (files.marker?.database !== database || problem !== null) writeMarker(files.markerPath, { database, running: false });
  return {
    accepted: problem,
    markRunning: () => writeMarker(files.markerPath, { database, running: true }),
    markStopped: () => writeMarker(files.markerPath, { database, running: false }),
  };
}
