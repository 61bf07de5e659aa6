// Who may run the clock: the solo player; a workshop's instructor; in a match, its host starts it
// once every team has a player and every player is ready, and nobody pauses or changes the fixed
// speed (docs/design.md: fixed speed in competitive play).
import type { ControlMessage, Mode, Phase } from '../../shared/protocol/messages';
import type { Seat, Seats } from './seats';

export function controlAllowed(mode: Mode, seat: Seat, action: ControlMessage['action'], phase: Phase, isHost: boolean): boolean {
  if (phase === 'finished') return false;
  switch (mode) {
    case 'solo':
      return seat.role === 'captain';
    case 'workshop':
      return seat.role === 'instructor';
    case 'match':
      return action === 'start' && isHost;
  }
}

/**
 * Why a match cannot start yet (null: it can): a team without a player would play alone against
 * nobody's decisions, and a player not ready is still reading the rules.
 */
export function matchStartRefusal(seats: Seats): string | null {
  const empty = seats.teamIds.find((team) => seats.members(team).length === 0);
  if (empty !== undefined) return `team ${empty} has no player`;
  const waiting = seats.participants().filter((seat) => seat.ready !== true);
  return waiting.length === 0 ? null : `${waiting.length} player(s) not ready`;
}

/** Team ids a room gets when its creator names none. */
export function defaultTeams(mode: Mode): string[] {
  switch (mode) {
    case 'solo':
      return ['solo'];
    case 'match':
      return ['red', 'blue'];
    case 'workshop':
      return ['team-1', 'team-2', 'team-3', 'team-4'];
  }
}
