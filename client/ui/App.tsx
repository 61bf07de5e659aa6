/**
 * The UI's root. Before a game: the start screen (with the campaign map), a match's setup (create,
 * the public list, join by code) or a workshop's setup, or the join page of a `/join/<code>` link.
 * In a game: a match's lobby while it waits, a workshop's console for its instructor, a
 * participant's waiting room before the instructor starts, else the game screen. A replay (from a
 * `/replay/<id>` link, a file picked or dropped) takes the page while it is open. The scenario
 * editor (`/editor`) is a screen before a game; a game started from it shows over it, and leaving
 * that game goes back to it. Dialogs (a chapter's briefing, the concept cards), the instructor's
 * hints and notices over all of them.
 */
import { useEffect, useState } from 'preact/hooks';
import { findChapter } from '../../shared/campaign';
import { ReplayDrop } from '../replay/ReplayOpen';
import { ReplayLinkPage, ReplayScreen } from '../replay/ReplayScreen';
import { activeReplay } from '../replay/viewer';
import { Briefing } from './campaign/Briefing';
import { EditorScreen } from './editor/EditorScreen';
import { EDITOR_PATH, editorOpen } from './editor/editorState';
import { GameScreen } from './GameScreen';
import { ConceptDialog } from './concepts/ConceptDialog';
import { useStore } from './hooks';
import { MatchLobby } from './lobby/MatchLobby';
import { MatchSetup } from './lobby/MatchSetup';
import { Notices } from './notices/Notices';
import { screenFor } from './screen';
import { SeatMoved } from './SeatMoved';
import { StartScreen } from './start/StartScreen';
import type { UiClient } from './uiClient';
import { HintBanner } from './workshop/HintBanner';
import { InstructorConsole } from './workshop/InstructorConsole';
import { JoinPage } from './workshop/JoinPage';
import { WorkshopSetup } from './workshop/WorkshopSetup';
import { WorkshopWaiting } from './workshop/WorkshopWaiting';
import type { ConnectionStatus, GameModel } from '../state/model';
import { uiState } from '../state/uiState';

export function App({
  client,
  joinCode: linked,
  replayId: linkedReplay = null,
}: {
  client: UiClient;
  joinCode: string | null;
  replayId?: string | null;
}) {
  const game = useStore(client.game);
  const replay = useStore(activeReplay);
  // A `/replay/<id>` link is followed once, like a join link: once it is open, leaving it is the start screen.
  const [replayId, setReplayId] = useState(linkedReplay);
  useEffect(() => {
    if (replay !== null) setReplayId(null);
  }, [replay !== null]);
  const status = useStore(client.status);
  const notices = useStore(client.notices);
  const ui = useStore(uiState);
  const editing = useStore(editorOpen);
  // The browser's back and forward buttons move in and out of the editor.
  useEffect(() => {
    const follow = () => editorOpen.set(location.pathname.replace(/\/$/, '') === EDITOR_PATH);
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  // A `/join/<code>` link is followed once: after that game (left, removed, over) the start screen.
  const [joinCode, setJoinCode] = useState(linked);
  useEffect(() => {
    if (game !== null) setJoinCode(null);
    // Large text was for that session's projector, not for the next screen.
    else uiState.update((u) => (u.projector ? { ...u, projector: false } : u));
  }, [game !== null]);
  // Projector mode scales the whole page's text (see ui.css, .su-projector).
  useEffect(() => {
    document.documentElement.classList.toggle('su-projector', ui.projector);
  }, [ui.projector]);
  return (
    <>
      {replay !== null ? (
        <ReplayScreen replay={replay} />
      ) : replayId !== null ? (
        <ReplayLinkPage client={client} id={replayId} onBack={() => setReplayId(null)} />
      ) : game === null ? (
        <BeforeGame client={client} status={status} joinCode={joinCode} view={editing ? 'editor' : ui.startView} />
      ) : (
        <InGame client={client} game={game} status={status} />
      )}
      {game !== null && status === 'replaced' && <SeatMoved client={client} />}
      {/* Hints are for the game: once it is over they would cover its end and its debrief. */}
      {game !== null && game.mode === 'workshop' && game.me.role !== 'instructor' && game.clock.phase !== 'finished' && (
        <HintBanner hints={game.hints} />
      )}
      <Notices notices={notices} client={client} />
      {/* A replay file dropped on the page opens outside a live game (it would leave that game); the editor takes its own files. */}
      <ReplayDrop client={client} enabled={game === null && !(editing && joinCode === null && replay === null && replayId === null)} />
      {game !== null && ui.briefing && <ChapterBriefing game={game} client={client} />}
      {ui.openConcept !== null && <ConceptDialog concept={ui.openConcept} />}
    </>
  );
}

function BeforeGame({
  client,
  status,
  joinCode,
  view,
}: {
  client: UiClient;
  status: ConnectionStatus;
  joinCode: string | null;
  view: 'home' | 'match' | 'workshop' | 'editor';
}) {
  if (joinCode !== null) return <JoinPage client={client} status={status} code={joinCode} />;
  if (view === 'editor') return <EditorScreen client={client} />;
  if (view === 'match') return <MatchSetup client={client} status={status} />;
  if (view === 'workshop') return <WorkshopSetup client={client} status={status} />;
  return <StartScreen client={client} status={status} />;
}

function InGame({ client, game, status }: { client: UiClient; game: GameModel; status: ConnectionStatus }) {
  switch (screenFor(game)) {
    case 'lobby':
      return <MatchLobby client={client} game={game} status={status} />;
    case 'console':
      return <InstructorConsole client={client} game={game} status={status} />;
    case 'waiting':
      return <WorkshopWaiting client={client} game={game} status={status} />;
    case 'game':
      return <GameScreen client={client} game={game} status={status} />;
  }
}

function ChapterBriefing({ game, client }: { game: GameModel; client: UiClient }) {
  const chapter = findChapter(game.scenario);
  return chapter === null ? null : <Briefing chapter={chapter} client={client} clock={game.clock} />;
}
