/**
 * i18next with both locales bundled (no fetch before the first frame, and a workshop on a flaky
 * network still reads every string). The language is the player's last choice, else the
 * browser's; `setLanguage` switches it at any time without a reload, and the `language` store
 * tells the DOM UI (and the Phaser scene, which draws component names) to redraw.
 */
import i18next, { type TOptions } from 'i18next';
import { Store } from '../state/store';
import en from './locales/en.json' with { type: 'json' };
import ko from './locales/ko.json' with { type: 'json' };
import { LANGUAGES, type Language } from './format';

export { LANGUAGES, type Language } from './format';
export * from './format';

/** Where the player's choice is remembered (per browser, like the player id). */
const LANGUAGE_KEY = 'scale-up:lang';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language to start in: the stored choice if it is one we have, else Korean when the
 * browser's preferred language is Korean (ko, ko-KR…), else English.
 */
export function detectLanguage(stored: string | null | undefined, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  const first = browserLanguages[0] ?? '';
  return first.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** localStorage may be missing (Node tests) or throw (privacy mode, sandboxed iframes). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function browserLanguages(): string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? [...navigator.languages] : navigator.language ? [navigator.language] : [];
}

const initial = detectLanguage(storage()?.getItem(LANGUAGE_KEY), browserLanguages());

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: en }, ko: { translation: ko } },
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  // Preact escapes text itself; escaping here too would show &amp; in the UI.
  interpolation: { escapeValue: false },
  // Resources are bundled: initialise synchronously so the first render is already translated.
  initAsync: false,
  returnNull: false,
});

/** The current language; subscribe to redraw on a switch. */
export const language = new Store<Language>(initial);

function applyToDocument(lang: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
applyToDocument(initial);

/** Switches the language everywhere now, and remembers the choice for the next visit. */
export function setLanguage(lang: Language): void {
  if (!isLanguage(lang)) return;
  void i18n.changeLanguage(lang);
  try {
    storage()?.setItem(LANGUAGE_KEY, lang);
  } catch {
    // A full or blocked storage only costs remembering the choice.
  }
  applyToDocument(lang);
  if (language.get() !== lang) language.set(lang);
}

/** Translates `key` in the current language. */
export function t(key: string, params?: Record<string, string | number>): string {
  return i18n.t(key, params as TOptions) as string;
}

/** A list of paragraphs (e.g. `concepts.cache.body`); empty when the key is missing. */
export function tList(key: string): string[] {
  const value: unknown = i18n.t(key, { returnObjects: true });
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
}
