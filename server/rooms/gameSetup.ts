// Turning a creator's options (or a stored room, after a restart) into what a room runs: the
// room record, its simulations and its seats.
import { randomInt, randomBytes } from 'node:crypto';
import { createOptionsSchema, type CreateOptions, type Phase } from '../../shared/protocol/messages';
import { formatZodError } from '../../shared/protocol/zodErrors';
import { findChapter } from '../../shared/campaign';
import { isShippedScenario, loadPreset } from '../../shared/scenarios';
import type { Scenario } from '../../shared/sim';
import type { RoomRecord } from '../store/types';
import { defaultTeams } from './controls';
import { refuseCreate } from './joining';
import type { Seat, Seats } from './seats';
import type { RoomSession, SessionSnapshot } from './session';
import type { PauseReason } from './roomClock';
import { MATCH_TEAMS, MAX_WORKSHOP_TEAMS, MIN_MATCH_TEAMS, type Placement } from '../../shared/protocol/roomActions';

/** A room's record as the room holds it (the store adds its status and times). */
export type RoomSetup = Omit<RoomRecord, 'status' | 'createdAt' | 'endedAt'>;

/** What a room keeps beside its simulations: stored in every snapshot. */
export interface RoomSnapshot {
  phase: Phase;
  paused: boolean;
  speed: number;
  /** Why the room paused itself (absent in older snapshots: it did not). */
  pauseReason?: PauseReason;
  seats: Array<Omit<Seat, 'sessionId'>>;
  /** Absent in snapshots from before rooms had sessions. */
  session?: SessionSnapshot;
}

export interface RoomSettings {
  teams: string[];
  public: boolean;
  creator: string;
  /** Workshops: how participants are placed at first, and whether the clock waits for the instructor. */
  placement?: Placement;
  pauseOnDrop?: boolean;
}

/**
 * Parses a creator's options into a new room record (the code comes from presence). Options a room
 * cannot be made from are refused with a reason code (see JoinRefused). `saved`: the scenario the
 * options name when it is one saved from the editor (loaded by the caller, which may wait for the store).
 */
export function newRoomRecord(raw: unknown, code: string, saved: Scenario | null = null): { record: RoomSetup; options: CreateOptions } {
  const parsed = createOptionsSchema.safeParse(raw);
  if (!parsed.success) refuseCreate('invalid-create', formatZodError(parsed.error));
  const options = parsed.data;
  if (saved === null && !isShippedScenario(options.scenario)) refuseCreate('unknown-scenario', options.scenario);
  const teams = options.mode === 'solo' ? defaultTeams('solo') : (options.teams ?? defaultTeams(options.mode));
  if (new Set(teams).size !== teams.length) refuseCreate('duplicate-team', teams.join(','));
  const [fewest, most] = options.mode === 'match' ? [MIN_MATCH_TEAMS, MATCH_TEAMS.length] : [1, MAX_WORKSHOP_TEAMS];
  if (teams.length < fewest || teams.length > most) refuseCreate('invalid-create', `a ${options.mode} has ${fewest}–${most} teams`);
  // A match's teams are its colours; 'all' names every team in an instructor's orders.
  const strange = teams.find((team) => team === 'all' || (options.mode === 'match' && !(MATCH_TEAMS as readonly string[]).includes(team)));
  if (strange !== undefined) refuseCreate('invalid-create', `no team may be called ${strange}`);
  const settings: RoomSettings = { teams, public: options.mode === 'match' && options.public === true, creator: options.playerId };
  if (options.mode === 'workshop') {
    settings.placement = options.placement ?? 'auto';
    settings.pauseOnDrop = options.pauseOnDrop ?? true;
  }
  const preset = saved ?? loadPreset(options.scenario);
  // The creator's length of game is the scenario's: the replay carries it, so it re-runs alike.
  const scenario =
    options.durationTicks === undefined || options.mode === 'solo'
      ? preset
      : { ...preset, objectives: { ...preset.objectives, durationTicks: options.durationTicks } };
  return {
    options,
    record: {
      id: `${code}-${randomBytes(4).toString('hex')}`,
      code,
      mode: options.mode,
      scenarioId: options.scenario,
      scenario,
      // A campaign chapter counts towards the player's progress: its seed is the server's to pick,
      // so that a client cannot choose one whose random failures happen to be kind.
      seed: options.seed === undefined || countsForCampaign(options) ? randomInt(2 ** 31 - 1) : options.seed,
      settings,
    },
  };
}

/** Whether a room from these options plays a campaign chapter for its creator's progress (a solo chapter). */
export function countsForCampaign(options: Pick<CreateOptions, 'mode' | 'scenario'>): boolean {
  return options.mode === 'solo' && findChapter(options.scenario) !== null;
}

export function roomSettings(record: RoomSetup): RoomSettings {
  return record.settings as RoomSettings;
}

/** What a snapshot keeps of the room now: its clock, its seats (without their connections) and its session. */
export function roomSnapshot(clock: Omit<RoomSnapshot, 'seats' | 'session'>, seats: Seats, session: RoomSession): RoomSnapshot {
  return {
    phase: clock.phase,
    paused: clock.paused,
    speed: clock.speed,
    ...(clock.pauseReason ? { pauseReason: clock.pauseReason } : {}),
    seats: seats.all().map(({ sessionId: _away, ...seat }) => seat),
    session: session.snapshot(),
  };
}

/** The tick a restored room resumes at: past every logged command and every snapshot it saved. */
export function resumeTick(snapshotTick: number, lastLoggedTick: number): number {
  return Math.max(snapshotTick, lastLoggedTick + 1);
}
