/** Holding a case's figures to its goals: one rule for every group, so "met" means the same in each table. */
import type { Goal, GoalResult } from './types';

/** The goal with the metric's value and whether it is met; a metric the case did not report is NaN, never met. */
export function checkGoal(goal: Goal, metrics: Record<string, number>): GoalResult {
  const value = metrics[goal.metric] ?? NaN;
  const met = goal.op === '>=' ? value >= goal.target : value < goal.target;
  return { ...goal, value, met };
}
