// The door of a room: a joining client's options, checked with zod, and refusals the client can
// translate. A refused join rejects the SDK's create/joinById with the reason as its message.
import { ServerError } from '@colyseus/core';
import { joinOptionsSchema, type JoinOptions, type JoinReason } from '../../shared/protocol/messages';

/** Close code of a refused join. */
const JOIN_REFUSED = 4403;

export function refuseJoin(reason: JoinReason | 'storage-failed'): never {
  throw new ServerError(JOIN_REFUSED, reason);
}

/**
 * The join options in `raw`, or a refusal. The creator's room settings (mode, teams, …) arrive in
 * the same object as its join options, so only the join fields are read.
 */
export function parseJoinOptions(raw: unknown): JoinOptions {
  const picked = typeof raw === 'object' && raw !== null ? pickJoinFields(raw as Record<string, unknown>) : raw;
  const parsed = joinOptionsSchema.safeParse(picked);
  if (!parsed.success) refuseJoin('invalid-join');
  return parsed.data;
}

function pickJoinFields(raw: Record<string, unknown>): Record<string, unknown> {
  const { playerId, name, team, role, seatToken, resume, protocol } = raw;
  return Object.fromEntries(Object.entries({ playerId, name, team, role, seatToken, resume, protocol }).filter(([, v]) => v !== undefined));
}
