/**
 * What players do in a match's lobby and what a workshop's instructor does to the room, as zod
 * schemas. Like every client message, each is parsed with `safeParse` and a bad one is answered
 * with an `error` (a reason the client translates); the room checks who sent it (the lobby's
 * host, a team's captain, the instructor's seat) before it changes anything.
 */
import { z } from 'zod';
import { injectedIncidentSchema } from './commands';
import { shownText } from './text';

/** Client → server message names, beside `command` and `control`. */
export const ROOM_ACTION_MESSAGES = { lobby: 'lobby', instructor: 'instructor' } as const;

/** Team ids a match may have, in the order teams are added: 2 to 4 of them. */
export const MATCH_TEAMS = ['red', 'blue', 'green', 'gold'] as const;
export const MIN_MATCH_TEAMS = 2;
/** Players per match team (teams of 1–4). */
export const MATCH_TEAM_SIZE = 4;

/** Workshop teams: team-1 … team-12 (12 teams of 5 for a room of 60). */
export const MAX_WORKSHOP_TEAMS = 12;
export function workshopTeamIds(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `team-${i + 1}`);
}

/** How a workshop's participants get their team: the room balances them, or they choose. */
const PLACEMENTS = ['auto', 'choose'] as const;
export type Placement = (typeof PLACEMENTS)[number];

const teamId = z.string().regex(/^[a-z][a-z0-9-]{0,15}$/, 'a team id such as red');
const seatId = z.string().regex(/^[A-Za-z0-9_-]{4,16}$/, 'a seat id from the room state');
export const teamNameSchema = shownText(24);

/**
 * Lobby actions (a match while it waits; a workshop whose instructor lets participants choose):
 * pick or switch team, ready up, name one's team (its captain), and the host's number of teams.
 */
export const lobbyMessageSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('team'), team: teamId }).strict(),
  z.object({ action: z.literal('ready'), ready: z.boolean() }).strict(),
  z.object({ action: z.literal('team-name'), name: teamNameSchema }).strict(),
  z.object({ action: z.literal('teams'), count: z.number().int().min(MIN_MATCH_TEAMS).max(MATCH_TEAMS.length) }).strict(),
]);
export type LobbyMessage = z.infer<typeof lobbyMessageSchema>;

/** Longest hint an instructor may broadcast, per language. */
export const HINT_CHARS = 280;

/**
 * A hint for every participant: a concept card's lesson (both languages, from the client's
 * locales) and/or the instructor's own words in one or both languages (each participant reads
 * theirs, else the other).
 */
export const hintSchema = z
  .object({
    concept: z
      .string()
      .regex(/^[a-zA-Z]{1,40}$/)
      .optional(),
    en: shownText(HINT_CHARS, true).optional(),
    ko: shownText(HINT_CHARS, true).optional(),
  })
  .strict()
  .refine((hint) => hint.concept !== undefined || hint.en !== undefined || hint.ko !== undefined, 'a concept or a text');
export type Hint = z.infer<typeof hintSchema>;

/** What only a workshop's instructor may do (checked against the instructor's seat on the server). */
export const instructorMessageSchema = z.discriminatedUnion('action', [
  /** An incident in one team's system, or in every team's ('all'), at the next tick. */
  z.object({ action: z.literal('inject'), team: z.union([teamId, z.literal('all')]), incident: injectedIncidentSchema }).strict(),
  z.object({ action: z.literal('hint'), hint: hintSchema }).strict(),
  z.object({ action: z.literal('placement'), placement: z.enum(PLACEMENTS) }).strict(),
  /** Puts a participant on a team (before or during the game). */
  z.object({ action: z.literal('move'), seat: seatId, team: teamId }).strict(),
  /** Spreads every participant over the teams at random, evenly. */
  z.object({ action: z.literal('shuffle') }).strict(),
  /** Takes a participant out of the session for good (their id cannot sit again). */
  z.object({ action: z.literal('remove'), seat: seatId }).strict(),
  /** No new participants while locked; those with a seat still come back. */
  z.object({ action: z.literal('lock'), locked: z.boolean() }).strict(),
  /** A new join code; the old one no longer lets anyone new in. */
  z.object({ action: z.literal('rotate-code') }).strict(),
  /** Whether the clock pauses by itself while the instructor is away. */
  z.object({ action: z.literal('pause-on-drop'), enabled: z.boolean() }).strict(),
  z.object({ action: z.literal('team-name'), team: teamId, name: teamNameSchema }).strict(),
]);
export type InstructorMessage = z.infer<typeof instructorMessageSchema>;

/** Hints a room keeps on its wire state (a participant who reloads still reads the latest). */
export const HINTS_KEPT = 10;
