/** A team's colour mark beside its name: the room's team colour (teams.ts), as the scoreboard and the debrief show it. */
import { teamStyle } from '../teams';

export function TeamSwatch({ team, size = 'small' }: { team: string; size?: 'small' | 'large' }) {
  return <span class={`su-ws-swatch su-ws-swatch-${size}`} style={teamStyle(team)} aria-hidden="true" />;
}
