/**
 * What the game keeps, behind one interface with two implementations: SQLite through Node's
 * built-in `node:sqlite` (the default, a file under data/) and PostgreSQL when DATABASE_URL is
 * set. Every method is async so that both fit; SQLite answers at once.
 */
import type { ReplayDocument } from '../../shared/protocol/results';
import type { CommandEntry, Scenario } from '../../shared/sim';

export type GameMode = 'solo' | 'match' | 'workshop';
export type RoomStatus = 'running' | 'finished';

/** A player as the browser knows them: an anonymous id it keeps, and a display name. */
export interface Profile {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

/** One campaign chapter's best result for a profile. */
export interface ChapterProgress {
  chapter: string;
  /** The best score (ChapterOutcome.score in shared/campaign/outcome.ts). */
  score: number;
  /** The most stars earned (0–3). */
  stars: number;
  completed: boolean;
  updatedAt: string;
}

/** One finished attempt at a chapter, as saveProgress takes it. */
export interface ChapterAttempt {
  score: number;
  stars: number;
  completed: boolean;
}

/** Everything needed to rebuild a room's simulations: the event log's header. */
export interface RoomRecord {
  /** Unique for ever (codes are reused once a room has ended). */
  id: string;
  /** The short join code players type. */
  code: string;
  mode: GameMode;
  scenarioId: string;
  scenario: Scenario;
  seed: number;
  /** The room's settings as created (teams, speed, reconnection time…), JSON. */
  settings: unknown;
  status: RoomStatus;
  createdAt: string;
  endedAt: string | null;
}

/** A snapshot of every team's simulation at one tick, with its state hash. */
export interface SnapshotRecord {
  tick: number;
  /** hashState of each team's state, by team id. */
  hashes: Record<string, string>;
  /** Each team's SimState, by team id (plain JSON). */
  states: Record<string, unknown>;
  /** The room's own state beside the simulations (seats, clock), JSON; null when not kept. */
  room: unknown;
}

/** A stored snapshot as read back: the record, or why its row could not be read. */
export type StoredSnapshot = { tick: number; snapshot: SnapshotRecord } | { tick: number; error: Error };

/** How many snapshots a room keeps: the newest, and one before it in case the newest cannot be read. */
export const SNAPSHOTS_KEPT = 2;

export interface ResultRecord {
  id: string;
  roomId: string;
  mode: GameMode;
  scenarioId: string;
  createdAt: string;
  /** The result document (teams, scores, figures), JSON. */
  result: unknown;
}

/** A replay anyone can open (scenario, seed, the command log, the hashes it must reach), and its room. */
export interface ReplayRecord extends ReplayDocument {
  roomId: string;
  createdAt: string;
}

/** A scenario written in the editor and saved on the server: the document exactly as it was sent. */
export interface SavedScenario {
  id: string;
  /** The browser profile that saved it (its list of saved scenarios). */
  profileId: string;
  /** The document's `name`, for lists (read from the document when it is saved). */
  name: { en: string; ko: string };
  /** The scenario document as JSON text, exactly as sent (a file saved from it is the same file). */
  document: string;
  createdAt: string;
}

export interface GameStore {
  readonly kind: 'sqlite' | 'postgres';

  upsertProfile(id: string, name: string): Promise<Profile>;
  getProfile(id: string): Promise<Profile | null>;
  /** Keeps the best score and the most stars per chapter; `completed` once true stays true. */
  saveProgress(profileId: string, chapter: string, attempt: ChapterAttempt): Promise<void>;
  listProgress(profileId: string): Promise<ChapterProgress[]>;

  createRoom(room: Omit<RoomRecord, 'status' | 'createdAt' | 'endedAt'>): Promise<void>;
  getRoom(id: string): Promise<RoomRecord | null>;
  /** Rooms whose process may have died with them: status 'running'. */
  runningRooms(): Promise<RoomRecord[]>;
  finishRoom(id: string): Promise<void>;
  /** Replaces a room's settings (a match's teams chosen in its lobby, before anything was played). */
  updateRoomSettings(id: string, settings: unknown): Promise<void>;
  /**
   * Appends one accepted command to a room's log. 'duplicate' when the same player already sent
   * this sequence number (a client resending after a reconnect): nothing is written.
   */
  appendCommand(roomId: string, entry: CommandEntry): Promise<'appended' | 'duplicate'>;
  /** A room's log in append order; with `fromTick`, only entries stamped at or after it. */
  listCommands(roomId: string, fromTick?: number): Promise<CommandEntry[]>;
  /** The highest sequence number stored per player of a room (to answer duplicates after a restart). */
  lastSequences(roomId: string): Promise<Record<string, number>>;
  /** Stores a snapshot and prunes all but the newest SNAPSHOTS_KEPT. */
  saveSnapshot(roomId: string, snapshot: SnapshotRecord): Promise<void>;
  latestSnapshot(roomId: string): Promise<SnapshotRecord | null>;
  /** The snapshots kept, newest first; a row that cannot be parsed comes back as its error. */
  recentSnapshots(roomId: string): Promise<StoredSnapshot[]>;

  saveResult(result: Omit<ResultRecord, 'createdAt'>): Promise<void>;
  getResult(id: string): Promise<ResultRecord | null>;
  /**
   * Stores a replay. Without `log`, the replay refers to its room's own command log instead of
   * copying it (read back by getReplay): the end of a long game then writes a few bytes.
   */
  saveReplay(replay: Omit<ReplayRecord, 'createdAt' | 'log'> & { log?: CommandEntry[] }): Promise<void>;
  getReplay(id: string): Promise<ReplayRecord | null>;

  /** Stores a saved scenario (ids are never reused: a scenario once saved stays as it was). */
  saveScenario(scenario: Omit<SavedScenario, 'createdAt'>): Promise<void>;
  getScenario(id: string): Promise<SavedScenario | null>;
  /** A profile's saved scenarios, newest first, without their documents. */
  listScenarios(profileId: string, limit: number): Promise<Array<Omit<SavedScenario, 'document'>>>;
  /** How many scenarios a profile has saved (the server caps it). */
  countScenarios(profileId: string): Promise<number>;

  /** Throws when the database cannot answer (for /healthz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
