// GET /healthz: a cheap liveness and readiness answer for players' browsers, load balancers and
// container orchestrators alike.
import type { ServerResponse } from 'node:http';
import type { GameStore } from '../store/types';

export interface Health {
  status: 'ok' | 'error';
  uptimeSeconds: number;
  database: GameStore['kind'];
  version: string;
}

export interface HealthSource {
  store: GameStore;
  version: string;
  /** Monotonic milliseconds (performance.now()) when the server started. */
  startedAt: number;
}

/** Reports ok only if the database still answers a trivial query. */
export async function checkHealth({ store, version, startedAt }: HealthSource): Promise<Health> {
  let status: Health['status'] = 'ok';
  try {
    await store.ping();
  } catch {
    status = 'error';
  }
  const uptimeSeconds = Math.floor((performance.now() - startedAt) / 1000);
  return { status, uptimeSeconds, database: store.kind, version };
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
