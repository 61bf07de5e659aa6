/**
 * Browser tests run Debian's Chromium through playwright-core (no browser download is possible).
 * Headless Chromium needs --enable-unsafe-swiftshader for software WebGL, which Phaser uses.
 * Without Chromium the suite skips with one line, except in CI (CI=true), where it is required.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';

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
  if (process.env.CI === 'true') throw new Error(`Chromium not found at ${CHROMIUM}: browser tests are required in CI (bash .ci/run installs it)`);
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH; bash .ci/run installs it)`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Builds the client (as `npm run build` does) into a fresh folder; returns it. */
export async function buildClient(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'scale-up-client-'));
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Screenshots go to test-results/ (git-ignored). */
export const SCREENSHOTS = 'test-results';
