/**
 * One small uPlot chart. uPlot draws on a canvas and is built once; new points arrive with
 * setData, and the chart follows its box's width. The title carries the latest value in text, so
 * the figure is readable without the picture.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { clockOf, formatCount, formatLatency, formatMoney, formatPercent, MINUTES_PER_DAY, type Language } from '../../i18n';
import { useT } from '../hooks';
import { THEME, withAlpha } from '../../theme/colours';
import { hasData, latest, type Aligned, type ChartSpec, type ChartUnit } from './series';
import { useUplot } from './useUplot';

function formatUnit(lang: Language, unit: ChartUnit, value: number): string {
  switch (unit) {
    case 'count':
      return formatCount(lang, value);
    case 'money':
      return formatMoney(lang, value);
    case 'availability':
      return formatPercent(lang, value, 'floor', 1);
    case 'latency':
      return formatLatency(lang, value);
    case 'errorRate':
      return formatPercent(lang, value, 'ceil', 1);
  }
}

/**
 * The y range of a chart: availability from its low point (at most 90 %) to 100 %; error rates
 * from 0 to at least 2 % (so a calm 0 % line does not sit under a 0–100 % axis); others from 0.
 */
export function yRange(unit: ChartUnit, min: number | null, max: number | null): [number, number] {
  const lo = min ?? 0;
  const hi = max ?? 0;
  if (unit === 'availability') return [Math.min(lo, 0.9), 1];
  if (unit === 'errorRate') return [0, Math.max(0.02, hi * 1.15)];
  return [Math.min(0, lo), hi > 0 ? hi * 1.1 : 1];
}

/** A time-axis label: the clock time, or the day at midnight (a chart may span several days). */
function timeLabel(tick: number, label: (key: string, params?: Record<string, string | number>) => string): string {
  const { day, time } = clockOf(tick);
  return tick % MINUTES_PER_DAY === 0 ? label('ui.charts.day', { day }) : time;
}

/** Time-axis steps in ticks (simulated minutes): labels land on round clock times. */
const MINUTE_STEPS = [1, 5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 7200];

/** Share-axis steps: 0.5 %, 1 %, 2 %… rather than uPlot's 0.25 % (which one decimal shows as 0.3 %). */
const SHARE_STEPS = [0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1];

const AXIS = {
  stroke: THEME.ui.muted,
  grid: { stroke: withAlpha(THEME.ui.muted, 0.12), width: 1 },
  ticks: { stroke: withAlpha(THEME.ui.muted, 0.25), width: 1, size: 4 },
  font: '11px "Noto Sans KR", sans-serif',
};

function options(
  spec: ChartSpec,
  lang: Language,
  width: number,
  height: number,
  label: (key: string, params?: Record<string, string | number>) => string,
): uPlot.Options {
  return {
    width,
    height,
    legend: { show: false },
    cursor: { show: false },
    // Room on the right for the last time label, which uPlot centres on its tick.
    padding: [6, 18, 0, 0],
    scales: {
      x: { time: false },
      y: { range: (_u, min, max) => yRange(spec.unit, min, max) },
    },
    axes: [
      { ...AXIS, size: 22, space: 46, incrs: MINUTE_STEPS, values: (_u, ticks) => ticks.map((tick) => timeLabel(tick, label)) },
      {
        ...AXIS,
        size: 54,
        space: 24,
        ...(spec.unit === 'errorRate' || spec.unit === 'availability' ? { incrs: SHARE_STEPS } : {}),
        values: (_u, ticks) => ticks.map((v) => formatUnit(lang, spec.unit, v)),
      },
    ],
    series: [
      {},
      ...spec.series.map((s) => ({
        label: label(s.label),
        stroke: s.color,
        width: 1.75,
        fill: withAlpha(s.color, 0.12),
        spanGaps: false,
        points: { show: false },
      })),
    ],
  };
}

export function Chart({ spec, data }: { spec: ChartSpec; data: Aligned }) {
  const { t, lang } = useT();
  const box = useUplot(({ width, height }) => options(spec, lang, width, height, t), data as uPlot.AlignedData, [spec, lang], {
    width: 80,
    height: 60,
  });

  const shown = hasData(data);
  const fogged = !shown && spec.revealedBy !== null;
  const now = latest(data);
  const title = t(spec.title);
  return (
    <figure class={`su-chart${fogged ? ' su-chart-fogged' : ''}`} data-chart={spec.id}>
      <figcaption class="su-chart-title">
        <span>{title}</span>
        <span class="su-chart-now">{now === null ? '' : formatUnit(lang, spec.unit, now)}</span>
      </figcaption>
      {spec.series.length > 1 && (
        <div class="su-chart-legend" aria-hidden="true">
          {spec.series.map((s) => (
            <span key={s.key} class="su-legend-item">
              <span class="su-legend-swatch" style={{ background: s.color }} />
              {t(s.label)}
            </span>
          ))}
        </div>
      )}
      <div class="su-chart-box" ref={box} role="img" aria-label={now === null ? title : `${title}: ${formatUnit(lang, spec.unit, now)}`} />
      {fogged && spec.revealedBy !== null && (
        <p class="su-chart-fog">{t('ui.header.notMonitored', { feature: t(`features.${spec.revealedBy}.name`) })}</p>
      )}
    </figure>
  );
}
