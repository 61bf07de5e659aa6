/**
 * The instructor's newest hint, over a participant's screen: their own words in the reader's
 * language (else the other language, marked as such), and when it points to a concept card, the
 * card's title and lesson with a button that opens it. It can be dismissed; a new hint shows again.
 */
import { useState } from 'preact/hooks';
import type { HintModel } from '../../state/model';
import { openConcept } from '../common';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { hintKey, newestHint, readHint } from './hintText';
import './workshop.css';

export function HintBanner({ hints }: { hints: readonly HintModel[] }) {
  const { t, lang } = useT();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const hint = newestHint(hints);
  if (hint === null || hintKey(hint) === dismissed) return null;
  const reading = readHint(hint, lang);
  return (
    <div
      class="su-ws-hint"
      role="status"
      aria-live="polite"
      aria-label={t('ui.workshop.hint.label')}
      data-hint-concept={reading.concept ?? ''}
    >
      <Icon name="bell" size={20} class="su-ws-hint-icon" />
      <div class="su-ws-hint-body">
        <p class="su-ws-hint-kicker">{t('ui.workshop.hint.from')}</p>
        {reading.text !== null && (
          <p class="su-ws-hint-text" lang={reading.textLang ?? undefined}>
            {reading.text}
          </p>
        )}
        {reading.concept !== null && (
          <div class="su-ws-hint-concept">
            <strong>{t(`concepts.${reading.concept}.title`)}</strong>
            <span>{t(`concepts.${reading.concept}.summary`)}</span>
          </div>
        )}
      </div>
      <div class="su-ws-hint-actions">
        {reading.concept !== null && (
          <button
            type="button"
            class="su-btn su-btn-small su-btn-primary"
            onClick={() => reading.concept !== null && openConcept(reading.concept)}
          >
            <Icon name="book" />
            {t('ui.workshop.hint.open')}
          </button>
        )}
        <button
          type="button"
          class="su-btn su-btn-icon su-btn-small"
          aria-label={t('ui.workshop.hint.dismiss')}
          title={t('ui.workshop.hint.dismiss')}
          onClick={() => setDismissed(hintKey(hint))}
        >
          <Icon name="cross" />
        </button>
      </div>
    </div>
  );
}
