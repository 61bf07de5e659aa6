/**
 * A game server in its own process (server/index.ts, as `npm start` runs it), for tests that
 * stop it abruptly or run several side by side. Always stop what you start (afterAll).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { fileURLToPath } from 'node:url';
import { freePort } from './harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));

export interface ServerProcess {
  port: number;
  url: string;
  child: ChildProcess;
  /** What the process printed, for failure messages. */
  output(): string;
  /** SIGTERM (graceful: rooms save and close) or SIGKILL (a crash); resolves when it has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startServerProcess(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const chosen = port ?? (await freePort());
  const child = spawn(NODE, ['--disable-warning=ExperimentalWarning', '--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(chosen), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${chosen}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /healthz within 20 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port: chosen,
    url,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        const code = await exited;
        clearTimeout(force);
        return code;
      }
      return child.exitCode;
    },
  };
}

/**
 * Server processes and data folders for one test file, cleaned up by the file's own hooks: every
 * process started is killed after each test, every folder removed after the file.
 */
export function useServerProcesses(prefix: string): {
  start(env: Record<string, string>, port?: number): Promise<ServerProcess>;
  dataDir(): string;
} {
  const running: ServerProcess[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
  });
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return {
    start: async (env, port) => {
      const p = await startServerProcess(env, port);
      running.push(p);
      return p;
    },
    dataDir: () => {
      const dir = mkdtempSync(join(tmpdir(), `scale-up-${prefix}-`));
      dirs.push(dir);
      return dir;
    },
  };
}
