/**
 * Which links the system has: every component's links to what it calls (and a primary's to its
 * replicas) and each user region's links to the components its DNS reaches, numbered once per
 * topology for the routing table (routing.ts), with the links the forward pass sends on most
 * found ahead. The per-tick counts along them are in links.ts.
 */
import type { ComponentState, SimState } from '../core/state';

/** The links between components, numbered once per topology (part of RoutingTable). */
export interface LinkTable {
  /**
   * The links of state.links, numbered in its order: per component its targets in order, then for
   * a web server the primaries and read replicas of the databases it is connected to, then for a
   * primary its replicas. Component i's links are linkBase[i] … linkBase[i+1] − 1; linkTo is each
   * link's target, linkFromIds and linkToIds the ids state.links lists.
   */
  linkBase: Int32Array;
  linkTo: Int32Array;
  linkFromIds: string[];
  linkToIds: string[];
  linkCount: number;
  /** Per web server: its link to its cache, session store and queue (−1: none). */
  cacheLink: Int32Array;
  sessionLink: Int32Array;
  queueLink: Int32Array;
  /** Per web server and data set (i·D + d): its link to the primary holding that data set (−1: none). */
  primaryLink: Int32Array;
  /**
   * Per web server and data set (i·D + d): where its links to that primary's replicas start in
   * replicaLinks (−1: none), one per replica in the order of the primary's replicas; replicaPos is
   * each replica's place in its primary's list.
   */
  replicaLinkBase: Int32Array;
  replicaLinks: Int32Array;
  replicaPos: Int32Array;
  /** Per read replica: its primary's link to it, which carries the write stream (−1: not a replica). */
  streamLink: Int32Array;
}

/** What buildLinks needs from the routing table being built (see RoutingTable). */
export interface LinkInputs {
  targetIndex: number[][];
  replicas: number[][];
  primaryOf: Int32Array;
  dbTarget: Int32Array;
  cacheOf: Int32Array;
  sessionStoreOf: Int32Array;
  queueOf: Int32Array;
  D: number;
}

/** Every component's links (see RoutingTable.linkBase), and the ones the flow sends on most, found once. */
export function buildLinks(components: readonly ComponentState[], t: LinkInputs): LinkTable {
  const n = components.length;
  const { D } = t;
  const linkBase = new Int32Array(n + 1);
  const to: number[] = [];
  for (let i = 0; i < n; i++) {
    linkBase[i] = to.length;
    const add = (j: number) => {
      for (let k = linkBase[i] as number; k < to.length; k++) if (to[k] === j) return;
      to.push(j);
    };
    for (const j of t.targetIndex[i]!) add(j);
    if (components[i]!.kind === 'web') {
      // Writes go to the primary behind a connected database, reads to its replicas too.
      for (const j of t.targetIndex[i]!) {
        if (components[j]!.kind !== 'db') continue;
        const primary = (t.primaryOf[j] as number) >= 0 ? (t.primaryOf[j] as number) : j;
        add(primary);
        for (const r of t.replicas[primary]!) add(r);
      }
    }
    // A primary's replicas copy its write stream.
    for (const r of t.replicas[i]!) add(r);
  }
  linkBase[n] = to.length;
  const linkTo = Int32Array.from(to);
  const find = (from: number, target: number): number => {
    if (from < 0 || target < 0) return -1;
    for (let k = linkBase[from] as number; k < (linkBase[from + 1] as number); k++) if (linkTo[k] === target) return k;
    return -1;
  };
  const cacheLink = new Int32Array(n).fill(-1);
  const sessionLink = new Int32Array(n).fill(-1);
  const queueLink = new Int32Array(n).fill(-1);
  const primaryLink = new Int32Array(n * D).fill(-1);
  const replicaLinkBase = new Int32Array(n * D).fill(-1);
  const replicaLinks: number[] = [];
  const replicaPos = new Int32Array(n).fill(-1);
  const streamLink = new Int32Array(n).fill(-1);
  for (let p = 0; p < n; p++) t.replicas[p]!.forEach((r, j) => (replicaPos[r] = j));
  for (let i = 0; i < n; i++) {
    cacheLink[i] = find(i, t.cacheOf[i] as number);
    sessionLink[i] = find(i, t.sessionStoreOf[i] as number);
    queueLink[i] = find(i, t.queueOf[i] as number);
    for (let d = 0; d < D; d++) {
      const target = t.dbTarget[i * D + d] as number;
      if (target < 0) continue;
      const primary = (t.primaryOf[target] as number) >= 0 ? (t.primaryOf[target] as number) : target;
      primaryLink[i * D + d] = find(i, primary);
      if (t.replicas[primary]!.length === 0) continue;
      replicaLinkBase[i * D + d] = replicaLinks.length;
      for (const r of t.replicas[primary]!) replicaLinks.push(find(i, r));
    }
    streamLink[i] = find(t.primaryOf[i] as number, i);
  }
  const linkFromIds: string[] = [];
  for (let i = 0; i < n; i++) for (let k = linkBase[i] as number; k < (linkBase[i + 1] as number); k++) linkFromIds.push(components[i]!.id);
  const linkToIds = to.map((j) => components[j]!.id);
  return {
    linkBase,
    linkTo,
    linkFromIds,
    linkToIds,
    linkCount: to.length,
    cacheLink,
    sessionLink,
    queueLink,
    primaryLink,
    replicaLinkBase,
    replicaLinks: Int32Array.from(replicaLinks),
    replicaPos,
    streamLink,
  };
}

/** The users' links, numbered once per topology (part of RoutingTable). */
export interface UserLinkTable {
  /**
   * The users' links of state.links.users: per user region r, userLinkBase[r] … userLinkBase[r+1] − 1,
   * to each DNS entry (scenario region order) and then the CDN; userLinkTo is each one's target.
   */
  userLinkBase: Int32Array;
  userLinkTo: Int32Array;
  userLinkRegionIds: string[];
  userLinkToIds: string[];
}

/** The users' links: from every user region to each DNS entry (any region's: GeoDNS or the nearest may pick it) and the CDN. */
export function buildUserLinks(
  state: SimState,
  components: readonly ComponentState[],
  indexById: Map<string, number>,
  cdn: number,
): UserLinkTable {
  const regionIds = state.scenario.regions.map((r) => r.id);
  const reached: number[] = [];
  for (const region of regionIds) {
    const id = state.entries[region];
    const index = id === undefined ? undefined : indexById.get(id);
    if (index !== undefined && !reached.includes(index)) reached.push(index);
  }
  if (cdn >= 0) reached.push(cdn);
  const R = regionIds.length;
  const userLinkBase = new Int32Array(R + 1);
  const userLinkTo = new Int32Array(R * reached.length);
  const userLinkRegionIds: string[] = [];
  const userLinkToIds: string[] = [];
  for (let r = 0; r < R; r++) {
    userLinkBase[r] = r * reached.length;
    reached.forEach((index, j) => {
      userLinkTo[r * reached.length + j] = index;
      userLinkRegionIds.push(regionIds[r]!);
      userLinkToIds.push(components[index]!.id);
    });
  }
  userLinkBase[R] = R * reached.length;
  return { userLinkBase, userLinkTo, userLinkRegionIds, userLinkToIds };
}
