// The game a room runs, over game time rather than connections: each tick (the due commands through
// the simulations, each outcome to its sender, the projection, a snapshot every so often, the end
// when every team is over), the end of the game (every team revealed, result and replay stored)
// and snapshots. The room builds its parts once and hands them to these functions and to its
// message handlers (roomMessages.ts).
import type { Client } from '@colyseus/core';
import { SERVER_MESSAGES, type OutcomeMessage } from '../../shared/protocol/messages';
import type { Logger } from '../logger';
import type { WireState } from '../sync/wireState';
import type { CommandIntake } from './commandIntake';
import { roomSnapshot, type RoomSetup } from './gameSetup';
import type { RoomForecasts } from './forecastRequests';
import type { RoomClock } from './roomClock';
import type { RoomMetrics } from './roomMetrics';
import type { RoomSaves } from './roomSaves';
import type { RoomTimings } from './roomServices';
import type { Seats } from './seats';
import type { RoomSession } from './session';
import type { TeamSims } from './teamSims';

export interface RoomParts {
  readonly record: RoomSetup;
  readonly sims: TeamSims;
  readonly seats: Seats;
  readonly session: RoomSession;
  readonly intake: CommandIntake;
  readonly clock: RoomClock;
  readonly wire: WireState;
  readonly saves: RoomSaves;
  readonly metrics: RoomMetrics;
  readonly logger: Logger;
  readonly timings: RoomTimings;
  /** "What if" forecasts asked by this room's players. */
  readonly forecasts: RoomForecasts;
  /** The client connected under `sessionId`, while it is. */
  clientOf(sessionId: string): Client | undefined;
  /** Sends the state's changes to the clients now. */
  broadcastPatch(): void;
  /** Changes the room's join code (a workshop's instructor): reserved in presence, the old one given back. */
  changeCode(): Promise<string>;
  /** Updates the room's listing (its code, teams and phase as the matchmaker shows them). */
  setListing(): Promise<void>;
  /** Runs `work` after `ms` on the room's clock (nothing once the room is gone). */
  later(ms: number, work: () => void): void;
}

/** One tick (the clock runs one at a time, in the command intake's chain). A failed tick is logged; the next one runs. */
export function runTick(room: RoomParts): Promise<void> {
  const { sims, seats, intake, record, logger } = room;
  return room.metrics
    .tick(async () => {
      const { due, stale } = intake.takeDue(sims.tick);
      if (stale.length > 0) logger.error({ room: record.code, stale }, 'logged commands missed their tick');
      for (const outcome of sims.step(due)) {
        const sessionId = seats.bySeatId(outcome.player)?.sessionId;
        const client = sessionId ? room.clientOf(sessionId) : undefined;
        const message: OutcomeMessage = {
          seq: outcome.seq,
          tick: sims.tick - 1,
          ok: outcome.ok,
          reason: outcome.reason,
          createdId: outcome.createdId,
        };
        client?.send(SERVER_MESSAGES.outcome, message);
      }
      room.wire.project(sims);
      // The players' patch first: a snapshot of many teams takes a few milliseconds they need not wait.
      room.broadcastPatch();
      if (sims.tick % room.timings.snapshotEveryTicks === 0) await saveSnapshot(room);
      if (sims.allOver()) await endGame(room);
    })
    .catch((error: unknown) => logger.error({ room: record.code, err: error }, 'tick failed'));
}

/** Ends the game (once): the clock stops, every team is shown, and a stored room gets its result and replay. */
export async function endGame(room: RoomParts): Promise<void> {
  if (room.clock.finished) return;
  room.clock.end();
  room.wire.reveal();
  if (!room.saves.persisted) return;
  const ids = await room.saves.storeResult(room.sims, room.seats, room.session);
  if (ids !== null) room.wire.setResult(ids);
  room.broadcastPatch();
}

/** Stores a snapshot of every team with the room's clock and seats (a room not yet stored has none). */
export function saveSnapshot(room: RoomParts): Promise<void> {
  return room.saves.storeSnapshot(() => room.sims.snapshot(roomSnapshot(room.clock.saved, room.seats, room.session)));
}
