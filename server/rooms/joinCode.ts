// Issuing join codes (their alphabet and rules are in shared/protocol/joinCode.ts). A code is reserved in presence before a room takes it
// as its room id, so two processes sharing Redis never hand out the same one.
import { randomInt } from 'node:crypto';
import type { Presence } from '@colyseus/core';
import { CODE_ALPHABET, CODE_LENGTH } from '../../shared/protocol/joinCode';
import { refuseCreate } from './joining';

const CODES_KEY = 'scale-up:codes';
/** A workshop's newer join codes, code → the room's id (its first code). */
const ALIASES_KEY = 'scale-up:code-rooms';

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

/**
 * A new join code for the room `roomId` (a workshop's instructor changes a code that got out):
 * reserved like any code and mapped to the room, so that a client typing it finds the room.
 */
export async function reserveAlias(presence: Presence, roomId: string): Promise<string> {
  const code = await reserveCode(presence);
  await presence.hset(ALIASES_KEY, code, roomId);
  return code;
}

/** Takes an alias back after a restart (its room is back under its own id). */
export async function claimAlias(presence: Presence, code: string, roomId: string): Promise<void> {
  await claimCode(presence, code);
  await presence.hset(ALIASES_KEY, code, roomId);
}

/** Gives back an alias the room no longer uses (never the room's own id: that stays reserved while it lives). */
export async function releaseAlias(presence: Presence, code: string): Promise<void> {
  await presence.hdel(ALIASES_KEY, code);
  await releaseCode(presence, code);
}

/** The room a code names: an alias's room, or null when the code is not an alias (it may be a room's id). */
export async function roomOfAlias(presence: Presence, code: string): Promise<string | null> {
  const roomId = await presence.hget(ALIASES_KEY, code);
  return typeof roomId === 'string' && roomId !== '' ? roomId : null;
}
