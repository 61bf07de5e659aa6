// Answers a room sends a client outside the normal flow: a refusal (an `error` with a reason code
// the client translates) and the goodbye of a connection whose seat was taken over.
import type { Client } from '@colyseus/core';
import {
  CLOSE_MOVED,
  CLOSE_REMOVED,
  CLOSE_SEAT_TAKEN_OVER,
  SERVER_MESSAGES,
  type ErrorMessage,
  type ErrorReason,
} from '../../shared/protocol/messages';

export function sendError(client: Client, type: string, reason: ErrorReason, seq: number | null, detail: string): void {
  const message: ErrorMessage = { reason, seq, type, detail };
  client.send(SERVER_MESSAGES.error, message);
}

/** Why a connection no longer holds its seat: another connection took it, it changed team, or it was removed. */
export type Departure = 'taken-over' | 'moved' | 'removed';

/** Tells a connection that no longer holds its seat why it is closed, and closes it. */
export function sendAway(client: Client, why: Departure = 'taken-over'): void {
  if (why === 'moved') return client.leave(CLOSE_MOVED);
  if (why === 'removed') {
    sendError(client, 'instructor', 'removed', null, 'the instructor removed this seat');
    return client.leave(CLOSE_REMOVED);
  }
  sendError(client, 'join', 'seat-taken-over', null, 'another connection took this seat');
  client.leave(CLOSE_SEAT_TAKEN_OVER);
}
