/**
 * Scale-out: two real server processes (server/index.ts, as `npm start` runs it) sharing one Redis
 * (REDIS_URL: Colyseus's RedisPresence and RedisDriver). A match made through one process is found
 * by its code through the other, and its public listing shows up in the other's lobby.
 *
 * A room lives in exactly one process, and Colyseus does not forward WebSockets between processes:
 * the seat reservation names the owning process (`/<processId>/<roomId>` in the WebSocket path) and
 * the client must reach that process: each process advertises its own PUBLIC_ADDRESS, which seat
 * reservations carry (the last test). The first tests also route WebSockets themselves through
 * the SDK's `urlBuilder`, as a proxy routing on the processId would, to see which process owns
 * each connection.
 *
 * Needs TEST_REDIS_URL (bash .ci/run starts a Redis). The processes use their own logical database
 * (SCALE_OUT_DB), emptied before and after. Pub/sub channels are not per database, which is harmless
 * here: Colyseus's channels are named after random process ids, and lobby messages name rooms that
 * another database does not have.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room as ClientRoom, type RoomAvailable } from '@colyseus/sdk';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WelcomeMessage } from '../../shared/protocol/messages';
import type { GameState } from '../../shared/schema/gameState';
import { serviceUrl } from '../helpers/services';
import { freePort, nextMessage, readyAndStart, until } from './harness';
import { startServerProcess, type ServerProcess as Spawned } from './serverProcess';

const TEST_REDIS_URL = serviceUrl(
  'TEST_REDIS_URL',
  'Scale-out tests skipped: set TEST_REDIS_URL=redis://127.0.0.1:6379 (bash .ci/run starts one; these tests use logical database 5 and empty it)',
);

/** The Redis logical database the two processes share; FLUSHDB'd before and after. */
const SCALE_OUT_DB = 5;
/** startServerProcess waits up to 20 s for /healthz; stop() sends SIGKILL 10 s after SIGTERM. */
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;
/** Colyseus (Stats.ts) keeps one field per live process, its room count, in this presence hash. */
const PROCESSES_KEY = 'roomcount';

type GameClient = ClientRoom<unknown, GameState>;

interface ServerProcess {
  process: Spawned;
  port: number;
  dataDir: string;
  /** Colyseus's id for the process, as seat reservations and WebSocket paths name it. */
  processId: string;
}

/** Where each WebSocket went: the room and the process (port) the router sent it to. */
interface RoutedConnection {
  roomId: string;
  processId: string;
  port: number;
}

function redisUrlFor(base: string, db: number): string {
  const url = new URL(base);
  url.pathname = `/${db}`;
  return url.toString();
}

describe.skipIf(TEST_REDIS_URL === undefined)('two server processes sharing Redis', () => {
  const redisUrl = redisUrlFor(TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', SCALE_OUT_DB);
  const servers: ServerProcess[] = [];
  const rooms: ClientRoom[] = [];
  const routed: RoutedConnection[] = [];
  let redis: Redis | undefined;
  /** Last resort if the test worker exits without afterAll: no orphan servers. */
  const killAll = () => {
    for (const s of servers) if (s.process.child.exitCode === null && s.process.child.signalCode === null) s.process.child.kill('SIGKILL');
  };

  async function startProcess(name: string): Promise<ServerProcess> {
    const dataDir = mkdtempSync(join(tmpdir(), `scale-up-scaleout-${name}-`));
    try {
      // DATABASE_URL empty: SQLite in DATA_DIR even if the shell has a DATABASE_URL.
      // PUBLIC_ADDRESS: where browsers reach this very process; seat reservations carry it.
      const port = await freePort();
      const spawned = await startServerProcess(
        { DATA_DIR: dataDir, REDIS_URL: redisUrl, DATABASE_URL: '', LOG_LEVEL: 'warn', PUBLIC_ADDRESS: `127.0.0.1:${port}` },
        port,
      );
      const server: ServerProcess = { process: spawned, port: spawned.port, dataDir, processId: '' };
      servers.push(server);
      return server;
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    }
  }

  async function stopProcess(server: ServerProcess): Promise<void> {
    await server.process.stop('SIGTERM');
    rmSync(server.dataDir, { recursive: true, force: true });
  }

  /** A client whose matchmaking goes to `server` and whose WebSockets go to the process owning the room. */
  function clientVia(server: ServerProcess): Client {
    return new Client(`http://127.0.0.1:${server.port}`, {
      urlBuilder: (url) => {
        if (url.protocol !== 'ws:') return url.toString();
        const [, processId = '', roomId = ''] = url.pathname.split('/');
        const owner = servers.find((s) => s.processId === processId);
        if (owner === undefined) throw new Error(`seat reservation names unknown process ${processId}`);
        url.port = String(owner.port);
        routed.push({ roomId, processId, port: owner.port });
        return url.toString();
      },
    });
  }

  /** The WebSockets the router has sent to `roomId` so far. */
  function connectionsTo(roomId: string): RoutedConnection[] {
    return routed.filter((r) => r.roomId === roomId);
  }

  async function processIds(): Promise<string[]> {
    return Object.keys(await (redis as Redis).hgetall(PROCESSES_KEY));
  }

  beforeAll(
    async () => {
      process.once('exit', killAll);
      redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
      await redis.flushdb();
      // One after the other, so the new field in Colyseus's process list tells which process is which.
      const a = await startProcess('A');
      const afterA = await processIds();
      expect(afterA).toHaveLength(1);
      a.processId = afterA[0] as string;
      const b = await startProcess('B');
      const afterB = (await processIds()).filter((id) => id !== a.processId);
      expect(afterB).toHaveLength(1);
      b.processId = afterB[0] as string;
    },
    2 * START_TIMEOUT_MS + 10_000,
  );

  afterAll(
    async () => {
      try {
        await Promise.all(rooms.map((room) => room.leave().catch(() => undefined)));
        await Promise.all(servers.map((server) => stopProcess(server)));
        await redis?.flushdb();
      } finally {
        killAll();
        process.removeListener('exit', killAll);
        redis?.disconnect();
      }
    },
    2 * STOP_TIMEOUT_MS + 10_000,
  );

  it('a match created through A is joined by its code through B: same room, same clock', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const host = (await clientVia(a).create('game', {
      mode: 'match',
      playerId: 'scaleout-red-1',
      team: 'red',
      public: true,
    })) as GameClient;
    rooms.push(host);
    const hostWelcome = await nextMessage<WelcomeMessage>(host, 'welcome', 5000);
    const code = host.roomId;
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(hostWelcome).toMatchObject({ code, mode: 'match', team: 'red', role: 'captain' });

    const blue = (await clientVia(b).joinById(code, { playerId: 'scaleout-blue-1', team: 'blue' })) as GameClient;
    rooms.push(blue);
    const blueWelcome = await nextMessage<WelcomeMessage>(blue, 'welcome', 5000);
    expect(blueWelcome).toMatchObject({ code, mode: 'match', team: 'blue', role: 'captain' });

    // Both WebSockets reached the one process that runs the room. Colyseus creates a room on the
    // process with the fewest rooms, which need not be the one asked (here it is often B).
    const connections = connectionsTo(code);
    expect(connections).toHaveLength(2);
    expect(new Set(connections.map((c) => c.processId)).size).toBe(1);
    const owner = servers.find((s) => s.processId === connections[0]?.processId) as ServerProcess;
    expect([a, b]).toContain(owner);

    // Whichever process owns it, a join by code through the other one: the lookup in Redis and the
    // seat reservation over presence (IPC) cross processes.
    const other = owner === a ? b : a;
    const watcher = (await clientVia(other).joinById(code, { playerId: 'scaleout-watch-1', role: 'spectator' })) as GameClient;
    rooms.push(watcher);
    expect(await nextMessage<WelcomeMessage>(watcher, 'welcome', 5000)).toMatchObject({ code, team: null, role: 'spectator' });
    expect(connectionsTo(code).map((c) => c.port)).toEqual([owner.port, owner.port, owner.port]);

    const clients = [host, blue, watcher];
    await until(() => clients.every((c) => c.state.code === code), 5000, 'every state to carry the code');
    expect(blue.state.clock.phase).toBe('waiting');

    await readyAndStart(host, [blue]);
    await until(() => clients.every((c) => c.state.clock.phase === 'running'), 5000, 'the match to start for everyone');
    const started = clients.map((c) => c.state.clock.tick);
    // Default timings: 1 s a tick at 1×, matches at 2×, so a tick every 500 ms.
    await until(() => clients.every((c, i) => c.state.clock.tick >= (started[i] as number) + 2), 10_000, 'the clock to tick for everyone');
    expect(Math.abs(host.state.clock.tick - blue.state.clock.tick)).toBeLessThanOrEqual(1);
  }, 30_000);

  it('a public match created through A is listed by the lobby reached through B', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const match = (await clientVia(a).create('game', {
      mode: 'match',
      playerId: 'scaleout-red-2',
      team: 'red',
      public: true,
    })) as GameClient;
    rooms.push(match);
    await nextMessage(match, 'welcome', 5000);
    const solo = (await clientVia(a).create('game', { mode: 'solo', playerId: 'scaleout-solo-1' })) as GameClient;
    rooms.push(solo);
    await nextMessage(solo, 'welcome', 5000);

    // The lobby (on whichever process Colyseus picks) reads the listings from Redis, so it shows
    // public rooms of every process.
    const lobby = await clientVia(b).joinOrCreate('lobby');
    rooms.push(lobby);
    const listed = await nextMessage<RoomAvailable[]>(lobby, 'rooms', 5000);
    const entry = listed.find((room) => room.roomId === match.roomId);
    expect(entry).toMatchObject({ name: 'game', metadata: expect.objectContaining({ code: match.roomId, mode: 'match' }) });
    expect(listed.map((room) => room.roomId)).not.toContain(solo.roomId);
    // The start screen's list over HTTP, asked of the other process, holds it too.
    const { matches } = (await (await fetch(`http://127.0.0.1:${b.port}/api/matches`)).json()) as { matches: Array<{ code: string }> };
    expect(matches.map((m) => m.code)).toContain(match.roomId);
    expect(matches.map((m) => m.code)).not.toContain(solo.roomId);
  }, 30_000);

  it('with PUBLIC_ADDRESS, a plain client sent to the process that does not own the room is sent on to the owner', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const host = (await clientVia(a).create('game', { mode: 'match', playerId: 'scaleout-red-3', team: 'red' })) as GameClient;
    rooms.push(host);
    await nextMessage(host, 'welcome', 5000);
    const owner = connectionsTo(host.roomId)[0];
    const other = owner?.processId === a.processId ? b : a;
    // No urlBuilder: matchmaking on the non-owner's address, the WebSocket wherever the seat
    // reservation's publicAddress says.
    const plain = (await new Client(`http://127.0.0.1:${other.port}`).joinById(host.roomId, {
      playerId: 'scaleout-blue-3',
      team: 'blue',
    })) as GameClient;
    rooms.push(plain);
    expect(await nextMessage<{ team: string }>(plain, 'welcome', 5000)).toMatchObject({ team: 'blue' });
  }, 30_000);
});
