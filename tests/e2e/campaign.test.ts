/**
 * The campaign in a real browser against the real server: the map on the start screen (every
 * chapter, only the first open for a new browser), chapter 1 played to a win through the UI as a
 * newcomer plays it (the briefing, then the guide's five steps: buy, select, the database on the
 * box, users' entry, speed), the result screen with its stars and what the next star needs, the
 * debrief with the commands and the checklist, and back on the map the stars kept and chapter 2
 * open. Once in English at 1280×720 and once in Korean at 1920×1080, with screenshots of each
 * screen at both sizes in test-results/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chapters } from '../../shared/campaign';
import { chromiumAvailable, SCREENSHOTS, useGame } from './browser';

const enabled = chromiumAvailable();

const step = (page: Page, name: string) => page.locator(`[data-tutorial-step="${name}"]`).waitFor({ timeout: 20_000 });

/** Plays chapter 1 from the map to its result, following the guide; takes the screenshots named `shot-…`. */
async function playChapterOne(page: Page, shot: (name: string) => Promise<void>): Promise<void> {
  const list = page.locator('.su-chapter');
  await expect.poll(() => list.count()).toBe(chapters().length);
  await expect.poll(() => page.locator('.su-chapter:not([disabled])').count(), { timeout: 10_000 }).toBe(1);
  expect(await list.nth(1).locator('.su-chapter-lock').count()).toBe(1);
  await shot('map');

  await list.first().click();
  const briefing = page.locator('.su-briefing');
  await briefing.waitFor({ timeout: 30_000 });
  // The briefing holds the clock.
  await page.waitForFunction(() => window.scaleUp?.client.game.get()?.clock.paused === true, undefined, { timeout: 10_000 });
  await shot('briefing');
  await briefing.locator('.su-btn-primary').click();

  await step(page, 'buy');
  await page.locator('.su-card[data-kind="web"] .su-card-foot button.su-btn-primary').click();
  await step(page, 'select');
  await shot('guide');
  await page.locator('.su-system-item[data-component^="web-"]').click();
  await step(page, 'database');
  // A controlled checkbox: it shows the new state once the server has applied the command.
  await page.locator('[data-setting="colocatedDb"] input').click();
  await step(page, 'entry');
  await page.locator('[data-entry-make]').click();
  await step(page, 'speed');
  await page.evaluate(() => window.scaleUp?.client.control({ action: 'speed', speed: 32 }));
  await page.locator('[data-tutorial-step]').waitFor({ state: 'detached', timeout: 10_000 });

  const result = page.locator('.su-chapter-result[data-outcome="won"]');
  await result.waitFor({ timeout: 90_000 });
  const stars = Number(await result.locator('[data-stars]').getAttribute('data-stars'));
  expect(stars).toBeGreaterThanOrEqual(1);
  // Every goal is listed with the value reached; the line above says what the next star needs.
  expect(await result.locator('.su-result-goal').count()).toBe(
    chapters()[0]!.goals.length + chapters()[0]!.stars[0].length + chapters()[0]!.stars[1].length,
  );
  expect((await result.locator('.su-result-next').innerText()).length).toBeGreaterThan(10);
  await shot('result');

  await result.getByRole('button', { name: /Debrief|디브리핑/ }).click();
  const debrief = page.locator('.su-debrief');
  await debrief.locator('.su-debrief-table').waitFor({ timeout: 30_000 });
  expect(await debrief.locator('.su-debrief-table tbody tr').count()).toBe(3);
  expect(await debrief.locator('.su-checklist li').count()).toBe(8);
  expect(await debrief.locator('.su-charts canvas').count()).toBeGreaterThanOrEqual(5);
  await shot('debrief');
  await debrief.locator('.su-debrief-head button').click();

  await result.getByRole('button', { name: /Campaign map|캠페인 지도/ }).click();
  await expect.poll(() => page.locator('.su-chapter:not([disabled])').count(), { timeout: 10_000 }).toBe(2);
  expect(await page.locator('.su-chapter').first().locator('.su-star-on').count()).toBe(stars);
}

describe.skipIf(!enabled)('the campaign in Chromium', () => {
  const game = useGame();

  for (const { width, height, locale, lang } of [
    { width: 1280, height: 720, locale: 'en-US', lang: 'en' },
    { width: 1920, height: 1080, locale: 'ko-KR', lang: 'ko' },
  ]) {
    it(`chapter 1 from the map to a win and its debrief (${lang}, ${width}×${height})`, { timeout: 180_000 }, async () => {
      const errors: string[] = [];
      const page = await game.openGame({ viewport: { width, height }, locale, errors });
      // Each screen at both sizes: the test's own, then the other one for a moment.
      const other = width === 1280 ? { width: 1920, height: 1080 } : { width: 1280, height: 720 };
      const shot = async (name: string) => {
        await page.screenshot({ path: join(SCREENSHOTS, `campaign-${name}-${width}x${height}-${lang}.png`) });
        await page.setViewportSize(other);
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(SCREENSHOTS, `campaign-${name}-${other.width}x${other.height}-${lang}.png`) });
        await page.setViewportSize({ width, height });
        await page.waitForTimeout(300);
      };
      await playChapterOne(page, shot);
      await shot('map-after');
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
