/**
 * The 13 scaling ideas the game teaches, in the order the source material presents them: keys of
 * `concepts` in the locale files, the concept cards a player can open, and the idea each campaign
 * chapter is about.
 */
export const CONCEPT_IDS = [
  'singleServer',
  'databaseChoice',
  'verticalVsHorizontal',
  'loadBalancer',
  'replication',
  'cache',
  'cdn',
  'statelessWeb',
  'dataCenters',
  'messageQueue',
  'observability',
  'sharding',
  'checklist',
] as const;
export type ConceptId = (typeof CONCEPT_IDS)[number];
