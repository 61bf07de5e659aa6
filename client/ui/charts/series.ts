/**
 * The charts of the bottom panel and how each is read from the client's history: one point per
 * tick, null where the team's monitoring did not show the figure then (a gap in the line, not a
 * zero). Pure, so the chart's data can be tested without a canvas.
 */
import type { Feature } from '../../../shared/sim';
import type { HistoryPoint } from '../../state/model';
import { THEME, toneColour } from '../../theme/colours';

export type ChartUnit = 'count' | 'money' | 'availability' | 'latency' | 'errorRate';
type NumericKey = 'money' | 'dau' | 'online' | 'availability' | 'p95LatencyMs' | 'errorRate';

interface ChartSeries {
  key: NumericKey;
  /** i18n key of the series name. */
  label: string;
  /** CSS colour: the theme's state accents (colour-blind-checked), and each chart also names its series. */
  color: string;
}

export interface ChartSpec {
  id: 'users' | 'money' | 'availability' | 'latency' | 'errors';
  /** i18n key of the title. */
  title: string;
  unit: ChartUnit;
  series: ChartSeries[];
  /** The feature without which the chart has no data. */
  revealedBy: Feature | null;
}

export const CHARTS: readonly ChartSpec[] = [
  {
    id: 'users',
    title: 'ui.charts.users',
    unit: 'count',
    series: [
      { key: 'dau', label: 'hud.dau', color: toneColour('good') },
      { key: 'online', label: 'hud.usersOnline', color: toneColour('warn') },
    ],
    revealedBy: null,
  },
  {
    id: 'money',
    title: 'hud.money',
    unit: 'money',
    series: [{ key: 'money', label: 'hud.money', color: THEME.charts.money }],
    revealedBy: null,
  },
  {
    id: 'availability',
    title: 'hud.availability',
    unit: 'availability',
    series: [{ key: 'availability', label: 'hud.availability', color: toneColour('good') }],
    revealedBy: 'aggregatedMetrics',
  },
  {
    id: 'latency',
    title: 'hud.latencyP95',
    unit: 'latency',
    series: [{ key: 'p95LatencyMs', label: 'hud.latencyP95', color: toneColour('warn') }],
    revealedBy: 'aggregatedMetrics',
  },
  {
    id: 'errors',
    title: 'hud.errorRate',
    unit: 'errorRate',
    series: [{ key: 'errorRate', label: 'hud.errorRate', color: toneColour('bad') }],
    revealedBy: 'aggregatedMetrics',
  },
];

/** uPlot's aligned data: x values (ticks), then one array per series. */
export type Aligned = [number[], ...Array<Array<number | null>>];

export function chartData(points: readonly HistoryPoint[], spec: ChartSpec): Aligned {
  const x = points.map((p) => p.tick);
  const ys = spec.series.map((s) => points.map((p) => p[s.key]));
  return [x, ...ys];
}

/** Whether the chart has anything to draw (a hidden figure is null at every point). */
export function hasData(data: Aligned): boolean {
  return data.slice(1).some((ys) => (ys as Array<number | null>).some((y) => y !== null));
}

/** The latest non-null value of the chart's first series (shown beside the title). */
export function latest(data: Aligned): number | null {
  const ys = (data[1] ?? []) as Array<number | null>;
  for (let i = ys.length - 1; i >= 0; i--) if (ys[i] !== null && ys[i] !== undefined) return ys[i] as number;
  return null;
}
