/**
 * A match waiting to start: its join code, big and copyable, with the link to send; one column
 * per team in its colour with its players (captain, ready, away); a button to join each team; the
 * ready toggle; the captain's rename; the host's number of teams and Start, which says why it
 * waits while it cannot start; and Leave. Every change goes to the room as a lobby message and
 * shows once the room's state says so (the room is the one that decides).
 */
import { formatDuration } from '../../i18n';
import type { ConnectionStatus, GameModel } from '../../state/model';
import { scenarioPreset } from '../../state/scenarios';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { LanguageSwitch } from '../LanguageSwitch';
import { teamLabel } from '../teams';
import type { UiClient } from '../uiClient';
import { joinLink, useShareOrigin } from '../joinLink';
import { CopyButton } from './LobbyBits';
import { mySeat, someNames, startBlocker, TEAM_COUNTS, teamCountAllowed, teamRosters, watchers, type StartBlocker } from './lobbyModel';
import { TeamColumn } from './TeamColumn';
import './lobby.css';

export function MatchLobby({ client, game, status }: { client: UiClient; game: GameModel; status: ConnectionStatus }) {
  const { t, lang } = useT();
  const me = mySeat(game);
  const rosters = teamRosters(game);
  const watching = watchers(game);
  const isHost = game.host !== null && game.host === game.me.seatId;
  const scenario = scenarioPreset(game.scenario)?.name[lang] ?? game.scenario;
  const details = [
    scenario,
    game.durationTicks > 0 ? formatDuration(lang, game.durationTicks) : null,
    t('ui.lobby.speed', { speed: game.clock.speed }),
  ].filter((part) => part !== null);
  const link = joinLink(useShareOrigin().origin, game.code);
  return (
    <main class="su-start su-lobby-screen" aria-labelledby="su-lobby-title" data-lobby={game.code}>
      <div class="su-lobby-page">
        <header class="su-lobby-top">
          <button type="button" class="su-btn" data-leave onClick={() => void client.leave()}>
            <Icon name="chevronLeft" />
            {t('ui.lobby.leave')}
          </button>
          <div class="su-lobby-heading">
            <h1 id="su-lobby-title" class="su-lobby-title">
              {t('ui.lobby.title')}
            </h1>
            <p class="su-muted">{details.join(' · ')}</p>
          </div>
          {status !== 'online' && (
            <span class="su-note" role="status">
              {t(status === 'reconnecting' ? 'hud.connection.reconnecting' : 'hud.connection.offline')}
            </span>
          )}
          <LanguageSwitch />
        </header>
        <section class="su-lobby-share" aria-labelledby="su-lobby-code-label">
          <div class="su-lobby-code-box">
            <span id="su-lobby-code-label" class="su-field-label">
              {t('ui.lobby.codeLabel')}
            </span>
            <strong class="su-lobby-code-value" data-code>
              {game.code}
            </strong>
          </div>
          <div class="su-lobby-share-actions">
            <div class="su-lobby-share-buttons">
              <CopyButton text={game.code} label={t('ui.lobby.copyCode')} data="code" />
              <CopyButton text={link} label={t('ui.lobby.copyLink')} data="link" />
            </div>
            <a class="su-lobby-link" href={link}>
              {link}
            </a>
            <p class="su-help">{t('ui.lobby.shareHelp')}</p>
          </div>
        </section>
        <div class="su-lobby-teams" style={{ gridTemplateColumns: `repeat(${rosters.length}, minmax(0, 1fr))` }}>
          {rosters.map((roster) => (
            <TeamColumn key={roster.team} client={client} game={game} team={roster.team} players={roster.players} me={me} />
          ))}
        </div>
        {watching.length > 0 && (
          <p class="su-muted su-lobby-watchers">
            {t('ui.lobby.watchers', {
              names: someNames(
                watching.map((s) => s.name),
                6,
              ),
            })}
          </p>
        )}
        <footer class="su-lobby-bar">
          {me !== null && me.team !== null ? (
            <button
              type="button"
              class="su-btn su-btn-large su-lobby-ready"
              aria-pressed={me.ready}
              data-ready-toggle
              onClick={() => client.lobby({ action: 'ready', ready: !me.ready })}
            >
              <Icon name={me.ready ? 'check' : 'dot'} />
              {t('ui.lobby.readyUp')}
            </button>
          ) : (
            <span class="su-muted">{t(me?.role === 'spectator' ? 'ui.lobby.watching' : 'ui.lobby.pickTeam')}</span>
          )}
          {isHost && (
            <div class="su-lobby-count" role="group" aria-label={t('ui.lobby.teamCount')}>
              <span class="su-field-label">{t('ui.lobby.teamCount')}</span>
              {TEAM_COUNTS.map((count) => {
                const allowed = count === game.teamIds.length || teamCountAllowed(game, count);
                return (
                  <button
                    key={count}
                    type="button"
                    class="su-btn"
                    aria-pressed={count === game.teamIds.length}
                    disabled={!allowed}
                    title={allowed ? undefined : t('ui.lobby.teamCountLocked')}
                    onClick={() => count !== game.teamIds.length && client.lobby({ action: 'teams', count })}
                  >
                    {count}
                  </button>
                );
              })}
            </div>
          )}
          <StartArea client={client} game={game} isHost={isHost} />
        </footer>
      </div>
    </main>
  );
}

function blockerText(t: (key: string, params?: Record<string, string | number>) => string, blocker: StartBlocker, game: GameModel): string {
  switch (blocker.reason) {
    case 'not-host':
      return blocker.host === null ? t('ui.lobby.waitHostUnknown') : t('ui.lobby.waitHost', { name: blocker.host });
    case 'empty-team':
      return t('ui.lobby.emptyTeam', { team: teamLabel(t, blocker.team, game.teamNames) });
    case 'not-ready':
      return t('ui.lobby.notReady', { names: someNames(blocker.names) });
  }
}

/** Start for the host (disabled, with the reason beside it, until the room would take it); the wait for everyone else. */
function StartArea({ client, game, isHost }: { client: UiClient; game: GameModel; isHost: boolean }) {
  const { t } = useT();
  const blocker = startBlocker(game);
  const text = blocker === null ? t('ui.lobby.allReady') : blockerText(t, blocker, game);
  return (
    <div class="su-lobby-start">
      <p id="su-lobby-start-why" class={blocker === null ? 'su-tone-good' : 'su-muted'} role="status" data-start-why>
        {text}
      </p>
      {isHost && (
        <button
          type="button"
          class="su-btn su-btn-primary su-btn-large"
          data-start
          disabled={blocker !== null}
          aria-describedby="su-lobby-start-why"
          onClick={() => client.control({ action: 'start' })}
        >
          <Icon name="play" />
          {t('ui.lobby.start')}
        </button>
      )}
    </div>
  );
}
