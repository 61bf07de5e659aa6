/** The locale files as the client ships them, and a lookup of one key, for tests of player-facing text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

const locales = Object.fromEntries(
  (['en', 'ko'] as const).map((lang) => [
    lang,
    JSON.parse(readFileSync(join(ROOT, `client/i18n/locales/${lang}.json`), 'utf8')) as unknown,
  ]),
) as Record<'en' | 'ko', unknown>;

/** The value at a dotted key of a locale file (a string for a text; undefined when missing). */
export function localeText(lang: 'en' | 'ko', key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      locales[lang],
    );
}
