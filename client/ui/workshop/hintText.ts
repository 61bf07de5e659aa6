/**
 * What a participant reads of the instructor's newest hint: the text in their language, else the
 * other one (an instructor may write in one language only), and the concept card it points to.
 * A hint's key tells a new hint from the one already dismissed; the instructor's form makes one.
 * Pure, for the tests.
 */
import { CONCEPT_IDS, type ConceptId } from '../../../shared/campaign/concepts';
import { hintSchema, type Hint } from '../../../shared/protocol/roomActions';
import type { Language } from '../../i18n';
import type { HintModel } from '../../state/model';

export interface HintReading {
  /** The instructor's words, or null for a concept card alone. */
  text: string | null;
  /** The language the text is written in (the reader's, or the other when only that one was written). */
  textLang: Language | null;
  concept: ConceptId | null;
}

function isConcept(id: string | null): id is ConceptId {
  return id !== null && (CONCEPT_IDS as readonly string[]).includes(id);
}

export function readHint(hint: HintModel, lang: Language): HintReading {
  const other: Language = lang === 'en' ? 'ko' : 'en';
  const own = hint[lang];
  const fallback = hint[other];
  const text = own ?? fallback;
  return {
    text,
    textLang: own !== null ? lang : fallback !== null ? other : null,
    concept: isConcept(hint.concept) ? hint.concept : null,
  };
}

/** The newest hint (the room keeps them oldest first), or null. */
export function newestHint(hints: readonly HintModel[]): HintModel | null {
  return hints.at(-1) ?? null;
}

/** Tells hints apart: two hints sent at the same tick still differ by what they say. */
export function hintKey(hint: HintModel): string {
  return JSON.stringify([hint.tick, hint.concept, hint.en, hint.ko]);
}

/** The hint the instructor's form makes, as the schema parses it; null when it says nothing or too much. */
export function hintFrom(concept: string, en: string, ko: string): Hint | null {
  const draft: Record<string, string> = {};
  if (concept !== '') draft.concept = concept;
  if (en.trim() !== '') draft.en = en;
  if (ko.trim() !== '') draft.ko = ko;
  const parsed = hintSchema.safeParse(draft);
  return parsed.success ? parsed.data : null;
}
