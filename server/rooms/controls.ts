// Who may run the clock: the solo player; a workshop's instructor; in a match, any captain may
// start, and nobody pauses or changes the fixed speed (docs/design.md: fixed speed in competitive play).
import type { ControlMessage, Mode, Phase } from '../../shared/protocol/messages';
import type { Seat } from './seats';

export function controlAllowed(mode: Mode, seat: Seat, action: ControlMessage['action'], phase: Phase): boolean {
  if (phase === 'finished') return false;
  switch (mode) {
    case 'solo':
      return seat.role === 'captain';
    case 'workshop':
      return seat.role === 'instructor';
    case 'match':
      return action === 'start' && seat.role === 'captain';
  }
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
