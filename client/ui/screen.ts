/**
 * Which screen a game shows: a match's lobby while it waits, the instructor's console in a
 * workshop, a participant's waiting room before the instructor starts, else the game screen with
 * the diagram. The UI routes by it (App.tsx), and the page lets the diagram sleep when it is
 * hidden (main.ts): an instructor's laptop has better things to do than draw behind the console.
 */
import type { GameModel } from '../state/model';

export type InGameScreen = 'lobby' | 'console' | 'waiting' | 'game';

export function screenFor(game: GameModel): InGameScreen {
  if (game.mode === 'match' && game.clock.phase === 'waiting') return 'lobby';
  if (game.mode === 'workshop' && game.me.role === 'instructor') return 'console';
  if (game.mode === 'workshop' && game.clock.phase === 'waiting') return 'waiting';
  return 'game';
}

/** Whether the diagram is on screen (only the game screen shows it). */
export function diagramShown(game: GameModel | null): boolean {
  return game !== null && screenFor(game) === 'game';
}
