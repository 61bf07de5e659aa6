/**
 * The scenario schema: everything that ships parses, the documented example parses as written,
 * and each rule between fields refuses with the path and the params an editor words its error
 * from. Bounds keep a saved scenario from becoming a way to load the server.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chapters } from '../../shared/campaign';
import { loadPreset, PRESET_IDS, scenarioSchema } from '../../shared/scenarios';
import { createSim, step } from '../../shared/sim';

/** The one JSON block of docs/scenarios.md's example section. */
function documentedExample(): unknown {
  const text = readFileSync(new URL('../../docs/scenarios.md', import.meta.url), 'utf8');
  const section = text.slice(text.indexOf('## An example'));
  const block = /```json\n([\s\S]*?)```/.exec(section);
  if (block === null) throw new Error('docs/scenarios.md has no example');
  return JSON.parse(block[1]!);
}

function issuesOf(document: unknown) {
  const result = scenarioSchema.safeParse(document);
  if (result.success) throw new Error('expected a refusal');
  return result.error.issues;
}

describe('the scenario schema', () => {
  it('takes every shipped scenario and every chapter', () => {
    for (const id of PRESET_IDS) expect(scenarioSchema.safeParse(loadPreset(id)).success).toBe(true);
    for (const chapter of chapters()) expect(scenarioSchema.safeParse(chapter.scenario).success).toBe(true);
  });

  it('takes the documented example, which then runs: its scripted database failure hits db-2 on the third morning', () => {
    const parsed = scenarioSchema.parse(documentedExample());
    expect(parsed.incidents.map((incident) => [incident.tick % 1440, Math.floor(incident.tick / 1440) + 1])).toEqual([
      [20 * 60, 2],
      [10 * 60, 3],
    ]);
    const state = createSim(parsed, 1);
    expect(state.components.map((c) => c.id)).toEqual(['web-1', 'db-2']);
    while (state.tick <= 3480) step(state, []);
    expect(state.incidents.some((incident) => incident.type === 'dbPrimaryFailure' && incident.target === 'db-2')).toBe(true);
  });

  it('names the rules between fields with params an editor can word', () => {
    const base = documentedExample() as Record<string, unknown> & {
      latencyMs: Record<string, Record<string, number>>;
      datasets: Array<{ readShare: number }>;
      initialTopology: Array<Record<string, unknown>>;
    };
    const broken = structuredClone(base);
    delete broken.latencyMs.eu!.ap;
    broken.datasets[0]!.readShare = 0.5;
    broken.initialTopology[1]!.region = 'mars';
    broken.initialTopology.push({ kind: 'db', region: 'ap', connectFrom: [2] });
    broken.initialTopology.push({ kind: 'lb', region: 'ap', connectFrom: [1] });
    broken.startSpeed = 3;
    const issues = issuesOf(broken).map((issue) => ({ path: issue.path.join('.'), params: (issue as { params?: unknown }).params }));
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'startSpeed', params: { rule: 'speed', speeds: '1, 2, 4, 8, 16, 32' } },
        { path: 'latencyMs.eu.ap', params: { rule: 'latency-missing', from: 'eu', to: 'ap' } },
        { path: 'datasets', params: { rule: 'shares-sum', key: 'readShare', total: 1.1 } },
        { path: 'initialTopology.1.region', params: { rule: 'unknown-region', region: 'mars' } },
        { path: 'initialTopology.2.connectFrom', params: { rule: 'connect-earlier' } },
        { path: 'initialTopology.3.connectFrom', params: { rule: 'link-not-allowed', source: 'db', kind: 'lb' } },
      ]),
    );
  });

  it('bounds regions, data sets, scripted incidents and the starting system', () => {
    const base = documentedExample() as Record<string, unknown> & { regions: unknown[]; initialTopology: unknown[]; incidents: unknown[] };
    const region = (i: number) => ({ id: `r${i}`, name: { en: `R${i}`, ko: `지역${i}` }, initialUsers: 1, marketSize: 10, peakHour: 12 });
    const many = { ...base, regions: Array.from({ length: 13 }, (_, i) => region(i)) };
    expect(issuesOf(many).find((issue) => issue.path.join('.') === 'regions')).toMatchObject({ code: 'too_big', maximum: 12 });
    const big = { ...base, initialTopology: Array.from({ length: 251 }, () => ({ kind: 'web', region: 'ap' })) };
    expect(issuesOf(big).find((issue) => issue.path.join('.') === 'initialTopology')).toMatchObject({ code: 'too_big', maximum: 250 });
    const busy = { ...base, incidents: Array.from({ length: 501 }, () => ({ tick: 5, type: 'trafficSpike' })) };
    expect(issuesOf(busy).find((issue) => issue.path.join('.') === 'incidents')).toMatchObject({ code: 'too_big', maximum: 500 });
  });
});

describe('a scenario at every ceiling', () => {
  it('still runs: no step throws and every figure stays finite', () => {
    const doc = documentedExample() as Record<string, unknown> & { regions: Array<Record<string, unknown>> };
    const region = (id: string) => ({ id, name: { en: id, ko: '지역' }, initialUsers: 1e10, marketSize: 1e10, peakHour: 12 });
    const regions = ['ap', 'eu'].map(region);
    const extreme = {
      ...doc,
      startMoney: 1e9,
      revenuePerUserDay: 100,
      priceFactor: 100,
      regions,
      latencyMs: { ap: { ap: 10_000, eu: 10_000 }, eu: { ap: 10_000, eu: 10_000 } },
      traffic: { mode: 'growth', growthPerDay: 10, churnPerDay: 0 },
      classMix: { static: 100, read: 100, write: 100, session: 100, job: 100 },
      mtbfTicks: { web: 720, db: 720, lb: 720, cache: 720, cdn: 720, sessionStore: 720, queue: 720, worker: 720 },
      randomIncidentsPerDay: {
        trafficSpike: 24,
        badDeploy: 24,
        cdnOutage: 24,
        dataCenterOutage: 24,
        hotspotKey: 24,
        replicationLagSpike: 24,
        regionPartition: 24,
      },
      incidents: Array.from({ length: 500 }, () => ({ tick: 1, type: 'trafficSpike', magnitude: 10, durationTicks: 600 })),
      initialTopology: [
        { kind: 'lb', region: 'ap', count: 64, connectFrom: ['users'] },
        { kind: 'web', region: 'ap', size: 'xxlarge', count: 64, connectFrom: [0] },
        { kind: 'db', region: 'ap', size: 'xxlarge', count: 64, connectFrom: [1] },
      ],
    };
    const parsed = scenarioSchema.parse(extreme);
    const state = createSim(parsed, 3);
    for (let t = 0; t < 60; t++) step(state, []);
    expect(Number.isFinite(state.money)).toBe(true);
    expect(Number.isFinite(state.summary.requestsPerSecond)).toBe(true);
    expect(state.summary.requestsPerSecond).toBeGreaterThan(0);
  });
});
