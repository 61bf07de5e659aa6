/**
 * The match setup form's choices and checks, pure for the tests: the scenarios a match may run
 * (the free-play presets, then every campaign chapter: a match may run any chapter), the lengths
 * offered, the player's name, a typed join code, and the settings `createMatch` is sent.
 */
import { chapters } from '../../../shared/campaign';
import { isJoinCode, normaliseCode } from '../../../shared/protocol/joinCode';
import { MATCH_TEAMS, MIN_MATCH_TEAMS } from '../../../shared/protocol/roomActions';
import { PRESET_IDS } from '../../../shared/scenarios';
import type { MatchSettings } from '../../net/gameClient';
import { scenarioPreset } from '../../state/scenarios';

export interface ScenarioChoice {
  id: string;
  group: 'preset' | 'chapter';
}

/** Every scenario a match may run, in menu order: the presets, then the chapters in campaign order. */
export function scenarioChoices(): ScenarioChoice[] {
  return [
    ...PRESET_IDS.map((id): ScenarioChoice => ({ id, group: 'preset' })),
    ...chapters().map((chapter): ScenarioChoice => ({ id: chapter.scenario.id, group: 'chapter' })),
  ];
}

/** The scenario's own length in simulated minutes, or null when it runs until stopped (the sandbox). */
function scenarioLength(id: string): number | null {
  return scenarioPreset(id)?.objectives.durationTicks ?? null;
}

/** The lengths a host picks from, in simulated minutes: 2 h, 6 h, 1 day, 3 days (the create option's 60..10080). */
export const LENGTHS: readonly number[] = [120, 360, 1440, 4320];

/** 'scenario': the scenario's own length (offered only when it has one). */
export type LengthChoice = 'scenario' | number;

export function lengthChoices(scenario: string): LengthChoice[] {
  return scenarioLength(scenario) === null ? [...LENGTHS] : ['scenario', ...LENGTHS];
}

/** What the length menu starts on: the scenario's own, else a simulated day (a match must end). */
export function defaultLength(scenario: string): LengthChoice {
  return scenarioLength(scenario) === null ? 1440 : 'scenario';
}

/** The length a choice means, in simulated minutes (null: unknown scenario without a length). */
export function lengthMinutes(scenario: string, choice: LengthChoice): number | null {
  return choice === 'scenario' ? scenarioLength(scenario) : choice;
}

/** The longest name the client keeps (GameClient.setPlayerName). */
export const NAME_MAX = 32;

/** Why a name cannot be used ('missing': empty; 'long': over NAME_MAX), or null when it can. */
export function nameProblem(name: string): 'missing' | 'long' | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'missing';
  return [...trimmed].length > NAME_MAX ? 'long' : null;
}

/** A typed code in the server's form when it could be one, else null (the join button waits). */
export function typedCode(text: string): string | null {
  const code = normaliseCode(text);
  return isJoinCode(code) ? code : null;
}

export interface MatchForm {
  scenario: string;
  length: LengthChoice;
  teams: number;
  public: boolean;
}

/** The settings sent to create the match: no `durationTicks` for the scenario's own length. */
export function matchSettings(form: MatchForm): MatchSettings {
  const teams = Math.min(MATCH_TEAMS.length, Math.max(MIN_MATCH_TEAMS, Math.round(form.teams)));
  const settings: MatchSettings = { scenario: form.scenario, teams, public: form.public };
  if (form.length !== 'scenario') settings.durationTicks = form.length;
  return settings;
}
