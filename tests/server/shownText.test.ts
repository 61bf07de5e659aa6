/**
 * What people may type for others to see (player names, team names, hints): refused when it shows
 * as nothing or rearranges what comes after it; kept when it is ordinary text in any script.
 */
import { describe, expect, it } from 'vitest';
import { joinOptionsSchema } from '../../shared/protocol/messages';
import { hintSchema, teamNameSchema } from '../../shared/protocol/roomActions';

const name = (text: string) => joinOptionsSchema.safeParse({ playerId: 'player-0001', name: text }).success;

describe('text others see', () => {
  it.each([
    ['zero-width spaces only', '\u200B\u200B\u200B'],
    ['a right-to-left override', 'Ana\u202Egnp.exe'],
    ['a NUL', 'Ana\u0000'],
    ['a bell', 'Bo\u0007'],
    ['a line break in a name', 'Line\nbreak'],
    ['blank', '   '],
    ['half a character', 'x\uD800'],
  ])('refuses %s', (_what, text) => {
    expect(name(text)).toBe(false);
    expect(teamNameSchema.safeParse(text).success).toBe(false);
  });

  it.each([
    ['Latin', 'Ana Lima'],
    ['Hangul', '호기심 많은 수달'],
    ['an emoji sequence with a joiner', 'Ops 👩‍💻'],
    ['accents', 'Zoë Ångström'],
  ])('keeps %s', (_what, text) => {
    expect(name(text)).toBe(true);
    expect(teamNameSchema.safeParse(text).success).toBe(true);
  });

  it('lets a hint run over several lines, but not hide in control characters', () => {
    expect(hintSchema.safeParse({ en: 'First look at the database.\nThen the cache.' }).success).toBe(true);
    expect(hintSchema.safeParse({ en: 'Look\u0007' }).success).toBe(false);
    expect(hintSchema.safeParse({ ko: '\u200B' }).success).toBe(false);
  });
});
