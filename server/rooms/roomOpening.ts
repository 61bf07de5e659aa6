// How a room comes to be: new from its creator's options (a join code reserved in presence;
// nothing is stored until its first player sits down), or, after a restart, restored from the
// store under its old code with its seats and clock (see recovery.ts for how restores are asked for).
import type { Presence } from '@colyseus/core';
import { chapterUnlocked } from '../../shared/campaign';
import { countsForCampaign, newRoomRecord, roomSettings, type RoomSetup } from './gameSetup';
import { loadSavedScenario } from '../store/savedScenarios';
import { claimAlias, claimCode, releaseCode, reserveCode } from './joinCode';
import { refuseCreate } from './joining';
import { consumeRestoreToken, loadStoredRoom } from './recovery';
import type { ClockSetting } from './roomClock';
import type { RoomServices } from './roomServices';
import { Seats } from './seats';
import { RoomSession } from './session';
import { TeamSims } from './teamSims';

export interface OpenedRoom {
  record: RoomSetup;
  sims: TeamSims;
  seats: Seats;
  session: RoomSession;
  clock: ClockSetting;
  /** Whether the room record is in the store already (a restored room). */
  stored: boolean;
}

/** Opens a new room from `options`, or the stored room they carry a restore token for. */
export async function openRoom(presence: Presence, services: RoomServices, options: Record<string, unknown>): Promise<OpenedRoom> {
  const restoreId = await consumeRestoreToken(presence, options);
  return restoreId === null ? createRoom(presence, services, options) : restoreRoom(presence, services, restoreId);
}

async function createRoom(presence: Presence, services: RoomServices, options: Record<string, unknown>): Promise<OpenedRoom> {
  const code = await reserveCode(presence);
  let record: RoomSetup;
  try {
    const saved = typeof options.scenario === 'string' ? await loadSavedScenario(services.store, options.scenario) : null;
    record = newRoomRecord(options, code, saved).record;
    await checkChapterUnlocked(services, record);
  } catch (error) {
    await releaseCode(presence, code);
    throw error;
  }
  const settings = roomSettings(record);
  const teams = settings.teams;
  const seats = new Seats(record.mode, teams, services.timings.seats);
  const session = new RoomSession(record.code, settings);
  seats.policy = session;
  return {
    record,
    sims: new TeamSims(record.scenario, record.seed, teams),
    seats,
    session,
    // A chapter waits, paused, for its player to read the briefing and press Start.
    clock: {
      phase: 'waiting',
      paused: countsForCampaign({ mode: record.mode, scenario: record.scenarioId }),
      speed: startSpeed(record, services),
      adjustable: record.mode !== 'match',
    },
    stored: false,
  };
}

async function restoreRoom(presence: Presence, services: RoomServices, id: string): Promise<OpenedRoom> {
  const loaded = await loadStoredRoom(services.store, id, services.logger);
  const { record, sims, room } = loaded;
  await claimCode(presence, record.code);
  const seats = new Seats(record.mode, sims.teamIds, services.timings.seats);
  for (const seat of room?.seats ?? []) seats.restore(seat);
  const session = new RoomSession(record.code, roomSettings(record), room?.session ?? null);
  seats.policy = session;
  // A code the instructor changed to is this room's again (its own id stays reserved by claimCode).
  if (session.code !== record.code) await claimAlias(presence, session.code, record.code);
  // Logs written before seats had public ids name the player by profile id.
  for (const seat of seats.all()) {
    const stored = (key: string) => (Object.hasOwn(loaded.lastSeqs, key) ? (loaded.lastSeqs[key] as number) : -1);
    seat.lastSeq = Math.max(seat.lastSeq, stored(seat.seatId), stored(seat.playerId));
  }
  services.logger.info(
    { room: record.code, tick: sims.tick, commands: loaded.commands, snapshotTick: loaded.snapshotTick },
    'room restored',
  );
  return {
    record,
    sims,
    seats,
    session,
    clock: {
      // Without a snapshot's clock, a room whose log has commands was running (they are taken only then).
      phase: room?.phase ?? (loaded.commands > 0 ? 'running' : 'waiting'),
      paused: room?.paused ?? false,
      pauseReason: room?.pauseReason ?? '',
      speed: room?.speed ?? startSpeed(record, services),
      adjustable: record.mode !== 'match',
    },
    stored: true,
  };
}

/**
 * A solo chapter opens only for a profile that has won the one before it (the campaign unlocks in
 * order; the sandbox and the first chapter are always open). Matches and workshops may run any
 * chapter's scenario: they do not count towards anyone's campaign.
 */
async function checkChapterUnlocked(services: RoomServices, record: RoomSetup): Promise<void> {
  if (!countsForCampaign({ mode: record.mode, scenario: record.scenarioId })) return;
  const progress = await services.store.listProgress(roomSettings(record).creator);
  const completed = new Set(progress.filter((chapter) => chapter.completed).map((chapter) => chapter.chapter));
  if (!chapterUnlocked(record.scenarioId, completed)) refuseCreate('chapter-locked', record.scenarioId);
}

/** A match runs at the server's fixed speed; other rooms open at their scenario's. */
function startSpeed(record: RoomSetup, services: RoomServices): number {
  return record.mode === 'match' ? services.timings.matchSpeed : (record.scenario.startSpeed ?? 1);
}
