/**
 * The top of the instructor's console: the join code, large, with the link and its QR code (which
 * opens full screen for the projector), how many people are in and connected, and the room's own
 * switches: closed to newcomers, a new code (the old one then lets nobody new in), pause while the
 * instructor is away, projector mode, language.
 */
import { useState } from 'preact/hooks';
import type { GameModel } from '../../state/model';
import { uiState } from '../../state/uiState';
import { useStore, useT } from '../hooks';
import { Icon } from '../Icon';
import { LanguageSwitch } from '../LanguageSwitch';
import { Modal } from '../Modal';
import type { UiClient } from '../uiClient';
import { joinLink, useShareOrigin } from '../joinLink';
import { Confirm } from './Confirm';
import { JoinQr } from './JoinQr';
import { headCount } from './roster';

function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const copy = () =>
    void navigator.clipboard
      ?.writeText(text)
      .then(() => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      })
      .catch(() => undefined);
  return (
    <button
      type="button"
      class="su-btn su-btn-icon su-btn-small"
      aria-label={label}
      title={copied ? t('ui.header.codeCopied') : label}
      onClick={copy}
    >
      <Icon name={copied ? 'check' : 'copy'} />
    </button>
  );
}

export function ConsoleHeader({ client, game }: { client: UiClient; game: GameModel }) {
  const { t } = useT();
  const ui = useStore(uiState);
  const [bigQr, setBigQr] = useState(false);
  const [rotating, setRotating] = useState(false);
  const share = useShareOrigin();
  const link = joinLink(share.origin, game.code);
  const people = headCount(game.seats);
  return (
    <header class="su-ws-head">
      <div class="su-ws-code-block">
        <span class="su-field-label">{t('ui.workshop.console.code')}</span>
        <span class="su-ws-code" data-code={game.code}>
          {game.code}
        </span>
      </div>
      <button
        type="button"
        class="su-ws-qr-button"
        onClick={() => setBigQr(true)}
        title={t('ui.workshop.console.qrShow')}
        aria-label={t('ui.workshop.console.qrShow')}
      >
        <JoinQr link={link} label={t('ui.workshop.console.qrLabel', { link })} size={56} />
      </button>
      <div class="su-ws-link-block">
        <span class="su-field-label">{t('ui.workshop.console.link')}</span>
        <span class="su-ws-link">
          <a href={link} target="_blank" rel="noreferrer" data-link>
            {link}
          </a>
          <CopyButton text={link} label={t('ui.workshop.console.copyLink')} />
        </span>
        {share.loopback && <span class="su-ws-link-note">{t('ui.workshop.console.localOnly')}</span>}
      </div>
      <div class="su-ws-count-block" aria-live="polite">
        <Icon name="users" size={18} />
        <span>{t('ui.workshop.console.people', { n: people.total, connected: people.connected })}</span>
      </div>
      <span class="su-spacer" />
      <div class="su-ws-switches">
        <button
          type="button"
          class="su-btn"
          aria-pressed={game.locked}
          data-action="lock"
          title={t(game.locked ? 'ui.workshop.console.lockedHelp' : 'ui.workshop.console.lockHelp')}
          onClick={() => client.instruct({ action: 'lock', locked: !game.locked })}
        >
          <Icon name="lock" />
          {t(game.locked ? 'ui.workshop.console.locked' : 'ui.workshop.console.lock')}
        </button>
        <button
          type="button"
          class="su-btn"
          title={t('ui.workshop.console.rotateHelp')}
          onClick={() => setRotating(true)}
          data-action="rotate"
        >
          <Icon name="restart" />
          {t('ui.workshop.console.rotate')}
        </button>
        <button
          type="button"
          class="su-btn"
          aria-pressed={game.pauseOnDrop}
          title={t('ui.workshop.setup.pauseOnDropHelp')}
          onClick={() => client.instruct({ action: 'pause-on-drop', enabled: !game.pauseOnDrop })}
        >
          <Icon name="pause" />
          {t('ui.workshop.console.pauseOnDrop')}
        </button>
        <button
          type="button"
          class="su-btn"
          aria-pressed={ui.projector}
          data-action="projector"
          onClick={() => uiState.update((u) => ({ ...u, projector: !u.projector }))}
        >
          {t('ui.workshop.console.projector')}
        </button>
        <LanguageSwitch />
      </div>
      {bigQr && (
        <Modal labelledBy="su-ws-qr-title" onClose={() => setBigQr(false)} class="su-ws-qr-big">
          <h2 id="su-ws-qr-title" tabIndex={-1}>
            {t('ui.workshop.console.qrTitle')}
          </h2>
          <JoinQr link={link} label={t('ui.workshop.console.qrLabel', { link })} size={360} />
          <p class="su-ws-code su-ws-code-huge">{game.code}</p>
          <p class="su-ws-link-big">{link}</p>
          <button type="button" class="su-btn" onClick={() => setBigQr(false)}>
            {t('ui.workshop.close')}
          </button>
        </Modal>
      )}
      {rotating && (
        <Confirm
          title={t('ui.workshop.console.rotateTitle')}
          confirm={t('ui.workshop.console.rotate')}
          onConfirm={() => client.instruct({ action: 'rotate-code' })}
          onClose={() => setRotating(false)}
        >
          <p>{t('ui.workshop.console.rotateHelp')}</p>
        </Confirm>
      )}
    </header>
  );
}
