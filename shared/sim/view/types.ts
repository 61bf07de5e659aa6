/**
 * The shapes of a team's view of its game (teamView.ts): plain JSON the server sends to that
 * team's clients, holding only what the team's bought features reveal. A leaf of the view: it
 * imports nothing from the other view modules, so they can all depend on it. The closed sets
 * whose members are sent by name (kind-specific figures, complaint levels) are listed here, next
 * to the types they define.
 */
import type { Feature, SizeName } from '../rules/catalogue';
import type { ComponentKindName, IncidentType, RequestClass } from '../core/scenario';
import type { ComponentSettings } from '../core/state';
import type { ShardKey } from '../vocabulary';

/** Extra figures some kinds have, in the order they are sent; internal bookkeeping is left out. */
export const EXTRA_FIGURES = [
  'hitRatio', // cache, CDN: share of gets answered from memory or the edge
  'originPerSecond', // CDN: requests per second it sent on to the site (misses)
  'fill', // cache: share of its memory filled
  'staleShare', // cache, CDN, replica: share of hits/reads that return outdated data
  'replicationLag', // replica: seconds behind its primary
  'shardSkew', // sharded database: busiest shard's load over the mean (1 = even)
  'fullShards', // sharded database: shards whose disk is full
  'storedGb', // database: data it holds (every instance a full copy, unless spread over shards)
  'diskGb', // database: disk for that data (one instance's, or all shards' together)
  'diskUse', // database: share of the disk used (the fullest shard's when spread over shards)
  'messages', // queue: messages waiting for a worker
  'drainPerSecond', // queue: messages per second the workers took this tick
  'gigabytesPerDay', // CDN: delivery at this tick's rate, per day
] as const;
export type ExtraFigure = (typeof EXTRA_FIGURES)[number];

/** What users say about the service, from nothing to outrage (complaints.ts decides the level). */
export const COMPLAINT_LEVELS = ['none', 'some', 'many', 'outrage'] as const;
export type Complaints = (typeof COMPLAINT_LEVELS)[number];

/** A component as the provider's console shows it: what was bought, and whether it is up yet. */
export interface ComponentView {
  id: string;
  kind: ComponentKindName;
  region: string;
  size: SizeName;
  /** Ready instances (paid for and provisioned; the console does not say whether they are healthy). */
  count: number;
  /** Instances ordered and still being set up. */
  provisioning: number;
  /** 'provisioning': no instance ready yet; 'restarting': a resize or restart the team ordered is running; else 'ok'. */
  status: 'provisioning' | 'ok' | 'restarting';
  /** The size a rolling resize is moving to (null: none running). */
  resizingTo: SizeName | null;
  /** A resharding the team started: new shard count, key, and the tick it takes over (null: none). */
  resharding: { shards: number; key: ShardKey; untilTick: number } | null;
  /** Settings, copied (only those set). */
  settings: ComponentSettings;
  /** Downstream component ids, in connection order. */
  targets: string[];
  /** Host metrics: this component's figures and health; null without the host-metrics feature. */
  metrics: HostMetrics | null;
}

/** One component's figures for the last tick (host metrics). */
export interface HostMetrics {
  /** Requests per second offered (λ). */
  lambda: number;
  /** Requests per second the serving instances can complete; 0 for the CDN, a provider's edge
   * network with no capacity the team fills (see its `hitRatio` and `originPerSecond`). */
  capacity: number;
  /** λ/capacity of the serving instances; above 1 is overload (0 for the CDN). */
  utilisation: number;
  meanLatencyMs: number;
  p95LatencyMs: number;
  /** Requests per second served, and failed (errors). */
  served: number;
  errors: number;
  /** Requests waiting on average in the component's bounded queues to be served, by Little's law
   * the accepted rate times the mean wait (not a message queue's messages waiting for a worker:
   * those are `extra.messages`). */
  backlog: number;
  /** Kind-specific figures (see EXTRA_FIGURES), only those the component has. */
  extra: Partial<Record<ExtraFigure, number>>;
  /**
   * Requests per second it sent to each component it can reach, by component id: its connections
   * (`targets`, in order, each one listed even when it carried nothing), then the primaries and
   * read replicas of the databases it is connected to (a web server's writes and reads), then,
   * for a primary, each replica copying its writes. Requests that reach a dead target count (they
   * travel and fail there); requests that cannot leave (across a partition) do not. The diagram's
   * edge `a>b` carries a's `sent[b]`.
   */
  sent: Record<string, number>;
  /** Requests per second that came straight from a region's users (through its DNS), by region id;
   * only regions that sent any (the DNS entries and the CDN are the components users reach). */
  fromUsers: Record<string, number>;
  /** Instances serving now, down (crashed or in a data center that is out), and restarting. */
  serving: number;
  down: number;
  restarting: number;
  /** 'dead': ready instances but none serving; 'degraded': some not serving, errors above the
   * alert threshold, or overloaded; else 'healthy' (a component with nothing ready yet is healthy). */
  health: 'healthy' | 'degraded' | 'dead';
}

/** Figures of one tier (all components of one kind), from aggregated metrics. */
export interface TierFigures {
  tier: ComponentKindName;
  components: number;
  /** Ready instances in the tier. */
  instances: number;
  /** Total requests per second offered, and total capacity (0 for the CDN tier: see HostMetrics.capacity). */
  lambda: number;
  capacity: number;
  /** Capacity-weighted mean utilisation (total load over total capacity for plain pools). */
  utilisation: number;
  /** Worst p95 latency of a component of the tier that had traffic, ms. */
  worstP95LatencyMs: number;
  /** Total failed requests per second, and their share of λ. */
  errors: number;
  errorRate: number;
  /** Cache and CDN tiers: λ-weighted mean hit ratio; null for other tiers. */
  hitRatio: number | null;
}

/** The headline figures and the per-tier aggregates (aggregated metrics). */
export interface AggregatedView {
  /** Users' requests per second. */
  requestsPerSecond: number;
  /** Share of requests served successfully within the latency objective. */
  availability: number;
  /** Share of requests that failed. */
  errorRate: number;
  p50LatencyMs: number;
  p95LatencyMs: number;
  tiers: TierFigures[];
  /** Why requests were not served well: 1 − availability broken down by cause (see
   * loss.ts). teamView always sets it; optional so that hand-made views may leave it out. */
  loss?: AvailabilityLoss;
}

/**
 * The requests not served well (1 − availability), by cause, each as a share of all users'
 * requests: `errors + distance + system` is 1 − availability. Errors and the slow part as a whole
 * are the sim's own figures; how the slow part splits between distance and the system (and over
 * regions and request classes) is estimated from the last tick's figures (loss.ts).
 */
export interface AvailabilityLoss {
  /** Requests that failed (errors). */
  errors: number;
  /** Answered, but after the latency objective because of the round trip between the users and
   * the data center that served them (what a data center nearer the users would have saved). */
  distance: number;
  /** Answered, but after the objective because of time inside the system: queueing, work, calls
   * between components (slow even for a user next to the data center). */
  system: number;
  /** Business metrics: the distance part by users' region (scenario order; it adds up to
   * `distance`), with the mean round trip of the region's users to where they were served.
   * null without business metrics. */
  regions: Array<{ id: string; share: number; roundTripMs: number }> | null;
  /** Log aggregation: the system part by request class (REQUEST_CLASSES order; adds up to
   * `system`). null without log aggregation. */
  classes: Array<{ cls: RequestClass; share: number }> | null;
  /** Log aggregation: where requests spend their time: the components with the most time per
   * user request (visits × mean latency, ms), most first, at most SLOWEST_LIMIT (loss.ts). null without it. */
  slowest: Array<{ componentId: string; msPerRequest: number }> | null;
}

/** Money and users (business metrics). DAU and users online are in `users`, exact with this feature. */
export interface BusinessView {
  revenuePerDay: number;
  costPerDay: number;
  peakDau: number;
  /** Users' satisfaction 0–1 (share of requests served well, smoothed): what drives retention. */
  satisfaction: number;
  /** Share of daily users kept per day at the current satisfaction (1 − churn). */
  retentionPerDay: number;
  /** Growth of DAU per day at the current satisfaction, as a share of DAU (0.1 = +10 %/day). */
  growthPerDay: number;
  /** DAU and satisfaction by region, in scenario order. */
  regions: Array<{ id: string; dau: number; satisfaction: number }>;
}

/** What a log aggregator records about an incident. */
export interface IncidentCause {
  incidentId: number;
  type: IncidentType;
  /** The component hit (crash, failure), or null for world events. */
  target: string | null;
  /** Data-center outage: the region; partition: the two regions. */
  region: string | null;
  peer: string | null;
  /** Tick the incident's own effect ended (null: still on). */
  endTick: number | null;
}

/**
 * One entry of the incident feed. Without log aggregation it is only "service got worse at
 * `tick`" (cause null), for incidents users felt, one entry per tick; with it, one entry per incident,
 * naming its cause and target.
 */
export interface FeedEntry {
  tick: number;
  /** Tick service was back to where it was (null: not yet). */
  recoveredTick: number | null;
  cause: IncidentCause | null;
}

export type AlertKind =
  'errorRate' | 'latency' | 'utilisation' | 'instanceDown' | 'replicationLag' | 'queueBacklog' | 'shardFull' | 'diskSpace';

/** A threshold alert that is firing: `value` is above `threshold` (see ALERT_THRESHOLDS in alerts.ts). */
export interface Alert {
  kind: AlertKind;
  /** The component the rule watches, or null for the users' figures. */
  componentId: string | null;
  value: number;
  threshold: number;
}

export interface TeamView {
  tick: number;
  money: number;
  gameOver: { tick: number; reason: 'bankrupt' | 'finished' } | null;
  /** Which logs, metrics and automation the team owns, in catalogue order. */
  features: Record<Feature, boolean>;
  /** The DNS entry of each region that has one, in scenario order. */
  entries: Record<string, string>;
  /** GeoDNS weights the team set, by users' region. */
  geoWeights: Record<string, Record<string, number>>;
  components: ComponentView[];
  /** Daily active users and users online: rounded to 2 significant figures, or exact (whole users)
   * with business metrics; `exact` says which. In a constant-load scenario, the users that rate implies. */
  users: { dau: number; online: number; exact: boolean };
  /** What users say about the service (complaints.ts). */
  complaints: Complaints;
  feed: FeedEntry[];
  aggregated: AggregatedView | null;
  business: BusinessView | null;
  alerts: Alert[] | null;
}
