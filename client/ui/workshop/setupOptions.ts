/**
 * What the workshop setup offers: the shipped scenarios (free-play presets, then the campaign's
 * chapters) and the instructor's own, saved from the editor, a number of teams suggested for the
 * expected head count, and game lengths. Pure, for the tests.
 */
import { chapters } from '../../../shared/campaign';
import { MAX_WORKSHOP_TEAMS } from '../../../shared/protocol/roomActions';
import { PRESET_IDS, scenarioSchema } from '../../../shared/scenarios';
import type { LocalText } from '../../../shared/sim';
import { scenarioPreset } from '../../state/scenarios';

export interface ScenarioChoice {
  id: string;
  name: LocalText;
  description: LocalText;
  /** The chapter's number, or null for a free-play preset. */
  chapter: number | null;
  /** The scenario's own length in ticks (null: open-ended, it runs until the instructor ends it). */
  durationTicks: number | null;
  /** The speed the room opens at. */
  startSpeed: number;
}

export function scenarioChoices(): ScenarioChoice[] {
  const presets = PRESET_IDS.flatMap((id): ScenarioChoice[] => {
    const s = scenarioPreset(id);
    return s === null
      ? []
      : [
          {
            id,
            name: s.name,
            description: s.description,
            chapter: null,
            durationTicks: s.objectives.durationTicks ?? null,
            startSpeed: s.startSpeed ?? 1,
          },
        ];
  });
  const campaign = chapters().map((c): ScenarioChoice => ({
    id: c.scenario.id,
    name: c.scenario.name,
    description: c.scenario.description,
    chapter: c.number,
    durationTicks: c.scenario.objectives.durationTicks ?? null,
    startSpeed: c.scenario.startSpeed ?? 1,
  }));
  return [...presets, ...campaign];
}

/**
 * A scenario the instructor saved from the editor, as the setup offers it: from its document as the
 * server keeps it; null when that does not read as a scenario (saved under an older format).
 */
export function savedChoice(id: string, document: unknown): ScenarioChoice | null {
  const parsed = scenarioSchema.safeParse(document);
  if (!parsed.success) return null;
  const s = parsed.data;
  return {
    id,
    name: s.name,
    description: s.description,
    chapter: null,
    durationTicks: s.objectives.durationTicks ?? null,
    startSpeed: s.startSpeed ?? 1,
  };
}

/** People per team the setup aims for: enough hands and voices, few enough that everyone acts. */
const PEOPLE_PER_TEAM = 5;

/** Teams for the expected number of participants: about five each, 1 to 12. */
export function suggestTeams(people: number): number {
  if (!Number.isFinite(people) || people <= 0) return 1;
  return Math.max(1, Math.min(MAX_WORKSHOP_TEAMS, Math.round(people / PEOPLE_PER_TEAM)));
}

/** Lengths offered besides the scenario's own, in simulated minutes (the room takes 1 hour to 7 days). */
export const DURATIONS = [360, 720, 1440, 2880, 4320, 10080] as const;

/** Real minutes a game of `ticks` simulated minutes takes at `speed`× (a tick is a second at 1×). */
export function realMinutes(ticks: number, speed: number): number {
  return Math.max(1, Math.round(ticks / Math.max(1, speed) / 60));
}
