// The game server: Colyseus (rooms, matchmaking, WebSocket) and HTTP (health, metrics, replays,
// results, the built client) on one port, backed by the store. With REDIS_URL, Colyseus's
// RedisPresence and RedisDriver let several processes share matchmaking and join codes.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { defineRoom, defineServer, LobbyRoom, LocalPresence, matchMaker, type Presence, type Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { ROOM_NAME } from '../shared/protocol/messages';
import { parseOriginSetting } from './http/cors';
import { DEFAULT_HTTP_LIMITS, guardRequests, type HttpLimits } from './http/requestGuard';
import { roomDirectory } from './http/roomDirectory';
import { mountRoutes } from './http/routes';
import { ForecastPool } from './forecast/pool';
import { createLogger, type Logger } from './logger';
import { GameMetrics } from './metrics';
import { GameRoom } from './rooms/GameRoom';
import { restoreRunningRooms } from './rooms/recovery';
import { DEFAULT_TIMINGS, type RoomServices, type RoomTimings } from './rooms/roomServices';
import { openStore } from './store';
import type { GameStore } from './store/types';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where `vite build` puts the client (see vite.config.ts). */
const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../dist/client', import.meta.url));

/** Largest WebSocket frame accepted: a hard ceiling against floods (the room refuses far smaller ones politely). */
const MAX_PAYLOAD_BYTES = 64 * 1024;

export interface ServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Folder holding scale-up.db; created if missing. */
  dataDir: string;
  host?: string;
  staticDir?: string;
  /** PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** Share matchmaking with other processes through Redis. */
  redisUrl?: string;
  /**
   * host[:port] at which browsers reach THIS process directly (scale-out): seat reservations
   * send clients there, whichever process they asked.
   */
  publicAddress?: string;
  logger?: Logger;
  timings?: Partial<RoomTimings>;
  /** Recreate rooms the store says were running (default true). */
  restoreRooms?: boolean;
  /** Body size and matchmaking rate limits (default DEFAULT_HTTP_LIMITS); tests raise them. */
  httpLimits?: Partial<HttpLimits>;
  /** Origins besides the server's own whose pages may call it (`https://example.com`). */
  allowedOrigins?: readonly string[];
  /** Proxies in front that append the client's address to X-Forwarded-For (default 0). */
  trustedProxyHops?: number;
  /** Start even though the SQLite database lost data it had (see store/dataLoss.ts). */
  acceptDataLoss?: boolean;
  /** Worker threads for forecasts (default: one per core, at most two). */
  forecastThreads?: number;
  /** Start the forecast threads with the server instead of on the first forecast (`npm start` does). */
  warmForecasts?: boolean;
}

export interface RunningServer {
  /** Base URL to open in a browser, e.g. http://localhost:2567 */
  url: string;
  port: number;
  gameServer: Server;
  store: GameStore;
  metrics: GameMetrics;
  /** Codes of the rooms restored at start-up. */
  restored: string[];
  /** Saves every room (snapshot), closes connections and the store. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '0.0.0.0';
  const logger = options.logger ?? createLogger();
  const allowedOrigins = new Set(
    (options.allowedOrigins ?? []).map((origin) => {
      const normal = parseOriginSetting(origin);
      if (normal === null) throw new Error(`not an http(s) origin: ${origin}`);
      return normal;
    }),
  );
  const { store, dataGuard } = await openStore({
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    acceptDataLoss: options.acceptDataLoss,
  });
  if (dataGuard.accepted !== null)
    logger.warn({ problem: dataGuard.accepted }, 'the database lost data; starting with it as it is (SCALE_UP_ACCEPT_DATA_LOSS)');
  const metrics = new GameMetrics();
  const forecasts = new ForecastPool(logger, options.forecastThreads === undefined ? {} : { threads: options.forecastThreads });
  if (options.warmForecasts === true) forecasts.warm();
  const services: RoomServices = { store, logger, metrics, forecasts, timings: { ...DEFAULT_TIMINGS, ...options.timings } };

  let presence: Presence = new LocalPresence();
  let driver: matchMaker.MatchMakerDriver | undefined;
  if (options.redisUrl) {
    const [{ RedisPresence }, { RedisDriver }] = await Promise.all([import('@colyseus/redis-presence'), import('@colyseus/redis-driver')]);
    presence = new RedisPresence(options.redisUrl);
    driver = new RedisDriver(options.redisUrl);
  }

  const httpServer = createServer();
  const transport = new WebSocketTransport({ server: httpServer, maxPayload: MAX_PAYLOAD_BYTES });
  // The transport only prints the HTTP server's errors, so a busy port would leave listen()
  // waiting for ever: they are handled here instead.
  httpServer.removeAllListeners('error');
  const gameServer = defineServer({
    rooms: {
      // The services ride in the definition's options, which Colyseus merges over each client's.
      [ROOM_NAME]: defineRoom(GameRoom, { services }).enableRealtimeListing(),
      lobby: defineRoom(LobbyRoom),
    },
    transport,
    presence,
    driver,
    publicAddress: options.publicAddress,
    greet: false,
    gracefullyShutdown: false,
    logger: logger.child({ component: 'colyseus' }),
    express: (app) => {
      mountRoutes(app, {
        store,
        rooms: roomDirectory(presence),
        metrics,
        staticDir: options.staticDir ?? DEFAULT_STATIC_DIR,
        version: readVersion(),
        startedAt: performance.now(),
      });
    },
  });

  let failListen: (error: Error) => void = () => {};
  const listenFailed = new Promise<never>((_resolve, reject) => (failListen = reject));
  httpServer.on('error', failListen);
  try {
    await Promise.race([gameServer.listen(options.port, host), listenFailed]);
  } catch (error) {
    // listen() registered this process with the matchmaker (and Redis) before binding.
    await gameServer.gracefullyShutdown(false).catch(() => undefined);
    await forecasts.close();
    await store.close();
    throw listenError(error, host, options.port);
  } finally {
    httpServer.off('error', failListen);
  }
  httpServer.on('error', (error) => logger.error({ err: error }, 'HTTP server error'));
  guardRequests(httpServer, {
    limits: { ...DEFAULT_HTTP_LIMITS, ...options.httpLimits },
    allowedOrigins,
    trustedProxyHops: options.trustedProxyHops ?? 0,
  });
  dataGuard.markRunning();
  const port = (httpServer.address() as AddressInfo).port;
  const restored = options.restoreRooms === false ? [] : await restoreRunningRooms(store, presence, logger);
  if (restored.length > 0) logger.info({ rooms: restored }, 'rooms restored after a restart');

  let closing: Promise<void> | undefined;
  return {
    url: `http://${displayHost(host)}:${port}`,
    port,
    gameServer,
    store,
    metrics,
    restored,
    close: () => {
      closing ??= (async () => {
        await gameServer.gracefullyShutdown(false);
        httpServer.closeAllConnections();
        await forecasts.close();
        await store.close();
        try {
          dataGuard.markStopped();
        } catch (error) {
          // The next start will take this clean stop for a crash that lost the -wal file, and say so.
          logger.warn({ err: error }, 'could not record the clean shutdown in the database marker');
        }
      })();
      return closing;
    },
  };
}

/** A listen failure as one readable sentence, keeping the system error's code (EADDRINUSE, …). */
function listenError(error: unknown, host: string, port: number): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = `${displayHost(host)}:${port}`;
  const message =
    code === 'EADDRINUSE'
      ? `port ${port} is in use (another process listens on ${where})`
      : code === 'EACCES'
        ? `no permission to listen on port ${port}`
        : code === 'EADDRNOTAVAIL'
          ? `address ${host} is not available on this machine`
          : `cannot listen on ${where}: ${(error as Error | undefined)?.message ?? String(error)}`;
  return Object.assign(new Error(message, { cause: error }), { code });
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(`${REPO_ROOT}package.json`, 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

/** A wildcard bind address is reachable as localhost; anything else is shown as given. */
function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
