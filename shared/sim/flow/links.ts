/**
 * Requests per second along each link of the system (see Links in state.ts): the counts the
 * forward pass keeps while it routes requests, and how they reach the state at the end of the
 * tick. Which links there are is found with the routing table (linkTable.ts).
 */
import type { Links, SimState } from '../core/state';
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

/**
 * Writes the tick's link rates (`counts`) into the state's `links`, listing the table's links
 * first unless the state already lists exactly them (the same topology as last tick).
 */
export function recordLinks(state: SimState, table: RoutingTable, counts: LinkCounts): void {
  // A state saved before links were recorded has none until this first tick.
  const links = state.links ?? (state.links = { from: [], to: [], rates: [], users: { region: [], to: [], rates: [] } });
  if (!listsTable(links, table)) {
    copyInto(links.from, table.linkFromIds);
    copyInto(links.to, table.linkToIds);
    copyInto(links.users.region, table.userLinkRegionIds);
    copyInto(links.users.to, table.userLinkToIds);
    links.rates = new Array<number>(table.linkCount).fill(0);
    links.users.rates = new Array<number>(table.userLinkToIds.length).fill(0);
  }
  const rates = links.rates;
  const sent = counts.sent;
  for (let k = 0; k < rates.length; k++) rates[k] = sent[k] as number;
  const userRates = links.users.rates;
  const userSent = counts.userSent;
  for (let k = 0; k < userRates.length; k++) userRates[k] = userSent[k] as number;
}

/**
 * Whether `links` lists the table's links already, in its order. Checked from the state itself
 * (rather than remembered from an earlier tick) so that a copy of a state, or a state someone
 * else stepped, is read the same way.
 */
function listsTable(links: Links, table: RoutingTable): boolean {
  return (
    links.rates.length === table.linkCount &&
    links.users.rates.length === table.userLinkToIds.length &&
    sameIds(links.from, table.linkFromIds) &&
    sameIds(links.to, table.linkToIds) &&
    sameIds(links.users.region, table.userLinkRegionIds) &&
    sameIds(links.users.to, table.userLinkToIds)
  );
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function copyInto(target: string[], source: readonly string[]): void {
  target.length = source.length;
  for (let k = 0; k < source.length; k++) target[k] = source[k] as string;
}
