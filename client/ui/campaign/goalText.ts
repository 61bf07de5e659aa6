/**
 * A campaign goal in words, in the player's language: "Availability at least 99.5 %", "At most
 * 100 users logged out", and the value a team reached in the metric's own unit. Pure, so the
 * briefing, the goals panel and the result screen say a goal the same way.
 */
import { GOAL_BOUND, type Goal, type GoalMetric } from '../../../shared/campaign';
import { formatCount, formatDuration, formatMoney, formatPercent, type Language } from '../../i18n';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A metric's value in its unit. Availability keeps two decimals, rounded towards "not met" for a minimum. */
export function formatGoalValue(lang: Language, metric: GoalMetric, value: number): string {
  switch (metric) {
    case 'availability':
      return formatPercent(lang, value, 'floor', 2);
    case 'profit':
      return formatMoney(lang, value);
    case 'recoveryMinutes':
      return formatDuration(lang, value);
    default:
      return formatCount(lang, value);
  }
}

/** The goal as a sentence: `ui.goal.<metric>.min` or `.max` (the metric's bound) with its target. */
export function goalText(t: Translate, lang: Language, goal: Goal): string {
  const bound = GOAL_BOUND[goal.metric];
  const target = (bound === 'min' ? goal.min : goal.max) as number;
  return t(`ui.goal.${goal.metric}.${bound}`, { value: formatGoalValue(lang, goal.metric, target) });
}
