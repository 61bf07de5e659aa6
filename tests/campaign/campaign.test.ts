/**
 * The campaign as a whole: every file in assets/campaign is registered, in order, named by its
 * number and id; the chapters follow the scaling ideas in the source's order, cover all thirteen
 * and end on the checklist; the first is the guided one; every chapter speaks both languages,
 * sells what its idea needs, and lasts a few real minutes at the speed it opens at.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chapters } from '../../shared/campaign';
import { CONCEPT_IDS } from '../../shared/campaign/concepts';

const FILES = readdirSync(new URL('../../assets/campaign/', import.meta.url))
  .filter((name) => name.endsWith('.json'))
  .sort();
const HANGUL = /[\uAC00-\uD7A3]/;

describe('the campaign', () => {
  it('registers every chapter file, in order, each named NN-id by its number', () => {
    expect(chapters().map((c) => `${c.scenario.id}.json`)).toEqual(FILES);
    chapters().forEach((chapter, index) => {
      expect(chapter.number).toBe(index + 1);
      expect(chapter.scenario.id.startsWith(`${String(index + 1).padStart(2, '0')}-`)).toBe(true);
    });
  });

  it("follows the ideas in the source's order, covers all thirteen, and ends on the checklist", () => {
    const order = chapters().map((c) => CONCEPT_IDS.indexOf(c.concept));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(chapters().map((c) => c.concept))).toEqual(new Set(CONCEPT_IDS));
    expect(chapters().at(-1)!.concept).toBe('checklist');
    expect(chapters().length).toBeGreaterThanOrEqual(13);
  });

  it('guides the first chapter only', () => {
    expect(chapters().map((c) => c.tutorial === true)).toEqual(chapters().map((_, i) => i === 0));
  });

  it('briefs and hints in both languages', () => {
    for (const chapter of chapters()) {
      const { en, ko } = chapter.briefing;
      expect(ko.length, chapter.scenario.id).toBe(en.length);
      expect(
        ko.every((p) => HANGUL.test(p)),
        chapter.scenario.id,
      ).toBe(true);
      expect(
        en.some((p) => HANGUL.test(p)),
        chapter.scenario.id,
      ).toBe(false);
      for (const hint of chapter.hints) expect(HANGUL.test(hint.ko) && !HANGUL.test(hint.en), chapter.scenario.id).toBe(true);
      expect(HANGUL.test(chapter.scenario.name.ko), chapter.scenario.id).toBe(true);
      expect(chapter.scenario.name.en.startsWith(`${chapter.number}. `), chapter.scenario.id).toBe(true);
    }
  });

  it("sells what each chapter's idea buys", () => {
    for (const chapter of chapters()) {
      const shop = chapter.scenario.shop;
      if (shop === undefined) continue;
      for (const pattern of chapter.idea) {
        if (pattern.type === 'buy' && typeof pattern.kind === 'string') expect(shop.kinds, chapter.scenario.id).toContain(pattern.kind);
        if (pattern.type === 'buyFeature' && typeof pattern.feature === 'string')
          expect(shop.features as string[], chapter.scenario.id).toContain(pattern.feature);
      }
    }
  });

  it('lasts between 2 and 10 real minutes at the speed it opens at', () => {
    for (const chapter of chapters()) {
      const { durationTicks } = chapter.scenario.objectives;
      const seconds = durationTicks! / (chapter.scenario.startSpeed ?? 1);
      expect(seconds, chapter.scenario.id).toBeGreaterThanOrEqual(120);
      expect(seconds, chapter.scenario.id).toBeLessThanOrEqual(600);
    }
  });
});
