/**
 * A chapter's briefing: what the chapter is about and how it ties to the source, what wins it and
 * what each further star asks, how long it lasts. It opens by itself when a chapter starts (the
 * chapter opens paused, and closing the briefing starts it) and again from the goals panel (the
 * clock waits while it is open, as for a concept card).
 */
import type { Chapter } from '../../../shared/campaign';
import type { ClockModel } from '../../state/model';
import type { UiClient } from '../uiClient';
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

/** A chapter opens paused for its briefing: closing the briefing before the first minute starts the clock. */
function startIfWaiting(client: UiClient, clock: ClockModel): void {
  if (clock.paused && clock.tick === 0 && clock.phase === 'running') client.control({ action: 'resume' });
}

export function openBriefing(): void {
  uiState.update((s) => ({ ...s, briefing: true }));
}

export function Briefing({ chapter, client, clock }: { chapter: Chapter; client: UiClient; clock: ClockModel }) {
  const { t, lang } = useT();
  const close = () => {
    closeBriefing();
    startIfWaiting(client, clock);
  };
  const duration = chapter.scenario.objectives.durationTicks ?? 0;
  const levels = [chapter.goals, ...chapter.stars];
  return (
    <Modal labelledBy="su-briefing-title" onClose={close} class="su-briefing">
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
        <button type="button" class="su-btn su-btn-primary" onClick={close}>
          <Icon name="play" />
          {t('ui.briefing.start')}
        </button>
      </div>
    </Modal>
  );
}
