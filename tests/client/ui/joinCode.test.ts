/** A typed join code becomes the server's form: upper case, no spaces or dashes. */
import { describe, expect, it } from 'vitest';
import { normaliseCode } from '../../../client/ui/start/joinCode';
import { normaliseCode as serverNormalise } from '../../../server/rooms/joinCode';

describe('join codes', () => {
  it('forgives case, spaces and dashes, as the server does', () => {
    for (const typed of ['k7qx3m', ' K7Q-X3M ', 'k7q x3m', 'K7QX3M']) {
      expect(normaliseCode(typed)).toBe('K7QX3M');
      expect(normaliseCode(typed)).toBe(serverNormalise(typed));
    }
  });
});
