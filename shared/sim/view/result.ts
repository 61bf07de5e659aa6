/**
 * The figures a team's game ends with, derived here once for every place that shows them: the
 * stored result behind the scoreboard, the debrief and the CSV export (teamResult, from the
 * state: results are not fogged), and the end-of-game summary and goals panel of the client
 * (peakDailyUsers, from what the team's view shows).
 */
import { checklistScore } from '../rules/checklist';
import type { SimState } from '../core/state';
import type { TeamView } from './types';
import { figure, share, whole } from './figures';

/** One team's result, in full precision: a record to sort and compare, formatted where shown. */
export interface TeamResultFigures {
  money: number;
  /** Daily active users at the end, and the most there were at any tick. */
  dau: number;
  peakDau: number;
  /** Share of all the game's requests served well (within the latency objective); 1 with none. */
  availability: number;
  /** Users' p95 latency at the end, ms. */
  p95LatencyMs: number;
  /** Money earned and spent over the whole game. */
  revenue: number;
  spent: number;
  /** Users' requests over the whole game, and those that failed. */
  requests: number;
  failedRequests: number;
  /** Share of the scaling checklist met (checklist.ts), 0–1. */
  checklist: number;
  /** How the game ended for the team; null if it was still running. */
  gameOver: 'bankrupt' | 'finished' | null;
}

/** The team's result from its final state. */
export function teamResult(state: SimState): TeamResultFigures {
  const totals = state.totals;
  return {
    money: state.money,
    dau: state.summary.dau,
    peakDau: totals.peakDau,
    // Over the whole game, not the last tick's figure: a result answers "how did it go".
    availability: totals.requests > 0 ? totals.goodRequests / totals.requests : 1,
    p95LatencyMs: state.summary.p95LatencyMs,
    revenue: totals.revenue,
    spent: totals.spent,
    requests: totals.requests,
    failedRequests: totals.failedRequests,
    checklist: checklistScore(state).score,
    gameOver: state.gameOver?.reason ?? null,
  };
}

/**
 * The highest daily users a team knows it reached. With business metrics, the sim's own peak
 * (exact, every tick counted, even before the feature was bought); without, the exact peak is
 * hidden, so the highest rough figure the client saw (its chart history) or today's, whichever
 * is higher.
 */
export function peakDailyUsers(view: Pick<TeamView, 'users' | 'business'>, seen: readonly { dau: number }[]): number {
  const exact = view.business?.peakDau;
  if (exact !== undefined) return exact;
  return seen.reduce((peak, point) => Math.max(peak, point.dau), view.users.dau);
}

/** A team's line of a live scoreboard: the figures of its result so far, and its incidents. */
export interface TeamScore {
  peakDau: number;
  availability: number;
  profit: number;
  incidents: number;
  recovered: number;
  gameOver: 'bankrupt' | 'finished' | null;
}

export function teamScore(state: SimState): TeamScore {
  const result = teamResult(state);
  return {
    peakDau: result.peakDau,
    availability: result.availability,
    profit: result.revenue - result.spent,
    incidents: state.incidents.length,
    recovered: state.incidents.filter((incident) => incident.recoveredTick !== null).length,
    gameOver: result.gameOver,
  };
}

/**
 * A score as the live scoreboard sends it, rounded like every figure a player reads (users whole,
 * availability to SHARE_DECIMALS, profit to FIGURE_DIGITS significant figures): a line then changes only
 * when what it shows changes, instead of every tick in the last bit of a double.
 */
export function shownScore(score: TeamScore): TeamScore {
  return { ...score, peakDau: whole(score.peakDau), availability: share(score.availability), profit: figure(score.profit) };
}
