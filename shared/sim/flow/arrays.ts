/**
 * What the flow works in, as data: the per-component (and per-region, per-data-set) arrays of
 * FlowContext, each declared once in FLOW_ARRAYS with its length and its value at the start of a
 * tick; the types of the lists beside them; and the scratch objects of the forward and backward
 * passes. FlowContext (context.ts) holds them, and a FlowWorkspace (workspace.ts) keeps a
 * context from one tick to the next.
 */
import { newPoolResult } from '../numerics/boundedQueue';
import { newBoundedQueueFigures } from '../numerics/mgck';
import { K } from './routing';

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

/** The sizes the arrays are laid out for: components, data sets, regions. */
export interface FlowSizes {
  n: number;
  D: number;
  R: number;
}

interface ArraySpec {
  type: new (length: number) => Float64Array | Int32Array | Uint8Array;
  /** Slots for these sizes; arrays per component are allocated for more components than there are, so they grow rarely. */
  length: (sizes: FlowSizes) => number;
  /** What each slot the tick uses holds when the tick starts; null when the tick writes every slot before reading it. */
  start: number | null;
}

/**
 * Every array of a tick, declared once: its element type, its length from the tick's sizes and
 * its starting value. FlowContext gets one field per entry (FlowArrays), typed from here.
 */
const FLOW_ARRAYS = {
  /** Per component and class (i·K + k): requests per second reaching its live instances. */
  inflow: { type: Float64Array, length: ({ n }) => n * K, start: 0 },
  /** Per component: requests per second sent to its dead (or unreachable) instances, which fail. */
  deadIn: { type: Float64Array, length: ({ n }) => n, start: 0 },
  /** Per component: CPU seconds per second offered (Σ rate × work), for the databases. */
  workIn: { type: Float64Array, length: ({ n }) => n, start: 0 },
  /**
   * Per component: Σ rate × E[S²] over the same streams, each stream's service taken as exponential
   * (E[S²] = 2·work²), for the variability of the mix (see serviceScv in pool.ts).
   */
  workIn2: { type: Float64Array, length: ({ n }) => n, start: 0 },
  /** Per component: 1 when a region's DNS sends users to it straight (no balancer in front). */
  direct: { type: Uint8Array, length: ({ n }) => n, start: 0 },
  /** Per component: instances serving this tick (none while its data center is down). */
  serving: { type: Int32Array, length: ({ n }) => n, start: null },
  /** Per balancer: instances in its rotation over all its targets (see FlowContext.rotationWeight). */
  rotation: { type: Float64Array, length: ({ n }) => n, start: 0 },
  /** Per component: the mean and the 95th percentile of its queues' wait, seconds. */
  waitMean: { type: Float64Array, length: ({ n }) => n, start: 0 },
  waitP95: { type: Float64Array, length: ({ n }) => n, start: 0 },
  /** Per component: share of what reached it that it served. */
  okShare: { type: Float64Array, length: ({ n }) => n, start: 1 },
  /**
   * Per component and class (i·K + k), from the backward pass: the path from the component down,
   * its mean, squared spread above the mean, fixed part (seconds) and share that succeeds.
   */
  pathMean: { type: Float64Array, length: ({ n }) => n * K, start: null },
  pathEx2: { type: Float64Array, length: ({ n }) => n * K, start: null },
  pathBase: { type: Float64Array, length: ({ n }) => n * K, start: null },
  pathOk: { type: Float64Array, length: ({ n }) => n * K, start: null },
  /** Per cache: share of gets answered by the cache, and share sent on to the database. */
  hitShare: { type: Float64Array, length: ({ n }) => n, start: 0 },
  missShare: { type: Float64Array, length: ({ n }) => n, start: 1 },
  /** Per web server and data set (i·D + d): index into `splits` of where its reads went (−1: none). */
  readSplit: { type: Int32Array, length: ({ n, D }) => n * D, start: -1 },
  /** Per component and user region (i·R + r): requests per second that came from that region's users. */
  regionMix: { type: Float64Array, length: ({ n, R }) => n * R, start: 0 },
  /** Per web server and data set (i·D + d): share of its requests whose users' data lives elsewhere. */
  foreignShare: { type: Float64Array, length: ({ n, D }) => n * D, start: 0 },
  /** Per primary and server region (p·R + r): index into `splits` of the tick's read split, or −1. */
  splitSlot: { type: Int32Array, length: ({ n, R }) => n * R, start: -1 },
  /** Per user region and data set (r·D + d): the primary that holds that region's users' data, or −1. */
  homePrimary: { type: Int32Array, length: ({ R, D }) => R * D, start: -1 },
  /** Per data set: the one primary holding every region's data, −1 when homes differ (or none is known). */
  sharedHome: { type: Int32Array, length: ({ D }) => D, start: -1 },
  /** Per region: 1 while its data center is down. */
  regionDown: { type: Uint8Array, length: ({ R }) => R, start: 0 },
  /** Per region pair (a·R + b): 1 while a network partition cuts the two apart. */
  partitioned: { type: Uint8Array, length: ({ R }) => R * R, start: 0 },
  /** Per region pair (a·R + b): round trip between them, seconds. */
  rttSeconds: { type: Float64Array, length: ({ R }) => R * R, start: null },
} satisfies Record<string, ArraySpec>;

/** One typed array per FLOW_ARRAYS entry. */
export type FlowArrays = { readonly [N in keyof typeof FLOW_ARRAYS]: InstanceType<(typeof FLOW_ARRAYS)[N]['type']> };

const ARRAY_NAMES = Object.keys(FLOW_ARRAYS) as (keyof typeof FLOW_ARRAYS)[];

/** One array per FLOW_ARRAYS entry, of its length for `sizes` (zeroed). */
export function allocateFlowArrays(sizes: FlowSizes): FlowArrays {
  // Object.fromEntries keeps the object in V8's fast mode; adding two dozen properties one by one
  // under computed names would turn it into a slow dictionary, and copying from it too.
  return Object.fromEntries(
    ARRAY_NAMES.map((name) => {
      const spec: ArraySpec = FLOW_ARRAYS[name];
      return [name, new spec.type(spec.length(sizes))];
    }),
  ) as FlowArrays;
}

/** What a component's pool did this tick, as the forward pass goes on from it (see pool.ts). */
export interface PoolOutcome {
  served: number;
  failed: number;
  /** Share of the arrivals that were processed and go on downstream. */
  passShare: number;
}

/** The forward pass's results, each read at once by its caller, so one of each serves every component. */
export class ForwardScratch {
  /** A pool's figures (runPool), and a shard's (the database's loop over its shards). */
  readonly pool = newPoolResult();
  readonly shard = newPoolResult();
  /** One instance's stationary queue figures, inside each pool evaluation. */
  readonly queue = newBoundedQueueFigures();
  readonly outcome: PoolOutcome = { served: 0, failed: 0, passShare: 0 };
}

/** Running sums of one path: mean, squared spread, fixed part, success (see backward.ts). */
export class PathSums {
  mean = 0;
  ex2 = 0;
  base = 0;
  ok = 1;
}

/** The backward pass's working values (see backward.ts). */
export class BackwardScratch {
  /** The path being composed, and a web server's downstream part of it. */
  readonly path = new PathSums();
  readonly downstream = new PathSums();
  /**
   * The downstream part of the last web server composed (−1: none this tick), per class: alike
   * servers side by side reuse it.
   */
  memoWeb = -1;
  readonly memoMean = new Float64Array(K);
  readonly memoEx2 = new Float64Array(K);
  readonly memoBase = new Float64Array(K);
  readonly memoOk = new Float64Array(K);
  /** A balancer's share per target, computed once for all classes (grown as needed). */
  targetShares = new Float64Array(16);
}

/** An array with a start value, beside its spec: what a tick resets (see FLOW_ARRAYS' `start`). */
export interface ArrayReset {
  array: Float64Array | Int32Array | Uint8Array;
  spec: ArraySpec;
}

/** The arrays of `arrays` that a tick resets, listed once so a tick does not look them up by name. */
export function arrayResets(arrays: FlowArrays): ArrayReset[] {
  return ARRAY_NAMES.filter((name) => FLOW_ARRAYS[name].start !== null).map((name) => ({ array: arrays[name], spec: FLOW_ARRAYS[name] }));
}

/** Sets every slot of `resets` that a tick of sizes `used` reads to its start value. */
export function resetArrays(resets: readonly ArrayReset[], used: FlowSizes): void {
  for (const { array, spec } of resets) array.fill(spec.start as number, 0, spec.length(used));
}
