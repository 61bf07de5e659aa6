/**
 * What every browser test needs: the client built as `npm run build` builds it, a real game
 * server serving it, and Debian's Chromium through playwright-core (no browser download is
 * possible). Headless Chromium needs --enable-unsafe-swiftshader for software WebGL, which Phaser
 * uses. Without Chromium the suites skip with one line, except in CI (CI=true), where it is
 * required. The page's test hooks (`window.scaleUp`, typed by client/testHooks.ts) are what the
 * tests' `page.evaluate` callbacks read.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { freePort } from '../server/harness';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Whether browser tests can run here; prints how to enable them when not (throws in CI). */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true')
    throw new Error(`Chromium not found at ${CHROMIUM}: browser tests are required in CI (bash .ci/run installs it)`);
  console.warn(
    `Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH; bash .ci/run installs it)`,
  );
  return false;
}

function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Builds the client (as `npm run build` does) into a fresh folder; returns it. */
async function buildClient(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'scale-up-client-'));
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Screenshots go to test-results/ (git-ignored). */
export const SCREENSHOTS = 'test-results';

interface GamePageOptions {
  viewport: { width: number; height: number };
  locale: string;
  /** Where the page's uncaught errors go (a test expects none). */
  errors: string[];
}

/** The game served to a browser for the tests of one describe block. */
export interface GameUnderTest {
  readonly browser: Browser;
  /** The game page's address. */
  readonly url: string;
  /** A new page (in its own browser context, so no storage is shared) showing the start screen. */
  openGame(options: GamePageOptions): Promise<Page>;
}

/**
 * Sets up, for the enclosing describe block, the client built afresh, a game server serving it
 * (ticking every 250 ms, so the clock visibly moves within a test) and Chromium; all torn down
 * after the block. The returned object's fields are ready from the first test on.
 */
export function useGame(): GameUnderTest {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let staticDir: string | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    staticDir = await buildClient();
    dataDir = mkdtempSync(join(tmpdir(), 'scale-up-e2e-'));
    server = await startServer({ port: await freePort(), host: '127.0.0.1', dataDir, staticDir, timings: { tickMs: 250 } });
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const dir of [staticDir, dataDir]) if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the game is not set up yet: use it inside a test');
    return value;
  };
  const game: GameUnderTest = {
    get browser() {
      return ready(browser);
    },
    // The server listens on 127.0.0.1 only; its URL says localhost, which may resolve to ::1.
    get url() {
      return ready(server).url.replace('localhost', '127.0.0.1');
    },
    async openGame({ viewport, locale, errors }) {
      const page = await game.browser.newPage({ viewport, locale });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(game.url);
      await page.locator('.su-start button.su-btn-primary').first().waitFor({ timeout: 30_000 });
      return page;
    },
  };
  return game;
}

/**
 * Starts a sandbox from the start screen, as a player does (its first button, in any language),
 * and waits until the game is on: the page's client has a game, the diagram is loaded and the
 * goals panel is shown.
 */
export async function startSandbox(page: Page): Promise<void> {
  await page.locator('.su-start button.su-btn-primary').first().click();
  await page.waitForFunction(() => (window.scaleUp?.client.game.get() ?? null) !== null, undefined, { timeout: 30_000 });
  await page.locator('.su-goals').waitFor({ timeout: 30_000 });
}
