/**
 * What the player chose about the goals panel and the hints (interface state, not game state):
 * whether the panel is open (with nothing selected, and while inspecting a component) and which
 * tab it shows, and the hints set aside. A hint dismissed
 * stays away; the next one (another rule) shows as soon as the system moves on.
 */
import { Store } from '../../state/store';
import type { HintId } from './hints';

export interface GoalsUiState {
  /** Whether the panel shows its body: with nothing selected, and while a component is inspected
   * (closed by default then, so the inspector keeps the room). */
  open: boolean;
  openInspecting: boolean;
  tab: 'goals' | 'checklist';
  dismissed: readonly HintId[];
}

export const goalsState = new Store<GoalsUiState>({ open: true, openInspecting: false, tab: 'goals', dismissed: [] });

export function dismissHint(id: HintId): void {
  goalsState.update((s) => (s.dismissed.includes(id) ? s : { ...s, dismissed: [...s.dismissed, id] }));
}

export function showHint(id: HintId): void {
  goalsState.update((s) => ({ ...s, dismissed: s.dismissed.filter((d) => d !== id) }));
}
