/**
 * What the DOM UI needs from the network layer: the stores it draws and the calls its buttons
 * make. `GameClient` has all of it; the dev pages' local game (client/dev/localGame.ts, a sim in
 * the page) has the same shape, so the UI can be looked at and tested without a server.
 */
import type { GameClient } from '../net/gameClient';

export type UiClient = Pick<
  GameClient,
  | 'status'
  | 'game'
  | 'history'
  | 'notices'
  | 'startSolo'
  | 'join'
  | 'hasSeat'
  | 'createMatch'
  | 'createWorkshop'
  | 'publicMatches'
  | 'playerName'
  | 'setPlayerName'
  | 'lobby'
  | 'instruct'
  | 'resumeLastGame'
  | 'leave'
  | 'send'
  | 'control'
  | 'dismiss'
  | 'campaign'
  | 'result'
  | 'replay'
> & {
  /** Set by the replay viewer's client: the game shown is a recording (no tutorial, no link to itself). */
  readonly replaying?: boolean;
  /** This browser's anonymous player id (absent where there is no server: the dev pages, a replay). */
  readonly profileId?: string;
};
