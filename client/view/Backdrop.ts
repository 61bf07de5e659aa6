/**
 * The diagram's ground: a panel per region column, with the tier lanes across them in alternating
 * shades (no lines: the edges run along the lane boundaries, see paths.ts). The lane and region
 * names are drawn at screen size beside it (Captions). Redrawn only when the layout's grid changes.
 */
import type Phaser from 'phaser';
import { PANEL_PAD, type Layout } from './layout';
import { PALETTE } from './palette';

export class Backdrop {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private signature = '';

  constructor(scene: Phaser.Scene, layer: Phaser.GameObjects.Layer) {
    this.graphics = scene.add.graphics();
    layer.add(this.graphics);
  }

  /** Makes the next `draw` redraw even if the layout is the same. */
  invalidate(): void {
    this.signature = '';
  }

  draw(layout: Layout): void {
    const signature = JSON.stringify([layout.columns, layout.lanes]);
    if (signature === this.signature) return;
    this.signature = signature;
    const g = this.graphics;
    g.clear();
    const top = layout.bounds.y;
    const bottom = layout.bounds.y + layout.bounds.h;
    for (const column of layout.columns) {
      const x = column.x - PANEL_PAD;
      const w = column.w + 2 * PANEL_PAD;
      g.fillStyle(PALETTE.lane, 1);
      g.fillRoundedRect(x, top, w, bottom - top, 12);
      // Every other lane a shade darker, so lanes read as rows without lines across them.
      g.fillStyle(PALETTE.laneAlt, 1);
      layout.lanes.forEach((lane, i) => {
        if (i % 2 === 1) g.fillRect(x, lane.y, w, lane.h);
      });
    }
  }

  destroy(): void {
    this.graphics.destroy();
  }
}
