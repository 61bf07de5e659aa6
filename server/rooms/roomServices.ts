// What game rooms need from the process: the store, logs, metrics and timing settings. Colyseus
// constructs rooms itself, so the server registers these once before it listens.
import type { Logger } from '../logger';
import type { GameMetrics } from '../metrics';
import type { GameStore } from '../store/types';
import { DEFAULT_SEAT_LIMITS, type SeatLimits } from './seats';

export interface RoomTimings {
  /** Real milliseconds per tick at 1× (a tick is one simulated minute). */
  tickMs: number;
  /** The fixed speed of competitive matches. */
  matchSpeed: 1 | 2 | 4 | 8;
  /** How long a dropped client keeps its seat before the seat is marked away, seconds. */
  reconnectSeconds: number;
  /** How long a room with nobody in it waits for someone to come back before it ends, seconds. */
  emptyRoomSeconds: number;
  /** How long a room that nobody has joined yet is kept (it is not stored until someone joins), seconds. */
  unjoinedRoomSeconds: number;
  /** How many seats a room gives out (players, instructor, spectators). */
  seats: SeatLimits;
  /** A snapshot every this many ticks (and on seat changes and shutdown). */
  snapshotEveryTicks: number;
  /** Messages per second past which Colyseus disconnects a client: a ceiling against floods only. */
  floodMessagesPerSecond: number;
  /** Commands per second per client, and the burst allowed. */
  commandRate: number;
  commandBurst: number;
}

export const DEFAULT_TIMINGS: RoomTimings = {
  tickMs: 1000,
  matchSpeed: 2,
  reconnectSeconds: 60,
  emptyRoomSeconds: 600,
  unjoinedRoomSeconds: 60,
  seats: DEFAULT_SEAT_LIMITS,
  snapshotEveryTicks: 30,
  floodMessagesPerSecond: 100,
  commandRate: 10,
  commandBurst: 20,
};

export interface RoomServices {
  store: GameStore;
  logger: Logger;
  metrics: GameMetrics;
  timings: RoomTimings;
}

let current: RoomServices | undefined;

export function setRoomServices(services: RoomServices): void {
  current = services;
}

export function roomServices(): RoomServices {
  if (current === undefined) throw new Error('room services are not set: call setRoomServices() before rooms are created');
  return current;
}
