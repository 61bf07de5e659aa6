/**
 * The UI's root: the start screen (with the campaign map) until there is a game, then the game
 * screen; dialogs (a chapter's briefing, the concept cards) and notices over both.
 */
import { findChapter } from '../../shared/campaign';
import { Briefing } from './campaign/Briefing';
import { GameScreen } from './GameScreen';
import { ConceptDialog } from './concepts/ConceptDialog';
import { useStore } from './hooks';
import { Notices } from './notices/Notices';
import { SeatMoved } from './SeatMoved';
import { StartScreen } from './start/StartScreen';
import type { UiClient } from './uiClient';
import type { GameModel } from '../state/model';
import { uiState } from '../state/uiState';

export function App({ client }: { client: UiClient }) {
  const game = useStore(client.game);
  const status = useStore(client.status);
  const notices = useStore(client.notices);
  const ui = useStore(uiState);
  return (
    <>
      {game === null ? <StartScreen client={client} status={status} /> : <GameScreen client={client} game={game} status={status} />}
      {game !== null && status === 'replaced' && <SeatMoved client={client} />}
      <Notices notices={notices} client={client} />
      {game !== null && ui.briefing && <ChapterBriefing game={game} client={client} />}
      {ui.openConcept !== null && <ConceptDialog concept={ui.openConcept} />}
    </>
  );
}

function ChapterBriefing({ game, client }: { game: GameModel; client: UiClient }) {
  const chapter = findChapter(game.scenario);
  return chapter === null ? null : <Briefing chapter={chapter} client={client} clock={game.clock} />;
}
