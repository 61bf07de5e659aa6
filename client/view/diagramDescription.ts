/**
 * What the diagram shows, in page terms, for the browser tests and the dev page: each card with
 * its drawn title and font, where it is on the page (CSS pixels) and the texts on it with their
 * size on screen, the lane and region names, the edges, and the dots drawn.
 */
import type Phaser from 'phaser';
import type { NodeCard } from './NodeCard';

export interface DiagramDescription {
  /**
   * Every card: its drawn name and font, where it is on the page (CSS px), whether it is drawn in
   * full or as a far-view tile, and the texts on it with their size on screen (CSS px).
   */
  cards: Array<{
    id: string;
    text: string;
    fontFamily: string;
    rect: { x: number; y: number; w: number; h: number };
    detail: 'full' | 'tile';
    texts: Array<{ text: string; px: number }>;
  }>;
  /** The lane and region names shown, with their size on screen (CSS px). */
  labels: Array<{ text: string; px: number }>;
  /** CSS pixels per world pixel. */
  zoom: number;
  /** Edge ids, `from>to`. */
  edges: string[];
  dots: number;
  /** Whether the last frame was drawn with reduced effects. */
  reducedEffects: boolean;
}

/** What the scene hands over to be described. */
interface DescribedScene {
  camera: Phaser.Cameras.Scene2D.Camera;
  canvas: HTMLCanvasElement;
  /** The canvas's width in camera pixels. */
  width: number;
  cards: Iterable<NodeCard>;
  /** The scene's layers by name: a card's text counts only while its layer is shown. */
  shownLayers: Record<'text' | 'detail', { visible: boolean }>;
  labels: DiagramDescription['labels'];
  edges: string[];
  dots: number;
  reducedEffects: boolean;
}

export function describeDiagram(scene: DescribedScene): DiagramDescription {
  const cam = scene.camera;
  const canvas = scene.canvas.getBoundingClientRect();
  const toCss = canvas.width > 0 ? canvas.width / scene.width : 1;
  const screen = (x: number, y: number) => ({
    x: canvas.left + ((x - cam.scrollX - cam.width / 2) * cam.zoom + cam.width / 2) * toCss,
    y: canvas.top + ((y - cam.scrollY - cam.height / 2) * cam.zoom + cam.height / 2) * toCss,
  });
  const cards = [...scene.cards].map((card) => {
    const b = card.bounds;
    const topLeft = screen(b.x, b.y);
    const bottomRight = screen(b.x + b.w, b.y + b.h);
    const shown = card.describe();
    const texts = shown.texts
      .filter((t) => scene.shownLayers[t.layer].visible)
      .map((t) => ({ text: t.text, px: t.size * cam.zoom * toCss }));
    return {
      id: card.id,
      ...card.drawnTitle,
      rect: { x: topLeft.x, y: topLeft.y, w: bottomRight.x - topLeft.x, h: bottomRight.y - topLeft.y },
      detail: shown.detail,
      texts,
    };
  });
  return {
    cards,
    labels: scene.labels,
    zoom: cam.zoom * toCss,
    edges: scene.edges,
    dots: scene.dots,
    reducedEffects: scene.reducedEffects,
  };
}
