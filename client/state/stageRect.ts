/**
 * Where the diagram is visible: the part of the page the panels leave free, in CSS pixels of the
 * viewport. The Phaser scene (client/view) may subscribe to fit its layout into it instead of
 * drawing boxes under the panels; it changes when the window resizes or a dock is collapsed.
 */
import { Store } from './store';

export interface StageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const stageRect = new Store<StageRect>({ x: 0, y: 0, width: 0, height: 0 });
