/**
 * Every team's decisions over the game, one lane per team on one time axis: a tick for each
 * command (hollow when the simulation refused it), a diamond for each incident the instructor
 * injected (an event the team met, not a decision of its own), and under them a band for each
 * incident from its start until service was back. Picking a lane shows that team in detail.
 * Plain DOM, not a canvas: each mark says what it was on hover and to screen readers.
 */
import { decisionsOf, type TeamRun } from '../../../shared/debrief/roomRecord';
import { MINUTES_PER_DAY, clockOf } from '../../i18n';
import type { RoomNames } from './roomNames';
import { Swatch } from './TeamCharts';
import type { TeamLook } from './teamLooks';

/** Axis label spacing (minutes): the smallest that keeps about eight labels or fewer. */
const LABEL_STEPS = [60, 120, 180, 240, 360, 720, 1440, 2880];

function axisTicks(endTick: number): number[] {
  const step = LABEL_STEPS.find((s) => endTick / s <= 8) ?? LABEL_STEPS.at(-1)!;
  const ticks: number[] = [];
  for (let tick = 0; tick <= endTick; tick += step) ticks.push(tick);
  return ticks;
}

const at = (tick: number, endTick: number) => `${Math.min(100, (tick / Math.max(1, endTick)) * 100)}%`;

function Lane({ run, endTick, names }: { run: TeamRun; endTick: number; names: RoomNames }) {
  const { t } = names;
  const decisions = decisionsOf(run.record);
  return (
    <div class="su-lane-track">
      {run.record.incidents.map(({ incident }) => {
        const until = incident.recoveredTick ?? run.record.endTick;
        return (
          <span
            key={`i${incident.id}`}
            class={`su-lane-incident${incident.origin === 'injected' ? ' su-lane-incident-injected' : ''}`}
            style={{ left: at(incident.startTick, endTick), width: `max(2px, ${at(until - incident.startTick, endTick)})` }}
            title={`${names.clock(incident.startTick)} · ${t(`incidents.${incident.type}.name`)}`}
          />
        );
      })}
      {decisions.map((d, i) => {
        const text = `${names.clock(d.tick)} · ${names.seat(d.seat)}: ${names.command(d.command)}${d.ok ? '' : ` (${t(`reasons.${d.reason ?? 'malformed'}`)})`}`;
        const kind = d.injected ? 'injected' : d.ok ? 'decision' : 'refused';
        return <span key={i} class={`su-lane-mark su-lane-${kind}`} style={{ left: at(d.tick, endTick) }} title={text} />;
      })}
    </div>
  );
}

export function Timelines(props: {
  teams: readonly string[];
  runs: ReadonlyMap<string, TeamRun>;
  endTick: number;
  looks: ReadonlyMap<string, TeamLook>;
  picked: string | null;
  onPick: (team: string) => void;
  names: RoomNames;
}) {
  const { teams, runs, endTick, looks, picked, onPick, names } = props;
  const { t } = names;
  return (
    <div class="su-lanes">
      <ul class="su-lane-legend" aria-label={t('ui.roomDebrief.charts.legend')}>
        <li>
          <span class="su-lane-mark su-lane-decision" aria-hidden="true" />
          {t('ui.roomDebrief.decisions.legendDecision')}
        </li>
        <li>
          <span class="su-lane-mark su-lane-refused" aria-hidden="true" />
          {t('ui.roomDebrief.decisions.legendRefused')}
        </li>
        <li>
          <span class="su-lane-mark su-lane-injected" aria-hidden="true" />
          {t('ui.roomDebrief.decisions.legendInjected')}
        </li>
        <li>
          <span class="su-lane-incident su-lane-incident-key" aria-hidden="true" />
          {t('ui.roomDebrief.decisions.legendIncident')}
        </li>
      </ul>
      {teams.map((team) => {
        const run = runs.get(team);
        if (run === undefined) return null;
        return (
          <div key={team} class="su-lane" data-team={team}>
            <button type="button" class="su-lane-name" aria-pressed={picked === team} title={names.team(team)} onClick={() => onPick(team)}>
              <Swatch look={looks.get(team)!} />
              <span>{names.team(team)}</span>
            </button>
            <Lane run={run} endTick={endTick} names={names} />
          </div>
        );
      })}
      <div class="su-lane su-lane-axis" aria-hidden="true">
        <span />
        <div class="su-lane-track">
          {axisTicks(endTick).map((tick) => (
            <span key={tick} class="su-lane-tick" style={{ left: at(tick, endTick) }}>
              {tick % MINUTES_PER_DAY === 0 ? t('ui.charts.day', { day: clockOf(tick).day }) : clockOf(tick).time}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
