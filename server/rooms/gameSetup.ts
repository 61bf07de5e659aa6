// Turning a creator's options (or a stored room, after a restart) into what a room runs: the
// room record, its simulations and its seats.
import { randomInt, randomBytes } from 'node:crypto';
import { createOptionsSchema, type CreateOptions, type Mode, type Phase, type Role } from '../../shared/protocol/messages';
import { loadPreset, PRESET_IDS } from '../../shared/scenarios';
import type { RoomRecord } from '../store/types';
import { defaultTeams } from './controls';
import type { Seat } from './seats';

/** What a room keeps beside its simulations: stored in every snapshot. */
export interface RoomSnapshot {
  phase: Phase;
  paused: boolean;
  speed: number;
  seats: Array<Omit<Seat, 'sessionId'>>;
}

export interface RoomSettings {
  teams: string[];
  public: boolean;
  creator: string;
}

export class SetupError extends Error {}

/** Parses a creator's options into a new room record (the code comes from presence). */
export function newRoomRecord(raw: unknown, code: string): { record: Omit<RoomRecord, 'status' | 'createdAt' | 'endedAt'>; options: CreateOptions } {
  const parsed = createOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SetupError(`invalid room options: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  const options = parsed.data;
  if (!(PRESET_IDS as readonly string[]).includes(options.scenario)) throw new SetupError(`unknown scenario ${options.scenario}`);
  const teams = options.mode === 'solo' ? defaultTeams('solo') : (options.teams ?? defaultTeams(options.mode));
  if (new Set(teams).size !== teams.length) throw new SetupError('team ids must differ');
  const settings: RoomSettings = { teams, public: options.mode === 'match' && options.public === true, creator: options.playerId };
  return {
    options,
    record: {
      id: `${code}-${randomBytes(4).toString('hex')}`,
      code,
      mode: options.mode,
      scenarioId: options.scenario,
      scenario: loadPreset(options.scenario),
      seed: options.seed ?? randomInt(2 ** 31 - 1),
      settings,
    },
  };
}

export function roomSettings(record: RoomRecord | Omit<RoomRecord, 'status' | 'createdAt' | 'endedAt'>): RoomSettings {
  return record.settings as RoomSettings;
}

/** The tick a restored room resumes at: past every logged command and every snapshot it saved. */
export function resumeTick(snapshotTick: number, lastLoggedTick: number): number {
  return Math.max(snapshotTick, lastLoggedTick + 1);
}

export function isRole(value: string): value is Role {
  return value === 'player' || value === 'captain' || value === 'instructor' || value === 'spectator';
}

export function isMode(value: string): value is Mode {
  return value === 'solo' || value === 'match' || value === 'workshop';
}
