/**
 * How each team is drawn in the room debrief's charts and timelines: its colour (the one the
 * lobby and the scoreboard give it, client/ui/teams.ts) and a dash that differs between teams of
 * the same colour. Twelve teams share four colours, so colour is never the only cue: the dash, and
 * the team's name beside every swatch, tell them apart.
 */
import { THEME } from '../../theme/colours';
import { TEAM_COLOURS, teamColour, teamDash } from '../teams';

export interface TeamLook {
  colour: string;
  /** uPlot's dash pattern ([]: solid). */
  dash: number[];
}

const CYCLE = Object.values(TEAM_COLOURS);

export function teamLooks(teams: readonly string[]): Map<string, TeamLook> {
  const used = new Map<string, number>();
  return new Map(
    teams.map((team, i) => {
      const own = teamColour(team);
      // Ids without a colour of their own (neutral grey) go round the team colours in room order.
      const colour = own === THEME.states.unknown ? CYCLE[i % CYCLE.length]! : own;
      const nth = used.get(colour) ?? 0;
      used.set(colour, nth + 1);
      return [team, { colour, dash: teamDash(nth) }];
    }),
  );
}

/** An SVG stroke-dasharray for a dash pattern (none for solid). */
export function dashArray(dash: readonly number[]): string | undefined {
  return dash.length === 0 ? undefined : dash.join(' ');
}
