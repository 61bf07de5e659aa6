/**
 * The goals panel at the top of the right dock: the scenario's description and objectives with
 * the team's progress (each figure only as far as its monitoring shows it; a hidden one says what
 * reveals it), and the scaling checklist on a second tab. Collapsible to its heading row, which
 * still says how many are met; collapsed by default while a component is inspected, so the
 * inspector keeps the room. In a solo game the next-step hint sits above it; in a campaign chapter
 * the chapter's goals (win and stars, with their values so far), briefing and hints take the
 * objectives' place, beside the time left.
 */
import type { Chapter } from '../../../shared/campaign';
import type { Feature, TeamView } from '../../../shared/sim';
import { ChapterGoals, chapterGoalsMet, type ChapterActions } from '../campaign/ChapterGoals';
import { clockOf, formatCount, formatDuration, formatLatency, formatMoney, formatPercent } from '../../i18n';
import type { HistoryPoint } from '../../state/model';
import { Badge } from '../common';
import type { Tone } from '../header/headerFigures';
import { useStore, useT } from '../hooks';
import { Icon } from '../Icon';
import type { ScenarioInfo } from '../scenarioInfo';
import { checklistSummary } from './checklist';
import { ChecklistList, useChecklist } from './ChecklistList';
import { goalsState, showHint } from './goalsState';
import { HintCard } from './HintCard';
import type { Hint } from './hints';
import { objectiveRows, objectivesSummary, type ObjectiveRow, type ObjectiveStatus } from './objectives';
import './goals.css';

const STATUS_TONE: Record<ObjectiveStatus, Tone> = { met: 'good', short: 'warn', unknown: 'neutral', running: 'neutral' };
const STATUS_KEY: Record<ObjectiveStatus, string> = {
  met: 'ui.goals.met',
  short: 'ui.goals.short',
  unknown: 'ui.goals.unknown',
  running: 'ui.goals.running',
};
/** Goals one grows towards get a bar; availability and latency are judged minute by minute. */
const BARS: ReadonlySet<ObjectiveRow['id']> = new Set(['peakDau', 'profit', 'deadline']);
const LABEL_KEY: Record<ObjectiveRow['id'], string> = {
  availability: 'ui.goals.labelAvailability',
  latency: 'ui.goals.labelLatency',
  peakDau: 'ui.goals.labelPeakDau',
  profit: 'ui.goals.labelProfit',
  deadline: 'ui.goals.labelDeadline',
};

function Objective({ row }: { row: ObjectiveRow }) {
  const { t, lang } = useT();
  let value = '?';
  let goal = '';
  switch (row.id) {
    case 'availability':
      if (row.value !== null) value = formatPercent(lang, row.value, 'floor', 2);
      goal = t('ui.goals.goalAtLeast', { value: formatPercent(lang, row.target, 'floor', 2) });
      break;
    case 'latency':
      if (row.value !== null) value = formatLatency(lang, row.value);
      goal = t('ui.goals.goalAtMost', { value: formatLatency(lang, row.target) });
      break;
    case 'peakDau':
      if (row.value !== null)
        value = row.approx ? t('ui.header.approx', { value: formatCount(lang, row.value) }) : formatCount(lang, row.value);
      goal = t('ui.goals.goalAtLeast', { value: formatCount(lang, row.target) });
      break;
    case 'profit':
      if (row.value !== null) value = formatMoney(lang, row.value);
      goal = t('ui.goals.goalAtLeast', { value: formatMoney(lang, row.target) });
      break;
    case 'deadline': {
      value = formatDuration(lang, Math.max(0, row.target - (row.value ?? 0)));
      const { day, time } = clockOf(row.target);
      goal = t('ui.goals.goalEnds', { value: t('hud.clock', { day, time }) });
      break;
    }
  }
  return (
    <li class={`su-goal su-goal-${row.status}`} data-objective={row.id}>
      <span class="su-goal-label">{t(LABEL_KEY[row.id])}</span>
      <span class="su-goal-figures">
        <strong
          class="su-goal-value"
          title={
            row.revealedBy !== null
              ? t(row.value === null ? 'ui.goals.hidden' : 'ui.goals.rounded', { feature: t(`features.${row.revealedBy}.name`) })
              : undefined
          }
        >
          {value}
        </strong>{' '}
        <span class="su-goal-target">{goal}</span>
      </span>
      <Badge tone={STATUS_TONE[row.status]}>{t(STATUS_KEY[row.status])}</Badge>
      {row.progress !== null && BARS.has(row.id) && (
        <div class={`su-goal-bar su-tone-${STATUS_TONE[row.status]}`} aria-hidden="true">
          <span style={{ width: `${Math.round(row.progress * 100)}%` }} />
        </div>
      )}
    </li>
  );
}

export function GoalsPanel({
  team,
  info,
  points,
  hint,
  inspecting,
  chapter = null,
  chapterValues = [],
  chapterActions = null,
}: {
  team: TeamView;
  info: ScenarioInfo;
  points: readonly HistoryPoint[];
  hint: Hint | null;
  inspecting: boolean;
  /** The campaign chapter being played: its goals (with their values so far) replace the objectives. */
  chapter?: Chapter | null;
  chapterValues?: readonly number[];
  chapterActions?: ChapterActions | null;
}) {
  const { t, lang } = useT();
  const state = useStore(goalsState);
  const open = inspecting ? state.openInspecting : state.open;
  const setOpen = (value: boolean) => goalsState.update((s) => (inspecting ? { ...s, openInspecting: value } : { ...s, open: value }));
  const regionIds = info.regions.map((r) => r.id);
  const peakSeen = points.reduce((peak, p) => Math.max(peak, p.dau), 0);
  // A chapter shows its own goals, scored as the chapter will be; of the objectives only the time left.
  const rows = objectiveRows(info.objectives, team, info.startMoney, peakSeen).filter((row) => chapter === null || row.id === 'deadline');
  const goals = chapter === null ? objectivesSummary(rows) : chapterGoalsMet(chapter, chapterValues);
  // What the team's monitoring hides, said once per feature under the list.
  const hiddenBy = [...new Set(rows.filter((r) => r.value === null && r.revealedBy !== null).map((r) => r.revealedBy as Feature))];
  const roundedBy = [...new Set(rows.filter((r) => r.approx && r.revealedBy !== null).map((r) => r.revealedBy as Feature))];
  const checklist = useChecklist(team, regionIds);
  const checks = checklistSummary(checklist);
  const hintHidden = hint !== null && state.dismissed.includes(hint.id);
  const tab = (id: 'goals' | 'checklist') => {
    goalsState.update((s) => ({ ...s, tab: id }));
    setOpen(true);
  };
  return (
    <div class="su-side-top">
      {hint !== null && <HintCard hint={hint} info={info} />}
      <section class={`su-goals${open ? '' : ' su-goals-closed'}`} aria-label={t('ui.goals.title')}>
        <div class="su-goals-head">
          <div class="su-goals-tabs" role="tablist" aria-label={t('ui.goals.title')}>
            <button
              type="button"
              role="tab"
              id="su-goals-tab-goals"
              class="su-goals-tab"
              aria-selected={state.tab === 'goals'}
              aria-controls="su-goals-body"
              onClick={() => tab('goals')}
            >
              {t('ui.goals.tabGoals')}
              <span class="su-goals-count">{`${goals.met}/${goals.total}`}</span>
            </button>
            <button
              type="button"
              role="tab"
              id="su-goals-tab-checklist"
              class="su-goals-tab"
              aria-selected={state.tab === 'checklist'}
              aria-controls="su-goals-body"
              onClick={() => tab('checklist')}
            >
              {t('ui.goals.tabChecklist')}
              <span class="su-goals-count">{`${checks.met}/${checks.total}`}</span>
            </button>
          </div>
          {hintHidden && (
            <button type="button" class="su-link su-goals-hint-link" onClick={() => showHint(hint.id)}>
              {t('ui.hints.show')}
            </button>
          )}
          <button
            type="button"
            class="su-btn su-btn-icon su-btn-quiet su-goals-toggle"
            aria-expanded={open}
            aria-controls="su-goals-body"
            aria-label={open ? t('ui.goals.hide') : t('ui.goals.show')}
            title={open ? t('ui.goals.hide') : t('ui.goals.show')}
            onClick={() => setOpen(!open)}
          >
            <Icon name={open ? 'chevronDown' : 'chevronLeft'} />
          </button>
        </div>
        {open && (
          <div
            class="su-goals-body"
            id="su-goals-body"
            role="tabpanel"
            aria-labelledby={state.tab === 'goals' ? 'su-goals-tab-goals' : 'su-goals-tab-checklist'}
          >
            {state.tab === 'goals' ? (
              <>
                {info.description !== null && <p class="su-goals-description">{info.description[lang]}</p>}
                <ul class="su-goal-list">
                  {rows.map((row) => (
                    <Objective key={row.id} row={row} />
                  ))}
                </ul>
                {hiddenBy.map((feature) => (
                  <p key={feature} class="su-help su-goals-fog">
                    {t('ui.goals.hidden', { feature: t(`features.${feature}.name`) })}
                  </p>
                ))}
                {roundedBy.map((feature) => (
                  <p key={feature} class="su-help su-goals-fog">
                    {t('ui.goals.rounded', { feature: t(`features.${feature}.name`) })}
                  </p>
                ))}
                {chapter !== null && <ChapterGoals chapter={chapter} values={chapterValues} actions={chapterActions} />}
              </>
            ) : (
              <ChecklistList rows={checklist} />
            )}
          </div>
        )}
      </section>
    </div>
  );
}
