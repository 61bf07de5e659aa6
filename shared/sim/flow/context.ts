/**
 * Per-tick working memory of the flow: flat arrays indexed by component (and class), reused
 * between ticks, plus what the tick knows about the world (which instances serve, which regions
 * are cut off from each other, round-trip times).
 */
import { STICKY_RAMP_TICKS } from '../lifecycle';
import type { SimState } from '../state';
import { servingInstances } from '../topology';
import { LinkCounts } from './links';
import { K, ON_THIS_BOX, routingTable, type RoutingTable } from './routing';

/** Where one web server's reads of one data set go: database indices and their shares. */
export interface ReadSplit {
  targets: number[];
  shares: number[];
}

/** Reads waiting on a cache's answer: if they miss, they go to the database on behalf of `web`. */
export interface PendingMiss {
  web: number;
  dataset: number;
  /** Reads per second (before lookups). */
  reads: number;
}

/**
 * Arrays reused from tick to tick (grown when the topology grows): allocating a dozen arrays
 * per tick would cost more than filling them. Every tick resets the part it uses.
 */
class FlowBuffers {
  private capacity = -1;
  private datasets = -1;
  inflow = new Float64Array(0);
  deadIn = new Float64Array(0);
  workIn = new Float64Array(0);
  workIn2 = new Float64Array(0);
  direct = new Uint8Array(0);
  serving = new Int32Array(0);
  rotation = new Float64Array(0);
  waitMean = new Float64Array(0);
  waitP95 = new Float64Array(0);
  okShare = new Float64Array(0);
  pathMean = new Float64Array(0);
  pathEx2 = new Float64Array(0);
  pathBase = new Float64Array(0);
  pathOk = new Float64Array(0);
  hitShare = new Float64Array(0);
  missShare = new Float64Array(0);
  /** Per web server and data set (i·D + d): index into `splits` of where its reads went, or −1. */
  readSplit = new Int32Array(0);
  pendingMisses: PendingMiss[][] = [];
  /** Caches whose pendingMisses list was filled this tick (the only ones to empty next tick). */
  pendingUsed: number[] = [];
  regionMix = new Float64Array(0);
  foreignShare = new Float64Array(0);
  /** Per primary and region (p·R + r): index into `splits` of the tick's read split, or −1. */
  splitSlot = new Int32Array(0);
  /** Keys of splitSlot set this tick (the only ones to reset next tick). */
  splitKeys: number[] = [];
  splits: ReadSplit[] = [];
  homePrimary = new Int32Array(0);
  sharedHome = new Int32Array(0);
  regionDown = new Uint8Array(0);
  partitioned = new Uint8Array(0);
  rttSeconds = new Float64Array(0);
  private regions = -1;
  readonly links = new LinkCounts();

  prepare(n: number, D: number, R: number): this {
    if (n > this.capacity || D !== this.datasets || R !== this.regions) {
      const size = Math.max(16, n * 2);
      this.inflow = new Float64Array(size * K);
      this.deadIn = new Float64Array(size);
      this.workIn = new Float64Array(size);
      this.workIn2 = new Float64Array(size);
      this.direct = new Uint8Array(size);
      this.serving = new Int32Array(size);
      this.rotation = new Float64Array(size);
      this.waitMean = new Float64Array(size);
      this.waitP95 = new Float64Array(size);
      this.okShare = new Float64Array(size);
      this.pathMean = new Float64Array(size * K);
      this.pathEx2 = new Float64Array(size * K);
      this.pathBase = new Float64Array(size * K);
      this.pathOk = new Float64Array(size * K);
      this.hitShare = new Float64Array(size);
      this.missShare = new Float64Array(size);
      this.readSplit = new Int32Array(size * D);
      this.pendingMisses = Array.from({ length: size }, () => []);
      this.pendingUsed = [];
      this.regionMix = new Float64Array(size * R);
      this.foreignShare = new Float64Array(size * D);
      this.splitSlot = new Int32Array(size * R).fill(-1);
      this.splitKeys = [];
      this.homePrimary = new Int32Array(R * D);
      this.sharedHome = new Int32Array(D);
      this.regionDown = new Uint8Array(R);
      this.partitioned = new Uint8Array(R * R);
      this.rttSeconds = new Float64Array(R * R);
      this.capacity = size;
      this.datasets = D;
      this.regions = R;
    }
    this.regionMix.fill(0, 0, n * R);
    this.foreignShare.fill(0, 0, n * D);
    this.inflow.fill(0, 0, n * K);
    this.deadIn.fill(0, 0, n);
    this.workIn.fill(0, 0, n);
    this.workIn2.fill(0, 0, n);
    this.direct.fill(0, 0, n);
    this.rotation.fill(0, 0, n);
    this.waitMean.fill(0, 0, n);
    this.waitP95.fill(0, 0, n);
    this.okShare.fill(1, 0, n);
    this.hitShare.fill(0, 0, n);
    this.missShare.fill(1, 0, n);
    this.readSplit.fill(-1, 0, n * D);
    for (const c of this.pendingUsed) this.pendingMisses[c]!.length = 0;
    this.pendingUsed.length = 0;
    for (const key of this.splitKeys) this.splitSlot[key] = -1;
    this.splitKeys.length = 0;
    this.splits.length = 0;
    this.homePrimary.fill(-1);
    this.sharedHome.fill(-1);
    this.regionDown.fill(0);
    this.partitioned.fill(0);
    return this;
  }
}

const buffers = new FlowBuffers();

function regionIndexOf(regions: readonly { id: string }[], id: string | null): number {
  for (let r = 0; r < regions.length; r++) if (regions[r]!.id === id) return r;
  return -1;
}

export class FlowContext {
  readonly state: SimState;
  readonly table: RoutingTable;
  readonly n: number;
  readonly D: number;
  inflow: Float64Array;
  deadIn: Float64Array;
  /** Per component: CPU seconds per second offered (Σ rate × work), for the databases. */
  workIn: Float64Array;
  /**
   * Per component: Σ rate × E[S²] over the same streams, each stream's service taken as exponential
   * (E[S²] = 2·work²), for the variability of the mix (see serviceScv in forward.ts).
   */
  workIn2: Float64Array;
  direct: Uint8Array;
  serving: Int32Array;
  rotation: Float64Array;
  waitMean: Float64Array;
  waitP95: Float64Array;
  okShare: Float64Array;
  pathMean: Float64Array;
  pathEx2: Float64Array;
  pathBase: Float64Array;
  pathOk: Float64Array;
  /** Per cache: share of gets answered by the cache, and share sent on to the database. */
  hitShare: Float64Array;
  missShare: Float64Array;
  /** Per web server and data set (i·D + d): index into `splits` of where its reads went (−1: none). */
  readSplit: Int32Array;
  /** The read splits computed this tick (see readSplitFor). */
  splits: ReadSplit[];
  pendingMisses: PendingMiss[][];
  private readonly pendingUsed: number[];
  private readonly splitSlot: Int32Array;
  private readonly splitKeys: number[];
  /** Share of web requests a bad release fails. */
  badDeployShare: number;
  /** The strongest replication lag spike active (seconds), and the hot-key share of hotspots (before its cap). */
  lagSpike: number;
  hotspotShare: number;
  /** GB replicated between regions this tick (billed per GB). */
  transferGigabytes = 0;
  /** Regions' down flags and the partitioned region pairs (by region index). */
  regionDown: Uint8Array;
  partitioned: Uint8Array;
  rttSeconds: Float64Array;
  regionCount: number;
  /** Per component and user region (i·R + r): requests per second that came from that region's users. */
  regionMix: Float64Array;
  /** Per web server and data set (i·D + d): share of its requests whose users' data lives elsewhere. */
  foreignShare: Float64Array;
  /** The tick's counts per link (see LinkCounts). */
  links: LinkCounts;
  /** Per user region and data set (r·D + d): the primary that holds that region's users' data, or −1. */
  homePrimary: Int32Array;
  /** Per data set: the one primary holding every region's data, −1 when homes differ (or none is known). */
  sharedHome: Int32Array;

  constructor(state: SimState) {
    this.state = state;
    this.table = routingTable(state);
    const n = state.components.length;
    const D = state.scenario.datasets.length;
    this.n = n;
    this.D = D;
    const b = buffers.prepare(n, D, state.scenario.regions.length);
    this.inflow = b.inflow;
    this.deadIn = b.deadIn;
    this.workIn = b.workIn;
    this.workIn2 = b.workIn2;
    this.direct = b.direct;
    this.serving = b.serving;
    this.rotation = b.rotation;
    this.waitMean = b.waitMean;
    this.waitP95 = b.waitP95;
    this.okShare = b.okShare;
    this.pathMean = b.pathMean;
    this.pathEx2 = b.pathEx2;
    this.pathBase = b.pathBase;
    this.pathOk = b.pathOk;
    this.hitShare = b.hitShare;
    this.missShare = b.missShare;
    this.readSplit = b.readSplit;
    this.splits = b.splits;
    this.pendingMisses = b.pendingMisses;
    this.pendingUsed = b.pendingUsed;
    this.splitSlot = b.splitSlot;
    this.splitKeys = b.splitKeys;

    const regions = state.scenario.regions;
    const R = regions.length;
    this.regionCount = R;
    this.regionMix = b.regionMix;
    this.links = b.links.prepare(this.table.linkCount, this.table.userLinkToIds.length);
    this.foreignShare = b.foreignShare;
    this.homePrimary = b.homePrimary;
    this.sharedHome = b.sharedHome;
    this.regionDown = b.regionDown;
    this.partitioned = b.partitioned;
    this.rttSeconds = b.rttSeconds;
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
    this.splitKeys.push(key);
    return slot;
  }

  /** Queues reads waiting on cache `cache`'s answer (see PendingMiss). */
  addPendingMiss(cache: number, web: number, dataset: number, reads: number): void {
    const list = this.pendingMisses[cache]!;
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
