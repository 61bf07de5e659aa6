import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { resolveStaticPath } from '../../server/http/staticServer';
import { DATABASE_FILE, journalMode, migrate } from '../../server/store/sqlite';

const SECRET = 'outside-the-static-root';

let workDir: string;
let dataDir: string;
let staticDir: string;
let server: RunningServer;

/** A raw request: unlike fetch, it sends the path exactly as written (no `..` normalising). */
function rawGet(path: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'scale-up-server-'));
  dataDir = join(workDir, 'data');
  staticDir = join(workDir, 'client');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Scale Up!</title>');
  writeFileSync(join(staticDir, 'assets', 'main-abc123.js'), 'console.log("hi");');
  writeFileSync(join(workDir, 'secret.txt'), SECRET);
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir, staticDir });
});

afterAll(async () => {
  await server?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('GET /healthz', () => {
  it('answers ok with uptime, database kind and version', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const health = (await response.json()) as Record<string, unknown>;
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(health).toEqual({
      status: 'ok',
      uptimeSeconds: expect.any(Number),
      database: 'sqlite',
      version: pkg.version,
    });
    expect(health.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });
});

describe('static client', () => {
  it('serves index.html at / and for client-side routes', async () => {
    for (const path of ['/', '/play/room-1']) {
      const res = await rawGet(path);
      expect(res.status, path).toBe(200);
      expect(res.type).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('Scale Up!');
    }
  });

  it('serves assets with their content type and 404s missing files', async () => {
    const asset = await rawGet('/assets/main-abc123.js?v=1');
    expect(asset.status).toBe(200);
    expect(asset.type).toBe('text/javascript; charset=utf-8');
    expect((await rawGet('/assets/missing.png')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/../../package.json',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..\\secret.txt',
    '/%00index.html',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    const res = await rawGet(path);
    expect(res.status).toBe(403);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain('"name"');
  });

  it('rejects methods other than GET and HEAD', async () => {
    expect((await rawGet('/healthz', 'POST')).status).toBe(405);
    const head = await rawGet('/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('keeps resolved paths inside the root', () => {
    expect(resolveStaticPath('/srv/client', '/a/b.js')).toBe('/srv/client/a/b.js');
    expect(resolveStaticPath('/srv/client', '/a/../../b.js')).toBeNull();
    expect(resolveStaticPath('/srv/client', 'http://evil/x')).toBeNull();
  });
});

describe('SQLite store', () => {
  it('creates the database file in WAL mode with a migrations table', () => {
    const file = join(dataDir, DATABASE_FILE);
    expect(existsSync(file)).toBe(true);
    const db = new DatabaseSync(file, { readOnly: true });
    try {
      expect(journalMode(db)).toBe('wal');
      const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
      expect(table?.name).toBe('schema_migrations');
    } finally {
      db.close();
    }
  });

  it('applies each migration exactly once, in version order', () => {
    const db = new DatabaseSync(':memory:');
    try {
      const migrations = [
        { version: 2, sql: 'ALTER TABLE t ADD COLUMN b TEXT' },
        { version: 1, sql: 'CREATE TABLE t (a INTEGER)' },
      ];
      expect(migrate(db, migrations)).toEqual([1, 2]);
      expect(migrate(db, migrations)).toEqual([]);
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
      expect(versions.map((row) => row.version)).toEqual([1, 2]);
    } finally {
      db.close();
    }
  });
});
