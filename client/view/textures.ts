/**
 * The diagram's textures, drawn once at start-up on one canvas atlas (no image files to load):
 * card patterns (dashed border, hatch, glow, selection ring) at twice their world size so they
 * stay crisp when zoomed in, and the icons of assets/icons (bundled as text, theme/icons.ts): one
 * for every kind of box, and the state badges, drawn from the same path data as the DOM's icons.
 * Shapes are white where they get tinted. The atlas is a power of two with padding between frames
 * so the GPU can mipmap it: a zoomed-out diagram then samples small mip levels, which looks
 * smoother and is much cheaper (notably on software renderers).
 */
import type Phaser from 'phaser';
import { ICON_VIEWBOX, ICONS, KIND_ICONS, type IconArt, type IconName } from '../theme/icons';
import { CARD_H, CARD_W, PORTAL_H, type NodeKind } from './layout';
import { PALETTE, cssColour } from './palette';

/** Texture resolution relative to world pixels. */
export const TEX_SCALE = 2;
export const CARD_RADIUS = 10;
/** Extra world pixels around a card for its glow and selection ring. */
export const GLOW_PAD = 16;
export const RING_PAD = 5;
const ICON_SIZE = 22;
export const BADGE_SIZE = 24;
/** Traffic dot diameters, world pixels. */
export const DOT_SIZE = 10;
export const ERROR_DOT_SIZE = 12;

/** The atlas texture's key, and its frames. */
export const ATLAS = 'sv-atlas';
const ATLAS_SIZE = 1024;
/** Texels between frames: enough for four mip levels without bleeding. */
const ATLAS_PAD = 16;

/** Card fills and borders are flat shapes (see NodeCard); the atlas has the patterned extras. */
export const TEX = {
  cardDashed: 'card-dashed',
  cardHatch: 'card-hatch',
  cardGlow: 'card-glow',
  cardRing: 'card-ring',
  portalRing: 'portal-ring',
  pixel: 'pixel',
} as const;

/** Every kind of box has its icon (users and DNS included): the same files as the shop's. */
const BOX_ICONS = KIND_ICONS satisfies readonly NodeKind[];
/** The badges a card's state can show (trafficStyle's STATE_STYLES picks one). */
const STATE_BADGES = ['warn', 'down', 'clock', 'restarting'] as const satisfies readonly IconName[];
export type StateBadge = (typeof STATE_BADGES)[number];
export const iconFrame = (kind: NodeKind): string => `icon:${kind}`;
export const badgeFrame = (badge: StateBadge): string => `badge:${badge}`;

type Ctx = CanvasRenderingContext2D;

function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

type Draw = (ctx: Ctx) => void;

/** The patterned shapes of a card (dashed border, hatch, glow, selection ring) for one box size, as atlas entries. */
function cardShapes(
  w: number,
  h: number,
  keys: { dashed?: string; hatch?: string; glow?: string; ring: string },
): Array<[string, number, number, Draw]> {
  const s = TEX_SCALE;
  const r = CARD_RADIUS * s;
  const W = w * s;
  const H = h * s;
  const entries: Array<[string, number, number, Draw]> = [];
  if (keys.dashed !== undefined) {
    entries.push([
      keys.dashed,
      W,
      H,
      (ctx) => {
        ctx.lineWidth = 2 * s;
        ctx.setLineDash([7 * s, 5 * s]);
        roundRect(ctx, s, s, W - 2 * s, H - 2 * s, r - s);
        ctx.strokeStyle = '#fff';
        ctx.stroke();
      },
    ]);
  }
  if (keys.hatch !== undefined) {
    entries.push([
      keys.hatch,
      W,
      H,
      (ctx) => {
        roundRect(ctx, 0, 0, W, H, r);
        ctx.clip();
        ctx.strokeStyle = '#fff';
        ctx.lineWidth = 5 * s;
        for (let x = -H; x < W + H; x += 16 * s) {
          ctx.beginPath();
          ctx.moveTo(x, H);
          ctx.lineTo(x + H, 0);
          ctx.stroke();
        }
      },
    ]);
  }
  if (keys.glow !== undefined) {
    const P = GLOW_PAD * s;
    entries.push([
      keys.glow,
      W + 2 * P,
      H + 2 * P,
      (ctx) => {
        ctx.shadowColor = '#fff';
        ctx.shadowBlur = P * 0.8;
        roundRect(ctx, P, P, W, H, r);
        ctx.fillStyle = '#fff';
        ctx.fill();
        // Hollow: only the halo around the card, so that it can be drawn over the card's still
        // picture as well as under the card itself.
        ctx.shadowBlur = 0;
        ctx.globalCompositeOperation = 'destination-out';
        roundRect(ctx, P, P, W, H, r);
        ctx.fill();
        ctx.globalCompositeOperation = 'source-over';
      },
    ]);
  }
  const R = RING_PAD * s;
  entries.push([
    keys.ring,
    W + 2 * R,
    H + 2 * R,
    (ctx) => {
      ctx.lineWidth = 2.5 * s;
      roundRect(ctx, 1.5 * s, 1.5 * s, W + 2 * R - 3 * s, H + 2 * R - 3 * s, r + R - 1.5 * s);
      ctx.strokeStyle = '#fff';
      ctx.stroke();
    },
  ]);
  return entries;
}

/** The colours an icon is drawn in on the atlas: its strokes and fills, and a badge's plate with its outline. */
interface Ink {
  mark: string;
  plate: string;
  plateOutline: string;
}

/** A badge plate's outline, viewBox units: a thin dark rim that keeps it apart from any card. */
const PLATE_OUTLINE = 1.5;

/**
 * One icon of assets/icons drawn from its path data (the DOM's <Icon> renders the same data), scaled
 * from its viewBox to a box of `size` pixels, with the stroke width the file asks for.
 */
function drawIcon(ctx: Ctx, icon: IconArt, size: number, ink: Ink): void {
  const unit = size / ICON_VIEWBOX;
  ctx.save();
  ctx.scale(unit, unit);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const path of icon.paths) {
    const shape = new Path2D(path.d);
    if (path.plate) {
      ctx.fillStyle = ink.plate;
      ctx.fill(shape);
      ctx.lineWidth = PLATE_OUTLINE;
      ctx.strokeStyle = ink.plateOutline;
      ctx.stroke(shape);
      continue;
    }
    if (path.fill) {
      ctx.fillStyle = ink.mark;
      ctx.fill(shape);
    }
    if (path.stroke) {
      ctx.lineWidth = icon.strokeWidth;
      ctx.strokeStyle = ink.mark;
      ctx.stroke(shape);
    }
  }
  ctx.restore();
}

/** Kind icons are white, tinted per card. */
const WHITE: Ink = { mark: '#fff', plate: '#fff', plateOutline: '#fff' };

/**
 * State badges are in full colour: they must read on any card, with or without colour vision. A
 * failure's plate takes its state's accent with a dark mark; a waiting state's is a quiet grey disc.
 */
function badgeInk(name: StateBadge): Ink {
  const dark = cssColour(PALETTE.background);
  const waiting: Ink = { mark: cssColour(PALETTE.text), plate: cssColour(PALETTE.cardRaised), plateOutline: cssColour(PALETTE.muted) };
  switch (name) {
    case 'warn':
      return { mark: dark, plate: cssColour(PALETTE.degraded), plateOutline: dark };
    case 'down':
      return { mark: dark, plate: cssColour(PALETTE.dead), plateOutline: dark };
    case 'clock':
    case 'restarting':
      return waiting;
  }
}

/** Draws every diagram texture into one atlas in the scene's texture manager. */
export function createTextures(scene: Phaser.Scene): void {
  const entries: Array<[string, number, number, Draw]> = [
    ...cardShapes(CARD_W, CARD_H, { dashed: TEX.cardDashed, hatch: TEX.cardHatch, glow: TEX.cardGlow, ring: TEX.cardRing }),
    ...cardShapes(CARD_W, PORTAL_H, { ring: TEX.portalRing }),
  ];
  const icon = ICON_SIZE * TEX_SCALE;
  for (const name of BOX_ICONS) entries.push([iconFrame(name), icon, icon, (ctx) => drawIcon(ctx, ICONS[name], icon, WHITE)]);
  const badge = BADGE_SIZE * TEX_SCALE;
  for (const name of STATE_BADGES)
    entries.push([badgeFrame(name), badge, badge, (ctx) => drawIcon(ctx, ICONS[name], badge, badgeInk(name))]);
  entries.push([
    TEX.pixel,
    16,
    16,
    (ctx) => {
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 16, 16);
    },
  ]);

  if (scene.textures.exists(ATLAS)) scene.textures.remove(ATLAS);
  const atlas = scene.textures.createCanvas(ATLAS, ATLAS_SIZE, ATLAS_SIZE);
  if (atlas === null) throw new Error('could not create the diagram atlas');
  const ctx = atlas.getContext();
  // Shelf packing, tallest first, with padding for mipmaps.
  let x = ATLAS_PAD;
  let y = ATLAS_PAD;
  let shelf = 0;
  for (const [name, w, h, draw] of [...entries].sort((a, b) => b[2] - a[2])) {
    const fw = Math.ceil(w);
    const fh = Math.ceil(h);
    if (x + fw + ATLAS_PAD > ATLAS_SIZE) {
      x = ATLAS_PAD;
      y += shelf + ATLAS_PAD;
      shelf = 0;
    }
    if (y + fh + ATLAS_PAD > ATLAS_SIZE) throw new Error('the diagram atlas is full');
    ctx.save();
    ctx.translate(x, y);
    ctx.beginPath();
    ctx.rect(0, 0, fw, fh);
    ctx.clip();
    draw(ctx);
    ctx.restore();
    atlas.add(name, 0, x, y, fw, fh);
    x += fw + ATLAS_PAD;
    shelf = Math.max(shelf, fh);
  }
  atlas.refresh();
}
