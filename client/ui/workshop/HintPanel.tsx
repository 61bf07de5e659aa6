/**
 * Broadcasting a hint: a concept card (its title and lesson reach everyone in their own
 * language) and/or the instructor's own words in English and/or Korean (each participant reads
 * theirs, else the other). Checked against the protocol's hint schema before it goes; the hints
 * already sent are listed below, newest first.
 */
import { useState } from 'preact/hooks';
import { CONCEPT_IDS } from '../../../shared/campaign/concepts';
import { HINT_CHARS } from '../../../shared/protocol/roomActions';
import { clockOf } from '../../i18n';
import type { GameModel } from '../../state/model';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import type { UiClient } from '../uiClient';
import { hintFrom, readHint } from './hintText';

export function HintPanel({ client, game }: { client: UiClient; game: GameModel }) {
  const { t, lang } = useT();
  const [concept, setConcept] = useState('');
  const [en, setEn] = useState('');
  const [ko, setKo] = useState('');
  const hint = hintFrom(concept, en, ko);
  const send = (e: Event) => {
    e.preventDefault();
    if (hint === null) return;
    client.instruct({ action: 'hint', hint });
    setConcept('');
    setEn('');
    setKo('');
  };
  const text = (value: string, set: (v: string) => void, label: string, field: string, textLang: string) => (
    <label class="su-field">
      <span class="su-field-label">
        {label}
        <span class="su-ws-count">{`${value.length}/${HINT_CHARS}`}</span>
      </span>
      <textarea
        lang={textLang}
        rows={2}
        maxLength={HINT_CHARS}
        value={value}
        data-field={field}
        onInput={(e) => set((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </label>
  );
  return (
    <section class="su-ws-panel" aria-labelledby="su-ws-hint-title">
      <form class="su-ws-hint-form" onSubmit={send}>
        <h2 id="su-ws-hint-title" class="su-heading">
          {t('ui.workshop.hints.title')}
        </h2>
        <label class="su-field">
          <span class="su-field-label">{t('ui.workshop.hints.concept')}</span>
          <select value={concept} data-field="hint-concept" onChange={(e) => setConcept((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('ui.workshop.hints.noConcept')}</option>
            {CONCEPT_IDS.map((id) => (
              <option key={id} value={id}>
                {t(`concepts.${id}.title`)}
              </option>
            ))}
          </select>
        </label>
        {concept !== '' && <p class="su-help">{t(`concepts.${concept}.summary`)}</p>}
        {text(en, setEn, t('ui.workshop.hints.english'), 'hint-en', 'en')}
        {text(ko, setKo, t('ui.workshop.hints.korean'), 'hint-ko', 'ko')}
        <p class="su-help">{t('ui.workshop.hints.help')}</p>
        <div class="su-ws-panel-row">
          <button type="submit" class="su-btn su-btn-primary" disabled={hint === null} data-action="hint">
            <Icon name="bell" />
            {t('ui.workshop.hints.send')}
          </button>
        </div>
      </form>
      {game.hints.length > 0 && (
        <>
          <h3 class="su-subheading">{t('ui.workshop.hints.sent')}</h3>
          <ol class="su-ws-hints-sent">
            {[...game.hints].reverse().map((h, i) => {
              const reading = readHint(h, lang);
              const { day, time } = clockOf(h.tick);
              return (
                <li key={`${h.tick}-${i}`}>
                  <time class="su-muted">{t('hud.clock', { day, time })}</time>
                  {reading.concept !== null && <strong>{t(`concepts.${reading.concept}.title`)}</strong>}
                  {reading.text !== null && <span lang={reading.textLang ?? undefined}>{reading.text}</span>}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
