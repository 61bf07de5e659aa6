/**
 * What the player is doing in the interface (not game state): the selected component, a
 * connection being drawn, the concept card open. Shared by the DOM UI and the Phaser diagram:
 * clicking a box in the diagram selects it; "connect" in the inspector, then a click on a target,
 * sends the connect command.
 */
import type { ConceptId } from '../../shared/campaign/concepts';
import { Store } from './store';

/** The 13 scaling ideas: keys of `concepts` in the locale files. */
export type { ConceptId } from '../../shared/campaign/concepts';

export interface UiState {
  selected: string | null;
  /** The component (or 'users') a new connection starts from, while the player picks its target. */
  connectingFrom: string | null;
  openConcept: ConceptId | null;
  /** A campaign chapter's briefing is open (it holds the clock like a concept card). */
  briefing: boolean;
  /** The team shown (instructors and spectators may switch). */
  watchedTeam: string | null;
  /** Before a game: the start screen, the match lobby's setup, or a workshop's setup. */
  startView: 'home' | 'match' | 'workshop';
  /** Large text for a projector (the scoreboard, the instructor's console, the room's debrief). */
  projector: boolean;
  /**
   * Reduced effects in the diagram (fewer traffic dots, no card animations), for laptops without
   * a good GPU: 'on' or 'off' as the player chose (remembered), or 'auto': off until the
   * diagram's frame rate stays low, then switched on with a notice (`effectsNotice`).
   */
  reducedEffects: 'auto' | 'on' | 'off';
  /** Reduced effects were switched on by themselves: the header says so and how to undo it. */
  effectsNotice: boolean;
}

const REDUCED_EFFECTS_KEY = 'scale-up:reduced-effects';

/** localStorage may be missing (Node tests) or throw (privacy mode, sandboxed iframes). */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function storedEffects(): UiState['reducedEffects'] {
  const stored = storage()?.getItem(REDUCED_EFFECTS_KEY);
  return stored === 'on' || stored === 'off' ? stored : 'auto';
}

export const uiState = new Store<UiState>({
  selected: null,
  connectingFrom: null,
  openConcept: null,
  briefing: false,
  watchedTeam: null,
  startView: 'home',
  projector: false,
  reducedEffects: storedEffects(),
  effectsNotice: false,
});

uiState.subscribe(({ reducedEffects }) => {
  try {
    if (reducedEffects !== storedEffects()) storage()?.setItem(REDUCED_EFFECTS_KEY, reducedEffects);
  } catch {
    // Not remembered where storage is refused; the setting still holds for this page.
  }
});
