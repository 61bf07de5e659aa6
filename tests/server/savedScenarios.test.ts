/**
 * Scenarios saved from the editor, on a real server: saved only when the whole document passes
 * the scenario schema (the refusal carries zod's issues, naming the field and its limit), read
 * back as the very text sent, listed per browser profile, and run as a solo game or a workshop.
 * Requests come from their own loopback addresses where the per-address limits matter.
 */
import { rawRequest, type RawRequest } from '../helpers/rawRequest';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HTTP_LIMITS } from '../../server/http/requestGuard';
import { loadPreset } from '../../shared/scenarios';
import { newPlayerId, simsOf, useHarness } from './harness';

const h = useHarness();

/** One request on its own connection from `from`, so that rate limits are per test. */
const send = (path: string, options: RawRequest = {}) => rawRequest(h.server.port, path, options);

/** The sandbox as a teacher would start from it: a new id, a bigger Europe, a new name. */
function classScenario(): Record<string, unknown> {
  const doc = structuredClone(loadPreset('sandbox')) as unknown as Record<string, unknown> & {
    regions: Array<{ id: string; marketSize: number }>;
  };
  doc.id = 'week-three';
  doc.name = { en: 'Week 3: the launch', ko: '3주차: 출시' };
  doc.regions.find((region) => region.id === 'eu')!.marketSize = 12_345_678;
  return doc;
}

const save = (profile: string, scenario: unknown, from = '127.0.0.1') =>
  send('/api/scenarios', { body: JSON.stringify({ profile, scenario }), from });

describe('saved scenarios', () => {
  it('saves a valid scenario, reads back the very text sent, and lists it for its profile only', async () => {
    const profile = newPlayerId();
    const doc = classScenario();
    const first = await save(profile, doc);
    expect(first.status).toBe(201);
    const { id } = JSON.parse(first.body) as { id: string };
    expect(id).toMatch(/^custom-[0-9a-f]{12}$/);
    const second = JSON.parse((await save(profile, { ...doc, name: { en: 'Week 4', ko: '4주차' } })).body) as { id: string };

    const read = await send(`/api/scenarios/${id}`);
    expect(read.status).toBe(200);
    const body = JSON.parse(read.body) as { id: string; scenario: unknown; createdAt: string };
    expect(body.id).toBe(id);
    // Key order too: a file saved from it is the file that was sent.
    expect(JSON.stringify(body.scenario)).toBe(JSON.stringify(doc));

    const listed = JSON.parse((await send(`/api/scenarios?profile=${profile}`)).body) as {
      scenarios: Array<{ id: string; name: { en: string } }>;
    };
    expect(listed.scenarios.map((s) => s.id).sort()).toEqual([id, second.id].sort());
    expect(listed.scenarios.map((s) => s.name.en).sort()).toEqual(['Week 3: the launch', 'Week 4']);
    expect(JSON.parse((await send(`/api/scenarios?profile=${newPlayerId()}`)).body)).toEqual({ scenarios: [] });
  });

  it('refuses an invalid scenario with the issues that name the field and the limit, and stores nothing', async () => {
    const profile = newPlayerId();
    const doc = classScenario() as { regions: Array<Record<string, unknown>> };
    doc.regions[1]!.peakHour = 31;
    delete doc.regions[0]!.initialUsers;
    const answer = await save(profile, doc);
    expect(answer.status).toBe(400);
    const body = JSON.parse(answer.body) as { error: string; issues: Array<{ path: unknown[]; code: string; maximum?: number }> };
    expect(body.error).toBe('invalid-scenario');
    const peak = body.issues.find((issue) => issue.path.join('.') === 'regions.1.peakHour');
    expect(peak).toMatchObject({ code: 'too_big', maximum: 24 });
    expect(body.issues.find((issue) => issue.path.join('.') === 'regions.0.initialUsers')).toMatchObject({ code: 'invalid_type' });
    expect(JSON.parse((await send(`/api/scenarios?profile=${profile}`)).body)).toEqual({ scenarios: [] });

    // A document that breaks one rule a thousand times is answered with the first fifty and a count.
    const noisy = { ...classScenario(), latencyMs: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`x${i}`, {}])) };
    const noisyAnswer = JSON.parse((await save(profile, noisy)).body) as { issues: unknown[]; more: number };
    expect(noisyAnswer.issues).toHaveLength(50);
    expect(noisyAnswer.more).toBeGreaterThan(900);
  });

  it("refuses a shipped scenario's id, a bad profile, a body that is not JSON and unknown ids", async () => {
    const shipped = await save(newPlayerId(), { ...classScenario(), id: 'sandbox' });
    expect(shipped.status).toBe(400);
    expect(JSON.parse(shipped.body)).toMatchObject({ error: 'invalid-scenario', issues: [{ path: ['id'] }] });
    expect(JSON.parse((await save('no', classScenario())).body)).toEqual({ error: 'invalid-profile' });
    const garbled = await send('/api/scenarios', { body: '{"profile": "abcdefgh", "scenario": ' });
    expect(garbled.status).toBe(400);
    expect((await send('/api/scenarios/custom-000000000000')).status).toBe(404);
    expect((await send('/api/scenarios/sandbox')).status).toBe(404);
    expect((await send('/api/scenarios?profile=x')).status).toBe(400);
  });

  it('limits the body to 64 kB and saves to a burst per address, and refuses foreign pages', async () => {
    const big = { ...classScenario(), description: { en: 'x'.repeat(70_000), ko: '가' } };
    expect((await save(newPlayerId(), big, '127.0.0.41')).status).toBe(413);
    const profile = newPlayerId();
    const statuses: number[] = [];
    for (let i = 0; i < DEFAULT_HTTP_LIMITS.save.burst + 1; i++) statuses.push((await save(profile, classScenario(), '127.0.0.42')).status);
    expect(statuses.slice(0, -1).every((status) => status === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const foreign = await send('/api/scenarios', {
      body: JSON.stringify({ profile, scenario: classScenario() }),
      from: '127.0.0.43',
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });

  it('runs a saved scenario as a solo game and as a workshop; an unknown saved id is refused', async () => {
    const profile = newPlayerId();
    const { id } = JSON.parse((await save(profile, classScenario())).body) as { id: string };
    const solo = await h.colyseus.sdk.create('game', { mode: 'solo', scenario: id, playerId: profile });
    const sims = simsOf(h.colyseus.getRoomById(solo.roomId));
    const scenario = sims.state(sims.teamIds[0]!).scenario;
    expect(scenario.regions.find((region) => region.id === 'eu')?.marketSize).toBe(12_345_678);
    expect(scenario.name.en).toBe('Week 3: the launch');
    await solo.leave();

    const workshop = await h.colyseus.sdk.create('game', {
      mode: 'workshop',
      role: 'instructor',
      scenario: id,
      playerId: profile,
      teams: ['t1', 't2'],
    });
    const workshopSims = simsOf(h.colyseus.getRoomById(workshop.roomId));
    expect(workshopSims.teamIds).toEqual(['t1', 't2']);
    expect(workshopSims.state('t2').scenario.regions.find((region) => region.id === 'eu')?.marketSize).toBe(12_345_678);
    await workshop.leave();

    await expect(h.colyseus.sdk.create('game', { mode: 'solo', scenario: 'custom-ffffffffffff', playerId: profile })).rejects.toThrow(
      'unknown-scenario',
    );
  });
});
