/**
 * "What if" in a real browser against the real server. In English at 1280×720: a new sandbox asks
 * what buying a cache would do, wired to its web server; the panel shows both futures of each
 * figure the team can see (money, users, complaints), says that availability and latency need
 * aggregated metrics, and that random failures are left out. Once the metrics are bought the
 * forecast is asked again and shows availability and latency with the objective; "Do it" buys the
 * cache and connects the web server to the id it really got. The replay of that game has no
 * build panel and no "what if". In Korean at 1920×1080: the inspector asks about another size,
 * the build panel adds a cache to the same plan, and the panel speaks Korean. Screenshots at both
 * sizes go to test-results/shots/forecast/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, SCREENSHOTS, startSandbox, useGame } from './browser';

const enabled = chromiumAvailable();
const SHOTS = join(SCREENSHOTS, 'shots', 'forecast');

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** The forecast panel's smallest text, and its texts that stick out of the panel sideways. */
function panelLayout(page: Page): Promise<{ smallest: number; outside: string[] }> {
  return page.evaluate(() => {
    const panel = document.querySelector('.su-forecast');
    if (panel === null) return { smallest: 0, outside: ['no panel'] };
    const box = panel.getBoundingClientRect();
    let smallest = Infinity;
    const outside: string[] = [];
    for (const el of panel.querySelectorAll<HTMLElement>('*')) {
      const text = [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
      const rect = el.getBoundingClientRect();
      if (!text || rect.width === 0) continue;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
      if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5) outside.push(el.textContent ?? '');
    }
    return { smallest, outside };
  });
}

/** Screenshots at both sizes (the test's own last), the panel's texts checked at each. */
async function shots(page: Page, name: string, lang: string): Promise<void> {
  const own = page.viewportSize();
  for (const size of [...SIZES.filter((s) => s.width !== own?.width), ...SIZES.filter((s) => s.width === own?.width)]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, `${name}-${size.width}x${size.height}-${lang}.png`) });
    const layout = await panelLayout(page);
    expect(layout.smallest, `${name} ${size.width}x${size.height}`).toBeGreaterThanOrEqual(11);
    expect(layout.outside, `${name} ${size.width}x${size.height}`).toEqual([]);
  }
}

/** Waits for an answer to the forecast on screen (not the last one, faded, while the next is asked). */
async function answered(page: Page): Promise<void> {
  await page.locator('.su-forecast[data-state="ready"]').waitFor({ timeout: 30_000 });
}

/** The figures drawn, each with how many lines its chart has and whether uPlot drew a canvas. */
function figures(page: Page): Promise<Array<{ figure: string; lines: string; canvas: boolean }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.su-forecast [data-forecast-chart]')].map((el) => ({
      figure: el.getAttribute('data-forecast-chart') ?? '',
      lines: el.getAttribute('data-lines') ?? '',
      canvas: el.querySelector('canvas') !== null,
    })),
  );
}

function team(page: Page) {
  return page.evaluate(() => {
    const view = window.scaleUp?.client.game.get()?.teams.solo;
    return view === undefined
      ? null
      : { features: view.features, components: view.components.map((c) => ({ id: c.id, kind: c.kind, targets: c.targets })) };
  });
}

describe.skipIf(!enabled)('what if, in Chromium', () => {
  const game = useGame();
  mkdirSync(SHOTS, { recursive: true });

  it(
    'forecasts a cache under fog, then with aggregated metrics, and does it; a replay offers none of it',
    { timeout: 180_000 },
    async () => {
      const errors: string[] = [];
      const page = await game.openGame({ viewport: SIZES[0], locale: 'en-US', errors });
      await startSandbox(page);
      await page.evaluate(() => window.scaleUp?.client.control({ action: 'speed', speed: 1 }));

      await page.locator('.su-build li[data-kind="cache"]').getByRole('button', { name: 'What if? Buying Cache' }).click();
      await answered(page);
      const plan = page.locator('.su-forecast-plan li');
      await expect.poll(() => plan.count()).toBe(1);
      expect(await plan.innerText()).toMatch(/Buy a Cache \(Small\) in .+\s*·?\s*Connect Web server 1 → the new Cache/);
      expect(await figures(page)).toEqual([
        { figure: 'complaints', lines: '2', canvas: true },
        { figure: 'money', lines: '2', canvas: true },
        { figure: 'users', lines: '2', canvas: true },
      ]);
      await expect
        .poll(() => page.locator('.su-forecast-fog').innerText())
        .toBe('Buy Aggregated metrics to see availability and latency in forecasts.');
      expect(await page.locator('.su-forecast-fate').innerText()).toBe(
        'Random failures and incidents that have not begun yet are left out.',
      );
      const verdict = await page.locator('.su-forecast-verdict li').allInnerTexts();
      expect(verdict.length).toBeGreaterThanOrEqual(3);
      expect(verdict.some((line) => line.startsWith("Users' complaints at worst:"))).toBe(true);
      expect(verdict.some((line) => line.startsWith('Money at '))).toBe(true);
      await shots(page, 'fog', 'en');

      // The monitoring is bought for real; the forecast is asked again and shows what it reveals.
      await page.getByRole('button', { name: 'Buy Aggregated metrics', exact: true }).click();
      await expect.poll(async () => (await team(page))?.features.aggregatedMetrics, { timeout: 15_000 }).toBe(true);
      await expect
        .poll(async () => (await figures(page)).map((f) => f.figure), { timeout: 30_000 })
        .toEqual(['availability', 'latency', 'money', 'users']);
      await answered(page);
      expect((await figures(page)).map((f) => f.lines)).toEqual(['3', '3', '2', '2']);
      expect(await page.locator('.su-forecast-fog').count()).toBe(0);
      const lines = await page.locator('.su-forecast-verdict li').allInnerTexts();
      expect(lines.some((line) => /^Availability /.test(line))).toBe(true);
      expect(lines.some((line) => /^p95 latency /.test(line))).toBe(true);
      await shots(page, 'metrics', 'en');

      // "Do it" buys the cache and connects the web server to the id the cache really got.
      await page.getByRole('button', { name: 'Do it', exact: true }).click();
      await page.locator('.su-forecast').waitFor({ state: 'detached', timeout: 30_000 });
      await expect
        .poll(
          async () => {
            const now = await team(page);
            const cache = now?.components.find((c) => c.kind === 'cache');
            return cache !== undefined && now!.components.find((c) => c.id === 'web-1')!.targets.includes(cache.id);
          },
          { timeout: 15_000 },
        )
        .toBe(true);
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(SHOTS, 'done-1280x720-en.png') });
      // The inspector asks about the new cache's size and count.
      const cacheId = (await team(page))!.components.find((c) => c.kind === 'cache')!.id;
      await page.locator(`.su-system-item[data-component="${cacheId}"]`).click();
      const whatIf = page.locator('.su-inspector [data-section="whatIf"]');
      await whatIf.waitFor({ timeout: 10_000 });
      expect(await whatIf.locator('select').count()).toBe(2);
      await whatIf.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'inspector-1280x720-en.png') });

      await page.evaluate(() => window.scaleUp?.client.control({ action: 'end' }));
      const id = await page.waitForFunction(() => window.scaleUp?.client.game.get()?.replayId ?? null, undefined, { timeout: 30_000 });
      const replayId = (await id.jsonValue()) as string;
      await page.goto(`${game.url}/replay/${replayId}`);
      await page.waitForFunction(() => window.scaleUp?.replay()?.view.get().phase === 'ready', undefined, { timeout: 60_000 });
      await page.locator('.su-game').waitFor({ timeout: 10_000 });
      expect(await page.locator('.su-dock-left, .su-build, .su-whatif').count()).toBe(0);
      await page.locator('.su-system-item[data-component="web-1"]').click();
      await page.locator('.su-inspector').waitFor({ timeout: 10_000 });
      expect(await page.locator('[data-section="whatIf"], .su-whatif').count()).toBe(0);
      await page.screenshot({ path: join(SHOTS, 'replay-1280x720-en.png') });
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it('asks from the inspector and the build panel together, in Korean', { timeout: 120_000 }, async () => {
    const errors: string[] = [];
    const page = await game.openGame({ viewport: SIZES[1], locale: 'ko-KR', errors });
    await startSandbox(page);
    await page.evaluate(() => window.scaleUp?.client.control({ action: 'speed', speed: 1 }));
    await page.locator('.su-system-item[data-component="web-1"]').click();
    const whatIf = page.locator('.su-inspector [data-section="whatIf"]');
    await whatIf.waitFor({ timeout: 10_000 });
    // A web server hosting its own database stays one box: only its size is asked about.
    expect(await whatIf.locator('select').count()).toBe(1);
    await whatIf.locator('select').selectOption('large');
    await whatIf.getByRole('button', { name: '예측해 보기: 웹 서버 1번 크기를 대형(으)로 변경' }).click();
    await answered(page);
    await page.locator('.su-build li[data-kind="cache"] .su-whatif').click();
    await expect.poll(() => page.locator('.su-forecast-plan li').count()).toBe(2);
    await answered(page);
    const planText = await page.locator('.su-forecast-plan').innerText();
    expect(planText).toContain('웹 서버 1번 크기를 대형(으)로 변경');
    expect(planText).toContain('새 캐시');
    expect(await page.locator('.su-forecast-fog').innerText()).toContain('종합 메트릭');
    for (const text of await page.locator('.su-forecast-verdict li').allInnerTexts()) expect(text).toMatch(/[가-힣]/);
    expect(await page.locator('.su-forecast-fate').innerText()).toMatch(/[가-힣]/);
    await shots(page, 'plan', 'ko');

    // A step taken out is asked about no more; the last one out closes the panel.
    await page.locator('.su-forecast-plan li').first().getByRole('button').click();
    await expect.poll(() => page.locator('.su-forecast-plan li').count()).toBe(1);
    await answered(page);
    await page.getByRole('button', { name: '닫기', exact: true }).click();
    await page.locator('.su-forecast').waitFor({ state: 'detached', timeout: 5000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
