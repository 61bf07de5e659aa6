// Picks the store: PostgreSQL when DATABASE_URL is set, else the SQLite file under the data folder.
import { SqliteGameStore } from './sqliteGameStore';
import type { GameStore } from './types';

export type { GameStore } from './types';

export interface StoreOptions {
  dataDir: string;
  /** postgres://… ; when set, PostgreSQL is used instead of SQLite. */
  databaseUrl?: string;
}

export async function openStore(options: StoreOptions): Promise<GameStore> {
  if (options.databaseUrl) {
    const { PostgresGameStore } = await import('./postgresGameStore');
    return PostgresGameStore.connect(options.databaseUrl);
  }
  return SqliteGameStore.open(options.dataDir);
}
