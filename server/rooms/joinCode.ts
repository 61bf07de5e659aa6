// Issuing join codes (their alphabet and rules are in shared/protocol/joinCode.ts). A code is reserved in presence before a room takes it
// as its room id, so two processes sharing Redis never hand out the same one.
import { randomInt } from 'node:crypto';
import type { Presence } from '@colyseus/core';
import { CODE_ALPHABET, CODE_LENGTH } from '../../shared/protocol/joinCode';
import { refuseCreate } from './joining';

const CODES_KEY = 'scale-up:codes';

export function randomCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Reserves a fresh code (atomic in Redis: the first increment of a field returns 1). */
export async function reserveCode(presence: Presence): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = randomCode();
    if ((await presence.hincrby(CODES_KEY, code, 1)) === 1) return code;
  }
  refuseCreate('no-free-code', 'no free join code after 20 attempts');
}

/** Marks a code as taken again (a room restored after a restart keeps its code). */
export async function claimCode(presence: Presence, code: string): Promise<void> {
  await presence.hset(CODES_KEY, code, '1');
}

export async function releaseCode(presence: Presence, code: string): Promise<void> {
  await presence.hdel(CODES_KEY, code);
}
