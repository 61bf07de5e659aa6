// What a room does with each message a client sends, as one table the room registers: commands go
// through the command intake, controls through the clock rules (controls.ts) to the room clock, and
// any other type is refused. Every refusal is an `error` message with a reason code the client
// translates; nothing a client sends throws here.
import type { Client } from '@colyseus/core';
import { CLIENT_MESSAGES, controlMessageSchema, MAX_MESSAGE_CHARS, SERVER_MESSAGES } from '../../shared/protocol/messages';
import { sendError } from './roomReplies';
import { formatZodError } from '../../shared/protocol/zodErrors';
import { jsonSize } from './commandIntake';
import { controlAllowed, matchStartRefusal } from './controls';
import { onInstructor } from './instructorActions';
import { isHost, onLobby } from './lobbyActions';
import { endGame, type RoomParts } from './roomGame';
import { ROOM_ACTION_MESSAGES } from '../../shared/protocol/roomActions';
import { FORECAST_MESSAGE } from '../../shared/protocol/forecast';

export type MessageHandler = (client: Client, message: unknown) => void;

/** The handler of each client message type; `'*'` answers every type not in the table. */
export function messageHandlers(room: RoomParts): Record<string, MessageHandler> {
  return {
    [CLIENT_MESSAGES.command]: (client, message) => answered(room, client, 'command', onCommand(room, client, message)),
    [CLIENT_MESSAGES.control]: (client, message) => onControl(room, client, message),
    [ROOM_ACTION_MESSAGES.lobby]: (client, message) => answered(room, client, 'lobby', onLobby(room, client, message)),
    [ROOM_ACTION_MESSAGES.instructor]: (client, message) => answered(room, client, 'instructor', onInstructor(room, client, message)),
    [FORECAST_MESSAGE]: (client, message) => room.forecasts.receive(client, message),
    // Called as (client, type, payload) for unknown types, but as (client, payload) for a message
    // whose type is '*' itself: never turn the argument into text, it may be any decoded value.
    '*': (client, type) =>
      sendError(client, typeof type === 'string' ? type.slice(0, 40) : '*', 'unknown-message', null, 'no such message type'),
  };
}

/**
 * An asynchronous handler's failure (a store or presence that failed mid-way) is logged and
 * answered, never left as an unhandled rejection: the sender hears that it did not happen.
 */
function answered(room: RoomParts, client: Client, type: string, handling: Promise<void>): void {
  handling.catch((error: unknown) => {
    room.logger.error({ room: room.record.code, type, err: error }, 'a message handler failed');
    sendError(client, type, 'storage-failed', null, 'the server could not carry this out');
  });
}

async function onCommand(room: RoomParts, client: Client, message: unknown): Promise<void> {
  if (!room.intake.allow(client.sessionId, performance.now()))
    return sendError(client, 'command', 'rate-limited', null, 'over the command rate');
  const result = await room.intake.receive(room.seats.bySession(client.sessionId), message);
  if (result.kind === 'refused') {
    room.metrics.command('rejected', result.reason);
    return sendError(client, 'command', result.reason, result.seq, result.detail);
  }
  room.metrics.command(result.kind);
  client.send(
    SERVER_MESSAGES.ack,
    result.kind === 'accepted' ? { seq: result.entry.seq, tick: result.entry.tick } : { seq: result.seq, tick: result.tick },
  );
}

function onControl(room: RoomParts, client: Client, message: unknown): void {
  if (!room.intake.allow(client.sessionId, performance.now()))
    return sendError(client, 'control', 'rate-limited', null, 'over the message rate');
  if (jsonSize(message) > MAX_MESSAGE_CHARS) return sendError(client, 'control', 'oversize', null, 'message too large');
  const parsed = controlMessageSchema.safeParse(message);
  if (!parsed.success) return sendError(client, 'control', 'malformed', null, formatZodError(parsed.error));
  const seat = room.seats.bySession(client.sessionId);
  const control = parsed.data;
  if (seat === undefined || !controlAllowed(room.record.mode, seat, control.action, room.clock.phase, isHost(room, seat))) {
    return sendError(
      client,
      'control',
      'not-allowed',
      null,
      `${control.action} is not for a ${seat?.role ?? 'stranger'} in a ${room.record.mode}`,
    );
  }
  if (control.action === 'start' && room.record.mode === 'match' && room.clock.phase === 'waiting') {
    const notReady = matchStartRefusal(room.seats);
    if (notReady !== null) return sendError(client, 'control', 'not-ready', null, notReady);
  }
  if (control.action === 'end') void endGame(room);
  else room.clock.apply(control);
  room.broadcastPatch();
}
