// What only a workshop's instructor may do to the room: inject an incident into one team or all,
// broadcast a hint, place, move, shuffle and remove participants, lock the session, change its
// join code, decide whether the clock waits for them, name teams. The instructor is the seat the
// workshop's creation made (its holder proved it with the seat token the room issued); any other
// seat is refused with `not-allowed`, whatever it sends.
import { randomInt } from 'node:crypto';
import type { Client } from '@colyseus/core';
import { SERVER_MESSAGES, type InjectedMessage } from '../../shared/protocol/messages';
import { instructorMessageSchema, type InstructorMessage } from '../../shared/protocol/roomActions';
import { afterMoves, parseAction, type Refusal } from './lobbyActions';
import { saveSnapshot, type RoomParts } from './roomGame';
import { sendAway, sendError } from './roomReplies';
import type { Seat } from './seats';

const refusal = (reason: Refusal['reason'], detail: string): Refusal => ({ reason, detail });

/** Injected incidents a team may have running at once. */
const MAX_RUNNING_INJECTED = 5;

export async function onInstructor(room: RoomParts, client: Client, message: unknown): Promise<void> {
  const action = parseAction(room, client, 'instructor', message, instructorMessageSchema);
  if (action === null) return;
  const seat = room.seats.bySession(client.sessionId);
  let refused: Refusal | null;
  if (seat === undefined || seat.role !== 'instructor' || room.record.mode !== 'workshop') {
    refused = refusal('not-allowed', `${action.action} is for a workshop's instructor`);
  } else if (room.clock.phase === 'finished') {
    refused = refusal('not-running', 'the session is over');
  } else {
    refused = await apply(room, seat, action, client);
  }
  if (refused !== null) return sendError(client, 'instructor', refused.reason, null, refused.detail);
  room.logger.info({ room: room.record.code, action: action.action }, 'instructor action');
  room.broadcastPatch();
}

async function apply(room: RoomParts, instructor: Seat, action: InstructorMessage, client: Client): Promise<Refusal | null> {
  const { seats, session, wire, sims } = room;
  switch (action.action) {
    case 'inject':
      return inject(room, instructor, action, client);
    case 'hint':
      session.addHint({ ...action.hint, tick: sims.tick });
      break;
    case 'placement':
      session.placement = action.placement;
      break;
    case 'move': {
      const seat = participant(room, action.seat);
      if ('reason' in seat) return seat;
      if (seat.team === action.team) return refusal('no-change', action.team);
      const reason = seats.moveTo(seat, action.team);
      if (reason !== null) return refusal(reason, action.team);
      await afterMoves(room, [seat]);
      return null;
    }
    case 'shuffle':
      await afterMoves(room, seats.deal(shuffled));
      return null;
    case 'remove': {
      const seat = seats.bySeatId(action.seat);
      if (seat === undefined) return refusal('no-such-seat', action.seat);
      if (seat.role === 'instructor') return refusal('not-allowed', 'the instructor stays');
      remove(room, seat);
      break;
    }
    case 'lock':
      session.locked = action.locked;
      break;
    case 'rotate-code':
      await room.changeCode();
      break;
    case 'pause-on-drop':
      session.pauseOnDrop = action.enabled;
      break;
    case 'team-name':
      if (!sims.teamIds.includes(action.team)) return refusal('no-such-team', action.team);
      session.teamNames.set(action.team, action.name);
      break;
  }
  wire.setSession(session);
  await saveSnapshot(room);
  return null;
}

/** A participant's seat by its public id, or why it is not one. */
function participant(room: RoomParts, seatId: string): Seat | Refusal {
  const seat = room.seats.bySeatId(seatId);
  if (seat === undefined) return refusal('no-such-seat', seatId);
  if (seat.team === null) return refusal('not-allowed', `a ${seat.role} has no team`);
  return seat;
}

/** A random order (Fisher–Yates with the system's randomness: nothing here needs to be replayed). */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The incident goes into the log for each team named (every team whose game is still on, for
 * 'all'), as a command of the instructor's seat, so a replay meets it at the same tick. A team
 * whose simulation refuses it (no such component, nothing of that kind serving) is skipped; the
 * instructor hears why when no team took it.
 */
async function inject(
  room: RoomParts,
  instructor: Seat,
  action: Extract<InstructorMessage, { action: 'inject' }>,
  client: Client,
): Promise<Refusal | null> {
  const { sims, clock } = room;
  if (clock.phase !== 'running') return refusal('not-running', 'the session has not started');
  if (action.team !== 'all' && !sims.teamIds.includes(action.team)) return refusal('no-such-team', action.team);
  const teams = action.team === 'all' ? sims.teamIds.filter((team) => !sims.isOver(team)) : [action.team];
  const answer: InjectedMessage = { applied: [], skipped: [] };
  let first: Refusal | null = null;
  for (const team of teams) {
    // A handful at once is a hard day; more only grows the team's state and every snapshot.
    const running = sims.state(team).incidents.filter((i) => i.origin === 'injected' && i.endTick === null).length;
    if (running >= MAX_RUNNING_INJECTED) {
      first ??= refusal('busy', `${team}: ${running} injected incidents still running`);
      answer.skipped.push({ team, reason: 'busy' });
      continue;
    }
    const logged = await room.intake.instruct(instructor, team, { type: 'inject', incident: action.incident });
    if ('refused' in logged) {
      first ??= refusal(logged.refused, `${team}: ${logged.detail}`);
      answer.skipped.push({ team, reason: logged.refused });
    } else answer.applied.push(team);
  }
  if (answer.applied.length === 0) return first ?? refusal('game-over', 'no team is still playing');
  // The instructor hears which teams it reached (an incident for every team skips those that
  // cannot have it: no database to fail, say).
  client.send(SERVER_MESSAGES.injected, answer);
  if (answer.skipped.length > 0)
    room.logger.info({ room: room.record.code, skipped: answer.skipped }, 'injected incident skipped some teams');
  return null;
}

/** Takes a participant (or a spectator) out for good: their seat goes, their profile cannot sit again. */
function remove(room: RoomParts, seat: Seat): void {
  room.session.removed.add(seat.playerId);
  room.session.formerSeats[seat.seatId] = seat.name;
  room.seats.remove(seat);
  room.wire.removeSeat(seat);
  for (const other of room.seats.all()) room.wire.updateSeat(other);
  if (seat.sessionId === null) return;
  room.session.departed.set(seat.sessionId, 'removed');
  const client = room.clientOf(seat.sessionId);
  if (client !== undefined) sendAway(client, 'removed');
}
