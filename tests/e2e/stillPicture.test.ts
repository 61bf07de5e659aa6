/**
 * The diagram's still picture in a real browser: once the game runs, the cards, panels and lines
 * are shown by a page element under the WebGL canvas (read back from WebGL 2), and the canvas
 * itself is transparent where a still card is, so nothing is drawn twice. Pixels are read in the
 * page: the picture through a 2D canvas it is drawn into, the WebGL canvas as last presented.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, startSandbox, useGame } from './browser';

const enabled = chromiumAvailable();

/**
 * Runs in the page: along each card's middle row, how far the picture's brightest pixel is from
 * the background (its name and icon are light on a dark card) and the WebGL canvas's largest alpha.
 */
function sampleCards(): { background: number[]; cards: Array<{ id: string; contrast: number; canvasAlpha: number }> } | null {
  const hooks = window.scaleUp;
  const still = document.querySelector<HTMLCanvasElement>('#diagram canvas.su-diagram-still');
  const scene = hooks?.describeDiagram() ?? null;
  if (hooks === undefined || still === null || scene === null || getComputedStyle(still).visibility !== 'visible') return null;
  const canvas = hooks.diagram.canvas;
  const box = canvas.getBoundingClientRect();
  const toPixel = (x: number, y: number) => ({
    x: Math.round(((x - box.left) * canvas.width) / box.width),
    y: Math.round(((y - box.top) * canvas.height) / box.height),
  });
  const read = (source: CanvasImageSource) => {
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(source, 0, 0);
    return (x: number, y: number, w = 1) => context.getImageData(x, y, w, 1).data;
  };
  const picture = read(still);
  const live = read(canvas);
  const corner = toPixel(box.left + 2, box.bottom - 2);
  const background = [...picture(corner.x, corner.y)];
  return {
    background,
    cards: scene.cards.map((card) => {
      const from = toPixel(card.rect.x + 2, card.rect.y + card.rect.h / 2);
      const to = toPixel(card.rect.x + card.rect.w - 2, card.rect.y + card.rect.h / 2);
      const row = picture(from.x, from.y, to.x - from.x);
      const alphas = live(from.x, from.y, to.x - from.x);
      let contrast = 0;
      let canvasAlpha = 0;
      for (let i = 0; i < row.length; i += 4) {
        for (let c = 0; c < 3; c++) contrast = Math.max(contrast, Math.abs(row[i + c]! - background[c]!));
        canvasAlpha = Math.max(canvasAlpha, alphas[i + 3]!);
      }
      return { id: card.id, contrast, canvasAlpha };
    }),
  };
}

describe.skipIf(!enabled)('the still picture under the diagram', () => {
  const game = useGame();

  it('shows every still card, and the WebGL canvas leaves them to it', { timeout: 120_000 }, async () => {
    const errors: string[] = [];
    const page = await game.openGame({ viewport: { width: 1280, height: 720 }, locale: 'en-US', errors });
    try {
      await startSandbox(page);
      // A few components, wired, so that there are cards, lines and traffic.
      await page.evaluate(async () => {
        const { client } = window.scaleUp!;
        for (const command of [
          { type: 'buy', kind: 'lb', region: 'ap' },
          { type: 'buy', kind: 'db', region: 'ap', engine: 'rdbms' },
        ] as const) {
          client.send(command);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      });
      await expect
        .poll(() => page.evaluate(() => window.scaleUp?.describeDiagram()?.cards.length ?? 0), { timeout: 20_000 })
        .toBeGreaterThanOrEqual(8);
      // The picture comes once the camera has settled and the texture has been read back.
      await expect.poll(() => page.evaluate(sampleCards), { timeout: 20_000 }).not.toBeNull();
      const sample = (await page.evaluate(sampleCards))!;
      expect(sample.cards.length).toBeGreaterThanOrEqual(8);
      // The picture is opaque, and every card shows its light name or icon on it.
      expect(sample.background[3]).toBe(255);
      expect(sample.cards.filter((c) => c.contrast < 60).map((c) => `${c.id}: ${c.contrast}`)).toEqual([]);
      // Still cards are not drawn again by the canvas (a new or animating card may be, for a moment).
      const drawnTwice = sample.cards.filter((c) => c.canvasAlpha > 0);
      expect(drawnTwice.length).toBeLessThanOrEqual(2);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
