/**
 * Start-up refusals, with real processes as `npm start` runs them: a busy port ends the process
 * with one readable line instead of leaving it waiting, and a SQLite database that lost its data
 * (truncated to 0 bytes, replaced, or its -wal file deleted after a crash) stops the server with
 * an explanation, unless SCALE_UP_ACCEPT_DATA_LOSS=1 says to go on with it.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, rmSync, truncateSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../server/app';
import { DATABASE_FILE } from '../../server/store/sqlite';
import { freePort } from './harness';
import { useServerProcesses, type ServerProcess } from './serverProcess';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));

const processes = useServerProcesses('startup');
const dataDir = processes.dataDir;

async function serve(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const p = await processes.start(env, port);
  return p;
}

interface Exit {
  /** The exit code, or 'running' when the server came up (or hung) instead of exiting. */
  code: number | 'running' | null;
  stdout: string;
  stderr: string;
}

/** Starts server/index.ts and waits for it to exit; one still running after `ms` is killed. */
function runToExit(env: Record<string, string>, port: number, ms = 20_000): Promise<Exit> {
  const child = spawn(NODE, ['--disable-warning=ExperimentalWarning', '--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: 'running', stdout, stderr });
    }, ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Makes a match through plain HTTP, so the store holds a room. */
async function makeRoom(server: ServerProcess): Promise<string> {
  const response = await fetch(`${server.url}/matchmake/create/game`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode: 'match', playerId: `startup-${process.pid}-${Date.now()}` }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { roomId: string }).roomId;
}

describe('a busy port', () => {
  let blocker: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve())));

  it('makes startServer reject with "port N is in use"', { timeout: 20_000 }, async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const dir = dataDir();
    const attempt = startServer({ port, host: '127.0.0.1', dataDir: dir, staticDir: join(dir, 'none'), restoreRooms: false });
    const hung = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 8000).unref());
    const outcome = await Promise.race([
      attempt.then(
        async (server) => (await server.close(), 'started' as const),
        (error: unknown) => error,
      ),
      hung,
    ]);
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toMatch(new RegExp(`^port ${port} is in use`));
    expect((outcome as NodeJS.ErrnoException).code).toBe('EADDRINUSE');
  });

  it('makes npm start exit with 1 and one readable line', { timeout: 60_000 }, async () => {
    const first = await serve({ DATA_DIR: dataDir() });
    const second = await runToExit({ DATA_DIR: dataDir() }, first.port);
    expect(second.code).toBe(1);
    const lines = second.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`port ${first.port} is in use`);
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
  });
});

describe('a SQLite database that lost its data', () => {
  it('is refused when truncated to 0 bytes, and taken as it is with SCALE_UP_ACCEPT_DATA_LOSS=1', { timeout: 90_000 }, async () => {
    const dir = dataDir();
    const port = await freePort();
    const first = await serve({ DATA_DIR: dir }, port);
    await makeRoom(first);
    expect(await first.stop('SIGTERM')).toBe(0);
    const db = join(dir, DATABASE_FILE);
    truncateSync(db, 0);

    const refused = await runToExit({ DATA_DIR: dir }, port);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`refuses to start: the database ${db} has lost data`);
    expect(refused.stderr).toContain('0 bytes');
    expect(refused.stderr).toContain('SCALE_UP_ACCEPT_DATA_LOSS=1');
    // Refusing does not settle it: the next plain start refuses again.
    expect((await runToExit({ DATA_DIR: dir }, port)).code).toBe(1);

    const accepted = await serve({ DATA_DIR: dir, SCALE_UP_ACCEPT_DATA_LOSS: '1' }, port);
    expect(accepted.output()).toContain('SCALE_UP_ACCEPT_DATA_LOSS');
    expect(await accepted.stop('SIGTERM')).toBe(0);
    // From now on this database is the one the marker names.
    const again = await serve({ DATA_DIR: dir }, port);
    expect(await again.stop('SIGTERM')).toBe(0);
  });

  it('is refused when its -wal file was deleted after a kill -9', { timeout: 90_000 }, async () => {
    const dir = dataDir();
    const port = await freePort();
    const first = await serve({ DATA_DIR: dir }, port);
    await makeRoom(first);
    await first.stop('SIGKILL');
    const db = join(dir, DATABASE_FILE);
    expect(existsSync(`${db}-wal`)).toBe(true);
    rmSync(`${db}-wal`);
    rmSync(`${db}-shm`, { force: true });

    const refused = await runToExit({ DATA_DIR: dir }, port);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('has lost data');
    expect(refused.stderr).toContain(`${DATABASE_FILE}-wal`);
    expect(refused.stderr).toContain('SCALE_UP_ACCEPT_DATA_LOSS=1');

    const accepted = await serve({ DATA_DIR: dir, SCALE_UP_ACCEPT_DATA_LOSS: '1' }, port);
    expect(await accepted.stop('SIGTERM')).toBe(0);
  });

  it('is refused when another database was put in its place', { timeout: 90_000 }, async () => {
    const [dir, otherDir] = [dataDir(), dataDir()];
    const port = await freePort();
    for (const d of [dir, otherDir]) {
      const p = await serve({ DATA_DIR: d }, port);
      expect(await p.stop('SIGTERM')).toBe(0);
    }
    copyFileSync(join(otherDir, DATABASE_FILE), join(dir, DATABASE_FILE));
    const refused = await runToExit({ DATA_DIR: dir }, port);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('different database');
  });

  it('still starts after a kill -9 that left the -wal file in place', { timeout: 90_000 }, async () => {
    const dir = dataDir();
    const port = await freePort();
    const first = await serve({ DATA_DIR: dir }, port);
    await makeRoom(first);
    await first.stop('SIGKILL');
    const second = await serve({ DATA_DIR: dir }, port);
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
  });
});
