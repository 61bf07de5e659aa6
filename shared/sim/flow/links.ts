/**
 * Requests per second along each link of the system (see Links in state.ts): which links there
 * are (found with the routing table, when the topology changes), the counts the forward pass
 * keeps while it routes requests, and how they reach the state at the end of the tick.
 */
import type { ComponentState, SimState } from '../state';
import type { FlowContext } from './context';
import type { RoutingTable } from './routing';

/**
 * The tick's counts per link (see Links in state.ts), in one object of their own: FlowContext
 * already has many fields, and the hot code measured slower reading fields added beyond them.
 */
export class LinkCounts {
  /** Requests per second along each link (numbered as RoutingTable.linkBase says). */
  sent = new Float64Array(0);
  /** Requests per second along each users' link (see RoutingTable.userLinkBase). */
  userSent = new Float64Array(0);

  /** Zeroed counts for `links` links and `users` users' links. */
  prepare(links: number, users: number): this {
    if (links > this.sent.length) this.sent = new Float64Array(Math.max(16, links * 2));
    if (users > this.userSent.length) this.userSent = new Float64Array(Math.max(16, users * 2));
    this.sent.fill(0, 0, links);
    this.userSent.fill(0, 0, users);
    return this;
  }

  /** Counts `rate` requests per second on link `link`; −1 is no link. */
  sendOn(link: number, rate: number): void {
    if (link >= 0) this.sent[link] = (this.sent[link] as number) + rate;
  }
}

/** The routing table whose link list each state's `links` holds (lists are rewritten only when the table changes). */
const linksListed = new WeakMap<SimState, RoutingTable>();

/**
 * Writes the tick's link rates into the state's `links`, listing the table's links first when the
 * topology changed since they were last listed (or the state is a copy).
 */
export function recordLinks(ctx: FlowContext): void {
  const { state, table } = ctx;
  // A state saved before links were recorded has none until this first tick.
  const links = state.links ?? (state.links = { from: [], to: [], rates: [], users: { region: [], to: [], rates: [] } });
  if (linksListed.get(state) !== table) {
    copyInto(links.from, table.linkFromIds);
    copyInto(links.to, table.linkToIds);
    copyInto(links.users.region, table.userLinkRegionIds);
    copyInto(links.users.to, table.userLinkToIds);
    links.rates = new Array<number>(table.linkCount).fill(0);
    links.users.rates = new Array<number>(table.userLinkToIds.length).fill(0);
    linksListed.set(state, table);
  }
  const rates = links.rates;
  const sent = ctx.links.sent;
  for (let k = 0; k < rates.length; k++) rates[k] = sent[k] as number;
  const userRates = links.users.rates;
  const userSent = ctx.links.userSent;
  for (let k = 0; k < userRates.length; k++) userRates[k] = userSent[k] as number;
}

function copyInto(target: string[], source: readonly string[]): void {
  target.length = source.length;
  for (let k = 0; k < source.length; k++) target[k] = source[k] as string;
}

type LinkTable = Pick<
  RoutingTable,
  | 'linkBase'
  | 'linkTo'
  | 'linkFromIds'
  | 'linkToIds'
  | 'linkCount'
  | 'cacheLink'
  | 'sessionLink'
  | 'queueLink'
  | 'primaryLink'
  | 'replicaLinkBase'
  | 'replicaLinks'
  | 'replicaPos'
  | 'streamLink'
>;

/** Every component's links (see RoutingTable.linkBase), and the ones the flow sends on most, found once. */
export function buildLinks(
  components: readonly ComponentState[],
  t: { targetIndex: number[][]; replicas: number[][]; primaryOf: Int32Array; dbTarget: Int32Array; cacheOf: Int32Array; sessionStoreOf: Int32Array; queueOf: Int32Array; D: number },
): LinkTable {
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

type UserLinks = Pick<RoutingTable, 'userLinkBase' | 'userLinkTo' | 'userLinkRegionIds' | 'userLinkToIds'>;

/** The users' links: from every user region to each DNS entry (any region's: GeoDNS or the nearest may pick it) and the CDN. */
export function buildUserLinks(state: SimState, components: readonly ComponentState[], indexById: Map<string, number>, cdn: number): UserLinks {
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
