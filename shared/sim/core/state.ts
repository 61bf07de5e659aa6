/**
 * The complete simulation state: plain JSON-able data, including the RNG state, so that a
 * snapshot resumes exactly and a hash of its canonical form proves two runs agree.
 */
import type { Feature, SizeName } from '../rules/catalogue';
import type { ComponentKindName, IncidentType, PerClass, Scenario } from './scenario';
import type { CachePolicy, CacheStrategy, DbEngine, FailoverMode, ShardKey } from '../vocabulary';

export const SIM_VERSION = 1;

/** Simulated seconds per tick: one minute, so a simulated day is 1,440 ticks. */
export const TICK_SECONDS = 60;
export const TICKS_PER_DAY = 1440;

export interface AutoscalingRule {
  enabled: boolean;
  min: number;
  max: number;
  /** Utilisation (0–1) the rule steers towards. */
  targetUtilisation: number;
  /** Ticks to wait after a scaling action before the next one. */
  cooldownTicks: number;
}

export interface ComponentSettings {
  /** Balancer: take dead targets out of rotation. */
  healthChecks?: boolean;
  /** Web: run the database on this same box (the one-server start). */
  colocatedDb?: boolean;
  /** Database: engine and the data sets it holds. */
  engine?: DbEngine;
  datasets?: string[];
  /** Web: autoscaling of the instance count. */
  autoscaling?: AutoscalingRule;
  /** Database: the primary this read replica copies; absent for a primary. */
  replicaOf?: string;
  /** Database primary: promote a replica by itself when it dies, or wait for a command. */
  failover?: FailoverMode;
  /** Database: how rows are spread over its instances (shards); absent = not sharded. */
  shardKey?: ShardKey;
  /** Database: data kept denormalised, so a read needs no cross-shard join (writes copy more). */
  denormalised?: boolean;
  /** Cache: eviction policy, read/write strategy, entry lifetime. */
  cachePolicy?: CachePolicy;
  cacheStrategy?: CacheStrategy;
  ttlSeconds?: number;
  /** CDN: object lifetime, versioned URLs, and whether clients fall back to the origin when it fails. */
  versioning?: boolean;
  originFallback?: boolean;
  /** Queue: messages survive a broker failure. */
  durable?: boolean;
}

/** A resharding in progress: data is copied to the new layout, which takes over at `untilTick`. */
export interface Resharding {
  shards: number;
  key: ShardKey;
  untilTick: number;
}

/** A rolling restart in progress (a resize): one instance at a time is down. */
export interface RollingRestart {
  toSize: SizeName;
  /** Instances still to restart, including the one restarting now. */
  remaining: number;
  /** Tick at which the instance restarting now is back. */
  untilTick: number;
}

/** What a component did during the last tick: the figures the inspector and the tests read. */
export interface ComponentFigures {
  /** Offered requests per second (arrivals this tick). */
  lambda: number;
  /** Requests per second the healthy instances can complete (c·μ summed over instances). */
  capacity: number;
  /** Utilisation of the serving instances, λ/(cμ); above 1 means overload. */
  utilisation: number;
  meanLatencyMs: number;
  p95LatencyMs: number;
  /** Requests per second served, failed (overflow, dead instance, bad deploy) in this tick. */
  served: number;
  failed: number;
  /**
   * Requests carried over in the bounded queues to the next tick: the component's `backlog`. 0 in
   * the current model (a queue's content is part of its stationary figures, see queueLength); only
   * a state saved by an older model carries some, and it drains with spare capacity.
   */
  backlog: number;
  /** Mean number waiting in the queues (Little's law: accepted λ × Wq), at any load. */
  queueLength: number;
}

export interface ComponentState {
  id: string;
  kind: ComponentKindName;
  region: string;
  size: SizeName;
  /** Instances that exist and are paid for (serving, dead or restarting). */
  count: number;
  /** Instances that have crashed and serve nothing until restarted or replaced. */
  down: number;
  /** Ticks at which ordered instances finish provisioning, ascending. */
  provisioning: number[];
  /** Tick at which a manual restart of the dead instances completes; -1 when none is running. */
  restartUntilTick: number;
  rolling: RollingRestart | null;
  settings: ComponentSettings;
  /** Downstream components, in the order they were connected. */
  targets: string[];
  /** Tick of the last autoscaling action (for the cool-down). */
  lastScaleTick: number;
  /**
   * Requests carried over in the bounded queues from the last tick: 0 in the current model, where
   * a queue of a few seconds fills and drains within the tick (boundedQueue.ts); a state saved by
   * an older model may carry some.
   */
  backlog: number;
  /** Cache and CDN: keys currently held (a new or restarted cache starts cold at 0). */
  fill: number;
  /** Read replica: how far it trails its primary, seconds. */
  lagSeconds: number;
  /** Queue: messages waiting for a worker. */
  messages: number;
  resharding: Resharding | null;
  /** Read replica being promoted: the tick it becomes the primary; -1 when none. */
  promoteAtTick: number;
  figures: ComponentFigures;
  /** Figures only some kinds have (hit ratio, stale reads, shard skew …), by name. */
  extra: Record<string, number>;
}

export interface RegionState {
  id: string;
  /** Daily active users. */
  users: number;
  /** Smoothed satisfaction 0–1 that drives growth and churn. */
  satisfaction: number;
}

export interface IncidentRecord {
  id: number;
  type: IncidentType;
  /** Component id, when the incident hits one. */
  target: string | null;
  startTick: number;
  /** Tick the incident's own effect ended (null while active). */
  endTick: number | null;
  /** Scripted by the scenario, drawn at random, caused by the system's own state, or injected by an instructor. */
  origin: 'scripted' | 'random' | 'condition' | 'injected';
  magnitude: number;
  /** For timed incidents: tick at which the effect ends by itself. */
  expiresTick: number;
  /** Data-center outage: the region; partition: the two regions. */
  region: string | null;
  peer: string | null;
  /** Availability when the incident began, and the tick service was back to it (null: not yet). */
  baselineAvailability: number;
  recoveredTick: number | null;
}

export interface SummaryFigures {
  onlineUsers: number;
  dau: number;
  /** Requests per second offered by users, by class, and in total. */
  offered: PerClass;
  requestsPerSecond: number;
  /** Share of requests that succeeded, and share served within the latency objective. */
  successRate: number;
  availability: number;
  errorRate: number;
  p50LatencyMs: number;
  p95LatencyMs: number;
  revenuePerDay: number;
  costPerDay: number;
  satisfaction: number;
}

export interface Totals {
  peakDau: number;
  requests: number;
  /** Requests served successfully within the latency objective. */
  goodRequests: number;
  failedRequests: number;
  revenue: number;
  spent: number;
  /** Reads answered with outdated data (replica lag, cache TTL), writes lost in a failover,
   * messages lost with a non-durable queue, users logged out by a lost server, stale assets. */
  staleReads: number;
  lostWrites: number;
  lostMessages: number;
  loggedOutUsers: number;
  staleAssets: number;
  cdnGb: number;
}

/** Why a command was refused; the client translates these (locale keys `reasons.<code>`). */
export const REJECT_REASONS = [
  'unknown-component',
  'unknown-region',
  'unknown-dataset',
  'invalid-size',
  'already-top-size',
  'same-size',
  'insufficient-funds',
  'invalid-connection',
  'already-connected',
  'not-connected',
  'invalid-setting',
  'rdbms-cannot-partition',
  'colocated-db-single-box',
  'count-out-of-range',
  'nothing-to-restart',
  'busy',
  'no-bad-deploy',
  'not-a-replica',
  'feature-owned',
  'feature-missing',
  /** The game has ended (bankrupt or out of time): nothing more is applied. */
  'game-over',
  /** The scenario's shop does not sell this kind or feature (a campaign chapter sells only what it teaches). */
  'not-in-shop',
  /** Applying the command would leave the state exactly as it is (a setting to its own value …). */
  'no-change',
  /** An injected failure found nothing of its kind serving (no database to fail, a target already down). */
  'no-target',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface CommandOutcome {
  team: string;
  player: string;
  seq: number;
  ok: boolean;
  reason: RejectReason | null;
  /** The id a successful `buy` created. */
  createdId: string | null;
}

export interface SimEvent {
  tick: number;
  kind: 'incidentStarted' | 'incidentEnded' | 'componentReady' | 'autoscaled' | 'gameOver';
  componentId: string | null;
  incidentId: number | null;
  detail: number;
}

/**
 * Requests per second along every link of the system during the last tick: figures per connection
 * rather than per component, as parallel arrays (entry k is one link). A request counts on the
 * link it travels: one that reaches a dead instance counts (it arrives and fails there, in the
 * target's λ); one that fails before it leaves (across a partition, a data set no database holds,
 * a balancer with nothing in rotation) does not. The list is fixed by the topology, not by the
 * traffic: a link that carried nothing has rate 0.
 */
export interface Links {
  /**
   * Per component, in component order: its connections (`targets`, in order), then the databases
   * its writes and reads reach beyond them (the primary and read replicas behind a database it is
   * connected to), then, for a primary, the replicas that copy its write stream.
   */
  from: string[];
  to: string[];
  /** Requests per second (a database lookup or write counts once per query). */
  rates: number[];
  /** What users sent straight to each component they reach through their region's DNS: per user
   * region (scenario order), the DNS entries (in scenario region order), then the CDN. */
  users: { region: string[]; to: string[]; rates: number[] };
}

export interface SimState {
  version: number;
  scenario: Scenario;
  seed: number;
  tick: number;
  /** Independent RNG streams (xoroshiro128plus states): component failures, and world events. */
  rng: { failures: number[]; world: number[] };
  nextComponentId: number;
  /** Bumped whenever the topology or a routing setting changes, so derived routing tables can be reused. */
  revision: number;
  nextIncidentId: number;
  money: number;
  regions: RegionState[];
  components: ComponentState[];
  /** The component 'users' reach in each region (the DNS entry), by region id. */
  entries: Record<string, string>;
  /** GeoDNS weights: for users of a region, the share of them sent to each data center's region. */
  geoWeights: Record<string, Record<string, number>>;
  /** Team-wide logs, metrics and automation the team has bought. */
  features: Record<Feature, boolean>;
  incidents: IncidentRecord[];
  summary: SummaryFigures;
  totals: Totals;
  /** Outcomes of the commands applied at the start of the last tick. */
  lastOutcomes: CommandOutcome[];
  /** Events of the last tick, for the incident feed. */
  lastEvents: SimEvent[];
  /**
   * Requests per second along each link in the last tick. Part of the state, and so of its hash:
   * the team view is a projection of the state alone, so a restored snapshot or a replay must
   * carry the same rates (they are outputs of the tick, like `figures`; nothing reads them back).
   */
  links: Links;
  gameOver: { tick: number; reason: 'bankrupt' | 'finished' } | null;
}
