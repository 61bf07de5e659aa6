/**
 * A real game server for tests: Colyseus, WebSocket and HTTP on a free loopback port, SQLite in a
 * fresh temporary folder, fast ticks. Clients are the real @colyseus/sdk (ColyseusTestServer).
 * One per test file: Colyseus's matchmaker is a process-wide singleton.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The TestServer module alone: the package's index also loads @colyseus/tools, which reads .env
// files (and /etc/environment) into the test process.
import { ColyseusTestServer } from '@colyseus/testing/TestServer';
import type { Room as ClientRoom } from '@colyseus/sdk';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../server/app';
import type { GameRoom } from '../../server/rooms/GameRoom';
import type { RoomParts } from '../../server/rooms/roomGame';
import type { TeamSims } from '../../server/rooms/teamSims';
import type { GameState } from '../../shared/schema/gameState';

export const FAST_TICK_MS = 20;

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Harness {
  server: RunningServer;
  colyseus: ColyseusTestServer;
  dataDir: string;
  stop(removeData?: boolean): Promise<void>;
}

export async function startHarness(options: Partial<ServerOptions> = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'scale-up-room-'));
  const port = await freePort();
  const server = await startServer({
    port,
    host: '127.0.0.1',
    dataDir,
    staticDir: join(dataDir, 'no-client'),
    // Tests open many rooms from one address: the per-address limits are raised (tests that check
    // them pass their own).
    httpLimits: { create: { perMinute: 1e6, burst: 1e6 }, join: { perMinute: 1e6, burst: 1e6 } },
    ...options,
    timings: { tickMs: FAST_TICK_MS, reconnectSeconds: 2, emptyRoomSeconds: 3, snapshotEveryTicks: 10, ...options.timings },
  });
  const colyseus = new ColyseusTestServer(server.gameServer);
  return {
    server,
    colyseus,
    dataDir,
    stop: async (removeData = true) => {
      await server.close();
      if (removeData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The harness of the enclosing test file: started before its tests and stopped (its data removed)
 * after them. `restart()` stops the server keeping its data folder and starts a new one on it, as
 * after a crash or a deploy; the fields always answer for the server running now.
 */
export function useHarness(options: Partial<ServerOptions> = {}): Harness & { restart(): Promise<void> } {
  let current: Harness | undefined;
  const now = (): Harness => {
    if (current === undefined) throw new Error('the harness is not started yet: use it inside a test');
    return current;
  };
  beforeAll(async () => {
    current = await startHarness(options);
  });
  afterAll(async () => {
    await current?.stop();
  });
  return {
    get server() {
      return now().server;
    },
    get colyseus() {
      return now().colyseus;
    },
    get dataDir() {
      return now().dataDir;
    },
    stop: (removeData) => now().stop(removeData),
    restart: async () => {
      const dataDir = now().dataDir;
      await now().stop(false);
      current = await startHarness({ ...options, dataDir });
    },
  };
}

let players = 0;
/** A fresh anonymous player id, as a browser would keep one. */
export function newPlayerId(): string {
  players += 1;
  return `test-player-${process.pid}-${players}`;
}

/** The room's parts (white-box: the room keeps them private). */
export function partsOf(room: GameRoom): RoomParts {
  return (room as unknown as { parts: RoomParts }).parts;
}

/** The room's simulations (white-box, for hash checks). */
export function simsOf(room: GameRoom): TeamSims {
  return partsOf(room).sims;
}

/** Resolves with the next message of `type` the client receives. */
export function nextMessage<T = unknown>(client: ClientRoom, type: string, timeoutMs = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${type}" message within ${timeoutMs} ms`)), timeoutMs);
    const off = client.onMessage(type, (message: T) => {
      clearTimeout(timer);
      off();
      resolve(message);
    });
  });
}

/** Collects every message of `type` from now on. */
export function collect<T = unknown>(client: ClientRoom, type: string): T[] {
  const seen: T[] = [];
  client.onMessage(type, (message: T) => seen.push(message));
  return seen;
}

/** Waits until `predicate` holds, polling. */
export async function until(predicate: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Starts a match the way its lobby does: every player says they are ready, then the host (the
 * match's creator) starts it once the room has seen them all ready.
 */
export async function readyAndStart(host: ClientRoom<unknown, GameState>, players: readonly ClientRoom[]): Promise<void> {
  for (const player of [host, ...players]) player.send('lobby', { action: 'ready', ready: true });
  const participants = () => [...host.state.seats.values()].filter((seat) => seat.team !== '');
  await until(() => participants().length > 0 && participants().every((seat) => seat.ready), 5000, 'every player ready');
  host.send('control', { action: 'start' });
  await until(() => host.state.clock.phase === 'running', 5000, 'the match to start');
}
