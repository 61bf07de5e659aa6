// Crash recovery: at start-up, every room the store still calls running is created again under its
// code, from its last snapshot and its log. Clients then rejoin their seats by code. A restore is
// asked for with a one-time token kept in presence, so no client can make a room load another's
// log by passing options.
import { randomBytes } from 'node:crypto';
import { matchMaker, type Presence } from '@colyseus/core';
import { ROOM_NAME } from '../../shared/protocol/messages';
import type { Logger } from '../logger';
import type { GameStore, RoomRecord, SnapshotRecord, StoredSnapshot } from '../store/types';
import { resumeTick, roomSettings, type RoomSnapshot } from './gameSetup';
import { refuseCreate } from './joining';
import { SnapshotMismatchError, TeamSims } from './teamSims';

const TOKENS_KEY = 'scale-up:restore-tokens';
const RESTORING_KEY = 'scale-up:restoring';

/**
 * The stored room id a creation options object asks to restore, or null (the token is used up).
 * A token this server did not issue is a client's guess: refused like any bad create option.
 */
export async function consumeRestoreToken(presence: Presence, options: unknown): Promise<string | null> {
  const token = (options as { restoreToken?: unknown } | null)?.restoreToken;
  if (typeof token !== 'string') return null;
  const roomId = await presence.hget(TOKENS_KEY, token);
  if (roomId === null) refuseCreate('invalid-create', 'unknown restore token');
  await presence.hdel(TOKENS_KEY, token);
  return roomId;
}

/** Recreates every running room this process finds in the store; returns the codes restored. */
export async function restoreRunningRooms(store: GameStore, presence: Presence, logger: Logger): Promise<string[]> {
  const restored: string[] = [];
  for (const room of await store.runningRooms()) {
    // Processes sharing Redis and one database start together: one claim per room and minute
    // (atomic in Redis), so only one of them restores it.
    if ((await presence.hincrbyex(`${RESTORING_KEY}:${room.id}`, 'claims', 1, 60)) !== 1) continue;
    // Another process may already run it (the local driver answers synchronously).
    const existing = await Promise.resolve()
      .then(() => matchMaker.getRoomById(room.code))
      .catch(() => undefined);
    if (existing) continue;
    const token = randomBytes(16).toString('hex');
    await presence.hset(TOKENS_KEY, token, room.id);
    try {
      // Created here, not wherever the matchmaker would put it: the room's log may be in this
      // process's own SQLite file.
      await matchMaker.handleCreateRoom(ROOM_NAME, { restoreToken: token });
      restored.push(room.code);
    } catch (error) {
      await presence.hdel(TOKENS_KEY, token);
      logger.error({ room: room.code, err: error }, 'could not restore a room; marking it finished');
      await store.finishRoom(room.id);
    }
  }
  return restored;
}

export interface StoredRoom {
  record: RoomRecord;
  sims: TeamSims;
  /** Seats and clock as last saved; null when no readable snapshot had them. */
  room: RoomSnapshot | null;
  /** Highest sequence number logged per player. */
  lastSeqs: Record<string, number>;
  commands: number;
  /** The tick of the snapshot the simulations were rebuilt from; null: from the log alone. */
  snapshotTick: number | null;
}

/**
 * Rebuilds a stored room's simulations: from the newest snapshot that can be read and whose
 * hashes hold, else the one before it, else the log alone from tick 0 (the log is the source of
 * truth; snapshots only save time). Then the log up to the tick after the last logged command and
 * past every snapshot (ticks with no command since the snapshot are simply run again).
 */
export async function loadStoredRoom(store: GameStore, id: string, logger: Logger): Promise<StoredRoom> {
  const record = await store.getRoom(id);
  if (record === null) throw new Error(`no stored room ${id}`);
  const log = await store.listCommands(id);
  const snapshots = await store.recentSnapshots(id).catch((error: unknown): StoredSnapshot[] => {
    logger.error({ room: record.code, err: error }, 'could not read the snapshots; restoring from the log alone');
    return [];
  });
  const lastTick = log.reduce((max, entry) => Math.max(max, entry.tick), -1);
  const newestTick = snapshots.reduce((max, stored) => Math.max(max, stored.tick), 0);
  const tick = resumeTick(newestTick, lastTick);
  const teams = roomSettings(record).teams;
  let sims: TeamSims | undefined;
  let used: SnapshotRecord | null = null;
  for (const stored of snapshots) {
    if ('error' in stored) {
      logger.error(
        { room: record.code, tick: stored.tick, err: stored.error },
        'a snapshot cannot be read; trying an older one or the log',
      );
      continue;
    }
    try {
      sims = TeamSims.restore(record.scenario, record.seed, teams, stored.snapshot, log, tick);
      used = stored.snapshot;
      break;
    } catch (error) {
      if (!(error instanceof SnapshotMismatchError)) throw error;
      logger.error(
        { room: record.code, tick: stored.tick, err: error },
        'a snapshot does not match its hashes; trying an older one or the log',
      );
    }
  }
  sims ??= TeamSims.restore(record.scenario, record.seed, teams, null, log, tick);
  // Seats come from the newest snapshot that could be read, even if its states did not hold.
  const withRoom = snapshots.find(
    (stored): stored is { tick: number; snapshot: SnapshotRecord } => 'snapshot' in stored && stored.snapshot.room !== null,
  );
  return {
    record,
    sims,
    room: (withRoom?.snapshot.room ?? null) as RoomSnapshot | null,
    lastSeqs: await store.lastSequences(id),
    commands: log.length,
    snapshotTick: used?.tick ?? null,
  };
}
