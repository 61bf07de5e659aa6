/**
 * The first screen, while there is no game: what the game is, the campaign map (the solo chapters,
 * one idea each), Play (a solo sandbox, always open) or join a friend's or a workshop's game by
 * its code, the ways to play with others (a team match's setup, a workshop's setup), writing a
 * scenario for a class (the editor), and the language.
 */
import { useState } from 'preact/hooks';
import { normaliseCode } from '../../../shared/protocol/joinCode';
import type { ConnectionStatus } from '../../state/model';
import { openConcept } from '../common';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { LanguageSwitch } from '../LanguageSwitch';
import type { UiClient } from '../uiClient';
import { uiState, type UiState } from '../../state/uiState';
import { CampaignMap } from './CampaignMap';
import { CodeField } from '../CodeField';
import { OpenReplayFile } from '../../replay/ReplayOpen';
import { openEditor } from '../editor/editorState';
import '../lobby/setup.css';
import './start.css';

const openView = (view: UiState['startView']) => uiState.update((u) => ({ ...u, startView: view }));

export function StartScreen({ client, status }: { client: UiClient; status: ConnectionStatus }) {
  const { t, tList } = useT();
  const [code, setCode] = useState('');
  const busy = status === 'connecting';
  // Failures arrive as notices from the network layer; the promise only needs catching.
  const play = () => void client.startSolo('sandbox').catch(() => undefined);
  const join = (e: Event) => {
    e.preventDefault();
    const c = normaliseCode(code);
    // The join page asks for a name first (and rejoins straight away a game this browser sat in).
    if (c !== '') location.assign(`/join/${encodeURIComponent(c)}`);
  };
  return (
    <main class="su-start">
      <div class="su-start-columns">
        <div class="su-start-card">
          <div class="su-start-lang">
            <LanguageSwitch />
          </div>
          <h1 class="su-start-title">
            <Icon name="brand" size={44} class="su-brand-mark" />
            {t('app.title')}
          </h1>
          <p class="su-start-tagline">{t('ui.start.tagline')}</p>
          <p class="su-start-pitch">{tList('ui.start.pitch').join(' ')}</p>
          <div class="su-start-actions">
            <button type="button" class="su-btn su-btn-primary su-btn-large" disabled={busy} onClick={play}>
              {t('ui.start.play')}
            </button>
            <form class="su-join" onSubmit={join}>
              <CodeField label={t('ui.start.codeLabel')} placeholder={t('ui.start.codePlaceholder')} value={code} onInput={setCode} />
              <button type="submit" class="su-btn su-btn-large" disabled={busy || normaliseCode(code) === ''}>
                {t('ui.start.join')}
              </button>
            </form>
          </div>
          <div class="su-start-modes" role="group" aria-labelledby="su-start-modes-title">
            <span id="su-start-modes-title" class="su-field-label">
              {t('ui.lobby.entry.title')}
            </span>
            <div class="su-start-modes-row">
              <button type="button" class="su-btn su-start-mode" data-start-view="match" disabled={busy} onClick={() => openView('match')}>
                <Icon name="users" size={18} />
                <span>
                  <strong>{t('ui.lobby.entry.match')}</strong>
                  <small>{t('ui.lobby.entry.matchHelp')}</small>
                </span>
              </button>
              <button
                type="button"
                class="su-btn su-start-mode"
                data-start-view="workshop"
                disabled={busy}
                onClick={() => openView('workshop')}
              >
                <Icon name="clock" size={18} />
                <span>
                  <strong>{t('ui.lobby.entry.workshop')}</strong>
                  <small>{t('ui.lobby.entry.workshopHelp')}</small>
                </span>
              </button>
            </div>
            <button type="button" class="su-btn su-btn-quiet su-start-editor" data-start-view="editor" disabled={busy} onClick={openEditor}>
              <Icon name="plus" size={18} />
              <span>
                <strong>{t('ui.editor.entry')}</strong> <small class="su-muted">{t('ui.editor.entryHelp')}</small>
              </span>
            </button>
          </div>
          <div class="su-start-learn">
            <button type="button" class="su-btn su-btn-quiet" onClick={() => openConcept('singleServer')}>
              <Icon name="book" />
              {t('ui.start.learn')}
            </button>
          </div>
          <OpenReplayFile client={client} disabled={busy} />
          <p class="su-start-status" role="status">
            {busy ? t('hud.connection.connecting') : status === 'offline' ? t('ui.start.offline') : ''}
          </p>
        </div>
        <div class="su-start-card su-start-campaign">
          <CampaignMap client={client} busy={busy} />
        </div>
      </div>
    </main>
  );
}
