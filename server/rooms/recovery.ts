// Crash recovery: at start-up, every room the store still calls running is created again under its
// code, from its last snapshot and its log. Clients then rejoin their seats by code. A restore is
// asked for with a one-time token kept in presence, so no client can make a room load another's
// log by passing options.
import { randomBytes } from 'node:crypto';
import { matchMaker, type Presence } from '@colyseus/core';
import { ROOM_NAME } from '../../shared/protocol/messages';
import type { Logger } from '../logger';
import type { GameStore, RoomRecord } from '../store/types';
import { resumeTick, roomSettings, type RoomSnapshot } from './gameSetup';
import { TeamSims } from './teamSims';

const TOKENS_KEY = 'scale-up:restore-tokens';
const RESTORING_KEY = 'scale-up:restoring';

/** The stored room id a creation options object asks to restore, or null (the token is used up). */
export async function consumeRestoreToken(presence: Presence, options: unknown): Promise<string | null> {
  const token = (options as { restoreToken?: unknown } | null)?.restoreToken;
  if (typeof token !== 'string') return null;
  const roomId = await presence.hget(TOKENS_KEY, token);
  if (roomId === null) throw new Error('unknown restore token');
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
  /** Seats and clock as last saved; null when the room never saved a snapshot. */
  room: RoomSnapshot | null;
  /** Highest sequence number logged per player. */
  lastSeqs: Record<string, number>;
  commands: number;
  snapshotTick: number | null;
}

/**
 * Rebuilds a stored room's simulations: the last snapshot (its hash checked) plus the log, up to
 * the tick after the last logged command (ticks after it with no command since the snapshot are
 * simply run again).
 */
export async function loadStoredRoom(store: GameStore, id: string): Promise<StoredRoom> {
  const record = await store.getRoom(id);
  if (record === null) throw new Error(`no stored room ${id}`);
  const snapshot = await store.latestSnapshot(id);
  const log = await store.listCommands(id);
  const lastTick = log.reduce((max, entry) => Math.max(max, entry.tick), -1);
  const sims = TeamSims.restore(record.scenario, record.seed, roomSettings(record).teams, snapshot, log, resumeTick(snapshot, lastTick));
  return {
    record,
    sims,
    room: (snapshot?.room ?? null) as RoomSnapshot | null,
    lastSeqs: await store.lastSequences(id),
    commands: log.length,
    snapshotTick: snapshot?.tick ?? null,
  };
}
