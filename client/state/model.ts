/**
 * What the client knows about its game, as plain data: the network layer (gameClient.ts) fills
 * it from the room's wire state, the DOM UI and the Phaser scene read it. A team is the sim's own
 * TeamView shape (shared/sim/view/types.ts), rebuilt from the schema, so the UI speaks the same
 * language as the simulation and its tests.
 */
import type { Mode, Phase, Role, Speed } from '../../shared/protocol/messages';
import type { Placement } from '../../shared/protocol/roomActions';
import type { TeamScore, TeamView } from '../../shared/sim';

/** `replaced`: this seat was opened in another tab or on another device, which plays now. */
export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'offline' | 'replaced';

export interface ClockModel {
  tick: number;
  phase: Phase;
  paused: boolean;
  speed: Speed;
  /** Whether this client may pause and speed up the clock (a solo player; a workshop's instructor). */
  adjustable: boolean;
  /** Why the room paused by itself (the instructor's connection dropped), or null. */
  pauseReason: 'instructor-away' | null;
}

export interface SeatModel {
  seatId: string;
  name: string;
  team: string | null;
  role: Role;
  connected: boolean;
  /** A match's lobby: whether the player said they are ready. */
  ready: boolean;
}

/** A hint the workshop's instructor broadcast. */
export interface HintModel {
  tick: number;
  concept: string | null;
  en: string | null;
  ko: string | null;
}

export interface GameModel {
  code: string;
  mode: Mode;
  scenario: string;
  clock: ClockModel;
  /** This client's seat. */
  me: MySeat;
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
  /** The seat that runs the room: a match's host, a workshop's instructor (null in solo). */
  host: string | null;
  /** Names teams were given, by team id (a team without one has its default name). */
  teamNames: Record<string, string>;
  /** How long the game lasts, in ticks. */
  durationTicks: number;
  /** Workshops: closed to new participants; how participants get a team; pause when the instructor drops. */
  locked: boolean;
  placement: Placement;
  pauseOnDrop: boolean;
  /** Workshops: the instructor's latest hints, oldest first. */
  hints: HintModel[];
}

/** Who this client is in the room (from the room's welcome). */
export interface MySeat {
  team: string | null;
  role: Role;
  /** Public seat id ('' before the welcome). */
  seatId: string;
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
