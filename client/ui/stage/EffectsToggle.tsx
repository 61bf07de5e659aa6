/**
 * "Reduced effects": fewer traffic dots and no card animations in the diagram, for laptops
 * without a good GPU. The button sits in the diagram's corner, beside what it changes. The
 * player's choice is remembered (uiState); when the diagram switched it on by itself because its
 * frame rate stayed low, a notice above the button says so and offers to turn it off again.
 */
import { uiState } from '../../state/uiState';
import { useStore, useT } from '../hooks';
import { Icon } from '../Icon';
import './effects.css';

export function EffectsToggle() {
  const { t } = useT();
  const { reducedEffects, effectsNotice } = useStore(uiState);
  const on = reducedEffects === 'on';
  const choose = (value: 'on' | 'off') => uiState.update((u) => ({ ...u, reducedEffects: value, effectsNotice: false }));
  return (
    <div class="su-effects">
      <button
        type="button"
        class="su-btn su-effects-btn"
        aria-pressed={on}
        title={t('ui.effects.hint')}
        onClick={() => choose(on ? 'off' : 'on')}
      >
        <Icon name="dot" />
        <span class="su-effects-text">{t('ui.effects.toggle')}</span>
      </button>
      {effectsNotice && on && (
        <div class="su-effects-notice" role="status">
          <p>{t('ui.effects.autoNotice')}</p>
          <div class="su-effects-actions">
            <button type="button" class="su-btn" onClick={() => choose('off')}>
              {t('ui.effects.turnOff')}
            </button>
            <button type="button" class="su-btn" onClick={() => choose('on')}>
              {t('ui.effects.keep')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
