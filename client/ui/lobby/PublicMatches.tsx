/**
 * The public matches still waiting for players (GET /api/matches), asked again every few seconds
 * while the setup screen is open; one click joins. An unreachable server is said, not hidden.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PublicMatch } from '../../net/api';
import { scenarioPreset } from '../../state/scenarios';
import { useT } from '../hooks';
import type { UiClient } from '../uiClient';
import { TeamSwatches } from './LobbyBits';
import { orderMatches } from './lobbyModel';

/** How often the list is asked for again: often enough that a match does not sit unseen. */
const POLL_MS = 4000;

type ListState = { status: 'loading' } | { status: 'offline' } | { status: 'ready'; matches: PublicMatch[] };

export function PublicMatches({ client, disabled, onJoin }: { client: UiClient; disabled: boolean; onJoin: (code: string) => void }) {
  const { t, lang } = useT();
  const [list, setList] = useState<ListState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const matches = await client.publicMatches().catch(() => null);
      if (!live) return;
      setList(matches === null ? { status: 'offline' } : { status: 'ready', matches: orderMatches(matches) });
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client]);
  return (
    <section class="su-lobby-public" aria-labelledby="su-public-title" aria-busy={list.status === 'loading'}>
      <h3 id="su-public-title">{t('ui.lobby.setup.publicList')}</h3>
      {list.status === 'loading' && <p class="su-muted">{t('ui.lobby.setup.listLoading')}</p>}
      {list.status === 'offline' && <p class="su-note">{t('ui.lobby.setup.listOffline')}</p>}
      {list.status === 'ready' && list.matches.length === 0 && <p class="su-muted">{t('ui.lobby.setup.noMatches')}</p>}
      {list.status === 'ready' && list.matches.length > 0 && (
        <ul class="su-lobby-matches">
          {list.matches.map((match) => {
            const full = match.players >= match.capacity;
            const scenario = scenarioPreset(match.scenario)?.name[lang] ?? match.scenario;
            return (
              <li key={match.code} class="su-lobby-match" data-match={match.code}>
                <span class="su-lobby-match-name">{scenario}</span>
                <TeamSwatches teams={match.teams} />
                <span class="su-muted su-lobby-match-players">
                  {t('ui.lobby.setup.players', { players: match.players, capacity: match.capacity })}
                </span>
                <span class="su-lobby-match-code">{match.code}</span>
                <button
                  type="button"
                  class="su-btn su-btn-small su-btn-primary"
                  disabled={disabled || full}
                  aria-label={t('ui.lobby.setup.joinMatch', { scenario, code: match.code })}
                  onClick={() => onJoin(match.code)}
                >
                  {full ? t('ui.lobby.full') : t('ui.lobby.setup.join')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
