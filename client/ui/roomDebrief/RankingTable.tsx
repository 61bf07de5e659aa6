/**
 * The room's ranking, one row per team: rank, name, players, peak daily users, availability over
 * the game, profit, incidents recovered and the mean and worst time to recover, the checklist, a
 * bankrupt team marked. The stored result's figures show at once; what only the re-run knows
 * (incidents, recovery) fills in as each team's re-run ends.
 */
import { CHECKLIST_IDS } from '../../../shared/sim';
import type { TeamRow } from '../../../shared/debrief/roomRecord';
import { formatCount, formatMoney, formatPercent } from '../../i18n';
import { Badge } from '../common';
import { NONE, type RoomNames } from './roomNames';
import { Swatch } from './TeamCharts';
import type { TeamLook } from './teamLooks';

/** A cell the re-run has yet to fill. */
function Pending({ names }: { names: RoomNames }) {
  const label = names.t('ui.roomDebrief.ranking.pending');
  return (
    <span class="su-room-pending" title={label}>
      <span aria-hidden="true">…</span>
      <span class="su-visually-hidden">{label}</span>
    </span>
  );
}

export function TeamNameCell({ team, look, names }: { team: string; look: TeamLook | undefined; names: RoomNames }) {
  return (
    <span class="su-room-team">
      {look !== undefined && <Swatch look={look} />}
      <span>{names.team(team)}</span>
    </span>
  );
}

export function RankingTable({ rows, looks, names }: { rows: readonly TeamRow[]; looks: ReadonlyMap<string, TeamLook>; names: RoomNames }) {
  const { t, lang } = names;
  return (
    <div class="su-room-scroll">
      <table class="su-room-table su-room-ranking">
        <thead>
          <tr>
            <th scope="col">{t('ui.roomDebrief.ranking.rank')}</th>
            <th scope="col">{t('ui.roomDebrief.ranking.team')}</th>
            <th scope="col">{t('ui.roomDebrief.ranking.players')}</th>
            <th scope="col" class="su-num">
              {t('ui.roomDebrief.ranking.peakDau')}
            </th>
            <th scope="col" class="su-num">
              {t('ui.roomDebrief.ranking.availability')}
            </th>
            <th scope="col" class="su-num">
              {t('ui.roomDebrief.ranking.profit')}
            </th>
            <th scope="col" class="su-num">
              {t('ui.roomDebrief.ranking.incidents')}
            </th>
            <th scope="col" class="su-num">
              {t('ui.roomDebrief.ranking.recovery')}
            </th>
            <th scope="col" class="su-num">
              {t('ui.roomDebrief.ranking.checklist')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const response = row.run?.response ?? null;
            return (
              <tr key={row.team} data-team={row.team} class={row.bankrupt ? 'su-room-bankrupt' : undefined}>
                <td class="su-room-rank">{row.rank}</td>
                <th scope="row">
                  <TeamNameCell team={row.team} look={looks.get(row.team)} names={names} />
                  {row.bankrupt && <Badge tone="bad">{t('ui.scoreboard.bankrupt')}</Badge>}
                  {row.run !== null && !row.run.faithful && <Badge tone="warn">{t('ui.roomDebrief.unfaithfulBadge')}</Badge>}
                </th>
                <td class="su-room-players">{row.players.length === 0 ? t('ui.roomDebrief.ranking.noPlayers') : row.players.join(', ')}</td>
                <td class="su-num">{formatCount(lang, row.peakDau)}</td>
                <td class="su-num">{formatPercent(lang, row.availability, 'floor', 2)}</td>
                <td class="su-num">{formatMoney(lang, row.profit)}</td>
                <td class="su-num">
                  {response === null ? (
                    <Pending names={names} />
                  ) : (
                    t('ui.roomDebrief.ranking.recoveredOf', { recovered: response.recovered, total: response.incidents })
                  )}
                </td>
                <td class="su-num">
                  {response === null ? (
                    <Pending names={names} />
                  ) : response.incidents === 0 ? (
                    NONE
                  ) : (
                    `${names.duration(response.meanToRecover)} / ${worstText(names, response.worstToRecover, response.recovered < response.incidents)}`
                  )}
                </td>
                <td class="su-num">
                  {row.checklistMet}/{CHECKLIST_IDS.length}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The worst recovery; when an incident never recovered it counts until the end, so it is a floor. */
export function worstText(names: RoomNames, minutes: number | null, unrecovered: boolean): string {
  const text = names.duration(minutes);
  return unrecovered && minutes !== null ? names.t('ui.roomDebrief.incidents.atLeast', { value: text }) : text;
}
