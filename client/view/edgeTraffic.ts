/**
 * Requests per second, latency and error share along each edge, for the traffic dots. Pure.
 *
 * With host metrics the rates are the sim's own, per link (HostMetrics.sent and fromUsers): a
 * connection, a read sent to a replica or a replication stream carries what its source sent to
 * that target; DNS → entry and DNS → CDN carry what the target received from that region's users.
 * Requests that reach a dead target are on the edge (they travel and fail there). Users → DNS is
 * the world's traffic, not a link of the system, so it is always estimated, as below.
 *
 * Without host metrics (fog of war) the rates are estimated from what every team sees (users
 * online, or the aggregated request rate, and the scenario's request mix and region sizes) and
 * the dots are grey: traffic is visible, its health is not.
 */
import type { ComponentView, TeamView } from '../../shared/sim';
import type { DiagramEdge } from './edges';
import { TIERS, tierOf } from './layout';

export interface EdgeTraffic {
  /** Requests per second along the edge. */
  rate: number;
  /** p95 latency of the edge's target (null: not known to this team). */
  latencyMs: number | null;
  /** Share of the target's requests that fail (null: not known). */
  errorShare: number | null;
}

export interface TrafficContext {
  /** Requests per second per online user by class (the scenario's classMix). */
  classMix?: { static: number; read: number; write: number; session: number; job: number };
  /** Relative size of each region's user base when the team cannot see it (scenario initial users). */
  regionWeights?: Record<string, number>;
}

type Mix = NonNullable<TrafficContext['classMix']>;
type TrafficView = Pick<TeamView, 'components' | 'users' | 'aggregated' | 'business'>;

const DEFAULT_MIX: Mix = { static: 0.4, read: 0.25, write: 0.03, session: 0.05, job: 0.005 };
/** Expected CDN hit ratio when the team cannot see it. */
const ASSUMED_CDN_HIT = 0.8;

/** The region a users or DNS node stands for (`users:ap`, `dns:ap`). */
function regionOfNode(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

/** The measured rate of an edge, or null when this team's figures do not show it. */
function measuredRate(e: DiagramEdge, source: ComponentView | undefined, target: ComponentView | undefined): number | null {
  switch (e.kind) {
    case 'users':
      return null;
    case 'dns':
    case 'static':
      return target?.metrics ? (target.metrics.fromUsers[regionOfNode(e.from)] ?? 0) : null;
    case 'call':
    case 'read':
    case 'replication':
      return source?.metrics ? (source.metrics.sent[e.to] ?? 0) : null;
  }
}

/** Users' requests per second by region: the total (aggregated, else users online × mix) over the regions' sizes. */
function regionDemand(view: TrafficView, regions: readonly string[], mix: Mix, context: TrafficContext): Map<string, number> {
  const perUser = mix.static + mix.read + mix.write + mix.session + mix.job;
  const total = view.aggregated?.requestsPerSecond ?? view.users.online * perUser;
  const weights = regions.map((r) => view.business?.regions.find((b) => b.id === r)?.dau ?? context.regionWeights?.[r] ?? 1);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  return new Map(regions.map((r, i) => [r, weightSum > 0 ? (total * (weights[i] as number)) / weightSum : 0]));
}

/** What share of the requests a web server handles reaches each kind it calls (estimate). */
function callShare(kind: ComponentView['kind'], mix: Mix): number {
  const dynamic = mix.read + mix.write + mix.session + mix.job;
  const perRequest = dynamic > 0 ? 1 / dynamic : 0;
  switch (kind) {
    case 'db':
      return (mix.read + mix.write) * perRequest;
    case 'cache':
      return mix.read * perRequest;
    case 'queue':
      return mix.job * perRequest;
    default:
      return 1;
  }
}

/**
 * Fog of war: a guess of what flows along each edge from the region demand and the request mix,
 * in tier order (edges always point down the lanes): each component passes on what reaches it,
 * a balancer or queue evenly, a web server by the share of the mix each kind it calls takes.
 */
function estimatedRates(view: TrafficView, edges: readonly DiagramEdge[], demand: Map<string, number>, mix: Mix): Map<string, number> {
  const perUser = mix.static + mix.read + mix.write + mix.session + mix.job;
  const staticShare = perUser > 0 ? mix.static / perUser : 0;
  const byId = new Map(view.components.map((c) => [c.id, c]));
  const hasCdn = view.components.some((c) => c.kind === 'cdn' && c.count > 0);
  const originShare = hasCdn ? 1 - staticShare * ASSUMED_CDN_HIT : 1;

  const incoming = new Map<string, DiagramEdge[]>();
  const outgoing = new Map<string, DiagramEdge[]>();
  const push = (map: Map<string, DiagramEdge[]>, key: string, e: DiagramEdge) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [e]);
    else list.push(e);
  };
  for (const e of edges) {
    push(incoming, e.to, e);
    push(outgoing, e.from, e);
  }

  const guess = new Map<string, number>();
  for (const e of edges) {
    const users = demand.get(regionOfNode(e.from)) ?? 0;
    if (e.kind === 'users') guess.set(e.id, users);
    else if (e.kind === 'static') guess.set(e.id, hasCdn ? users * staticShare : 0);
    else if (e.kind === 'dns') guess.set(e.id, users * originShare * e.share);
  }
  const tierIndex = new Map(view.components.map((c) => [c.id, TIERS.indexOf(tierOf(c))]));
  const order = [...view.components].sort((a, b) => (tierIndex.get(a.id) as number) - (tierIndex.get(b.id) as number));
  for (const c of order) {
    let through = 0;
    for (const e of incoming.get(c.id) ?? []) through += guess.get(e.id) ?? 0;
    const out = outgoing.get(c.id) ?? [];
    let calls = 0;
    const callsByKind = new Map<string, number>();
    for (const e of out) {
      if (e.kind !== 'call') continue;
      calls++;
      const kind = byId.get(e.to)?.kind ?? '';
      callsByKind.set(kind, (callsByKind.get(kind) ?? 0) + 1);
    }
    for (const e of out) {
      const target = byId.get(e.to);
      if (target === undefined) continue;
      let rate: number;
      if (e.kind === 'replication') rate = through * (mix.write / Math.max(1e-9, mix.read + mix.write));
      else if (c.kind === 'lb' || c.kind === 'queue') rate = through / Math.max(1, calls);
      else {
        const sameKind = callsByKind.get(target.kind) ?? 0;
        rate = (through * callShare(target.kind, mix)) / Math.max(1, sameKind);
        if (e.kind === 'read') rate *= mix.read / Math.max(1e-9, mix.read + mix.write);
      }
      guess.set(e.id, rate);
    }
  }
  return guess;
}

export function edgeTraffic(
  view: TrafficView,
  regions: readonly string[],
  edges: readonly DiagramEdge[],
  context: TrafficContext = {},
): Map<string, EdgeTraffic> {
  const mix = context.classMix ?? DEFAULT_MIX;
  const byId = new Map(view.components.map((c) => [c.id, c]));
  const demand = regionDemand(view, regions, mix, context);
  let estimate: Map<string, number> | null = null; // computed only if some edge needs it
  const result = new Map<string, EdgeTraffic>();
  for (const e of edges) {
    const target = byId.get(e.to);
    let rate: number;
    if (e.kind === 'users') rate = demand.get(regionOfNode(e.from)) ?? 0;
    else {
      const measured = measuredRate(e, byId.get(e.from), target);
      if (measured !== null) rate = measured;
      else {
        estimate ??= estimatedRates(view, edges, demand, mix);
        rate = estimate.get(e.id) ?? 0;
      }
    }
    let latencyMs: number | null = null;
    let errorShare: number | null = null;
    if (e.kind === 'users') {
      latencyMs = view.aggregated?.p95LatencyMs ?? null;
      errorShare = view.aggregated?.errorRate ?? null;
    } else if (target?.metrics) {
      const m = target.metrics;
      latencyMs = m.p95LatencyMs;
      errorShare = m.lambda > 0 ? Math.min(1, m.errors / m.lambda) : m.health === 'dead' ? 1 : 0;
    }
    result.set(e.id, { rate: Number.isFinite(rate) && rate > 0 ? rate : 0, latencyMs, errorShare });
  }
  return result;
}
