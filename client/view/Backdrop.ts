/**
 * The diagram's ground: a panel per region column with its name on top, tier lanes across them
 * separated by faint lines, and the lane names in the left gutter. Redrawn only when the layout's
 * grid changes or the language switches.
 */
import type Phaser from 'phaser';
import type { LocalText } from '../../shared/sim';
import type { DiagramLabels } from './labels';
import { GUTTER_W, HEADER_H, type Layout, type TierId } from './layout';
import { FONT_FAMILY } from './NodeCard';
import { PALETTE, cssColour } from './palette';

const LANE_LABEL_SIZE = 13;
const REGION_LABEL_SIZE = 17;

export class Backdrop {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly texts: Phaser.GameObjects.Text[] = [];
  private signature = '';
  /** Every text drawn, for the font loader. */
  text = '';

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly layer: Phaser.GameObjects.Layer,
  ) {
    this.graphics = scene.add.graphics();
    layer.add(this.graphics);
  }

  /** Makes the next `draw` redraw even if the layout is the same. */
  invalidate(): void {
    this.signature = '';
  }

  draw(layout: Layout, names: Record<string, LocalText>, labels: DiagramLabels): void {
    const signature = JSON.stringify([layout.columns, layout.lanes, labels.language()]);
    if (signature === this.signature) return;
    this.signature = signature;
    const g = this.graphics;
    g.clear();
    for (const t of this.texts) t.destroy();
    this.texts.length = 0;
    this.text = '';

    const top = HEADER_H;
    const bottom = layout.bounds.h;
    for (const column of layout.columns) {
      g.fillStyle(PALETTE.lane, 1);
      g.fillRoundedRect(column.x - 12, top - 6, column.w + 24, bottom - top + 12, 12);
    }
    layout.lanes.forEach((lane, i) => {
      if (i > 0) {
        g.lineStyle(1, PALETTE.laneLine, 1);
        g.lineBetween(8, lane.y, layout.bounds.w + 12, lane.y);
      }
      this.addText(8, lane.y + lane.h / 2, laneName(lane.tier, labels), LANE_LABEL_SIZE, false, PALETTE.muted, 0, 0.5, GUTTER_W - 22);
    });
    const lang = labels.language() === 'ko' ? 'ko' : 'en';
    for (const column of layout.columns) {
      const name = names[column.region]?.[lang] ?? column.region.toUpperCase();
      this.addText(column.x, top / 2 - 2, name, REGION_LABEL_SIZE, true, PALETTE.text, 0, 0.5, column.w + 12);
    }
  }

  destroy(): void {
    this.graphics.destroy();
    for (const t of this.texts) t.destroy();
  }

  private addText(x: number, y: number, value: string, size: number, bold: boolean, colour: number, ox: number, oy: number, wrap: number): void {
    const t = this.scene.add.text(x, y, value, {
      fontFamily: FONT_FAMILY,
      fontSize: `${size}px`,
      fontStyle: bold ? 'bold' : 'normal',
      color: cssColour(colour),
      resolution: 2,
      wordWrap: { width: wrap, useAdvancedWrap: true },
      lineSpacing: 2,
    });
    t.setOrigin(ox, oy);
    this.text += value;
    this.layer.add(t);
    this.texts.push(t);
  }
}

function laneName(tier: TierId, labels: DiagramLabels): string {
  return labels.t(`diagram.lanes.${tier}`);
}
