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
import { mountRoutes } from './http/routes';
import { createLogger, type Logger } from './logger';
import { GameMetrics } from './metrics';
import { GameRoom } from './rooms/GameRoom';
import { restoreRunningRooms } from './rooms/recovery';
import { DEFAULT_TIMINGS, setRoomServices, type RoomTimings } from './rooms/roomServices';
import { openStore } from './store';
import type { GameStore } from './store/types';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where `vite build` puts the client (see vite.config.ts). */
export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../dist/client', import.meta.url));

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
  const store = await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  const metrics = new GameMetrics();
  setRoomServices({ store, logger, metrics, timings: { ...DEFAULT_TIMINGS, ...options.timings } });

  let presence: Presence = new LocalPresence();
  let driver: matchMaker.MatchMakerDriver | undefined;
  if (options.redisUrl) {
    const [{ RedisPresence }, { RedisDriver }] = await Promise.all([import('@colyseus/redis-presence'), import('@colyseus/redis-driver')]);
    presence = new RedisPresence(options.redisUrl);
    driver = new RedisDriver(options.redisUrl);
  }

  const httpServer = createServer();
  const gameServer = defineServer({
    rooms: {
      [ROOM_NAME]: defineRoom(GameRoom).enableRealtimeListing(),
      lobby: defineRoom(LobbyRoom),
    },
    transport: new WebSocketTransport({ server: httpServer, maxPayload: MAX_PAYLOAD_BYTES }),
    presence,
    driver,
    publicAddress: options.publicAddress,
    greet: false,
    gracefullyShutdown: false,
    logger: logger.child({ component: 'colyseus' }),
    express: (app) => {
      mountRoutes(app, { store, metrics, staticDir: options.staticDir ?? DEFAULT_STATIC_DIR, version: readVersion(), startedAt: performance.now() });
    },
  });

  try {
    await gameServer.listen(options.port, host);
  } catch (error) {
    await store.close();
    throw error;
  }
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
        await store.close();
      })();
      return closing;
    },
  };
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
