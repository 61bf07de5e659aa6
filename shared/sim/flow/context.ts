/**
 * What one tick of the flow works with: the state, its routing table, flat arrays indexed by
 * component (and class, region, data set) as fields of their own (each declared once, in
 * FLOW_ARRAYS in arrays.ts), what the tick knows about the world (which instances serve, which
 * regions are cut off from each other, round-trip times) and the small questions the passes ask
 * about it (can this component reach that one, where do these reads go).
 *
 * A context is made with its arrays and kept by a FlowWorkspace from tick to tick; `begin` sets
 * it up for the next tick of a state, resetting what that tick reads.
 */
import { STICKY_RAMP_TICKS } from '../rules/lifecycle';
import type { SimState } from '../core/state';
import { servingInstances } from '../core/topology';
import {
  arrayResets,
  BackwardScratch,
  ForwardScratch,
  resetArrays,
  type ArrayReset,
  type FlowArrays,
  type PendingMiss,
  type ReadSplit,
} from './arrays';
import { LinkCounts } from './links';
import { ON_THIS_BOX, routingTable, type RoutingTable } from './routing';

export type { PendingMiss, ReadSplit } from './arrays';

function regionIndexOf(regions: readonly { id: string }[], id: string | null): number {
  for (let r = 0; r < regions.length; r++) if (regions[r]!.id === id) return r;
  return -1;
}

/**
 * The base of FlowContext: an instance type with one field per FLOW_ARRAYS entry, so each array
 * is declared only there. FlowContext's constructor assigns them all, once.
 */
const WithFlowArrays = class {} as unknown as new () => FlowArrays;

export class FlowContext extends WithFlowArrays {
  // Set by begin, every tick.
  state!: SimState;
  table!: RoutingTable;
  n = 0;
  D = 0;
  regionCount = 0;
  /** Share of web requests a bad release fails. */
  badDeployShare = 0;
  /** The strongest replication lag spike active (seconds), and the hot-key share of hotspots (before its cap). */
  lagSpike = 0;
  hotspotShare = 0;
  /** GB replicated between regions this tick (billed per GB). */
  transferGigabytes = 0;

  // Kept from tick to tick, emptied or reset by begin.
  /** Components the arrays have room for. */
  readonly capacity: number;
  /** The read splits computed this tick (see readSplitFor). */
  readonly splits: ReadSplit[] = [];
  /** Per cache: reads waiting on its answer (see PendingMiss), undefined for a cache none has waited on yet. */
  readonly pendingMisses: (PendingMiss[] | undefined)[];
  /** Caches whose pendingMisses list was filled this tick (the only ones to empty next tick). */
  private readonly pendingUsed: number[] = [];
  private readonly resets: ArrayReset[];
  /** The tick's counts per link (see LinkCounts). */
  readonly links = new LinkCounts();
  /** The passes' scratch objects (see arrays.ts). */
  readonly forwardScratch = new ForwardScratch();
  readonly backwardScratch = new BackwardScratch();

  /** A context whose arrays have room for `capacity` components (see FlowWorkspace). */
  constructor(arrays: FlowArrays, capacity: number) {
    super();
    // The arrays become fields once, here; a tick only resets their contents.
    Object.assign(this, arrays);
    this.capacity = capacity;
    this.pendingMisses = new Array<PendingMiss[] | undefined>(capacity).fill(undefined);
    this.resets = arrayResets(arrays);
  }

  /** Sets the context up for the current tick of `state` (at most `capacity` components, laid out as the arrays are). */
  begin(state: SimState): this {
    this.state = state;
    this.table = routingTable(state);
    const n = state.components.length;
    const D = state.scenario.datasets.length;
    this.n = n;
    this.D = D;
    const regions = state.scenario.regions;
    const R = regions.length;
    this.regionCount = R;
    this.transferGigabytes = 0;
    resetArrays(this.resets, { n, D, R });
    for (const c of this.pendingUsed) this.pendingMisses[c]!.length = 0;
    this.pendingUsed.length = 0;
    this.splits.length = 0;
    this.links.prepare(this.table.linkCount, this.table.userLinkToIds.length);
    // One pass over the incidents for everything the flow needs from the active ones.
    let badDeploy = 0;
    let lagSpike = 0;
    let hotspot = 0;
    let cdnDown = false;
    for (const incident of state.incidents) {
      if (incident.endTick !== null) continue;
      switch (incident.type) {
        case 'badDeploy':
          badDeploy = Math.max(badDeploy, incident.magnitude);
          break;
        case 'replicationLagSpike':
          lagSpike = Math.max(lagSpike, incident.magnitude);
          break;
        case 'hotspotKey':
          hotspot += incident.magnitude;
          break;
        case 'cdnOutage':
          cdnDown = true;
          break;
        case 'dataCenterOutage': {
          const r = regionIndexOf(regions, incident.region);
          if (r >= 0) this.regionDown[r] = 1;
          break;
        }
        case 'regionPartition': {
          const a = regionIndexOf(regions, incident.region);
          const b = regionIndexOf(regions, incident.peer);
          if (a >= 0 && b >= 0 && a !== b) {
            this.partitioned[a * R + b] = 1;
            this.partitioned[b * R + a] = 1;
          }
          break;
        }
      }
    }
    this.badDeployShare = badDeploy;
    this.lagSpike = lagSpike;
    this.hotspotShare = hotspot;
    for (let a = 0; a < R; a++) {
      for (let b = 0; b < R; b++) this.rttSeconds[a * R + b] = (state.scenario.latencyMs[regions[a]!.id]?.[regions[b]!.id] ?? 0) / 1000;
    }
    for (let i = 0; i < n; i++) {
      const component = state.components[i]!;
      // The CDN is a provider's global edge network: a data-center outage does not reach it.
      const isCdn = component.kind === 'cdn';
      const down = isCdn ? cdnDown : this.regionDown[this.table.regionIndex[i] as number] === 1;
      this.serving[i] = down ? 0 : servingInstances(component);
    }
    this.findDataHomes();
    return this;
  }

  /**
   * Where each region's users' data lives: the primaries their home data center's web servers use
   * (home: the region's own entry, else the nearest one). Users sent to another data center find
   * their data there only if it is the same database or a replica of it (seed: 데이터 동기화).
   */
  private findDataHomes(): void {
    const { state, table, D } = this;
    const regions = state.scenario.regions;
    regions.forEach((region, r) => {
      let entry: number | undefined;
      let best = Infinity;
      for (const other of regions) {
        const id = state.entries[other.id];
        const index = id === undefined ? undefined : table.indexById.get(id);
        if (index === undefined) continue;
        const rtt = other.id === region.id ? -1 : (state.scenario.latencyMs[region.id]?.[other.id] ?? Infinity);
        if (rtt < best) {
          best = rtt;
          entry = index;
        }
      }
      if (entry === undefined) return;
      const entryIsWeb = state.components[entry]!.kind === 'web';
      const candidates = entryIsWeb ? null : table.targetIndex[entry]!;
      const count = candidates === null ? 1 : candidates.length;
      for (let d = 0; d < D; d++) {
        for (let w = 0; w < count; w++) {
          const web = candidates === null ? entry : (candidates[w] as number);
          if (candidates !== null && state.components[web]!.kind !== 'web') continue;
          const target = table.dbTarget[web * D + d] as number;
          if (target === ON_THIS_BOX) break; // the data is on that box: no other server can have it
          if (target < 0) continue;
          const primary = table.primaryOf[target] as number;
          this.homePrimary[r * D + d] = primary >= 0 ? primary : target;
          break;
        }
      }
    });
    // The usual case: one home for everyone, so a web server needs no per-region check.
    for (let d = 0; d < D; d++) {
      const first = this.homePrimary[d] as number;
      let same = first >= 0;
      for (let r = 1; r < regions.length && same; r++) same = this.homePrimary[r * D + d] === first;
      this.sharedHome[d] = same ? first : -1;
    }
  }

  /** Whether component `from` can call component `to` (no partition between their regions). */
  reachable(from: number, to: number): boolean {
    const a = this.table.regionIndex[from] as number;
    const b = this.table.regionIndex[to] as number;
    return a === b || this.partitioned[a * this.regionCount + b] === 0;
  }

  /** Extra round trip when `from` calls `to` in another region, seconds (0 in the same region). */
  crossRtt(from: number, to: number): number {
    const a = this.table.regionIndex[from] as number;
    const b = this.table.regionIndex[to] as number;
    return a === b ? 0 : (this.rttSeconds[a * this.regionCount + b] as number);
  }

  /** Instances of `target` a caller can use: serving ones, and none across a partition. */
  usable(from: number, target: number): number {
    return this.reachable(from, target) ? (this.serving[target] as number) : 0;
  }

  /**
   * Where reads for `primary`'s data go from a web server: the primary's healthy replicas in the
   * server's own region, else all its reachable replicas, else the primary itself; shared by every
   * web server of a region, so computed once per tick.
   */
  readSplitFor(web: number, primary: number): number {
    const region = this.table.regionIndex[web] as number;
    const key = primary * this.regionCount + region;
    const known = this.splitSlot[key] as number;
    if (known >= 0) return known;
    const healthy: number[] = [];
    const local: number[] = [];
    for (const r of this.table.replicas[primary]!) {
      if (this.usable(web, r) === 0) continue;
      healthy.push(r);
      if (this.table.regionIndex[r] === region) local.push(r);
    }
    // Reads stay in the region when they can: a local replica, else a local primary, else a
    // replica elsewhere, else the primary wherever it is.
    const primaryLocal = this.table.regionIndex[primary] === region && this.usable(web, primary) > 0;
    const chosen = local.length > 0 ? local : primaryLocal ? [primary] : healthy.length > 0 ? healthy : [primary];
    let total = 0;
    for (const r of chosen) total += Math.max(1, this.serving[r] as number);
    const split = { targets: chosen, shares: chosen.map((r) => Math.max(1, this.serving[r] as number) / total) };
    const slot = this.splits.length;
    this.splits.push(split);
    this.splitSlot[key] = slot;
    return slot;
  }

  /** Queues reads waiting on cache `cache`'s answer (see PendingMiss). */
  addPendingMiss(cache: number, web: number, dataset: number, reads: number): void {
    let list = this.pendingMisses[cache];
    if (list === undefined) this.pendingMisses[cache] = list = [];
    if (list.length === 0) this.pendingUsed.push(cache);
    list.push({ web, dataset, reads });
  }

  /** How many instances of `target` balancer `lb` sends to: all of them, or only usable ones with health checks. */
  rotationWeight(lb: number, target: number): number {
    return this.table.healthChecks[lb] === 1 ? this.usable(lb, target) : this.state.components[target]!.count;
  }

  /**
   * Instances a web group's load is spread over. With sticky sessions a new server takes only new
   * sessions, so for STICKY_RAMP_TICKS it carries a growing part of a full share and the old
   * servers keep the rest (the same load on fewer effective servers).
   */
  effectiveInstances(i: number, serving: number): number {
    const component = this.state.components[i]!;
    const fresh = Math.min(component.extra.freshInstances ?? 0, serving);
    if (fresh <= 0 || serving <= 0) return serving;
    const progress = Math.min(1, (this.state.tick - (component.extra.freshSince ?? 0)) / STICKY_RAMP_TICKS);
    return Math.max(1, serving - fresh * (1 - progress));
  }

  /** The component `i` calls, if it is there to call: bought and no longer being set up. */
  ready(i: number): boolean {
    return i >= 0 && this.state.components[i]!.count > 0;
  }

  /** The link from `from` to `to`, found among from's few links (−1: none). */
  linkOf(from: number, to: number): number {
    const { linkBase, linkTo } = this.table;
    for (let k = linkBase[from] as number; k < (linkBase[from + 1] as number); k++) if (linkTo[k] === to) return k;
    return -1;
  }

  /** Counts `rate` requests per second that user region `r`'s DNS sent straight to component `to`. */
  sendFromUsers(r: number, to: number, rate: number): void {
    const { userLinkBase, userLinkTo } = this.table;
    for (let k = userLinkBase[r] as number; k < (userLinkBase[r + 1] as number); k++) {
      if (userLinkTo[k] === to) {
        const userSent = this.links.userSent;
        userSent[k] = (userSent[k] as number) + rate;
        return;
      }
    }
  }

  /** Adds `rate` to one class of a target's arrivals (inflow slot `slot`) and counts it on link `link` (−1: none). */
  send(slot: number, link: number, rate: number): void {
    this.inflow[slot] = (this.inflow[slot] as number) + rate;
    if (link >= 0) this.links.sent[link] = (this.links.sent[link] as number) + rate;
  }

  /** Adds `rate` requests per second of `work` CPU seconds each to database `i`'s offered work (both moments). */
  addWork(i: number, rate: number, work: number): void {
    this.workIn[i] = (this.workIn[i] as number) + rate * work;
    this.workIn2[i] = (this.workIn2[i] as number) + 2 * rate * work * work;
  }

  add(array: Float64Array, index: number, value: number): void {
    array[index] = (array[index] as number) + value;
  }
}
