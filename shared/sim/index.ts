/** The deterministic simulation core: everything the server, the client and the tests use. */
export { createSim, step, replay, cloneState, groupByTick } from './sim';
export { hashState, canonicalJson } from './hash';
export { executeCommand, type CommandResult } from './commandHandlers/apply';
export * from './commands';
export * from './scenario';
export * from './state';
export * from './vocabulary';
export * from './catalogue';
export * from './view';
export * from './checklist';
