/**
 * Beside the money while it is running out: how long it lasts at the recent rate (see runway.ts).
 * The badge says it in a few words (the header is tight at 1280 px); its title and the screen
 * reader say the whole sentence.
 */
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
  const sentence = `${t('ui.header.runway', { time })}. ${t('ui.header.runwayHelp')}`;
  return (
    <span class="su-runway" role="status" data-figure="runway" title={sentence}>
      <Badge tone={left.level === 'alarm' ? 'bad' : 'warn'}>
        <span aria-hidden="true">{t('ui.header.runwayShort', { time })}</span>
        <span class="su-visually-hidden">{t('ui.header.runway', { time })}</span>
      </Badge>
    </span>
  );
}
