// Scenarios written in the editor and saved on the server, so that a teacher can run one as a
// solo game or a workshop (a room is created with the saved id as its `scenario`). A saved
// scenario never changes: a replay or a room that used it stays explained by it, and saving an
// edit makes a new one. The request body limit and the per-address save limit are the request
// guard's (requestGuard.ts), before the body is even read.
import type { Application, NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { isShippedScenario, scenarioSchema } from '../../shared/scenarios';
import { isSavedScenarioId, newSavedScenarioId } from '../store/savedScenarios';
import type { GameStore } from '../store/types';

type Wrap = (handler: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) => void;

const PROFILE_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** How many scenarios one browser profile may keep on the server. */
const MAX_SCENARIOS_PER_PROFILE = 200;
/** How many the list answers with (the newest). */
const LISTED = 100;
/** How many of a refused document's issues are sent back. */
const MAX_ISSUES_SENT = 50;

const saveRequestSchema = z.object({ profile: z.string().regex(PROFILE_ID), scenario: z.unknown() }).strict();

function bodyOf(req: Request): unknown {
  const body: unknown = req.body;
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

export function mountScenarioRoutes(app: Application, { store, wrap }: { store: GameStore; wrap: Wrap }): void {
  app.post(
    '/api/scenarios',
    wrap(async (req, res) => {
      const request = saveRequestSchema.safeParse(bodyOf(req));
      if (!request.success) {
        const profileWrong = request.error.issues.some((issue) => issue.path[0] === 'profile');
        res.status(400).json({ error: profileWrong ? 'invalid-profile' : 'invalid-request' });
        return;
      }
      const { profile, scenario: document } = request.data;
      // The same schema as the editor's and the simulation's; the issues go back as zod made them
      // (path, code and the code's limits) so that the editor can word them in the player's language.
      const parsed = scenarioSchema.safeParse(document);
      if (!parsed.success) {
        // The first ones only: a document can be made to break a rule thousands of times over.
        const issues = parsed.error.issues.slice(0, MAX_ISSUES_SENT).map(({ input: _input, ...issue }) => issue);
        res.status(400).json({ error: 'invalid-scenario', issues, more: Math.max(0, parsed.error.issues.length - MAX_ISSUES_SENT) });
        return;
      }
      if (isShippedScenario(parsed.data.id)) {
        // A shipped id would read as the shipped game in every list and result.
        res.status(400).json({
          error: 'invalid-scenario',
          issues: [{ code: 'custom', path: ['id'], message: `"${parsed.data.id}" is a scenario that ships with the game` }],
        });
        return;
      }
      if ((await store.countScenarios(profile)) >= MAX_SCENARIOS_PER_PROFILE) {
        res.status(409).json({ error: 'too-many-scenarios', limit: MAX_SCENARIOS_PER_PROFILE });
        return;
      }
      const id = newSavedScenarioId();
      await store.saveScenario({ id, profileId: profile, name: parsed.data.name, document: JSON.stringify(document) });
      res.status(201).json({ id });
    }),
  );

  app.get(
    '/api/scenarios',
    wrap(async (req, res) => {
      const profile = typeof req.query.profile === 'string' ? req.query.profile : '';
      if (!PROFILE_ID.test(profile)) {
        res.status(400).json({ error: 'invalid-profile' });
        return;
      }
      const saved = await store.listScenarios(profile, LISTED);
      res.set('cache-control', 'no-store').json({ scenarios: saved.map(({ id, name, createdAt }) => ({ id, name, createdAt })) });
    }),
  );

  app.get(
    '/api/scenarios/:id',
    wrap(async (req, res) => {
      const id = String(req.params.id);
      const saved = isSavedScenarioId(id) ? await store.getScenario(id) : null;
      if (saved === null) {
        res.status(404).json({ error: 'scenario-not-found' });
        return;
      }
      // The document exactly as it was saved (its key order too), so a file saved from it is the file sent.
      res
        .set('content-type', 'application/json; charset=utf-8')
        .send(`{"id":${JSON.stringify(saved.id)},"scenario":${saved.document},"createdAt":${JSON.stringify(saved.createdAt)}}`);
    }),
  );
}
