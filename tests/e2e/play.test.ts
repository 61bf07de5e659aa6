/**
 * The game in a real browser (Debian's Chromium through playwright-core, WebGL by SwiftShader)
 * against the real server: start a solo sandbox, buy and connect a web server and a database,
 * see the boxes and the money change, connect a cache by dragging on the diagram, switch to Korean (drawn with the bundled font), pause and
 * resume, lose the WebSocket and come back to the same seat. Also: the shop shows each kind's icon
 * from the same file as the diagram, and the page's colours come from the theme file. Screenshots go
 * to test-results/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPONENT_KINDS } from '../../shared/sim';
import { TONE_NAMES, toneColour } from '../../client/theme/colours';
import { ICONS } from '../../client/theme/icons';
import { PALETTE } from '../../client/view/palette';
import { chromiumAvailable, SCREENSHOTS, startSandbox, useGame } from './browser';

/**
 * The share of the pixels of a screenshot (PNG) within `tolerance` of `colour` per channel,
 * decoded by the browser itself (no image library needed).
 */
async function shareOfColour(page: Page, png: Buffer, colour: number, tolerance = 6): Promise<number> {
  return page.evaluate(
    async ({ base64, colour, tolerance }) => {
      const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const [r, g, b] = [(colour >> 16) & 0xff, (colour >> 8) & 0xff, colour & 0xff];
      let near = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i]! - r) <= tolerance && Math.abs(data[i + 1]! - g) <= tolerance && Math.abs(data[i + 2]! - b) <= tolerance)
          near++;
      }
      return near / (data.length / 4);
    },
    { base64: png.toString('base64'), colour, tolerance },
  );
}

const enabled = chromiumAvailable();

describe.skipIf(!enabled)('playing a sandbox game in Chromium', () => {
  const game = useGame();
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    page = await game.openGame({ viewport: { width: 1280, height: 720 }, locale: 'en-US', errors });
  }, 60_000);

  const money = () => page.locator('[data-figure="money"] .su-fig-value').innerText();
  /** What the Phaser diagram shows (DiagramScene.describe), or null before it exists. */
  const diagram = () => page.evaluate(() => window.scaleUp?.describeDiagram() ?? null);
  const cardOf = async (id: string) => (await diagram())?.cards.find((c) => c.id === id) ?? null;
  const tickOf = () => page.evaluate(() => window.scaleUp?.client.game.get()?.clock.tick ?? -1);

  it('loads the page with the Hangul font and WebGL, and starts a sandbox', { timeout: 60_000 }, async () => {
    await page.getByRole('button', { name: 'Play sandbox' }).waitFor();
    const font = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px "Noto Sans KR"', '스케일 업');
    });
    expect(font).toBe(true);
    await startSandbox(page);
    await page.getByRole('status', { name: 'Connection to the game server' }).getByText('Connected').waitFor({ timeout: 15_000 });
    // Phaser draws into a WebGL 2 canvas, over the diagram's still picture.
    const webgl = await page.evaluate(() => {
      const canvas = window.scaleUp?.diagram.canvas ?? null;
      const still = document.querySelector('#diagram canvas.su-diagram-still');
      return {
        webgl2: canvas !== null && canvas.getContext('webgl2') !== null,
        stillUnder: still !== null && still.nextElementSibling === canvas,
      };
    });
    expect(webgl).toEqual({ webgl2: true, stillUnder: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'e2e-started.png') });
  });

  it("shows each kind's icon in the shop (the diagram's picture) and the theme's tones", async () => {
    const shop = await page.evaluate(() =>
      [...document.querySelectorAll('.su-build li[data-kind]')].map((card) => {
        const icon = card.querySelector('svg.su-kind-icon');
        return {
          kind: card.getAttribute('data-kind'),
          hidden: icon?.getAttribute('aria-hidden') ?? null,
          paths: [...(icon?.querySelectorAll('path') ?? [])].map((p) => p.getAttribute('d')),
          name: card.querySelector('.su-card-name')?.textContent ?? '',
        };
      }),
    );
    expect(shop.map((c) => c.kind)).toEqual([...COMPONENT_KINDS]);
    for (const card of shop) {
      expect(card.hidden, card.kind!).toBe('true');
      expect(card.paths, card.kind!).toEqual(ICONS[card.kind as (typeof COMPONENT_KINDS)[number]].paths.map((p) => p.d));
      expect(card.name, card.kind!).not.toBe('');
    }
    const tones = await page.evaluate(
      (names) => names.map((name) => getComputedStyle(document.documentElement).getPropertyValue(`--su-${name}`).trim()),
      [...TONE_NAMES],
    );
    expect(tones).toEqual(TONE_NAMES.map((name) => toneColour(name)));
  });

  it('buys a web server and a database, connects them, and the money goes down', { timeout: 60_000 }, async () => {
    const before = await money();
    await page.getByRole('button', { name: 'Buy Web server' }).click();
    await page.getByRole('button', { name: 'Buy Database' }).click();
    await expect.poll(money, { timeout: 10_000 }).not.toBe(before);
    const webButton = page.locator('.su-system-item', { hasText: 'Web server 2' });
    await webButton.waitFor({ timeout: 10_000 });
    await page.locator('.su-system-item', { hasText: 'Database 3' }).waitFor({ timeout: 10_000 });
    await webButton.click();
    const target = page.getByRole('combobox', { name: 'Component to connect to' });
    await target.waitFor();
    await target.selectOption({ label: await target.locator('option', { hasText: 'Database 3' }).first().innerText() });
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('list', { name: 'Sends traffic to' }).getByText('Database 3').waitFor({ timeout: 10_000 });
    // The diagram has both boxes and the edge between them, and the boxes are on screen.
    await expect.poll(async () => (await diagram())?.edges ?? [], { timeout: 10_000 }).toContain('web-2>db-3');
    for (const id of ['web-2', 'db-3']) {
      const card = await cardOf(id);
      expect(card?.text).toMatch(/^(Web server 2|Database 3)/);
      const { x, y, w, h } = card!.rect;
      const png = await page.screenshot({ clip: { x: x + 3, y: y + 3, width: w - 6, height: h - 6 } });
      // Most of a card is its fill colour (the rest is its icon, texts and load bar).
      expect(await shareOfColour(page, png, PALETTE.card)).toBeGreaterThan(0.3);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'e2e-connected.png') });
  });

  it('connects by dragging from the selected box to its target on the diagram', { timeout: 60_000 }, async () => {
    await page.getByRole('button', { name: 'Buy Cache' }).click();
    await expect.poll(async () => (await cardOf('cache-4'))?.rect ?? null, { timeout: 10_000 }).not.toBeNull();
    // Let the camera settle on the grown diagram before reading where the boxes are.
    await page.waitForTimeout(1500);
    const from = (await cardOf('web-2'))!.rect;
    // A click on the box selects it (the inspector shows it); then drag from it.
    await page.mouse.click(from.x + from.w / 2, from.y + from.h / 2);
    await page.locator('.su-inspector[data-component="web-2"]').waitFor({ timeout: 10_000 });
    // The inspector says a drag does it.
    await page.locator('.su-inspector').getByText('Or drag from this box to its target on the diagram.').waitFor({ timeout: 10_000 });
    const to = (await cardOf('cache-4'))!.rect;
    await page.mouse.move(from.x + from.w / 2, from.y + from.h / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.w / 2, to.y + to.h / 2, { steps: 12 });
    await page.mouse.up();
    await expect.poll(async () => (await diagram())?.edges ?? [], { timeout: 10_000 }).toContain('web-2>cache-4');
    await page.getByRole('list', { name: 'Sends traffic to' }).getByText('Cache 4').waitFor({ timeout: 10_000 });
  });

  it('switches to Korean without a reload', async () => {
    await page.getByRole('button', { name: '한국어' }).first().click();
    await page.getByRole('status', { name: '게임 서버 연결' }).or(page.getByText('연결됨')).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await expect.poll(() => page.locator('[data-figure="money"]').innerText()).toContain('자금');
    // The canvas draws the Korean names with the bundled font…
    await expect.poll(async () => (await cardOf('web-2'))?.text ?? '', { timeout: 10_000 }).toMatch(/^웹 서버/);
    expect((await cardOf('web-2'))?.fontFamily).toContain('Noto Sans KR');
    // …which has the Hangul glyphs: drawn with it, Hangul differs from the browser's fallback
    // (empty boxes on a machine without Korean fonts).
    const glyphsDiffer = await page.evaluate(() => {
      const draw = (family: string) => {
        const canvas = new OffscreenCanvas(64, 32);
        const context = canvas.getContext('2d')!;
        context.font = `24px ${family}`;
        context.fillStyle = '#fff';
        context.fillText('웹서', 2, 26);
        return context.getImageData(0, 0, 64, 32).data.join(',');
      };
      return document.fonts.check('24px "Noto Sans KR"', '웹서') && draw('"Noto Sans KR"') !== draw('"No Such Font", monospace');
    });
    expect(glyphsDiffer).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'e2e-korean.png') });
    await page.getByRole('button', { name: 'English' }).first().click();
  });

  it('pauses and resumes with the space bar', { timeout: 30_000 }, async () => {
    await page.locator('body').click({ position: { x: 640, y: 300 } });
    await page.keyboard.press('Space');
    await page.getByText('Paused').first().waitFor();
    const paused = await tickOf();
    await page.waitForTimeout(800);
    expect(await tickOf()).toBe(paused);
    await page.keyboard.press('Space');
    await expect.poll(tickOf, { timeout: 10_000 }).toBeGreaterThan(paused);
  });

  it('comes back to the same seat when the WebSocket drops', { timeout: 60_000 }, async () => {
    const seat = () =>
      page.evaluate(() => {
        const model = window.scaleUp!.client.game.get()!;
        return { code: model.code, team: model.me.team };
      });
    const seatBefore = await seat();
    await page.evaluate(() => window.scaleUp!.client.dropConnection());
    await page
      .getByText(/Reconnecting/)
      .first()
      .waitFor({ timeout: 10_000 });
    await page.getByRole('status', { name: 'Connection to the game server' }).getByText('Connected').waitFor({ timeout: 30_000 });
    expect(await seat()).toEqual(seatBefore);
    await expect.poll(tickOf, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'e2e-reconnected.png') });
    expect(errors).toEqual([]);
  });

  it(
    'goes back to the game after a reload: same seat, its code in the header, its charts and its system',
    { timeout: 60_000 },
    async () => {
      type Probe = { code: string; team: string | null; points: number; firstTick: number; components: string[] };
      const probe = () =>
        page.evaluate((): Probe | null => {
          const client = window.scaleUp?.client;
          const model = client?.game.get() ?? null;
          if (client === undefined || model === null || model.me.team === null) return null;
          const points = client.history.get()[model.me.team] ?? [];
          return {
            code: model.code,
            team: model.me.team,
            points: points.length,
            firstTick: points[0]?.tick ?? -1,
            components: (model.teams[model.me.team]?.components ?? []).map((c) => c.id).sort(),
          };
        });
      const before = (await probe()) as Probe;
      expect(before.points).toBeGreaterThan(5);
      await page.reload();
      await expect.poll(async () => (await probe())?.code ?? null, { timeout: 30_000 }).toBe(before.code);
      await expect.poll(async () => (await probe())?.points ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(before.points);
      const after = (await probe()) as Probe;
      expect(after).toMatchObject({ team: before.team, components: before.components });
      // The charts start where the game started, not at the reload.
      expect(after.firstTick).toBeLessThanOrEqual(before.firstTick);
      await page.locator('[data-figure="code"]').getByText(before.code).waitFor({ timeout: 10_000 });
      await page.screenshot({ path: join(SCREENSHOTS, 'e2e-reloaded.png') });
      expect(errors).toEqual([]);
    },
  );
});
