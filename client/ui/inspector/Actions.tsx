/** Operations on a component: restart its dead instances, promote a replica, purge a CDN, remove it. */
import { useState } from 'preact/hooks';
import type { ComponentView } from '../../../shared/sim';
import { INVALIDATION_PRICE } from '../../../shared/sim/commands/operations';
import { formatMoney } from '../../i18n';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import type { UiClient } from '../uiClient';
import { uiState } from '../../state/uiState';

export function Actions({ component, client, label }: { component: ComponentView; client: UiClient; label: string }) {
  const { t, lang } = useT();
  const [confirming, setConfirming] = useState(false);
  const c = component;
  const down = c.metrics?.down ?? null;
  return (
    <div class="su-actions">
      <button
        type="button"
        class="su-btn"
        disabled={down === 0}
        title={down === 0 ? t('ui.inspector.restartNone') : undefined}
        onClick={() => client.send({ type: 'restart', id: c.id })}
      >
        <Icon name="restart" />
        {t('ui.inspector.restart')}
      </button>
      {c.settings.replicaOf !== undefined && (
        <button type="button" class="su-btn" onClick={() => client.send({ type: 'promote', id: c.id })}>
          {t('ui.inspector.promote')}
        </button>
      )}
      {c.kind === 'cdn' && (
        <button type="button" class="su-btn" onClick={() => client.send({ type: 'invalidate', id: c.id })}>
          {t('ui.inspector.invalidate', { price: formatMoney(lang, INVALIDATION_PRICE) })}
        </button>
      )}
      {confirming ? (
        <span class="su-confirm" role="group" aria-label={t('ui.inspector.removeConfirm', { name: label })}>
          <span>{t('ui.inspector.removeConfirm', { name: label })}</span>
          <button
            type="button"
            class="su-btn su-btn-danger"
            onClick={() => {
              client.send({ type: 'remove', id: c.id });
              uiState.update((u) => ({ ...u, selected: null }));
            }}
          >
            {t('ui.inspector.removeYes')}
          </button>
          <button type="button" class="su-btn su-btn-quiet" onClick={() => setConfirming(false)}>
            {t('ui.inspector.removeNo')}
          </button>
        </span>
      ) : (
        <button type="button" class="su-btn su-btn-quiet" onClick={() => setConfirming(true)}>
          <Icon name="trash" />
          {t('ui.inspector.remove')}
        </button>
      )}
    </div>
  );
}
