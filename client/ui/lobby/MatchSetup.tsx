/**
 * Before a team match: the player's name (kept for every game), creating a match (scenario,
 * length, 2–4 teams, public or private), the public matches waiting for players (polled; one
 * click joins), joining by code, and the way back to the start screen. A created or joined match
 * opens its lobby (App routes a waiting match to MatchLobby). Refusals arrive as notices from the
 * network layer, so the promises here are only caught.
 */
import { useState } from 'preact/hooks';
import { MATCH_TEAMS } from '../../../shared/protocol/roomActions';
import type { ConnectionStatus } from '../../state/model';
import { scenarioPreset } from '../../state/scenarios';
import { uiState } from '../../state/uiState';
import { formatDuration } from '../../i18n';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { LanguageSwitch } from '../LanguageSwitch';
import type { UiClient } from '../uiClient';
import { TeamSwatches } from './LobbyBits';
import {
  defaultLength,
  lengthChoices,
  lengthMinutes,
  matchSettings,
  NAME_MAX,
  nameProblem,
  scenarioChoices,
  typedCode,
  type LengthChoice,
} from './matchForm';
import { PublicMatches } from './PublicMatches';
import './lobby.css';
import './setup.css';
import { CodeField } from '../CodeField';

const TEAM_CHOICES = [2, 3, 4] as const;

export function MatchSetup({ client, status }: { client: UiClient; status: ConnectionStatus }) {
  const { t } = useT();
  const [name, setName] = useState(() => client.playerName ?? '');
  const busy = status === 'connecting';
  const nameOk = nameProblem(name) === null;
  const onName = (value: string) => {
    setName(value);
    // Kept as typed (trimmed) for this and every later game: the room sees it on every join.
    if (nameProblem(value) === null) client.setPlayerName(value);
  };
  const join = (code: string) => void client.join(code).catch(() => undefined);
  return (
    <main class="su-start su-lobby-screen" aria-labelledby="su-match-setup-title">
      <div class="su-lobby-page">
        <header class="su-lobby-top">
          <button type="button" class="su-btn" onClick={() => uiState.update((u) => ({ ...u, startView: 'home' }))}>
            <Icon name="chevronLeft" />
            {t('ui.lobby.setup.back')}
          </button>
          <h1 id="su-match-setup-title" class="su-lobby-title">
            {t('ui.lobby.setup.title')}
          </h1>
          <label class="su-field su-inline su-lobby-name">
            <span class="su-field-label">{t('ui.lobby.setup.nameLabel')}</span>
            <input
              type="text"
              name="player-name"
              maxLength={NAME_MAX}
              autoComplete="nickname"
              placeholder={t('ui.lobby.setup.namePlaceholder')}
              value={name}
              aria-invalid={!nameOk}
              aria-describedby={nameOk ? undefined : 'su-name-help'}
              onInput={(e) => onName((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          <LanguageSwitch />
        </header>
        {!nameOk && (
          <p id="su-name-help" class="su-note su-lobby-name-help" role="status">
            {t('ui.lobby.setup.nameNeeded')}
          </p>
        )}
        <div class="su-lobby-split">
          <CreateMatch client={client} disabled={busy || !nameOk} />
          <section class="su-lobby-card" aria-labelledby="su-match-join-title">
            <h2 id="su-match-join-title">{t('ui.lobby.setup.joinTitle')}</h2>
            <PublicMatches client={client} disabled={busy || !nameOk} onJoin={join} />
            <JoinByCode disabled={busy || !nameOk} onJoin={join} />
          </section>
        </div>
        <p class="su-start-status" role="status">
          {busy ? t('hud.connection.connecting') : status === 'offline' ? t('ui.start.offline') : ''}
        </p>
      </div>
    </main>
  );
}

function CreateMatch({ client, disabled }: { client: UiClient; disabled: boolean }) {
  const { t, lang } = useT();
  const [scenario, setScenario] = useState('sandbox');
  const [length, setLength] = useState<LengthChoice>(() => defaultLength('sandbox'));
  const [teams, setTeams] = useState(2);
  const [isPublic, setPublic] = useState(true);
  const preset = scenarioPreset(scenario);
  const choices = scenarioChoices();
  const pickScenario = (id: string) => {
    setScenario(id);
    setLength(defaultLength(id));
  };
  const create = (e: Event) => {
    e.preventDefault();
    void client.createMatch(matchSettings({ scenario, length, teams, public: isPublic })).catch(() => undefined);
  };
  const lengthLabel = (choice: LengthChoice) => {
    const minutes = lengthMinutes(scenario, choice);
    const text = minutes === null ? '–' : formatDuration(lang, minutes);
    return choice === 'scenario' ? t('ui.lobby.setup.lengthOwn', { length: text }) : text;
  };
  return (
    <form class="su-lobby-card su-lobby-create" aria-labelledby="su-match-create-title" onSubmit={create}>
      <h2 id="su-match-create-title">{t('ui.lobby.setup.createTitle')}</h2>
      <label class="su-field">
        <span class="su-field-label">{t('ui.lobby.setup.scenario')}</span>
        <select name="scenario" value={scenario} onChange={(e) => pickScenario((e.currentTarget as HTMLSelectElement).value)}>
          {(['preset', 'chapter'] as const).map((group) => (
            <optgroup key={group} label={t(group === 'preset' ? 'ui.lobby.setup.freePlay' : 'ui.lobby.setup.chapters')}>
              {choices
                .filter((c) => c.group === group)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {scenarioPreset(c.id)?.name[lang] ?? c.id}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      {preset !== null && <p class="su-help su-lobby-scenario-help">{preset.description[lang]}</p>}
      <fieldset class="su-lobby-choice">
        <legend class="su-field-label">{t('ui.lobby.setup.length')}</legend>
        <div class="su-lobby-segments" data-choice="length">
          {lengthChoices(scenario).map((choice) => (
            <button key={String(choice)} type="button" class="su-btn" aria-pressed={length === choice} onClick={() => setLength(choice)}>
              {lengthLabel(choice)}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset class="su-lobby-choice">
        <legend class="su-field-label">{t('ui.lobby.setup.teams')}</legend>
        <div class="su-lobby-segments" data-choice="teams">
          {TEAM_CHOICES.map((count) => (
            <button key={count} type="button" class="su-btn" aria-pressed={teams === count} onClick={() => setTeams(count)}>
              {count}
            </button>
          ))}
          <TeamSwatches teams={MATCH_TEAMS.slice(0, teams)} />
        </div>
      </fieldset>
      <fieldset class="su-lobby-choice">
        <legend class="su-field-label">{t('ui.lobby.setup.visibility')}</legend>
        <div class="su-lobby-segments" data-choice="visibility">
          <button type="button" class="su-btn" aria-pressed={isPublic} onClick={() => setPublic(true)}>
            {t('ui.lobby.setup.public')}
          </button>
          <button type="button" class="su-btn" aria-pressed={!isPublic} onClick={() => setPublic(false)}>
            {t('ui.lobby.setup.private')}
          </button>
        </div>
        <p class="su-help">{t(isPublic ? 'ui.lobby.setup.publicHelp' : 'ui.lobby.setup.privateHelp')}</p>
      </fieldset>
      <p class="su-help">{t('ui.lobby.setup.fixedSpeed')}</p>
      <button type="submit" class="su-btn su-btn-primary su-btn-large" data-create-match disabled={disabled}>
        {t('ui.lobby.setup.create')}
      </button>
    </form>
  );
}

function JoinByCode({ disabled, onJoin }: { disabled: boolean; onJoin: (code: string) => void }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const code = typedCode(text);
  // Said only once the player has typed a whole code's worth: not while they are still typing.
  const wrong = code === null && text.replace(/[\s-]/g, '').length >= 6;
  const submit = (e: Event) => {
    e.preventDefault();
    if (code !== null) onJoin(code);
  };
  return (
    <form class="su-join su-lobby-code" onSubmit={submit}>
      <CodeField
        label={t('ui.lobby.setup.codeLabel')}
        placeholder={t('ui.start.codePlaceholder')}
        value={text}
        onInput={setText}
        invalid={wrong}
      >
        {wrong && <span class="su-note su-help">{t('ui.lobby.setup.codeInvalid')}</span>}
      </CodeField>
      <button type="submit" class="su-btn su-btn-large" data-join-code disabled={disabled || code === null}>
        {t('ui.lobby.setup.join')}
      </button>
    </form>
  );
}
