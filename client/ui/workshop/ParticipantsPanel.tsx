/**
 * Who is in which team, for the instructor: every participant grouped by team (those without one
 * yet first), the ones away greyed. A participant moves by dragging their row onto another team
 * (here or on a team's card in the grid), or with the row's "Move to" list (keyboard and touch).
 * Also: how people get their team (the room places them, or they choose), shuffle everyone, and
 * remove someone for good (asked first).
 */
import { useState } from 'preact/hooks';
import type { GameModel, SeatModel } from '../../state/model';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import type { UiClient } from '../uiClient';
import { Confirm } from './Confirm';
import { membersOf, participants, roomTeamName } from './roster';
import { seatDragStart, teamDropTarget } from './seatDrag';
import { TeamSwatch } from './TeamSwatch';

function Row({ client, game, seat, onRemove }: { client: UiClient; game: GameModel; seat: SeatModel; onRemove: () => void }) {
  const { t } = useT();
  return (
    <li
      class={`su-ws-person${seat.connected ? '' : ' su-ws-away'}`}
      draggable
      onDragStart={seatDragStart(seat.seatId)}
      data-seat={seat.seatId}
    >
      <span class="su-ws-grip" aria-hidden="true" />
      <span class="su-ws-person-name">
        {seat.name}
        {!seat.connected && <span class="su-ws-person-away">{t('ui.workshop.away')}</span>}
      </span>
      <select
        class="su-ws-move"
        aria-label={t('ui.workshop.people.moveLabel', { name: seat.name })}
        value=""
        onChange={(e) => {
          const team = (e.currentTarget as HTMLSelectElement).value;
          if (team !== '') client.instruct({ action: 'move', seat: seat.seatId, team });
        }}
      >
        <option value="">{t('ui.workshop.people.moveTo')}</option>
        {game.teamIds
          .filter((team) => team !== seat.team)
          .map((team) => (
            <option key={team} value={team}>
              {roomTeamName(t, game, team)}
            </option>
          ))}
      </select>
      <button
        type="button"
        class="su-btn su-btn-icon su-btn-small su-btn-quiet"
        aria-label={t('ui.workshop.people.removeLabel', { name: seat.name })}
        title={t('ui.workshop.people.removeLabel', { name: seat.name })}
        onClick={onRemove}
      >
        <Icon name="trash" />
      </button>
    </li>
  );
}

function Group({
  client,
  game,
  team,
  onRemove,
}: {
  client: UiClient;
  game: GameModel;
  team: string | null;
  onRemove: (seat: SeatModel) => void;
}) {
  const { t } = useT();
  const [over, setOver] = useState(false);
  const members = membersOf(game.seats, team);
  if (team === null && members.length === 0) return null;
  const drop = team === null ? {} : teamDropTarget(client, team, setOver);
  return (
    <li class={`su-ws-group${over ? ' su-ws-drop' : ''}`} data-team={team ?? ''} {...drop}>
      <p class="su-ws-group-head">
        {team !== null && <TeamSwatch team={team} />}
        <strong>{team === null ? t('ui.workshop.people.noTeam') : roomTeamName(t, game, team)}</strong>
        <span class="su-muted">{t('ui.workshop.players', { n: members.length })}</span>
      </p>
      <ul class="su-ws-people">
        {members.map((seat) => (
          <Row key={seat.seatId} client={client} game={game} seat={seat} onRemove={() => onRemove(seat)} />
        ))}
        {members.length === 0 && <li class="su-muted su-ws-empty">{t('ui.workshop.people.dropHere')}</li>}
      </ul>
    </li>
  );
}

export function ParticipantsPanel({ client, game }: { client: UiClient; game: GameModel }) {
  const { t } = useT();
  const [removing, setRemoving] = useState<SeatModel | null>(null);
  const [shuffling, setShuffling] = useState(false);
  const count = participants(game.seats).length;
  return (
    <section class="su-ws-panel" aria-labelledby="su-ws-people-title">
      <h2 id="su-ws-people-title" class="su-heading">
        {t('ui.workshop.people.title')}
      </h2>
      <div class="su-ws-panel-row" role="group" aria-label={t('ui.workshop.setup.placement')}>
        {(['auto', 'choose'] as const).map((p) => (
          <button
            key={p}
            type="button"
            class="su-btn su-btn-small"
            aria-pressed={game.placement === p}
            data-placement={p}
            onClick={() => client.instruct({ action: 'placement', placement: p })}
          >
            {t(p === 'auto' ? 'ui.workshop.placement.auto' : 'ui.workshop.placement.choose')}
          </button>
        ))}
        <span class="su-spacer" />
        <button type="button" class="su-btn su-btn-small" disabled={count < 2} onClick={() => setShuffling(true)} data-action="shuffle">
          <Icon name="restart" />
          {t('ui.workshop.people.shuffle')}
        </button>
      </div>
      <p class="su-help">{t('ui.workshop.people.dragHelp')}</p>
      {count === 0 ? (
        <p class="su-muted">{t('ui.workshop.people.none')}</p>
      ) : (
        <ul class="su-ws-groups">
          {[null, ...game.teamIds].map((team) => (
            <Group key={team ?? ''} client={client} game={game} team={team} onRemove={setRemoving} />
          ))}
        </ul>
      )}
      {removing !== null && (
        <Confirm
          title={t('ui.workshop.people.removeTitle', { name: removing.name })}
          confirm={t('ui.workshop.people.remove')}
          onConfirm={() => client.instruct({ action: 'remove', seat: removing.seatId })}
          onClose={() => setRemoving(null)}
        >
          <p>{t('ui.workshop.people.removeHelp')}</p>
        </Confirm>
      )}
      {shuffling && (
        <Confirm
          title={t('ui.workshop.people.shuffleTitle')}
          confirm={t('ui.workshop.people.shuffle')}
          onConfirm={() => client.instruct({ action: 'shuffle' })}
          onClose={() => setShuffling(false)}
        >
          <p>{t('ui.workshop.people.shuffleHelp')}</p>
        </Confirm>
      )}
    </section>
  );
}
