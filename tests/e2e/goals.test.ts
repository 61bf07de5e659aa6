/**
 * A newcomer's sandbox in a real browser: the goals panel (objectives, fog of war) and the first
 * hint are on screen beside the diagram, not over its middle; following the hint shows the next
 * one; the checklist tab lists the eight items; a concept card pauses the solo game and closing
 * it resumes. Screenshots at 1280×720 and 1920×1080, in English and Korean, go to test-results/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, SCREENSHOTS, startSandbox, useGame } from './browser';

const enabled = chromiumAvailable();

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.skipIf(!enabled)('a newcomer’s goals and hints in Chromium', () => {
  const game = useGame();
  const errors: string[] = [];

  async function sandboxAt(width: number, height: number, locale: string): Promise<Page> {
    const page = await game.openGame({ viewport: { width, height }, locale, errors });
    await startSandbox(page);
    return page;
  }

  const clock = (page: Page) => page.evaluate(() => window.scaleUp?.client.game.get()?.clock ?? null);

  /** The goals and the hint sit beside the diagram: nothing of them over the stage, no text under 11 px, nothing cut off. */
  async function checkLayout(page: Page): Promise<void> {
    const stage = (await page.locator('.su-stage').boundingBox())!;
    for (const selector of ['.su-side-top', '.su-hint', '.su-goals']) {
      const box = await page.locator(selector).boundingBox();
      if (box !== null) expect(overlaps(box, stage), `${selector} over the diagram`).toBe(false);
    }
    const problems = await page.evaluate(() => {
      const found: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('.su-side-top *, .su-feed *')) {
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        if (!own || el.getClientRects().length === 0) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < 11) found.push(`${el.className}: ${size}px`);
        if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible') found.push(`${el.className}: cut off`);
      }
      return found;
    });
    expect(problems).toEqual([]);
  }

  it.each([
    [1280, 720, 'en'],
    [1920, 1080, 'en'],
    [1280, 720, 'ko'],
    [1920, 1080, 'ko'],
  ] as const)('shows the goals and the first hint at %i×%i (%s), beside the diagram', { timeout: 120_000 }, async (width, height, lang) => {
    const page = await sandboxAt(width, height, lang === 'ko' ? 'ko-KR' : 'en-US');
    if (lang === 'ko' && (await page.evaluate(() => document.documentElement.lang)) !== 'ko')
      await page.getByRole('button', { name: '한국어' }).first().click();
    const hint = page.locator('.su-hint[data-hint="separateDb"]');
    await hint.waitFor();
    await expect.poll(() => hint.innerText(), { timeout: 10_000 }).toContain(lang === 'en' ? 'Buy a Database' : '데이터베이스를 사서');
    // The sandbox's objectives: availability and latency, unknown until aggregated metrics.
    await expect
      .poll(() => page.locator('[data-objective]').evaluateAll((els) => els.map((el) => el.getAttribute('data-objective'))), {
        timeout: 10_000,
      })
      .toEqual(['availability', 'latency']);
    expect(await page.locator('.su-goal-unknown').count()).toBe(2);
    await expect
      .poll(() => page.locator('.su-goals').innerText(), { timeout: 10_000 })
      .toContain(lang === 'en' ? 'Aggregated metrics' : '종합 메트릭');
    await expect
      .poll(() => page.locator('.su-goals-description').innerText(), { timeout: 10_000 })
      .toContain(lang === 'en' ? 'One server runs everything' : '서버 한 대가');
    await page.waitForTimeout(1500);
    await checkLayout(page);
    await page.screenshot({ path: join(SCREENSHOTS, `goals-${width}x${height}-${lang}.png`) });
    // The checklist tab: the eight items, none done yet.
    await page.locator('#su-goals-tab-checklist').click();
    expect(await page.locator('.su-clitem').count()).toBe(8);
    expect(await page.locator('.su-clitem-done').count()).toBe(0);
    await checkLayout(page);
    await page.screenshot({ path: join(SCREENSHOTS, `checklist-${width}x${height}-${lang}.png`) });
    await page.locator('#su-goals-tab-goals').click();
    await page.close();
  });

  it('follows the first hint and sees the next one', { timeout: 120_000 }, async () => {
    const page = await sandboxAt(1280, 720, 'en-US');
    await page.locator('.su-hint[data-hint="separateDb"]').waitFor();
    await page.getByRole('button', { name: 'Buy Database' }).click();
    const next = page.locator('.su-hint[data-hint="connectDb"]');
    await next.waitFor({ timeout: 10_000 });
    expect(await next.innerText()).toMatch(/Select Web server 1 and, under Connections, connect it to Database 2/);
    await page.screenshot({ path: join(SCREENSHOTS, 'goals-next-hint.png') });
    // Doing that too: the hint moves on to waiting for the database, then past the first idea.
    await page.locator('.su-system-item', { hasText: 'Web server 1' }).click();
    const target = page.getByRole('combobox', { name: 'Component to connect to' });
    await target.selectOption({ label: await target.locator('option', { hasText: 'Database 2' }).first().innerText() });
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.locator('.su-hint[data-hint="waitDb"], .su-hint[data-hint="buyLb"]').first().waitFor({ timeout: 10_000 });
    await checkLayout(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'goals-inspecting.png') });
    // A hint set aside stays away, and can be brought back.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Dismiss this hint' }).click();
    expect(await page.locator('.su-hint').count()).toBe(0);
    await page.getByRole('button', { name: 'Show the next step' }).click();
    await page.locator('.su-hint').waitFor();
    await page.close();
  });

  it('pauses the solo game while a concept card is open, and resumes it on close', { timeout: 120_000 }, async () => {
    const page = await sandboxAt(1280, 720, 'en-US');
    await page.locator('.su-hint').waitFor();
    await expect.poll(async () => (await clock(page))?.paused, { timeout: 10_000 }).toBe(false);
    await page.locator('.su-hint .su-concept-link').click();
    await page.getByRole('dialog').waitFor();
    await expect.poll(async () => (await clock(page))?.paused, { timeout: 10_000 }).toBe(true);
    const tick = (await clock(page))!.tick;
    await page.waitForTimeout(800);
    expect((await clock(page))!.tick).toBe(tick);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await clock(page))?.paused, { timeout: 10_000 }).toBe(false);
    await expect.poll(async () => (await clock(page))!.tick, { timeout: 10_000 }).toBeGreaterThan(tick);
    // A game the player paused stays paused after a card.
    await page.locator('body').click({ position: { x: 640, y: 300 } });
    await page.keyboard.press('Space');
    await expect.poll(async () => (await clock(page))?.paused, { timeout: 10_000 }).toBe(true);
    await page.locator('.su-hint .su-concept-link').click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(800);
    expect((await clock(page))?.paused).toBe(true);
    await page.close();
    expect(errors).toEqual([]);
  });
});
