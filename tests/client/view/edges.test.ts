/**
 * The diagram's edges and what flows on them, from a real sim's team view: users reach DNS and
 * the right entry, static files go to the CDN, replicas get reads; with host metrics each edge
 * carries the sim's own rate for that link, and the edges into a component add up to what it
 * receives; under fog of war traffic is still drawn (estimated), in grey.
 */
import { describe, expect, it } from 'vitest';
import { teamView, type TeamView } from '../../../shared/sim';
import { componentCard, dnsCard } from '../../../client/view/cardModel';
import { buildDevSystem } from '../../../client/dev/devSystem';
import { diagramEdges, routesOf } from '../../../client/view/edges';
import { edgeTraffic } from '../../../client/view/edgeTraffic';
import ko from '../../../client/i18n/locales/ko.json' with { type: 'json' };
import { englishLabels, fixedLabels } from '../../../client/view/labels';
import { layoutDiagram } from '../../../client/view/layout';
import { PATH_STEP, edgePaths, pointAt } from '../../../client/view/paths';
import { scenarioFacts } from '../../../client/view/scenarioFacts';

const REGIONS = ['ap', 'na', 'eu'];

function view(metrics: boolean): TeamView {
  return teamView(buildDevSystem({ target: 30, metrics }));
}

describe('edges', () => {
  const team = view(true);
  const facts = scenarioFacts('sandbox', team);
  const edges = diagramEdges(team, facts.regions, facts.rtt);
  const ids = new Set(edges.map((e) => e.id));

  it('links each region’s users to its DNS, its DNS to its entry and to the CDN', () => {
    const cdn = team.components.find((c) => c.kind === 'cdn')!;
    for (const region of REGIONS) {
      expect(ids.has(`users:${region}>dns:${region}`)).toBe(true);
      expect(ids.has(`dns:${region}>${team.entries[region]}`)).toBe(true);
      expect(ids.has(`dns:${region}>${cdn.id}`)).toBe(true);
    }
  });

  it('draws every connection the team made, and reads to replicas beside the primary', () => {
    for (const c of team.components) for (const t of c.targets) expect(ids.has(`${c.id}>${t}`)).toBe(true);
    const replica = team.components.find((c) => c.settings.replicaOf !== undefined)!;
    expect(ids.has(`${replica.settings.replicaOf}>${replica.id}`)).toBe(true);
    const reader = team.components.find((c) => c.targets.includes(replica.settings.replicaOf!))!;
    expect(ids.has(`${reader.id}>${replica.id}`)).toBe(true);
  });

  it('sends users of a region without a data center to the nearest one, or by GeoDNS weights', () => {
    const entries = { ap: 'lb-1', na: 'lb-2' };
    const rtt = { eu: { ap: 250, na: 90, eu: 20 } };
    expect(routesOf({ entries, geoWeights: {} }, REGIONS, 'eu', rtt)).toEqual([{ to: 'lb-2', share: 1 }]);
    expect(routesOf({ entries, geoWeights: {} }, REGIONS, 'eu')).toEqual([{ to: 'lb-1', share: 1 }]);
    expect(routesOf({ entries, geoWeights: { eu: { ap: 1, na: 3 } } }, REGIONS, 'eu', rtt)).toEqual([
      { to: 'lb-1', share: 0.25 },
      { to: 'lb-2', share: 0.75 },
    ]);
    expect(routesOf({ entries: {}, geoWeights: {} }, REGIONS, 'eu', rtt)).toEqual([]);
  });

  it('with host metrics, an edge carries what the sim counted on that link', () => {
    const traffic = edgeTraffic(team, facts.regions, edges, facts.traffic);
    const byId = new Map(team.components.map((c) => [c.id, c]));
    let checked = 0;
    for (const e of edges) {
      const rate = traffic.get(e.id)!.rate;
      if (e.kind === 'call' || e.kind === 'read' || e.kind === 'replication') {
        expect(rate).toBe(byId.get(e.from)!.metrics!.sent[e.to] ?? 0);
        checked++;
      } else if (e.kind === 'dns' || e.kind === 'static') {
        expect(rate).toBe(byId.get(e.to)!.metrics!.fromUsers[e.from.slice('dns:'.length)] ?? 0);
        checked++;
      }
    }
    expect(checked).toBe(edges.filter((e) => e.kind !== 'users').length);
    // Replication streams and reads sent to replicas are real rates too, not shares of a guess.
    const replica = team.components.find((c) => c.settings.replicaOf !== undefined)!;
    expect(traffic.get(`${replica.settings.replicaOf}>${replica.id}`)!.rate).toBeGreaterThan(0);
  });

  it('the edges into a component add up to its λ, each with the component’s latency', () => {
    const traffic = edgeTraffic(team, facts.regions, edges, facts.traffic);
    let checked = 0;
    for (const c of team.components) {
      const feeding = edges.filter((e) => e.to === c.id);
      if (feeding.length === 0 || c.metrics === null || c.metrics.lambda === 0) continue;
      // A read-through or write-through cache also stores its misses itself: no edge carries that.
      if (c.kind === 'cache' && (c.settings.cacheStrategy ?? 'lookAside') !== 'lookAside') continue;
      const sum = feeding.reduce((s, e) => s + traffic.get(e.id)!.rate, 0);
      // Every figure is sent to four significant digits: the sum is as close as that allows.
      expect(Math.abs(sum - c.metrics.lambda)).toBeLessThanOrEqual(1e-3 * c.metrics.lambda);
      for (const e of feeding) expect(traffic.get(e.id)!.latencyMs).toBe(c.metrics.p95LatencyMs);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    const users = traffic.get('users:ap>dns:ap')!;
    expect(users.rate).toBeGreaterThan(traffic.get('users:eu>dns:eu')!.rate);
  });

  it('a link the metrics do not list carries nothing, while without metrics the same edge is estimated', () => {
    const web = team.components.find((c) => c.kind === 'web')!;
    const target = web.targets[0]!;
    const id = `${web.id}>${target}`;
    const withoutLink = {
      ...team,
      components: team.components.map((c) => (c.id === web.id ? { ...c, metrics: { ...c.metrics!, sent: {} } } : c)),
    };
    expect(edgeTraffic(withoutLink, facts.regions, edges, facts.traffic).get(id)!.rate).toBe(0);
    const fog = { ...team, components: team.components.map((c) => ({ ...c, metrics: null })) };
    expect(edgeTraffic(fog, facts.regions, edges, facts.traffic).get(id)!.rate).toBeGreaterThan(0);
  });

  it('still moves traffic under fog of war, without latency or errors', () => {
    const fog = view(false);
    const fogEdges = diagramEdges(fog, facts.regions, facts.rtt);
    const traffic = edgeTraffic(fog, facts.regions, fogEdges, facts.traffic);
    const lbToWeb = fogEdges.find((e) => e.from.startsWith('lb-') && e.to.startsWith('web-'))!;
    expect(traffic.get(lbToWeb.id)!.rate).toBeGreaterThan(0);
    for (const t of traffic.values()) {
      expect(t.latencyMs).toBeNull();
      expect(t.errorShare).toBeNull();
    }
  });
});

describe('edge paths', () => {
  const team = view(true);
  const facts = scenarioFacts('sandbox', team);
  const layout = layoutDiagram(null, facts.regions, team.components);
  const edges = diagramEdges(team, facts.regions, facts.rtt);
  const paths = edgePaths(edges, layout.byId);

  it('runs from the bottom of the source to the top of the target, in even steps', () => {
    expect(paths.size).toBe(edges.length);
    for (const e of edges) {
      const path = paths.get(e.id)!;
      const from = layout.byId.get(e.from)!;
      const to = layout.byId.get(e.to)!;
      const start = { x: 0, y: 0 };
      const end = { x: 0, y: 0 };
      pointAt(path, 0, start);
      pointAt(path, 1, end);
      expect(start.y).toBeCloseTo(from.y + from.h, 3);
      expect(start.x).toBeGreaterThan(from.x);
      expect(start.x).toBeLessThan(from.x + from.w);
      expect(end.y).toBeCloseTo(to.y, 3);
      expect(end.x).toBeGreaterThan(to.x);
      expect(end.x).toBeLessThan(to.x + to.w);
      const step = path.length / (path.count - 1);
      expect(step).toBeLessThanOrEqual(PATH_STEP + 1e-6);
    }
  });
});

describe('card texts', () => {
  const team = view(true);

  it('names the component and its instances, and shows its load', () => {
    const web = team.components.find((c) => c.kind === 'web')!;
    const card = componentCard(web, englishLabels);
    expect(card.title).toBe(`Web server ${web.id.split('-')[1]}`);
    expect(card.count).toBe(`×${web.count}`);
    expect(card.load).toBe(web.metrics!.utilisation);
    expect(card.figure).toBe(`${Math.round(web.metrics!.utilisation * 100)}%`);
  });

  it('says a dead component is down, in words as well as colour', () => {
    const web = team.components.find((c) => c.kind === 'web')!;
    const dead = { ...web, metrics: { ...web.metrics!, health: 'dead' as const, serving: 0, down: web.count } };
    const card = componentCard(dead, englishLabels);
    expect(card.state).toBe('dead');
    expect(card.figure).toBe('Down');
    expect(componentCard(dead, fixedLabels('ko', { health: { dead: '중단됨' }, kinds: { web: { name: '웹 서버' } } })).figure).toBe(
      '중단됨',
    );
  });

  it('shows no load without host metrics, and says why', () => {
    const fog = view(false).components.find((c) => c.kind === 'web')!;
    const card = componentCard(fog, englishLabels);
    expect(card.load).toBeNull();
    expect(card.state).toBe('unknown');
    expect(card.figure).toBe('no metrics');
  });

  it('reads its texts from the locale files, with their parameters, in both languages', () => {
    expect(englishLabels.t('diagram.replica')).toBe('Replica');
    expect(fixedLabels('ko', ko).t('diagram.replica')).toBe('복제본');
    expect(englishLabels.t('diagram.shards', { count: 4 })).toBe('4 shards');
    expect(fixedLabels('ko', ko).t('diagram.shards', { count: 4 })).toBe('샤드 4개');
    expect(dnsCard('eu', ['na'], englishLabels).figure).toBe('→ NA');
    expect(dnsCard('eu', [], englishLabels).state).toBe('degraded');
  });
});
