/**
 * What can be bought: instance sizes, prices and how much work each request class costs on each
 * kind of component. Numbers are game-scale but keep the proportions the seed teaches: price
 * grows faster than capacity, there is a top size, NoSQL answers key lookups faster than an
 * RDBMS answers a join, and a database sharing a box with the web server runs slower.
 */
import type { ComponentKindName, PerClass } from '../core/scenario';
import { SIZE_NAMES, type DbEngine, type Feature, type SizeName } from '../vocabulary';

// The size names live in the vocabulary (a leaf) so that scenario.ts can name them without
// importing this file, which imports scenario.ts; they are still offered here beside SIZES.
export { SIZE_NAMES, FEATURE_NAMES, type Feature, type SizeName } from '../vocabulary';

export interface InstanceSize {
  name: SizeName;
  /** Parallel servers of the M/G/c model: one per vCPU. */
  vcpu: number;
  memoryGb: number;
  /** Price multiplier against the smallest size: grows faster than vCPU (vertical scaling costs more). */
  priceFactor: number;
}

export const SIZES: Record<SizeName, InstanceSize> = {
  small: { name: 'small', vcpu: 1, memoryGb: 2, priceFactor: 1 },
  medium: { name: 'medium', vcpu: 2, memoryGb: 4, priceFactor: 2.2 },
  large: { name: 'large', vcpu: 4, memoryGb: 8, priceFactor: 4.8 },
  xlarge: { name: 'xlarge', vcpu: 8, memoryGb: 16, priceFactor: 10.5 },
  xxlarge: { name: 'xxlarge', vcpu: 16, memoryGb: 32, priceFactor: 23 },
};

/** The largest size: vertical scaling stops here. */
export const TOP_SIZE: SizeName = 'xxlarge';

export interface KindSpec {
  kind: ComponentKindName;
  /** One-off price per instance of the kind's first (smallest) size. */
  purchasePrice: number;
  /** Running cost per instance per simulated day, first (smallest) size. */
  costPerDay: number;
  /** Ticks from purchase (or scale-out) until a new instance serves. */
  provisionTicks: number;
  /** Ticks one instance is down while it restarts (resize, manual restart). */
  restartTicks: number;
  /** Sizes this kind can have; a one-size kind cannot be scaled vertically. */
  sizes: readonly SizeName[];
  /** Requests that may wait in one instance's queue, as seconds of its full throughput (the bound). */
  queueSeconds: number;
  /** Network and processing delay added per request on top of queueing, in seconds. */
  fixedDelaySeconds: number;
}

export const KINDS: Record<ComponentKindName, KindSpec> = {
  lb: {
    kind: 'lb',
    purchasePrice: 200,
    costPerDay: 15,
    provisionTicks: 2,
    restartTicks: 2,
    sizes: ['large'],
    queueSeconds: 0.5,
    fixedDelaySeconds: 0.0005,
  },
  web: {
    kind: 'web',
    purchasePrice: 100,
    costPerDay: 8,
    provisionTicks: 3,
    restartTicks: 3,
    sizes: SIZE_NAMES,
    queueSeconds: 2,
    fixedDelaySeconds: 0.001,
  },
  db: {
    kind: 'db',
    purchasePrice: 300,
    costPerDay: 20,
    provisionTicks: 10,
    restartTicks: 5,
    sizes: SIZE_NAMES,
    queueSeconds: 2,
    fixedDelaySeconds: 0.0005,
  },
  cache: {
    kind: 'cache',
    purchasePrice: 150,
    costPerDay: 12,
    provisionTicks: 3,
    restartTicks: 2,
    sizes: SIZE_NAMES,
    queueSeconds: 0.5,
    fixedDelaySeconds: 0.0003,
  },
  // The CDN is a provider's global edge network: one purchase, no sizes, paid mostly per GB.
  cdn: {
    kind: 'cdn',
    purchasePrice: 500,
    costPerDay: 10,
    provisionTicks: 5,
    restartTicks: 5,
    sizes: ['large'],
    queueSeconds: 0.5,
    fixedDelaySeconds: 0,
  },
  sessionStore: {
    kind: 'sessionStore',
    purchasePrice: 150,
    costPerDay: 12,
    provisionTicks: 3,
    restartTicks: 2,
    sizes: SIZE_NAMES,
    queueSeconds: 0.5,
    fixedDelaySeconds: 0.0003,
  },
  queue: {
    kind: 'queue',
    purchasePrice: 200,
    costPerDay: 10,
    provisionTicks: 3,
    restartTicks: 3,
    sizes: SIZE_NAMES,
    queueSeconds: 1,
    fixedDelaySeconds: 0.0005,
  },
  worker: {
    kind: 'worker',
    purchasePrice: 100,
    costPerDay: 8,
    provisionTicks: 3,
    restartTicks: 3,
    sizes: SIZE_NAMES,
    queueSeconds: 60,
    fixedDelaySeconds: 0,
  },
};

/** CPU seconds of one cache or session-store operation (get, set, delete): memory stores are fast. */
export const MEMORY_STORE_WORK = 0.0001;
/** CPU seconds the broker spends to accept one message. */
export const ENQUEUE_WORK = 0.0003;
/** Round trip from a user to the nearest CDN edge, milliseconds. */
export const CDN_EDGE_RTT_MS = 15;
/** Disk of one database instance per GB of memory (storage grows with the instance size). */
export const DISK_GB_PER_MEMORY_GB = 25;
/** Team-wide features: logs, metrics and automation (idea 11 of docs/design.md), with their running cost per day. */
export const FEATURES: Record<Feature, { purchasePrice: number; costPerDay: number }> = {
  hostMetrics: { purchasePrice: 100, costPerDay: 5 },
  aggregatedMetrics: { purchasePrice: 200, costPerDay: 10 },
  businessMetrics: { purchasePrice: 200, costPerDay: 10 },
  logAggregation: { purchasePrice: 300, costPerDay: 15 },
  alerts: { purchasePrice: 150, costPerDay: 5 },
  cicd: { purchasePrice: 500, costPerDay: 20 },
};

/** CPU seconds (at one vCPU) a web server spends per request of each class, besides data access. */
export const WEB_WORK: PerClass = {
  static: 0.002,
  read: 0.008,
  write: 0.012,
  session: 0.002,
  job: 0.15,
};

/** Extra web-tier CPU seconds per additional lookup when a NoSQL store cannot join for it. */
export const WEB_STITCH_WORK = 0.0015;

/** Load balancer CPU seconds per request: tiny, so one balancer carries a lot. */
export const LB_WORK = 0.0002;

export interface EngineSpec {
  /** Seconds of one vCPU for a key lookup / single-table query. */
  readWork: number;
  /** Extra seconds per additional joined table (RDBMS only; NoSQL does separate lookups instead). */
  joinWork: number;
  writeWork: number;
  /** Whether the engine partitions data over several instances by itself (scale out). */
  partitions: boolean;
}

export const ENGINES: Record<DbEngine, EngineSpec> = {
  rdbms: { readWork: 0.003, joinWork: 0.002, writeWork: 0.006, partitions: false },
  nosql: { readWork: 0.0012, joinWork: 0, writeWork: 0.002, partitions: true },
};

/**
 * A database on the web server's own box competes for its memory (the page cache and the
 * application heap): every query takes this much longer than on a dedicated machine.
 */
export const COLOCATED_DB_SLOWDOWN = 1.4;

/** Data-access queries one request of each class makes (reads are further multiplied by joins). */
export const QUERIES_PER_REQUEST: { read: number; write: number } = { read: 1, write: 1 };

/**
 * How much dearer `size` is than the kind's first size. A kind sold in one size only (balancer,
 * CDN) has its price for that size in the catalogue already.
 */
function sizePriceFactor(kind: ComponentKindName, size: SizeName): number {
  const first = KINDS[kind].sizes[0] as SizeName;
  return SIZES[size].priceFactor / SIZES[first].priceFactor;
}

/** Price of one instance of `size` for `kind`, scaled by the scenario's price factor. */
export function purchasePrice(kind: ComponentKindName, size: SizeName, priceFactor: number): number {
  return KINDS[kind].purchasePrice * sizePriceFactor(kind, size) * priceFactor;
}

/** Running cost per simulated day of one instance. */
export function runningCostPerDay(kind: ComponentKindName, size: SizeName, priceFactor: number): number {
  return KINDS[kind].costPerDay * sizePriceFactor(kind, size) * priceFactor;
}
