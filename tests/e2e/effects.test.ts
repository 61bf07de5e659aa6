/**
 * Reduced effects in a real browser: the ● button in the diagram's corner switches them on and
 * off (the diagram follows, the choice survives a reload), and a page whose frames stay slow (the
 * main thread held up 55 ms in every frame, as on a laptop without a GPU) switches them on by
 * itself after about ten seconds, with a notice whose "Turn off" undoes it for good.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, SCREENSHOTS, startSandbox, useGame } from './browser';

const enabled = chromiumAvailable();

const STORAGE_KEY = 'scale-up:reduced-effects';

describe.skipIf(!enabled)('reduced effects', () => {
  const game = useGame();
  const drawnReduced = (page: Page) => page.evaluate(() => window.scaleUp?.describeDiagram()?.reducedEffects ?? null);
  const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  const button = (page: Page) => page.locator('.su-effects-btn');

  it('the diagram corner button switches them, and the choice is remembered', { timeout: 120_000 }, async () => {
    const errors: string[] = [];
    const page = await game.openGame({ viewport: { width: 1280, height: 720 }, locale: 'en-US', errors });
    try {
      await startSandbox(page);
      await expect.poll(() => drawnReduced(page), { timeout: 20_000 }).toBe(false);
      // The button lies inside the stage (the diagram's free area), not in the header.
      const inStage = await page.evaluate(() => {
        const stage = document.querySelector('.su-stage')!.getBoundingClientRect();
        const b = document.querySelector('.su-effects-btn')!.getBoundingClientRect();
        const header = document.querySelector('.su-header')!;
        return {
          inside: b.left >= stage.left && b.right <= stage.right && b.top >= stage.top && b.bottom <= stage.bottom,
          inHeader: header.contains(document.querySelector('.su-effects-btn')),
        };
      });
      expect(inStage).toEqual({ inside: true, inHeader: false });
      expect(await button(page).textContent()).toBe('Reduced effects');

      await button(page).click();
      expect(await button(page).getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => drawnReduced(page), { timeout: 10_000 }).toBe(true);
      expect(await stored(page)).toBe('on');
      await page.screenshot({ path: join(SCREENSHOTS, 'effects-on-1280x720-en.png') });

      // A reload comes back into the same game.
      await page.reload();
      await page.locator('.su-goals').waitFor({ timeout: 30_000 });
      await expect.poll(() => drawnReduced(page), { timeout: 20_000 }).toBe(true);
      expect(await button(page).getAttribute('aria-pressed')).toBe('true');

      await button(page).click();
      await expect.poll(() => drawnReduced(page), { timeout: 10_000 }).toBe(false);
      expect(await stored(page)).toBe('off');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('slow frames switch them on by themselves, with a notice that can undo it', { timeout: 120_000 }, async () => {
    const errors: string[] = [];
    const page = await game.openGame({ viewport: { width: 1920, height: 1080 }, locale: 'ko-KR', errors });
    try {
      await startSandbox(page);
      await expect.poll(() => drawnReduced(page), { timeout: 20_000 }).toBe(false);
      expect(await stored(page)).toBeNull();
      // Every frame held up 55 ms: under 20 fps, whatever the machine.
      await page.evaluate(() => {
        const hold = () => {
          const until = performance.now() + 55;
          while (performance.now() < until) {
            // the main thread is busy, as a slow laptop's would be
          }
          if (document.querySelector('.su-effects-notice') === null) requestAnimationFrame(hold);
        };
        requestAnimationFrame(hold);
      });
      // Five low 2-second windows in a row: about ten seconds, allowed twice that on a loaded machine.
      const started = Date.now();
      await page.locator('.su-effects-notice').waitFor({ timeout: 40_000 });
      const waitedMs = Date.now() - started;
      expect(waitedMs).toBeGreaterThanOrEqual(9_000);
      expect(await drawnReduced(page)).toBe(true);
      expect(await button(page).getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('.su-effects-notice p').textContent()).toMatch(/[가-힣]/);
      await page.screenshot({ path: join(SCREENSHOTS, 'effects-notice-1920x1080-ko.png') });

      await page.locator('.su-effects-notice button').first().click();
      await expect.poll(() => drawnReduced(page), { timeout: 10_000 }).toBe(false);
      expect(await page.locator('.su-effects-notice').count()).toBe(0);
      // Chosen now: a slow stretch later does not switch them on again.
      expect(await stored(page)).toBe('off');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
