// A match's lobby (and a workshop whose instructor lets participants choose): picking or switching
// team, readiness, a captain naming the team, the host's number of teams. Each action is checked
// against the sender's seat, the mode and the phase; a refusal is an `error` with a reason code.
import type { Client } from '@colyseus/core';
import { CLOSE_MOVED, MAX_MESSAGE_CHARS, type ErrorReason } from '../../shared/protocol/messages';
import { lobbyMessageSchema, MATCH_TEAMS, type LobbyMessage } from '../../shared/protocol/roomActions';
import { formatZodError } from '../../shared/protocol/zodErrors';
import { jsonSize } from './commandIntake';
import { roomSettings } from './gameSetup';
import { saveSnapshot, type RoomParts } from './roomGame';
import { sendError } from './roomReplies';
import type { Seat } from './seats';

/** A refused action: the reason the client translates, and a detail for developers. */
export interface Refusal {
  reason: ErrorReason;
  detail: string;
}

const refusal = (reason: ErrorReason, detail: string): Refusal => ({ reason, detail });

/** Parses a room action message, or answers the sender with why not (rate, size, shape). */
export function parseAction<T>(
  room: RoomParts,
  client: Client,
  type: string,
  message: unknown,
  schema: { safeParse(m: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } },
): T | null {
  if (!room.intake.allow(client.sessionId, performance.now())) {
    sendError(client, type, 'rate-limited', null, 'over the message rate');
    return null;
  }
  if (jsonSize(message) > MAX_MESSAGE_CHARS) {
    sendError(client, type, 'oversize', null, 'message too large');
    return null;
  }
  const parsed = schema.safeParse(message);
  if (!parsed.success) {
    sendError(client, type, 'malformed', null, formatZodError(parsed.error));
    return null;
  }
  return parsed.data;
}

/** Whether `seat` is the room's host (a match's host, a workshop's instructor). */
export function isHost(room: RoomParts, seat: Seat): boolean {
  return room.session.host === seat.seatId;
}

/**
 * A player who leaves a match's lobby for good gives their seat up (nothing of theirs is in the
 * log yet), so that a closed tab does not hold the start back for everyone; a leaving host hands
 * the lobby to the longest-seated player left.
 */
export function leaveLobby(room: RoomParts, seat: Seat): boolean {
  const { record, clock, seats, session, wire } = room;
  if (record.mode !== 'match' || clock.phase !== 'waiting' || seat.team === null) return false;
  seats.remove(seat);
  wire.removeSeat(seat);
  if (session.host === seat.seatId) {
    session.host = seats.participants()[0]?.seatId ?? null;
    wire.setHost(session.host ?? '');
  }
  for (const other of seats.all()) wire.updateSeat(other);
  return true;
}

/** A player's seat (not an instructor's or a spectator's). */
function isParticipant(seat: Seat): boolean {
  return seat.team !== null && (seat.role === 'player' || seat.role === 'captain');
}

export async function onLobby(room: RoomParts, client: Client, message: unknown): Promise<void> {
  const action = parseAction(room, client, 'lobby', message, lobbyMessageSchema);
  if (action === null) return;
  const seat = room.seats.bySession(client.sessionId);
  const refused = seat === undefined ? refusal('not-allowed', 'no seat') : await applyLobby(room, seat, action);
  if (refused !== null) return sendError(client, 'lobby', refused.reason, null, refused.detail);
  room.broadcastPatch();
}

async function applyLobby(room: RoomParts, seat: Seat, action: LobbyMessage): Promise<Refusal | null> {
  const { record, clock, seats, session, wire } = room;
  if (clock.phase === 'finished') return refusal('lobby-closed', 'the game is over');
  switch (action.action) {
    case 'team': {
      if (!isParticipant(seat)) return refusal('not-allowed', `a ${seat.role} has no team to change`);
      if (record.mode === 'solo') return refusal('not-allowed', 'a solo game has one team');
      if (record.mode === 'workshop' && session.placement !== 'choose') return refusal('not-allowed', 'the room places participants');
      if (clock.phase !== 'waiting') return refusal('lobby-closed', 'teams are set once the game runs');
      if (seat.team === action.team) return refusal('no-change', action.team);
      const reason = seats.moveTo(seat, action.team);
      if (reason !== null) return refusal(reason, action.team);
      await afterMoves(room, [seat]);
      return null;
    }
    case 'ready': {
      if (record.mode !== 'match' || !isParticipant(seat)) return refusal('not-allowed', 'only match players ready up');
      if (clock.phase !== 'waiting') return refusal('lobby-closed', 'the match has started');
      seat.ready = action.ready;
      wire.updateSeat(seat);
      return null;
    }
    case 'team-name': {
      // In a workshop the instructor names the teams (a participant could put anything on the projector).
      if (record.mode !== 'match') return refusal('not-allowed', "only a match's captains name their teams");
      if (seat.role !== 'captain' || seat.team === null) return refusal('not-allowed', "only a team's captain names it");
      session.teamNames.set(seat.team, action.name);
      wire.setSession(session);
      await saveSnapshot(room);
      return null;
    }
    case 'teams':
      return setTeamCount(room, seat, action.count);
  }
}

/** The host of a waiting match sets how many teams play: teams are added in MATCH_TEAMS' order, the last ones go. */
async function setTeamCount(room: RoomParts, seat: Seat, count: number): Promise<Refusal | null> {
  const { record, clock, seats, sims, wire, session } = room;
  if (record.mode !== 'match' || !isHost(room, seat)) return refusal('not-allowed', "only a match's host sets its teams");
  if (clock.phase !== 'waiting') return refusal('lobby-closed', 'the match has started');
  const current = [...sims.teamIds];
  const next = current.slice(0, count);
  for (const team of MATCH_TEAMS) if (next.length < count && !next.includes(team)) next.push(team);
  const leaving = current.filter((team) => !next.includes(team));
  const occupied = leaving.find((team) => seats.members(team).length > 0);
  if (occupied !== undefined) return refusal('team-has-players', occupied);
  if (next.length === current.length) return refusal('no-change', `${count} teams already`);
  sims.setTeams(next);
  seats.setTeams(next);
  wire.setTeams(sims);
  for (const team of leaving) session.teamNames.delete(team);
  wire.setSession(session);
  roomSettings(record).teams = next;
  await room.saves.storeSettings();
  await room.setListing();
  await saveSnapshot(room);
  return null;
}

/**
 * After seats changed team: every seat's line again (captains may have changed), and each moved
 * player who is connected joins again, to receive the new team's system from scratch (a client's
 * view of the state cannot swap one team for another in place). A snapshot keeps the new teams.
 */
export async function afterMoves(room: RoomParts, moved: readonly Seat[]): Promise<void> {
  for (const seat of room.seats.all()) room.wire.updateSeat(seat);
  for (const seat of moved) {
    if (seat.sessionId === null) continue;
    const client = room.clientOf(seat.sessionId);
    // The seat lets go of the connection first: its leaving is then not the player leaving.
    room.session.departed.set(seat.sessionId, 'moved');
    seat.sessionId = null;
    room.wire.setConnected(seat, false);
    client?.leave(CLOSE_MOVED);
    // A lobby player who does not come back in time gives the seat up, as if they had left.
    room.later(room.timings.reconnectSeconds * 1000, () => {
      if (seat.sessionId === null && leaveLobby(room, seat)) {
        void saveSnapshot(room);
        room.broadcastPatch();
      }
    });
  }
  await saveSnapshot(room);
}
