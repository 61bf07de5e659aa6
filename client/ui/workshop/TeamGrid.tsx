/** Every team of the workshop as a card (TeamCard), in room order: up to 12, scrolling when they do not fit. */
import type { GameModel } from '../../state/model';
import type { Goals } from '../header/headerFigures';
import type { UiClient } from '../uiClient';
import { TeamCard } from './TeamCard';

export function TeamGrid({
  client,
  game,
  goals,
  regions,
  onOpen,
}: {
  client: UiClient;
  game: GameModel;
  goals: Goals;
  regions: readonly string[];
  onOpen: (team: string) => void;
}) {
  return (
    <div class="su-ws-grid" data-teams={game.teamIds.length}>
      {game.teamIds.map((id) => (
        <TeamCard
          key={id}
          client={client}
          game={game}
          teamId={id}
          team={game.teams[id]}
          score={game.scoreboard.find((line) => line.team === id)}
          goals={goals}
          regions={regions}
          onOpen={() => onOpen(id)}
        />
      ))}
    </div>
  );
}
