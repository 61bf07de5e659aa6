/**
 * Join codes, as the server hands them out and a person types them. A code is read aloud in a
 * workshop and typed on another machine, so it is short (6 characters) and drawn from an alphabet
 * without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B), and what is typed is forgiven its case,
 * spaces and dashes. Shared so that the client accepts exactly what the server issues.
 */

export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;

/** Turns what a person typed into a code: upper case, spaces and dashes dropped. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** Whether `text` (already normalised) is a code the server could have issued. */
export function isJoinCode(text: string): boolean {
  return text.length === CODE_LENGTH && [...text].every((c) => CODE_ALPHABET.includes(c));
}
