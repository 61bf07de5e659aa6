/** One headline figure: its label over its value, or a muted "?" saying which feature reveals it. */
import { formatCount, formatLatency, formatMoney, formatPercent, type Language } from '../../i18n';
import { openConcept, TONE_ICON } from '../common';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import type { FigureFormat, HeaderFigure } from './headerFigures';

export function formatFigure(lang: Language, format: FigureFormat, value: number): string {
  switch (format) {
    case 'money':
      return formatMoney(lang, value);
    case 'count':
      return formatCount(lang, value);
    case 'availability':
      return formatPercent(lang, value, 'floor');
    case 'errorRate':
      return formatPercent(lang, value, 'ceil');
    case 'latency':
      return formatLatency(lang, value);
  }
}

export function FigureValue({ figure }: { figure: HeaderFigure }) {
  const { t, lang } = useT();
  const label = t(`hud.${figure.id}`);
  const feature = figure.revealedBy === null ? '' : t(`features.${figure.revealedBy}.name`);
  if (figure.value === null) {
    const tip = t('ui.header.notMonitored', { feature });
    return (
      <div class="su-fig su-fig-hidden" role="group" aria-label={label} data-figure={figure.id}>
        <span class="su-fig-label">{label}</span>
        <button type="button" class="su-fig-value su-fig-unknown" title={tip} aria-label={`${label}: ${tip}`} onClick={() => openConcept('observability')}>
          ?
        </button>
      </div>
    );
  }
  const text = formatFigure(lang, figure.format, figure.value);
  const tip = figure.approx ? t('ui.header.rounded', { feature }) : undefined;
  const showTone = figure.tone === 'warn' || figure.tone === 'bad';
  return (
    <div class={`su-fig su-tone-${figure.tone}`} role="group" aria-label={label} data-figure={figure.id}>
      <span class="su-fig-label">{label}</span>
      <span class="su-fig-value" title={tip}>
        {showTone && (
          <Icon name={TONE_ICON[figure.tone]} size={13} />
        )}
        {figure.approx ? t('ui.header.approx', { value: text }) : text}
        {showTone && <span class="su-visually-hidden">{t(`ui.tone.${figure.tone}`)}</span>}
      </span>
    </div>
  );
}
