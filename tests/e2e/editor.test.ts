/**
 * An instructor writes a scenario in Chromium: from the start screen into the editor, the sandbox
 * loaded, its name and a region's name (both languages), users and market changed, the traffic preview
 * following; a field made invalid is named with its reason in English and in Korean, then fixed;
 * the scenario saved as a file and opened again unchanged, saved on the server, and played solo
 * (the room runs it: its id, the region's new name, the changed users); back in the editor, it is
 * listed among this browser's saved scenarios and loads from there; "Run as workshop" opens the
 * workshop's setup with it chosen. Screenshots at 1280×720 and 1920×1080 in both languages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, SCREENSHOTS, useGame } from './browser';

const enabled = chromiumAvailable();

describe.skipIf(!enabled)('the scenario editor in Chromium', () => {
  const game = useGame();
  const errors: string[] = [];

  const peakUsers = (page: Page) => page.locator('.su-ed-preview').getAttribute('data-peak-users');
  const field = (page: Page, path: string) => page.locator(`.su-ed-form [data-path="${path}"]`);
  const tab = (page: Page, id: string) => page.locator(`[data-tab="${id}"]`).click();

  async function openEditor(width: number, height: number, locale: string): Promise<Page> {
    const page = await game.openGame({ viewport: { width, height }, locale, errors });
    await page.locator('[data-start-view="editor"]').click();
    await page.locator('[data-editor]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/editor');
    return page;
  }

  it('writes, checks, previews, saves and plays a scenario', async () => {
    const page = await openEditor(1280, 720, 'en-US');
    await page.locator('[data-field="source"]').selectOption('sandbox');
    await page.locator('[data-action="load"]').click();
    await expect.poll(() => peakUsers(page), { timeout: 10_000 }).toMatch(/^\d+$/);
    const before = Number(await peakUsers(page));

    // The name in both languages, then Asia Pacific's users and market.
    await field(page, 'name.en').fill('Tuesday class');
    await field(page, 'name.ko').fill('화요일 수업');
    await expect.poll(() => page.locator('[data-scenario-name]').textContent()).toBe('Tuesday class');
    await tab(page, 'regions');
    await field(page, 'regions.0.name.en').fill('Seoul campus');
    await field(page, 'regions.0.name.ko').fill('서울 캠퍼스');
    await field(page, 'regions.0.initialUsers').fill('4000');
    await field(page, 'regions.0.marketSize').fill('5000');
    // Asia Pacific can no longer grow past 5,000: a week's peak falls well below the sandbox's.
    await expect.poll(async () => Number(await peakUsers(page)), { timeout: 10_000 }).toBeLessThan(before / 2);
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-regions-1280-en.png') });

    // North America's market made zero: named and explained, in English and in Korean.
    await field(page, 'regions.1.marketSize').fill('0');
    const problem = page.locator('[data-issues="local"] [data-issue-path="regions.1.marketSize"]');
    await expect.poll(() => problem.textContent()).toBe('Region 2 (North America) — Market size must be more than 0');
    expect(await field(page, 'regions.1.marketSize').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-tab="regions"] .su-ed-tab-count').textContent()).toBe('1');
    expect(await page.locator('[data-action="save-server"]').isDisabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-problem-1280-en.png') });
    await page.locator('.su-ed-top .su-lang button[lang="ko"]').click();
    await expect.poll(() => problem.textContent()).toBe('지역 2 (북미)의 시장 규모 0보다 커야 합니다');
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-problem-1280-ko.png') });
    await page.locator('.su-ed-top .su-lang button[lang="en"]').click();
    // The problem leads to its field.
    await tab(page, 'general');
    await problem.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('regions.1.marketSize');
    await field(page, 'regions.1.marketSize').fill('2000000');
    await page.locator('[data-check="ok"]').waitFor();

    // Saved as a file, opened again: the same text, and nothing to save.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="save-file"]').click()]);
    expect(download.suggestedFilename()).toBe('my-sandbox.json');
    const path = join(SCREENSHOTS, 'editor-my-sandbox.json');
    await download.saveAs(path);
    const text = readFileSync(path, 'utf8');
    const doc = JSON.parse(text) as {
      name: { en: string; ko: string };
      regions: Array<{ name: { en: string; ko: string }; initialUsers: number; marketSize: number }>;
    };
    expect(text).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(doc.name).toEqual({ en: 'Tuesday class', ko: '화요일 수업' });
    expect(doc.regions[0]!.name).toEqual({ en: 'Seoul campus', ko: '서울 캠퍼스' });
    expect(doc.regions.map((r) => [r.initialUsers, r.marketSize])).toEqual([
      [4000, 5000],
      [200, 2000000],
      [120, 1500000],
    ]);
    await page.locator('[data-scenario-file]').setInputFiles(path);
    await expect.poll(() => page.locator('.su-ed-origin').textContent()).toBe('File: editor-my-sandbox.json');
    await tab(page, 'json');
    expect(await page.locator('.su-ed-source').inputValue()).toBe(text);
    const [again] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="save-file"]').click()]);
    const againPath = join(SCREENSHOTS, 'editor-my-sandbox-again.json');
    await again.saveAs(againPath);
    expect(readFileSync(againPath, 'utf8')).toBe(text);

    // On the server: an id and a link; the server keeps the text sent.
    expect(await page.locator('[data-action="play-solo"]').isDisabled()).toBe(true);
    await page.locator('[data-action="save-server"]').click();
    const saved = page.locator('[data-saved-id]');
    await saved.waitFor();
    const id = (await saved.getAttribute('data-saved-id')) ?? '';
    expect(id).toMatch(/^custom-[0-9a-f]{12}$/);
    expect(await saved.locator('a').getAttribute('href')).toBe(`${game.url}/editor?scenario=${id}`);
    const stored = (await (await fetch(`${game.url}/api/scenarios/${id}`)).json()) as { scenario: unknown };
    expect(`${JSON.stringify(stored.scenario, null, 2)}\n`).toBe(text);
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-saved-1280-en.png') });

    // Played solo: the room runs the saved scenario, with its region's new name and its 4,320 users at the start.
    await page.locator('[data-action="play-solo"]').click();
    await page.waitForFunction(() => (window.scaleUp?.client.game.get() ?? null) !== null, undefined, { timeout: 30_000 });
    await page.locator('.su-goals').waitFor({ timeout: 30_000 });
    const running = await page.evaluate(() => {
      const model = window.scaleUp!.client.game.get()!;
      return { scenario: model.scenario, dau: model.teams[model.me.team ?? '']?.users.dau ?? null };
    });
    expect(running.scenario).toBe(id);
    // 4,320 at the start, read to two significant figures without business metrics; the one small
    // server cannot serve them all, so some leave as the game runs (the sandbox would have 1,100).
    expect(running.dau).toBeGreaterThanOrEqual(3500);
    expect(running.dau).toBeLessThanOrEqual(4300);
    await expect.poll(() => page.locator('.su-build .su-region option').first().textContent(), { timeout: 10_000 }).toBe('Seoul campus');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SCREENSHOTS, 'editor-solo-1280-en.png') });

    // Leaving the game goes back to the editor; "Run as workshop" opens the setup with it chosen.
    await page.evaluate(() => window.scaleUp!.client.leave());
    await page.locator('[data-editor]').waitFor();
    // It is listed among this browser's saved scenarios, and loads from there ready to play.
    await page.locator('[data-field="source"]').selectOption(id);
    await page.locator('[data-action="load"]').click();
    await expect.poll(() => page.locator('.su-ed-origin').textContent()).toBe(`Saved on the server: ${id}`);
    expect(await page.locator('[data-action="play-solo"]').isDisabled()).toBe(false);
    await page.locator('[data-action="run-workshop"]').click();
    await expect.poll(() => page.locator('.su-ws-setup [data-field="scenario"]').inputValue()).toBe(id);
    await expect.poll(() => page.locator('.su-ws-about').textContent()).toContain('One server runs everything');
    await page.close();
    expect(errors).toEqual([]);
  }, 120_000);

  it.each([
    [1280, 720, 'en'],
    [1920, 1080, 'en'],
    [1280, 720, 'ko'],
    [1920, 1080, 'ko'],
  ])('lays out at %i×%i in %s', async (width, height, lang) => {
    const page = await openEditor(width, height, lang === 'ko' ? 'ko-KR' : 'en-US');
    await expect.poll(() => peakUsers(page), { timeout: 10_000 }).toMatch(/^\d+$/);
    for (const id of ['general', 'regions', 'incidents', 'topology']) {
      await tab(page, id);
      if (id === 'incidents') await page.locator('[data-action="add-incident"]').click();
      // Nothing of the editor is below 11 px or wider than the window.
      const problems = await page.evaluate(() => {
        const found: string[] = [];
        for (const el of document.querySelectorAll<HTMLElement>('.su-editor *')) {
          const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
          if (!own || el.getClientRects().length === 0) continue;
          if (parseFloat(getComputedStyle(el).fontSize) < 11) found.push(`${el.className}: small text`);
        }
        if (document.documentElement.scrollWidth > window.innerWidth) found.push('page wider than the window');
        return found;
      });
      expect(problems).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `editor-${id}-${width}-${lang}.png`) });
    }
    await page.close();
    expect(errors).toEqual([]);
  });
});
