/**
 * The dev pages are served by `npx vite` but never built for players, so nothing else notices when
 * a page names a script that moved: each page listed in vite.config.ts exists and loads a module
 * that exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_PAGES, GAME_PAGE } from '../../vite.config';

describe('pages', () => {
  it.each(Object.entries({ game: GAME_PAGE, ...DEV_PAGES }))('%s page loads a module that exists', (_name, page) => {
    expect(existsSync(page), page).toBe(true);
    const scripts = [...readFileSync(page, 'utf8').matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    for (const script of scripts) expect(existsSync(join(dirname(page), script)), script).toBe(true);
  });
});
