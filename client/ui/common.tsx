/** Small pieces every panel uses: the "?" that opens a concept card, state badges, headings. */
import type { ComponentChildren } from 'preact';
import { useT } from './hooks';
import type { IconName } from '../theme/icons';
import { Icon } from './Icon';
import type { Tone } from './header/headerFigures';
import { uiState, type ConceptId } from '../state/uiState';

export function openConcept(concept: ConceptId): void {
  uiState.update((s) => ({ ...s, openConcept: concept }));
}

/** A round "?" button naming what it explains, e.g. "About Cache" (screen readers and Playwright find it by that name). */
export function ConceptLink({ concept, about }: { concept: ConceptId; about: string }) {
  const { t } = useT();
  const label = t('ui.concepts.about', { topic: about });
  return (
    <button type="button" class="su-concept-link" aria-label={label} title={label} onClick={() => openConcept(concept)}>
      ?
    </button>
  );
}

/** Icons that tell states apart without colour (colour-blind players; projectors wash colours out). */
export const TONE_ICON: Record<Tone, IconName> = { neutral: 'dot', good: 'check', warn: 'warn', bad: 'cross' };

/** A state as icon + word, coloured by tone (blue / orange / magenta, never red against green). */
export function Badge({ tone, children }: { tone: Tone; children: ComponentChildren }) {
  return (
    <span class={`su-badge su-tone-${tone}`}>
      <Icon name={TONE_ICON[tone]} />
      {children}
    </span>
  );
}

export function PanelHeading({ children, level = 2 }: { children: ComponentChildren; level?: 2 | 3 }) {
  return level === 2 ? <h2 class="su-heading">{children}</h2> : <h3 class="su-subheading">{children}</h3>;
}
