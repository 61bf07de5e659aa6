/**
 * Which of the 13 scaling ideas explains a thing on screen: every component kind, setting,
 * incident and monitoring feature leads to the concept card that teaches it (docs/design.md: "an
 * explanation a player can open in the game").
 */
import type { ComponentKindName, Feature, IncidentType } from '../../shared/sim';
import type { ConceptId } from '../state/uiState';

export const KIND_CONCEPT: Record<ComponentKindName, ConceptId> = {
  lb: 'loadBalancer',
  web: 'singleServer',
  db: 'databaseChoice',
  cache: 'cache',
  cdn: 'cdn',
  sessionStore: 'statelessWeb',
  queue: 'messageQueue',
  worker: 'messageQueue',
};

/** Settings and actions of the inspector (keys of `settings` in the locales, plus actions). */
export const SETTING_CONCEPT: Record<string, ConceptId> = {
  healthChecks: 'loadBalancer',
  autoscaling: 'loadBalancer',
  colocatedDb: 'singleServer',
  engine: 'databaseChoice',
  datasets: 'databaseChoice',
  size: 'verticalVsHorizontal',
  count: 'verticalVsHorizontal',
  failover: 'replication',
  replicas: 'replication',
  cacheMemory: 'cache',
  cachePolicy: 'cache',
  cacheStrategy: 'cache',
  ttl: 'cache',
  cdnTtl: 'cdn',
  invalidation: 'cdn',
  versioning: 'cdn',
  originFallback: 'cdn',
  sessionMode: 'statelessWeb',
  geoWeights: 'dataCenters',
  crossRegionReplication: 'dataCenters',
  durable: 'messageQueue',
  workers: 'messageQueue',
  shardKey: 'sharding',
  shardCount: 'sharding',
  denormalised: 'sharding',
};

export const INCIDENT_CONCEPT: Record<IncidentType, ConceptId> = {
  serverCrash: 'loadBalancer',
  trafficSpike: 'loadBalancer',
  badDeploy: 'observability',
  dbPrimaryFailure: 'replication',
  replicaFailure: 'replication',
  cacheNodeLoss: 'cache',
  cdnOutage: 'cdn',
  dataCenterOutage: 'dataCenters',
  hotspotKey: 'sharding',
  shardFull: 'sharding',
  replicationLagSpike: 'replication',
  regionPartition: 'dataCenters',
};

export const FEATURE_CONCEPT: Record<Feature, ConceptId> = {
  hostMetrics: 'observability',
  aggregatedMetrics: 'observability',
  businessMetrics: 'observability',
  logAggregation: 'observability',
  alerts: 'observability',
  cicd: 'observability',
};
