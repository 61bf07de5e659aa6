/**
 * "What if?" beside a decision: opens the forecast of that change, or, while a forecast is open,
 * adds the change to it (its icon a plus then, its name saying so). `about` says the change in
 * words for screen readers and the tooltip; `text`, when given, is the question itself on the button.
 */
import { Icon } from '../Icon';
import { useStore, useT } from '../hooks';
import type { PlannedCommand } from './change';
import { askWhatIf, forecastPlan } from './plan';
import './forecast.css';

export function WhatIfButton({
  commands,
  about,
  text,
  small = false,
}: {
  commands: () => PlannedCommand[];
  about: string;
  text?: string;
  small?: boolean;
}) {
  const { t } = useT();
  const adding = useStore(forecastPlan) !== null;
  const label = t(adding ? 'ui.forecast.addNamed' : 'ui.forecast.askNamed', { what: about });
  return (
    <button
      type="button"
      class={`su-btn su-whatif${small ? ' su-btn-small' : ''}`}
      aria-label={label}
      title={label}
      onClick={() => askWhatIf(commands())}
    >
      <Icon name={adding ? 'plus' : 'clock'} />
      {text ?? t('ui.forecast.ask')}
    </button>
  );
}
