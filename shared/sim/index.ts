/** The deterministic simulation core: everything the server, the client and the tests use. */
export { createSim, step, replay, cloneState, groupByTick } from './core/sim';
export { hashState, canonicalJson } from './core/hash';
export { executeCommand, type CommandResult } from './commands/apply';
export * from './commands/command';
export * from './core/scenario';
export * from './core/state';
export * from './vocabulary';
export * from './rules/catalogue';
export * from './view';
export * from './rules/checklist';
