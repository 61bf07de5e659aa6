/**
 * One team read closely: who on it gave how many commands, every command hour by hour with when,
 * who, what and whether it was carried out (an incident the instructor injected marked as such,
 * with the instructor's name), and every incident with its response times.
 */
import { decisionGroups, decisionsOf, incidentResponses, seatActivity, type TeamRun } from '../../../shared/debrief/roomRecord';
import { Badge } from '../common';
import { TeamIncidents } from './IncidentResponse';
import type { RoomNames } from './roomNames';
import { CommandsHead, OutcomeBadge } from '../debrief/Debrief';

function Commands({ run, names }: { run: TeamRun; names: RoomNames }) {
  const { t } = names;
  const decisions = decisionsOf(run.record);
  if (decisions.length === 0) return <p class="su-muted">{t('ui.debrief.noCommands')}</p>;
  return (
    <div class="su-room-scroll su-room-list su-room-commands">
      <table class="su-room-table">
        <CommandsHead />
        {decisionGroups(decisions).map((group) => (
          <tbody key={group.fromTick}>
            <tr class="su-room-group">
              <th scope="colgroup" colSpan={4}>
                {names.clock(group.fromTick)} – {names.clock(group.toTick)}
              </th>
            </tr>
            {group.decisions.map((d, i) => (
              <tr key={i} class={d.injected ? 'su-room-injected' : undefined} data-injected={d.injected ? '' : undefined}>
                <td class="su-room-time">{names.clock(d.tick)}</td>
                <td>{names.seat(d.seat)}</td>
                <td>
                  {d.injected && <Badge tone="bad">{t('ui.roomDebrief.decisions.injectedBadge')}</Badge>} {names.command(d.command)}
                </td>
                <td>
                  <OutcomeBadge ok={d.ok} reason={d.reason} />
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

export function TeamDetail(props: {
  teams: readonly string[];
  runs: ReadonlyMap<string, TeamRun>;
  team: string;
  onPick: (team: string) => void;
  names: RoomNames;
}) {
  const { teams, runs, team, onPick, names } = props;
  const { t } = names;
  const run = runs.get(team);
  const decisions = run === undefined ? [] : decisionsOf(run.record);
  const own = decisions.filter((d) => !d.injected);
  const activity = seatActivity(decisions);
  return (
    <>
      <label class="su-field su-inline su-room-pick">
        <span class="su-field-label">{t('ui.roomDebrief.detail.pick')}</span>
        <select value={team} onChange={(e) => onPick((e.target as HTMLSelectElement).value)}>
          {teams.map((id) => (
            <option key={id} value={id}>
              {names.team(id)}
            </option>
          ))}
        </select>
      </label>
      {run !== undefined && (
        <div class="su-room-detail">
          <section aria-labelledby="su-room-detail-commands">
            <h4 id="su-room-detail-commands">{t('ui.roomDebrief.detail.commands')}</h4>
            <p class="su-help">
              {t('ui.roomDebrief.decisions.counts', { count: own.length, refused: own.filter((d) => !d.ok).length })}
              {activity.length > 0 && (
                <>
                  {' · '}
                  {t('ui.roomDebrief.decisions.who')} {activity.map((a) => `${names.seat(a.seat)} (${a.decisions})`).join(', ')}
                </>
              )}
            </p>
            <Commands run={run} names={names} />
          </section>
          <section aria-labelledby="su-room-detail-incidents">
            <h4 id="su-room-detail-incidents">{t('ui.roomDebrief.detail.incidents')}</h4>
            <TeamIncidents responses={incidentResponses(run.record)} names={names} />
          </section>
        </div>
      )}
    </>
  );
}
