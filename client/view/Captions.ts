/**
 * The names of the diagram's lanes (left of it) and regions (above it), drawn at a constant size
 * on screen, whatever the zoom: a zoomed-out diagram keeps readable names instead of shrinking
 * them with its boxes. The lane names sit in a gutter left of the diagram and the region names in
 * a band above it; when the diagram is panned past the stage's edge they stay at that edge, over
 * a band of background, like the headers of a spreadsheet. CameraRig leaves room for both when
 * it frames the diagram (`gutter`, `header`). Names that would collide with a neighbour's are
 * left out; a region's name that does not fit above its column gives way to its code (NA).
 */
import type Phaser from 'phaser';
import type { LocalText } from '../../shared/sim';
import type { DiagramLabels } from './labels';
import { EMPTY_LANE_H, REGION_GAP, type Layout, type TierId } from './layout';
import { FONT_FAMILY } from './cardText';
import { PALETTE, cssColour } from './palette';

/** Font sizes of the lane and region names, CSS pixels (the page's small labels' sizes). */
const LANE_CAPTION_PX = 12;
const REGION_CAPTION_PX = 13;
/** On a large screen the page's text is a step larger (ui.css), and so are the names. */
const LARGE_SCREEN = '(min-width: 1600px) and (min-height: 900px)';
const LARGE_SCALE = 16 / 14;
/** Lane names wrap at this width, CSS pixels, or at their longest word's (words are never split). */
const LANE_WRAP_PX = 60;
/** Space around the names, CSS pixels. */
const PAD_PX = 6;

/** A rectangle of the canvas, camera pixels. */
export interface ScreenRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface LaneCaption {
  text: Phaser.GameObjects.Text;
  y: number;
  h: number;
}

interface RegionCaption {
  text: Phaser.GameObjects.Text;
  name: string;
  code: string;
  x: number;
  w: number;
}

export class Captions {
  private readonly band: Phaser.GameObjects.Rectangle;
  private readonly top: Phaser.GameObjects.Rectangle;
  private lanes: LaneCaption[] = [];
  private regions: RegionCaption[] = [];
  private bounds = { x: 0, y: 0, w: 0, h: 0 };
  private signature = '';
  /** The camera and stage the names were last placed for. */
  private placed = '';
  /** Device pixels per CSS pixel the texts were drawn for, and their size relative to the base sizes. */
  private ratio = 1;
  private size = 1;
  /** Room the lane names need left of the diagram, and the region names above it, CSS pixels. */
  gutter = 0;
  header = REGION_CAPTION_PX + 10;

  /** The names' size for the page's size: a step larger on a large screen, as the page's text is. */
  static sizeFor(): number {
    return typeof window !== 'undefined' && window.matchMedia(LARGE_SCREEN).matches ? LARGE_SCALE : 1;
  }
  /** Every text drawn, for the font loader. */
  text = '';

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly layer: Phaser.GameObjects.Layer,
  ) {
    this.band = scene.add.rectangle(0, 0, 1, 1, PALETTE.background, 0.94).setOrigin(0, 0).setVisible(false);
    this.top = scene.add.rectangle(0, 0, 1, 1, PALETTE.background, 0.94).setOrigin(0, 0).setVisible(false);
    layer.add([this.band, this.top]);
  }

  /** Makes the next `draw` rebuild the names even if the layout is the same. */
  invalidate(): void {
    this.signature = '';
  }

  /** Builds the names for a layout (only when its lanes, regions or the language changed). */
  draw(layout: Layout, names: Record<string, LocalText>, labels: DiagramLabels, ratio: number): void {
    this.bounds = layout.bounds;
    const lang = labels.language() === 'ko' ? 'ko' : 'en';
    const size = Captions.sizeFor();
    const signature = JSON.stringify([layout.columns, layout.lanes, lang, ratio, size]);
    if (signature === this.signature) return;
    this.signature = signature;
    this.placed = '';
    this.ratio = ratio;
    this.size = size;
    const lanePx = Math.round(LANE_CAPTION_PX * size);
    const regionPx = Math.round(REGION_CAPTION_PX * size);
    this.header = regionPx + 10;
    for (const c of [...this.lanes, ...this.regions]) c.text.destroy();
    this.text = '';
    const laneNames = layout.lanes.map((lane) => laneName(lane.tier, labels));
    const wrap = Math.max(
      LANE_WRAP_PX * size,
      ...laneNames.flatMap((name) => name.split(/\s+/)).map((word) => measure(word, `${lanePx}px ${FONT_FAMILY}`)),
    );
    this.lanes = layout.lanes.map((lane, i) => {
      const empty = lane.h <= EMPTY_LANE_H;
      const text = this.makeText(laneNames[i]!, lanePx, false, empty ? PALETTE.faint : PALETTE.muted, 0, 0.5, Math.ceil(wrap) + 1);
      return { text, y: lane.y, h: lane.h };
    });
    this.regions = layout.columns.map((column) => {
      const name = names[column.region]?.[lang] ?? column.region.toUpperCase();
      const text = this.makeText(name, regionPx, true, PALETTE.text, 0, 0.5, 0);
      return { text, name, code: column.region.toUpperCase(), x: column.x, w: column.w };
    });
    this.text += this.regions.map((r) => r.code).join('');
    this.gutter = Math.ceil(Math.max(0, ...this.lanes.map((l) => l.text.width / this.ratio)) + 2 * PAD_PX);
  }

  /**
   * Places the names for the camera, inside `stage` (the part of the canvas the page's panels
   * leave free, camera pixels). Cheap when neither moved; true when the names moved.
   */
  update(camera: Phaser.Cameras.Scene2D.Camera, stage: ScreenRect): boolean {
    const zoom = camera.zoom;
    const key = `${zoom},${camera.scrollX},${camera.scrollY},${stage.x},${stage.y},${stage.w},${stage.h},${this.signature.length}`;
    if (key === this.placed) return false;
    this.placed = key;
    const r = this.ratio;
    const hw = camera.width / 2;
    const hh = camera.height / 2;
    const sx = (wx: number) => (wx - camera.scrollX - hw) * zoom + hw;
    const sy = (wy: number) => (wy - camera.scrollY - hh) * zoom + hh;
    const wx = (x: number) => (x - hw) / zoom + hw + camera.scrollX;
    const wy = (y: number) => (y - hh) / zoom + hh + camera.scrollY;
    const scale = 1 / zoom;
    const gutter = this.gutter * r;
    const header = this.header * r;
    const pad = PAD_PX * r;
    const stageBottom = stage.y + stage.h;
    // The gutter: left of the diagram, or at the stage's left edge when the diagram is panned past it.
    const left = Math.max(stage.x, sx(this.bounds.x) - gutter);
    const right = left + gutter;
    const contentTop = sy(this.bounds.y);
    const contentBottom = sy(this.bounds.y + this.bounds.h);
    const bandTop = Math.max(stage.y, contentTop);
    const bandBottom = Math.min(stageBottom, contentBottom);
    this.band.setVisible(bandBottom > bandTop && right > stage.x);
    this.band
      .setPosition(wx(left), wy(bandTop))
      .setSize(gutter, Math.max(1, bandBottom - bandTop))
      .setScale(scale);
    let lastBottom = -Infinity;
    // The header band: above the diagram, or at the stage's top edge.
    const headerTop = Math.max(stage.y, contentTop - header);
    const headerMid = headerTop + header / 2;
    for (const lane of this.lanes) {
      const mid = sy(lane.y + lane.h / 2);
      const h = lane.text.height;
      const top = mid - h / 2;
      // Shown inside the stage, below the header band, and clear of the name above.
      const shown = top >= Math.max(lastBottom + 2 * r, headerTop + header - 2 * r) && mid + h / 2 <= stageBottom && right > stage.x;
      lane.text.setVisible(shown);
      if (!shown) continue;
      lastBottom = mid + h / 2;
      lane.text.setPosition(wx(left + pad), wy(mid)).setScale(scale);
    }
    const regionsTop = contentTop - header;
    const topShown = headerTop > regionsTop;
    this.top.setVisible(topShown && stage.w > 0);
    this.top.setPosition(wx(stage.x), wy(headerTop)).setSize(Math.max(1, stage.w), header).setScale(scale);
    for (const region of this.regions) {
      const x0 = sx(region.x);
      const x1 = sx(region.x + region.w);
      // Room for the name: its column and the gap after it; it slides along (sticky) when the column is partly past the gutter.
      const x = Math.max(x0, right + pad / 2);
      const room = x1 + REGION_GAP * zoom * 0.7 - x;
      const full =
        region.text.text === region.name
          ? region.text.width
          : measure(region.name, `bold ${Math.round(REGION_CAPTION_PX * this.size) * r}px ${FONT_FAMILY}`);
      const want = full <= room ? region.name : region.code;
      if (region.text.text !== want) region.text.setText(want);
      const width = region.text.width;
      const shown = width <= room && x + width <= stage.x + stage.w && headerMid < stageBottom;
      region.text.setVisible(shown);
      if (shown) region.text.setPosition(wx(x), wy(headerMid)).setScale(scale);
    }
    return true;
  }

  /** The names on screen and their size, CSS pixels. */
  describe(): Array<{ text: string; px: number }> {
    return [...this.lanes, ...this.regions]
      .filter((c) => c.text.visible)
      .map((c) => ({ text: c.text.text, px: parseFloat(String(c.text.style.fontSize)) / this.ratio }));
  }

  destroy(): void {
    for (const c of [...this.lanes, ...this.regions]) c.text.destroy();
    this.band.destroy();
    this.top.destroy();
  }

  private makeText(
    value: string,
    px: number,
    bold: boolean,
    colour: number,
    ox: number,
    oy: number,
    wrapPx: number,
  ): Phaser.GameObjects.Text {
    // Drawn at device pixels (font size px × ratio) and shown at 1/zoom, so one texel is one pixel.
    const size = px * this.ratio;
    const t = this.scene.add.text(0, 0, value, {
      fontFamily: FONT_FAMILY,
      fontSize: `${size}px`,
      fontStyle: bold ? 'bold' : 'normal',
      color: cssColour(colour),
      resolution: 1,
      ...(wrapPx > 0 ? { wordWrap: { width: wrapPx * this.ratio, useAdvancedWrap: true } } : {}),
      lineSpacing: 1,
    });
    t.setOrigin(ox, oy).setVisible(false);
    this.text += value;
    this.layer.add(t);
    return t;
  }
}

let measuring: CanvasRenderingContext2D | null = null;

/** Width of a text in a CSS font, pixels. */
function measure(value: string, font: string): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (measuring === null) return 0;
  measuring.font = font;
  return measuring.measureText(value).width;
}

function laneName(tier: TierId, labels: DiagramLabels): string {
  return labels.t(`diagram.lanes.${tier}`);
}
