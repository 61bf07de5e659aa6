// The placeholder game server: one node:http server that answers /healthz and serves the built
// client, backed by the SQLite store. Colyseus rooms join it later.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { checkHealth, sendHealth } from './http/healthz';
import { createStaticHandler, sendText } from './http/staticServer';
import { openSqlite } from './store/sqlite';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where `vite build` puts the client (see vite.config.ts). */
export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../dist/client', import.meta.url));

export interface ServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Folder holding scale-up.db; created if missing. */
  dataDir: string;
  host?: string;
  staticDir?: string;
}

export interface RunningServer {
  /** Base URL to open in a browser, e.g. http://localhost:2567 */
  url: string;
  port: number;
  /** Stops accepting connections, lets in-flight requests finish, closes the database. */
  close(): Promise<void>;
}

/** How long close() lets open requests finish before cutting their connections. */
const CLOSE_GRACE_MS = 3000;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '0.0.0.0';
  const store = openSqlite(options.dataDir);
  const startedAt = performance.now();
  const version = readVersion();
  const serveStatic = createStaticHandler(options.staticDir ?? DEFAULT_STATIC_DIR);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
      return;
    }
    const pathname = (req.url ?? '/').split(/[?#]/, 1)[0];
    if (pathname === '/healthz') {
      sendHealth(res, checkHealth({ db: store.db, version, startedAt }), method === 'HEAD');
      return;
    }
    await serveStatic(req, res);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy(error instanceof Error ? error : undefined);
      } else {
        sendText(res, 500, 'Internal server error');
      }
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    store.close();
    throw error;
  }

  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${displayHost(host)}:${port}`,
    port,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        force.unref();
        server.close((error) => {
          clearTimeout(force);
          store.close();
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      });
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
