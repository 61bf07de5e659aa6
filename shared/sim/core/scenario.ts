/**
 * The scenario a simulation runs: the world the player's system must serve.
 * Plain data so that it can live inside the sim state and be hashed; the zod schema that
 * validates scenario files (shared/scenarios) produces exactly this type.
 */

import type { DbEngine, Feature, ShardKey, SizeName } from '../vocabulary';

/** The request classes of docs/design.md; every rate in the sim is kept per class in this order. */
export const REQUEST_CLASSES = ['static', 'read', 'write', 'session', 'job'] as const;
export type RequestClass = (typeof REQUEST_CLASSES)[number];
export const CLASS_COUNT = REQUEST_CLASSES.length;

/** Per-class numbers, in REQUEST_CLASSES order. */
export type PerClass = Record<RequestClass, number>;

export interface LocalText {
  en: string;
  ko: string;
}

export interface ScenarioRegion {
  id: string;
  name: LocalText;
  /** Daily active users at tick 0. */
  initialUsers: number;
  /** The most daily active users this region can ever have (the logistic ceiling). */
  marketSize: number;
  /** Hour of the day (0–24, simulated) at which this region's traffic peaks. */
  peakHour: number;
}

/** Users grow logistically with satisfaction, or the load is a fixed request rate. */
export type TrafficModel =
  | {
      mode: 'growth';
      /** Logistic growth per simulated day at full satisfaction (0.5 = +50 %/day while small). */
      growthPerDay: number;
      /** Share of daily active users lost per day at zero satisfaction. */
      churnPerDay: number;
    }
  | {
      mode: 'constant';
      /** Total requests per second, split by classMix; users and daily cycle are ignored. */
      requestsPerSecond: number;
    };

export interface DatasetSpec {
  id: string;
  name: LocalText;
  /** Share of read requests that touch this data set (all data sets sum to 1). */
  readShare: number;
  /** Share of write requests that touch this data set (all data sets sum to 1). */
  writeShare: number;
  /** Tables a typical read joins: 1 means key lookups only; RDBMS does it in one query, NoSQL in this many reads. */
  joins: number;
  /** Megabytes this data set stores per daily active user (drives shard storage); absent = 0. */
  mbPerUser?: number;
}

export interface ScriptedIncident {
  tick: number;
  type: IncidentType;
  /** Component id, when the incident hits one component (crash). Absent: the scenario's own choice. */
  target?: string;
  /** Region (data-center outage), or the first of two regions (partition). */
  region?: string;
  /** The second region of a network partition. */
  peer?: string;
  /** Traffic multiplier for a spike, error share for a bad deploy. */
  magnitude?: number;
  /** Duration in ticks for spikes and bad deploys. */
  durationTicks?: number;
}

/** Every incident the simulation models; the first three are the core's, the rest the later mechanics'. */
export const INCIDENT_TYPES = [
  'serverCrash',
  'trafficSpike',
  'badDeploy',
  'dbPrimaryFailure',
  'replicaFailure',
  'cacheNodeLoss',
  'cdnOutage',
  'dataCenterOutage',
  'hotspotKey',
  'shardFull',
  'replicationLagSpike',
  'regionPartition',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** Incidents the world stream draws at random, at the scenario's rate per day. */
export const WORLD_INCIDENTS = [
  'trafficSpike',
  'badDeploy',
  'cdnOutage',
  'dataCenterOutage',
  'hotspotKey',
  'replicationLagSpike',
  'regionPartition',
] as const;
export type WorldIncident = (typeof WORLD_INCIDENTS)[number];

export interface Objectives {
  /** p95 latency objective for a request to count as served well. */
  latencyMs: number;
  /** Availability goal (share of requests served within the objective) for scoring. */
  availability: number;
  /** Optional goals a chapter is scored against. */
  peakDau?: number;
  profit?: number;
  /** Length of the game in ticks; absent = open-ended sandbox. */
  durationTicks?: number;
}

export interface InitialComponent {
  kind: ComponentKindName;
  region: string;
  size?: SizeName;
  count?: number;
  engine?: DbEngine;
  /** Database: spread over its instances by this key from the start. */
  shardKey?: ShardKey;
  colocatedDb?: boolean;
  /** Connect 'users' (the DNS entry of its region) or component indices of this list. */
  connectFrom?: Array<'users' | number>;
}

export const COMPONENT_KINDS = ['lb', 'web', 'db', 'cache', 'cdn', 'sessionStore', 'queue', 'worker'] as const;
export type ComponentKindName = (typeof COMPONENT_KINDS)[number];

/**
 * What a campaign chapter lets the team buy: the component kinds and the features on sale. Absent:
 * everything (the sandbox). A chapter sells only what its lesson needs, so that the lesson is the
 * way through; the sim refuses anything else (`not-in-shop`), whatever a client sends.
 */
export interface Shop {
  kinds: ComponentKindName[];
  features: Feature[];
}

export interface Scenario {
  id: string;
  name: LocalText;
  description: LocalText;
  /**
   * The speed a solo or workshop room opens at (1 = one simulated minute per real second); absent
   * means 1×. Competitive matches ignore it and run at their fixed speed. The simulation never
   * reads it: it only sets the pace at which the room steps.
   */
  startSpeed?: number;
  startMoney: number;
  /** Revenue per daily active user per simulated day, earned only on requests served well. */
  revenuePerUserDay: number;
  regions: ScenarioRegion[];
  /** Round-trip milliseconds between regions, by region id (symmetric; same region is the local RTT). */
  latencyMs: Record<string, Record<string, number>>;
  traffic: TrafficModel;
  /** Requests per second per online user, by class. */
  classMix: PerClass;
  /** Share of daily active users online at the daily average, and the swing of the daily cycle (0–1). */
  onlineShare: number;
  dailySwing: number;
  datasets: DatasetSpec[];
  /** Multiplies every purchase price and running cost (1 = catalogue prices). */
  priceFactor: number;
  /** Mean ticks between failures of one instance, by kind; 0 or absent: no random crashes. */
  mtbfTicks: Partial<Record<ComponentKindName, number>>;
  /** Expected random world incidents of each type per simulated day; absent: none. */
  randomIncidentsPerDay: Partial<Record<WorldIncident, number>>;
  /** The keys requests touch, with Zipf(alpha) popularity, and the size of a cached object. */
  workingSet: { keys: number; alpha: number; objectKb: number };
  /** Static assets (images, scripts) with Zipf(alpha) popularity, and their mean size. */
  staticAssets: { count: number; alpha: number; sizeKb: number };
  /** Money per GB a CDN delivers, and per GB replicated between regions. */
  cdnCostPerGb: number;
  transferCostPerGb: number;
  incidents: ScriptedIncident[];
  objectives: Objectives;
  /** What may be bought; absent: everything. */
  shop?: Shop;
  initialTopology: InitialComponent[];
}
