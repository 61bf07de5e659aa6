/**
 * The fixed value lists of the game's settings, each defined once: the sim's types, the
 * protocol's and the scenario files' validation, and the client's menus all come from these.
 * A leaf module (it imports nothing), so that anything may import it without a cycle.
 */

/** Instance sizes, smallest first (catalogue.ts says what each has and costs). */
export const SIZE_NAMES = ['small', 'medium', 'large', 'xlarge', 'xxlarge'] as const;
export type SizeName = (typeof SIZE_NAMES)[number];

/** How a sharded database spreads its rows (see flow/shards.ts). */
export const SHARD_KEYS = ['userIdHash', 'userIdRange', 'region', 'celebrity'] as const;
export type ShardKey = (typeof SHARD_KEYS)[number];

/** What a full cache evicts first (see numerics/cache/). */
export const CACHE_POLICIES = ['lru', 'lfu', 'fifo'] as const;
export type CachePolicy = (typeof CACHE_POLICIES)[number];

/** How the web tier uses its cache (see flow/cacheTier.ts). */
export const CACHE_STRATEGIES = ['lookAside', 'readThrough', 'writeThrough'] as const;
export type CacheStrategy = (typeof CACHE_STRATEGIES)[number];

/** A database's engine: relational (joins, transactions) or NoSQL (easy partitioning). */
export const DB_ENGINES = ['rdbms', 'nosql'] as const;
export type DbEngine = (typeof DB_ENGINES)[number];

/** Who promotes a replica when a primary dies. */
export const FAILOVER_MODES = ['manual', 'automatic'] as const;
export type FailoverMode = (typeof FAILOVER_MODES)[number];

/** Team-wide logs, metrics and automation a team can buy (catalogue.ts prices them). */
export const FEATURE_NAMES = ['hostMetrics', 'aggregatedMetrics', 'businessMetrics', 'logAggregation', 'alerts', 'cicd'] as const;
export type Feature = (typeof FEATURE_NAMES)[number];
