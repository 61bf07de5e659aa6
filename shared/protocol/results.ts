/**
 * What the server stores and serves (GET /api/results/:id, /api/campaign/:profile) about finished
 * games and campaign progress: the shapes the client reads them in.
 */
import type { ChapterOutcome } from '../campaign/outcome';
import type { CommandEntry } from '../sim/commands/command';
import type { Scenario } from '../sim/core/scenario';
import type { TeamResultFigures } from '../sim/view/result';

/** A team's result: who played, the figures the sim's view derives, and a chapter's outcome. */
interface TeamResult extends TeamResultFigures {
  team: string;
  /** The name its captain or the instructor gave the team; null: its default name. Absent in older results. */
  name?: string | null;
  /** 1 for the first: by users served well, then profit (shared/protocol/ranking.ts); a bankrupt team after the others. */
  rank: number;
  players: string[];
  /** A campaign chapter's outcome for the team (stars, every goal); null outside the campaign. */
  chapter: ChapterOutcome | null;
}

export interface GameResult {
  code: string;
  mode: string;
  scenario: string;
  seed: number;
  endedTick: number;
  teams: TeamResult[];
  /** Display names by seat id: the command log names its players by seat. */
  seats: Record<string, string>;
  /** A workshop's instructor's seat id (their injected incidents are in the log under it); absent otherwise. */
  instructor?: string;
}

/** A stored result as GET /api/results/:id answers it. */
export interface ResultDocument {
  id: string;
  createdAt: string;
  result: GameResult;
}

/** A chapter on the campaign map, for one browser profile. */
export interface ChapterStanding {
  id: string;
  /** The most stars earned (0–3) and the best score (null: never finished). */
  stars: number;
  score: number | null;
  completed: boolean;
  /** The first chapter always; any other once the one before it is won. */
  unlocked: boolean;
}

/**
 * A replay: anyone can re-run it and must reach `finalHashes`. GET /api/replays/:id and the files
 * players save write it in the compact form (shared/replay/compact.ts), which reads back to exactly
 * this (shared/replay/readReplay.ts, which also reads files saved in this full form).
 */
export interface ReplayDocument {
  id: string;
  scenario: Scenario;
  seed: number;
  teams: string[];
  log: CommandEntry[];
  finalTick: number;
  /** hashState of each team at finalTick, by team id. */
  finalHashes: Record<string, string>;
  /**
   * The simulation's version the game ran under (SIM_VERSION); null for a replay stored before
   * replays said. Another version may re-run it differently: the hashes then tell.
   */
  version: number | null;
}

/** A public match waiting for players, as GET /api/matches lists it. */
export interface PublicMatch {
  code: string;
  scenario: string;
  teams: string[];
  /** Players in the room now, and the seats for players (4 per team). */
  players: number;
  capacity: number;
}
