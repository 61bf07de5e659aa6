/**
 * Reading a concept card (or a campaign chapter's briefing) stops the clock of a solo game, and closing it starts the clock again —
 * only when the card was what stopped it: a game the player had paused stays paused, and a player
 * who resumed while reading keeps it running. Matches and workshops are left alone: there only
 * the room (an instructor) decides when time runs.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { ControlMessage, Mode } from '../../../shared/protocol/messages';
import type { ClockModel, GameModel } from '../../state/model';
import { useStore } from '../hooks';
import type { UiClient } from '../uiClient';
import { uiState } from '../../state/uiState';

/** idle: the card holds no pause; requested: it asked for one; holding: the clock stopped for it. */
export type CardHold = 'idle' | 'requested' | 'holding';

export interface CardClock {
  mode: Mode;
  clock: Pick<ClockModel, 'adjustable' | 'paused' | 'phase'>;
}

/**
 * One step of the rule, run whenever a card opens or closes or the clock pauses or resumes:
 * `wasOpen`/`open` are whether a card was and is open, `hold` what the previous step returned.
 */
export function cardClockStep(
  wasOpen: boolean,
  open: boolean,
  game: CardClock | null,
  hold: CardHold,
): { send: ControlMessage | null; hold: CardHold } {
  if (game === null || game.mode !== 'solo' || !game.clock.adjustable || game.clock.phase !== 'running')
    return { send: null, hold: 'idle' };
  const paused = game.clock.paused;
  if (open && !wasOpen) return paused ? { send: null, hold: 'idle' } : { send: { action: 'pause' }, hold: 'requested' };
  if (open) {
    if (hold === 'requested' && paused) return { send: null, hold: 'holding' };
    // Resumed by hand while reading: the player has the clock now.
    if (hold === 'holding' && !paused) return { send: null, hold: 'idle' };
    return { send: null, hold };
  }
  // Closed: give back what the card took (a pause still on its way is followed by this resume).
  if (wasOpen && (hold === 'requested' || (hold === 'holding' && paused))) return { send: { action: 'resume' }, hold: 'idle' };
  return { send: null, hold: 'idle' };
}

/** Keeps the rule above for the game screen: call it once, with the game it shows. */
export function useConceptPause(client: UiClient, game: GameModel): void {
  const ui = useStore(uiState);
  const open = ui.openConcept !== null || ui.briefing;
  const state = useRef<{ open: boolean; hold: CardHold }>({ open: false, hold: 'idle' });
  const { mode, clock } = game;
  useEffect(() => {
    const step = cardClockStep(state.current.open, open, { mode, clock }, state.current.hold);
    state.current = { open, hold: step.hold };
    if (step.send !== null) client.control(step.send);
    // Only these matter: the rest of the clock (its tick) changes every moment.
  }, [open, clock.paused, clock.phase, clock.adjustable, mode, client]);
}
