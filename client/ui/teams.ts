/**
 * A team's name in the player's language: the default team ids a room gives (red, blue, green,
 * gold; team-1, team-2, …) have names in both languages; any other id is shown as it was given.
 */
type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Team ids with a name of their own in the locales (`ui.teams.<id>`). */
const NAMED_TEAMS: ReadonlySet<string> = new Set(['red', 'blue', 'green', 'gold']);

export function teamName(t: Translate, id: string): string {
  if (NAMED_TEAMS.has(id)) return t(`ui.teams.${id}`);
  const numbered = /^team-(\d{1,2})$/.exec(id);
  return numbered === null ? id : t('ui.teams.numbered', { n: Number(numbered[1]) });
}
