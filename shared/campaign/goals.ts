/**
 * What a campaign chapter asks of a team, measured on the simulation's own state: figures over the
 * whole game (availability, peak users, profit, losses), the design at the end (the checklist) and
 * how fast incidents were recovered. Pure: the server scores a finished chapter with it, the CLI
 * prints it, the client shows a running game's progress with the same numbers.
 */
import { checklistScore } from '../sim/rules/checklist';
import type { SimState } from '../sim/core/state';

export const GOAL_METRICS = [
  /** Share of all the game's requests served within the latency objective; 0 before any request. */
  'availability',
  /** The most daily active users at any tick. */
  'peakDau',
  /** Revenue minus everything spent (purchases and running costs) over the game. */
  'profit',
  /** Items of the scaling checklist met at the end (0–8). */
  'checklist',
  /** Writes lost in failovers, users logged out by a lost server, messages lost with a broker. */
  'lostWrites',
  'loggedOutUsers',
  'lostMessages',
  /** Pages served with outdated assets after a deploy (CDN without invalidation or versioning). */
  'staleAssets',
  /** Minutes from the start of the slowest-recovered incident until service was back (still down: until now). */
  'recoveryMinutes',
] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];

/** Which bound a metric's goals take: more is better for service and growth, less for losses and recovery time. */
export const GOAL_BOUND: Record<GoalMetric, 'min' | 'max'> = {
  availability: 'min',
  peakDau: 'min',
  profit: 'min',
  checklist: 'min',
  lostWrites: 'max',
  loggedOutUsers: 'max',
  lostMessages: 'max',
  staleAssets: 'max',
  recoveryMinutes: 'max',
};

/** A goal: the metric at least `min`, or at most `max` (the one GOAL_BOUND gives the metric). */
export interface Goal {
  metric: GoalMetric;
  min?: number;
  max?: number;
}

/** The value of a metric in a state (full precision; rounding is the display's business). */
export function goalValue(state: SimState, metric: GoalMetric): number {
  const totals = state.totals;
  switch (metric) {
    case 'availability':
      // Nothing served is not perfect service: a chapter cannot be won by serving no one.
      return totals.requests > 0 ? totals.goodRequests / totals.requests : 0;
    case 'peakDau':
      return totals.peakDau;
    case 'profit':
      return totals.revenue - totals.spent;
    case 'checklist':
      return checklistScore(state).items.filter((item) => item.met).length;
    case 'lostWrites':
      return totals.lostWrites;
    case 'loggedOutUsers':
      return totals.loggedOutUsers;
    case 'lostMessages':
      return totals.lostMessages;
    case 'staleAssets':
      return totals.staleAssets;
    case 'recoveryMinutes': {
      let worst = 0;
      for (const incident of state.incidents) {
        const end = incident.recoveredTick ?? state.tick;
        worst = Math.max(worst, end - incident.startTick);
      }
      return worst;
    }
  }
}

/** Whether `value` meets the goal. */
export function goalMet(goal: Goal, value: number): boolean {
  if (goal.min !== undefined && value < goal.min) return false;
  if (goal.max !== undefined && value > goal.max) return false;
  return true;
}
