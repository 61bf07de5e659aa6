/** In the header while the money is running out: how long it lasts at the recent rate (see runway.ts). */
import { formatDuration } from '../../i18n';
import type { HistoryPoint } from '../../state/model';
import { Badge } from '../common';
import { useT } from '../hooks';
import { runway } from './runway';

export function RunwayWarning({ points }: { points: readonly HistoryPoint[] }) {
  const { t, lang } = useT();
  const left = runway(points);
  if (left === null) return null;
  const time = formatDuration(lang, left.ticks);
  return (
    <div class="su-fig su-runway" role="status" data-figure="runway" title={t('ui.header.runwayHelp')}>
      <span class="su-fig-label">{t('ui.header.runwayLabel')}</span>
      <span class="su-fig-value su-fig-small">
        <Badge tone={left.level === 'alarm' ? 'bad' : 'warn'}>{t('ui.header.runway', { time })}</Badge>
      </span>
    </div>
  );
}
