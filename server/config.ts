// The server's settings from its environment, checked once at start-up with readable errors.
import { resolve } from 'node:path';
import { z } from 'zod';
import { formatZodError } from '../shared/protocol/zodErrors';
import type { ServerOptions } from './app';
import { parseOriginSetting } from './http/cors';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from './http/requestGuard';
import type { RoomTimings } from './rooms/roomServices';
import { DEFAULT_SEAT_LIMITS } from './rooms/seats';

const optionalInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max).optional();

/** A comma-separated list of http(s) origins, e.g. `https://game.example.com,https://example.org`. */
const originList = z.string().transform((value, context) => {
  const origins: string[] = [];
  for (const part of value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')) {
    const origin = parseOriginSetting(part);
    if (origin === null) {
      context.addIssue({
        code: 'custom',
        message: `"${part}" is not an origin like https://example.com (scheme, host, optional port, nothing else)`,
      });
    } else origins.push(origin);
  }
  return origins;
});

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(2567),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a redis:// URL')
    .optional(),
  /** host[:port][/path] where browsers reach this process directly (several processes behind Redis). */
  PUBLIC_ADDRESS: z
    .string()
    .regex(/^[A-Za-z0-9.[\]:-]+(\/[\w./-]*)?$/, 'host[:port][/path], without a scheme')
    .optional(),
  /** Real milliseconds per tick at 1× (default 1000: one simulated minute per second). */
  SCALE_UP_TICK_MS: optionalInt(5, 60_000),
  SCALE_UP_MATCH_SPEED: z.enum(['1', '2', '4', '8']).optional(),
  SCALE_UP_RECONNECT_SECONDS: optionalInt(0, 3600),
  SCALE_UP_EMPTY_ROOM_SECONDS: optionalInt(1, 7 * 24 * 3600),
  SCALE_UP_SNAPSHOT_TICKS: optionalInt(1, 100_000),
  SCALE_UP_UNJOINED_ROOM_SECONDS: optionalInt(1, 3600),
  /** Seats a room gives out in all (players, instructor, spectators), per workshop team, and spectators. */
  SCALE_UP_MAX_SEATS: optionalInt(1, 1000),
  SCALE_UP_WORKSHOP_TEAM_SEATS: optionalInt(1, 1000),
  SCALE_UP_MAX_SPECTATORS: optionalInt(0, 1000),
  /** Pages on other origins that may call this server from a browser (its own always may). */
  ALLOWED_ORIGINS: originList.optional(),
  /** Proxies in front of the server that append the client's address to X-Forwarded-For. */
  TRUST_PROXY_HOPS: optionalInt(0, 10),
  SCALE_UP_MAX_BODY_BYTES: optionalInt(1024, 1024 * 1024),
  SCALE_UP_CREATE_PER_MINUTE: optionalInt(1, 100_000),
  SCALE_UP_CREATE_BURST: optionalInt(1, 100_000),
  SCALE_UP_JOIN_PER_MINUTE: optionalInt(1, 100_000),
  SCALE_UP_JOIN_BURST: optionalInt(1, 100_000),
  /** Start although the SQLite database lost data (see server/store/dataLoss.ts). */
  SCALE_UP_ACCEPT_DATA_LOSS: z.enum(['0', '1']).optional(),
});

/** Reads the options of `startServer` from `env`; throws an Error listing every bad variable. */
export function serverOptionsFromEnv(env: NodeJS.ProcessEnv): ServerOptions {
  // Empty variables count as unset (a common shell mistake: `DATABASE_URL= npm start`).
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    // Every bad variable, one a line: the operator fixes them all at once.
    throw new Error(formatZodError(parsed.error, { maxIssues: Infinity, separator: '\n' }));
  }
  const e = parsed.data;
  const timings: Partial<RoomTimings> = {};
  if (e.SCALE_UP_TICK_MS !== undefined) timings.tickMs = e.SCALE_UP_TICK_MS;
  if (e.SCALE_UP_MATCH_SPEED !== undefined) timings.matchSpeed = Number(e.SCALE_UP_MATCH_SPEED) as RoomTimings['matchSpeed'];
  if (e.SCALE_UP_RECONNECT_SECONDS !== undefined) timings.reconnectSeconds = e.SCALE_UP_RECONNECT_SECONDS;
  if (e.SCALE_UP_EMPTY_ROOM_SECONDS !== undefined) timings.emptyRoomSeconds = e.SCALE_UP_EMPTY_ROOM_SECONDS;
  if (e.SCALE_UP_SNAPSHOT_TICKS !== undefined) timings.snapshotEveryTicks = e.SCALE_UP_SNAPSHOT_TICKS;
  if (e.SCALE_UP_UNJOINED_ROOM_SECONDS !== undefined) timings.unjoinedRoomSeconds = e.SCALE_UP_UNJOINED_ROOM_SECONDS;
  timings.seats = {
    perRoom: e.SCALE_UP_MAX_SEATS ?? DEFAULT_SEAT_LIMITS.perRoom,
    perWorkshopTeam: e.SCALE_UP_WORKSHOP_TEAM_SEATS ?? DEFAULT_SEAT_LIMITS.perWorkshopTeam,
    spectators: e.SCALE_UP_MAX_SPECTATORS ?? DEFAULT_SEAT_LIMITS.spectators,
  };
  const httpLimits: HttpLimits = {
    maxBodyBytes: e.SCALE_UP_MAX_BODY_BYTES ?? DEFAULT_HTTP_LIMITS.maxBodyBytes,
    create: {
      perMinute: e.SCALE_UP_CREATE_PER_MINUTE ?? DEFAULT_HTTP_LIMITS.create.perMinute,
      burst: e.SCALE_UP_CREATE_BURST ?? DEFAULT_HTTP_LIMITS.create.burst,
    },
    join: {
      perMinute: e.SCALE_UP_JOIN_PER_MINUTE ?? DEFAULT_HTTP_LIMITS.join.perMinute,
      burst: e.SCALE_UP_JOIN_BURST ?? DEFAULT_HTTP_LIMITS.join.burst,
    },
    scenarioBodyBytes: DEFAULT_HTTP_LIMITS.scenarioBodyBytes,
    save: DEFAULT_HTTP_LIMITS.save,
  };
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    publicAddress: e.PUBLIC_ADDRESS,
    timings,
    httpLimits,
    allowedOrigins: e.ALLOWED_ORIGINS ?? [],
    trustedProxyHops: e.TRUST_PROXY_HOPS ?? 0,
    acceptDataLoss: e.SCALE_UP_ACCEPT_DATA_LOSS === '1',
  };
}
