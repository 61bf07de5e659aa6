/**
 * Readability in a real browser (Debian's Chromium through playwright-core, WebGL by SwiftShader)
 * against the real server, at 1280×720 and 1920×1080, in English and Korean: start a sandbox, buy
 * and wire about eight components through the page's own client, select one (so the build panel
 * and the inspector are both open), and measure what a player would have to read:
 *
 * - the smallest DOM text: the computed font size of every visible text node of the UI (≥ 11 px);
 * - clipped panels: an element of a dock whose content is taller than its box without scrolling
 *   (scrollHeight > clientHeight, overflow neither auto nor scroll), or visible content that lies
 *   outside the box that clips it (its dock, or a clipping element inside it); again with a long
 *   incident feed, which must scroll inside its box;
 * - the diagram: every card drawn in full (not a far-view tile), with each text on it at least
 *   11 CSS px on screen (font size × camera zoom, from the scene's describe()); the lane and
 *   region names too; and every card inside the stage the panels leave free.
 *
 * Each check fails with the list of its offenders. Screenshots go to test-results/readability-*.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/sim';
import { chromiumAvailable, SCREENSHOTS, startSandbox, useGame } from './browser';
import { RUNWAY_WARN_TICKS } from '../../client/ui/header/runway';
import en from '../../client/i18n/locales/en.json';
import ko from '../../client/i18n/locales/ko.json';

/** The longest thing users can be saying, per language: the header must fit it. */
const LONGEST_COMPLAINT: Record<string, string> = Object.fromEntries(
  Object.entries({ en, ko }).map(([lang, texts]) => {
    const { label: _label, ...levels } = texts.complaints;
    return [lang, Object.values(levels).sort((a, b) => b.length - a.length)[0]!];
  }),
);

/**
 * Runs in the page: the header's texts and controls that run into one another. Each figure and
 * each control at the header's end is an item; a text or control of one item must not overlap one
 * of another, nor go past the header's edges.
 */
function headerOverlaps(): string[] {
  const header = document.querySelector('.su-header');
  if (header === null) return ['no header'];
  const items = [...header.querySelectorAll('.su-brand, .su-figures > *, .su-header-end > *')];
  const leaves = items.flatMap((item, index) =>
    [...item.querySelectorAll('.su-fig-value, .su-badge, .su-joincode-text, button, .su-clock-time, time')]
      .map((el) => ({
        index,
        name: `${item.className || item.tagName} ${el.textContent?.trim() ?? ''}`.trim(),
        rect: el.getBoundingClientRect(),
      }))
      .filter((leaf) => leaf.rect.width > 1 && leaf.rect.height > 1),
  );
  const edge = header.getBoundingClientRect();
  const found: string[] = [];
  // One row: the header wraps only on screens narrower than the ones measured here.
  const parts = [...header.querySelectorAll('.su-brand, .su-figures, .su-figures > *, .su-header-end')].map((el) => ({
    name: el.className,
    rect: el.getBoundingClientRect(),
  }));
  for (const a of parts) {
    const below = parts.find((b) => b.rect.top >= a.rect.bottom - 0.5);
    if (below !== undefined) found.push(`${below.name} wraps below ${a.name}`);
  }
  for (const [i, a] of leaves.entries()) {
    if (a.rect.left < edge.left - 0.5 || a.rect.right > edge.right + 0.5) found.push(`${a.name} past the header's edge`);
    for (const b of leaves.slice(i + 1)) {
      if (a.index === b.index) continue;
      const overlap = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const vertical = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      if (overlap > 0.5 && vertical > 0.5) found.push(`${a.name} runs into ${b.name} by ${overlap.toFixed(1)} px`);
    }
  }
  return found;
}

/**
 * Runs in the page: how many pixels narrower the header could be before its row wraps (its spare
 * room, printed so that a change eating into it shows before the row breaks on some machine).
 */
function headerSpareRoom(): number {
  const header = document.querySelector<HTMLElement>('.su-header');
  const brand = document.querySelector('.su-brand');
  if (header === null || brand === null) return 0;
  const parts = [...header.querySelectorAll('.su-figures > *, .su-header-end')];
  const oneRow = () => parts.every((part) => part.getBoundingClientRect().top < brand.getBoundingClientRect().bottom);
  const full = header.getBoundingClientRect().width;
  let low = 0;
  let high = full;
  while (high - low > 1) {
    const cut = (low + high) / 2;
    header.style.width = `${full - cut}px`;
    if (oneRow()) low = cut;
    else high = cut;
  }
  header.style.width = '';
  return Math.floor(low);
}

/** The smallest text a player should have to read, CSS pixels. */
const MIN_TEXT_PX = 11;

const enabled = chromiumAvailable();

/** What the page shows of the UI's text and panels (evaluated in the page). */
interface DomFindings {
  smallText: string[];
  clipped: string[];
  smallest: number;
  stage: { x: number; y: number; width: number; height: number };
}

/** Runs in the page: the UI's smallest texts and its clipped boxes. */
function measureDom(minPx: number): DomFindings {
  const name = (el: Element) => {
    const cls = typeof el.className === 'string' && el.className.trim() !== '' ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `${el.tagName.toLowerCase()}${cls}`;
  };
  const path = (el: Element) => {
    const parts: string[] = [];
    for (let e: Element | null = el; e !== null && parts.length < 3; e = e.parentElement) parts.unshift(name(e));
    return parts.join(' > ');
  };
  const shown = (el: Element) => {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return false;
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1;
  };
  const hidden = (el: Element) => el.closest('.su-visually-hidden,[hidden]') !== null;
  const root = document.querySelector('.su-root') ?? document.body;
  const smallText: string[] = [];
  let smallest = Infinity;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    const el = node.parentElement;
    if (text === '' || el === null || hidden(el) || !shown(el)) continue;
    // Only text the player can see: inside the viewport, and not in a collapsed or scrolled-away part.
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.right < 0 || r.bottom < 0 || r.left > innerWidth || r.top > innerHeight) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    smallest = Math.min(smallest, size);
    if (size < minPx) smallText.push(`${size.toFixed(1)}px "${text.slice(0, 40)}" (${path(el)})`);
  }
  // Canvas text the UI draws (uPlot's axes) is checked through its font setting.
  const clipped: string[] = [];
  const clips = (style: CSSStyleDeclaration) => style.overflowY !== 'visible' || style.overflowX !== 'visible';
  const scrolls = (style: CSSStyleDeclaration) => ['auto', 'scroll'].includes(style.overflowY);
  for (const dock of document.querySelectorAll('.su-dock')) {
    if (!shown(dock)) continue;
    const all = [dock, ...dock.querySelectorAll('*')];
    for (const el of all) {
      if (hidden(el) || !shown(el) || el instanceof SVGElement) continue;
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.position === 'fixed') continue;
      // Content taller than its box that does not scroll is cut off (or spills out).
      if (el.scrollHeight > el.clientHeight + 2 && !scrolls(style))
        clipped.push(`${path(el)}: ${el.scrollHeight}px of content in ${el.clientHeight}px`);
      // Visible content outside the nearest box that clips it, unless that box scrolls.
      let clipper: Element | null = el.parentElement;
      while (clipper !== null && clipper !== dock && !clips(getComputedStyle(clipper))) clipper = clipper.parentElement;
      if (clipper === null || scrolls(getComputedStyle(clipper))) continue;
      const box = clipper.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      if (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1) {
        clipped.push(
          `${path(el)}: at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} outside ${name(clipper)} ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`,
        );
      }
    }
  }
  // The axes of the charts are canvas text: their font is set in the chart's options.
  for (const canvas of document.querySelectorAll('.su-chart canvas')) {
    const context = (canvas as HTMLCanvasElement).getContext('2d');
    const size = context === null ? NaN : parseFloat(/(\d+(\.\d+)?)px/.exec(context.font)?.[1] ?? 'NaN');
    if (size < minPx) smallText.push(`${size}px canvas text (${path(canvas)})`);
  }
  const stage = document.querySelector('.su-stage')?.getBoundingClientRect();
  return {
    smallText,
    clipped,
    smallest,
    stage: { x: stage?.x ?? 0, y: stage?.y ?? 0, width: stage?.width ?? 0, height: stage?.height ?? 0 },
  };
}

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const LANGUAGES = [
  { lang: 'en', locale: 'en-US' },
  { lang: 'ko', locale: 'ko-KR' },
] as const;

describe.skipIf(!enabled)('readability at common screen sizes', () => {
  const game = useGame();

  const diagram = (page: Page) => page.evaluate(() => window.scaleUp?.describeDiagram() ?? null);
  const components = (page: Page) =>
    page.evaluate(() => {
      const model = window.scaleUp?.client.game.get() ?? null;
      const team = model?.me.team ?? null;
      return model === null || team === null ? [] : (model.teams[team]?.components ?? []).map((c) => ({ id: c.id, kind: c.kind }));
    });
  /** Sends commands a player's pace apart (the room allows about ten a second). */
  const send = (page: Page, commands: Command[]) =>
    page.evaluate(async (list) => {
      for (const command of list) {
        window.scaleUp!.client.send(command);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }, commands);
  /** Sends `commands`, then waits until the team has `count` components. */
  const buy = async (page: Page, commands: Command[], count: number) => {
    await send(page, commands);
    await expect.poll(async () => (await components(page)).length, { timeout: 40_000 }).toBeGreaterThanOrEqual(count);
    return components(page);
  };
  const idOf = (list: Array<{ id: string; kind: string }>, kind: string, nth = 0) =>
    list.filter((c) => c.kind === kind)[nth]?.id ?? `${kind}-?`;

  for (const viewport of VIEWPORTS) {
    for (const { lang, locale } of LANGUAGES) {
      const label = `${viewport.width}x${viewport.height}-${lang}`;
      it(`${label}: texts at least ${MIN_TEXT_PX} px, nothing clipped, cards drawn in full`, { timeout: 180_000 }, async () => {
        const errors: string[] = [];
        const page = await game.openGame({ viewport, locale, errors });
        try {
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
          await startSandbox(page);
          await expect.poll(async () => (await components(page)).length, { timeout: 40_000 }).toBeGreaterThan(0);
          // About eight components in the first region, bought and wired as a player would.
          await send(page, [
            { type: 'buyFeature', feature: 'hostMetrics' },
            { type: 'buyFeature', feature: 'aggregatedMetrics' },
            { type: 'buyFeature', feature: 'businessMetrics' },
          ]);
          let list = await buy(
            page,
            [
              { type: 'buy', kind: 'lb', region: 'ap' },
              { type: 'buy', kind: 'web', region: 'ap' },
              { type: 'buy', kind: 'web', region: 'ap' },
              { type: 'buy', kind: 'cache', region: 'ap' },
              { type: 'buy', kind: 'db', region: 'ap', engine: 'rdbms' },
              { type: 'buy', kind: 'queue', region: 'ap' },
              { type: 'buy', kind: 'worker', region: 'ap' },
            ],
            8,
          );
          const db = idOf(list, 'db');
          list = await buy(page, [{ type: 'buy', kind: 'db', region: 'ap', replicaOf: db }], 9);
          const lb = idOf(list, 'lb');
          const webs = list.filter((c) => c.kind === 'web').map((c) => c.id);
          const wiring: Command[] = [{ type: 'connect', from: 'users', to: lb }];
          for (const web of webs) {
            wiring.push(
              { type: 'connect', from: lb, to: web },
              { type: 'connect', from: web, to: idOf(list, 'cache') },
              { type: 'connect', from: web, to: db },
            );
          }
          wiring.push(
            { type: 'connect', from: webs[0]!, to: idOf(list, 'queue') },
            { type: 'connect', from: idOf(list, 'queue'), to: idOf(list, 'worker') },
          );
          await send(page, wiring);
          await expect
            .poll(async () => (await diagram(page))?.edges.length ?? 0, { timeout: 40_000 })
            .toBeGreaterThanOrEqual(wiring.length);
          // The inspector open on a web server, the build panel open: the narrowest stage.
          // (A click in the page itself: Playwright's click waits for navigations, which a loaded machine can make it time out on.)
          await page
            .locator('.su-system-item')
            .nth(1)
            .evaluate((button: HTMLElement) => button.click());
          await page.locator('.su-inspector').waitFor({ timeout: 20_000 });
          // Let the charts gather a few points, the camera settle and the fonts arrive.
          await page.waitForTimeout(3000);
          await page.screenshot({ path: join(SCREENSHOTS, `readability-${label}.png`) });

          const dom = await page.evaluate(measureDom, MIN_TEXT_PX);
          const scene = (await diagram(page))!;
          const stage = dom.stage;
          const tiles = scene.cards.filter((c) => c.detail !== 'full').map((c) => `${c.id} drawn as a ${c.detail}`);
          const smallCardText = scene.cards.flatMap((c) =>
            c.texts.filter((t) => t.px < MIN_TEXT_PX).map((t) => `${c.id}: ${t.px.toFixed(1)}px "${t.text}"`),
          );
          const smallLabels = scene.labels.filter((t) => t.px < MIN_TEXT_PX).map((t) => `${t.px.toFixed(1)}px "${t.text}"`);
          const outside = scene.cards
            .filter(
              (c) =>
                c.rect.x < stage.x - 1 ||
                c.rect.y < stage.y - 1 ||
                c.rect.x + c.rect.w > stage.x + stage.width + 1 ||
                c.rect.y + c.rect.h > stage.y + stage.height + 1,
            )
            .map((c) => `${c.id} at ${Math.round(c.rect.x)},${Math.round(c.rect.y)} ${Math.round(c.rect.w)}×${Math.round(c.rect.h)}`);
          // A long incident feed scrolls inside its box rather than pushing the dock's content out of it.
          await page.evaluate(() => {
            const body = document.querySelector('.su-feed-body');
            const list = document.createElement('ol');
            list.className = 'su-feed-list';
            for (let i = 0; i < 12; i++) {
              const item = document.createElement('li');
              item.className = 'su-feed-item su-feed-recovered';
              item.innerHTML =
                '<div class="su-feed-line"><time class="su-feed-time">Day 1 00:00</time><strong class="su-feed-name">Incident</strong></div><p class="su-feed-text">What happened, as a feed line says it.</p>';
              list.append(item);
            }
            body?.append(list);
          });
          await page.waitForTimeout(500);
          const longFeed = await page.evaluate(measureDom, MIN_TEXT_PX);
          const feedScrolls = await page.evaluate(() => {
            const body = document.querySelector('.su-feed-body');
            return body !== null && body.scrollHeight > body.clientHeight && getComputedStyle(body).overflowY === 'auto';
          });
          // Every header figure shown (all metrics bought) and the longest complaint it can say.
          await page.evaluate((text) => {
            const badge = document.querySelector('[data-figure="complaints"] .su-badge');
            const words = badge === null ? undefined : [...badge.childNodes].reverse().find((node) => node.nodeType === Node.TEXT_NODE);
            if (words !== undefined) words.textContent = text;
          }, LONGEST_COMPLAINT[lang]!);
          // And the money warning with its longest time (just under two days): the game paused so
          // that no new point replaces the falling money this history shows.
          await page.evaluate(async (longest) => {
            const { client } = window.scaleUp!;
            client.control({ action: 'pause' });
            await new Promise((resolve) => setTimeout(resolve, 500));
            const team = client.game.get()?.me.team;
            if (team === undefined || team === null) return;
            const last = client.history.get()[team]?.at(-1);
            const tick = last?.tick ?? 100;
            const money = 100_000;
            const points = Array.from({ length: 61 }, (_, i) => ({
              tick: tick - 60 + i,
              money: money + ((60 - i) * money) / longest,
              dau: 0,
              online: 0,
              availability: null,
              p95LatencyMs: null,
              errorRate: null,
            }));
            client.history.set({ ...client.history.get(), [team]: points });
          }, RUNWAY_WARN_TICKS - 1);
          await page.locator('[data-figure="runway"]').waitFor({ timeout: 10_000 });
          const crowdedHeader = await page.evaluate(headerOverlaps);
          console.info(`${label}: the header's row has ${await page.evaluate(headerSpareRoom)} px to spare`);
          await page.screenshot({
            path: join(SCREENSHOTS, `readability-${label}-header.png`),
            clip: { x: 0, y: 0, width: viewport.width, height: 60 },
          });
          const smallestCard = Math.min(...scene.cards.flatMap((c) => c.texts.map((t) => t.px)));
          console.info(
            `${label}: zoom ${scene.zoom.toFixed(2)}, smallest card text ${smallestCard.toFixed(1)} px, smallest DOM text ${dom.smallest} px, stage ${Math.round(stage.width)}×${Math.round(stage.height)}`,
          );
          // Every offender at once, by check: an empty list is a pass.
          expect({
            'DOM text below the minimum': dom.smallText,
            'clipped panels': dom.clipped,
            'clipped panels with a long feed': [...longFeed.clipped, ...(feedScrolls ? [] : ['the feed does not scroll'])],
            'cards not drawn in full': tiles,
            'card text below the minimum': smallCardText,
            'lane and region names below the minimum': smallLabels,
            'cards outside the stage': outside,
            'header items running into each other': crowdedHeader,
          }).toEqual({
            'DOM text below the minimum': [],
            'clipped panels': [],
            'clipped panels with a long feed': [],
            'cards not drawn in full': [],
            'card text below the minimum': [],
            'lane and region names below the minimum': [],
            'cards outside the stage': [],
            'header items running into each other': [],
          });
          expect(errors).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});
