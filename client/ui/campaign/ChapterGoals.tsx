/**
 * A chapter's goals in the goals panel: what wins it and what each further star asks, each goal
 * with its value so far as the chapter will score it (the server projects these, whatever the
 * team's monitoring shows), a reminder that the score is taken when time runs out, the briefing
 * to read again, the chapter's own hints, one at a time when the player asks for the next, and
 * the way out: start over, or back to the map.
 */
import { useState } from 'preact/hooks';
import { chapterGoals, goalMet, type Chapter } from '../../../shared/campaign';
import { Badge } from '../common';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { openBriefing } from './Briefing';
import { formatGoalValue, goalText } from './goalText';
import { Stars } from './Stars';

/** How many of the chapter's goals (every level) are met by `values` so far. */
export function chapterGoalsMet(chapter: Chapter, values: readonly number[]): { met: number; total: number } {
  const goals = chapterGoals(chapter);
  return { met: goals.filter((goal, i) => values[i] !== undefined && goalMet(goal, values[i]!)).length, total: goals.length };
}

/** Leaving a chapter for the map, or starting it over, while it runs. */
export interface ChapterActions {
  restart(): void;
  leave(): void;
}

export function ChapterGoals({
  chapter,
  values,
  actions,
}: {
  chapter: Chapter;
  values: readonly number[];
  actions: ChapterActions | null;
}) {
  const { t, lang } = useT();
  const [hints, setHints] = useState(0);
  const shown = chapter.hints.slice(0, hints);
  let index = 0;
  const levels = [chapter.goals, ...chapter.stars].map((goals) =>
    goals.map((goal) => ({ goal, value: values[index++] as number | undefined })),
  );
  return (
    <div class="su-chapter-goals">
      <ol class="su-chapter-levels">
        {levels.map((goals, level) => (
          <li key={level} data-star={level + 1}>
            <span class="su-chapter-level">
              <Stars count={level + 1} />
              {t(level === 0 ? 'ui.briefing.toWin' : 'ui.briefing.starLevel', { count: level + 1 })}
            </span>
            <ul>
              {goals.map(({ goal, value }) => {
                const met = value !== undefined && goalMet(goal, value);
                return (
                  <li key={goal.metric} class={`su-goal su-goal-${met ? 'met' : 'short'}`} data-goal={goal.metric}>
                    <span class="su-chapter-goal-text">{goalText(t, lang, goal)}</span>
                    <span class="su-goal-figures">
                      <strong class="su-goal-value">{value === undefined ? '?' : formatGoalValue(lang, goal.metric, value)}</strong>
                    </span>
                    <Badge tone={met ? 'good' : 'warn'}>{t(met ? 'ui.goals.met' : 'ui.goals.short')}</Badge>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
      <p class="su-help">{t('ui.briefing.scored')}</p>
      {shown.map((hint, i) => (
        <p key={i} class="su-chapter-hint">
          <Icon name="book" />
          {hint[lang]}
        </p>
      ))}
      <div class="su-chapter-actions">
        <button type="button" class="su-btn su-btn-small su-btn-quiet" onClick={openBriefing}>
          {t('ui.briefing.again')}
        </button>
        {hints < chapter.hints.length && (
          <button type="button" class="su-btn su-btn-small su-btn-quiet" data-chapter-hint onClick={() => setHints(hints + 1)}>
            {t(hints === 0 ? 'ui.briefing.hint' : 'ui.briefing.nextHint')}
          </button>
        )}
        {actions !== null && (
          <>
            <button type="button" class="su-btn su-btn-small su-btn-quiet" onClick={actions.restart}>
              {t('ui.result.retry')}
            </button>
            <button type="button" class="su-btn su-btn-small su-btn-quiet" onClick={actions.leave}>
              {t('ui.result.map')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
