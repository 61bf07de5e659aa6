/**
 * What the game page exposes as `window.scaleUp`, for the browser tests (tests/e2e) and the
 * curious at the console: the page's GameClient, to read its stores, send commands or drop the
 * connection, and the diagram, to ask what it draws. The type is the contract the tests compile
 * against; only type imports here, so the page does not load Phaser any earlier for it.
 */
import type Phaser from 'phaser';
import type { GameClient } from './net/gameClient';
import type { ReplayClient } from './replay/replayClient';
import type { Store } from './state/store';
import type { DiagramScene } from './view/DiagramScene';
import type { DiagramDescription } from './view/diagramDescription';

interface ScaleUpHooks {
  client: GameClient;
  /** The diagram's Phaser game. */
  diagram: Phaser.Game;
  /** What the diagram shows now (DiagramScene.describe), or null before its scene is up. */
  describeDiagram(): DiagramDescription | null;
  /** The replay on screen (to seek it and read its hash), or null. */
  replay(): ReplayClient | null;
}

declare global {
  interface Window {
    /** Set once the page has its client and its diagram (see installTestHooks). */
    scaleUp?: ScaleUpHooks;
  }
}

/** Exposes the page's client, its diagram and its open replay as `window.scaleUp`. */
export function installTestHooks(client: GameClient, diagram: Phaser.Game, replay: Store<ReplayClient | null>): void {
  window.scaleUp = {
    client,
    diagram,
    replay: () => replay.get(),
    describeDiagram: () => (diagram.scene.getScene('diagram') as DiagramScene | null)?.describe() ?? null,
  };
}
