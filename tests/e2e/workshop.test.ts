/**
 * A workshop in real browsers against the real server: the instructor creates it from the start
 * screen, three participants open the `/join/<code>` link (two in English, one in Korean), take
 * the offered or their own name and land in teams; the instructor starts the clock, injects an
 * incident into one team, broadcasts a hint each participant reads in their own language, drags a
 * participant onto the other team and pauses; that participant reloads and is back in the same
 * team; the instructor ends the game and opens the room's debrief. Screenshots of each screen go
 * to test-results/ (workshop-*.png).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, SCREENSHOTS, useGame } from './browser';

const enabled = chromiumAvailable();

/** The page's game model, read through the test hooks. */
function model(page: Page) {
  return page.evaluate(() => {
    const game = window.scaleUp?.client.game.get() ?? null;
    return game === null
      ? null
      : {
          me: game.me,
          phase: game.clock.phase,
          paused: game.clock.paused,
          code: game.code,
          seats: game.seats,
          scoreboard: game.scoreboard,
          hints: game.hints.length,
          resultId: game.resultId,
        };
  });
}

describe.skipIf(!enabled)('a workshop in Chromium', () => {
  const game = useGame();

  it('from setup to debrief: join by link, teams, start, incident, hint, move, pause, reload', { timeout: 300_000 }, async () => {
    const errors: string[] = [];
    const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `workshop-${name}.png`) });

    // The instructor: start screen → workshop setup → two teams → the console.
    const teacher = await game.openGame({ viewport: { width: 1280, height: 720 }, locale: 'en-US', errors });
    await teacher.locator('[data-start-view="workshop"]').click();
    await teacher.locator('.su-ws-setup').waitFor();
    await teacher.locator('[data-field="teams"]').selectOption('2');
    await shot(teacher, 'setup-1280-en');
    await teacher.locator('[data-action="create"]').click();
    await teacher.locator('.su-ws-console').waitFor({ timeout: 30_000 });
    const code = (await teacher.locator('.su-ws-code[data-code]').first().getAttribute('data-code'))!;
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(await teacher.locator('.su-ws-link a').innerText()).toContain(`/join/${code}`);
    expect(await teacher.locator('.su-ws-qr-dots').count()).toBeGreaterThan(0);
    expect((await model(teacher))?.me.role).toBe('instructor');

    // Three participants follow the link.
    const people: Array<{ page: Page; name: string; lang: 'en' | 'ko' }> = [];
    for (const [i, lang] of (['en', 'en', 'ko'] as const).entries()) {
      const page = await game.browser.newPage({ viewport: { width: 1280, height: 720 }, locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${game.url}/join/${code}`);
      const name = page.locator('[data-field="name"]');
      await name.waitFor({ timeout: 30_000 });
      // The first keeps the friendly name offered; the others type their own.
      const offered = await name.inputValue();
      expect(offered.length).toBeGreaterThan(3);
      if (lang === 'ko') expect(offered).toMatch(/[\uAC00-\uD7A3]/);
      const chosen = i === 0 ? offered : `Player ${i + 1}`;
      if (i > 0) await name.fill(chosen);
      if (i === 0) await shot(page, 'join-1280-en');
      await page.locator('[data-action="join"]').click();
      await page.locator('.su-ws-waiting').waitFor({ timeout: 30_000 });
      // Once in, the address is the game's again: a reload resumes rather than asking to join.
      expect(new URL(page.url()).pathname).toBe('/');
      people.push({ page, name: chosen, lang });
    }
    const teamOf = async (page: Page) => (await model(page))?.me.team ?? null;
    // Each lands in a team; the room balances three people over two teams as two and one.
    for (const p of people) await expect.poll(() => teamOf(p.page), { timeout: 15_000 }).toMatch(/^team-[12]$/);
    const teams = await Promise.all(people.map((p) => teamOf(p.page)));
    expect(new Set(teams).size).toBe(2);
    await people[0]!.page.locator('.su-ws-myteam-name').waitFor();
    await people[2]!.page.setViewportSize({ width: 1920, height: 1080 });
    await shot(people[2]!.page, 'waiting-1920-ko');
    await people[2]!.page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(async () => teacher.locator('.su-ws-card-people li:not(.su-muted)').count()).toBe(3);
    await shot(teacher, 'console-waiting-1280-en');

    // Start: participants go from the waiting room to the game.
    await teacher.locator('[data-action="start"]').click();
    // 1×: four pages drawing the diagram share the test machine's cores.
    await teacher.locator('[data-speed="1"]').click();
    for (const p of people) await p.page.locator('.su-goals').waitFor({ timeout: 60_000 });
    expect((await model(teacher))?.phase).toBe('running');
    // The console covers the diagram: it sleeps there, and draws on the participants' game screens.
    const drawing = (page: Page) => page.evaluate(() => window.scaleUp?.diagram.loop.running ?? null);
    expect(await drawing(teacher)).toBe(false);
    for (const p of people) await expect.poll(() => drawing(p.page)).toBe(true);
    // The instructor runs the clock: participants see it, not its controls.
    for (const p of people) expect(await p.page.locator('.su-speeds, .su-speed-select').count()).toBe(0);

    // An incident for team-1 only: its web server crashes.
    await teacher.locator('[data-tab="incident"]').click();
    await teacher.locator('[data-field="incident-team"]').selectOption('team-1');
    await teacher.locator('[data-action="inject"]').click();
    expect(await teacher.locator('.su-ws-sent').innerText()).toContain('Team 1');
    await expect
      .poll(async () => (await model(teacher))?.scoreboard.find((line) => line.team === 'team-1')?.incidents ?? 0, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(1);
    await shot(teacher, 'console-incident-1280-en');

    // A hint in both languages with a concept card: each participant reads their own language.
    await teacher.locator('[data-tab="hint"]').click();
    await teacher.locator('[data-field="hint-concept"]').selectOption('loadBalancer');
    await teacher.locator('[data-field="hint-en"]').fill('Two web servers behind a balancer survive a crash.');
    await teacher.locator('[data-field="hint-ko"]').fill('로드밸런서 뒤에 웹 서버 두 대를 두면 장애를 견딥니다.');
    await teacher.locator('[data-action="hint"]').click();
    for (const p of people) {
      const banner = p.page.locator('.su-ws-hint');
      await banner.waitFor({ timeout: 15_000 });
      const text = await banner.locator('.su-ws-hint-text').innerText();
      expect(text).toBe(
        p.lang === 'ko' ? '로드밸런서 뒤에 웹 서버 두 대를 두면 장애를 견딥니다.' : 'Two web servers behind a balancer survive a crash.',
      );
      expect(await banner.getAttribute('data-hint-concept')).toBe('loadBalancer');
    }
    await shot(people[0]!.page, 'hint-1280-en');
    await people[2]!.page.setViewportSize({ width: 1920, height: 1080 });
    await shot(people[2]!.page, 'hint-1920-ko');
    await people[2]!.page.setViewportSize({ width: 1280, height: 720 });
    // Dismissed, it stays away until a new hint.
    await people[0]!.page.locator('.su-ws-hint button[aria-label]').last().click();
    expect(await people[0]!.page.locator('.su-ws-hint').count()).toBe(0);

    // Drag the first participant onto the other team.
    const mover = people[0]!;
    const from = (await teamOf(mover.page))!;
    const to = from === 'team-1' ? 'team-2' : 'team-1';
    const seat = (await model(teacher))!.seats.find((s) => s.name === mover.name)!;
    await teacher.locator('[data-tab="people"]').click();
    await teacher.dragAndDrop(`.su-ws-person[data-seat="${seat.seatId}"]`, `.su-ws-group[data-team="${to}"]`);
    await expect.poll(async () => (await model(teacher))?.seats.find((s) => s.seatId === seat.seatId)?.team, { timeout: 15_000 }).toBe(to);
    await expect.poll(() => teamOf(mover.page), { timeout: 20_000 }).toBe(to);
    await shot(teacher, 'console-moved-1280-en');

    // Pause: every participant's clock stops.
    await teacher.locator('[data-action="pause"]').click();
    for (const p of people) await expect.poll(async () => (await model(p.page))?.paused, { timeout: 10_000 }).toBe(true);

    // The moved participant reloads and is back in the same (new) team, without a name asked.
    await mover.page.reload();
    await mover.page.locator('.su-goals').waitFor({ timeout: 60_000 });
    await expect.poll(() => teamOf(mover.page), { timeout: 15_000 }).toBe(to);
    expect((await model(mover.page))?.me.seatId).toBe(seat.seatId);
    expect(await mover.page.locator('[data-field="name"]').count()).toBe(0);

    // The instructor's closer look and the projector, at 1920×1080 in Korean.
    await teacher.setViewportSize({ width: 1920, height: 1080 });
    await teacher.locator(`.su-ws-card[data-team="${to}"] [data-action="closer"]`).click();
    await teacher.locator('.su-ws-closer').waitFor();
    await shot(teacher, 'closer-1920-en');
    await teacher.locator('[data-action="back-to-grid"]').click();
    await teacher.locator('.su-lang button[lang="ko"]').click();
    await teacher.locator('[data-action="projector"]').click();
    await shot(teacher, 'console-projector-1920-ko');
    await teacher.locator('[data-action="projector"]').click();
    await teacher.setViewportSize({ width: 1280, height: 720 });

    // End (asked first), then the room's debrief.
    await teacher.locator('[data-action="resume"]').click();
    await teacher.locator('[data-action="end"]').click();
    await teacher.locator('.su-ws-confirm [data-action="confirm"]').click();
    await teacher.locator('.su-ws-finished [data-action="debrief"]').waitFor({ timeout: 30_000 });
    await teacher.locator('.su-ws-finished [data-action="debrief"]').click();
    await teacher.waitForTimeout(3000);
    await shot(teacher, 'debrief-1280-ko');

    expect(errors).toEqual([]);
    for (const p of people) await p.page.close();
    await teacher.close();
  });
});
