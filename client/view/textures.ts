/**
 * The diagram's textures, drawn once at start-up on one canvas atlas (no image files to load):
 * card patterns (dashed border, hatch, glow, selection ring) at twice their world size so they
 * stay crisp when zoomed in, line icons for every component kind, and state badges. Shapes are white where they get tinted. The atlas is a power
 * of two with padding between frames so the GPU can mipmap it: a zoomed-out diagram then samples
 * small mip levels, which looks smoother and is much cheaper (notably on software renderers).
 */
import type Phaser from 'phaser';
import { CARD_H, CARD_W, PORTAL_H } from './layout';
import { PALETTE, cssColour } from './palette';

/** Texture resolution relative to world pixels. */
export const TEX_SCALE = 2;
export const CARD_RADIUS = 10;
/** Extra world pixels around a card for its glow and selection ring. */
export const GLOW_PAD = 16;
export const RING_PAD = 5;
export const ICON_SIZE = 22;
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

export const ICON_NAMES = ['lb', 'web', 'db', 'cache', 'cdn', 'sessionStore', 'queue', 'worker', 'users', 'dns'] as const;
export const BADGE_NAMES = ['warning', 'down', 'clock', 'restart'] as const;
export const iconFrame = (name: string): string => `icon:${name}`;
export const badgeFrame = (name: string): string => `badge:${name}`;

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
function cardShapes(w: number, h: number, keys: { dashed?: string; hatch?: string; glow?: string; ring: string }): Array<[string, number, number, Draw]> {
  const s = TEX_SCALE;
  const r = CARD_RADIUS * s;
  const W = w * s;
  const H = h * s;
  const entries: Array<[string, number, number, Draw]> = [];
  if (keys.dashed !== undefined) {
    entries.push([keys.dashed, W, H, (ctx) => {
      ctx.lineWidth = 2 * s;
      ctx.setLineDash([7 * s, 5 * s]);
      roundRect(ctx, s, s, W - 2 * s, H - 2 * s, r - s);
      ctx.strokeStyle = '#fff';
      ctx.stroke();
    }]);
  }
  if (keys.hatch !== undefined) {
    entries.push([keys.hatch, W, H, (ctx) => {
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
    }]);
  }
  if (keys.glow !== undefined) {
    const P = GLOW_PAD * s;
    entries.push([keys.glow, W + 2 * P, H + 2 * P, (ctx) => {
      ctx.shadowColor = '#fff';
      ctx.shadowBlur = P * 0.8;
      roundRect(ctx, P, P, W, H, r);
      ctx.fillStyle = '#fff';
      ctx.fill();
    }]);
  }
  const R = RING_PAD * s;
  entries.push([keys.ring, W + 2 * R, H + 2 * R, (ctx) => {
    ctx.lineWidth = 2.5 * s;
    roundRect(ctx, 1.5 * s, 1.5 * s, W + 2 * R - 3 * s, H + 2 * R - 3 * s, r + R - 1.5 * s);
    ctx.strokeStyle = '#fff';
    ctx.stroke();
  }]);
  return entries;
}

/** A line icon for a kind, drawn white in a box of `size` pixels. */
function drawIcon(ctx: Ctx, name: (typeof ICON_NAMES)[number], size: number): void {
  const u = size / 24;
  ctx.save();
  ctx.scale(u, u);
  ctx.strokeStyle = '#fff';
  ctx.fillStyle = '#fff';
  ctx.lineWidth = 2;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const line = (...pts: number[]) => {
    ctx.beginPath();
    ctx.moveTo(pts[0]!, pts[1]!);
    for (let i = 2; i < pts.length; i += 2) ctx.lineTo(pts[i]!, pts[i + 1]!);
    ctx.stroke();
  };
  const circle = (x: number, y: number, r: number, fill = false) => {
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    if (fill) ctx.fill();
    else ctx.stroke();
  };
  switch (name) {
    case 'lb':
      circle(12, 5, 2.6, true);
      line(12, 7.5, 12, 12, 4, 18);
      line(12, 12, 12, 19);
      line(12, 12, 20, 18);
      for (const x of [4, 12, 20]) circle(x, 20, 1.8, true);
      break;
    case 'web':
      roundRect(ctx, 2.5, 4, 19, 16, 2.5);
      ctx.stroke();
      line(2.5, 8.5, 21.5, 8.5);
      line(6, 12.5, 14, 12.5);
      line(6, 16, 11, 16);
      break;
    case 'db':
      ctx.beginPath();
      ctx.ellipse(12, 5.5, 8, 3, 0, 0, Math.PI * 2);
      ctx.stroke();
      line(4, 5.5, 4, 18.5);
      line(20, 5.5, 20, 18.5);
      ctx.beginPath();
      ctx.ellipse(12, 12, 8, 3, 0, 0, Math.PI);
      ctx.stroke();
      ctx.beginPath();
      ctx.ellipse(12, 18.5, 8, 3, 0, 0, Math.PI);
      ctx.stroke();
      break;
    case 'cache':
      ctx.beginPath();
      ctx.moveTo(13.5, 2);
      ctx.lineTo(5, 13.5);
      ctx.lineTo(11.5, 13.5);
      ctx.lineTo(10, 22);
      ctx.lineTo(19, 10);
      ctx.lineTo(12.5, 10);
      ctx.closePath();
      ctx.stroke();
      break;
    case 'cdn':
      ctx.beginPath();
      ctx.moveTo(6.5, 18);
      ctx.arc(6.5, 14, 4, Math.PI / 2, Math.PI * 1.5);
      ctx.arc(11.5, 9.5, 5.5, Math.PI * 1.1, Math.PI * 1.85);
      ctx.arc(17, 13, 5, Math.PI * 1.4, Math.PI / 2);
      ctx.closePath();
      ctx.stroke();
      break;
    case 'sessionStore':
      circle(7.5, 12, 4.5);
      line(12, 12, 21.5, 12);
      line(18, 12, 18, 16);
      line(21, 12, 21, 15);
      break;
    case 'queue':
      for (const y of [5, 11, 17]) {
        roundRect(ctx, 2.5, y, 13, 3.5, 1.5);
        ctx.stroke();
      }
      line(18, 7, 21.5, 12, 18, 17);
      break;
    case 'worker': {
      ctx.beginPath();
      for (let i = 0; i < 16; i++) {
        const a = (i / 16) * Math.PI * 2;
        const r = i % 2 === 0 ? 9.5 : 7;
        const a2 = ((i + 1) / 16) * Math.PI * 2;
        ctx.lineTo(12 + r * Math.cos(a), 12 + r * Math.sin(a));
        ctx.lineTo(12 + r * Math.cos(a2), 12 + r * Math.sin(a2));
      }
      ctx.closePath();
      ctx.stroke();
      circle(12, 12, 3);
      break;
    }
    case 'users':
      circle(9, 8, 3.5);
      ctx.beginPath();
      ctx.arc(9, 20, 6.5, Math.PI, 0);
      ctx.stroke();
      circle(17, 7, 2.8);
      ctx.beginPath();
      ctx.arc(17.5, 17, 5, Math.PI * 1.15, 0);
      ctx.stroke();
      break;
    case 'dns':
      circle(12, 12, 9);
      ctx.beginPath();
      ctx.ellipse(12, 12, 4, 9, 0, 0, Math.PI * 2);
      ctx.stroke();
      line(3, 12, 21, 12);
      line(4.5, 7.5, 19.5, 7.5);
      line(4.5, 16.5, 19.5, 16.5);
      break;
  }
  ctx.restore();
}

/** A state badge in full colour: it must read on any card, with or without colour vision. */
function drawBadge(ctx: Ctx, name: (typeof BADGE_NAMES)[number], size: number): void {
  const u = size / 24;
  ctx.save();
  ctx.scale(u, u);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const dark = cssColour(PALETTE.background);
  switch (name) {
    case 'warning':
      ctx.beginPath();
      ctx.moveTo(12, 1.5);
      ctx.lineTo(23, 21.5);
      ctx.lineTo(1, 21.5);
      ctx.closePath();
      ctx.fillStyle = cssColour(PALETTE.degraded);
      ctx.strokeStyle = dark;
      ctx.lineWidth = 1.5;
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = dark;
      ctx.fillRect(10.6, 8, 2.8, 7.5);
      ctx.fillRect(10.6, 17, 2.8, 2.6);
      break;
    case 'down':
      ctx.beginPath();
      ctx.arc(12, 12, 10.5, 0, Math.PI * 2);
      ctx.fillStyle = cssColour(PALETTE.dead);
      ctx.strokeStyle = dark;
      ctx.lineWidth = 1.5;
      ctx.fill();
      ctx.stroke();
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.moveTo(7.5, 7.5);
      ctx.lineTo(16.5, 16.5);
      ctx.moveTo(16.5, 7.5);
      ctx.lineTo(7.5, 16.5);
      ctx.stroke();
      break;
    case 'clock':
    case 'restart':
      ctx.beginPath();
      ctx.arc(12, 12, 10.5, 0, Math.PI * 2);
      ctx.fillStyle = cssColour(PALETTE.cardRaised);
      ctx.strokeStyle = cssColour(PALETTE.muted);
      ctx.lineWidth = 1.5;
      ctx.fill();
      ctx.stroke();
      ctx.strokeStyle = cssColour(PALETTE.text);
      ctx.lineWidth = 2.2;
      ctx.beginPath();
      if (name === 'clock') {
        ctx.moveTo(12, 6);
        ctx.lineTo(12, 12);
        ctx.lineTo(16, 14);
      } else {
        ctx.arc(12, 12, 5.5, Math.PI * 1.7, Math.PI * 1.2);
        ctx.stroke();
        ctx.beginPath();
        ctx.moveTo(5.2, 7);
        ctx.lineTo(7.4, 9.6);
        ctx.lineTo(10.2, 7.6);
      }
      ctx.stroke();
      break;
  }
  ctx.restore();
}

/** Draws every diagram texture into one atlas in the scene's texture manager. */
export function createTextures(scene: Phaser.Scene): void {
  const entries: Array<[string, number, number, Draw]> = [
    ...cardShapes(CARD_W, CARD_H, { dashed: TEX.cardDashed, hatch: TEX.cardHatch, glow: TEX.cardGlow, ring: TEX.cardRing }),
    ...cardShapes(CARD_W, PORTAL_H, { ring: TEX.portalRing }),
  ];
  const icon = ICON_SIZE * TEX_SCALE;
  for (const name of ICON_NAMES) entries.push([iconFrame(name), icon, icon, (ctx) => drawIcon(ctx, name, icon)]);
  const badge = BADGE_SIZE * TEX_SCALE;
  for (const name of BADGE_NAMES) entries.push([badgeFrame(name), badge, badge, (ctx) => drawBadge(ctx, name, badge)]);
  entries.push([TEX.pixel, 16, 16, (ctx) => {
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 16, 16);
  }]);

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
