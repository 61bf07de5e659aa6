// The end of a game: a result per team (the figures the debrief and the scoreboard need) and a
// replay (scenario, seed and log) are stored under short ids, and the room is marked finished.
import { randomBytes } from 'node:crypto';
import { chapterOutcome, findChapter } from '../../shared/campaign';
import type { GameResult } from '../../shared/protocol/results';
import { rankScores } from '../../shared/protocol/ranking';
import { SIM_VERSION, teamResult, teamScore } from '../../shared/sim';
import type { GameStore } from '../store/types';
import { roomSettings, type RoomSetup } from './gameSetup';
import type { Seats } from './seats';
import type { TeamSims } from './teamSims';

function shortId(): string {
  return randomBytes(6).toString('base64url');
}

/** What the room's session adds to a result: the teams' names and the names of seats no longer in the room. */
export interface ResultNames {
  teamNames: ReadonlyMap<string, string>;
  /** Seats the instructor removed, by seat id: the log still names them. */
  formerSeats: Readonly<Record<string, string>>;
}

function gameResult(record: RoomSetup, sims: TeamSims, seats: Seats, names: ResultNames): GameResult {
  const chapter = findChapter(record.scenarioId);
  // A team nobody played (a workshop team left empty) ranks after every team that did.
  const played = (team: string) => seats.members(team).length > 0;
  const rank = (teams: readonly string[]) =>
    rankScores(teams.map((team) => ({ team, ...teamScore(sims.state(team)) }))).map((line) => line.team);
  const ranked = [...rank(sims.teamIds.filter(played)), ...rank(sims.teamIds.filter((team) => !played(team)))];
  return {
    code: record.code,
    mode: record.mode,
    scenario: record.scenarioId,
    seed: record.seed,
    endedTick: sims.tick,
    teams: sims.teamIds.map((team) => ({
      team,
      name: names.teamNames.get(team) ?? null,
      rank: ranked.indexOf(team) + 1,
      players: seats.members(team).map((seat) => seat.name),
      ...teamResult(sims.state(team)),
      chapter: chapter === null ? null : chapterOutcome(chapter, sims.state(team)),
    })),
    seats: { ...names.formerSeats, ...Object.fromEntries(seats.all().map((seat) => [seat.seatId, seat.name])) },
    ...instructorOf(seats),
  };
}

function instructorOf(seats: Seats): { instructor?: string } {
  const instructor = seats.all().find((seat) => seat.role === 'instructor');
  return instructor === undefined ? {} : { instructor: instructor.seatId };
}

export async function finishGame(
  store: GameStore,
  record: RoomSetup,
  sims: TeamSims,
  seats: Seats,
  names: ResultNames,
): Promise<{ resultId: string; replayId: string; result: GameResult }> {
  const resultId = shortId();
  const replayId = shortId();
  const result = gameResult(record, sims, seats, names);
  await store.saveResult({ id: resultId, roomId: record.id, mode: record.mode, scenarioId: record.scenarioId, result });

  await store.saveReplay({
    id: replayId,
    roomId: record.id,
    scenario: record.scenario,
    seed: record.seed,
    teams: [...sims.teamIds],
    // No copy of the log: the replay reads the room's own (a long game's log is large).
    finalTick: sims.tick,
    finalHashes: sims.hashes(),
    version: SIM_VERSION,
  });
  await store.finishRoom(record.id);
  return { resultId, replayId, result };
}

/**
 * Saves a finished solo chapter to the campaign progress of the browser profile that started it
 * (the room's creator); nothing for other games, nor for a chapter ended before its time.
 */
export async function saveChapterProgress(store: GameStore, record: RoomSetup, result: GameResult, seats: Seats): Promise<void> {
  const outcome = result.teams[0]?.chapter;
  // A chapter ended before its time (the player's `end`, everyone gone) was not finished: it counts for nothing.
  if (record.mode !== 'solo' || outcome == null || outcome.status === 'running') return;
  const creator = roomSettings(record).creator;
  // The profile is written in the background when its player sits down; if that write was lost,
  // progress (which belongs to a profile) must not be lost with it.
  if ((await store.getProfile(creator)) === null) {
    await store.upsertProfile(creator, seats.all().find((seat) => seat.playerId === creator)?.name ?? 'Player');
  }
  await store.saveProgress(creator, record.scenarioId, {
    score: outcome.score,
    stars: outcome.stars,
    completed: outcome.status === 'won',
  });
}
