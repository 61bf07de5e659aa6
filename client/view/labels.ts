/**
 * The words the diagram draws, in the player's language. The page passes its i18next instance
 * (see DiagramLabels); without one the diagram reads the English locale file. Keys the locale
 * files do not have yet (the `diagram.*` group) fall back to the built-in texts below, in both
 * languages, so the diagram never shows a raw key. Pure apart from the JSON import.
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

/** Texts of keys the diagram needs that the locale files may not have yet. */
const FALLBACK: Record<string, { en: string; ko: string }> = {
  'diagram.users': { en: 'Users', ko: '사용자' },
  'diagram.dns': { en: 'DNS', ko: 'DNS' },
  'diagram.replica': { en: 'Replica', ko: '복제본' },
  'diagram.primary': { en: 'Primary', ko: '주 DB' },
  'diagram.shards': { en: '{{count}} shards', ko: '샤드 {{count}}개' },
  'diagram.onBox': { en: '+ DB on box', ko: '+ DB 같은 서버' },
  'diagram.settingUp': { en: '+{{count}} setting up', ko: '+{{count}}대 준비 중' },
  'diagram.noMetrics': { en: 'no metrics', ko: '지표 없음' },
  'diagram.perSecond': { en: '{{value}}/s', ko: '초당 {{value}}' },
  'diagram.connectHint': { en: 'Click a box to connect to', ko: '연결할 상자를 클릭하세요' },
  'diagram.lanes.users': { en: 'Users', ko: '사용자' },
  'diagram.lanes.dns': { en: 'DNS', ko: 'DNS' },
  'diagram.lanes.cdn': { en: 'CDN', ko: 'CDN' },
  'diagram.lanes.lb': { en: 'Load balancers', ko: '로드밸런서' },
  'diagram.lanes.web': { en: 'Web servers', ko: '웹 서버' },
  'diagram.lanes.store': { en: 'Caches · sessions', ko: '캐시 · 세션' },
  'diagram.lanes.data': { en: 'Databases', ko: '데이터베이스' },
  'diagram.lanes.replica': { en: 'Read replicas', ko: '읽기 복제본' },
  'diagram.lanes.queue': { en: 'Message queues', ko: '메시지 큐' },
  'diagram.lanes.worker': { en: 'Workers', ko: '워커' },
};

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

/** A text for `key`: the page's translation, else the built-in fallback, else the key. */
export function label(labels: DiagramLabels, key: string, params?: Record<string, string | number>): string {
  const text = labels.t(key, params);
  if (text !== key && text !== '') return text;
  const fallback = FALLBACK[key];
  if (fallback === undefined) return key;
  return interpolate(labels.language() === 'ko' ? fallback.ko : fallback.en, params);
}

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
