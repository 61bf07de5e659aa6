/**
 * The system diagram (Phaser 4): what the rest of the client uses. `createDiagram` (mountDiagram.ts) mounts it in
 * an element and feeds it from a GameClient and the shared uiState; `fitDiagram` frames the whole
 * system again. See DiagramScene.ts.
 */
export { createDiagram, fitDiagram } from './mountDiagram';
export type { DiagramClient, DiagramOptions } from './DiagramScene';
export type { DiagramLabels } from './labels';
