// The HTTP side of the game server (express, as Colyseus's transport provides it): health,
// Prometheus metrics, replays and results, campaign progress, and the built client for everything else.
import type { Application, NextFunction, Request, Response } from 'express';
import { isJoinCode, normaliseCode } from '../../shared/protocol/joinCode';
import { csvField } from '../../shared/protocol/csv';
import type { GameResult, PublicMatch } from '../../shared/protocol/results';
import type { GameMetrics } from '../metrics';
import type { GameStore } from '../store/types';
import { campaignStandings } from './campaign';
import { fromThisMachine, lanOrigins } from './lanAddresses';
import { checkHealth, sendHealth } from './healthz';
import { createStaticHandler } from './staticServer';
import { replayForDownload } from './replayDownload';
import { mountScenarioRoutes } from './scenarios';

/** The rooms a lobby may list and the codes a workshop changed to: the matchmaker's and presence's. */
export interface RoomDirectory {
  /** Public matches still waiting for players. */
  openMatches(): Promise<PublicMatch[]>;
  /** The room a join code names when it is a workshop's newer code; null otherwise. */
  roomOfCode(code: string): Promise<string | null>;
}

export interface RouteOptions {
  store: GameStore;
  rooms: RoomDirectory;
  metrics: GameMetrics;
  staticDir: string;
  version: string;
  startedAt: number;
}

/** Ids are short url-safe strings; anything else is not looked up at all. */
const ID = /^[A-Za-z0-9_-]{4,32}$/;
/** A browser's anonymous profile id, as join options take it. */
const PROFILE_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** A result as CSV: one row per team. */
export function resultCsv(result: GameResult): string {
  const columns = [
    'code',
    'mode',
    'scenario',
    'seed',
    'endedTick',
    'team',
    'rank',
    'name',
    'players',
    'money',
    'dau',
    'peakDau',
    'availability',
    'p95LatencyMs',
    'revenue',
    'spent',
    'requests',
    'failedRequests',
    'checklist',
    'gameOver',
  ] as const;
  const rows = result.teams.map((team) => {
    const row: Record<string, unknown> = { ...result, ...team, players: team.players.join('; ') };
    return columns.map((column) => csvField(row[column])).join(',');
  });
  return `${columns.join(',')}\r\n${rows.map((row) => `${row}\r\n`).join('')}`;
}

export function mountRoutes(app: Application, options: RouteOptions): void {
  const { store, metrics } = options;
  const serveStatic = createStaticHandler(options.staticDir);
  const wrap = (handler: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => {
    handler(req, res).catch(next);
  };

  app.get(
    '/healthz',
    wrap(async (req, res) => {
      sendHealth(res, await checkHealth({ store, version: options.version, startedAt: options.startedAt }), req.method === 'HEAD');
    }),
  );

  app.get(
    '/metrics',
    wrap(async (_req, res) => {
      res.set('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
    }),
  );

  app.get(
    '/api/replays/:id',
    wrap(async (req, res) => {
      const id = String(req.params.id);
      const replay = ID.test(id) ? await store.getReplay(id) : null;
      if (replay === null) {
        res.status(404).json({ error: 'replay-not-found' });
        return;
      }
      res.set('content-disposition', `inline; filename="scale-up-replay-${id}.json"`).json(replayForDownload(replay));
    }),
  );

  app.get(
    '/api/results/:id',
    wrap(async (req, res) => {
      const raw = String(req.params.id);
      const csv = raw.endsWith('.csv') || req.query.format === 'csv';
      const id = raw.replace(/\.(csv|json)$/, '');
      const record = ID.test(id) ? await store.getResult(id) : null;
      if (record === null) {
        res.status(404).json({ error: 'result-not-found' });
        return;
      }
      if (csv) {
        res.set('content-type', 'text/csv; charset=utf-8').set('content-disposition', `attachment; filename="scale-up-result-${id}.csv"`);
        res.send(resultCsv(record.result as GameResult));
      } else res.json(record);
    }),
  );

  app.get(
    '/api/campaign/:profile',
    wrap(async (req, res) => {
      const profile = String(req.params.profile);
      if (!PROFILE_ID.test(profile)) {
        res.status(400).json({ error: 'invalid-profile' });
        return;
      }
      res.set('cache-control', 'no-store').json({ chapters: await campaignStandings(store, profile) });
    }),
  );

  // The lobby's list of public matches waiting for players (a match leaves it when it starts).
  app.get(
    '/api/matches',
    wrap(async (_req, res) => {
      res.set('cache-control', 'no-store').json({ matches: await options.rooms.openMatches() });
    }),
  );

  // Which room a typed join code opens: a workshop's newer code names its room; any other code is
  // its room's own id (the answer is then { room: null } and the client joins by the code itself).
  app.get(
    '/api/codes/:code',
    wrap(async (req, res) => {
      const code = normaliseCode(String(req.params.code));
      if (!isJoinCode(code)) {
        res.status(400).json({ error: 'invalid-code' });
        return;
      }
      // Most codes are their room's own id: null says "join by the code itself" (not an error).
      res.set('cache-control', 'no-store').json({ room: await options.rooms.roomOfCode(code) });
    }),
  );

  // Where participants reach this server, for a page opened on this machine by a loopback address
  // (its join links would otherwise say localhost). Other machines are told nothing.
  app.get('/api/lan', (req, res) => {
    const origins = fromThisMachine({ remoteAddress: req.socket.remoteAddress, headers: req.headers })
      ? lanOrigins(req.socket.localPort ?? 0)
      : [];
    res.set('cache-control', 'no-store').json({ origins });
  });

  mountScenarioRoutes(app, { store, wrap });

  app.use('/api', (_req, res) => {
    res.status(404).json({ error: 'not-found' });
  });
  // An explicit root route: without it Colyseus answers "/" with its own banner.
  app.get(
    '/',
    wrap((req, res) => serveStatic(req, res)),
  );
  app.use(
    wrap(async (req, res) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.status(405).set('allow', 'GET, HEAD').type('text/plain').send('Method not allowed\n');
        return;
      }
      await serveStatic(req, res);
    }),
  );
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) res.destroy();
    else res.status(500).type('text/plain').send('Internal server error\n');
    void error;
  });
}
