/**
 * The live scoreboard of a match or a workshop: every team's score so far (users served well,
 * availability over the game, profit, incidents recovered) and its trend over the last couple of
 * simulated hours, ranked; the player's own team marked.
 * Only scores travel: what each team built stays hidden from the others until the end.
 */
import { formatCount, formatMoney, formatPercent } from '../../i18n';
import { useT } from '../hooks';
import { teamLabel, teamStyle } from '../teams';
import { useRef } from 'preact/hooks';
import { rankScores, usersServed, type ScoreLine } from '../../../shared/protocol/ranking';
import { nextTrend, sparkline, type Trend } from './trend';
import './scoreboard.css';

export function Scoreboard({
  lines,
  own,
  tick,
  teamNames = {},
}: {
  lines: readonly ScoreLine[];
  own: string | null;
  tick: number;
  /** Names the teams were given (GameModel.teamNames); a team without one has its default name. */
  teamNames?: Readonly<Record<string, string>>;
}) {
  const { t, lang } = useT();
  const trend = useRef<Trend | null>(null);
  trend.current = nextTrend(trend.current, tick, lines);
  if (lines.length === 0) return null;
  return (
    <section class="su-scoreboard" aria-labelledby="su-scoreboard-title">
      <h2 class="su-heading" id="su-scoreboard-title">
        {t('ui.scoreboard.title')}
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('ui.scoreboard.team')}</th>
            <th scope="col" title={t('ui.scoreboard.servedHelp')}>
              {t('ui.scoreboard.served')}
            </th>
            <th scope="col">{t('ui.scoreboard.availability')}</th>
            <th scope="col">{t('ui.scoreboard.profit')}</th>
            <th scope="col" title={t('ui.scoreboard.incidentsHelp')}>
              {t('ui.scoreboard.incidents')}
            </th>
            <th scope="col" title={t('ui.scoreboard.trendHelp')}>
              {t('ui.scoreboard.trend')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rankScores(lines).map((line, index) => (
            <tr
              key={line.team}
              data-team={line.team}
              style={teamStyle(line.team)}
              class={line.team === own ? 'su-score-own' : undefined}
              aria-current={line.team === own ? 'true' : undefined}
            >
              <td>{index + 1}</td>
              <th scope="row">
                <span class="su-score-swatch" aria-hidden="true" />
                {teamLabel(t, line.team, teamNames)}
                {line.gameOver === 'bankrupt' && <span class="su-score-out"> · {t('ui.scoreboard.bankrupt')}</span>}
              </th>
              <td>{formatCount(lang, usersServed(line))}</td>
              <td>{formatPercent(lang, line.availability, 'floor', 1)}</td>
              <td>{formatMoney(lang, line.profit)}</td>
              <td>{`${line.recovered}/${line.incidents}`}</td>
              <td>
                <svg class="su-score-trend" width="40" height="14" viewBox="0 0 40 14" aria-hidden="true">
                  <polyline
                    points={sparkline(trend.current?.byTeam[line.team] ?? [], 40, 14)}
                    fill="none"
                    stroke="currentColor"
                    stroke-width="1.5"
                  />
                </svg>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
