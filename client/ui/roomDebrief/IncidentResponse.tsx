/**
 * How each team met its incidents: a table across the teams (how many, how many an instructor
 * injected, how many were noticed and recovered, the mean times to notice and to recover, the
 * worst recovery), and for one team every incident with its start, when it was noticed and how,
 * when service was back, and both durations. Times to notice come from the re-run's detection
 * (alerts, else users' complaints), as in the solo debrief's post-incident reports.
 */
import type { IncidentResponse, TeamRow } from '../../../shared/debrief/roomRecord';
import { Badge } from '../common';
import { labelForId } from '../names';
import { NONE, type RoomNames } from './roomNames';
import { TeamNameCell, worstText } from './RankingTable';
import type { TeamLook } from './teamLooks';

export function ResponseTable({
  rows,
  looks,
  names,
}: {
  rows: readonly TeamRow[];
  looks: ReadonlyMap<string, TeamLook>;
  names: RoomNames;
}) {
  const { t } = names;
  return (
    <div class="su-room-scroll">
      <table class="su-room-table">
        <thead>
          <tr>
            <th scope="col">{t('ui.roomDebrief.ranking.team')}</th>
            <th scope="col" class="su-num">
              {t('ui.roomDebrief.incidents.count')}
            </th>
            <th scope="col" class="su-num">
              {t('ui.roomDebrief.incidents.injected')}
            </th>
            <th scope="col" class="su-num">
              {t('ui.roomDebrief.incidents.noticed')}
            </th>
            <th scope="col" class="su-num">
              {t('ui.roomDebrief.incidents.meanNotice')}
            </th>
            <th scope="col" class="su-num">
              {t('ui.roomDebrief.incidents.recovered')}
            </th>
            <th scope="col" class="su-num">
              {t('ui.roomDebrief.incidents.meanRecover')}
            </th>
            <th scope="col" class="su-num">
              {t('ui.roomDebrief.incidents.worstRecover')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const r = row.run?.response;
            if (r === undefined) return null;
            return (
              <tr key={row.team} data-team={row.team}>
                <th scope="row">
                  <TeamNameCell team={row.team} look={looks.get(row.team)} names={names} />
                </th>
                <td class="su-num">{r.incidents}</td>
                <td class="su-num">{r.injected}</td>
                <td class="su-num">{r.noticed}</td>
                <td class="su-num">{names.duration(r.meanToNotice)}</td>
                <td class="su-num">{r.recovered}</td>
                <td class="su-num">{names.duration(r.meanToRecover)}</td>
                <td class="su-num">{worstText(names, r.worstToRecover, r.recovered < r.incidents)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function incidentName(names: RoomNames, response: IncidentResponse): string {
  const name = names.t(`incidents.${response.type}.name`);
  return response.target === null ? name : `${name} · ${labelForId(response.target)}`;
}

export function TeamIncidents({ responses, names }: { responses: readonly IncidentResponse[]; names: RoomNames }) {
  const { t } = names;
  if (responses.length === 0) return <p class="su-muted">{t('ui.report.none')}</p>;
  return (
    <div class="su-room-scroll su-room-list">
      <table class="su-room-table su-room-incidents">
        <thead>
          <tr>
            <th scope="col">{t('ui.roomDebrief.incidents.incident')}</th>
            <th scope="col">{t('ui.roomDebrief.incidents.started')}</th>
            <th scope="col">{t('ui.roomDebrief.incidents.noticed')}</th>
            <th scope="col">{t('ui.roomDebrief.incidents.recovered')}</th>
            <th scope="col" class="su-num">
              {t('ui.roomDebrief.incidents.toNotice')}
            </th>
            <th scope="col" class="su-num">
              {t('ui.roomDebrief.incidents.toRecover')}
            </th>
          </tr>
        </thead>
        <tbody>
          {responses.map((r) => (
            <tr key={r.id} data-incident={r.id} data-origin={r.origin}>
              <th scope="row">
                {incidentName(names, r)}
                <span class="su-room-origin">
                  {r.origin === 'injected' ? (
                    <Badge tone="bad">{t('ui.roomDebrief.decisions.injectedBadge')}</Badge>
                  ) : (
                    t(`ui.report.origin.${r.origin}`)
                  )}
                </span>
              </th>
              <td class="su-room-time">{names.clock(r.startTick)}</td>
              <td class="su-room-time">
                {r.noticedTick === null ? (
                  <span class="su-muted">{t('ui.roomDebrief.incidents.notNoticed')}</span>
                ) : (
                  `${names.clock(r.noticedTick)} · ${t(r.noticedBy === 'alerts' ? 'ui.roomDebrief.incidents.byAlerts' : 'ui.roomDebrief.incidents.byComplaints')}`
                )}
              </td>
              <td class="su-room-time">
                {r.recoveredTick === null ? (
                  <Badge tone="warn">{t('ui.roomDebrief.incidents.notRecovered')}</Badge>
                ) : (
                  names.clock(r.recoveredTick)
                )}
              </td>
              <td class="su-num">{r.toNotice === null ? NONE : names.duration(r.toNotice)}</td>
              <td class="su-num">{r.toRecover === null ? NONE : names.duration(r.toRecover)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
