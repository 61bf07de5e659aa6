/**
 * The scaling checklist across the room: one row per item of the source's closing list, one
 * column per team, each cell met or not (an icon and a word for screen readers: never colour
 * alone), and each team's count of items met at the foot. Judged on each team's final state by
 * the server's own rules (checklistScore), as the solo debrief does.
 */
import { CHECKLIST_IDS, checklistScore, type ChecklistItem } from '../../../shared/sim';
import type { TeamRun } from '../../../shared/debrief/roomRecord';
import { Icon } from '../Icon';
import type { RoomNames } from './roomNames';
import { Swatch } from './TeamCharts';
import type { TeamLook } from './teamLooks';

export function ChecklistGrid(props: {
  teams: readonly string[];
  runs: ReadonlyMap<string, TeamRun>;
  looks: ReadonlyMap<string, TeamLook>;
  names: RoomNames;
}) {
  const { teams, runs, looks, names } = props;
  const { t } = names;
  const shown = teams.filter((team) => runs.has(team));
  const items = new Map<string, ChecklistItem[]>(shown.map((team) => [team, checklistScore(runs.get(team)!.record.final).items]));
  return (
    <div class="su-room-scroll">
      <table class="su-room-table su-room-grid">
        <thead>
          <tr>
            <th scope="col">
              <span class="su-visually-hidden">{t('ui.checklist.title')}</span>
            </th>
            {shown.map((team) => (
              <th key={team} scope="col" class="su-room-grid-team" data-team={team}>
                <Swatch look={looks.get(team)!} />
                <span>{names.team(team)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {CHECKLIST_IDS.map((id, row) => (
            <tr key={id} data-check={id}>
              <th scope="row">{t(`checklist.${id}.label`)}</th>
              {shown.map((team) => {
                const met = items.get(team)![row]!.met;
                const word = t(met ? 'ui.checklist.done' : 'ui.checklist.notYet');
                return (
                  <td key={team} class={`su-room-cell su-tone-${met ? 'good' : 'neutral'}`} data-met={met} title={word}>
                    <Icon name={met ? 'check' : 'minus'} />
                    <span class="su-visually-hidden">{word}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('ui.roomDebrief.checklist.items')}</th>
            {shown.map((team) => (
              <td key={team} class="su-room-cell">
                {items.get(team)!.filter((i) => i.met).length}/{CHECKLIST_IDS.length}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
