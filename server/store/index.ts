// Picks the store: PostgreSQL when DATABASE_URL is set, else the SQLite file under the data folder,
// checked for lost data first (dataLoss.ts).
import { inspectDataFiles, NO_DATA_GUARD, verifyDatabase, type DataGuard } from './dataLoss';
import { SqliteGameStore } from './sqliteGameStore';
import type { GameStore } from './types';

export interface StoreOptions {
  dataDir: string;
  /** postgres://… ; when set, PostgreSQL is used instead of SQLite. */
  databaseUrl?: string;
  /** Open a SQLite database that lost data instead of refusing (SCALE_UP_ACCEPT_DATA_LOSS). */
  acceptDataLoss?: boolean;
}

export interface OpenedStore {
  store: GameStore;
  /** Tells the SQLite marker when the server runs and when it stopped cleanly. */
  dataGuard: DataGuard;
}

/** Opens the store; rejects with a DataLossError when the SQLite database lost what it held. */
export async function openStore(options: StoreOptions): Promise<OpenedStore> {
  if (options.databaseUrl) {
    const { PostgresGameStore } = await import('./postgresGameStore');
    return { store: await PostgresGameStore.connect(options.databaseUrl), dataGuard: NO_DATA_GUARD };
  }
  // Looked at before opening: opening creates the database and its -wal file.
  const files = inspectDataFiles(options.dataDir);
  const store = SqliteGameStore.open(options.dataDir);
  try {
    return { store, dataGuard: verifyDatabase(files, options.acceptDataLoss ?? false) };
  } catch (error) {
    await store.close();
    throw error;
  }
}
