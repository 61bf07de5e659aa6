/**
 * One figure over time for every team of a match on shared axes (uPlot): each team's line in its
 * colour and its own dash, a legend naming them. Like the game's charts (charts/Chart.tsx): built
 * once per language and team set, fed with setData, following its box's width.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { clockOf, formatCount, formatMoney, formatPercent, MINUTES_PER_DAY, type Language } from '../../i18n';
import { THEME, withAlpha } from '../../theme/colours';
import { yRange } from '../charts/Chart';
import { useUplot } from '../charts/useUplot';
import { useT } from '../hooks';
import { teamColour, teamDash, teamLabel } from '../teams';
import type { TeamMetric } from './matchResults';

const UNIT = { dau: 'count', availability: 'availability', money: 'money' } as const;

function format(lang: Language, metric: TeamMetric, value: number): string {
  if (metric === 'money') return formatMoney(lang, value);
  if (metric === 'availability') return formatPercent(lang, value, 'floor', 1);
  return formatCount(lang, value);
}

/** Time-axis steps in simulated minutes, as the game's charts use: labels on round clock times. */
const MINUTE_STEPS = [1, 5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 7200];
const SHARE_STEPS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1];

const AXIS = {
  stroke: THEME.ui.muted,
  grid: { stroke: withAlpha(THEME.ui.muted, 0.12), width: 1 },
  ticks: { stroke: withAlpha(THEME.ui.muted, 0.25), width: 1, size: 4 },
  font: '11px "Noto Sans KR", sans-serif',
};

export function TeamChart({
  metric,
  title,
  teams,
  teamNames,
  data,
}: {
  metric: TeamMetric;
  title: string;
  teams: readonly string[];
  teamNames: Readonly<Record<string, string>>;
  data: [number[], ...Array<Array<number | null>>];
}) {
  const { t, lang } = useT();
  const labels = teams.map((team) => teamLabel(t, team, teamNames));
  const key = `${lang}|${teams.join(',')}|${labels.join('|')}`;

  const box = useUplot(
    (size): uPlot.Options => ({
      ...size,
      legend: { show: false },
      cursor: { show: false },
      padding: [6, 18, 0, 0],
      scales: { x: { time: false }, y: { range: (_u, min, max) => yRange(UNIT[metric], min, max) } },
      axes: [
        {
          ...AXIS,
          size: 22,
          space: 52,
          incrs: MINUTE_STEPS,
          values: (_u, ticks) =>
            ticks.map((tick) => (tick % MINUTES_PER_DAY === 0 ? t('ui.charts.day', { day: clockOf(tick).day }) : clockOf(tick).time)),
        },
        {
          ...AXIS,
          size: 58,
          space: 24,
          ...(metric === 'availability' ? { incrs: SHARE_STEPS } : {}),
          values: (_u, ticks) => ticks.map((v) => format(lang, metric, v)),
        },
      ],
      series: [
        {},
        ...teams.map((team, i) => ({
          label: labels[i]!,
          stroke: teamColour(team),
          width: 2,
          dash: teamDash(i),
          spanGaps: false,
          points: { show: false },
        })),
      ],
    }),
    data as uPlot.AlignedData,
    [key, metric],
    { width: 120, height: 80 },
  );

  // The figure in words too: each team's last value, for screen readers and at a glance.
  const last = teams.map((_, i) => {
    const ys = data[i + 1] ?? [];
    for (let k = ys.length - 1; k >= 0; k--) if (ys[k] !== null && ys[k] !== undefined) return ys[k] as number;
    return null;
  });
  const summary = labels.map((label, i) => `${label}: ${last[i] === null ? '–' : format(lang, metric, last[i]!)}`).join(', ');
  return (
    <figure class="su-chart su-team-chart" data-chart={metric}>
      <figcaption class="su-chart-title">
        <span>{title}</span>
      </figcaption>
      <div class="su-chart-legend" aria-hidden="true">
        {teams.map((team, i) => (
          <span key={team} class="su-legend-item">
            <svg class="su-team-legend-line" width="22" height="8" viewBox="0 0 22 8">
              <line x1="1" y1="4" x2="21" y2="4" stroke={teamColour(team)} stroke-width="2.5" stroke-dasharray={teamDash(i).join(' ')} />
            </svg>
            {labels[i]}
          </span>
        ))}
      </div>
      <div class="su-chart-box" ref={box} role="img" aria-label={`${title}: ${summary}`} />
    </figure>
  );
}
