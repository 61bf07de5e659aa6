/**
 * The diagram's camera: it frames the whole system (and keeps framing it as the system grows)
 * into the part of the canvas the page's panels leave free, until the player pans or zooms; dragging pans, the wheel zooms about the pointer, and a
 * double-click on empty space (or the F key) frames everything again.
 */
import type Phaser from 'phaser';

/** Zoom limits of the wheel, CSS pixels per world pixel. */
const MIN_ZOOM = 0.12;
const MAX_ZOOM = 2.5;
/** The framing never zooms in beyond this (CSS pixels per world pixel): a small system stays at a natural size. */
const MAX_FIT_ZOOM = 1.35;
/** CSS pixels left around the framed diagram: a fixed few, whatever the zoom. */
const FIT_MARGIN = 6;
/** Pointer travel (screen px) that turns a press into a drag rather than a click. */
export const DRAG_THRESHOLD = 5;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Room kept free of the diagram when framing, CSS pixels: the lane names' gutter and the region names' band (see Captions). */
export interface Reserve {
  left: number;
  top: number;
}

const NO_RESERVE: Reserve = { left: 0, top: 0 };

/**
 * Zoom and centre that fit `content` into a `width`×`height` view (camera pixels, `ratio` of
 * them per CSS pixel), leaving `reserve` free on the left and top. Pure.
 */
function fitView(
  content: Rect,
  width: number,
  height: number,
  reserve: Reserve = NO_RESERVE,
  ratio = 1,
): { zoom: number; cx: number; cy: number } {
  const w = Math.max(1, content.w);
  const h = Math.max(1, content.h);
  const room = (size: number, taken: number) => Math.max(1, size - (2 * FIT_MARGIN + taken) * ratio);
  const zoom = Math.max(MIN_ZOOM * ratio, Math.min(MAX_FIT_ZOOM * ratio, room(width, reserve.left) / w, room(height, reserve.top) / h));
  // The content's centre goes to the centre of what the reserve leaves of the view.
  return { zoom, cx: content.x + w / 2 - (reserve.left * ratio) / 2 / zoom, cy: content.y + h / 2 - (reserve.top * ratio) / 2 / zoom };
}

export class CameraRig {
  /** Framing the content automatically (until the player takes over). */
  auto = true;
  private content: Rect = { x: 0, y: 0, w: 1, h: 1 };
  /** The part of the canvas left visible by the page's panels (camera pixels); null: all of it. */
  private viewport: Rect | null = null;
  private dragFrom: { x: number; y: number; scrollX: number; scrollY: number } | null = null;
  private reserve: Reserve = NO_RESERVE;
  /** Camera pixels per CSS pixel (the canvas is drawn at device resolution). */
  private ratio = 1;
  dragging = false;

  constructor(private readonly camera: Phaser.Cameras.Scene2D.Camera) {}

  /** Room to keep free for the names beside the diagram (CSS px), and camera pixels per CSS pixel. */
  setReserve(reserve: Reserve, ratio: number): void {
    this.reserve = reserve;
    this.ratio = ratio;
  }

  setContent(content: Rect, snap: boolean): void {
    this.content = content;
    if (snap && this.auto) this.frame(1);
  }

  /** Frames into this part of the canvas from now on (the page's panels cover the rest). */
  setViewport(viewport: Rect | null): void {
    this.viewport = viewport !== null && viewport.w > 1 && viewport.h > 1 ? viewport : null;
  }

  /** Frames everything again and resumes automatic framing. */
  reset(): void {
    this.auto = true;
  }

  update(dtMs: number): void {
    if (this.auto) this.frame(1 - Math.exp(-dtMs / 180));
  }

  pointerDown(x: number, y: number): void {
    this.dragFrom = { x, y, scrollX: this.camera.scrollX, scrollY: this.camera.scrollY };
    this.dragging = false;
  }

  pointerMove(x: number, y: number, down: boolean): void {
    const from = this.dragFrom;
    if (from === null || !down) return;
    if (!this.dragging && Math.hypot(x - from.x, y - from.y) < DRAG_THRESHOLD) return;
    this.dragging = true;
    this.auto = false;
    const zoom = this.camera.zoom;
    this.camera.setScroll(from.scrollX - (x - from.x) / zoom, from.scrollY - (y - from.y) / zoom);
  }

  /** Ends a press; true when it was a click (no drag). */
  pointerUp(): boolean {
    const click = this.dragFrom !== null && !this.dragging;
    this.dragFrom = null;
    this.dragging = false;
    return click;
  }

  /** Zooms by the wheel about the screen point (x, y). */
  wheel(x: number, y: number, deltaY: number): void {
    const camera = this.camera;
    this.auto = false;
    const zoom = Math.max(MIN_ZOOM * this.ratio, Math.min(MAX_ZOOM * this.ratio, camera.zoom * Math.exp(-deltaY * 0.0015)));
    // Zoom happens about the view's centre: keep the world point under the pointer where it was.
    const hw = camera.width / 2;
    const hh = camera.height / 2;
    const wx = (x - hw) / camera.zoom + hw + camera.scrollX;
    const wy = (y - hh) / camera.zoom + hh + camera.scrollY;
    camera.setZoom(zoom);
    camera.setScroll(wx - (x - hw) / zoom - hw, wy - (y - hh) / zoom - hh);
  }

  private frame(amount: number): void {
    const camera = this.camera;
    const view = this.viewport ?? { x: 0, y: 0, w: camera.width, h: camera.height };
    const target = fitView(this.content, view.w, view.h, this.reserve, this.ratio);
    const zoom = camera.zoom + (target.zoom - camera.zoom) * amount;
    camera.setZoom(zoom);
    // The content's centre goes to the viewport's centre, which may be off the canvas's centre.
    const cx = target.cx + (camera.width / 2 - (view.x + view.w / 2)) / zoom;
    const cy = target.cy + (camera.height / 2 - (view.y + view.h / 2)) / zoom;
    const midX = camera.scrollX + camera.width / 2;
    const midY = camera.scrollY + camera.height / 2;
    camera.centerOn(midX + (cx - midX) * amount, midY + (cy - midY) * amount);
  }
}
