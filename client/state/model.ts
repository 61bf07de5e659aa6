/**
 * What the client knows about its game, as plain data: the network layer (gameClient.ts) fills
 * it from the room's wire state, the DOM UI and the Phaser scene read it. A team is the sim's own
 * TeamView shape (shared/sim/view/types.ts), rebuilt from the schema, so the UI speaks the same
 * language as the simulation and its tests.
 */
import type { Mode, Phase, Role, Speed } from '../../shared/protocol/messages';
import type { TeamScore, TeamView } from '../../shared/sim';

/** `replaced`: this seat was opened in another tab or on another device, which plays now. */
export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'offline' | 'replaced';

export interface ClockModel {
  tick: number;
  phase: Phase;
  paused: boolean;
  speed: Speed;
  /** Whether this room lets its clock be paused and sped up (solo, workshop). */
  adjustable: boolean;
}

interface SeatModel {
  seatId: string;
  name: string;
  team: string | null;
  role: Role;
  connected: boolean;
}

export interface GameModel {
  code: string;
  mode: Mode;
  scenario: string;
  clock: ClockModel;
  /** This client's seat. */
  me: { team: string | null; role: Role };
  seats: SeatModel[];
  teamIds: string[];
  /** The teams this client may see, by id (its own; every team for instructors and spectators). */
  teams: Record<string, TeamView>;
  resultId: string | null;
  replayId: string | null;
  /** A campaign chapter's goal values so far, by team (in the chapter's goal order); empty outside the campaign. */
  goalValues: Record<string, number[]>;
  /** Matches and workshops: every team's score so far, in team order (empty in solo). */
  scoreboard: Array<TeamScore & { team: string }>;
}

/** One point per tick for the charts; null where the team's monitoring does not show it. */
export type { HistoryPoint } from '../../shared/protocol/history';

/** A short message for the player: a refused command, a reconnection… `key` is an i18n key. */
export interface Notice {
  id: number;
  kind: 'error' | 'info';
  key: string;
  params?: Record<string, string | number>;
}
