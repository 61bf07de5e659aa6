// The campaign map's data for one browser profile: every chapter in order with the stars and best
// score the profile has earned on it, and whether it is open (the first always; any other once
// the chapter before it is won). An unknown profile has simply earned nothing yet.
import { chapterIds, chapterUnlocked } from '../../shared/campaign';
import type { ChapterStanding } from '../../shared/protocol/results';
import type { GameStore } from '../store/types';

export async function campaignStandings(store: GameStore, profileId: string): Promise<ChapterStanding[]> {
  const progress = new Map((await store.listProgress(profileId)).map((row) => [row.chapter, row]));
  const completed = new Set([...progress.values()].filter((row) => row.completed).map((row) => row.chapter));
  return chapterIds().map((id) => {
    const row = progress.get(id);
    return {
      id,
      stars: row?.stars ?? 0,
      score: row?.score ?? null,
      completed: row?.completed ?? false,
      unlocked: chapterUnlocked(id, completed),
    };
  });
}
