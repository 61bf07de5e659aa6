/**
 * The room debrief: the end of a workshop (or a finished match) with every team side by side. The
 * stored result and replay are fetched and every team is re-run in the browser (useRoomRecord.ts),
 * then: the ranking, the teams' figures over time on shared axes, incident response, each team's
 * decisions over time and one team in detail, the scaling checklist as an item × team grid, and
 * how the cohort spread. CSV and JSON exports for the instructor; projector mode enlarges it all.
 * A page over the game, like the solo debrief (client/ui/debrief/Debrief.tsx).
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { roomCsv, roomRecord } from '../../../shared/debrief/roomExport';
import { cohortHistograms, teamRows, type TeamRow, type TeamRun } from '../../../shared/debrief/roomRecord';
import type { ReplayDocument } from '../../../shared/protocol/results';
import { formatDuration } from '../../i18n';
import { uiState } from '../../state/uiState';
import { useStore, useT } from '../hooks';
import { Icon } from '../Icon';
import type { UiClient } from '../uiClient';
import { ChecklistGrid } from './ChecklistGrid';
import { Histograms } from './Histograms';
import { ResponseTable } from './IncidentResponse';
import { RankingTable } from './RankingTable';
import { roomNames, type RoomNames } from './roomNames';
import { TeamCharts, TeamLegend } from './TeamCharts';
import { TeamDetail } from './TeamDetail';
import { teamLooks } from './teamLooks';
import { Timelines } from './Timelines';
import { useRoomRecord } from './useRoomRecord';
import './roomDebrief.css';
import './roomSections.css';
import { downloadText } from '../download';
import { LanguageSwitch } from '../LanguageSwitch';

const SECTIONS = [
  ['ranking', 'ui.roomDebrief.ranking.title'],
  ['charts', 'ui.roomDebrief.charts.title'],
  ['incidents', 'ui.roomDebrief.incidents.title'],
  ['decisions', 'ui.roomDebrief.decisions.title'],
  ['checklist', 'ui.checklist.title'],
  ['cohort', 'ui.roomDebrief.cohort.title'],
] as const;
type SectionId = (typeof SECTIONS)[number][0];

function Section({ id, title, help, children }: { id: SectionId; title: string; help?: string; children: ComponentChildren }) {
  return (
    <section class="su-room-section" id={`su-room-${id}`} aria-labelledby={`su-room-${id}-title`}>
      <h3 id={`su-room-${id}-title`}>{title}</h3>
      {help !== undefined && <p class="su-help">{help}</p>}
      {children}
    </section>
  );
}

interface BodyProps {
  replay: ReplayDocument;
  runs: ReadonlyMap<string, TeamRun>;
  rows: readonly TeamRow[];
  ready: boolean;
  names: RoomNames;
}

function Body({ replay, runs, rows, ready, names }: BodyProps) {
  const { t } = names;
  const [focus, setFocus] = useState<string | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  const looks = useMemo(() => teamLooks(replay.teams), [replay]);
  const order = rows.map((row) => row.team);
  const ordered = useMemo(() => order.flatMap((team) => runs.get(team) ?? []), [runs, order.join()]);
  const histograms = useMemo(() => cohortHistograms(rows), [rows]);
  const pick = (team: string) => {
    setDetail(team);
    setFocus(team);
  };
  const unfaithful = rows.filter((row) => row.run !== null && !row.run.faithful).map((row) => names.team(row.team));
  return (
    <>
      {unfaithful.length > 0 && (
        <p class="su-room-warning" role="status">
          <Icon name="warn" />
          {t('ui.roomDebrief.unfaithful', { teams: unfaithful.join(', ') })}
        </p>
      )}
      <Section id="ranking" title={t('ui.roomDebrief.ranking.title')} help={t('ui.roomDebrief.ranking.help')}>
        <RankingTable rows={rows} looks={looks} names={names} />
      </Section>
      {ready && (
        <>
          <Section id="charts" title={t('ui.roomDebrief.charts.title')} help={t('ui.roomDebrief.charts.help')}>
            <TeamLegend teams={order} looks={looks} focus={focus} onFocus={setFocus} names={names} />
            <TeamCharts runs={ordered} looks={looks} focus={focus} names={names} />
          </Section>
          <Section id="incidents" title={t('ui.roomDebrief.incidents.title')}>
            <p class="su-help">
              {t('ui.roomDebrief.incidents.noticeHelp')} {t('ui.roomDebrief.incidents.recoverHelp')}
            </p>
            <ResponseTable rows={rows} looks={looks} names={names} />
          </Section>
          <Section id="decisions" title={t('ui.roomDebrief.decisions.title')} help={t('ui.roomDebrief.decisions.help')}>
            <Timelines teams={order} runs={runs} endTick={replay.finalTick} looks={looks} picked={detail} onPick={pick} names={names} />
            <h4 class="su-room-subhead">{t('ui.roomDebrief.detail.title')}</h4>
            <TeamDetail teams={order} runs={runs} team={detail ?? order[0] ?? ''} onPick={pick} names={names} />
          </Section>
          <Section id="checklist" title={t('ui.checklist.title')} help={t('concepts.checklist.summary')}>
            <ChecklistGrid teams={order} runs={runs} looks={looks} names={names} />
          </Section>
          <Section id="cohort" title={t('ui.roomDebrief.cohort.title')} help={t('ui.roomDebrief.cohort.help')}>
            <Histograms histograms={histograms} names={names} />
          </Section>
        </>
      )}
    </>
  );
}

export function RoomDebrief({
  client,
  resultId,
  replayId,
  onClose,
}: {
  client: UiClient;
  resultId: string;
  replayId: string;
  onClose: () => void;
}) {
  const { t, lang } = useT();
  const ui = useStore(uiState);
  const state = useRoomRecord(client, resultId, replayId);
  const dialog = useRef<HTMLDivElement>(null);
  // Focus inside the page, so Escape closes it and the keyboard starts here rather than behind it.
  useEffect(() => dialog.current?.focus(), []);
  const loaded = state.status === 'running' || state.status === 'ready' ? state : null;
  const names = useMemo(
    () => (loaded === null ? null : roomNames(t, lang, loaded.replay, loaded.result)),
    [lang, loaded?.replay, loaded?.result],
  );
  const rows = useMemo(
    () => (loaded === null ? [] : teamRows(loaded.replay.teams, loaded.result, loaded.runs)),
    [loaded?.replay, loaded?.result, loaded?.runs],
  );
  const ready = state.status === 'ready';
  const fileName = (ext: string) => `scale-up-room-${loaded?.result?.code ?? replayId}.${ext}`;
  const exportCsv = () => names !== null && downloadText(fileName('csv'), roomCsv(rows, names.team), 'text/csv;charset=utf-8');
  const exportJson = () => {
    if (loaded === null || names === null) return;
    const record = roomRecord(loaded.replay, rows, loaded.runs, { team: names.team, seat: names.seat });
    downloadText(fileName('json'), `${JSON.stringify(record, null, 2)}\n`, 'application/json');
  };
  const jump = (id: SectionId) => document.getElementById(`su-room-${id}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  return (
    <div
      class="su-room"
      role="dialog"
      aria-modal="true"
      aria-labelledby="su-room-title"
      tabIndex={-1}
      ref={dialog}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <header class="su-room-head">
        <div class="su-room-heading">
          <h2 id="su-room-title">{t('ui.roomDebrief.title')}</h2>
          {loaded !== null && (
            <p class="su-room-subtitle">
              {t('ui.roomDebrief.subtitle', {
                scenario: loaded.replay.scenario.name[lang],
                teams: loaded.replay.teams.length,
                duration: formatDuration(lang, loaded.replay.finalTick),
              })}
            </p>
          )}
        </div>
        <div class="su-room-actions">
          <LanguageSwitch />
          <button
            type="button"
            class="su-btn"
            aria-pressed={ui.projector}
            onClick={() => uiState.update((s) => ({ ...s, projector: !s.projector }))}
          >
            {t('ui.roomDebrief.projector')}
          </button>
          <button type="button" class="su-btn" disabled={!ready} onClick={exportCsv} data-export="csv">
            <Icon name="copy" />
            {t('ui.roomDebrief.exportCsv')}
          </button>
          <button type="button" class="su-btn" disabled={!ready} onClick={exportJson} data-export="json">
            <Icon name="copy" />
            {t('ui.roomDebrief.exportJson')}
          </button>
          <button type="button" class="su-btn su-btn-primary" onClick={onClose}>
            <Icon name="cross" />
            {t('ui.roomDebrief.close')}
          </button>
        </div>
        {ready && (
          <nav class="su-room-nav" aria-label={t('ui.roomDebrief.sections')}>
            {SECTIONS.map(([id, key]) => (
              <button key={id} type="button" class="su-btn su-btn-small su-btn-quiet" onClick={() => jump(id)}>
                {t(key)}
              </button>
            ))}
          </nav>
        )}
      </header>
      <div class="su-room-page">
        {state.status === 'loading' && <p role="status">{t('ui.roomDebrief.loading')}</p>}
        {state.status === 'missing' && <p role="status">{t('ui.roomDebrief.missing')}</p>}
        {state.status === 'running' && (
          <div class="su-room-progress" role="status">
            <p>
              {t('ui.roomDebrief.progress', {
                n: Math.min(state.runs.size + 1, state.replay.teams.length),
                total: state.replay.teams.length,
              })}
            </p>
            <progress max={state.replay.teams.length} value={state.runs.size} />
            <p class="su-help">{t('ui.roomDebrief.progressHelp')}</p>
          </div>
        )}
        {loaded !== null && names !== null && <Body replay={loaded.replay} runs={loaded.runs} rows={rows} ready={ready} names={names} />}
      </div>
    </div>
  );
}
