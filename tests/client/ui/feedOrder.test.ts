/**
 * The incident feed's order and wording: what is still going on first, "within a minute" rather
 * than "after 0 min", advice and the roll-back only while an incident is on, world incidents that
 * cannot touch the team said so, and overload read from the team's metrics (never without them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComponentView, FeedEntry, HostMetrics, IncidentCause, TeamView, TierFigures } from '../../../shared/sim';
import { feedLine, notYoursReason, offersRollback, orderFeed, overloadLines } from '../../../client/ui/feed/feedText';
import { componentView } from '../../helpers/views';

const ROOT = join(import.meta.dirname, '../../..');
const locale = (lang: 'en' | 'ko') => JSON.parse(readFileSync(join(ROOT, `client/i18n/locales/${lang}.json`), 'utf8')) as unknown;
function text(lang: 'en' | 'ko', key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      locale(lang),
    );
}

const name = (id: string) => `<${id}>`;
const minutes = (m: number) => `${m} min`;

const cause = (type: IncidentCause['type'], over: Partial<IncidentCause> = {}): IncidentCause => ({
  incidentId: 1,
  type,
  target: null,
  region: null,
  peer: null,
  endTick: null,
  ...over,
});
const entry = (tick: number, recoveredTick: number | null, c: IncidentCause | null): FeedEntry => ({ tick, recoveredTick, cause: c });

const component = componentView;

const METRICS: HostMetrics = {
  lambda: 150,
  capacity: 100,
  utilisation: 1.5,
  meanLatencyMs: 900,
  p95LatencyMs: 2000,
  served: 100,
  errors: 50,
  backlog: 40,
  extra: {},
  sent: {},
  fromUsers: {},
  serving: 1,
  down: 0,
  restarting: 0,
  health: 'degraded',
};

describe('the feed’s order', () => {
  it('puts what is still going on above what is over, newest first within each', () => {
    const team = { components: [component({})] };
    const feed = [
      entry(10, 14, cause('serverCrash', { incidentId: 1, target: 'web-1', endTick: 12 })),
      entry(20, null, cause('trafficSpike', { incidentId: 2 })),
      entry(30, 31, cause('trafficSpike', { incidentId: 3, endTick: 31 })),
      entry(40, null, cause('serverCrash', { incidentId: 4, target: 'web-1' })),
      entry(50, null, cause('cdnOutage', { incidentId: 5 })),
    ];
    // The CDN outage cannot touch a team with no CDN: it goes with the calm ones.
    expect(orderFeed(feed, team).map((e) => e.cause?.incidentId)).toEqual([4, 2, 5, 3, 1]);
  });

  it('keeps unexplained entries (no logs) in the same order', () => {
    const feed = [entry(1, 3, null), entry(5, null, null), entry(9, 12, null)];
    expect(orderFeed(feed, { components: [] }).map((e) => e.tick)).toEqual([5, 9, 1]);
  });
});

describe('the feed’s wording', () => {
  it('says "within a minute" when service came back in the tick it went, never "after 0 min"', () => {
    const quick = feedLine(entry(100, 100, cause('trafficSpike', { endTick: 100 })), name, minutes);
    expect(quick).toMatchObject({ status: 'recovered', statusKey: 'ui.feed.recoveredQuick', statusParams: {} });
    const felt = feedLine(entry(100, 100, null), name, minutes);
    expect(felt.statusKey).toBe('ui.feed.recoveredQuick');
    const ended = feedLine(entry(100, null, cause('serverCrash', { target: 'web-1', endTick: 100 })), name, minutes);
    expect(ended).toMatchObject({ status: 'ending', statusKey: 'ui.feed.endedQuick', statusParams: {} });
    expect(feedLine(entry(100, 103, cause('trafficSpike', { endTick: 101 })), name, minutes)).toMatchObject({
      statusKey: 'feed.recovered',
      statusParams: { duration: '3 min' },
    });
    for (const lang of ['en', 'ko'] as const) {
      for (const key of ['ui.feed.recoveredQuick', 'ui.feed.endedQuick']) {
        expect(text(lang, key)).toBeTypeOf('string');
        expect(String(text(lang, key))).not.toMatch(/\b0\b/);
      }
    }
  });

  it('gives advice only while the incident itself is on: no "Roll back now" under a deploy that is over', () => {
    const deploy = cause('badDeploy');
    expect(feedLine(entry(10, null, deploy), name, minutes).adviceKey).toBe('incidents.badDeploy.advice');
    const resolved = feedLine(entry(10, null, { ...deploy, endTick: 40 }), name, minutes);
    expect(resolved).toMatchObject({ status: 'ending', statusKey: 'incidents.badDeploy.ended', adviceKey: null });
  });

  it('offers the roll-back only on a bad deploy that is still on', () => {
    expect(offersRollback(entry(10, null, cause('badDeploy')))).toBe(true);
    expect(offersRollback(entry(10, null, cause('badDeploy', { endTick: 30 })))).toBe(false);
    expect(offersRollback(entry(10, 35, cause('badDeploy', { endTick: 30 })))).toBe(false);
    expect(offersRollback(entry(10, null, cause('serverCrash', { target: 'web-1' })))).toBe(false);
    // Without logs nobody knows it was a deploy.
    expect(offersRollback(entry(10, null, null))).toBe(false);
  });
});

describe('world incidents that cannot touch the team', () => {
  const web = component({});
  const cdn = component({ id: 'cdn-2', kind: 'cdn', size: 'large' });
  const primary = component({ id: 'db-3', kind: 'db', settings: { engine: 'rdbms' } });
  const replica = component({ id: 'db-4', kind: 'db', settings: { replicaOf: 'db-3' } });
  const sharded = component({ id: 'db-5', kind: 'db', count: 2, settings: { engine: 'rdbms', shardKey: 'userIdHash' } });
  const naWeb = component({ id: 'web-6', region: 'na' });
  const reason = (c: IncidentCause, components: ComponentView[]) => notYoursReason(c, { components })?.key ?? null;

  it('say why: no CDN, no replicas, no shards, nothing in that region, not spread over those regions', () => {
    expect(reason(cause('cdnOutage'), [web])).toBe('ui.feed.notYours.cdn');
    expect(reason(cause('cdnOutage'), [web, cdn])).toBeNull();
    expect(reason(cause('replicationLagSpike'), [web, primary])).toBe('ui.feed.notYours.replicas');
    expect(reason(cause('replicationLagSpike'), [web, primary, replica])).toBeNull();
    expect(reason(cause('hotspotKey'), [web, primary])).toBe('ui.feed.notYours.shards');
    expect(reason(cause('hotspotKey'), [web, sharded])).toBeNull();
    expect(notYoursReason(cause('dataCenterOutage', { region: 'eu' }), { components: [web, cdn] })).toEqual({
      key: 'ui.feed.notYours.region',
      params: { region: 'eu' },
    });
    expect(reason(cause('dataCenterOutage', { region: 'ap' }), [web])).toBeNull();
    expect(reason(cause('regionPartition', { region: 'ap', peer: 'na' }), [web])).toBe('ui.feed.notYours.partition');
    expect(reason(cause('regionPartition', { region: 'ap', peer: 'na' }), [web, naWeb])).toBeNull();
  });

  it('never for incidents that hit everyone, or for unexplained entries', () => {
    expect(reason(cause('trafficSpike'), [])).toBeNull();
    expect(reason(cause('badDeploy'), [web])).toBeNull();
    expect(notYoursReason(null, { components: [] })).toBeNull();
  });

  it('have their reasons in both languages', () => {
    for (const key of ['cdn', 'replicas', 'shards', 'region', 'partition']) {
      for (const lang of ['en', 'ko'] as const) expect(text(lang, `ui.feed.notYours.${key}`)).toBeTypeOf('string');
    }
  });
});

describe('overload in the feed', () => {
  const team = (components: ComponentView[], tiers: TierFigures[] | null = null): Pick<TeamView, 'components' | 'aggregated'> => ({
    components,
    aggregated: tiers === null ? null : { requestsPerSecond: 1, availability: 1, errorRate: 0, p50LatencyMs: 1, p95LatencyMs: 1, tiers },
  });
  const tier = (over: Partial<TierFigures>): TierFigures => ({
    tier: 'web',
    components: 1,
    instances: 1,
    lambda: 150,
    capacity: 100,
    utilisation: 1.5,
    worstP95LatencyMs: 2000,
    errors: 50,
    errorRate: 0.3,
    hitRatio: null,
    ...over,
  });
  const kind = (k: string) => `[${k}]`;

  it('names each overloaded component with host metrics, with what to do for its kind', () => {
    const lines = overloadLines(
      team([
        component({ metrics: METRICS, settings: { colocatedDb: true } }),
        component({ id: 'db-2', kind: 'db', metrics: { ...METRICS, utilisation: 1.2 } }),
        component({ id: 'cache-3', kind: 'cache', metrics: { ...METRICS, utilisation: 0.4 } }),
      ]),
      name,
      kind,
    );
    expect(lines).toEqual([
      {
        id: 'web-1',
        key: 'ui.feed.overload',
        params: { target: '<web-1>', load: 1.5 },
        adviceKey: 'ui.feed.overloadColocated',
        concept: 'singleServer',
      },
      {
        id: 'db-2',
        key: 'ui.feed.overload',
        params: { target: '<db-2>', load: 1.2 },
        adviceKey: 'ui.feed.overloadDb',
        concept: 'replication',
      },
    ]);
  });

  it('falls back to tiers with aggregated metrics only, and says nothing without metrics', () => {
    expect(overloadLines(team([component({})], [tier({})]), name, kind)).toEqual([
      {
        id: 'tier:web',
        key: 'ui.feed.overloadTier',
        params: { target: '[web]', load: 1.5 },
        adviceKey: 'ui.feed.overloadWeb',
        concept: 'verticalVsHorizontal',
      },
    ]);
    expect(overloadLines(team([component({ settings: { colocatedDb: true } })], [tier({})]), name, kind)[0]?.adviceKey).toBe(
      'ui.feed.overloadColocated',
    );
    expect(overloadLines(team([component({})], [tier({ utilisation: 0.9 })]), name, kind)).toEqual([]);
    // Fog of war: no metrics, no overload line (the complaints are all the team hears).
    expect(overloadLines(team([component({})]), name, kind)).toEqual([]);
  });

  it('has its texts in both languages', () => {
    for (const key of ['overloadName', 'overload', 'overloadTier', 'overloadColocated', 'overloadWeb', 'overloadDb', 'overloadOther']) {
      for (const lang of ['en', 'ko'] as const) expect(text(lang, `ui.feed.${key}`)).toBeTypeOf('string');
    }
  });
});
