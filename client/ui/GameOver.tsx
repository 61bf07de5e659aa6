/**
 * The end of a game over the stage: why it ended, how far the system got (when it ended, the peak
 * of daily users, and for a bankruptcy what it cost against what it earned, when business metrics
 * show them), the scaling checklist item by item with a reason each, the debrief, Play again for a
 * solo game.
 * The card can be set aside to look at the system as it was left: a slim bar at the foot of the
 * stage keeps the way back.
 * A finished match shows its results instead (every team ranked, compared and revealed:
 * lobby/MatchResults.tsx); a team out of money while its match goes on is told the results come
 * at the end.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { peakDailyUsers, type TeamView } from '../../shared/sim';
import { clockOf, formatCount, formatMoney } from '../i18n';
import type { GameModel, HistoryPoint } from '../state/model';
import { ChecklistList, ChecklistSummaryText, useChecklist } from './goals/ChecklistList';
import { useT } from './hooks';
import { MatchResults } from './lobby/MatchResults';
import type { UiClient } from './uiClient';
import './goals/goals.css';

/** The peak of daily users this summary shows (derived once, in shared/sim/view/result.ts). */
export { peakDailyUsers };

export function GameOver({
  team,
  over,
  points,
  regionIds,
  onAgain,
  onDebrief,
  onLeave = null,
  replayId = null,
  match = null,
}: {
  team: TeamView;
  over: NonNullable<TeamView['gameOver']>;
  points: readonly HistoryPoint[];
  regionIds: readonly string[];
  onAgain: (() => void) | null;
  /** Back to the start screen (a workshop's participant, whose game is over for good). */
  onLeave?: (() => void) | null;
  /** The stored replay, to watch it (opens the replay viewer in a new tab). */
  replayId?: string | null;
  /** Opens the debrief (once the result and replay are stored). */
  onDebrief: (() => void) | null;
  /** A match's game and client (null outside a match): its results replace this summary once it is over. */
  match?: { client: UiClient; game: GameModel } | null;
}) {
  const { t, lang } = useT();
  const [aside, setAside] = useState(false);
  const checklist = useChecklist(team, regionIds);
  const matchOver = match !== null && match.game.mode === 'match' && match.game.clock.phase === 'finished';
  const title = t(matchOver ? 'ui.matchResults.title' : `ui.gameOver.${over.reason}`);
  const again = (
    <>
      {onLeave !== null && (
        <button type="button" class="su-btn" onClick={onLeave} data-action="leave">
          {t('ui.gameOver.leave')}
        </button>
      )}
      {onAgain !== null && (
        <button type="button" class="su-btn su-btn-primary" onClick={onAgain}>
          {t('ui.gameOver.again')}
        </button>
      )}
    </>
  );
  if (aside) {
    return (
      <OverBanner title={title} onSummary={() => setAside(false)}>
        {again}
      </OverBanner>
    );
  }
  if (matchOver) return <MatchResults client={match.client} game={match.game} onAside={() => setAside(true)} />;
  const { day, time } = clockOf(over.tick);
  const peak = formatCount(lang, peakDailyUsers(team, points));
  const business = over.reason === 'bankrupt' ? team.business : null;
  return (
    <div class="su-gameover" role="alertdialog" aria-labelledby="su-gameover-title" aria-describedby="su-gameover-help">
      <h2 id="su-gameover-title">{title}</h2>
      <p id="su-gameover-help">
        {t(`ui.gameOver.${over.reason}Help`)}
        {match !== null && match.game.mode === 'match' && ` ${t('ui.matchResults.goesOn')}`}
      </p>
      <dl class="su-gameover-figures">
        <div>
          <dt>{t('ui.gameOver.endedAt')}</dt>
          <dd>{t('hud.clock', { day, time })}</dd>
        </div>
        <div>
          <dt>{t('ui.gameOver.peakUsers')}</dt>
          <dd>{team.users.exact ? peak : t('ui.header.approx', { value: peak })}</dd>
        </div>
        {business !== null && (
          <div>
            <dt>{t('hud.costPerDay')}</dt>
            <dd class="su-tone-bad">{formatMoney(lang, business.costPerDay)}</dd>
          </div>
        )}
        {business !== null && (
          <div>
            <dt>{t('hud.revenuePerDay')}</dt>
            <dd>{formatMoney(lang, business.revenuePerDay)}</dd>
          </div>
        )}
      </dl>
      <section class="su-gameover-checklist" aria-labelledby="su-gameover-checklist">
        <h3 id="su-gameover-checklist">
          {t('ui.checklist.title')}
          <span class="su-gameover-score">
            <ChecklistSummaryText rows={checklist} />
          </span>
        </h3>
        <ChecklistList rows={checklist} compact />
      </section>
      <div class="su-gameover-actions">
        <button type="button" class="su-btn su-btn-quiet" onClick={() => setAside(true)}>
          {t('ui.gameOver.look')}
        </button>
        {onDebrief !== null && (
          <button type="button" class="su-btn" onClick={onDebrief}>
            {t('ui.result.debrief')}
          </button>
        )}
        {replayId !== null && (
          <a class="su-btn" href={`/replay/${encodeURIComponent(replayId)}`} target="_blank" rel="noopener" data-watch-replay>
            {t('ui.matchResults.watchReplay')}
          </a>
        )}
        {again}
      </div>
    </div>
  );
}

/** The end of a game set aside: a slim bar at the foot of the stage with the way back to its summary. */
export function OverBanner({ title, onSummary, children }: { title: string; onSummary: () => void; children?: ComponentChildren }) {
  const { t } = useT();
  return (
    <div class="su-banner su-banner-over" role="status">
      <strong>{title}</strong>
      <button type="button" class="su-btn su-btn-small" onClick={onSummary}>
        {t('ui.gameOver.summary')}
      </button>
      {children}
    </div>
  );
}
