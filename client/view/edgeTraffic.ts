/**
 * Requests per second, latency and error share along each edge, for the traffic dots. The sim
 * reports figures per component (λ, p95, errors), not per connection, so an edge's rate is its
 * target's λ shared among the target's sources in proportion to how much each source carries.
 * Without host metrics (fog of war) the rates are estimated from what every team sees (users
 * online and the scenario's request mix) and the dots are grey: traffic is visible, its health is
 * not. Pure.
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

const DEFAULT_MIX = { static: 0.4, read: 0.25, write: 0.03, session: 0.05, job: 0.005 };
/** Expected CDN hit ratio when the team cannot see it. */
const ASSUMED_CDN_HIT = 0.8;

/** What share of the requests a web server handles reaches each kind it calls (estimate). */
function callShare(kind: ComponentView['kind'] | 'users' | 'dns', mix: typeof DEFAULT_MIX): number {
  const dynamic = mix.read + mix.write + mix.session + mix.job;
  const perRequest = dynamic > 0 ? 1 / dynamic : 0;
  switch (kind) {
    case 'db':
      return (mix.read + mix.write) * perRequest;
    case 'cache':
      return mix.read * perRequest;
    case 'sessionStore':
      return 1;
    case 'queue':
      return mix.job * perRequest;
    default:
      return 1;
  }
}

export function edgeTraffic(view: Pick<TeamView, 'components' | 'users' | 'aggregated' | 'business'>, regions: readonly string[], edges: readonly DiagramEdge[], context: TrafficContext = {}): Map<string, EdgeTraffic> {
  const mix = context.classMix ?? DEFAULT_MIX;
  const perUser = mix.static + mix.read + mix.write + mix.session + mix.job;
  const staticShare = perUser > 0 ? mix.static / perUser : 0;
  const byId = new Map(view.components.map((c) => [c.id, c]));
  const total = view.aggregated?.requestsPerSecond ?? view.users.online * perUser;

  // Users' requests per region.
  const weights = regions.map((r) => {
    const fromBusiness = view.business?.regions.find((b) => b.id === r)?.dau;
    return fromBusiness ?? context.regionWeights?.[r] ?? 1;
  });
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const demand = new Map(regions.map((r, i) => [r, weightSum > 0 ? (total * (weights[i] as number)) / weightSum : 0]));

  const cdn = view.components.find((c) => c.kind === 'cdn' && c.count > 0);
  const hit = cdn === undefined ? 0 : (cdn.metrics?.extra.hitRatio ?? (cdn.metrics === null ? ASSUMED_CDN_HIT : 0));
  const cdnUp = cdn !== undefined && (cdn.metrics === null || cdn.metrics.health !== 'dead');
  const originShare = cdnUp ? 1 - staticShare * hit : 1;

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

  // A first guess of what flows along each edge, in tier order (edges always point down the lanes).
  const guess = new Map<string, number>();
  const regionOfNode = (id: string) => id.slice(id.indexOf(':') + 1);
  for (const e of edges) {
    if (e.kind === 'users') guess.set(e.id, demand.get(regionOfNode(e.from)) ?? 0);
    else if (e.kind === 'static') guess.set(e.id, (demand.get(regionOfNode(e.from)) ?? 0) * (cdnUp ? staticShare : 0));
    else if (e.kind === 'dns') guess.set(e.id, (demand.get(regionOfNode(e.from)) ?? 0) * originShare * e.share);
  }
  const tierIndex = new Map(view.components.map((c) => [c.id, TIERS.indexOf(tierOf(c))]));
  const order = [...view.components].sort((a, b) => (tierIndex.get(a.id) as number) - (tierIndex.get(b.id) as number));
  for (const c of order) {
    let inflow = 0;
    for (const e of incoming.get(c.id) ?? []) inflow += guess.get(e.id) ?? 0;
    const through = c.metrics?.lambda ?? inflow;
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

  // Where the target's λ is known, share it among its sources in proportion to the guesses.
  const fed = new Map<string, { guessed: number; peers: number }>();
  for (const e of edges) {
    if (e.kind === 'replication') continue;
    const f = fed.get(e.to) ?? { guessed: 0, peers: 0 };
    f.guessed += guess.get(e.id) ?? 0;
    f.peers++;
    fed.set(e.to, f);
  }
  const result = new Map<string, EdgeTraffic>();
  for (const e of edges) {
    const target = byId.get(e.to);
    let rate = guess.get(e.id) ?? 0;
    let latencyMs: number | null = null;
    let errorShare: number | null = null;
    if (e.kind === 'users') {
      latencyMs = view.aggregated?.p95LatencyMs ?? null;
      errorShare = view.aggregated?.errorRate ?? null;
    } else if (target?.metrics) {
      const m = target.metrics;
      const { guessed, peers } = fed.get(e.to) ?? { guessed: 0, peers: 0 };
      if (e.kind !== 'replication') rate = guessed > 0 ? (m.lambda * rate) / guessed : m.lambda / Math.max(1, peers);
      latencyMs = m.p95LatencyMs;
      errorShare = m.lambda > 0 ? Math.min(1, m.errors / m.lambda) : m.health === 'dead' ? 1 : 0;
    }
    result.set(e.id, { rate: Number.isFinite(rate) && rate > 0 ? rate : 0, latencyMs, errorShare });
  }
  return result;
}
