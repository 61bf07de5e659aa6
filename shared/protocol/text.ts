/**
 * Text people type that others see (names, team names, hints): whole characters, something
 * visible, and no control or formatting characters. A name of zero-width spaces shows as nothing;
 * a right-to-left override turns the text after it around on every screen; a NUL or a bell has no
 * business on a projector. The zero-width joiner stays: emoji sequences need it.
 */
import { z } from 'zod';

// A lone UTF-16 surrogate is refused: the state encoder counts such a string's bytes one way and
// writes them another, which would put every client's decoder out of step.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /[^\P{Cc}\n]/u;
const FORMAT_BUT_JOINER = /[^\P{Cf}\u200D]/u;
const VISIBLE = /[^\s\p{Cf}]/u;

/** Trimmed text of 1–`max` characters that shows as something; `lines`: line breaks allowed. */
export function shownText(max: number, lines = false) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !LONE_SURROGATE.test(text), { message: 'text of whole characters', params: { rule: 'whole-characters' } })
    .refine((text) => !(lines ? CONTROL_BUT_LINES : CONTROL).test(text) && !FORMAT_BUT_JOINER.test(text), {
      message: 'no control or formatting characters',
      params: { rule: 'no-control' },
    })
    .refine((text) => VISIBLE.test(text), { message: 'something visible', params: { rule: 'visible' } });
}
