/**
 * Short messages from the network layer (a refused command, a reconnection), translated from
 * their i18n key, each with a close button; they also leave by themselves after a while so they
 * never pile up over the diagram. Errors are announced assertively, information politely.
 */
import { useEffect } from 'preact/hooks';
import type { Notice } from '../../state/model';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import type { UiClient } from '../uiClient';

const LIFETIME_MS: Record<Notice['kind'], number> = { info: 6000, error: 12000 };

function Toast({ notice, client }: { notice: Notice; client: UiClient }) {
  const { t } = useT();
  useEffect(() => {
    const timer = setTimeout(() => client.dismiss(notice.id), LIFETIME_MS[notice.kind]);
    return () => clearTimeout(timer);
  }, [notice.id]);
  return (
    <li class={`su-toast su-toast-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <Icon name={notice.kind === 'error' ? 'warn' : 'check'} size={16} />
      <span class="su-toast-text">{t(notice.key, notice.params)}</span>
      <button
        type="button"
        class="su-btn su-btn-icon su-btn-small"
        aria-label={t('ui.notices.dismiss')}
        title={t('ui.notices.dismiss')}
        onClick={() => client.dismiss(notice.id)}
      >
        <Icon name="cross" />
      </button>
    </li>
  );
}

export function Notices({ notices, client }: { notices: Notice[]; client: UiClient }) {
  const { t } = useT();
  if (notices.length === 0) return null;
  return (
    <ul class="su-toasts" aria-label={t('ui.notices.label')}>
      {notices.map((n) => (
        <Toast key={n.id} notice={n} client={client} />
      ))}
    </ul>
  );
}
