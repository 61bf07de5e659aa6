/**
 * The scaling checklist as a list: each item with whether the team has done it (icon + word, not
 * colour alone) and a one-line reason; the item's own explanation is its tooltip. Used by the
 * goals panel and the end-of-game summary.
 */
import type { Feature, TeamView } from '../../../shared/sim';
import { formatPercent } from '../../i18n';
import { Badge } from '../common';
import type { Tone } from '../header/headerFigures';
import { useT } from '../hooks';
import { labelForId } from '../names';
import { checklistSummary, teamChecklist, type ChecklistRow } from './checklist';

const TONE = (met: boolean | null): Tone => (met === true ? 'good' : met === null ? 'neutral' : 'warn');
const WORD = (met: boolean | null) => (met === true ? 'ui.checklist.done' : met === null ? 'ui.checklist.unknown' : 'ui.checklist.notYet');

/** The checklist rows for a team, named in the player's language. */
export function useChecklist(team: TeamView, regionIds: readonly string[]): ChecklistRow[] {
  const { t, lang } = useT();
  return teamChecklist(team, regionIds, {
    component: labelForId,
    percent: (share) => formatPercent(lang, share, 'round', 0),
    features: (list: readonly Feature[]) => list.map((f) => t(`features.${f}.name`)).join(', '),
  });
}

export function ChecklistSummaryText({ rows }: { rows: readonly ChecklistRow[] }) {
  const { t } = useT();
  const s = checklistSummary(rows);
  return <>{t('ui.checklist.summary', { met: s.met, total: s.total })}</>;
}

export function ChecklistList({ rows, compact = false }: { rows: readonly ChecklistRow[]; compact?: boolean }) {
  const { t } = useT();
  return (
    <ol class={`su-checklist${compact ? ' su-checklist-compact' : ''}`} aria-label={t('ui.checklist.title')}>
      {rows.map((row) => (
        <li
          key={row.id}
          class={`su-clitem su-clitem-${row.met === true ? 'done' : row.met === null ? 'unknown' : 'open'}`}
          data-check={row.id}
          title={t(`checklist.${row.id}.detail`)}
        >
          <div class="su-clitem-line">
            <strong class="su-clitem-label">{t(`checklist.${row.id}.label`)}</strong>
            <Badge tone={TONE(row.met)}>{t(WORD(row.met))}</Badge>
          </div>
          <p class="su-clitem-reason">{t(row.reasonKey, row.params)}</p>
        </li>
      ))}
    </ol>
  );
}
