/**
 * A chapter's part of the goals panel: its win goals the objectives above do not show (losses,
 * recovery time, the checklist), what each further star asks on top of winning, that the
 * chapter is scored over its whole length at its end, the briefing to read again, and the chapter's
 * own hints, one at a time when the player asks for the next.
 */
import { useState } from 'preact/hooks';
import type { Chapter, GoalMetric } from '../../../shared/campaign';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { openBriefing } from './Briefing';
import { goalText } from './goalText';
import { Stars } from './Stars';

/** Goals the scenario's objectives (the rows above) already show. */
const OBJECTIVE_METRICS: ReadonlySet<GoalMetric> = new Set<GoalMetric>(['availability', 'peakDau', 'profit']);

export function ChapterGoals({ chapter }: { chapter: Chapter }) {
  const { t, lang } = useT();
  const [hints, setHints] = useState(0);
  const shown = chapter.hints.slice(0, hints);
  // The objectives above show availability, peak users and profit; a win goal on anything else
  // (losses, recovery time, the checklist) is listed here with the stars.
  const otherWinGoals = chapter.goals.filter((goal) => !OBJECTIVE_METRICS.has(goal.metric));
  return (
    <div class="su-chapter-goals">
      <p class="su-help">{t('ui.briefing.scored')}</p>
      <ul class="su-chapter-stars">
        {otherWinGoals.length > 0 && (
          <li data-star="1">
            <Stars count={1} />
            <span class="su-visually-hidden">{t('ui.briefing.starLevel', { count: 1 })}</span>
            <span>{otherWinGoals.map((goal) => goalText(t, lang, goal)).join(' · ')}</span>
          </li>
        )}
        {chapter.stars.map((goals, index) => (
          <li key={index}>
            <Stars count={index + 2} />
            <span class="su-visually-hidden">{t('ui.briefing.starLevel', { count: index + 2 })}</span>
            <span>{goals.map((goal) => goalText(t, lang, goal)).join(' · ')}</span>
          </li>
        ))}
      </ul>
      {shown.map((hint, index) => (
        <p key={index} class="su-chapter-hint">
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
      </div>
    </div>
  );
}
