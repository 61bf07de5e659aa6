/**
 * One box of the diagram: a rounded card with the kind's icon and its name on top, then its
 * instance count, a line of detail and its key figure (utilisation, rate, or its state in words),
 * and a load bar along the bottom; its state shows as colour (border, glow), icon (badge), pattern
 * (hatched when down, dashed while setting up) and motion (a pulsing glow and badge; a shake now
 * and then when down).
 * The parts live in shared layers (all card backgrounds, then all icons, then all texts) so the
 * renderer batches them; the card only positions and updates its own parts.
 *
 * Text comes in two sizes so the scene can choose what to show by its size on screen (never below
 * 11 CSS px): the name and the figure (PRIMARY_TEXT, the `text` layer) stay longest; the count and
 * the detail line (SECONDARY_TEXT, the `detail` layer) go first. A name that does not fit is not
 * drawn smaller: it takes its short form (the locale files' diagram.short group) or loses letters
 * before its number.
 *
 * One file on purpose: one class owns a card's parts across the shared layers, and placing them
 * and updating them read the same geometry constants.
 */
import Phaser from 'phaser';
import type { CardContent } from './cardModel';
import type { NodeBox } from './layout';
import { cardText, fitText } from './cardText';
import { fnv1a } from './hash';
import { PALETTE, cssColour, mixColour } from './palette';
import { STACK_PAD } from './paths';
import { ATLAS, BADGE_SIZE, CARD_RADIUS, GLOW_PAD, RING_PAD, TEX, TEX_SCALE, badgeFrame, iconFrame } from './textures';
import { STATE_STYLES, approach, utilisationColour } from './trafficStyle';

export interface CardLayers {
  glow: Phaser.GameObjects.Layer;
  body: Phaser.GameObjects.Layer;
  marks: Phaser.GameObjects.Layer;
  /** Names and key figures (PRIMARY_TEXT): shown while they are at least 11 CSS px on screen. */
  text: Phaser.GameObjects.Layer;
  /** Counts and detail lines (SECONDARY_TEXT): hidden sooner. */
  detail: Phaser.GameObjects.Layer;
  badges: Phaser.GameObjects.Layer;
}

/** Font sizes of a card's name and figure, and of its count and detail line, world pixels. */
export const PRIMARY_TEXT = 18;
export const SECONDARY_TEXT = 14;

/** A text a card shows, with its font size in world pixels (for DiagramScene.describe). */
export interface CardText {
  text: string;
  size: number;
  layer: 'text' | 'detail';
}

export type Highlight = 'none' | 'hover' | 'selected' | 'source' | 'target';

/**
 * Which of a card's parts it draws itself (the diagram's still picture shows the rest): all, its
 * body (everything but its signals: the glow, the badge and the highlight ring, the parts that
 * pulse), only its signals over its body in the picture, or none.
 */
export type CardDrawing = 'all' | 'body' | 'signals' | 'none';

const PAD = 7;
/** Space between the icon and the name. */
const ICON_GAP = 5;
/** The kind's icon, world pixels. */
const ICON = 20;
/** How much of its state colour a far-view tile takes: calm when fine, loud when not. */
const FAR_TINT: Record<CardContent['state'], number> = {
  healthy: 0.22,
  unknown: 0.15,
  provisioning: 0.2,
  restarting: 0.3,
  busy: 0.45,
  degraded: 0.6,
  dead: 0.65,
};
/** Border width, world pixels. */
const BORDER = 2;
/** Offset of each of the (at most two) cards drawn behind a card with several instances: edges are routed clear of them. */
const STACK_STEP = { x: STACK_PAD.x / 2, y: STACK_PAD.y / 2 };
/** Width of the part of those cards that is drawn (their right ends). */
const STACK_W = 2 * CARD_RADIUS + STACK_PAD.x;
const BAR_H = 4;
/** Centre lines of the card's two rows of text, from its top. */
const ROW1 = 15;
const ROW2 = 33;

export class NodeCard {
  readonly id: string;
  private box: NodeBox;
  private readonly portal: boolean;
  private readonly glow: Phaser.GameObjects.Image | null;
  private readonly stack: Phaser.GameObjects.Rectangle[];
  private readonly bg: Phaser.GameObjects.Rectangle;
  private readonly hatch: Phaser.GameObjects.Image | null;
  /** The card's outer shape in its state colour; the fill sits 2 px inside it, leaving the border. */
  private readonly edge: Phaser.GameObjects.Rectangle;
  /** A dashed border instead, while setting up or restarting. */
  private readonly dashed: Phaser.GameObjects.Image | null;
  private readonly ring: Phaser.GameObjects.Image;
  private readonly icon: Phaser.GameObjects.Image;
  private readonly barBg: Phaser.GameObjects.Image | null;
  private readonly barFill: Phaser.GameObjects.Image | null;
  private readonly badge: Phaser.GameObjects.Image;
  private readonly title: Phaser.GameObjects.Text;
  private readonly count: Phaser.GameObjects.Text;
  private readonly subtitle: Phaser.GameObjects.Text | null;
  private readonly figure: Phaser.GameObjects.Text;
  private content: CardContent | null = null;
  private load = 0;
  private highlight: Highlight = 'none';
  /** Alpha of the whole card (1, or less while it is not a possible connection target). */
  private fade = 1;
  private shaken = false;
  private culled = false;
  /** The parts the card draws itself (the still picture shows the rest, see StaticCache). */
  private drawing: CardDrawing = 'all';
  /** Reduced effects: no pulse, shake or pulsing ring (the card stays in the still copy). */
  private still = false;
  private textsShown = true;
  /** The content whose texts are on screen (they lag behind while hidden). */
  private drawnTexts: CardContent | null = null;
  /** Far view (zoomed out): a filled tile in the state's colour instead of a bordered card. */
  private far = false;
  /** The load the bar was last drawn at. */
  private drawnLoad = -1;
  /** Phase offset so that many failing cards do not pulse in lockstep. */
  private readonly phase: number;

  constructor(scene: Phaser.Scene, layers: CardLayers, box: NodeBox) {
    this.id = box.id;
    this.box = box;
    this.portal = box.kind === 'users' || box.kind === 'dns';
    this.phase = (fnv1a(box.id) % 1000) / 1000;
    const image = (layer: Phaser.GameObjects.Layer, frame: string) => {
      const img = scene.add.image(0, 0, ATLAS, frame).setOrigin(0, 0);
      layer.add(img);
      return img;
    };
    this.glow = this.portal ? null : image(layers.glow, TEX.cardGlow).setVisible(false);
    // Fills are flat shapes (no texture to sample): the cheapest pixels a card has.
    const fill = (colour: number, inset = 0) => {
      const rect = scene.add
        .rectangle(0, 0, box.w - 2 * inset, box.h - 2 * inset, colour)
        .setOrigin(0, 0)
        .setRounded(CARD_RADIUS - inset);
      layers.body.add(rect);
      return rect;
    };
    // The cards behind are only the slivers that show at the right end: a full card under each
    // would be drawn for nothing, and a software renderer pays for every pixel.
    this.stack = this.portal
      ? []
      : [PALETTE.cardBehind, PALETTE.cardBehindFar].map((colour) => fill(colour).setSize(STACK_W, box.h).setRounded(0).setVisible(false));
    this.edge = fill(PALETTE.cardBorder);
    this.bg = fill(this.portal ? PALETTE.lane : PALETTE.card, BORDER);
    this.hatch = this.portal ? null : image(layers.body, TEX.cardHatch).setVisible(false).setTint(PALETTE.dead).setAlpha(0.22);
    this.dashed = this.portal ? null : image(layers.body, TEX.cardDashed).setVisible(false);
    this.ring = image(layers.badges, this.portal ? TEX.portalRing : TEX.cardRing).setVisible(false);
    this.icon = image(layers.marks, iconFrame(box.kind)).setTint(PALETTE.text);
    this.icon.setDisplaySize(ICON, ICON);
    this.barBg = this.portal ? null : image(layers.marks, TEX.pixel).setTint(PALETTE.cardRaised);
    this.barFill = this.portal ? null : image(layers.marks, TEX.pixel).setTint(PALETTE.healthy);
    this.badge = image(layers.badges, badgeFrame('warn')).setOrigin(0.5, 0.5).setVisible(false);
    this.badge.setDisplaySize(BADGE_SIZE, BADGE_SIZE);
    this.title = cardText(scene, PRIMARY_TEXT, true, PALETTE.text).setOrigin(0, 0.5);
    this.count = cardText(scene, SECONDARY_TEXT, true, PALETTE.text).setOrigin(0, 0.5);
    this.subtitle = this.portal ? null : cardText(scene, SECONDARY_TEXT, false, PALETTE.muted).setOrigin(0, 0.5);
    this.figure = cardText(scene, PRIMARY_TEXT, true, PALETTE.muted).setOrigin(1, 0.5);
    layers.text.add([this.title, this.figure]);
    layers.detail.add(this.count);
    if (this.subtitle !== null) layers.detail.add(this.subtitle);
    this.place(0);
  }

  get bounds(): NodeBox {
    return this.box;
  }

  /** The name as drawn on the canvas (possibly shortened to fit) and its font family. */
  get drawnTitle(): { text: string; fontFamily: string } {
    return { text: this.title.text, fontFamily: this.title.style.fontFamily };
  }

  /** Whether the card is drawn in full or as a far-view tile, and the texts it has (the scene knows which layers are shown). */
  describe(): { detail: 'full' | 'tile'; texts: CardText[] } {
    const texts: CardText[] = [];
    const add = (t: Phaser.GameObjects.Text | null, layer: CardText['layer']) => {
      if (t !== null && t.visible && t.text !== '') texts.push({ text: t.text, size: parseFloat(String(t.style.fontSize)), layer });
    };
    add(this.title, 'text');
    add(this.figure, 'text');
    add(this.count, 'detail');
    add(this.subtitle, 'detail');
    return { detail: this.far ? 'tile' : 'full', texts };
  }

  setBox(box: NodeBox): void {
    if (box.x === this.box.x && box.y === this.box.y) return;
    this.box = box;
    this.place(0);
  }

  setContent(content: CardContent): void {
    const previous = this.content;
    this.content = content;
    if (previous?.icon !== content.icon) this.icon.setFrame(iconFrame(content.icon)).setDisplaySize(ICON, ICON);
    if (previous?.instances !== content.instances || (previous.load === null) !== (content.load === null)) this.applyVisibility();
    if (previous?.state !== content.state) this.applyState();
    if (previous === null) this.load = content.load ?? 0;
    // Redrawing a text re-renders its canvas and uploads it: only for texts that can be seen.
    if (this.textsShown) this.applyTexts();
  }

  /** Whether the card's texts are drawn at the current zoom (the scene's level of detail). */
  setTextsShown(shown: boolean): void {
    if (shown === this.textsShown) return;
    this.textsShown = shown;
    if (shown && !this.culled) this.applyTexts();
  }

  private applyTexts(): void {
    const content = this.content;
    const drawn = this.drawnTexts;
    if (content === null || this.culled || drawn === content) return;
    this.drawnTexts = content;
    if (drawn?.count !== content.count) this.count.setText(content.count);
    if (drawn?.figure !== content.figure) this.figure.setText(content.figure);
    if (drawn?.figureColour !== content.figureColour) this.figure.setColor(cssColour(content.figureColour));
    // A portal's name shares its row with the figure; a card's has the row to itself.
    if (drawn?.title !== content.title || drawn.shortTitle !== content.shortTitle || (this.portal && drawn.figure !== content.figure))
      this.fitTitle(content);
    if (
      this.subtitle !== null &&
      (drawn?.subtitle !== content.subtitle || drawn.count !== content.count || drawn.figure !== content.figure)
    ) {
      // The detail line has what the count and the figure leave of the second row.
      fitText(
        this.subtitle,
        content.subtitle,
        this.box.w - 2 * PAD - (content.count === '' ? 0 : this.count.width + 6) - this.figure.width - 10,
      );
      this.place(0);
    }
  }

  setHighlight(highlight: Highlight, dimmed = false): void {
    const fade = dimmed ? 0.3 : 1;
    if (fade !== this.fade) {
      // While a connection is drawn, boxes it cannot go to step back.
      this.fade = fade;
      for (const o of [
        ...this.stack,
        this.edge,
        this.bg,
        this.icon,
        this.title,
        this.count,
        this.subtitle,
        this.figure,
        this.barBg,
        this.barFill,
        this.badge,
      ])
        o?.setAlpha(fade);
    }
    if (highlight === this.highlight) return;
    this.highlight = highlight;
    const colour = highlight === 'target' ? PALETTE.connectTarget : PALETTE.selected;
    this.ring.setTint(colour).setAlpha(highlight === 'hover' ? 0.35 : 1);
    this.applyVisibility();
  }

  /** Switches between the full card and the far view's simpler tile. */
  setFar(far: boolean): void {
    if (far === this.far) return;
    this.far = far;
    this.applyState();
  }

  /** Hides the card while it is outside the camera's view (nothing of it is drawn then). */
  setCulled(culled: boolean): void {
    if (culled === this.culled) return;
    this.culled = culled;
    this.applyVisibility();
    if (!culled && this.textsShown) this.applyTexts();
  }

  /** Whether the whole card moves (a shake now and then while down): then it is all drawn live. */
  get moving(): boolean {
    const content = this.content;
    return content !== null && !this.culled && !this.still && STATE_STYLES[content.state].shake;
  }

  /**
   * Whether it shows a glow (degraded or down) or a highlight ring (selected, a connection's source
   * or target): those signals are drawn live over its still body (they pulse unless effects are
   * reduced, and a new selection shows at once).
   */
  get signalling(): boolean {
    const content = this.content;
    if (content === null || this.culled) return false;
    return STATE_STYLES[content.state].pulseSeconds > 0 || (this.highlight !== 'none' && this.highlight !== 'hover');
  }

  /** Whether the pointer is over the card (its highlight is then a faint ring). */
  get hovered(): boolean {
    return this.highlight === 'hover';
  }

  /** Reduced effects: the card's state shows in colour and badge only, without motion. */
  setStill(still: boolean): void {
    if (still === this.still) return;
    this.still = still;
    if (!still) return;
    this.glow?.setAlpha(0.55);
    this.badge.setScale(BADGE_SIZE / (BADGE_SIZE * TEX_SCALE));
    if (this.highlight !== 'none' && this.highlight !== 'hover') this.ring.setAlpha(1);
    if (this.shaken) this.place(0);
    this.shaken = false;
  }

  /** Which parts the card draws itself (the still picture shows the others). */
  setDrawing(drawing: CardDrawing): void {
    if (drawing === this.drawing) return;
    this.drawing = drawing;
    this.applyVisibility();
  }

  /** Eases the load bar and runs the pulse and shake. */
  tick(time: number, dt: number): void {
    const content = this.content;
    if (content === null || this.culled) return;
    const style = STATE_STYLES[content.state];
    if (this.barFill !== null && content.load !== null) {
      this.load = approach(this.load, content.load, dt, 0.4);
      if (Math.abs(this.load - this.drawnLoad) > 0.0005) {
        this.drawnLoad = this.load;
        this.barFill.setDisplaySize(Math.max(0.001, this.barWidth() * Math.min(1, this.load)), BAR_H).setTint(utilisationColour(this.load));
      }
    }
    if (this.still) return;
    let shake = 0;
    if (style.pulseSeconds > 0) {
      const wave = 0.5 + 0.5 * Math.sin((time / 1000 / style.pulseSeconds + this.phase) * Math.PI * 2);
      this.glow?.setAlpha(0.25 + 0.6 * wave);
      this.badge.setScale((BADGE_SIZE / (BADGE_SIZE * TEX_SCALE)) * (1 + 0.12 * wave));
    }
    if (style.shake) {
      // A short shake every 2.5 s: the eye catches motion where colour fails.
      const t = ((time / 1000 + this.phase * 2.5) % 2.5) / 0.45;
      if (t < 1) shake = Math.sin(t * Math.PI * 6) * 3 * (1 - t);
    }
    if (this.highlight !== 'none' && this.highlight !== 'hover') this.ring.setAlpha(0.7 + 0.3 * Math.sin(time / 260));
    if (shake !== 0 || this.shaken) this.place(shake);
    this.shaken = shake !== 0;
  }

  destroy(): void {
    for (const o of [
      ...this.stack,
      this.glow,
      this.edge,
      this.bg,
      this.hatch,
      this.dashed,
      this.ring,
      this.icon,
      this.barBg,
      this.barFill,
      this.badge,
      this.title,
      this.count,
      this.subtitle,
      this.figure,
    ])
      o?.destroy();
  }

  private applyState(): void {
    const content = this.content;
    if (content === null) return;
    const style = STATE_STYLES[content.state];
    this.glow?.setTint(style.colour);
    this.dashed?.setTint(style.colour);
    const base = content.state === 'dead' ? PALETTE.deadCard : this.portal ? PALETTE.lane : PALETTE.card;
    // Far away a 2 px border is under a pixel wide: the whole tile takes the state's colour.
    this.edge.setFillStyle(this.far ? mixColour(base, style.colour, FAR_TINT[content.state]) : style.colour).setAlpha(this.fade);
    this.bg.setFillStyle(base);
    this.icon.setTint(
      content.state === 'dead'
        ? PALETTE.dead
        : content.state === 'unknown' || content.state === 'provisioning'
          ? PALETTE.muted
          : PALETTE.text,
    );
    if (style.icon !== 'none') this.badge.setFrame(badgeFrame(style.icon)).setDisplaySize(BADGE_SIZE, BADGE_SIZE);
    this.applyVisibility();
  }

  /** What is drawn follows the state, the highlight and whether the card is in view. */
  private applyVisibility(): void {
    const on = !this.culled && (this.drawing === 'all' || this.drawing === 'body');
    // The signals: drawn over the card's still body in the picture as well.
    const over = !this.culled && (this.drawing === 'all' || this.drawing === 'signals');
    const content = this.content;
    const style = content === null ? null : STATE_STYLES[content.state];
    this.stack.forEach((img, i) => img.setVisible(on && !this.far && (content?.instances ?? 1) >= 3 - i));
    for (const o of [this.icon, this.title, this.count, this.subtitle, this.figure]) o?.setVisible(on);
    const dashed = style?.pattern === 'dashed' && this.dashed !== null && !this.far;
    this.edge.setVisible(on && !dashed);
    this.bg.setVisible(on && (dashed || !this.far));
    this.dashed?.setVisible(on && dashed);
    this.glow?.setVisible(over && style !== null && style.pulseSeconds > 0 && content?.state !== 'restarting');
    this.hatch?.setVisible(on && style?.pattern === 'hatch');
    this.ring.setVisible(over && this.highlight !== 'none');
    this.badge.setVisible(over && style !== null && style.icon !== 'none');
    const bar = on && content !== null && content.load !== null;
    this.barBg?.setVisible(bar);
    this.barFill?.setVisible(bar);
  }

  private barWidth(): number {
    return this.box.w - 2 * PAD;
  }

  /**
   * The name at its one size: in full when it fits, else in its short form, else shortened before
   * its number. A portal (users, DNS) in a narrow column shows just its icon and figure when both
   * do not fit: the lane's name says what it is.
   */
  private fitTitle(content: CardContent): void {
    const right = this.portal && content.figure !== '' ? this.figure.width + 8 : 0;
    const room = this.box.w - PAD - ICON - ICON_GAP - PAD - right;
    if (this.portal) {
      this.title.setText(content.title);
      if (this.title.width > room) this.title.setText('');
      return;
    }
    fitText(this.title, content.title, room, content.shortTitle);
  }

  private place(shake: number): void {
    const { x: bx, y, w, h } = this.box;
    const x = bx + shake;
    const s = 1 / TEX_SCALE;
    this.stack.forEach((rect, i) => rect.setPosition(x + w - STACK_W + (2 - i) * STACK_STEP.x, y + (2 - i) * STACK_STEP.y));
    this.edge.setPosition(x, y);
    this.bg.setPosition(x + BORDER, y + BORDER);
    this.dashed?.setPosition(x, y).setScale(s);
    this.hatch?.setPosition(x, y).setScale(s);
    this.glow?.setPosition(x - GLOW_PAD, y - GLOW_PAD).setScale(s);
    this.ring.setPosition(x - RING_PAD, y - RING_PAD).setScale(s);
    if (this.portal) this.ring.setDisplaySize(w + 2 * RING_PAD, h + 2 * RING_PAD);
    const rowY = this.portal ? y + h / 2 : y + ROW1;
    this.icon.setPosition(x + PAD, rowY - ICON / 2);
    this.title.setPosition(x + PAD + ICON + ICON_GAP, rowY);
    this.badge.setPosition(x + w - 2, y + 2);
    if (this.portal) {
      this.figure.setPosition(x + w - PAD, rowY);
      return;
    }
    this.count.setPosition(x + PAD, y + ROW2);
    this.subtitle?.setPosition(x + PAD + (this.count.text === '' ? 0 : this.count.width + 6), y + ROW2);
    this.figure.setPosition(x + w - PAD, y + ROW2);
    const barY = y + h - 5;
    this.barBg?.setPosition(x + PAD, barY - BAR_H / 2).setDisplaySize(this.barWidth(), BAR_H);
    this.barFill?.setPosition(x + PAD, barY - BAR_H / 2);
  }
}
