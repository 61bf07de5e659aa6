/**
 * One headline figure: its label over its value, or a muted "?" saying which feature reveals it.
 * Availability, when monitored, opens a short explanation: what it counts and why it falls short.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatCount, formatLatency, formatMoney, formatPercent, type Language } from '../../i18n';
import { openConcept, TONE_ICON } from '../common';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { explanationLines, type AvailabilityExplanation } from './availabilityExplain';
import type { FigureFormat, HeaderFigure } from './headerFigures';
import './availability.css';

function formatFigure(lang: Language, format: FigureFormat, value: number): string {
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

/** `after` goes beside the value (the money's runway warning); it is shown only with a known value. */
export function FigureValue({ figure, after }: { figure: HeaderFigure; after?: ComponentChildren }) {
  const { t, lang } = useT();
  const label = t(`hud.${figure.id}`);
  const feature = figure.revealedBy === null ? '' : t(`features.${figure.revealedBy}.name`);
  if (figure.value === null) {
    const tip = t('ui.header.notMonitored', { feature });
    return (
      <div class="su-fig su-fig-hidden" role="group" aria-label={label} data-figure={figure.id}>
        <span class="su-fig-label">{label}</span>
        <button
          type="button"
          class="su-fig-value su-fig-unknown"
          title={tip}
          aria-label={`${label}: ${tip}`}
          onClick={() => openConcept('observability')}
        >
          ?
        </button>
      </div>
    );
  }
  const text = formatFigure(lang, figure.format, figure.value);
  const tip = figure.approx ? t('ui.header.rounded', { feature }) : undefined;
  const showTone = figure.tone === 'warn' || figure.tone === 'bad';
  const content = (
    <>
      {showTone && <Icon name={TONE_ICON[figure.tone]} size={13} />}
      {figure.approx ? t('ui.header.approx', { value: text }) : text}
      {showTone && <span class="su-visually-hidden">{t(`ui.tone.${figure.tone}`)}</span>}
    </>
  );
  if (figure.explain !== undefined) return <ExplainedFigure figure={figure} explain={figure.explain} label={label} content={content} />;
  return (
    <div class={`su-fig su-tone-${figure.tone}`} role="group" aria-label={label} data-figure={figure.id}>
      <span class="su-fig-label">{label}</span>
      <span class="su-fig-value" title={tip}>
        {content}
        {after}
      </span>
    </div>
  );
}

/**
 * A figure whose value is a button: hovering shows what it counts, clicking opens the breakdown
 * below it (closed again by the button, Escape, or a click elsewhere).
 */
function ExplainedFigure({
  figure,
  explain,
  label,
  content,
}: {
  figure: HeaderFigure;
  explain: AvailabilityExplanation;
  label: string;
  content: ComponentChildren;
}) {
  const { t, lang } = useT();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    const onPointer = (event: PointerEvent) => {
      if (root.current !== null && !root.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  const lines = explanationLines(lang, explain);
  const id = `su-explain-${figure.id}`;
  return (
    <div ref={root} class={`su-fig su-fig-explained su-tone-${figure.tone}`} role="group" aria-label={label} data-figure={figure.id}>
      <span class="su-fig-label">{label}</span>
      <button
        type="button"
        class="su-fig-value su-fig-button"
        title={lines[0]?.text}
        aria-expanded={open}
        aria-controls={id}
        aria-label={`${label}: ${t('ui.header.loss.open')}`}
        onClick={() => setOpen(!open)}
      >
        {content}
      </button>
      {open && (
        <div id={id} class="su-explain" role="region" aria-label={t('ui.header.loss.title')}>
          <p class="su-explain-title">{t('ui.header.loss.title')}</p>
          <ul>
            {lines.map((line, i) => (
              <li key={i} class={`su-explain-l${line.level}${line.muted ? ' su-explain-muted' : ''}`}>
                {line.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
