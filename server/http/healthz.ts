// GET /healthz: a cheap liveness and readiness answer for players' browsers, load balancers and
// container orchestrators alike.
import type { ServerResponse } from 'node:http';
import type { DatabaseSync } from 'node:sqlite';

export interface Health {
  status: 'ok' | 'error';
  uptimeSeconds: number;
  database: 'sqlite';
  version: string;
}

export interface HealthSource {
  db: DatabaseSync;
  version: string;
  /** Monotonic milliseconds (performance.now()) when the server started. */
  startedAt: number;
}

/** Reports ok only if the database still answers a trivial query. */
export function checkHealth({ db, version, startedAt }: HealthSource): Health {
  let status: Health['status'] = 'ok';
  try {
    db.prepare('SELECT 1').get();
  } catch {
    status = 'error';
  }
  const uptimeSeconds = Math.floor((performance.now() - startedAt) / 1000);
  return { status, uptimeSeconds, database: 'sqlite', version };
}

/** Writes the health JSON: 200 when ok, 503 otherwise, never cached. */
export function sendHealth(res: ServerResponse, health: Health, headOnly = false): void {
  const body = JSON.stringify(health);
  res.writeHead(health.status === 'ok' ? 200 : 503, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(headOnly ? undefined : body);
}
