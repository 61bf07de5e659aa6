/**
 * The next-step hint of a solo game: why the step matters and what to do, with the concept card
 * that teaches it and a button that sets it aside. The texts name the player's own components and
 * regions.
 */
import { ConceptLink } from '../common';
import { useStore, useT } from '../hooks';
import { Icon } from '../Icon';
import { labelForId } from '../names';
import { regionName, type ScenarioInfo } from '../scenarioInfo';
import { dismissHint, goalsState } from './goalsState';
import type { Hint } from './hints';

/** The parameters a hint's texts use, as the player reads them. */
function useHintParams(hint: Hint, info: ScenarioInfo): Record<string, string> {
  const { t, lang } = useT();
  const params: Record<string, string> = {};
  for (const [name, id] of Object.entries(hint.ids)) {
    if (id === undefined) continue;
    if (name === 'region') params[name] = regionName(info, id, lang);
    else if (name === 'feature') params[name] = t(`features.${id}.name`);
    else params[name] = labelForId(id);
  }
  return params;
}

export function HintCard({ hint, info }: { hint: Hint; info: ScenarioInfo }) {
  const { t } = useT();
  const params = useHintParams(hint, info);
  const dismissed = useStore(goalsState).dismissed.includes(hint.id);
  if (dismissed) return null;
  return (
    <section class="su-hint" aria-labelledby="su-hint-title" data-hint={hint.id}>
      <div class="su-hint-head">
        <Icon name="chevronRight" />
        <h2 class="su-hint-title" id="su-hint-title">
          {t('ui.hints.title')}
        </h2>
        <ConceptLink concept={hint.concept} about={t(`concepts.${hint.concept}.title`)} />
        <button
          type="button"
          class="su-btn su-btn-icon su-btn-quiet su-hint-close"
          aria-label={t('ui.hints.dismiss')}
          title={t('ui.hints.dismiss')}
          onClick={() => dismissHint(hint.id)}
        >
          <Icon name="cross" />
        </button>
      </div>
      <p class="su-hint-why">{t(hint.whyKey, params)}</p>
      <p class="su-hint-do">{t(hint.doKey, params)}</p>
    </section>
  );
}
