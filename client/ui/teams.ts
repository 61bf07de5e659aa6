/**
 * A team's name and colour. The default team ids a room gives (red, blue, green, gold; team-1,
 * team-2, …) have names in both languages; any other id is shown as it was given; a name the
 * team's captain chose (the room's `teamNames`) wins over both.
 * Colours come from the one colour file (assets/theme/colours.json), which has no red: the red
 * team takes the orange accent, the nearest hue it has. Team colours are never the only cue: the
 * name is always beside the swatch, and the charts draw each team with its own dash too.
 */
import { THEME } from '../theme/colours';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Team ids with a name of their own in the locales (`ui.teams.<id>`). */
const NAMED_TEAMS: ReadonlySet<string> = new Set(['red', 'blue', 'green', 'gold']);

export function teamName(t: Translate, id: string): string {
  if (NAMED_TEAMS.has(id)) return t(`ui.teams.${id}`);
  const numbered = /^team-(\d{1,2})$/.exec(id);
  return numbered === null ? id : t('ui.teams.numbered', { n: Number(numbered[1]) });
}

/** The team's own name if its captain (or a workshop's instructor) gave it one, else its default name. */
export function teamLabel(t: Translate, id: string, teamNames: Readonly<Record<string, string>> = {}): string {
  const chosen = teamNames[id]?.trim();
  return chosen === undefined || chosen === '' ? teamName(t, id) : chosen;
}

/**
 * The match teams' colours, in MATCH_TEAMS order, from the theme: far apart for normal vision and
 * at least apart enough to tell a swatch from its neighbour under the three colour-vision
 * simulations (tests/client/ui/lobby.test.ts), and readable as text on the panels.
 */
export const TEAM_COLOURS: Readonly<Record<string, string>> = {
  red: THEME.states.degraded,
  blue: THEME.states.healthy,
  green: THEME.charts.money,
  gold: THEME.states.busy,
};
const CYCLE = ['red', 'blue', 'green', 'gold'] as const;

/**
 * A CSS colour for a team: the match teams their own; a workshop's numbered teams go round the
 * same four (team-5 shares team-1's, told apart by name); any other id the neutral grey.
 */
export function teamColour(id: string): string {
  const own = TEAM_COLOURS[id];
  if (own !== undefined) return own;
  const numbered = /^team-(\d{1,2})$/.exec(id);
  if (numbered === null) return THEME.states.unknown;
  return TEAM_COLOURS[CYCLE[(Number(numbered[1]) - 1) % CYCLE.length]!]!;
}

/** A line dash per team (uPlot's `dash`: [] is solid), so lines of similar colour still differ. */
const DASHES: readonly number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3]];

export function teamDash(index: number): number[] {
  return DASHES[index % DASHES.length]!;
}

/** Inline style giving an element its team's colour as `--su-team` (the stylesheets only write var(--su-team)). */
export function teamStyle(id: string): Record<string, string> {
  return { '--su-team': teamColour(id) };
}
