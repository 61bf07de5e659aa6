/**
 * The name a participant is offered on the join page: an adjective and an animal ("Curious
 * Otter", "호기심 많은 수달") from two word lists in the locales (the workshop names), the same
 * places in both languages, so the offer follows a switch of language until the person types
 * their own. Pure, for the tests.
 */

/** Longest name the room takes (messages.ts, join options). */
export const MAX_NAME_CHARS = 32;

export interface NameWords {
  adjectives: readonly string[];
  animals: readonly string[];
}

/** Which adjective and which animal: indices kept while the page is open. */
export interface NamePick {
  adjective: number;
  animal: number;
}

/** A random pick over lists of these lengths (`random` in [0, 1), Math.random in the page). */
export function pickName(adjectives: number, animals: number, random: () => number): NamePick {
  const at = (length: number) => Math.min(length - 1, Math.floor(random() * length));
  return { adjective: at(Math.max(1, adjectives)), animal: at(Math.max(1, animals)) };
}

/** The picked name in the words of one language; '' when a list is empty. */
export function friendlyName(words: NameWords, pick: NamePick): string {
  const adjective = words.adjectives[pick.adjective % Math.max(1, words.adjectives.length)];
  const animal = words.animals[pick.animal % Math.max(1, words.animals.length)];
  if (adjective === undefined || animal === undefined) return '';
  return cleanName(`${adjective} ${animal}`) ?? '';
}

/**
 * A name as the room takes it: trimmed, at most MAX_NAME_CHARS UTF-16 units (the room's count),
 * cut between whole characters (a lone surrogate is refused); null when nothing is left.
 */
export function cleanName(name: string): string | null {
  let kept = '';
  for (const char of name.trim()) {
    if (kept.length + char.length > MAX_NAME_CHARS) break;
    kept += char;
  }
  kept = kept.trim();
  return kept === '' ? null : kept;
}
