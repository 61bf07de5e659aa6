/**
 * The page's replay, if one is open: opened from a `/replay/<id>` link (the server's copy), from a
 * file picked on the start screen or dropped on the page. While one is open the UI shows it
 * instead of the start screen (App.tsx), and the diagram draws it (`diagramClient`); leaving it
 * goes back to the start screen, at the address `/`.
 */
import type { ReplayDocument } from '../../shared/protocol/results';
import { BadReplayError } from '../../shared/replay/readReplay';
import { stageRect, type StageRect } from '../state/stageRect';
import { Store } from '../state/store';
import { uiState } from '../state/uiState';
import type { UiClient } from '../ui/uiClient';
import type { DiagramClient } from '../view/DiagramScene';
import { scrubBackend } from './backend';
import { ReplayClient, type ReplaySource } from './replayClient';
import { readReplayFile, type ReplayFileError } from './replayFile';

/** The replay on screen, or null. */
export const activeReplay = new Store<ReplayClient | null>(null);

/** CSS pixels the scrub bar takes at the bottom of the stage, with its margins (0: no bar shown). */
export const scrubBarSpace = new Store(0);

/** Opening a replay: in progress, or why it failed (shown by the page until dismissed). */
export type OpenState =
  { status: 'idle' } | { status: 'opening' } | { status: 'failed'; error: ReplayFileError | 'notFound'; detail: string };

export const replayOpening = new Store<OpenState>({ status: 'idle' });

/** The replay id of a `/replay/<id>` address (the server's short ids), or null. */
export function replayIdFromPath(path: string): string | null {
  const match = /^\/replay\/([A-Za-z0-9_-]{4,32})\/?$/.exec(path);
  return match === null ? null : (match[1] as string);
}

/** The address that opens a stored replay in the game page. */
export function replayLink(origin: string, id: string): string {
  return `${origin}/replay/${encodeURIComponent(id)}`;
}

function leaveReplayAddress(): void {
  if (typeof location !== 'undefined' && replayIdFromPath(location.pathname) !== null) history.replaceState(null, '', '/');
}

/** Shows `replay` (closing any replay shown before), following its first team. */
function show(live: UiClient, replay: ReplayDocument, source: ReplaySource): ReplayClient {
  activeReplay.get()?.close();
  // The interface's picks belong to the game they were made in.
  uiState.update((u) => ({ ...u, selected: null, connectingFrom: null, watchedTeam: null, briefing: false }));
  const client: ReplayClient = new ReplayClient(replay, source, live, scrubBackend(), () => {
    if (activeReplay.get() !== client) return;
    activeReplay.set(null);
    uiState.update((u) => ({ ...u, selected: null, connectingFrom: null, briefing: false }));
    leaveReplayAddress();
  });
  activeReplay.set(client);
  void client.selectTeam(replay.teams[0] as string);
  return client;
}

/** Opens a replay file the player picked or dropped; false (and the reason in `replayOpening`) when it is not one. */
export async function openReplayFile(live: UiClient, file: File): Promise<boolean> {
  replayOpening.set({ status: 'opening' });
  const parsed = await readReplayFile(file);
  if (!parsed.ok) {
    replayOpening.set({ status: 'failed', error: parsed.error, detail: parsed.detail });
    return false;
  }
  replayOpening.set({ status: 'idle' });
  // A file is not the server's replay of that id, whatever the address says.
  leaveReplayAddress();
  show(live, parsed.replay, { kind: 'file', name: file.name });
  return true;
}

/** Opens the server's stored replay `id` (a `/replay/<id>` link); the client's API has read and checked it. */
export async function openServerReplay(live: UiClient, id: string): Promise<boolean> {
  replayOpening.set({ status: 'opening' });
  let replay: ReplayDocument | null;
  try {
    replay = await live.replay(id);
  } catch (error) {
    const bad = error instanceof BadReplayError;
    replayOpening.set({ status: 'failed', error: bad ? error.problem : 'notReplay', detail: bad ? error.detail : String(error) });
    return false;
  }
  if (replay === null) {
    replayOpening.set({ status: 'failed', error: 'notFound', detail: id });
    return false;
  }
  replayOpening.set({ status: 'idle' });
  show(live, replay, { kind: 'server' });
  return true;
}

/**
 * What the diagram reads: the open replay's game while there is one, else the live game's. The
 * diagram is made once for the page, so it gets this one client that follows both.
 */
export function diagramClient(live: DiagramClient): DiagramClient {
  const game = new Store(live.game.get());
  let following: (() => void) | null = null;
  const update = () => game.set(activeReplay.get()?.game.get() ?? live.game.get());
  live.game.subscribe(() => {
    if (activeReplay.get() === null) update();
  });
  activeReplay.subscribe((replay) => {
    following?.();
    following = replay === null ? null : replay.game.subscribe(update);
    update();
  });
  return { game, send: (command) => (activeReplay.get() ?? live).send(command) };
}

/**
 * The part of the page the diagram fits into: the stage the panels leave, less the scrub bar along
 * its bottom while a replay is shown (the bar would otherwise cover the lowest tiers).
 */
export function diagramStage(): Store<StageRect> {
  const stage = new Store<StageRect>(stageRect.get());
  const update = () => {
    const rect = stageRect.get();
    const space = activeReplay.get() === null ? 0 : scrubBarSpace.get();
    stage.set({ ...rect, height: Math.max(0, rect.height - space) });
  };
  stageRect.subscribe(update);
  scrubBarSpace.subscribe(update);
  activeReplay.subscribe(update);
  return stage;
}
