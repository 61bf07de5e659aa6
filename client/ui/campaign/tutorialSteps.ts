/**
 * The first chapter's guided steps: buy a server, select it, let it run the database, make it where
 * users arrive, speed up the clock. Which step is due follows from the game itself (what the team
 * owns, what is selected, the clock), so the guide never gets out of step with a player who does
 * things in another order, reloads, or goes back. Pure, for the tests.
 */
import type { TeamView } from '../../../shared/sim';

export type TutorialStep = 'buy' | 'select' | 'database' | 'entry' | 'speed' | 'done';

export interface TutorialInput {
  team: TeamView;
  selected: string | null;
  speed: number;
  paused: boolean;
  /** The speed the chapter opened at: the last step asks for faster. */
  startSpeed: number;
}

/** The step due now. */
export function tutorialStep({ team, selected, speed, paused, startSpeed }: TutorialInput): TutorialStep {
  const web = team.components.find((c) => c.kind === 'web');
  if (web === undefined) return 'buy';
  const served = Object.values(team.entries).includes(web.id);
  const database = web.settings.colocatedDb === true || web.targets.length > 0;
  if (!(database && served) && selected !== web.id) return 'select';
  if (!database) return 'database';
  if (!served) return 'entry';
  if (speed <= startSpeed || paused) return 'speed';
  return 'done';
}

/** Where each step points: the first visible element matching its selector. */
export const STEP_TARGETS: Record<Exclude<TutorialStep, 'done'>, string> = {
  buy: '.su-card[data-kind="web"] .su-card-foot button.su-btn-primary',
  select: '.su-system-item[data-component^="web-"]',
  database: '[data-setting="colocatedDb"]',
  entry: '[data-entry-make]',
  speed: '.su-speeds, .su-speed-select',
};
