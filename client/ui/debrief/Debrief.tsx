/**
 * The debrief of a finished game: the score (peak users, availability, profit, recovery times, a
 * chapter's stars), the timeline charts, every incident with its post-incident report (exportable
 * as Markdown), every command with who sent it and when, and the scaling checklist item by item.
 * Everything comes from re-running the game's replay with the same simulation, so it is exact and
 * needs no monitoring: after the game, the whole system is shown.
 */
import { useMemo } from 'preact/hooks';
import { goalValue } from '../../../shared/campaign/goals';
import type { GameRecord } from '../../../shared/debrief/record';
import type { GameResult } from '../../../shared/protocol/results';
import { checklistScore } from '../../../shared/sim';
import { formatCount, formatDuration, formatMoney, formatPercent } from '../../i18n';
import type { HistoryPoint } from '../../state/model';
import { Stars } from '../campaign/Stars';
import { Charts } from '../charts/Charts';
import { Badge, ConceptLink } from '../common';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { labelForId } from '../names';
import { regionName, scenarioInfo } from '../scenarioInfo';
import { rememberScenario } from '../../state/scenarios';
import { commandText } from './commandText';
import { troubleLines } from './troubleText';
import { clockText, incidentReport, reportsMarkdown, type ReportContext } from './incidentReport';
import type { RecordState } from './useGameRecord';
import './debrief.css';
import { downloadText } from '../download';

function history(record: GameRecord): HistoryPoint[] {
  return record.timeline.map((p) => ({
    tick: p.tick,
    money: p.money,
    dau: p.dau,
    online: p.onlineUsers,
    availability: p.availability,
    p95LatencyMs: p.p95LatencyMs,
    errorRate: p.errorRate,
  }));
}

function Body({ record, result, team }: { record: GameRecord; result: GameResult | null; team: string }) {
  const { t, lang } = useT();
  rememberScenario(record.scenario);
  const info = scenarioInfo(record.scenario.id, null);
  const ctx: ReportContext = {
    t,
    lang,
    component: labelForId,
    region: (id) => regionName(info, id, lang),
    player: (seat) => (seat === result?.instructor ? t('ui.roles.instructor') : (result?.seats?.[seat] ?? seat)),
  };
  const reports = useMemo(() => record.incidents.map((story) => incidentReport(story, ctx)), [record, lang]);
  const final = record.final;
  const totals = final.totals;
  const chapter = result?.teams.find((r) => r.team === team)?.chapter ?? null;
  const recoveries = record.incidents
    .filter((s) => s.incident.recoveredTick !== null)
    .map((s) => s.incident.recoveredTick! - s.incident.startTick);
  // The worst as chapters score it: an incident never recovered counts until the end.
  const worstRecovery = goalValue(final, 'recoveryMinutes');
  const checklist = checklistScore(final);
  const heading = t('ui.debrief.reportsHeading', { name: record.scenario.name[lang] });
  const figures: Array<[string, string]> = [
    [t('ui.debrief.peakDau'), formatCount(lang, totals.peakDau)],
    [t('ui.debrief.availability'), totals.requests > 0 ? formatPercent(lang, totals.goodRequests / totals.requests, 'floor', 2) : '–'],
    [t('ui.debrief.profit'), formatMoney(lang, totals.revenue - totals.spent)],
    [t('ui.debrief.money'), formatMoney(lang, final.money)],
    [t('ui.debrief.incidents'), formatCount(lang, record.incidents.length)],
    [
      t('ui.debrief.recovery'),
      record.incidents.length === 0
        ? '–'
        : t('ui.debrief.recoveryFigures', {
            mean: recoveries.length === 0 ? '–' : formatDuration(lang, recoveries.reduce((x, y) => x + y, 0) / recoveries.length),
            worst: formatDuration(lang, worstRecovery),
          }),
    ],
  ];
  return (
    <>
      <section class="su-debrief-section" aria-labelledby="su-debrief-score">
        <h3 id="su-debrief-score">{t('ui.debrief.score')}</h3>
        {chapter !== null && (
          <p class="su-debrief-chapter" data-stars={chapter.stars}>
            <Stars count={chapter.stars} size={22} />
            {t(chapter.status === 'won' ? 'ui.result.won' : `ui.result.lost.${chapter.reason ?? 'goals'}`)}
          </p>
        )}
        <dl class="su-gameover-figures">
          {figures.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section class="su-debrief-section" aria-labelledby="su-debrief-trouble">
        <h3 id="su-debrief-trouble">{t('ui.trouble.title')}</h3>
        <p class="su-help">{t('ui.trouble.help')}</p>
        {record.trouble.length === 0 && <p class="su-muted">{t('ui.trouble.none')}</p>}
        <ol class="su-trouble">
          {record.trouble.map((spot) => {
            const lines = troubleLines(spot, record.incidents, ctx);
            return (
              <li key={spot.fromTick} data-trouble={spot.fromTick}>
                <strong class="su-report-time">{lines.when}</strong> {lines.worst}
                {lines.causes.length > 0 && (
                  <ul>
                    {lines.causes.map((cause, i) => (
                      <li key={i}>{cause}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      </section>
      <section class="su-debrief-section su-debrief-charts" aria-labelledby="su-debrief-timeline">
        <h3 id="su-debrief-timeline">{t('ui.debrief.timeline')}</h3>
        <Charts points={history(record)} />
      </section>
      <section class="su-debrief-section" aria-labelledby="su-debrief-incidents">
        <div class="su-debrief-row">
          <h3 id="su-debrief-incidents">{t('ui.debrief.incidentsTitle')}</h3>
          <button
            type="button"
            class="su-btn su-btn-small"
            data-export-reports
            onClick={() =>
              downloadText(
                `scale-up-incidents-${record.scenario.id}.md`,
                reportsMarkdown(ctx, heading, reports),
                'text/markdown;charset=utf-8',
              )
            }
          >
            <Icon name="copy" />
            {t('ui.debrief.export')}
          </button>
        </div>
        {reports.length === 0 && <p class="su-muted">{t('ui.report.none')}</p>}
        {reports.map((report, index) => (
          <details key={index} class="su-report" open={index === 0}>
            <summary>
              <strong>{report.title}</strong> · {clockText(ctx, record.incidents[index]!.incident.startTick)}
            </summary>
            <dl class="su-report-facts">
              {report.facts.map(([label, text]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{text}</dd>
                </div>
              ))}
            </dl>
            <h4>{t('ui.report.timeline')}</h4>
            <ol class="su-report-timeline">
              {report.timeline.map((entry, i) => (
                <li key={i}>
                  <span class="su-report-time">{clockText(ctx, entry.tick)}</span> {entry.text}
                </li>
              ))}
            </ol>
            <p class="su-report-lesson">
              <strong>{t('ui.report.lesson')}:</strong> {report.lesson} <ConceptLink concept={report.concept} about={report.title} />
            </p>
          </details>
        ))}
      </section>
      <section class="su-debrief-section" aria-labelledby="su-debrief-commands">
        <h3 id="su-debrief-commands">{t('ui.debrief.commands', { count: record.commands.length })}</h3>
        {record.commands.length === 0 ? (
          <p class="su-muted">{t('ui.debrief.noCommands')}</p>
        ) : (
          <table class="su-debrief-table">
            <CommandsHead />
            <tbody>
              {record.commands.map((c, i) => (
                <tr key={i}>
                  <td class="su-report-time">{clockText(ctx, c.tick)}</td>
                  <td>{ctx.player(c.player)}</td>
                  <td>{commandText(ctx, c.command)}</td>
                  <td>
                    <OutcomeBadge ok={c.ok} reason={c.reason} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="su-debrief-section" aria-labelledby="su-debrief-checklist">
        <h3 id="su-debrief-checklist">
          {t('ui.checklist.title')} ·{' '}
          {t('ui.checklist.summary', { met: checklist.items.filter((i) => i.met).length, total: checklist.items.length })}
        </h3>
        <p class="su-help">{t('concepts.checklist.summary')}</p>
        <ol class="su-checklist">
          {checklist.items.map((item) => (
            <li key={item.id} class={`su-clitem su-clitem-${item.met ? 'done' : 'open'}`} data-check={item.id}>
              <div class="su-clitem-line">
                <strong class="su-clitem-label">{t(`checklist.${item.id}.label`)}</strong>
                <Badge tone={item.met ? 'good' : 'warn'}>{t(item.met ? 'ui.checklist.done' : 'ui.checklist.notYet')}</Badge>
              </div>
              <p class="su-clitem-reason">
                {t(`checklist.${item.id}.detail`)} {t('ui.debrief.degree', { value: formatPercent(lang, item.detail, 'round', 0) })}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

export function Debrief({ state, team, onClose }: { state: RecordState; team: string; onClose: () => void }) {
  const { t } = useT();
  return (
    <div
      class="su-debrief"
      role="dialog"
      aria-modal="true"
      aria-labelledby="su-debrief-title"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <div class="su-debrief-page">
        <header class="su-debrief-head">
          <h2 id="su-debrief-title">{t('ui.debrief.title')}</h2>
          <button type="button" class="su-btn" onClick={onClose}>
            <Icon name="cross" />
            {t('ui.debrief.close')}
          </button>
        </header>
        {state.status === 'loading' && <p role="status">{t('ui.debrief.loading')}</p>}
        {state.status === 'missing' && <p role="status">{t('ui.debrief.missing')}</p>}
        {state.status === 'ready' && !state.faithful && (
          <p class="su-debrief-warning" role="status">
            {t('ui.debrief.unfaithful')}
          </p>
        )}
        {state.status === 'ready' && <Body record={state.record} result={state.result} team={team} />}
      </div>
    </div>
  );
}

/** Whether the simulation carried a command out, or why not (the debrief's and the room debrief's command lists). */
export function OutcomeBadge({ ok, reason }: { ok: boolean; reason: string | null }) {
  const { t } = useT();
  return ok ? <Badge tone="good">{t('ui.debrief.done')}</Badge> : <Badge tone="warn">{t(`reasons.${reason ?? 'malformed'}`)}</Badge>;
}

/** The head of a list of commands: when, who, what, and whether it was carried out. */
export function CommandsHead() {
  const { t } = useT();
  return (
    <thead>
      <tr>
        <th scope="col">{t('ui.debrief.when')}</th>
        <th scope="col">{t('ui.debrief.who')}</th>
        <th scope="col">{t('ui.debrief.what')}</th>
        <th scope="col">{t('ui.debrief.outcome')}</th>
      </tr>
    </thead>
  );
}
