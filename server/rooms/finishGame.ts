// The end of a game: a result per team (the figures the debrief and the scoreboard need) and a
// replay (scenario, seed and log) are stored under short ids, and the room is marked finished.
import { randomBytes } from 'node:crypto';
import { checklistScore } from '../../shared/sim';
import type { RoomRecord } from '../store/types';
import type { RoomServices } from './roomServices';
import type { Seats } from './seats';
import type { TeamSims } from './teamSims';

export function shortId(): string {
  return randomBytes(6).toString('base64url');
}

export interface TeamResult {
  team: string;
  players: string[];
  money: number;
  dau: number;
  peakDau: number;
  availability: number;
  p95LatencyMs: number;
  revenue: number;
  spent: number;
  requests: number;
  failedRequests: number;
  checklist: number;
  gameOver: string | null;
}

export interface GameResult {
  code: string;
  mode: string;
  scenario: string;
  seed: number;
  endedTick: number;
  teams: TeamResult[];
}

export function gameResult(record: Omit<RoomRecord, 'status' | 'createdAt' | 'endedAt'>, sims: TeamSims, seats: Seats): GameResult {
  return {
    code: record.code,
    mode: record.mode,
    scenario: record.scenarioId,
    seed: record.seed,
    endedTick: sims.tick,
    teams: sims.teamIds.map((team) => {
      const state = sims.state(team);
      const totals = state.totals;
      return {
        team,
        players: seats.members(team).map((seat) => seat.name),
        money: state.money,
        dau: state.summary.dau,
        peakDau: totals.peakDau,
        availability: totals.requests > 0 ? totals.goodRequests / totals.requests : 1,
        p95LatencyMs: state.summary.p95LatencyMs,
        revenue: totals.revenue,
        spent: totals.spent,
        requests: totals.requests,
        failedRequests: totals.failedRequests,
        checklist: checklistScore(state).score,
        gameOver: state.gameOver?.reason ?? null,
      };
    }),
  };
}

export async function finishGame(
  services: RoomServices,
  record: Omit<RoomRecord, 'status' | 'createdAt' | 'endedAt'>,
  sims: TeamSims,
  seats: Seats,
): Promise<{ resultId: string; replayId: string }> {
  const { store } = services;
  const resultId = shortId();
  const replayId = shortId();
  await store.saveResult({ id: resultId, roomId: record.id, mode: record.mode, scenarioId: record.scenarioId, result: gameResult(record, sims, seats) });
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
