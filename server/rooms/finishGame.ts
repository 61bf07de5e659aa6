// The end of a game: a result per team (the figures the debrief and the scoreboard need) and a
// replay (scenario, seed and log) are stored under short ids, and the room is marked finished.
import { randomBytes } from 'node:crypto';
import { teamResult, type TeamResultFigures } from '../../shared/sim';
import type { GameStore } from '../store/types';
import type { RoomSetup } from './gameSetup';
import type { Seats } from './seats';
import type { TeamSims } from './teamSims';

function shortId(): string {
  return randomBytes(6).toString('base64url');
}

/** A team's result: who played, and the figures the sim's view derives for the debrief. */
interface TeamResult extends TeamResultFigures {
  team: string;
  players: string[];
}

export interface GameResult {
  code: string;
  mode: string;
  scenario: string;
  seed: number;
  endedTick: number;
  teams: TeamResult[];
}

function gameResult(record: RoomSetup, sims: TeamSims, seats: Seats): GameResult {
  return {
    code: record.code,
    mode: record.mode,
    scenario: record.scenarioId,
    seed: record.seed,
    endedTick: sims.tick,
    teams: sims.teamIds.map((team) => ({ team, players: seats.members(team).map((seat) => seat.name), ...teamResult(sims.state(team)) })),
  };
}

export async function finishGame(
  store: GameStore,
  record: RoomSetup,
  sims: TeamSims,
  seats: Seats,
): Promise<{ resultId: string; replayId: string }> {
  const resultId = shortId();
  const replayId = shortId();
  await store.saveResult({
    id: resultId,
    roomId: record.id,
    mode: record.mode,
    scenarioId: record.scenarioId,
    result: gameResult(record, sims, seats),
  });
  await store.saveReplay({
    id: replayId,
    roomId: record.id,
    scenario: record.scenario,
    seed: record.seed,
    teams: [...sims.teamIds],
    // No copy of the log: the replay reads the room's own (a long game's log is large).
    finalTick: sims.tick,
    finalHashes: sims.hashes(),
  });
  await store.finishRoom(record.id);
  return { resultId, replayId };
}
