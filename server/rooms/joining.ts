// The door of a room: a joining client's options, checked with zod, and refusals the client can
// translate. A refused join or create rejects the SDK's create/joinById with the reason code as
// its message; the detail (which field, which scenario) stays on the server, for its log.
import { ServerError } from '@colyseus/core';
import { joinOptionsSchema, type CreateReason, type JoinOptions, type JoinRefusal } from '../../shared/protocol/messages';
import { formatZodError } from '../../shared/protocol/zodErrors';
import type { Seats, SeatTaken } from './seats';

/** Error code of a refused join (sent over the WebSocket, where the room's onJoin runs). */
const JOIN_REFUSED = 4403;
/** HTTP statuses of a refused create: the matchmaking route answers with the error's code as its status. */
const CREATE_REFUSED = 400;
const NO_FREE_CODE = 503;

/**
 * A join or create the room refused. A ServerError: Colyseus sends its message (the reason) to the
 * client as it is, and does not print it as a crash.
 */
export class JoinRefused extends ServerError {
  constructor(
    readonly reason: JoinRefusal,
    /** For developers and logs only, never shown to players. */
    readonly detail = '',
    code = JOIN_REFUSED,
  ) {
    super(code, reason);
  }
}

export function refuseJoin(reason: JoinRefusal, detail = ''): never {
  throw new JoinRefused(reason, detail);
}

export function refuseCreate(reason: CreateReason, detail = ''): never {
  throw new JoinRefused(reason, detail, reason === 'no-free-code' ? NO_FREE_CODE : CREATE_REFUSED);
}

/**
 * The refusal behind an error Colyseus reports from onCreate or onJoin (it wraps what the room
 * threw as the `cause`), if the error is one.
 */
export function refusalIn(error: unknown): JoinRefused | undefined {
  if (error instanceof JoinRefused) return error;
  return error instanceof Error && error.cause instanceof JoinRefused ? error.cause : undefined;
}

/** The seat a join takes (see Seats.take), or its refusal. `isCreator`: the join the room's creation reserved. */
export function takeSeat(seats: Seats, options: JoinOptions, sessionId: string, isCreator: boolean): SeatTaken {
  const taken = seats.take(options, sessionId, isCreator);
  if ('refused' in taken) refuseJoin(taken.refused);
  return taken;
}

/**
 * The join options in `raw`, or a refusal. The creator's room settings (mode, teams, …) arrive in
 * the same object as its join options, so only the join fields are read.
 */
export function parseJoinOptions(raw: unknown): JoinOptions {
  const picked = typeof raw === 'object' && raw !== null ? pickJoinFields(raw as Record<string, unknown>) : raw;
  const parsed = joinOptionsSchema.safeParse(picked);
  if (!parsed.success) refuseJoin('invalid-join', formatZodError(parsed.error));
  return parsed.data;
}

function pickJoinFields(raw: Record<string, unknown>): Record<string, unknown> {
  const { playerId, name, team, role, seatToken, resume, protocol, code } = raw;
  return Object.fromEntries(
    Object.entries({ playerId, name, team, role, seatToken, resume, protocol, code }).filter(([, v]) => v !== undefined),
  );
}
