/**
 * Replays in a real browser against the real server: a solo game played through the page and
 * ended leaves a stored replay, which the server sends in the compact form; `/replay/<id>` opens
 * it in a fresh browser, and scrubbing to the last tick reaches exactly the state hash the server
 * recorded (the client re-ran shared/sim itself, from keyframes, in a Web Worker), and back to the
 * start and the middle reaches a plain re-run's hashes; *Save file* saves the compact form. A
 * three-day game dropped on the page as a file (one in the full form older files are in, one
 * compact) shows how long a far seek takes (printed: a benchmark figure, bounded only for sanity),
 * the start screen's file picker opens the server's file too and refuses a wrong file in the
 * player's language. Screenshots at 1280×720 and 1920×1080, in English and in Korean, go to
 * test-results/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ReplayDocument } from '../../shared/protocol/results';
import { encodeReplay } from '../../shared/replay/compact';
import { readReplay } from '../../shared/replay/readReplay';
import { chapterReplay, hashAt, sandboxBuildReplay } from '../client/replayFixture';
import { servedReplay } from '../replay/servedReplay';
import { chromiumAvailable, SCREENSHOTS, startSandbox, useGame } from './browser';

const enabled = chromiumAvailable();

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** Waits until the page shows a replay whose first state is on screen. */
async function replayReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const replay = window.scaleUp?.replay() ?? null;
      return replay !== null && replay.view.get().phase === 'ready' && replay.game.get() !== null;
    },
    undefined,
    { timeout: 60_000 },
  );
  await page.locator('.su-replay-bar').waitFor({ timeout: 10_000 });
}

interface Seek {
  tick: number;
  hash: string;
  /** The seek in the worker, and the whole round trip from the page (asked → on screen). */
  workerMs: number;
  pageMs: number;
}

/** Moves the open replay to `tick` and waits until that state is on screen. */
function seek(page: Page, tick: number): Promise<Seek> {
  return page.evaluate(async (to) => {
    const replay = window.scaleUp?.replay();
    if (replay === null || replay === undefined) throw new Error('no replay open');
    const started = performance.now();
    replay.seek(to);
    const answer = await replay.settled();
    const pageMs = performance.now() - started;
    if (answer === null) throw new Error('no state shown');
    return { tick: answer.tick, hash: answer.hash, workerMs: answer.ms, pageMs };
  }, tick);
}

/** Screenshots of the page at both sizes (the test's own size last, so it stays as it was). */
async function shots(page: Page, name: string, lang: string): Promise<void> {
  const own = page.viewportSize();
  for (const size of [...SIZES.filter((s) => s.width !== own?.width), ...SIZES.filter((s) => s.width === own?.width)]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SCREENSHOTS, `replay-${name}-${size.width}x${size.height}-${lang}.png`) });
  }
}

/** Drops `text` on the page as a file named `name`, as a player dragging it from their desktop. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'application/json' }));
      return data;
    },
    { name, text },
  );
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
}

describe.skipIf(!enabled)('replays in Chromium', () => {
  const game = useGame();
  let stored: ReplayDocument;
  /** The server's answer as it came: the file a player downloads. */
  let storedText: string;
  const errors: string[] = [];

  it('a solo game played through the page and ended leaves a replay on the server', { timeout: 120_000 }, async () => {
    const page = await game.openGame({ viewport: SIZES[0], locale: 'en-US', errors });
    await startSandbox(page);
    await page.getByRole('button', { name: 'Buy Web server' }).click();
    await page.evaluate(() => window.scaleUp?.client.control({ action: 'speed', speed: 32 }));
    await page.waitForFunction(() => (window.scaleUp?.client.game.get()?.clock.tick ?? 0) >= 240, undefined, { timeout: 60_000 });
    await page.evaluate(() => window.scaleUp?.client.control({ action: 'end' }));
    const id = await page.waitForFunction(() => window.scaleUp?.client.game.get()?.replayId ?? null, undefined, { timeout: 30_000 });
    const replayId = (await id.jsonValue()) as string;
    const answer = await fetch(`${game.url}/api/replays/${replayId}`);
    expect(answer.status).toBe(200);
    storedText = await answer.text();
    expect(JSON.parse(storedText)).toMatchObject({ format: 2, id: replayId });
    stored = servedReplay(JSON.parse(storedText));
    expect(stored.id).toBe(replayId);
    expect(stored.finalTick).toBeGreaterThanOrEqual(240);
    expect(stored.log.length).toBeGreaterThan(0);
    await page.context().close();
  });

  for (const { size, locale, lang } of [
    { size: SIZES[0], locale: 'en-US', lang: 'en' },
    { size: SIZES[1], locale: 'ko-KR', lang: 'ko' },
  ]) {
    it(
      `opens /replay/<id> and scrubs it to the server's final hash (${lang}, ${size.width}×${size.height})`,
      { timeout: 120_000 },
      async () => {
        const page = await game.browser.newPage({ viewport: size, locale, permissions: ['clipboard-read', 'clipboard-write'] });
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${game.url}/replay/${stored.id}`);
        await replayReady(page);
        // The link to share is this page's own address.
        await page.locator('[data-replay-copy]').click();
        await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${game.url}/replay/${stored.id}`);
        const team = stored.teams[0] as string;
        expect(await page.evaluate(() => window.scaleUp?.replay()?.view.get().faithful)).toBe(true);
        expect(await page.evaluate(() => window.scaleUp?.replay()?.view.get().where)).toBe('worker');

        const end = await seek(page, stored.finalTick);
        expect(end.tick).toBe(stored.finalTick);
        expect(end.hash).toBe(stored.finalHashes[team]);
        const start = await seek(page, 0);
        expect(start.hash).toBe(hashAt(stored, 0, team));
        const middle = Math.floor(stored.finalTick / 2);
        expect((await seek(page, middle)).hash).toBe(hashAt(stored, middle, team));
        // The slider and the time beside it follow; the diagram draws the replayed system.
        await expect.poll(() => page.locator('[data-replay-slider]').inputValue()).toBe(String(middle));
        await expect.poll(async () => (await page.evaluate(() => window.scaleUp?.describeDiagram()?.cards.length ?? 0)) > 0).toBe(true);
        await shots(page, 'middle', lang);

        // The keyboard moves it a minute at a time; the step buttons too.
        await page.locator('[data-replay-slider]').focus();
        await page.keyboard.press('ArrowRight');
        await page.locator('[data-replay-step="1"]').click();
        await expect.poll(() => page.locator('[data-replay-slider]').inputValue()).toBe(String(middle + 2));
        // A command is refused with a notice; the replay plays and pauses.
        await page.evaluate(() => window.scaleUp?.replay()?.send());
        await page.locator('.su-toast').first().waitFor();
        await page.locator('[data-replay-play]').click();
        await page.waitForTimeout(600);
        await page.locator('[data-replay-play]').click();
        expect(Number(await page.locator('[data-replay-slider]').inputValue())).toBeGreaterThan(middle + 2);

        // Saving the file saves the compact form, which reads back as the replay shown.
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-replay-save]').click()]);
        const saved = JSON.parse(readFileSync(await download.path(), 'utf8')) as unknown;
        expect(saved).toMatchObject({ format: 2 });
        expect(readReplay(saved)).toEqual({ ok: true, replay: stored });

        await seek(page, stored.finalTick);
        await shots(page, 'end', lang);
        await page.locator('.su-replay-bar [data-replay-back]').click();
        await page.locator('.su-start').waitFor();
        expect(new URL(page.url()).pathname).toBe('/');
        await page.context().close();
      },
    );
  }

  it('says so when a replay link names no replay', { timeout: 60_000 }, async () => {
    const page = await game.browser.newPage({ viewport: SIZES[0], locale: 'en-US' });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${game.url}/replay/nosuchreplay`);
    await page.getByRole('alert').getByText('No replay at this link').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SCREENSHOTS, 'replay-missing-1280x720-en.png') });
    await page.locator('[data-replay-back]').click();
    await page.locator('.su-start').waitFor();
    await page.context().close();
  });

  for (const { name, make, file } of [
    { name: 'chapter', make: () => chapterReplay('02-two-tiers'), file: (doc: ReplayDocument): unknown => doc },
    { name: 'sandbox', make: () => sandboxBuildReplay(4320), file: encodeReplay },
  ]) {
    it(`opens a three-day game dropped on the page and seeks any tick fast (${name})`, { timeout: 120_000 }, async () => {
      const long = make();
      expect(long.finalTick).toBe(4320);
      const page = await game.openGame({ viewport: SIZES[0], locale: 'en-US', errors });
      await dropFile(page, `${name}.json`, JSON.stringify(file(long)));
      await replayReady(page);
      const loadMs = await page.evaluate(() => window.scaleUp?.replay()?.view.get().loadMs ?? -1);
      expect(await page.evaluate(() => window.scaleUp?.replay()?.view.get().faithful)).toBe(true);
      // The farthest a state can be from its keyframe is one interval less a tick: 4319, 2159…
      const seeks: Seek[] = [];
      for (const tick of [4319, 2159, 119, 3599, 4320, 1000, 4319]) seeks.push(await seek(page, tick));
      expect(seeks[4]?.hash).toBe(long.finalHashes.solo);
      expect(seeks[1]?.hash).toBe(hashAt(long, 2159));
      const worst = Math.max(...seeks.map((s) => s.pageMs));
      console.log(
        `replay seek (${name}, 4,320 ticks, Chromium, Web Worker): keyframes and chart history built in ${Math.round(loadMs)} ms; ` +
          seeks.map((s) => `tick ${s.tick}: ${s.pageMs.toFixed(1)} ms (worker ${s.workerMs.toFixed(1)})`).join(', ') +
          `; worst ${worst.toFixed(1)} ms`,
      );
      // A sanity bound only (a loaded CI machine is slow): the figure itself is printed above.
      expect(worst).toBeLessThan(2000);
      // A drag: many ticks asked for at once, only the last one computed after the one in flight.
      const drag = await page.evaluate(async () => {
        const replay = window.scaleUp!.replay()!;
        for (let tick = 0; tick <= 4000; tick += 40) replay.seek(tick);
        return (await replay.settled())?.tick;
      });
      expect(drag).toBe(4000);
      if (name === 'chapter') {
        // At the end, the chapter's result as the server scored it, computed from the re-run.
        await seek(page, 4320);
        await page.locator('.su-chapter-result[data-outcome="won"]').waitFor({ timeout: 10_000 });
      }
      await shots(page, `file-${name}`, 'en');
      await page.context().close();
    });
  }

  it("opens a file from the start screen's picker, and refuses a wrong one in the player's language", { timeout: 60_000 }, async () => {
    for (const { locale, text } of [
      { locale: 'en-US', text: 'This file is not a Scale Up! replay' },
      { locale: 'ko-KR', text: 'Scale Up! 리플레이 파일이 아니거나' },
    ]) {
      const page = await game.openGame({ viewport: SIZES[0], locale, errors });
      const picker = page.locator('[data-replay-file]');
      await picker.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
      await page.getByRole('alert').getByText(text).waitFor({ timeout: 10_000 });
      await page.screenshot({ path: join(SCREENSHOTS, `replay-refused-1280x720-${locale.slice(0, 2)}.png`) });
      await picker.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not json at all') });
      await page.locator('[data-replay-error="notJson"]').waitFor({ timeout: 10_000 });
      await picker.setInputFiles({ name: 'game.json', mimeType: 'application/json', buffer: Buffer.from(storedText) });
      await replayReady(page);
      expect(await page.locator('.su-replay-refused').count()).toBe(0);
      expect((await seek(page, stored.finalTick)).hash).toBe(stored.finalHashes[stored.teams[0] as string]);
      await page.context().close();
    }
    expect(errors).toEqual([]);
  });
});
