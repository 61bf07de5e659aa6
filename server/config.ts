// The server's settings from its environment, checked once at start-up with readable errors.
import { resolve } from 'node:path';
import { z } from 'zod';
import type { ServerOptions } from './app';
import type { RoomTimings } from './rooms/roomServices';

const optionalInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max).optional();

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(2567),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'a redis:// URL').optional(),
  /** host[:port][/path] where browsers reach this process directly (several processes behind Redis). */
  PUBLIC_ADDRESS: z.string().regex(/^[A-Za-z0-9.[\]:-]+(\/[\w./-]*)?$/, 'host[:port][/path], without a scheme').optional(),
  /** Real milliseconds per tick at 1× (default 1000: one simulated minute per second). */
  SCALE_UP_TICK_MS: optionalInt(5, 60_000),
  SCALE_UP_MATCH_SPEED: z.enum(['1', '2', '4', '8']).optional(),
  SCALE_UP_RECONNECT_SECONDS: optionalInt(0, 3600),
  SCALE_UP_EMPTY_ROOM_SECONDS: optionalInt(1, 7 * 24 * 3600),
  SCALE_UP_SNAPSHOT_TICKS: optionalInt(1, 100_000),
});

/** Reads the options of `startServer` from `env`; throws an Error listing every bad variable. */
export function serverOptionsFromEnv(env: NodeJS.ProcessEnv): ServerOptions {
  // Empty variables count as unset (a common shell mistake: `DATABASE_URL= npm start`).
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  const e = parsed.data;
  const timings: Partial<RoomTimings> = {};
  if (e.SCALE_UP_TICK_MS !== undefined) timings.tickMs = e.SCALE_UP_TICK_MS;
  if (e.SCALE_UP_MATCH_SPEED !== undefined) timings.matchSpeed = Number(e.SCALE_UP_MATCH_SPEED) as RoomTimings['matchSpeed'];
  if (e.SCALE_UP_RECONNECT_SECONDS !== undefined) timings.reconnectSeconds = e.SCALE_UP_RECONNECT_SECONDS;
  if (e.SCALE_UP_EMPTY_ROOM_SECONDS !== undefined) timings.emptyRoomSeconds = e.SCALE_UP_EMPTY_ROOM_SECONDS;
  if (e.SCALE_UP_SNAPSHOT_TICKS !== undefined) timings.snapshotEveryTicks = e.SCALE_UP_SNAPSHOT_TICKS;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    publicAddress: e.PUBLIC_ADDRESS,
    timings,
  };
}
