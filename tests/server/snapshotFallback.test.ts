/**
 * Recovery when snapshots are damaged: the command log is the source of truth, so a room whose
 * newest snapshot cannot be read (or does not match its hashes) comes back from the one before
 * it, and with no usable snapshot from the log alone, to the same state hashes as the live room.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandEntry } from '../../shared/sim';
import { createLogger } from '../../server/logger';
import { newRoomRecord, roomSettings } from '../../server/rooms/gameSetup';
import { loadStoredRoom } from '../../server/rooms/recovery';
import { TeamSims } from '../../server/rooms/teamSims';
import { DATABASE_FILE } from '../../server/store/sqlite';
import { SqliteGameStore } from '../../server/store/sqliteGameStore';

let dir: string;
let store: SqliteGameStore;
const logger = createLogger('silent');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scale-up-fallback-'));
  store = SqliteGameStore.open(dir);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Plays a two-team room for 23 ticks (one past its last command) with a logged command now and then; snapshots at 10 and 20. */
async function playedRoom(): Promise<{ id: string; live: TeamSims }> {
  const { record } = newRoomRecord({ mode: 'match', playerId: 'creator-0001', scenario: 'sandbox', seed: 5 }, 'FALLBK');
  await store.createRoom(record);
  const live = new TeamSims(record.scenario, record.seed, roomSettings(record).teams);
  const plan: Record<number, CommandEntry> = {
    2: { tick: 2, team: 'red', player: 'seat-red', seq: 0, command: { type: 'buy', kind: 'cache', region: 'ap', size: 'small' } },
    14: { tick: 14, team: 'blue', player: 'seat-blue', seq: 0, command: { type: 'buy', kind: 'queue', region: 'ap', size: 'small' } },
    22: { tick: 22, team: 'red', player: 'seat-red', seq: 1, command: { type: 'buyFeature', feature: 'hostMetrics' } },
  };
  while (live.tick < 23) {
    const entry = plan[live.tick];
    if (entry !== undefined) await store.appendCommand(record.id, entry);
    live.step(entry === undefined ? [] : [entry]);
    if (live.tick === 10 || live.tick === 20) {
      const seats = [{ seatId: `seats-at-${live.tick}`, playerId: 'creator-0001', name: 'Ada', team: 'red', role: 'captain', lastSeq: 0 }];
      await store.saveSnapshot(record.id, live.snapshot({ phase: 'running', paused: false, speed: 2, seats }));
    }
  }
  return { id: record.id, live };
}

function damage(id: string, tick: number, states: string): void {
  const db = new DatabaseSync(join(dir, DATABASE_FILE));
  try {
    db.prepare('UPDATE room_snapshots SET states = ? WHERE room_id = ? AND tick = ?').run(states, id, tick);
  } finally {
    db.close();
  }
}

/** The live room's hashes at the tick a restore resumes at (past the last command and snapshot). */
function liveAt(live: TeamSims, tick: number): Record<string, string> {
  while (live.tick < tick) live.step([]);
  return live.hashes();
}

describe('restoring a room with damaged snapshots', () => {
  it('uses the newest snapshot when it is sound', async () => {
    const { id, live } = await playedRoom();
    const loaded = await loadStoredRoom(store, id, logger);
    expect(loaded.snapshotTick).toBe(20);
    expect(loaded.sims.hashes()).toEqual(liveAt(live, loaded.sims.tick));
  });

  it('falls back to the snapshot before it when the newest row cannot be read, seats from the older one', async () => {
    const { id, live } = await playedRoom();
    damage(id, 20, '{"red": {"tick');
    const loaded = await loadStoredRoom(store, id, logger);
    expect(loaded.snapshotTick).toBe(10);
    expect(loaded.sims.tick).toBe(23);
    expect(loaded.sims.hashes()).toEqual(liveAt(live, 23));
    expect(loaded.room?.seats.map((seat) => seat.seatId)).toEqual(['seats-at-10']);
  });

  it('falls back when the newest snapshot parses but does not match its hashes', async () => {
    const { id, live } = await playedRoom();
    const snapshots = await store.recentSnapshots(id);
    const newest = snapshots[0];
    if (newest === undefined || !('snapshot' in newest)) throw new Error('no snapshot');
    (newest.snapshot.states.red as { money: number }).money += 1;
    damage(id, 20, JSON.stringify(newest.snapshot.states));
    const loaded = await loadStoredRoom(store, id, logger);
    expect(loaded.snapshotTick).toBe(10);
    expect(loaded.sims.hashes()).toEqual(liveAt(live, loaded.sims.tick));
    // Its seats could still be read.
    expect(loaded.room?.seats.map((seat) => seat.seatId)).toEqual(['seats-at-20']);
  });

  it('rebuilds from the log alone when no snapshot can be used', async () => {
    const { id, live } = await playedRoom();
    damage(id, 20, 'not json');
    damage(id, 10, 'not json either');
    const loaded = await loadStoredRoom(store, id, logger);
    expect(loaded.snapshotTick).toBeNull();
    expect(loaded.room).toBeNull();
    // Never behind the newest snapshot's tick, even when that snapshot is unreadable.
    expect(loaded.sims.tick).toBe(23);
    expect(loaded.sims.hashes()).toEqual(liveAt(live, 23));
  });
});
