/**
 * One team in a match's lobby, in its colour: its name (its captain may rename it), its players
 * with the captain marked, whether each is ready, and who has dropped (greyed), the seats still
 * open, and the button to join it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { teamNameSchema } from '../../../shared/protocol/roomActions';
import type { GameModel, SeatModel } from '../../state/model';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { teamLabel, teamStyle } from '../teams';
import type { UiClient } from '../uiClient';
import { MATCH_TEAM_SIZE } from '../../../shared/protocol/roomActions';

export function TeamColumn({
  client,
  game,
  team,
  players,
  me,
}: {
  client: UiClient;
  game: GameModel;
  team: string;
  players: readonly SeatModel[];
  me: SeatModel | null;
}) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const mine = me !== null && me.team === team;
  const captain = mine && me.role === 'captain';
  const full = players.length >= MATCH_TEAM_SIZE;
  const name = teamLabel(t, team, game.teamNames);
  const headingId = `su-lobby-team-${team}`;
  return (
    <section
      class={`su-lobby-team${mine ? ' su-lobby-team-mine' : ''}`}
      style={teamStyle(team)}
      data-team={team}
      aria-labelledby={headingId}
    >
      <header class="su-lobby-team-head">
        <span class="su-team-swatch" aria-hidden="true" />
        {editing ? (
          <RenameForm current={game.teamNames[team] ?? name} onDone={() => setEditing(false)} client={client} />
        ) : (
          <h2 id={headingId} class="su-lobby-team-name" title={name}>
            {name}
          </h2>
        )}
        {captain && !editing && (
          <button
            type="button"
            class="su-btn su-btn-small su-btn-quiet"
            data-rename
            aria-label={t('ui.lobby.rename')}
            title={t('ui.lobby.rename')}
            onClick={() => setEditing(true)}
          >
            {t('ui.lobby.renameShort')}
          </button>
        )}
        <span class="su-lobby-team-count">{t('ui.lobby.seats', { players: players.length, max: MATCH_TEAM_SIZE })}</span>
      </header>
      <ul class="su-lobby-players">
        {players.map((seat) => (
          <PlayerRow key={seat.seatId} seat={seat} me={seat.seatId === game.me.seatId} host={seat.seatId === game.host} />
        ))}
        {Array.from({ length: Math.max(0, MATCH_TEAM_SIZE - players.length) }, (_, i) => (
          <li key={`open-${i}`} class="su-lobby-player su-lobby-open" aria-hidden="true">
            {t('ui.lobby.openSeat')}
          </li>
        ))}
      </ul>
      <div class="su-lobby-team-foot">
        {mine ? (
          <span class="su-lobby-yours">
            <Icon name="check" />
            {t('ui.lobby.yourTeam')}
          </span>
        ) : me?.role === 'spectator' ? null : (
          <button
            type="button"
            class="su-btn su-lobby-join"
            data-join-team={team}
            disabled={full}
            onClick={() => client.lobby({ action: 'team', team })}
          >
            {full ? t('ui.lobby.full') : t('ui.lobby.joinTeam')}
          </button>
        )}
      </div>
    </section>
  );
}

function PlayerRow({ seat, me, host }: { seat: SeatModel; me: boolean; host: boolean }) {
  const { t } = useT();
  return (
    <li
      class={`su-lobby-player${seat.connected ? '' : ' su-lobby-away'}${me ? ' su-lobby-me' : ''}`}
      data-seat={seat.seatId}
      data-ready={seat.ready ? 'true' : 'false'}
    >
      <span class="su-lobby-who">
        <span class="su-lobby-player-name" title={seat.name}>
          {seat.name}
          {me && <span class="su-muted"> {t('ui.lobby.you')}</span>}
        </span>
        {seat.role === 'captain' && (
          <span class="su-lobby-mark su-lobby-captain" title={t('ui.lobby.captainHelp')}>
            <Icon name="star" />
            {t('ui.lobby.captain')}
          </span>
        )}
        {host && <span class="su-lobby-mark">{t('ui.lobby.host')}</span>}
        {!seat.connected && <span class="su-lobby-mark">{t('ui.lobby.away')}</span>}
      </span>
      <span class={`su-lobby-ready-mark${seat.ready ? ' su-tone-good' : ' su-muted'}`}>
        <Icon name={seat.ready ? 'check' : 'clock'} />
        {t(seat.ready ? 'ui.lobby.ready' : 'ui.lobby.notReadyShort')}
      </span>
    </li>
  );
}

/** The captain's rename: the room takes 1–24 characters (teamNameSchema); longer is not sent. */
function RenameForm({ current, onDone, client }: { current: string; onDone: () => void; client: UiClient }) {
  const { t } = useT();
  const [text, setText] = useState(current);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const parsed = teamNameSchema.safeParse(text);
  const save = (e: Event) => {
    e.preventDefault();
    if (!parsed.success) return;
    client.lobby({ action: 'team-name', name: parsed.data });
    onDone();
  };
  return (
    <form class="su-lobby-rename" onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <input
        type="text"
        name="team-name"
        maxLength={24}
        aria-label={t('ui.lobby.renameLabel')}
        value={text}
        ref={input}
        onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit" class="su-btn su-btn-small su-btn-primary" disabled={!parsed.success}>
        {t('ui.lobby.save')}
      </button>
      <button type="button" class="su-btn su-btn-small su-btn-quiet" aria-label={t('ui.lobby.cancel')} onClick={onDone}>
        <Icon name="cross" />
      </button>
    </form>
  );
}
