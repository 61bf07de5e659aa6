/** A typed join code becomes the server's form: upper case, no spaces or dashes. */
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, isJoinCode, normaliseCode } from '../../../shared/protocol/joinCode';
import * as server from '../../../server/rooms/joinCode';

describe('join codes', () => {
  it('forgives case, spaces and dashes', () => {
    for (const typed of ['k7qx3m', ' K7Q-X3M ', 'k7q x3m', 'K7QX3M']) {
      expect(normaliseCode(typed)).toBe('K7QX3M');
    }
  });

  it('accepts exactly the codes the server issues', () => {
    for (const lookAlike of ['0', 'O', '1', 'I', 'L', '5', 'S', '2', 'Z', '8', 'B']) expect(CODE_ALPHABET).not.toContain(lookAlike);
    expect(CODE_LENGTH).toBe(6);
    for (let i = 0; i < 50; i++) expect(isJoinCode(server.randomCode())).toBe(true);
    for (const bad of ['ACK9T0', 'ACK9T', 'ACK9TXA', 'ack9tx', '']) expect(isJoinCode(bad)).toBe(false);
  });
});
