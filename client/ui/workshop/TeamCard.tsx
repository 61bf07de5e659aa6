/**
 * One team in the console's grid: its name and colour, the small drawing of its system, its key
 * figures (cardFigures: "?" where the team's own monitoring shows nothing), and its participants
 * (those away greyed). A participant dragged onto the card moves to this team; the card's button
 * opens the closer look.
 */
import { useState } from 'preact/hooks';
import type { ScoreLine } from '../../../shared/protocol/ranking';
import type { TeamView } from '../../../shared/sim';
import { formatCount, formatLatency, formatMoney, formatPercent } from '../../i18n';
import type { GameModel } from '../../state/model';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { TONE_ICON } from '../common';
import type { Goals } from '../header/headerFigures';
import type { UiClient } from '../uiClient';
import { MiniDiagram } from './MiniDiagram';
import { membersOf, roomTeamName } from './roster';
import { teamDropTarget } from './seatDrag';
import { TeamSwatch } from './TeamSwatch';
import { cardFigures, type CardFigure } from './teamFigures';

function Figure({ label, figure, text }: { label: string; figure: CardFigure; text: (value: number) => string }) {
  const { t } = useT();
  return (
    <div class={`su-ws-fig su-tone-${figure.tone}`} title={figure.value === null ? t('ui.workshop.grid.hidden') : undefined}>
      <span class="su-ws-fig-label">{label}</span>
      <span class="su-ws-fig-value">
        {figure.value !== null && figure.tone !== 'neutral' && <Icon name={TONE_ICON[figure.tone]} size={12} />}
        {figure.value === null ? '?' : `${figure.approx ? '~' : ''}${text(figure.value)}`}
      </span>
    </div>
  );
}

export function TeamCard({
  client,
  game,
  teamId,
  team,
  score,
  goals,
  regions,
  onOpen,
}: {
  client: UiClient;
  game: GameModel;
  teamId: string;
  team: TeamView | undefined;
  score: ScoreLine | undefined;
  goals: Goals;
  regions: readonly string[];
  onOpen: () => void;
}) {
  const { t, lang } = useT();
  const [over, setOver] = useState(false);
  const members = membersOf(game.seats, teamId);
  const name = roomTeamName(t, game, teamId);
  const figures = team === undefined ? null : cardFigures(team, score, goals);
  return (
    <article
      class={`su-ws-card${over ? ' su-ws-drop' : ''}`}
      data-team={teamId}
      aria-label={name}
      {...teamDropTarget(client, teamId, setOver)}
    >
      <header class="su-ws-card-head">
        <TeamSwatch team={teamId} />
        <h3 class="su-ws-card-name">{name}</h3>
        {figures?.over === 'bankrupt' && <span class="su-badge su-tone-bad">{t('ui.scoreboard.bankrupt')}</span>}
        <span class="su-spacer" />
        <button
          type="button"
          class="su-btn su-btn-small"
          onClick={onOpen}
          data-action="closer"
          aria-label={t('ui.workshop.grid.closerLabel', { team: name })}
        >
          {t('ui.workshop.grid.closer')}
          <Icon name="chevronRight" />
        </button>
      </header>
      <button type="button" class="su-ws-card-diagram" onClick={onOpen} tabIndex={-1} aria-hidden="true">
        {team === undefined ? (
          <span class="su-muted">{t(game.clock.phase === 'waiting' ? 'ui.workshop.grid.notStarted' : 'ui.workshop.grid.noView')}</span>
        ) : (
          <MiniDiagram team={team} regions={regions} />
        )}
      </button>
      {figures !== null && (
        <div class="su-ws-figs">
          <Figure label={t('ui.workshop.grid.users')} figure={figures.users} text={(v) => formatCount(lang, v)} />
          <Figure
            label={t('ui.workshop.grid.availability')}
            figure={figures.availability}
            text={(v) => formatPercent(lang, v, 'floor', 1)}
          />
          <Figure label={t('ui.workshop.grid.p95')} figure={figures.p95} text={(v) => formatLatency(lang, v)} />
          <Figure label={t('ui.workshop.grid.money')} figure={figures.money} text={(v) => formatMoney(lang, v)} />
          <div class={`su-ws-fig ${figures.openIncidents > 0 ? 'su-tone-bad' : 'su-tone-neutral'}`}>
            <span class="su-ws-fig-label">{t('ui.workshop.grid.incidents')}</span>
            <span class="su-ws-fig-value">
              {figures.openIncidents > 0 && <Icon name="warn" size={12} />}
              {figures.openIncidents}
            </span>
          </div>
        </div>
      )}
      <ul class="su-ws-card-people" aria-label={t('ui.workshop.grid.people')}>
        {members.length === 0 && <li class="su-muted">{t('ui.workshop.grid.nobody')}</li>}
        {members.map((s) => (
          <li key={s.seatId} class={s.connected ? undefined : 'su-ws-away'} title={s.connected ? undefined : t('ui.workshop.away')}>
            {s.name}
            {!s.connected && <span class="su-visually-hidden">{` (${t('ui.workshop.away')})`}</span>}
          </li>
        ))}
      </ul>
    </article>
  );
}
