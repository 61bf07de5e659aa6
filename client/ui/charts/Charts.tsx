/** The charts over time of the watched team: users, money, availability, latency, errors. */
import { useMemo } from 'preact/hooks';
import type { HistoryPoint } from '../../state/model';
import { useT } from '../hooks';
import { Chart } from './Chart';
import { CHARTS, chartData } from './series';

export function Charts({ points }: { points: readonly HistoryPoint[] }) {
  const { t } = useT();
  const data = useMemo(() => CHARTS.map((spec) => chartData(points, spec)), [points]);
  return (
    <section class="su-charts" aria-label={t('ui.charts.title')}>
      {CHARTS.map((spec, i) => (
        <Chart key={spec.id} spec={spec} data={data[i]!} />
      ))}
    </section>
  );
}
