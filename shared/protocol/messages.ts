/**
 * Every message between a client and a game room, as zod schemas and names. The room parses
 * each incoming message with `safeParse` and answers a bad one with an `error` message (a reason
 * the client can translate) instead of dropping the connection: a student must not be kicked
 * for one malformed command.
 */
import { z } from 'zod';
import { REJECT_REASONS, type RejectReason } from '../sim';
import { playerCommandSchema } from './commands';
import { shownText } from './text';

/** Bumped when a message changes shape; a client with another version is told to reload. */
export const PROTOCOL_VERSION = 1;

export const ROOM_NAME = 'game';

const MODES = ['solo', 'match', 'workshop'] as const;
export type Mode = (typeof MODES)[number];

/** A room's phase: waiting for its start, running, or over (kept to look at and replay). */
export type Phase = 'waiting' | 'running' | 'finished';

export type Role = 'player' | 'captain' | 'instructor' | 'spectator';

/** Clock speeds; at 1× a tick (a simulated minute) takes a second, at 32× a simulated day takes 45 s. */
export const SPEEDS = [1, 2, 4, 8, 16, 32] as const;
export type Speed = (typeof SPEEDS)[number];

/** Client → server message names. */
export const CLIENT_MESSAGES = { command: 'command', control: 'control' } as const;
/** Server → client message names. */
export const SERVER_MESSAGES = {
  welcome: 'welcome',
  ack: 'ack',
  outcome: 'outcome',
  error: 'error',
  history: 'history',
  injected: 'injected',
} as const;

/** To the instructor: which teams an injected incident reached, and which skipped it and why. */
export interface InjectedMessage {
  applied: string[];
  skipped: Array<{ team: string; reason: ErrorReason }>;
}

/** Largest message the room reads, as JSON text; bigger ones are refused as oversize. */
export const MAX_MESSAGE_CHARS = 4096;

const sequence = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);

/**
 * How far ahead of the last accepted sequence number a command may be numbered. A client numbers
 * its commands one by one; a number far ahead (say 2³¹−1) would otherwise leave no number for
 * anything after it.
 */
export const MAX_SEQUENCE_AHEAD = 1000;

const teamId = z.string().regex(/^[a-z][a-z0-9-]{0,15}$/, 'a team id such as red');

/**
 * A game command with the sender's sequence number (per player, increasing; resent after a drop).
 * The team is the sender's own; a client may name it, and a command naming another team is
 * refused as not-your-team.
 */
export const commandMessageSchema = z.object({ seq: sequence, command: playerCommandSchema, team: teamId.optional() }).strict();

/** Clock and room control: who may send which depends on the mode and the role. */
export const controlMessageSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start') }).strict(),
  z.object({ action: z.literal('pause') }).strict(),
  z.object({ action: z.literal('resume') }).strict(),
  z.object({ action: z.literal('end') }).strict(),
  z
    .object({
      action: z.literal('speed'),
      speed: z.union(SPEEDS.map((s) => z.literal(s)) as [z.ZodLiteral<Speed>, z.ZodLiteral<Speed>, ...z.ZodLiteral<Speed>[]]),
    })
    .strict(),
]);
export type ControlMessage = z.infer<typeof controlMessageSchema>;

const displayName = shownText(32);
/** The anonymous id a browser keeps for its player (a random UUID or similar). */
const playerIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'an anonymous player id of 8–64 letters, digits, - or _');
/** The secret a room issued with a seat (welcome.seatToken); needed with the player id to sit there again. */
const seatTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'a seat token as the room issued it');

/** What a client sends when it creates or joins a room. */
export const joinOptionsSchema = z
  .object({
    playerId: playerIdSchema,
    name: displayName.optional(),
    /** Preferred team (match: the team picked in the lobby); the room may balance otherwise. */
    team: teamId.optional(),
    /** 'spectator' to watch a match; 'instructor' only when creating a workshop. */
    role: z.enum(['player', 'spectator', 'instructor']).optional(),
    /** The seat token this browser keeps for this room, when it has sat here before. */
    seatToken: seatTokenSchema.optional(),
    /** Only back into this player's own seat (a reload, a rejoin after a restart): never a new seat. */
    resume: z.literal(true).optional(),
    /**
     * The join code as typed (it may be a workshop's newer code): a new seat in a room whose code
     * was changed needs the current one.
     */
    code: z
      .string()
      .regex(/^[A-Z0-9]{6}$/)
      .optional(),
    protocol: z.number().int().optional(),
  })
  .strict();
export type JoinOptions = z.infer<typeof joinOptionsSchema>;

/** What the creator of a room chooses (plus its own join options). */
export const createOptionsSchema = joinOptionsSchema.extend({
  mode: z.enum(MODES),
  scenario: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .default('sandbox'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  /** Team ids for matches (2–4) and workshops (1–12); solo has one team. */
  teams: z.array(teamId).min(1).max(12).optional(),
  /** Public matches are listed in the lobby; solo rooms and workshops are not. */
  public: z.boolean().optional(),
  /** How long the game lasts, in simulated minutes (default: the scenario's own); 1 hour to 7 days. */
  durationTicks: z
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 60)
    .optional(),
  /** Workshops: whether participants are placed by the room (default) or choose their team. */
  placement: z.enum(['auto', 'choose']).optional(),
  /** Workshops: whether the clock pauses while the instructor is away (default yes). */
  pauseOnDrop: z.boolean().optional(),
});
export type CreateOptions = z.infer<typeof createOptionsSchema>;

/** Reasons the room itself gives, beside the sim's own (REJECT_REASONS). */
const ROOM_REASONS = [
  'malformed',
  'unknown-message',
  'oversize',
  'rate-limited',
  'not-your-team',
  'not-allowed',
  'not-running',
  'storage-failed',
  'out-of-sequence',
  'seat-taken-over',
  /** A match's start while a team has no player or a player is not ready. */
  'not-ready',
  /** An instructor's action naming a seat the room does not have. */
  'no-such-seat',
  /** Fewer teams while a team to go still has players. */
  'team-has-players',
  /** A lobby action once the game has started (teams are set). */
  'lobby-closed',
  /** Sent to a participant the instructor removed, just before the connection is closed. */
  'removed',
  /** Every forecast worker is busy with other players' forecasts: ask again in a moment. */
  'forecast-busy',
  /** The forecast could not be computed (logged on the server). */
  'forecast-failed',
] as const;
type RoomReason = (typeof ROOM_REASONS)[number];
export type ErrorReason = RoomReason | RejectReason | Extract<JoinReason, 'team-full' | 'no-such-team'>;

/**
 * Why a room could not be created (the message of the error the SDK's create rejects with). The
 * matchmaking route answers them with HTTP status 400 (503 for `no-free-code`).
 */
const CREATE_REASONS = [
  /** The creator's options are not a room's (wrong mode, a field too long, an unknown field…). */
  'invalid-create',
  /** The creator asked for a scenario the server does not have. */
  'unknown-scenario',
  /** The creator named the same team twice. */
  'duplicate-team',
  /** No join code was free after several tries (nearly every code in use). */
  'no-free-code',
  /** A campaign chapter whose previous chapter this browser's profile has not won yet. */
  'chapter-locked',
] as const;
export type CreateReason = (typeof CREATE_REASONS)[number];

/**
 * Why a room refused a join or could not be created (the message of the error the SDK's join or
 * create rejects with). Clients translate them like the other reasons.
 */
export const JOIN_REASONS = [
  'invalid-join',
  'room-full',
  'team-full',
  'no-such-team',
  'team-chosen-by-room',
  'role-not-available',
  'seat-taken',
  'no-seat',
  /** The workshop takes no new participants (its instructor locked it); seats are kept. */
  'room-locked',
  /** A new seat with a join code the room no longer uses (its instructor changed it). */
  'code-expired',
  /** This player was removed from the session by its instructor. */
  'removed',
  /** A new player for a match that has started (its teams are set; spectators may still come). */
  'match-started',
  ...CREATE_REASONS,
] as const;
export type JoinReason = (typeof JOIN_REASONS)[number];
/** A join or create refusal: a join reason, or the store refusing a new room (a room reason too). */
export type JoinRefusal = JoinReason | Extract<RoomReason, 'storage-failed'>;

/**
 * What the server's HTTP side answers matchmaking requests with before they reach a room (the
 * `error` of a `{ code, error }` body, which the SDK rejects with as the error's message).
 */
export type MatchmakingRefusal = 'rate-limited' | 'origin-not-allowed' | 'body-too-large';

export const ERROR_REASONS: readonly (ErrorReason | JoinReason)[] = [...new Set([...ROOM_REASONS, ...REJECT_REASONS, ...JOIN_REASONS])];

/** Close code of a connection whose seat another connection took over (it must not reconnect). */
export const CLOSE_SEAT_TAKEN_OVER = 4101;
/** Close code of a participant the instructor removed (it must not reconnect). */
export const CLOSE_REMOVED = 4102;
/**
 * Close code of a connection whose seat changed team (a lobby switch, the instructor's move): the
 * client joins again at once and receives its new team's system from scratch.
 */
export const CLOSE_MOVED = 4103;

export interface WelcomeMessage {
  protocol: number;
  code: string;
  mode: Mode;
  team: string | null;
  role: Role;
  /** The public id of this client's seat (the key in `seats` and in the command log). */
  seatId: string;
  /**
   * The secret to keep for coming back to this seat (join option `seatToken`), sent once, when the
   * seat is made; null when the client already holds it.
   */
  seatToken: string | null;
  /** The next sequence number the server expects from this player (after a rejoin). */
  nextSeq: number;
}
/** The command was stored in the log and will be applied at `tick`. */
export interface AckMessage {
  seq: number;
  tick: number;
}
/** What the sim did with a logged command at its tick. */
export interface OutcomeMessage {
  seq: number;
  tick: number;
  ok: boolean;
  reason: RejectReason | null;
  createdId: string | null;
}
export interface ErrorMessage {
  reason: ErrorReason;
  /** The refused command's sequence number, when there was one. */
  seq: number | null;
  /** Which message type was refused. */
  type: string;
  /** A developer-facing detail (the zod issue path), never shown as is. */
  detail: string;
}
