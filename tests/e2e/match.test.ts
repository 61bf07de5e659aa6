/**
 * A team match in real browsers against the real server: a host creates a match of four teams
 * from the start screen (the shortest length), three other players join it (one from the public
 * list, two by its code), each moves to a team of their own and readies up, the red captain names
 * the team, the host starts (Start waits, saying why, until everyone is ready), every page's
 * scoreboard shows the four teams (the custom name too), and at the end every page shows the
 * results: the four teams ranked, their charts and what each built, a team's debrief, and back
 * to the start screen. The host plays in English at 1280×720, one player in Korean at 1920×1080;
 * the lobby, the game and the results are shot at both sizes in test-results/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, SCREENSHOTS, useGame } from './browser';

const enabled = chromiumAvailable();

const PLAYERS = [
  { name: 'Host', team: 'red', viewport: { width: 1280, height: 720 }, locale: 'en-US', lang: 'en' },
  { name: 'Bora', team: 'blue', viewport: { width: 1920, height: 1080 }, locale: 'ko-KR', lang: 'ko' },
  { name: 'Cyd', team: 'green', viewport: { width: 1280, height: 720 }, locale: 'en-US', lang: 'en' },
  { name: 'Dee', team: 'gold', viewport: { width: 1280, height: 720 }, locale: 'en-US', lang: 'en' },
] as const;

/** A screenshot at the page's own size, then at the other one for a moment. */
async function shot(page: Page, name: string, lang: string): Promise<void> {
  const own = page.viewportSize() ?? { width: 1280, height: 720 };
  const other = own.width === 1280 ? { width: 1920, height: 1080 } : { width: 1280, height: 720 };
  await page.screenshot({ path: join(SCREENSHOTS, `match-${name}-${own.width}x${own.height}-${lang}.png`) });
  await page.setViewportSize(other);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENSHOTS, `match-${name}-${other.width}x${other.height}-${lang}.png`) });
  await page.setViewportSize(own);
  await page.waitForTimeout(300);
}

/** From the start screen to the match setup, with the player's name typed. */
async function openSetup(page: Page, name: string): Promise<void> {
  await page.locator('[data-start-view="match"]').click();
  await page.locator('input[name="player-name"]').fill(name);
}

const myTeam = (page: Page) =>
  page.evaluate(() => {
    const game = window.scaleUp?.client.game.get();
    return game?.seats.find((seat) => seat.seatId === game.me.seatId)?.team ?? null;
  });

describe.skipIf(!enabled)('a team match in Chromium', () => {
  const game = useGame();

  it('four players from setup and lobby through a match to its results', { timeout: 240_000 }, async () => {
    const errors: string[] = [];
    const pages: Page[] = [];
    for (const player of PLAYERS) pages.push(await game.openGame({ viewport: player.viewport, locale: player.locale, errors }));
    const [host, ...others] = pages as [Page, Page, Page, Page];

    // The host: the shortest length, four teams, listed publicly.
    await openSetup(host, PLAYERS[0].name);
    await shot(host, 'setup', 'en');
    await host.locator('[data-choice="length"] button').first().click();
    await host.locator('[data-choice="teams"] button', { hasText: '4' }).click();
    await host.locator('[data-create-match]').click();
    await host.locator('[data-lobby]').waitFor({ timeout: 30_000 });
    const code = (await host.locator('[data-code]').innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(await host.locator('.su-lobby-team').count()).toBe(4);
    expect(await host.locator('.su-lobby-link').innerText()).toContain(`/join/${code}`);

    // One joins from the public list (it is polled), the others by the code.
    for (const [index, page] of others.entries()) {
      await openSetup(page, PLAYERS[index + 1]!.name);
      if (index === 0) {
        const row = page.locator(`[data-match="${code}"]`);
        await row.waitFor({ timeout: 15_000 });
        await row.locator('button').click();
      } else {
        await page.locator('input[name="code"]').fill(code.toLowerCase());
        await page.locator('[data-join-code]').click();
      }
      await page.locator('[data-lobby]').waitFor({ timeout: 30_000 });
    }

    // Everyone on a team of their own.
    for (const [index, page] of pages.entries()) {
      const team = PLAYERS[index]!.team;
      if ((await myTeam(page)) !== team) await page.locator(`[data-join-team="${team}"]`).click();
      await expect.poll(() => myTeam(page), { timeout: 15_000 }).toBe(team);
    }
    for (const page of pages)
      await expect.poll(() => page.locator('.su-lobby-player:not(.su-lobby-open)').count(), { timeout: 10_000 }).toBe(4);

    // The red captain (the host, first on red) names the team.
    await host.locator('.su-lobby-team[data-team="red"] [data-rename]').click();
    await host.locator('input[name="team-name"]').fill('Ops Crew');
    await host.locator('input[name="team-name"]').press('Enter');
    for (const page of pages)
      await page.locator('.su-lobby-team[data-team="red"] h2', { hasText: 'Ops Crew' }).waitFor({ timeout: 10_000 });

    // Start waits for everyone, and says so.
    expect(await host.locator('[data-start]').isDisabled()).toBe(true);
    expect((await host.locator('[data-start-why]').innerText()).length).toBeGreaterThan(5);
    for (const page of pages) await page.locator('[data-ready-toggle]').click();
    await expect.poll(() => host.locator('.su-lobby-player[data-ready="true"]').count(), { timeout: 10_000 }).toBe(4);
    await expect.poll(() => host.locator('[data-start]').isEnabled(), { timeout: 10_000 }).toBe(true);
    await shot(host, 'lobby', 'en');
    await shot(others[0], 'lobby', 'ko');
    await host.locator('[data-start]').click();

    // Two teams play differently (the same traffic, another system), so the results differ.
    await host.locator('.su-scoreboard').waitFor({ timeout: 30_000 });
    await host.evaluate(() => window.scaleUp?.client.send({ type: 'buyFeature', feature: 'hostMetrics' }));
    await others[0].evaluate(() => window.scaleUp?.client.send({ type: 'buy', kind: 'db', region: 'ap', engine: 'rdbms' }));
    // The shortest match lasts seconds here: the game is shot first, then every page is checked.
    await host.locator('.su-scoreboard tbody tr[data-team="blue"]').waitFor({ timeout: 15_000 });
    await shot(host, 'game', 'en');
    // Every page's scoreboard shows the four teams, the custom name too.
    for (const page of pages) {
      await page.locator('.su-scoreboard').waitFor({ timeout: 30_000 });
      await expect.poll(() => page.locator('.su-scoreboard tbody tr').count(), { timeout: 15_000 }).toBe(4);
      expect(await page.locator('.su-scoreboard tbody tr[data-team="red"] th').innerText()).toContain('Ops Crew');
    }

    // The end: every page shows the results, four teams ranked.
    for (const page of pages) {
      const results = page.locator('.su-results');
      await results.waitFor({ timeout: 90_000 });
      await expect.poll(() => results.locator('.su-results-table tbody tr').count(), { timeout: 15_000 }).toBe(4);
      expect(
        await results.locator('.su-results-table tbody tr').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-rank')))),
      ).toEqual([1, 2, 3, 4]);
    }
    const results = host.locator('.su-results');
    await results.locator('.su-results-charts canvas').first().waitFor({ timeout: 60_000 });
    expect(await results.locator('.su-results-charts .su-team-chart').count()).toBe(3);
    expect(await results.locator('.su-built').count()).toBe(4);
    expect(await results.locator('[data-replay-link]').getAttribute('href')).toMatch(/^\/api\/replays\//);
    expect(await results.locator('[data-watch-replay]').getAttribute('href')).toMatch(/^\/replay\//);
    await shot(host, 'results', 'en');
    await shot(others[0], 'results', 'ko');

    // A team's debrief opens over the results and closes back to them.
    await results.locator('[data-debrief="blue"]').click();
    const debrief = host.locator('.su-debrief:not(.su-results)');
    await debrief.locator('.su-debrief-section').first().waitFor({ timeout: 30_000 });
    await debrief.locator('.su-debrief-head button').click();
    await debrief.waitFor({ state: 'detached', timeout: 10_000 });

    await results.locator('[data-back-to-start]').click();
    await host.locator('.su-start [data-start-view="match"]').waitFor({ timeout: 10_000 });

    expect(errors).toEqual([]);
    for (const page of pages) await page.context().close();
  });
});
