/**
 * A chapter's briefing: what the chapter is about and how it ties to the source, what wins it and
 * what each further star asks, how long it lasts. It opens by itself when a chapter starts (the
 * clock waits while it is open, as for a concept card) and again from the goals panel.
 */
import type { Chapter } from '../../../shared/campaign';
import { formatDuration } from '../../i18n';
import { openConcept } from '../common';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { Modal } from '../Modal';
import { uiState } from '../../state/uiState';
import { goalText } from './goalText';
import { Stars } from './Stars';

function closeBriefing(): void {
  uiState.update((s) => ({ ...s, briefing: false }));
}

export function openBriefing(): void {
  uiState.update((s) => ({ ...s, briefing: true }));
}

export function Briefing({ chapter }: { chapter: Chapter }) {
  const { t, lang } = useT();
  const duration = chapter.scenario.objectives.durationTicks ?? 0;
  const levels = [chapter.goals, ...chapter.stars];
  return (
    <Modal labelledBy="su-briefing-title" onClose={closeBriefing} class="su-briefing">
      <p class="su-concept-kicker">{t('ui.briefing.kicker', { n: chapter.number, concept: t(`concepts.${chapter.concept}.title`) })}</p>
      <h2 id="su-briefing-title" tabIndex={-1}>
        {chapter.scenario.name[lang]}
      </h2>
      {chapter.briefing[lang].map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
      <section class="su-briefing-goals" aria-labelledby="su-briefing-goals-title">
        <h3 id="su-briefing-goals-title">{t('ui.briefing.goals', { time: formatDuration(lang, duration) })}</h3>
        <ul>
          {levels.map((goals, index) => (
            <li key={index} class="su-briefing-level">
              <Stars count={index + 1} />
              <span class="su-visually-hidden">{t('ui.briefing.starLevel', { count: index + 1 })}</span>
              <span>{goals.map((goal) => goalText(t, lang, goal)).join(' · ')}</span>
            </li>
          ))}
        </ul>
      </section>
      <div class="su-concept-foot">
        <button type="button" class="su-btn su-btn-quiet" onClick={() => openConcept(chapter.concept)}>
          <Icon name="book" />
          {t('ui.briefing.learn')}
        </button>
        <span class="su-spacer" />
        <button type="button" class="su-btn su-btn-primary" onClick={closeBriefing}>
          <Icon name="play" />
          {t('ui.briefing.start')}
        </button>
      </div>
    </Modal>
  );
}
