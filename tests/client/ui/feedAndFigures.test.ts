/** Pure view models of the panels: incident-feed lines, inspector figures, chart series. */
import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../../shared/sim';
import { feedLine } from '../../../client/ui/feed/feedText';
import { componentFigures, plannedCount, utilisationTone } from '../../../client/ui/inspector/figures';
import { CHARTS, chartData, hasData, latest } from '../../../client/ui/charts/series';
import type { HistoryPoint } from '../../../client/state/model';
import { yRange } from '../../../client/ui/charts/Chart';
import { componentView, hostMetrics } from '../../helpers/views';

const name = (id: string) => `<${id}>`;
const minutes = (m: number) => `${m}m`;

describe('incident feed lines', () => {
  it('without logs, only says service got worse, and points to observability', () => {
    const line = feedLine({ tick: 100, recoveredTick: null, cause: null }, name, minutes);
    expect(line).toMatchObject({
      key: 'feed.worse',
      status: 'open',
      statusKey: 'ui.feed.ongoing',
      concept: 'observability',
      adviceKey: null,
    });
  });

  it('with logs, names cause and target, gives advice while open, and the recovery time when over', () => {
    const cause = { incidentId: 3, type: 'serverCrash' as const, target: 'web-1', region: null, peer: null, endTick: null };
    const open = feedLine({ tick: 100, recoveredTick: null, cause }, name, minutes);
    expect(open).toMatchObject({
      key: 'incidents.serverCrash.started',
      params: { target: '<web-1>' },
      nameKey: 'incidents.serverCrash.name',
      status: 'open',
      adviceKey: 'incidents.serverCrash.advice',
      concept: 'loadBalancer',
    });
    const ending = feedLine({ tick: 100, recoveredTick: null, cause: { ...cause, endTick: 112 } }, name, minutes);
    expect(ending).toMatchObject({ status: 'ending', statusKey: 'incidents.serverCrash.ended', statusParams: { duration: '12m' } });
    const recovered = feedLine({ tick: 100, recoveredTick: 130, cause: { ...cause, endTick: 112 } }, name, minutes);
    expect(recovered).toMatchObject({
      status: 'recovered',
      statusKey: 'feed.recovered',
      statusParams: { duration: '30m' },
      adviceKey: null,
    });
  });

  it('names regions for data-center outages and both regions for a partition', () => {
    const entry = (c: Partial<NonNullable<FeedEntry['cause']>>): FeedEntry => ({
      tick: 5,
      recoveredTick: null,
      cause: { incidentId: 1, type: 'dataCenterOutage', target: null, region: null, peer: null, endTick: null, ...c },
    });
    expect(feedLine(entry({ region: 'eu' }), name, minutes).params).toEqual({ target: '<eu>' });
    expect(feedLine(entry({ type: 'regionPartition', region: 'ap', peer: 'na' }), name, minutes).params).toEqual({ target: '<ap> ↔ <na>' });
  });
});

const METRICS = hostMetrics();
const COMPONENT = componentView({ id: 'cache-4', kind: 'cache', provisioning: 2 });

describe('inspector figures', () => {
  it('are hidden without host metrics', () => {
    expect(componentFigures(COMPONENT)).toBeNull();
  });

  it('list the queueing figures, then the kind’s own in the sim’s order', () => {
    const lines = componentFigures({ ...COMPONENT, metrics: { ...METRICS, extra: { staleShare: 0.1, hitRatio: 0.8 } } })!;
    expect(lines.map((l) => l.id)).toEqual([
      'lambda',
      'capacity',
      'utilisation',
      'meanLatency',
      'p95Latency',
      'errors',
      'backlog',
      'hitRatio',
      'staleShare',
    ]);
    expect(lines.find((l) => l.id === 'hitRatio')).toMatchObject({ label: 'metrics.hitRatio', kind: 'percent', value: 0.8 });
  });

  it('count ordered instances, and judge utilisation by the alert threshold', () => {
    expect(plannedCount(COMPONENT)).toBe(3);
    expect([0.5, 0.85, 0.9, 1, 1.4].map(utilisationTone)).toEqual(['good', 'good', 'warn', 'bad', 'bad']);
  });
});

describe('chart series', () => {
  const point = (tick: number, availability: number | null): HistoryPoint => ({
    tick,
    money: 100 + tick,
    dau: 10 * tick,
    online: tick,
    availability,
    p95LatencyMs: null,
    errorRate: null,
  });

  it('align ticks with each series, keeping hidden figures as gaps', () => {
    const points = [point(1, null), point(2, 0.99), point(3, 0.98)];
    const users = CHARTS.find((c) => c.id === 'users')!;
    expect(chartData(points, users)).toEqual([
      [1, 2, 3],
      [10, 20, 30],
      [1, 2, 3],
    ]);
    const availability = CHARTS.find((c) => c.id === 'availability')!;
    const data = chartData(points, availability);
    expect(data).toEqual([
      [1, 2, 3],
      [null, 0.99, 0.98],
    ]);
    expect(hasData(data)).toBe(true);
    expect(latest(data)).toBe(0.98);
    const latency = chartData(
      points,
      CHARTS.find((c) => c.id === 'latency')!,
    );
    expect(hasData(latency)).toBe(false);
    expect(latest(latency)).toBeNull();
  });

  it('scale the y axis so that a calm error rate does not sit under 0–100 %', () => {
    expect(yRange('errorRate', 0, 0)).toEqual([0, 0.02]);
    expect(yRange('availability', 0.97, 1)).toEqual([0.9, 1]);
    expect(yRange('availability', 0.5, 1)).toEqual([0.5, 1]);
    expect(yRange('count', 5, 100)[0]).toBe(0);
  });
});
