/**
 * The incident feed: what is still going on first (overloads the team's metrics show, then open
 * incidents), then the rest, newest first: when it happened, what happened (as far as logs tell),
 * and when service recovered and how long that took; with a link to the idea that prevents it.
 * World incidents that cannot touch the team's system say why. Alerts that are firing (with the
 * alerts feature) sit above it; a bad deploy that is still on offers a roll-back.
 */
import { useRef } from 'preact/hooks';
import type { Alert, TeamView } from '../../../shared/sim';
import { clockOf, formatDuration, formatLatency, formatNumber, formatPercent, formatSeconds, type Language } from '../../i18n';
import { Badge, ConceptLink } from '../common';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { labelForId } from '../names';
import { regionName, type ScenarioInfo } from '../scenarioInfo';
import type { UiClient } from '../uiClient';
import { uiState } from '../../state/uiState';
import { alertKey, feedLine, notYoursReason, offersRollback, orderFeed, overloadLines, type FeedStatus } from './feedText';
import './feed.css';
import type { Tone } from '../header/headerFigures';

const STATUS_TONE: Record<FeedStatus, Tone> = { open: 'bad', ending: 'warn', recovered: 'good' };

function alertValue(lang: Language, alert: Alert, value: number): string {
  switch (alert.kind) {
    case 'utilisation':
    case 'errorRate':
    case 'diskSpace':
      return formatPercent(lang, value, 'round', 1);
    case 'latency':
      return formatLatency(lang, value);
    case 'replicationLag':
      return formatSeconds(lang, value);
    default:
      return formatNumber(lang, value, 1);
  }
}

function Alerts({ alerts }: { alerts: Alert[] }) {
  const { t, lang } = useT();
  if (alerts.length === 0) return <p class="su-help su-alerts-none">{t('ui.feed.noAlerts')}</p>;
  return (
    <ul class="su-alerts" aria-label={t('ui.feed.alerts')}>
      {alerts.map((alert, i) => {
        const target = alert.componentId === null ? t('ui.feed.users') : labelForId(alert.componentId);
        return (
          <li key={`${alert.kind}-${alert.componentId ?? ''}-${i}`} class="su-alert">
            <Icon name="bell" />
            <span>
              {alert.componentId !== null ? (
                <button type="button" class="su-link" onClick={() => uiState.update((u) => ({ ...u, selected: alert.componentId }))}>
                  {t(alertKey(alert), {
                    target,
                    value: alertValue(lang, alert, alert.value),
                    threshold: alertValue(lang, alert, alert.threshold),
                  })}
                </button>
              ) : (
                t(alertKey(alert), {
                  target,
                  value: alertValue(lang, alert, alert.value),
                  threshold: alertValue(lang, alert, alert.threshold),
                })
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function IncidentFeed({ team, info, client }: { team: TeamView; info: ScenarioInfo; client: UiClient }) {
  const { t, lang } = useT();
  const nameOf = (id: string) => (info.regions.some((r) => r.id === id) ? regionName(info, id, lang) : labelForId(id));
  const entries = orderFeed(team.feed, team);
  const overloads = overloadLines(team, labelForId, (kind) => t(`kinds.${kind}.name`));
  // When the client first saw each overload (the view says only that it is on now).
  const since = useRef(new Map<string, number>());
  for (const id of [...since.current.keys()]) if (!overloads.some((o) => o.id === id)) since.current.delete(id);
  for (const o of overloads) if (!since.current.has(o.id)) since.current.set(o.id, team.tick);
  const live = team.gameOver === null;
  const empty = entries.length === 0 && overloads.length === 0;
  return (
    <section class="su-feed" aria-labelledby="su-feed-title">
      <div class="su-feed-head">
        <h2 class="su-heading" id="su-feed-title">
          {t('ui.feed.title')}
        </h2>
      </div>
      <div class="su-feed-body">
        {team.alerts !== null && <Alerts alerts={team.alerts} />}
        {empty ? (
          <p class="su-muted su-feed-empty">{t('ui.feed.empty')}</p>
        ) : (
          <ol class="su-feed-list" aria-label={t('ui.feed.title')}>
            {overloads.map((o) => {
              const { day, time } = clockOf(since.current.get(o.id) ?? team.tick);
              return (
                <li key={`overload-${o.id}`} class="su-feed-item su-feed-open su-feed-overload" data-overload={o.id}>
                  <div class="su-feed-line">
                    <time class="su-feed-time">{t('hud.clock', { day, time })}</time>
                    <strong class="su-feed-name">{t('ui.feed.overloadName')}</strong>
                    <ConceptLink concept={o.concept} about={t('ui.feed.overloadName')} />
                  </div>
                  <p class="su-feed-text">
                    {t(o.key, { target: o.params.target, load: formatPercent(lang, o.params.load, 'round', 0) })}{' '}
                    <Badge tone="bad">{t('ui.feed.ongoing')}</Badge>
                  </p>
                  <p class="su-help">{t(o.adviceKey)}</p>
                </li>
              );
            })}
            {entries.map((entry) => {
              const line = feedLine(entry, nameOf, (m) => formatDuration(lang, m));
              const notYours = notYoursReason(entry.cause, team);
              const { day, time } = clockOf(entry.tick);
              const status = notYours !== null ? 'calm' : line.status;
              return (
                <li key={`${entry.tick}-${entry.cause?.incidentId ?? 'felt'}`} class={`su-feed-item su-feed-${status}`}>
                  <div class="su-feed-line">
                    <time class="su-feed-time">{t('hud.clock', { day, time })}</time>
                    {line.nameKey !== null && <strong class="su-feed-name">{t(line.nameKey)}</strong>}
                    {line.concept !== null && (
                      <ConceptLink concept={line.concept} about={line.nameKey !== null ? t(line.nameKey) : t('ui.feed.title')} />
                    )}
                  </div>
                  <p class="su-feed-text">
                    {t(line.key, line.params)}{' '}
                    {notYours !== null ? (
                      <Badge tone="neutral">{t('ui.feed.notYoursBadge')}</Badge>
                    ) : (
                      <Badge tone={STATUS_TONE[line.status]}>{t(line.statusKey, line.statusParams)}</Badge>
                    )}
                  </p>
                  {notYours !== null ? (
                    <p class="su-help">
                      {t(notYours.key, { region: notYours.params.region === undefined ? '' : nameOf(notYours.params.region) })}
                    </p>
                  ) : (
                    line.adviceKey !== null && <p class="su-help">{t(line.adviceKey)}</p>
                  )}
                  {live && notYours === null && offersRollback(entry) && (
                    <button
                      type="button"
                      class="su-btn su-btn-small su-feed-rollback"
                      title={t('ui.feed.rollbackHelp')}
                      onClick={() => client.send({ type: 'rollback' })}
                    >
                      <Icon name="undo" />
                      {t('ui.feed.rollback')}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </section>
  );
}
