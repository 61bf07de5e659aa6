/**
 * The words the diagram draws, in the player's language. The page passes its i18next instance
 * (see DiagramLabels); without one the diagram reads the English locale file. Its own texts are
 * the locale files' `diagram` group, checked in both languages like the rest of the UI's.
 * Pure apart from the JSON import.
 */
import en from '../i18n/locales/en.json' with { type: 'json' };

export interface DiagramLabels {
  /** The current language code ('en', 'ko'). */
  language(): string;
  /** The text for `key`, or `key` itself when there is none (i18next's behaviour). */
  t(key: string, params?: Record<string, string | number>): string;
  /** Calls `listener` after a language switch; returns the function that stops it. */
  subscribe(listener: () => void): () => void;
}

function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function interpolate(text: string, params?: Record<string, string | number>): string {
  if (params === undefined) return text;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** Labels read from one locale file's contents, in a fixed language. */
export function fixedLabels(language: string, texts: unknown): DiagramLabels {
  return {
    language: () => language,
    t: (key, params) => {
      const text = lookup(texts, key);
      return text === undefined ? key : interpolate(text, params);
    },
    subscribe: () => () => undefined,
  };
}

/** English from the bundled locale file: the default when the page passes no labels. */
export const englishLabels: DiagramLabels = fixedLabels('en', en);

/** The number in a component id (web-3 → 3), which the inspector also shows. */
export function idNumber(id: string): string {
  return /-(\d+)$/.exec(id)?.[1] ?? id;
}

/** A rate or count, short: 950 · 12.5k · 3.4M (Latin digits in every language). */
export function shortNumber(value: number): string {
  const v = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (v < 10) return sign + (Math.round(v * 10) / 10).toString();
  if (v < 1000) return sign + Math.round(v).toString();
  const units: Array<[number, string]> = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, unit] of units) {
    if (v >= size) {
      const scaled = v / size;
      return sign + (scaled < 100 ? Math.round(scaled * 10) / 10 : Math.round(scaled)).toString() + unit;
    }
  }
  return sign + Math.round(v).toString();
}
