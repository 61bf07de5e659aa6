/**
 * The "what if" panel over the stage: the planned change (each step can be taken out again), how
 * far ahead to look, the verdict in words, the two futures of each figure the team can see on
 * one time axis, what the simulation would refuse and why, and "Do it" to make the change for
 * real. Without aggregated metrics it shows money, users and the complaints level, and says what
 * would show availability and latency. It stays open while the player adds more to the plan from
 * the build panel or the inspector.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { TeamView } from '../../../shared/sim';
import { formatDuration } from '../../i18n';
import { Icon } from '../Icon';
import { TONE_ICON } from '../common';
import { useStore, useT } from '../hooks';
import type { ScenarioInfo } from '../scenarioInfo';
import { carryOut, type NotDone } from './carryOut';
import { ForecastChart, LINE_LOOK } from './ForecastChart';
import { forecastChartData, shownFigures } from './forecastCharts';
import type { ForecastClient } from './forecastClient';
import { closePlan, dropStep, forecastPlan, HORIZONS, planChange, setHorizon, type ForecastPlan } from './plan';
import { planCommandText } from './planText';
import { useForecast } from './useForecast';
import { forecastTime, verdict, verdictText } from './verdict';
import './forecast.css';

/** Failures with a text of the panel's own; any other is said as the room's reason. */
const FAILURE_KEYS = new Set(['rate-limited', 'forecast-busy', 'forecast-failed', 'not-running', 'malformed', 'no-answer', 'offline']);

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Why a command of the change was not made: the simulation's reason, or the panel's own words. */
function reasonText(t: Translate, reason: string): string {
  if (reason === 'unknown-reference') return t('ui.forecast.unknownReference');
  if (reason === 'no-answer') return t('ui.forecast.failed.no-answer');
  return t(`reasons.${reason}`);
}

function LineSwatch({ look }: { look: { colour: string; dash: readonly number[]; width: number } }) {
  return (
    <svg class="su-forecast-swatch" width="26" height="8" viewBox="0 0 26 8" aria-hidden="true">
      <line
        x1="1"
        y1="4"
        x2="25"
        y2="4"
        stroke={look.colour}
        stroke-width={look.width + 0.5}
        stroke-dasharray={look.dash.length === 0 ? undefined : look.dash.join(' ')}
      />
    </svg>
  );
}

export function ForecastPanel({ client, team, info }: { client: ForecastClient; team: TeamView; info: ScenarioInfo }) {
  const plan = useStore(forecastPlan);
  return plan === null ? null : <PlanPanel plan={plan} client={client} team={team} info={info} />;
}

function PlanPanel({ plan, client, team, info }: { plan: ForecastPlan; client: ForecastClient; team: TeamView; info: ScenarioInfo }) {
  const { t, lang } = useT();
  const change = useMemo(() => planChange(plan), [plan.steps]);
  const [askAgain, setAskAgain] = useState(0);
  // Buying aggregated metrics reveals availability and latency: the forecast is asked again to show them.
  const view = useForecast(client, change, plan.horizon, askAgain * 2 + (team.features.aggregatedMetrics ? 1 : 0));
  const [doing, setDoing] = useState<'idle' | 'sending' | NotDone[]>('idle');
  const changeKey = JSON.stringify(change);
  // What went wrong last time belongs to the change it was made for.
  useEffect(() => setDoing((last) => (last === 'sending' ? last : 'idle')), [changeKey]);
  const answered = view.answered;
  const current = answered !== null && JSON.stringify(answered.change) === changeKey;
  const refused = new Set(answered?.answer.refused.map((r) => r.index) ?? []);
  const doable = current && !view.loading && doing !== 'sending' && change.some((_, i) => !refused.has(i));
  const text = (command: (typeof change)[number]) => planCommandText(t, lang, command, change, team, info);

  const doIt = async () => {
    if (answered === null) return;
    setDoing('sending');
    const notDone = await carryOut(answered.change, refused, client);
    const failed = notDone.filter((entry) => entry.reason !== 'refused');
    if (failed.length === 0) closePlan();
    else setDoing(failed);
  };

  const answer = answered?.answer ?? null;
  const lines = answer === null ? [] : verdict(answer, info.goals);
  const figures = answer === null ? [] : shownFigures(answer);
  const end = answer === null ? 0 : Math.max(answer.fromTick + 1, ...answer.changed.ticks, ...answer.base.ticks);
  const span: [number, number] = answer === null ? [0, 1] : [answer.fromTick, end];
  const paused = client.game.get()?.clock.paused === true;
  let offset = 0;
  return (
    <section
      class="su-forecast"
      aria-labelledby="su-forecast-title"
      data-state={view.loading ? 'loading' : answer === null ? 'failed' : 'ready'}
    >
      <div class="su-forecast-head">
        <h2 class="su-heading" id="su-forecast-title">
          <Icon name="clock" />
          {t('ui.forecast.title')}
        </h2>
        <p class="su-forecast-status" role="status">
          {view.loading
            ? t('ui.forecast.loading', { time: formatDuration(lang, plan.horizon) })
            : answer !== null && view.failure === null
              ? t('ui.forecast.from', {
                  time: forecastTime(t, answer.fromTick, answer.fromTick),
                  span: formatDuration(lang, end - answer.fromTick),
                })
              : ''}
        </p>
        <div class="su-forecast-horizons" role="group" aria-label={t('ui.forecast.horizon')}>
          <span class="su-forecast-horizon-label">{t('ui.forecast.horizon')}</span>
          {HORIZONS.map((ticks) => (
            <button
              key={ticks}
              type="button"
              class="su-btn su-btn-small"
              aria-pressed={plan.horizon === ticks}
              onClick={() => setHorizon(ticks)}
            >
              {formatDuration(lang, ticks)}
            </button>
          ))}
        </div>
        <button
          type="button"
          class="su-btn su-btn-icon su-btn-quiet"
          aria-label={t('ui.forecast.close')}
          title={t('ui.forecast.close')}
          onClick={closePlan}
        >
          <Icon name="cross" />
        </button>
      </div>
      <div class="su-forecast-body">
        <ol class="su-forecast-plan" aria-label={t('ui.forecast.planLabel')}>
          {plan.steps.map((step) => {
            const commands = change.slice(offset, offset + step.commands.length);
            const first = offset;
            offset += step.commands.length;
            return (
              <li key={step.key}>
                <span class="su-forecast-step">
                  {commands.map((command, i) => (
                    <span key={i} class={refused.has(first + i) && current ? 'su-forecast-refused-step' : undefined}>
                      {text(command)}
                    </span>
                  ))}
                </span>
                <button
                  type="button"
                  class="su-btn su-btn-icon su-btn-quiet su-btn-small"
                  aria-label={t('ui.forecast.dropStep', { what: text(commands[0]!) })}
                  title={t('ui.forecast.dropStep', { what: text(commands[0]!) })}
                  onClick={() => dropStep(step.key)}
                >
                  <Icon name="cross" />
                </button>
              </li>
            );
          })}
        </ol>
        {plan.full && <p class="su-help su-note">{t('ui.forecast.full')}</p>}
        {view.failure !== null && (
          <p class="su-forecast-failure" role="alert">
            <Icon name="warn" />
            {t(FAILURE_KEYS.has(view.failure) ? `ui.forecast.failed.${view.failure}` : `reasons.${view.failure}`)}
          </p>
        )}
        {answer !== null && (
          <div class={`su-forecast-answer${view.loading ? ' su-forecast-stale' : ''}`}>
            <ul class="su-forecast-verdict">
              {lines.map((line, i) => (
                <li key={line.key} class={`su-tone-${line.tone}${i === 0 ? ' su-forecast-headline' : ''}`}>
                  <Icon name={TONE_ICON[line.tone]} />
                  <span>{verdictText(t, lang, line, answer.fromTick)}</span>
                </li>
              ))}
            </ul>
            {answer.refused.length > 0 && (
              <ul class="su-forecast-refusals">
                {answer.refused.map((r) => (
                  <li key={r.index}>
                    <Icon name="warn" />
                    <span>
                      {t('ui.forecast.refused', {
                        what: answered!.change[r.index] === undefined ? '?' : text(answered!.change[r.index]!),
                        why: reasonText(t, r.reason),
                      })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {answer.changed.availability === null && (
              <p class="su-forecast-fog">{t('ui.forecast.fog', { feature: t('features.aggregatedMetrics.name') })}</p>
            )}
            <div class="su-forecast-legend" aria-hidden="true">
              <span class="su-legend-item">
                <LineSwatch look={LINE_LOOK.changed} />
                {t('ui.forecast.withChange')}
              </span>
              <span class="su-legend-item">
                <LineSwatch look={LINE_LOOK.base} />
                {t('ui.forecast.asThingsStand')}
              </span>
              {figures.includes('availability') && (
                <span class="su-legend-item">
                  <LineSwatch look={LINE_LOOK.objective} />
                  {t('ui.forecast.objective')}
                </span>
              )}
            </div>
            <div class="su-forecast-charts" data-figures={figures.length}>
              {figures.map((figure) => (
                <ForecastChart key={figure} figure={figure} data={forecastChartData(answer, figure, info.goals)} span={span} />
              ))}
            </div>
            <p class="su-help su-forecast-fate">{t('ui.forecast.fate')}</p>
          </div>
        )}
      </div>
      <div class="su-forecast-foot">
        <p class={`su-forecast-doing${Array.isArray(doing) ? ' su-note' : ''}`} role="status">
          {doing === 'sending'
            ? t(paused ? 'ui.forecast.sendingPaused' : 'ui.forecast.sending')
            : doing !== 'idle'
              ? doing.map((entry) => `${text(answered?.change[entry.index] ?? change[0]!)}: ${reasonText(t, entry.reason)}`).join(' · ')
              : t('ui.forecast.addMore')}
        </p>
        <button type="button" class="su-btn" disabled={view.loading} onClick={() => setAskAgain((n) => n + 1)}>
          <Icon name="restart" />
          {t('ui.forecast.askAgain')}
        </button>
        <button type="button" class="su-btn su-btn-quiet" onClick={closePlan}>
          {t('ui.forecast.closeText')}
        </button>
        <button type="button" class="su-btn su-btn-primary" disabled={!doable} onClick={() => void doIt()}>
          <Icon name="check" />
          {t('ui.forecast.doIt')}
        </button>
      </div>
    </section>
  );
}
