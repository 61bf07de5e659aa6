/** The join page's friendly names, in both languages, and the names the room will take. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanName, friendlyName, MAX_NAME_CHARS, pickName } from '../../../client/ui/workshop/friendlyName';

const ROOT = join(import.meta.dirname, '../../..');
type Words = { adjectives: string[]; animals: string[] };
const words = (lang: 'en' | 'ko'): Words =>
  (JSON.parse(readFileSync(join(ROOT, `client/i18n/locales/${lang}.json`), 'utf8')) as { ui: { workshop: { names: Words } } }).ui.workshop
    .names;
const HANGUL = /[\uAC00-\uD7A3]/;

describe('friendly names', () => {
  const en = words('en');
  const ko = words('ko');

  it('has the same places in both languages, so an offer follows a switch of language', () => {
    expect(en.adjectives.length).toBe(ko.adjectives.length);
    expect(en.animals.length).toBe(ko.animals.length);
    expect(en.adjectives.length).toBeGreaterThanOrEqual(12);
    expect(new Set(en.adjectives).size).toBe(en.adjectives.length);
    expect(new Set(ko.animals).size).toBe(ko.animals.length);
  });

  it('makes every combination a name the room takes, in Hangul for Korean', () => {
    for (let a = 0; a < en.adjectives.length; a++) {
      for (let b = 0; b < en.animals.length; b++) {
        const english = friendlyName(en, { adjective: a, animal: b });
        const korean = friendlyName(ko, { adjective: a, animal: b });
        expect(english).toBe(`${en.adjectives[a]} ${en.animals[b]}`);
        expect(english.length).toBeLessThanOrEqual(MAX_NAME_CHARS);
        expect(korean.length).toBeLessThanOrEqual(MAX_NAME_CHARS);
        expect(korean).toMatch(HANGUL);
        expect(cleanName(korean)).toBe(korean);
      }
    }
    expect(friendlyName(en, { adjective: 0, animal: 0 })).toBe('Curious Otter');
    expect(friendlyName(ko, { adjective: 0, animal: 0 })).toBe('호기심 많은 수달');
  });

  it('picks within the lists for any random number', () => {
    for (const r of [0, 0.5, 0.999999, 1]) {
      const pick = pickName(16, 16, () => r);
      expect(pick.adjective).toBeGreaterThanOrEqual(0);
      expect(pick.adjective).toBeLessThan(16);
      expect(pick.animal).toBeLessThan(16);
    }
    expect(friendlyName({ adjectives: [], animals: ['Fox'] }, { adjective: 0, animal: 0 })).toBe('');
  });

  it('trims a typed name and cuts it between whole characters at the room limit', () => {
    expect(cleanName('   ')).toBeNull();
    expect(cleanName('  Jin  ')).toBe('Jin');
    const long = '😀'.repeat(20); // 40 UTF-16 units
    const cut = cleanName(long)!;
    expect(cut.length).toBeLessThanOrEqual(MAX_NAME_CHARS);
    expect(cut).toBe('😀'.repeat(16));
    expect(cleanName('a'.repeat(40))).toBe('a'.repeat(32));
  });
});
