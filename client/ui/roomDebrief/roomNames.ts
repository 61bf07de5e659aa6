/**
 * How the room debrief names things, in the viewer's language: teams (the name they were given,
 * else their default one), seats (the result's names; the log names seats), the simulated clock,
 * durations, and commands said as the solo debrief says them (commandText).
 */
import type { Command } from '../../../shared/sim';
import type { GameResult, ReplayDocument } from '../../../shared/protocol/results';
import { clockOf, formatDuration, type Language } from '../../i18n';
import { commandText } from '../debrief/commandText';
import { labelForId } from '../names';
import { teamLabel } from '../teams';

type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface RoomNames {
  t: Translate;
  lang: Language;
  team(id: string): string;
  seat(id: string): string;
  clock(tick: number): string;
  /** A duration in minutes, or a dash when there is none. */
  duration(minutes: number | null): string;
  command(command: Command): string;
}

/** A figure that does not exist (no incident, not noticed): a dash, in both languages. */
export const NONE = '–';

export function roomNames(t: Translate, lang: Language, replay: ReplayDocument, result: GameResult | null): RoomNames {
  const given: Record<string, string> = {};
  for (const team of result?.teams ?? []) if (team.name != null && team.name.trim() !== '') given[team.team] = team.name;
  const regions = new Map(replay.scenario.regions.map((r) => [r.id, r.name[lang]]));
  const names = { t, component: labelForId, region: (id: string) => regions.get(id) ?? id.toUpperCase() };
  return {
    t,
    lang,
    team: (id) => teamLabel(t, id, given),
    seat: (id) => (id === result?.instructor ? t('ui.roles.instructor') : (result?.seats[id] ?? id)),
    clock: (tick) => t('hud.clock', clockOf(tick)),
    duration: (minutes) => (minutes === null ? NONE : formatDuration(lang, minutes)),
    command: (command) => commandText(names, command),
  };
}
