/**
 * The end of a chapter: won with its stars, or lost and why; every goal with the value reached;
 * what the missing star (or the win) needs next time; then the debrief, another try, the next
 * chapter or the map. The outcome is the server's (the stored result), so a reload shows the same.
 */
import { useState } from 'preact/hooks';
import { chapterIds, type Chapter, type GoalResult } from '../../../shared/campaign';
import type { GameModel } from '../../state/model';
import { OverBanner } from '../GameOver';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import type { UiClient } from '../uiClient';
import { formatGoalValue, goalText } from './goalText';
import { Stars } from './Stars';
import type { RecordState } from '../debrief/useGameRecord';
import { troubleLines } from '../debrief/troubleText';
import { labelForId } from '../names';
import { regionName, scenarioInfo } from '../scenarioInfo';
import { useResult } from './useResult';

function GoalLine({ goal }: { goal: GoalResult }) {
  const { t, lang } = useT();
  return (
    <li class={`su-result-goal${goal.met ? ' su-result-met' : ''}`} data-goal={goal.metric} data-star={goal.star}>
      <Icon name={goal.met ? 'check' : 'cross'} class={goal.met ? 'su-tone-good' : 'su-tone-bad'} />
      <span class="su-visually-hidden">{t(goal.met ? 'ui.result.met' : 'ui.result.missed')}</span>
      <span class="su-result-goal-text">{goalText(t, lang, goal)}</span>
      <span class="su-result-goal-value">{t('ui.result.reached', { value: formatGoalValue(lang, goal.metric, goal.value) })}</span>
    </li>
  );
}

export function ChapterResult({
  client,
  game,
  chapter,
  onDebrief,
  record,
}: {
  client: UiClient;
  game: GameModel;
  chapter: Chapter;
  onDebrief: () => void;
  /** The game re-run from its replay (shared with the debrief), to say where it went wrong. */
  record: RecordState;
}) {
  const { t, lang } = useT();
  const [aside, setAside] = useState(false);
  const result = useResult(client, game.resultId);
  const ids = chapterIds();
  const next = ids[ids.indexOf(chapter.scenario.id) + 1] ?? null;
  const outcome = result.status === 'ready' ? (result.document.result.teams[0]?.chapter ?? null) : null;
  const won = outcome?.status === 'won';
  const retry = () => void client.startSolo(chapter.scenario.id).catch(() => undefined);
  const toMap = () => void client.leave();
  const actions = (
    <>
      <button type="button" class="su-btn" onClick={toMap}>
        {t('ui.result.map')}
      </button>
      <button type="button" class="su-btn" onClick={retry}>
        <Icon name="restart" />
        {t('ui.result.retry')}
      </button>
      {won && next !== null && (
        <button type="button" class="su-btn su-btn-primary" onClick={() => void client.startSolo(next).catch(() => undefined)}>
          {t('ui.result.next')}
          <Icon name="chevronRight" />
        </button>
      )}
    </>
  );
  const title = outcome === null ? t('ui.result.scoring') : won ? t('ui.result.won') : t(`ui.result.lost.${outcome.reason ?? 'goals'}`);
  if (aside) {
    return (
      <OverBanner title={title} onSummary={() => setAside(false)}>
        {actions}
      </OverBanner>
    );
  }
  // What the next missing level asks: the win when lost, else the next star's unmet goals.
  const nextLevel = outcome === null ? null : won ? (outcome.stars < 3 ? outcome.stars + 1 : null) : 1;
  const missing = outcome === null || nextLevel === null ? [] : outcome.goals.filter((g) => g.star <= nextLevel && !g.met);
  const why = record.status === 'ready' && nextLevel !== null ? record.record.trouble[0] : undefined;
  const whyLines =
    why === undefined || record.status !== 'ready'
      ? null
      : troubleLines(why, record.record.incidents, {
          t,
          lang,
          component: labelForId,
          region: (id) => regionName(scenarioInfo(chapter.scenario.id, null), id, lang),
          player: (seat) => seat,
        });
  return (
    <div
      class={`su-gameover su-chapter-result${won ? ' su-chapter-won' : ''}`}
      role="alertdialog"
      aria-labelledby="su-result-title"
      aria-describedby="su-result-next"
      data-outcome={outcome?.status ?? 'waiting'}
    >
      <p class="su-concept-kicker">{chapter.scenario.name[lang]}</p>
      <h2 id="su-result-title">{title}</h2>
      {won && outcome !== null && (
        <div class="su-result-stars" aria-label={t('ui.result.stars', { count: outcome.stars })} data-stars={outcome.stars}>
          <Stars count={outcome.stars} size={34} />
        </div>
      )}
      {result.status === 'missing' && <p>{t('ui.result.unavailable')}</p>}
      {outcome !== null && (
        <>
          <p id="su-result-next" class="su-result-next">
            {nextLevel === null
              ? t('ui.result.allStars')
              : t(nextLevel === 1 ? 'ui.result.toWin' : 'ui.result.toStar', { count: nextLevel }) +
                ' ' +
                missing.map((goal) => goalText(t, lang, goal)).join(' · ')}
          </p>
          {whyLines !== null && (
            <p class="su-result-why" data-why>
              {t('ui.result.why', { when: whyLines.when, worst: whyLines.worst })}
              {whyLines.causes.length > 0 && ` ${whyLines.causes.join(' · ')}.`} {t('ui.result.seeDebrief')}
            </p>
          )}
          <ol class="su-result-levels">
            {[1, 2, 3].map((level) => (
              <li key={level}>
                <Stars count={level} />
                <ul>
                  {outcome.goals
                    .filter((goal) => goal.star === level)
                    .map((goal, index) => (
                      <GoalLine key={index} goal={goal} />
                    ))}
                </ul>
              </li>
            ))}
          </ol>
        </>
      )}
      <div class="su-gameover-actions">
        <button type="button" class="su-btn su-btn-quiet" onClick={() => setAside(true)}>
          {t('ui.gameOver.look')}
        </button>
        <button type="button" class="su-btn" onClick={onDebrief} disabled={game.replayId === null}>
          {t('ui.result.debrief')}
        </button>
        {actions}
      </div>
    </div>
  );
}
