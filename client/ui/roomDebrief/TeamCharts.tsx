/**
 * The teams side by side over time: daily users, availability, p95 latency and money, one chart
 * each, every team a line (its colour and dash, teamLooks.ts) on the chart's one pair of axes. One
 * legend serves all four: picking a team there brings its line forward and fades the others,
 * which a dozen crossing lines need. uPlot, as the game's own charts (client/ui/charts).
 */
import { useMemo } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { alignedSeries, type SeriesKey, type TeamRun } from '../../../shared/debrief/roomRecord';
import { clockOf, formatCount, formatLatency, formatMoney, formatPercent, MINUTES_PER_DAY, type Language } from '../../i18n';
import { THEME, withAlpha } from '../../theme/colours';
import { yRange } from '../charts/Chart';
import { useUplot } from '../charts/useUplot';
import { dashArray, type TeamLook } from './teamLooks';
import type { RoomNames } from './roomNames';

type Unit = 'count' | 'availability' | 'latency' | 'money';

interface RoomChartSpec {
  key: SeriesKey;
  /** i18n key of the title. */
  title: string;
  unit: Unit;
}

const SPECS: readonly RoomChartSpec[] = [
  { key: 'dau', title: 'hud.dau', unit: 'count' },
  { key: 'availability', title: 'hud.availability', unit: 'availability' },
  { key: 'p95LatencyMs', title: 'hud.latencyP95', unit: 'latency' },
  { key: 'money', title: 'hud.money', unit: 'money' },
];

function formatUnit(lang: Language, unit: Unit, value: number): string {
  if (unit === 'count') return formatCount(lang, value);
  if (unit === 'availability') return formatPercent(lang, value, 'floor', 1);
  if (unit === 'latency') return formatLatency(lang, value);
  return formatMoney(lang, value);
}

/** Time-axis steps in minutes, so labels land on round clock times (as the game's charts). */
const MINUTE_STEPS = [30, 60, 120, 180, 240, 360, 720, 1440, 2880, 7200];
const SHARE_STEPS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1];

interface Plotted {
  teams: string[];
  data: uPlot.AlignedData;
}

function plotData(runs: readonly TeamRun[], key: SeriesKey): Plotted {
  const { ticks, values } = alignedSeries(
    runs.map((run) => run.record.timeline),
    key,
  );
  return { teams: runs.map((run) => run.team), data: [ticks, ...values] as uPlot.AlignedData };
}

function options(
  spec: RoomChartSpec,
  plotted: Plotted,
  looks: ReadonlyMap<string, TeamLook>,
  focus: string | null,
  names: RoomNames,
  size: { width: number; height: number },
  fontPx: number,
): uPlot.Options {
  const axis = {
    stroke: THEME.ui.muted,
    grid: { stroke: withAlpha(THEME.ui.muted, 0.12), width: 1 },
    ticks: { stroke: withAlpha(THEME.ui.muted, 0.25), width: 1, size: 4 },
    font: `${fontPx}px "Noto Sans KR", sans-serif`,
  };
  const timeLabel = (tick: number) =>
    tick % MINUTES_PER_DAY === 0 ? names.t('ui.charts.day', { day: clockOf(tick).day }) : clockOf(tick).time;
  return {
    ...size,
    legend: { show: false },
    cursor: { show: false },
    padding: [8, 22, 0, 0],
    scales: { x: { time: false }, y: { range: (_u, min, max) => yRange(spec.unit, min, max) } },
    axes: [
      { ...axis, size: fontPx * 2, space: fontPx * 5, incrs: MINUTE_STEPS, values: (_u, ticks) => ticks.map(timeLabel) },
      {
        ...axis,
        size: fontPx * 5.5,
        space: fontPx * 2.5,
        ...(spec.unit === 'availability' ? { incrs: SHARE_STEPS } : {}),
        values: (_u, ticks) => ticks.map((v) => formatUnit(names.lang, spec.unit, v)),
      },
    ],
    series: [
      {},
      ...plotted.teams.map((team) => {
        const look = looks.get(team)!;
        const faded = focus !== null && focus !== team;
        return {
          label: names.team(team),
          stroke: faded ? withAlpha(look.colour, 0.22) : look.colour,
          width: focus === team ? 3 : 1.75,
          dash: look.dash,
          spanGaps: false,
          points: { show: false },
        };
      }),
    ],
  };
}

function TeamChart(props: {
  spec: RoomChartSpec;
  plotted: Plotted;
  looks: ReadonlyMap<string, TeamLook>;
  focus: string | null;
  names: RoomNames;
}) {
  const { spec, plotted, looks, focus, names } = props;
  // The focused team is drawn last, over the others.
  const shown = useMemo((): Plotted => {
    const order = plotted.teams.map((_, i) => i).sort((a, b) => Number(plotted.teams[a] === focus) - Number(plotted.teams[b] === focus));
    return { teams: order.map((i) => plotted.teams[i]!), data: [plotted.data[0], ...order.map((i) => plotted.data[i + 1]!)] };
  }, [plotted, focus]);
  const box = useUplot(
    (size, el) => {
      // Axis labels follow the page's text size (larger in projector mode), never below 11 px.
      const fontPx = Math.max(11, Math.round(parseFloat(getComputedStyle(el).fontSize) * 0.85));
      return options(spec, shown, looks, focus, names, size, fontPx);
    },
    shown.data,
    [spec, shown, looks, focus, names],
    { width: 120, height: 100 },
  );
  const title = names.t(spec.title);
  return (
    <figure class="su-room-chart" data-room-chart={spec.key}>
      <figcaption class="su-room-chart-title">{title}</figcaption>
      <div class="su-room-chart-box" ref={box} role="img" aria-label={title} />
    </figure>
  );
}

/** A swatch: a short stretch of the team's line, in its colour and dash. */
export function Swatch({ look }: { look: TeamLook }) {
  return (
    <svg class="su-room-swatch" width="26" height="8" viewBox="0 0 26 8" aria-hidden="true">
      <line x1="1" y1="4" x2="25" y2="4" stroke={look.colour} stroke-width="3" stroke-dasharray={dashArray(look.dash)} />
    </svg>
  );
}

export function TeamLegend(props: {
  teams: readonly string[];
  looks: ReadonlyMap<string, TeamLook>;
  focus: string | null;
  onFocus: (team: string | null) => void;
  names: RoomNames;
}) {
  const { teams, looks, focus, onFocus, names } = props;
  return (
    <div class="su-room-legend" role="group" aria-label={names.t('ui.roomDebrief.charts.legend')}>
      <button type="button" class="su-btn su-btn-small" aria-pressed={focus === null} onClick={() => onFocus(null)}>
        {names.t('ui.roomDebrief.charts.allTeams')}
      </button>
      {teams.map((team) => (
        <button
          key={team}
          type="button"
          class="su-btn su-btn-small su-room-legend-team"
          aria-pressed={focus === team}
          data-team={team}
          onClick={() => onFocus(focus === team ? null : team)}
        >
          <Swatch look={looks.get(team)!} />
          {names.team(team)}
        </button>
      ))}
    </div>
  );
}

export function TeamCharts(props: {
  runs: readonly TeamRun[];
  looks: ReadonlyMap<string, TeamLook>;
  focus: string | null;
  names: RoomNames;
}) {
  const { runs, looks, focus, names } = props;
  const plotted = useMemo(() => SPECS.map((spec) => plotData(runs, spec.key)), [runs]);
  return (
    <div class="su-room-charts">
      {SPECS.map((spec, i) => (
        <TeamChart key={spec.key} spec={spec} plotted={plotted[i]!} looks={looks} focus={focus} names={names} />
      ))}
    </div>
  );
}
