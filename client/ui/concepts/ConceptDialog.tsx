/**
 * The concept cards: the 13 scaling ideas of the seed, each with its summary, explanation and what
 * it means in this game, in the player's language. A modal dialog: Escape or the close button
 * shuts it and focus goes back where it was; the list on the side moves between ideas.
 */
import { useEffect, useRef } from 'preact/hooks';
import { CONCEPT_IDS } from '../../../shared/campaign/concepts';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { Modal } from '../Modal';
import { uiState, type ConceptId } from '../../state/uiState';

function close(): void {
  uiState.update((s) => ({ ...s, openConcept: null }));
}

function show(id: ConceptId): void {
  uiState.update((s) => ({ ...s, openConcept: id }));
}

export function ConceptDialog({ concept }: { concept: ConceptId }) {
  const { t, tList } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // Moving to another idea keeps focus on its title (the modal focuses the first one).
  useEffect(() => heading.current?.focus(), [concept]);

  const index = CONCEPT_IDS.indexOf(concept);
  const prev = CONCEPT_IDS[index - 1];
  const next = CONCEPT_IDS[index + 1];
  return (
    <Modal labelledBy="su-concept-title" onClose={close} class="su-concept">
      <nav class="su-concept-nav" aria-label={t('ui.concepts.list')}>
        <ol>
          {CONCEPT_IDS.map((id, i) => (
            <li key={id}>
              <button type="button" class="su-concept-nav-item" aria-current={id === concept ? 'true' : undefined} onClick={() => show(id)}>
                <span class="su-concept-num">{i + 1}</span>
                {t(`concepts.${id}.title`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <article class="su-concept-body">
        <div class="su-concept-head">
          <p class="su-concept-kicker">{t('ui.concepts.kicker', { n: index + 1, total: CONCEPT_IDS.length })}</p>
          <button
            type="button"
            class="su-btn su-btn-icon"
            aria-label={t('ui.concepts.close')}
            title={t('ui.concepts.close')}
            onClick={close}
          >
            <Icon name="cross" />
          </button>
        </div>
        <h2 id="su-concept-title" ref={heading} tabIndex={-1}>
          {t(`concepts.${concept}.title`)}
        </h2>
        <p class="su-concept-summary">{t(`concepts.${concept}.summary`)}</p>
        {tList(`concepts.${concept}.body`).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        <div class="su-concept-ingame">
          <h3>{t('ui.concepts.inGame')}</h3>
          <p>{t(`concepts.${concept}.inGame`)}</p>
        </div>
        <div class="su-concept-foot">
          {prev !== undefined && (
            <button type="button" class="su-btn" onClick={() => show(prev)}>
              <Icon name="chevronLeft" />
              {t(`concepts.${prev}.title`)}
            </button>
          )}
          <span class="su-spacer" />
          {next !== undefined && (
            <button type="button" class="su-btn" onClick={() => show(next)}>
              {t(`concepts.${next}.title`)}
              <Icon name="chevronRight" />
            </button>
          )}
        </div>
      </article>
    </Modal>
  );
}
