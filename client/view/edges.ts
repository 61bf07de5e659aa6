/**
 * The diagram's edges, from a team's view: which way requests flow. Pure.
 *
 * - users → DNS in every region;
 * - DNS → the data center(s) its users reach: the GeoDNS weights when set, else the region's own
 *   entry, else the nearest region's (by round trip, as the sim routes them);
 * - DNS → CDN for static files, when the team has a CDN;
 * - every connection the team made (balancer → web, web → stores, queue → workers);
 * - reads a web server sends to its database's read replicas, and the primary's replication stream.
 */
import type { TeamView } from '../../shared/sim';
import { dnsNodeId, usersNodeId } from './layout';

type EdgeKind = 'users' | 'dns' | 'static' | 'call' | 'read' | 'replication';

export interface DiagramEdge {
  /** `from>to`: stable while both ends exist. */
  id: string;
  from: string;
  to: string;
  kind: EdgeKind;
  /** DNS → entry: share of the region's users sent this way (1 without GeoDNS). */
  share: number;
}

/** Round trips between regions, ms (the scenario's `latencyMs`), used to find a region's nearest entry. */
export type RoundTrips = Record<string, Record<string, number>>;

/** Where a region's users are sent: entry component ids with their shares. */
export function routesOf(
  view: Pick<TeamView, 'entries' | 'geoWeights'>,
  regions: readonly string[],
  region: string,
  rtt?: RoundTrips,
): Array<{ to: string; share: number }> {
  const weights = view.geoWeights[region];
  if (weights !== undefined) {
    const routes: Array<{ to: string; share: number }> = [];
    let total = 0;
    for (const target of regions) {
      const weight = weights[target] ?? 0;
      const entry = view.entries[target];
      if (weight > 0 && entry !== undefined) {
        routes.push({ to: entry, share: weight });
        total += weight;
      }
    }
    if (total > 0) return routes.map((r) => ({ to: r.to, share: r.share / total }));
  }
  const own = view.entries[region];
  if (own !== undefined) return [{ to: own, share: 1 }];
  let best: string | undefined;
  let bestRtt = Infinity;
  for (const target of regions) {
    const entry = view.entries[target];
    if (entry === undefined) continue;
    const trip = rtt?.[region]?.[target] ?? (best === undefined ? 0 : Infinity);
    if (trip < bestRtt) {
      best = entry;
      bestRtt = trip;
    }
  }
  return best === undefined ? [] : [{ to: best, share: 1 }];
}

export function diagramEdges(
  view: Pick<TeamView, 'components' | 'entries' | 'geoWeights'>,
  regions: readonly string[],
  rtt?: RoundTrips,
): DiagramEdge[] {
  const edges: DiagramEdge[] = [];
  const seen = new Set<string>();
  const ids = new Set(view.components.map((c) => c.id));
  const add = (from: string, to: string, kind: EdgeKind, share = 1) => {
    const id = `${from}>${to}`;
    if (seen.has(id)) return;
    seen.add(id);
    edges.push({ id, from, to, kind, share });
  };
  const cdn = view.components.find((c) => c.kind === 'cdn');
  for (const region of regions) {
    add(usersNodeId(region), dnsNodeId(region), 'users');
    if (cdn !== undefined) add(dnsNodeId(region), cdn.id, 'static');
    for (const route of routesOf(view, regions, region, rtt)) {
      if (ids.has(route.to)) add(dnsNodeId(region), route.to, 'dns', route.share);
    }
  }
  const replicasOf = new Map<string, string[]>();
  for (const c of view.components) {
    const primary = c.settings.replicaOf;
    if (primary === undefined || !ids.has(primary)) continue;
    replicasOf.set(primary, [...(replicasOf.get(primary) ?? []), c.id]);
  }
  for (const c of view.components) {
    for (const target of c.targets) {
      if (!ids.has(target)) continue;
      add(c.id, target, 'call');
      for (const replica of replicasOf.get(target) ?? []) add(c.id, replica, 'read');
    }
  }
  for (const [primary, replicas] of replicasOf) for (const replica of replicas) add(primary, replica, 'replication');
  return edges;
}
