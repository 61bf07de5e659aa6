/**
 * How a chapter stands: running, won (with one to three stars) or lost (bankrupt, or its goals
 * missed when its time ran out), and every goal with its value. Computed from the full state, as the
 * server scores it; the goals of stars a team has not earned say what the missing star needs.
 */
import type { SimState } from '../sim/core/state';
import { goalMet, goalValue, type Goal } from './goals';
import type { Chapter } from './schema';

export interface GoalResult extends Goal {
  /** 1: the goals that win the chapter; 2 and 3: the goals of the second and third star. */
  star: 1 | 2 | 3;
  value: number;
  met: boolean;
}

export interface ChapterOutcome {
  status: 'running' | 'won' | 'lost';
  /** Why a lost chapter was lost. */
  reason: 'bankrupt' | 'goals' | null;
  /** 0 unless won; then 1, 2 with every second-star goal, 3 with those and every third-star goal. */
  stars: 0 | 1 | 2 | 3;
  /**
   * Points to compare attempts at one chapter by: 100 per star plus the game's availability in
   * per cent (two decimals), so more stars always rank first and, among equals, better service.
   */
  score: number;
  goals: GoalResult[];
}

/** Every goal of a chapter (win goals, then each star's, in order): its value so far in `state`. */
export function chapterGoals(chapter: Chapter): Goal[] {
  return [...chapter.goals, ...chapter.stars[0], ...chapter.stars[1]];
}

export function chapterOutcome(chapter: Chapter, state: SimState): ChapterOutcome {
  const levels: Array<[1 | 2 | 3, Goal[]]> = [
    [1, chapter.goals],
    [2, chapter.stars[0]],
    [3, chapter.stars[1]],
  ];
  const goals: GoalResult[] = [];
  for (const [star, list] of levels) {
    for (const goal of list) {
      const value = goalValue(state, goal.metric);
      goals.push({ ...goal, star, value, met: goalMet(goal, value) });
    }
  }
  const allMet = (star: number) => goals.filter((goal) => goal.star === star).every((goal) => goal.met);
  const service = Math.round(goalValue(state, 'availability') * 10_000) / 100;
  const over = state.gameOver;
  if (over === null) return { status: 'running', reason: null, stars: 0, score: service, goals };
  if (over.reason === 'bankrupt') return { status: 'lost', reason: 'bankrupt', stars: 0, score: service, goals };
  if (!allMet(1)) return { status: 'lost', reason: 'goals', stars: 0, score: service, goals };
  const stars = allMet(2) ? (allMet(3) ? 3 : 2) : 1;
  return { status: 'won', reason: null, stars, score: stars * 100 + service, goals };
}
