/**
 * Join codes as a person types them: the server's codes are six upper-case letters and digits
 * (server/rooms/joinCode.ts), read aloud in a workshop, so case, spaces and dashes are forgiven.
 */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
