/** Switching language at run time: texts change at once, subscribers hear of it, the choice is remembered. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

describe('setLanguage', () => {
  const stored = new Map<string, string>();
  beforeEach(() => {
    stored.clear();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => void stored.set(k, v),
      removeItem: (k: string) => void stored.delete(k),
    });
    vi.stubGlobal('document', { documentElement: { lang: '' } });
    vi.resetModules();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('translates in the new language, notifies, remembers, and sets <html lang>', async () => {
    stored.set('scale-up:lang', 'en');
    const i18n = await import('../../client/i18n');
    expect(i18n.language.get()).toBe('en');
    expect(i18n.t('hud.clock', { day: 2, time: '14:05' })).toBe('Day 2 14:05');
    const heard: string[] = [];
    i18n.language.subscribe((lang) => heard.push(lang));
    i18n.setLanguage('ko');
    expect(i18n.t('hud.clock', { day: 2, time: '14:05' })).toBe('2일차 14:05');
    expect(heard).toEqual(['en', 'ko']);
    expect(stored.get('scale-up:lang')).toBe('ko');
    expect((globalThis.document as unknown as { documentElement: { lang: string } }).documentElement.lang).toBe('ko');
    expect(i18n.tList('concepts.cache.body').length).toBeGreaterThanOrEqual(3);
  });

  it('starts in the remembered language', async () => {
    stored.set('scale-up:lang', 'ko');
    const i18n = await import('../../client/i18n');
    expect(i18n.language.get()).toBe('ko');
    expect(i18n.t('app.title')).toBe('스케일 업!');
  });
});
