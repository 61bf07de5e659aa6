/**
 * Opens a chapter's briefing when the chapter starts: once per game in this tab (a reload in the
 * middle of a chapter does not bring it back), and not for a game that is already over.
 */
import { useEffect } from 'preact/hooks';
import type { Chapter } from '../../../shared/campaign';
import type { GameModel } from '../../state/model';
import { openBriefing } from './Briefing';

/** A chapter rejoined after this many simulated minutes has been under way: no briefing then. */
const STARTED_TICKS = 30;

export function useBriefingOnStart(game: GameModel, chapter: Chapter | null): void {
  const { code } = game;
  const early = game.clock.tick < STARTED_TICKS && game.clock.phase !== 'finished';
  useEffect(() => {
    if (chapter === null || !early) return;
    const key = `scale-up:briefed:${code}`;
    try {
      if (sessionStorage.getItem(key) !== null) return;
      sessionStorage.setItem(key, '1');
    } catch {
      // Without session storage the briefing simply opens at every start.
    }
    openBriefing();
  }, [code, chapter, early]);
}
