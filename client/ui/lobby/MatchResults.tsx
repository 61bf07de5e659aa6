/**
 * A finished match: the ranking (1st, 2nd… with each team's peak users, availability over the
 * game, profit, incidents recovered, checklist, bankrupt marked), every team's users,
 * availability and money over time on shared axes (each team's game re-run from the replay),
 * what each team built (every system is revealed at the end), each team's debrief, the replay
 * and the results as files, and the way back to the start screen.
 */
import { useMemo, useState } from 'preact/hooks';
import { formatCount, formatDuration, formatMoney, formatPercent } from '../../i18n';
import type { GameModel } from '../../state/model';
import { scenarioPreset } from '../../state/scenarios';
import { uiState } from '../../state/uiState';
import { Badge } from '../common';
import { Debrief } from '../debrief/Debrief';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { teamLabel, teamStyle } from '../teams';
import type { UiClient } from '../uiClient';
import { TeamTag } from './LobbyBits';
import { mySeat } from './lobbyModel';
import { builtSummary, leaders, placeKey, rankRows, teamSeries, type RankRow, type TeamMetric } from './matchResults';
import { TeamBuilt } from './TeamBuilt';
import { TeamChart } from './TeamChart';
import { useMatchRecords } from './useMatchRecords';
import './lobby.css';
import './results.css';

const CHARTS: ReadonlyArray<{ metric: TeamMetric; title: string }> = [
  { metric: 'dau', title: 'hud.dau' },
  { metric: 'availability', title: 'hud.availability' },
  { metric: 'money', title: 'hud.money' },
];

export function MatchResults({ client, game, onAside }: { client: UiClient; game: GameModel; onAside: () => void }) {
  const { t, lang } = useT();
  const records = useMatchRecords(client, game.resultId, game.replayId);
  const [debriefTeam, setDebriefTeam] = useState<string | null>(null);
  const rows = rankRows(game.scoreboard, records.result);
  const own = mySeat(game)?.team ?? game.me.team;
  const teams = game.teamIds.length > 0 ? game.teamIds : rows.map((r) => r.team);
  const charted = useMemo(() => {
    if (records.status !== 'ready') return null;
    const inOrder = teams.flatMap((team) => records.records.filter((r) => r.team === team));
    return { teams: inOrder.map((r) => r.team), data: CHARTS.map((c) => teamSeries(inOrder, c.metric)) };
  }, [records, teams.join(',')]);
  const scenario = scenarioPreset(game.scenario)?.name[lang] ?? game.scenario;
  const top = leaders(rows);
  const winner = top[0] ?? null;
  const leave = () => {
    void client.leave();
    uiState.update((u) => ({ ...u, startView: 'home' }));
  };
  const debriefRecord = records.records.find((r) => r.team === debriefTeam) ?? null;
  return (
    <div class="su-debrief su-results" role="dialog" aria-modal="true" aria-labelledby="su-results-title">
      <div class="su-debrief-page">
        <header class="su-debrief-head">
          <div>
            <h2 id="su-results-title">{t('ui.matchResults.title')}</h2>
            <p class="su-muted su-results-sub">
              {scenario}
              {game.durationTicks > 0 && ` · ${formatDuration(lang, game.durationTicks)}`}
            </p>
          </div>
          <div class="su-results-actions">
            <button type="button" class="su-btn" onClick={onAside}>
              {t('ui.gameOver.look')}
            </button>
            <button type="button" class="su-btn su-btn-primary" data-back-to-start onClick={leave}>
              {t('ui.matchResults.back')}
            </button>
          </div>
        </header>
        {winner !== null && (
          <p class="su-results-winner" data-winner={winner} style={teamStyle(winner)}>
            <Icon name="star" size={20} />
            {top.length === 1
              ? t('ui.matchResults.winner', { team: teamLabel(t, winner, game.teamNames) })
              : t('ui.matchResults.tie', { teams: top.map((team) => teamLabel(t, team, game.teamNames)).join(', ') })}
          </p>
        )}
        <section class="su-debrief-section" aria-labelledby="su-results-ranking">
          <h3 id="su-results-ranking">{t('ui.matchResults.ranking')}</h3>
          <Ranking rows={rows} own={own} teamNames={game.teamNames} />
        </section>
        <section class="su-debrief-section" aria-labelledby="su-results-charts">
          <h3 id="su-results-charts">{t('ui.matchResults.charts')}</h3>
          {records.status === 'loading' && (
            <p class="su-muted" role="status">
              {t('ui.matchResults.loading', { done: records.records.length, total: records.total || teams.length })}
            </p>
          )}
          {records.status === 'missing' && <p class="su-muted">{t('ui.matchResults.missing')}</p>}
          {records.records.some((r) => !r.faithful) && <p class="su-debrief-warning">{t('ui.debrief.unfaithful')}</p>}
          {charted !== null && (
            <div class="su-results-charts">
              {CHARTS.map((chart, i) => (
                <TeamChart
                  key={chart.metric}
                  metric={chart.metric}
                  title={t(chart.title)}
                  teams={charted.teams}
                  teamNames={game.teamNames}
                  data={charted.data[i]!}
                />
              ))}
            </div>
          )}
        </section>
        <section class="su-debrief-section" aria-labelledby="su-results-built">
          <h3 id="su-results-built">{t('ui.matchResults.built')}</h3>
          <div class="su-results-built">
            {rows.map((row) => {
              const view = game.teams[row.team];
              const record = records.records.find((r) => r.team === row.team) ?? null;
              const system = view ?? record?.record.final ?? null;
              return (
                <TeamBuilt
                  key={row.team}
                  team={row.team}
                  teamNames={game.teamNames}
                  scenario={game.scenario}
                  built={system === null ? null : builtSummary(system)}
                  players={row.players}
                  onDebrief={record === null ? null : () => setDebriefTeam(row.team)}
                />
              );
            })}
          </div>
        </section>
        <p class="su-results-files">
          {game.replayId !== null && (
            <>
              <a class="su-link" href={`/replay/${encodeURIComponent(game.replayId)}`} target="_blank" rel="noopener" data-watch-replay>
                {t('ui.matchResults.watchReplay')}
              </a>
              <a class="su-link" href={`/api/replays/${encodeURIComponent(game.replayId)}`} target="_blank" rel="noopener" data-replay-link>
                {t('ui.matchResults.replay')}
              </a>
            </>
          )}
          {game.resultId !== null && (
            <a class="su-link" href={`/api/results/${encodeURIComponent(game.resultId)}.csv`} target="_blank" rel="noopener">
              {t('ui.matchResults.csv')}
            </a>
          )}
        </p>
      </div>
      {debriefTeam !== null && debriefRecord !== null && (
        <Debrief
          state={{ status: 'ready', record: debriefRecord.record, result: records.result, faithful: debriefRecord.faithful }}
          team={debriefTeam}
          onClose={() => setDebriefTeam(null)}
        />
      )}
    </div>
  );
}

function Ranking({ rows, own, teamNames }: { rows: readonly RankRow[]; own: string | null; teamNames: Readonly<Record<string, string>> }) {
  const { t, lang } = useT();
  return (
    <table class="su-results-table">
      <thead>
        <tr>
          <th scope="col">{t('ui.matchResults.place')}</th>
          <th scope="col">{t('ui.scoreboard.team')}</th>
          <th scope="col">{t('ui.matchResults.peakUsers')}</th>
          <th scope="col">{t('ui.matchResults.availability')}</th>
          <th scope="col">{t('ui.matchResults.profit')}</th>
          <th scope="col">{t('ui.matchResults.incidents')}</th>
          <th scope="col">{t('ui.matchResults.checklist')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const place = placeKey(row.rank);
          return (
            <tr key={row.team} data-team={row.team} data-rank={row.rank} class={row.team === own ? 'su-results-own' : undefined}>
              <td class="su-results-place">{place === null ? row.rank : t(place)}</td>
              <th scope="row">
                <TeamTag team={row.team} teamNames={teamNames} />
                {row.team === own && <span class="su-muted"> · {t('ui.matchResults.yours')}</span>}
                {row.bankrupt && (
                  <>
                    {' '}
                    <Badge tone="bad">{t('ui.matchResults.bankrupt')}</Badge>
                  </>
                )}
              </th>
              <td>{formatCount(lang, row.peakDau)}</td>
              <td>{formatPercent(lang, row.availability, 'floor', 2)}</td>
              <td class={row.profit < 0 ? 'su-tone-bad' : undefined}>{formatMoney(lang, row.profit)}</td>
              <td>{row.incidents === null || row.recovered === null ? '–' : `${row.recovered}/${row.incidents}`}</td>
              <td>{row.checklist === null ? '–' : formatPercent(lang, row.checklist, 'round', 0)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
