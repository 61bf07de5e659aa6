/**
 * One figure of a forecast: the future as things stand (grey, dashed) and with the change (blue,
 * solid), and the objective as a dotted line where there is one, on the forecast's own time axis
 * (the same for every figure). The lines differ in dash and width as well as colour, and the
 * panel's legend names them. Drawn like the game's charts (charts/Chart.tsx) through useUplot.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { COMPLAINT_LEVELS, type Complaints } from '../../../shared/sim';
import { clockOf, formatCount, formatLatency, formatMoney, formatPercent, type Language } from '../../i18n';
import { THEME, toneColour, withAlpha } from '../../theme/colours';
import { yRange } from '../charts/Chart';
import type { Aligned } from '../charts/series';
import { useUplot } from '../charts/useUplot';
import { useT } from '../hooks';
import type { ForecastFigure } from './forecastCharts';

type Translate = (key: string, params?: Record<string, string | number>) => string;

interface LineLook {
  colour: string;
  /** uPlot's dash pattern ([]: solid). */
  dash: readonly number[];
  width: number;
}

/** How each future's line is drawn (the legend draws the same). */
export const LINE_LOOK: Readonly<Record<'base' | 'changed' | 'objective', LineLook>> = {
  base: { colour: THEME.ui.muted, dash: [6, 4], width: 1.75 },
  changed: { colour: toneColour('good'), dash: [], width: 2.5 },
  objective: { colour: THEME.ui.faint, dash: [2, 4], width: 1.25 },
};

const TITLES: Record<ForecastFigure, string> = {
  availability: 'hud.availability',
  latency: 'hud.latencyP95',
  money: 'hud.money',
  users: 'hud.dau',
  complaints: 'complaints.label',
};

function figureValue(t: Translate, lang: Language, figure: ForecastFigure, value: number): string {
  switch (figure) {
    case 'availability':
      return formatPercent(lang, value, 'floor', 1);
    case 'latency':
      return formatLatency(lang, value);
    case 'money':
      return formatMoney(lang, value);
    case 'users':
      return formatCount(lang, value);
    case 'complaints':
      return t(`complaints.${COMPLAINT_LEVELS[Math.round(value)] as Complaints}`);
  }
}

/** Time-axis steps in simulated minutes: labels on round clock times. */
const MINUTE_STEPS = [15, 30, 60, 120, 180, 240, 360, 720];
const SHARE_STEPS = [0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1];

const AXIS = {
  stroke: THEME.ui.muted,
  grid: { stroke: withAlpha(THEME.ui.muted, 0.12), width: 1 },
  ticks: { stroke: withAlpha(THEME.ui.muted, 0.25), width: 1, size: 4 },
  font: '11px "Noto Sans KR", sans-serif',
};

/**
 * Availability and latency on the game's own scales (the objective in view); money and users
 * fitted to the two futures, since what matters is the gap between them, not the distance to zero.
 */
function yAxisRange(figure: ForecastFigure, min: number | null, max: number | null): [number, number] {
  if (figure === 'complaints') return [0, COMPLAINT_LEVELS.length - 1];
  if (figure === 'availability' || figure === 'latency') return yRange(figure, min, max);
  const lo = min ?? 0;
  const hi = max ?? 0;
  const pad = Math.max(hi - lo, Math.abs(hi) * 0.05, 1) * 0.15;
  return [lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad];
}

let measuring: CanvasRenderingContext2D | null | undefined;

/** The width of an axis: its widest label, its tick and the gap to the plot (uPlot's own are 4 and 5 px). */
function axisWidth(labels: readonly string[] | null): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (measuring === null || labels === null) return 56;
  measuring.font = AXIS.font;
  let widest = 0;
  for (const label of labels) widest = Math.max(widest, measuring.measureText(label).width);
  return Math.ceil(widest) + 14;
}

function axisValue(t: Translate, lang: Language, figure: ForecastFigure, value: number): string {
  if (figure !== 'complaints') return figureValue(t, lang, figure, value);
  return t(`ui.forecast.complaintsAxis.${COMPLAINT_LEVELS[Math.round(value)] as Complaints}`);
}

function options(
  figure: ForecastFigure,
  span: [number, number],
  lines: number,
  t: Translate,
  lang: Language,
  size: { width: number; height: number },
): uPlot.Options {
  const look = [LINE_LOOK.base, LINE_LOOK.changed, LINE_LOOK.objective].slice(0, lines);
  return {
    ...size,
    legend: { show: false },
    cursor: { show: false },
    // Room above for the top label, which uPlot centres on the plot's edge.
    padding: [10, 18, 0, 0],
    scales: {
      x: { time: false, range: () => span },
      y: { range: (_u, min, max) => yAxisRange(figure, min, max) },
    },
    axes: [
      { ...AXIS, size: 22, space: 52, incrs: MINUTE_STEPS, values: (_u, ticks) => ticks.map((tick) => clockOf(tick).time) },
      {
        ...AXIS,
        size: (_u, labels) => axisWidth(labels),
        space: 28,
        ...(figure === 'availability' ? { incrs: SHARE_STEPS } : figure === 'complaints' ? { incrs: [1] } : {}),
        values: (_u, ticks) => ticks.map((v) => axisValue(t, lang, figure, v)),
      },
    ],
    series: [
      {},
      ...look.map((line, i) => ({
        stroke: line.colour,
        width: line.width,
        dash: [...line.dash],
        spanGaps: false,
        points: { show: false },
        ...(i === 1 ? { fill: withAlpha(line.colour, 0.1) } : {}),
        ...(figure === 'complaints' ? { paths: uPlot.paths.stepped!({ align: 1 }) } : {}),
      })),
    ],
  };
}

/** The last value of a line, for the caption and screen readers. */
function lastOf(ys: ReadonlyArray<number | null> | undefined): number | null {
  for (let i = (ys?.length ?? 0) - 1; i >= 0; i--) if (ys![i] !== null && ys![i] !== undefined) return ys![i]!;
  return null;
}

export function ForecastChart({ figure, data, span }: { figure: ForecastFigure; data: Aligned; span: [number, number] }) {
  const { t, lang } = useT();
  const lines = data.length - 1;
  const box = useUplot(
    (size) => options(figure, span, lines, t, lang, size),
    data as uPlot.AlignedData,
    [figure, lang, span[0], span[1], lines],
    {
      width: 120,
      height: 64,
    },
  );
  const title = t(TITLES[figure]);
  const changed = lastOf(data[2]);
  const base = lastOf(data[1]);
  const text = (v: number | null) => (v === null ? '–' : figureValue(t, lang, figure, v));
  const summary = t('ui.forecast.chartSummary', { title, changed: text(changed), base: text(base) });
  return (
    <figure class="su-chart su-forecast-chart" data-forecast-chart={figure} data-lines={lines}>
      <figcaption class="su-chart-title">
        <span>{title}</span>
        <span class="su-forecast-ends">
          <span class="su-chart-now">{text(changed)}</span>
          <span class="su-forecast-base">{t('ui.forecast.baseValue', { value: text(base) })}</span>
        </span>
      </figcaption>
      <div class="su-chart-box" ref={box} role="img" aria-label={summary} />
    </figure>
  );
}
