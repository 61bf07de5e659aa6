/**
 * The replay viewer's files keep the UI's rules (the suites for client/ui do not look in
 * client/replay): every text key they use is in both locales, including each reason a file is
 * refused for, and their stylesheet takes its colours from the theme only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiCustomProperties } from '../../client/theme/colours';

const ROOT = join(import.meta.dirname, '../..');
const FOLDER = join(ROOT, 'client/replay');
const files = (extension: RegExp) => readdirSync(FOLDER).filter((name) => extension.test(name));
const locales = Object.fromEntries(
  (['en', 'ko'] as const).map((lang) => [lang, JSON.parse(readFileSync(join(ROOT, `client/i18n/locales/${lang}.json`), 'utf8'))]),
) as Record<'en' | 'ko', Record<string, unknown>>;

function text(lang: 'en' | 'ko', key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], locales[lang]);
}

/** The reasons a replay is not opened: each has a line under ui.replay.error. */
const ERRORS = ['notJson', 'notReplay', 'damaged', 'newerFormat', 'tooLarge', 'unreadable', 'notFound'];

describe("the replay viewer's texts", () => {
  it('are in both locales', () => {
    const keys = new Set(ERRORS.map((error) => `ui.replay.error.${error}`));
    for (const name of files(/\.tsx?$/)) {
      const source = readFileSync(join(FOLDER, name), 'utf8');
      for (const match of source.matchAll(/['"`]((?:ui|hud)\.[A-Za-z0-9_.]+)['"`]/g)) keys.add(match[1] as string);
    }
    expect(keys.size).toBeGreaterThan(20);
    for (const key of keys) {
      for (const lang of ['en', 'ko'] as const) expect(typeof text(lang, key), `${lang} ${key}`).toBe('string');
    }
  });

  it('name every reason a file can be refused for', () => {
    const reasonsIn = (path: string, type: string) =>
      new RegExp(`type ${type} = ([^;]+);`)
        .exec(readFileSync(join(ROOT, path), 'utf8'))?.[1]
        ?.match(/'(\w+)'/g)
        ?.map((r) => r.slice(1, -1)) ?? [];
    const reasons = [
      ...reasonsIn('client/replay/replayFile.ts', 'ReplayFileError'),
      ...reasonsIn('shared/replay/readReplay.ts', 'ReplayProblem'),
    ];
    expect(reasons.sort()).toEqual(ERRORS.filter((error) => error !== 'notFound').sort());
  });
});

describe("the replay viewer's stylesheet", () => {
  it('uses only the theme colours (black shadows aside)', () => {
    const declared = new Set(Object.keys(uiCustomProperties()));
    // The layout's own properties, set on the root in client/ui/ui.css.
    for (const name of ['--su-radius', '--su-left', '--su-right', '--su-bottom']) declared.add(name);
    for (const name of files(/\.css$/)) {
      const css = readFileSync(join(FOLDER, name), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      const used = [...css.matchAll(/var\((--su-[\w-]+)/g)].map((m) => m[1]!);
      expect(
        used.filter((property) => !declared.has(property)),
        name,
      ).toEqual([]);
      const colours = [...css.matchAll(/#[0-9a-f]{3,8}\b|rgba?\([^)]*\)|hsla?\([^)]*\)/gi)]
        .map((m) => m[0])
        .filter((c) => !/^rgb\(0 0 0 \/ \d+%\)$/.test(c));
      expect(colours, name).toEqual([]);
    }
  });
});
