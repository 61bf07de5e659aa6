// Short join codes a person can read aloud and type: 6 characters from an alphabet without
// look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). A code is reserved in presence before a room takes it
// as its room id, so two processes sharing Redis never hand out the same one.
import { randomInt } from 'node:crypto';
import type { Presence } from '@colyseus/core';

export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const CODE_LENGTH = 6;
const CODES_KEY = 'scale-up:codes';

export function randomCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Turns what a person typed into a code: upper case, spaces and dashes dropped. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export function isCode(text: string): boolean {
  return text.length === CODE_LENGTH && [...text].every((c) => CODE_ALPHABET.includes(c));
}

/** Reserves a fresh code (atomic in Redis: the first increment of a field returns 1). */
export async function reserveCode(presence: Presence): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = randomCode();
    if ((await presence.hincrby(CODES_KEY, code, 1)) === 1) return code;
  }
  throw new Error('could not find a free join code after 20 attempts');
}

/** Marks a code as taken again (a room restored after a restart keeps its code). */
export async function claimCode(presence: Presence, code: string): Promise<void> {
  await presence.hset(CODES_KEY, code, '1');
}

export async function releaseCode(presence: Presence, code: string): Promise<void> {
  await presence.hdel(CODES_KEY, code);
}
