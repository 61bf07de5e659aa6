// What game rooms need from the server that runs them: the store, logs, metrics and timing
// settings. Colyseus constructs rooms itself; the server passes its services as the options of
// its room definition (`defineRoom(GameRoom, { services })` in app.ts), and Colyseus merges those
// into every onCreate's options over whatever the client sent. So each server's rooms get that
// server's services (nothing module-wide holds them), and no client can replace them.
import type { Logger } from '../logger';
import type { GameMetrics } from '../metrics';
import type { ForecastPool } from '../forecast/pool';
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
  /** The server's forecast worker threads, shared by its rooms. */
  forecasts: ForecastPool;
  logger: Logger;
  metrics: GameMetrics;
  timings: RoomTimings;
}

/**
 * What a game room's onCreate receives: the services of its definition, merged by Colyseus over
 * the client's own create options (the rest of the object, parsed by the room like any client input).
 */
export type GameRoomOptions = { services: RoomServices } & Record<string, unknown>;
