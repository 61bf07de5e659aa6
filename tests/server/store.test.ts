/**
 * The GameStore contract (server/store/types.ts), run against every implementation: SQLite
 * always, PostgreSQL when TEST_DATABASE_URL is set (`bash .ci/run` starts one). Each test gets
 * an empty database: a fresh temp dir for SQLite, a fresh schema for PostgreSQL.
 * One file on purpose: the one contract, run against both implementations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PostgresGameStore, migratePostgres } from '../../server/store/postgresGameStore';
import { DATABASE_FILE, MIGRATIONS, migrate, openSqlite } from '../../server/store/sqlite';
import { SqliteGameStore } from '../../server/store/sqliteGameStore';
import type { GameStore, ReplayRecord, RoomRecord, SnapshotRecord } from '../../server/store/types';
import { loadPreset } from '../../shared/scenarios';
import type { CommandEntry } from '../../shared/sim';
import { serviceUrl } from '../helpers/services';

/** One test's database, behind whichever implementation. */
interface Backend {
  /** Opens a store on this test's database (the same database on every call). */
  open(): Promise<GameStore>;
  /** schema_migrations as stored, to show that reopening applies nothing. */
  migrations(): Promise<{ version: number; appliedAt: string }[]>;
  /** Runs the migration runner once more, directly; returns the versions it applied. */
  migrateAgain(): Promise<number[]>;
  /** Ticks of the snapshot rows kept for a room (pruning is not visible through the interface). */
  snapshotTicks(roomId: string): Promise<number[]>;
  /** Overwrites a snapshot row's states with text that is not JSON (a damaged row). */
  damageSnapshot(roomId: string, tick: number): Promise<void>;
  dispose(): Promise<void>;
}

const PG_URL = serviceUrl(
  'TEST_DATABASE_URL',
  'PostgreSQL store tests skipped: set TEST_DATABASE_URL=postgres://user:password@127.0.0.1:5432/db (bash .ci/run starts one)',
);

function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'scale-up-store-'));
  const read = <T>(sql: string, ...params: (string | number)[]): T[] => {
    const db = new DatabaseSync(join(dir, DATABASE_FILE), { readOnly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };
  return {
    open: async () => SqliteGameStore.open(dir),
    migrations: async () =>
      read<{ version: number; applied_at: string }>('SELECT version, applied_at FROM schema_migrations ORDER BY version').map((row) => ({
        version: Number(row.version),
        appliedAt: String(row.applied_at),
      })),
    migrateAgain: async () => {
      const sqlite = openSqlite(dir);
      try {
        return migrate(sqlite.db, MIGRATIONS);
      } finally {
        sqlite.close();
      }
    },
    snapshotTicks: async (roomId) =>
      read<{ tick: number }>('SELECT tick FROM room_snapshots WHERE room_id = ? ORDER BY tick', roomId).map((row) => Number(row.tick)),
    damageSnapshot: async (roomId, tick) => {
      const db = new DatabaseSync(join(dir, DATABASE_FILE));
      try {
        db.prepare('UPDATE room_snapshots SET states = ? WHERE room_id = ? AND tick = ?').run('{"red": {"tick', roomId, tick);
      } finally {
        db.close();
      }
    },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

let schemaCounter = 0;

/** A connection URL whose search_path is `schema`, so the store's unqualified tables land there. */
function urlWithSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/** A fresh, empty schema per test, dropped afterwards. */
async function postgresBackend(admin: pg.Pool): Promise<Backend & { schema: string }> {
  const schema = `store_test_${process.pid}_${++schemaCounter}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = urlWithSchema(PG_URL as string, schema);
  return {
    schema,
    open: () => PostgresGameStore.connect(url),
    migrations: async () =>
      (await admin.query(`SELECT version, applied_at FROM ${schema}.schema_migrations ORDER BY version`)).rows.map((row) => ({
        version: Number(row.version),
        appliedAt: (row.applied_at as Date).toISOString(),
      })),
    migrateAgain: async () => {
      const pool = new pg.Pool({ connectionString: url });
      try {
        return await migratePostgres(pool);
      } finally {
        await pool.end();
      }
    },
    snapshotTicks: async (roomId) =>
      (await admin.query(`SELECT tick FROM ${schema}.room_snapshots WHERE room_id = $1 ORDER BY tick`, [roomId])).rows.map((row) =>
        Number(row.tick),
      ),
    damageSnapshot: async (roomId, tick) => {
      await admin.query(`UPDATE ${schema}.room_snapshots SET states = $1 WHERE room_id = $2 AND tick = $3`, [
        '{"red": {"tick',
        roomId,
        tick,
      ]);
    },
    dispose: async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

/** Registers hooks giving each test a fresh backend and an open store on it. */
function useStore<B extends Backend>(makeBackend: () => Promise<B>) {
  const context = {} as { backend: B; store: GameStore };
  beforeEach(async () => {
    context.backend = await makeBackend();
    context.store = await context.backend.open();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await context.store.close();
    await context.backend.dispose();
  });
  return context;
}

/** Fixes the clock the stores read (Date only: pg's own timers keep running). */
function setClock(iso: string): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

const sandbox = loadPreset('sandbox');

function newRoom(id: string): Omit<RoomRecord, 'status' | 'createdAt' | 'endedAt'> {
  return {
    id,
    code: 'K7QX',
    mode: 'match',
    scenarioId: sandbox.id,
    scenario: sandbox,
    seed: 4_000_000_007,
    settings: { teams: ['red', 'blue'], speed: 2, reconnectSeconds: 30, names: { red: '빨강' } },
  };
}

const entry = (tick: number, player: string, seq: number, team = 'red'): CommandEntry => ({
  tick,
  team,
  player,
  seq,
  command: { type: 'scale', id: `web-${seq}`, count: tick + 1 },
});

/** A document with what JSON can hold, in an order jsonb would not keep. */
const awkwardDocument = {
  zeta: 1,
  alpha: [0.1 + 0.2, 1e-7, 123456789.123, -5, 2 ** 53 - 1],
  nested: { b: null, a: true, empty: {}, list: [] },
  text: 'Hangul 한국어, emoji 🚀, quote " backslash \\ nul \u0000',
};

function storeContract(makeBackend: () => Promise<Backend>): void {
  const t = useStore(makeBackend);

  describe('profiles', () => {
    it('creates, then renames keeping createdAt; unknown ids are null', async () => {
      setClock('2030-01-01T00:00:00.000Z');
      const created = await t.store.upsertProfile('p1', 'Ada');
      expect(created).toEqual({ id: 'p1', name: 'Ada', createdAt: '2030-01-01T00:00:00.000Z', updatedAt: '2030-01-01T00:00:00.000Z' });
      setClock('2030-01-02T03:04:05.678Z');
      const renamed = await t.store.upsertProfile('p1', '에이다');
      expect(renamed).toEqual({ id: 'p1', name: '에이다', createdAt: '2030-01-01T00:00:00.000Z', updatedAt: '2030-01-02T03:04:05.678Z' });
      expect(await t.store.getProfile('p1')).toEqual(renamed);
      expect(await t.store.getProfile('nobody')).toBeNull();
    });
  });

  describe('campaign progress', () => {
    it('keeps the best score and the most stars per chapter, and completed once true stays true', async () => {
      await t.store.upsertProfile('p1', 'Ada');
      await t.store.upsertProfile('p2', 'Bo');
      await t.store.saveProgress('p1', 'ch2', { score: 50, stars: 0, completed: false });
      await t.store.saveProgress('p1', 'ch1', { score: 12.5, stars: 2, completed: true });
      await t.store.saveProgress('p1', 'ch2', { score: 30, stars: 1, completed: true }); // worse score, but completes
      await t.store.saveProgress('p1', 'ch2', { score: 20, stars: 0, completed: false }); // worse in every way: changes nothing
      await t.store.saveProgress('p1', 'ch1', { score: 5, stars: 1, completed: true }); // fewer stars: kept at 2
      const progress = await t.store.listProgress('p1');
      expect(progress.map(({ chapter, score, stars, completed }) => ({ chapter, score, stars, completed }))).toEqual([
        { chapter: 'ch1', score: 12.5, stars: 2, completed: true },
        { chapter: 'ch2', score: 50, stars: 1, completed: true },
      ]);
      await t.store.saveProgress('p1', 'ch2', { score: 80, stars: 3, completed: false });
      expect((await t.store.listProgress('p1'))[1]).toMatchObject({ chapter: 'ch2', score: 80, stars: 3, completed: true });
      expect(await t.store.listProgress('p2')).toEqual([]);
    });

    it('refuses progress for a profile that does not exist', async () => {
      await expect(t.store.saveProgress('ghost', 'ch1', { score: 1, stars: 0, completed: false })).rejects.toThrow();
    });
  });

  describe('rooms', () => {
    it('round-trips a room, lists the running ones and finishes once', async () => {
      setClock('2030-05-01T10:00:00.000Z');
      await t.store.createRoom(newRoom('room-a'));
      await t.store.createRoom(newRoom('room-b'));
      const a = await t.store.getRoom('room-a');
      expect(a).toEqual({ ...newRoom('room-a'), status: 'running', createdAt: '2030-05-01T10:00:00.000Z', endedAt: null });
      expect(JSON.stringify(a?.scenario)).toBe(JSON.stringify(sandbox));
      expect((await t.store.runningRooms()).map((room) => room.id).sort()).toEqual(['room-a', 'room-b']);

      setClock('2030-05-01T11:00:00.000Z');
      await t.store.finishRoom('room-a');
      setClock('2030-05-01T12:00:00.000Z');
      await t.store.finishRoom('room-a'); // already finished: keeps the first end time
      await t.store.finishRoom('no-such-room');
      expect(await t.store.getRoom('room-a')).toMatchObject({ status: 'finished', endedAt: '2030-05-01T11:00:00.000Z' });
      expect((await t.store.runningRooms()).map((room) => room.id)).toEqual(['room-b']);
      expect(await t.store.getRoom('no-such-room')).toBeNull();
    });

    it("replaces a room's settings and nothing else", async () => {
      await t.store.createRoom(newRoom('room-a'));
      await t.store.createRoom(newRoom('room-b'));
      const before = await t.store.getRoom('room-a');
      await t.store.updateRoomSettings('room-a', { teams: ['red', 'blue', 'green'] });
      expect(await t.store.getRoom('room-a')).toEqual({ ...before, settings: { teams: ['red', 'blue', 'green'] } });
      expect((await t.store.getRoom('room-b'))?.settings).toEqual(newRoom('room-b').settings);
    });
  });

  describe('command log', () => {
    beforeEach(async () => {
      await t.store.createRoom(newRoom('r1'));
      await t.store.createRoom(newRoom('r2'));
    });

    it('keeps append order (not tick order) and filters by tick', async () => {
      const log = [entry(5, 'p1', 1), entry(3, 'p2', 1, 'blue'), entry(7, 'p1', 2), entry(5, 'p2', 2, 'blue')];
      for (const e of log) expect(await t.store.appendCommand('r1', e)).toBe('appended');
      expect(await t.store.listCommands('r1')).toEqual(log);
      expect(await t.store.listCommands('r1', 5)).toEqual([log[0], log[2], log[3]]);
      expect(await t.store.listCommands('r1', 8)).toEqual([]);
      expect(await t.store.listCommands('r2')).toEqual([]);
    });

    it('answers duplicate for the same player and seq without writing', async () => {
      await t.store.appendCommand('r1', entry(5, 'p1', 1));
      await t.store.appendCommand('r1', entry(6, 'p1', 2));
      const before = await t.store.listCommands('r1');
      // A resend after a reconnect, stamped later and even with another command: still the same.
      expect(await t.store.appendCommand('r1', { ...entry(9, 'p1', 1), command: { type: 'rollback' } })).toBe('duplicate');
      expect(await t.store.listCommands('r1')).toEqual(before);
      // The same seq from another player, or in another room, is a different command.
      expect(await t.store.appendCommand('r1', entry(9, 'p2', 1))).toBe('appended');
      expect(await t.store.appendCommand('r2', entry(9, 'p1', 1))).toBe('appended');
      expect(await t.store.listCommands('r1')).toEqual([...before, entry(9, 'p2', 1)]);
    });

    it('reports the highest seq per player', async () => {
      expect(await t.store.lastSequences('r1')).toEqual({});
      await t.store.appendCommand('r1', entry(1, 'p1', 4));
      await t.store.appendCommand('r1', entry(2, 'p1', 2)); // arrives later, lower seq
      await t.store.appendCommand('r1', entry(2, 'p2', 7, 'blue'));
      await t.store.appendCommand('r2', entry(2, 'p1', 99));
      expect(await t.store.lastSequences('r1')).toEqual({ p1: 4, p2: 7 });
    });

    it('refuses commands for a room that does not exist', async () => {
      await expect(t.store.appendCommand('ghost', entry(1, 'p1', 1))).rejects.toThrow();
    });
  });

  describe('snapshots', () => {
    const snapshot = (tick: number, hash: string): SnapshotRecord => ({
      tick,
      hashes: { red: hash, blue: `${hash}-b` },
      states: { red: { tick, money: 1000.5, components: [{ id: 'web-1', count: 2 }] }, blue: { tick, money: 0 } },
      room: { clock: tick * 100, seats: [{ player: 'p1', team: 'red' }] },
    });

    it('returns the newest and keeps it and the one before it', async () => {
      await t.store.createRoom(newRoom('r1'));
      await t.store.createRoom(newRoom('r2'));
      expect(await t.store.latestSnapshot('r1')).toBeNull();
      await t.store.saveSnapshot('r1', snapshot(100, 'aaa'));
      await t.store.saveSnapshot('r2', { ...snapshot(50, 'other'), room: null });
      await t.store.saveSnapshot('r1', snapshot(200, 'bbb'));
      expect(await t.store.latestSnapshot('r1')).toEqual(snapshot(200, 'bbb'));
      expect(await t.backend.snapshotTicks('r1')).toEqual([100, 200]);
      await t.store.saveSnapshot('r1', snapshot(300, 'ccc'));
      expect(await t.backend.snapshotTicks('r1')).toEqual([200, 300]);
      // Saving the same tick again replaces it.
      await t.store.saveSnapshot('r1', snapshot(300, 'ddd'));
      expect(await t.store.latestSnapshot('r1')).toEqual(snapshot(300, 'ddd'));
      expect(await t.backend.snapshotTicks('r1')).toEqual([200, 300]);
      expect(await t.store.latestSnapshot('r2')).toEqual({ ...snapshot(50, 'other'), room: null });
    });

    it('reads back the kept snapshots newest first, a damaged row as its error', async () => {
      await t.store.createRoom(newRoom('r1'));
      await t.store.saveSnapshot('r1', snapshot(100, 'aaa'));
      await t.store.saveSnapshot('r1', snapshot(200, 'bbb'));
      await t.backend.damageSnapshot('r1', 200);
      const [newest, older, ...rest] = await t.store.recentSnapshots('r1');
      expect(rest).toEqual([]);
      expect(newest).toMatchObject({ tick: 200, error: expect.any(Error) });
      expect(older).toEqual({ tick: 100, snapshot: snapshot(100, 'aaa') });
      expect(await t.store.recentSnapshots('r2')).toEqual([]);
    });
  });

  describe('results and replays', () => {
    it('round-trips a result document exactly, key order included', async () => {
      setClock('2030-06-01T00:00:00.000Z');
      const result = { id: 'res-1', roomId: 'room-x', mode: 'solo' as const, scenarioId: 'sandbox', result: awkwardDocument };
      await t.store.saveResult(result);
      const stored = await t.store.getResult('res-1');
      expect(stored).toEqual({ ...result, createdAt: '2030-06-01T00:00:00.000Z' });
      expect(JSON.stringify(stored?.result)).toBe(JSON.stringify(awkwardDocument));
      expect(await t.store.getResult('res-2')).toBeNull();
    });

    it('round-trips a replay with a shipped scenario exactly', async () => {
      const replay: Omit<ReplayRecord, 'createdAt'> = {
        id: 'rep-1',
        roomId: 'room-x',
        scenario: sandbox,
        seed: 7,
        teams: ['red', 'blue'],
        log: [
          entry(0, 'p1', 1),
          { tick: 3, team: 'blue', player: 'p2', seq: 1, command: { type: 'geoRoute', region: 'eu', weights: { eu: 0.7, ap: 0.3 } } },
        ],
        finalTick: 600,
        finalHashes: { red: '0f3a', blue: '9c1d' },
        version: 1,
      };
      await t.store.saveReplay(replay);
      const stored = await t.store.getReplay('rep-1');
      expect(stored).toEqual({ ...replay, createdAt: expect.any(String) });
      expect(JSON.stringify(stored?.scenario)).toBe(JSON.stringify(loadPreset('sandbox')));
      expect(await t.store.getReplay('rep-2')).toBeNull();
    });

    it("serves a replay saved without a log from its room's own log", async () => {
      await t.store.createRoom(newRoom('r1'));
      await t.store.appendCommand('r1', entry(0, 'p1', 0));
      await t.store.appendCommand('r1', entry(2, 'p1', 1));
      await t.store.saveReplay({
        id: 'rep-3',
        roomId: 'r1',
        scenario: sandbox,
        seed: 7,
        teams: ['red'],
        finalTick: 10,
        finalHashes: { red: '00ff' },
        version: null,
      });
      const stored = await t.store.getReplay('rep-3');
      expect(stored?.log).toEqual(await t.store.listCommands('r1'));
      expect(stored?.log).toHaveLength(2);
      // A replay stored before replays carried the simulation's version says it does not know.
      expect(stored?.version).toBeNull();
    });
  });

  describe('saved scenarios', () => {
    it("keeps the document text exactly, lists a profile's newest first and counts them", async () => {
      const document = '{"id":"my-class","name":{"en":"Week 3","ko":"3주차"},"startMoney":500}';
      setClock('2030-06-01T00:00:00.000Z');
      await t.store.saveScenario({ id: 'custom-000000000001', profileId: 'teacher-one', name: { en: 'Week 3', ko: '3주차' }, document });
      setClock('2030-06-02T00:00:00.000Z');
      await t.store.saveScenario({
        id: 'custom-000000000002',
        profileId: 'teacher-one',
        name: { en: 'Week 4', ko: '4주차' },
        document: '{}',
      });
      await t.store.saveScenario({
        id: 'custom-000000000003',
        profileId: 'teacher-two',
        name: { en: 'Other', ko: '다른' },
        document: '{}',
      });
      expect(await t.store.getScenario('custom-000000000001')).toEqual({
        id: 'custom-000000000001',
        profileId: 'teacher-one',
        name: { en: 'Week 3', ko: '3주차' },
        document,
        createdAt: '2030-06-01T00:00:00.000Z',
      });
      expect(await t.store.getScenario('custom-00000000000f')).toBeNull();
      const listed = await t.store.listScenarios('teacher-one', 10);
      expect(listed.map((s) => [s.id, s.name.en])).toEqual([
        ['custom-000000000002', 'Week 4'],
        ['custom-000000000001', 'Week 3'],
      ]);
      expect(listed[0]).not.toHaveProperty('document');
      expect((await t.store.listScenarios('teacher-one', 1)).map((s) => s.id)).toEqual(['custom-000000000002']);
      expect(await t.store.countScenarios('teacher-one')).toBe(2);
      expect(await t.store.countScenarios('nobody-at-all')).toBe(0);
      await expect(
        t.store.saveScenario({ id: 'custom-000000000001', profileId: 'teacher-two', name: { en: 'x', ko: '엑스' }, document: '{}' }),
      ).rejects.toThrow();
    });
  });

  describe('reopening', () => {
    it('keeps the data, and running the migrations again applies nothing', async () => {
      await t.store.upsertProfile('p1', 'Ada');
      await t.store.createRoom(newRoom('r1'));
      await t.store.appendCommand('r1', entry(1, 'p1', 1));
      const room = await t.store.getRoom('r1');
      const migrations = await t.backend.migrations();
      expect(migrations.map((m) => m.version)).toEqual([1, 2, 3, 4]);

      await t.store.close();
      t.store = await t.backend.open();
      expect(await t.store.getProfile('p1')).toMatchObject({ name: 'Ada' });
      expect(await t.store.getRoom('r1')).toEqual(room);
      expect(await t.store.listCommands('r1')).toEqual([entry(1, 'p1', 1)]);
      expect(await t.backend.migrateAgain()).toEqual([]);
      expect(await t.backend.migrations()).toEqual(migrations);
      await expect(t.store.ping()).resolves.toBeUndefined();
    });
  });
}

describe('SqliteGameStore', () => {
  storeContract(async () => sqliteBackend());
});

describe.skipIf(PG_URL === undefined)('PostgresGameStore', () => {
  let admin: pg.Pool;
  beforeAll(() => {
    admin = new pg.Pool({ connectionString: PG_URL });
  });
  afterAll(async () => {
    await admin?.end();
  });

  storeContract(() => postgresBackend(admin));

  describe('concurrency', () => {
    const t = useStore(() => postgresBackend(admin));

    /** Positions as stored, which the interface does not show. */
    async function positions(roomId: string): Promise<number[]> {
      const { rows } = await admin.query(`SELECT position FROM ${t.backend.schema}.room_commands WHERE room_id = $1 ORDER BY position`, [
        roomId,
      ]);
      return rows.map((row) => Number(row.position));
    }

    /** Runs `work` with a second store (its own pool, as a second server process would have). */
    async function withSecondProcess(work: (stores: GameStore[]) => Promise<void>): Promise<void> {
      const other = await t.backend.open();
      try {
        await work([t.store, other]);
      } finally {
        await other.close();
      }
    }

    it('numbers 20 concurrent appends to one room 0..19, with no gaps or errors', async () => {
      await t.store.createRoom(newRoom('r1'));
      const sent = Array.from({ length: 20 }, (_, i) => entry(i, `p${i % 4}`, i));
      await withSecondProcess(async (stores) => {
        const outcomes = await Promise.all(sent.map((e, i) => (stores[i % 2] as GameStore).appendCommand('r1', e)));
        expect(outcomes).toEqual(Array(20).fill('appended'));
      });
      expect(await positions('r1')).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect((await t.store.listCommands('r1')).sort((a, b) => a.seq - b.seq)).toEqual(sent);
    });

    it('writes a command resent concurrently through both processes exactly once', async () => {
      await t.store.createRoom(newRoom('r1'));
      const sent = Array.from({ length: 10 }, (_, i) => entry(i, 'p1', i));
      await withSecondProcess(async (stores) => {
        const outcomes = await Promise.all(sent.flatMap((e) => stores.map((store) => store.appendCommand('r1', e))));
        expect(outcomes.filter((o) => o === 'appended')).toHaveLength(10);
        expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(10);
      });
      expect(await positions('r1')).toEqual(Array.from({ length: 10 }, (_, i) => i));
      expect(await t.store.lastSequences('r1')).toEqual({ p1: 9 });
    });

    it('lets three processes migrate a new database at the same time', async () => {
      const fresh = await postgresBackend(admin);
      try {
        const stores = await Promise.all([fresh.open(), fresh.open(), fresh.open()]);
        await Promise.all(stores.map((store) => store.close()));
        expect((await fresh.migrations()).map((m) => m.version)).toEqual([1, 2, 3, 4]);
      } finally {
        await fresh.dispose();
      }
    });
  });
});
