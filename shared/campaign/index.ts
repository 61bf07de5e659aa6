/**
 * The campaign: the shipped chapter files (assets/campaign), validated once and kept in order.
 * Chapter ids are their scenarios' ids; a room started with one runs its scenario and is scored
 * by its goals.
 */
import type { Chapter } from './schema';
import { parseChapter } from './schema';
import chapter01 from '../../assets/campaign/01-one-server.json' with { type: 'json' };
import chapter02 from '../../assets/campaign/02-two-tiers.json' with { type: 'json' };
import chapter03 from '../../assets/campaign/03-database-choice.json' with { type: 'json' };
import chapter04 from '../../assets/campaign/04-scale-out.json' with { type: 'json' };
import chapter05 from '../../assets/campaign/05-load-balancer.json' with { type: 'json' };
import chapter06 from '../../assets/campaign/06-replication.json' with { type: 'json' };
import chapter07 from '../../assets/campaign/07-cache.json' with { type: 'json' };
import chapter08 from '../../assets/campaign/08-cdn.json' with { type: 'json' };
import chapter09 from '../../assets/campaign/09-stateless-web.json' with { type: 'json' };
import chapter10 from '../../assets/campaign/10-data-centers.json' with { type: 'json' };
import chapter11 from '../../assets/campaign/11-message-queue.json' with { type: 'json' };
import chapter12 from '../../assets/campaign/12-observability.json' with { type: 'json' };
import chapter13 from '../../assets/campaign/13-sharding.json' with { type: 'json' };
import chapter14 from '../../assets/campaign/14-checklist.json' with { type: 'json' };

export { chapterGoals, chapterOutcome, type GoalResult } from './outcome';
export { goalMet, goalValue } from './goals';
export { GOAL_BOUND, type Goal, type GoalMetric } from './goals';
export { parseChapter, usesIdea, type Chapter } from './schema';

/** The chapter files as they are on disk, in campaign order (the editor starts from their scenarios' own text). */
export const CHAPTER_FILES: readonly unknown[] = [
  chapter01,
  chapter02,
  chapter03,
  chapter04,
  chapter05,
  chapter06,
  chapter07,
  chapter08,
  chapter09,
  chapter10,
  chapter11,
  chapter12,
  chapter13,
  chapter14,
];

let parsed: Chapter[] | null = null;

/** Every chapter in campaign order (validated on first use; a broken file throws naming it). */
export function chapters(): readonly Chapter[] {
  if (parsed === null) {
    const list = CHAPTER_FILES.map((data) => parseChapter(data));
    list.forEach((chapter, index) => {
      if (chapter.number !== index + 1)
        throw new Error(`chapter ${chapter.scenario.id} is number ${chapter.number}, expected ${index + 1}`);
    });
    parsed = list;
  }
  return parsed;
}

/** Chapter ids in campaign order. */
export function chapterIds(): string[] {
  return chapters().map((chapter) => chapter.scenario.id);
}

/** The chapter with this id, or null. */
export function findChapter(id: string): Chapter | null {
  return chapters().find((chapter) => chapter.scenario.id === id) ?? null;
}

/**
 * Whether a player with these completed chapters may play `id`: the first always, any other once
 * the one before it is won. The sandbox is not a chapter and is always open.
 */
export function chapterUnlocked(id: string, completed: ReadonlySet<string>): boolean {
  const list = chapterIds();
  const index = list.indexOf(id);
  if (index < 0) return false;
  return index === 0 || completed.has(list[index - 1]!);
}
