/**
 * The game's join code in the header, with a copy button: a friend or a teammate joins with it,
 * and a player who lost the tab can type it on the start screen.
 */
import { useState } from 'preact/hooks';
import { useT } from '../hooks';
import { Icon } from '../Icon';

export function JoinCode({ code }: { code: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard
      ?.writeText(code)
      .then(() => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      })
      .catch(() => undefined);
  };
  return (
    <div class="su-fig su-joincode" role="group" aria-label={t('ui.header.codeLabel')} data-figure="code">
      <span class="su-fig-label">{t('ui.header.codeLabel')}</span>
      <span class="su-fig-value su-joincode-value">
        <span class="su-joincode-text">{code}</span>
        <button
          type="button"
          class="su-btn su-btn-icon su-btn-small"
          title={copied ? t('ui.header.codeCopied') : t('ui.header.copyCode')}
          aria-label={t('ui.header.copyCode')}
          onClick={copy}
        >
          <Icon name={copied ? 'check' : 'copy'} />
        </button>
      </span>
    </div>
  );
}
