/**
 * How the cohort spread: what the teams spent, their availability over the game and their peak
 * daily users, each as a histogram of teams per range (round ranges: roomHistogram.ts). Each bar
 * says its count, its range and, on hover and to screen readers, which teams it holds.
 */
import type { Bin } from '../../../shared/debrief/roomHistogram';
import type { CohortHistograms } from '../../../shared/debrief/roomRecord';
import { formatCount, formatMoney, formatPercent } from '../../i18n';
import type { RoomNames } from './roomNames';

type Format = (value: number) => string;

function Histogram({ title, bins, format, names }: { title: string; bins: readonly Bin[]; format: Format; names: RoomNames }) {
  const most = Math.max(1, ...bins.map((b) => b.teams.length));
  return (
    <figure class="su-histogram">
      <figcaption class="su-room-chart-title">{title}</figcaption>
      <ol class="su-histogram-bars">
        {bins.map((bin) => {
          const range = bin.from === bin.to ? format(bin.from) : `${format(bin.from)}–${format(bin.to)}`;
          const teams = bin.teams.map(names.team).join(', ');
          return (
            <li key={bin.from} class="su-histogram-bin" title={teams} data-count={bin.teams.length}>
              <span class="su-histogram-count">{bin.teams.length}</span>
              <span class="su-histogram-area">
                <span class="su-histogram-bar" style={{ height: `${(bin.teams.length / most) * 100}%` }} />
              </span>
              <span class="su-histogram-range">{range}</span>
              <span class="su-visually-hidden">
                {names.t('ui.roomDebrief.cohort.teams', { count: bin.teams.length })}: {teams}
              </span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}

export function Histograms({ histograms, names }: { histograms: CohortHistograms; names: RoomNames }) {
  const { t, lang } = names;
  return (
    <div class="su-histograms">
      <Histogram title={t('ui.roomDebrief.cohort.spent')} bins={histograms.spent} format={(v) => formatMoney(lang, v)} names={names} />
      <Histogram
        title={t('ui.roomDebrief.ranking.availability')}
        bins={histograms.availability}
        format={(v) => formatPercent(lang, v, 'floor', 1)}
        names={names}
      />
      <Histogram title={t('ui.roomDebrief.ranking.peakDau')} bins={histograms.peakDau} format={(v) => formatCount(lang, v)} names={names} />
    </div>
  );
}
