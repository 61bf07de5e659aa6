/**
 * The scenario's objectives and how far the team is along each, as far as the team's monitoring
 * shows it (fog of war): availability and p95 latency need aggregated metrics, and are unknown
 * without them (with the feature that reveals them, never a guess); daily users are always known
 * roughly (the provider's console) and exactly with business metrics; profit follows from the
 * money, which the bank always shows; the game's length from the clock.
 *
 * Availability and latency are the figures of the last minute: the view has no running total, so
 * the panel says "now". Pure, so the tests can check every objective with and without monitoring.
 */
import { peakDailyUsers, type Feature, type Objectives, type TeamView } from '../../../shared/sim';

type ObjectiveId = 'availability' | 'latency' | 'peakDau' | 'profit' | 'deadline';

/**
 * met: the figure is at its goal now; short: known and not there yet; unknown: the team's
 * monitoring does not show it; running: the game's clock, which is met when it runs out.
 */
export type ObjectiveStatus = 'met' | 'short' | 'unknown' | 'running';

export interface ObjectiveRow {
  id: ObjectiveId;
  /** The goal: a share (availability), milliseconds (latency), users, money, or ticks (deadline). */
  target: number;
  /** Where the team is; null when its monitoring does not show it. */
  value: number | null;
  /** Rounded (users without business metrics). */
  approx: boolean;
  /** The feature that shows this figure, when it is hidden (or only rounded). */
  revealedBy: Feature | null;
  status: ObjectiveStatus;
  /** 0–1 along the way to the goal, for a bar; null when there is nothing to measure. */
  progress: number | null;
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0);

/**
 * One row per objective the scenario sets, in a fixed order. `startMoney` is the money the game
 * began with (profit is what was made since; null: unknown scenario, no profit row); `peakSeen`
 * the highest daily users the client has seen (its chart history) for a team without business
 * metrics, whose exact peak it cannot know.
 */
export function objectiveRows(objectives: Objectives, team: TeamView, startMoney: number | null, peakSeen = 0): ObjectiveRow[] {
  const rows: ObjectiveRow[] = [];
  const a = team.aggregated;
  rows.push(
    a === null
      ? {
          id: 'availability',
          target: objectives.availability,
          value: null,
          approx: false,
          revealedBy: 'aggregatedMetrics',
          status: 'unknown',
          progress: null,
        }
      : {
          id: 'availability',
          target: objectives.availability,
          value: a.availability,
          approx: false,
          revealedBy: null,
          status: a.availability >= objectives.availability ? 'met' : 'short',
          progress: clamp01(a.availability / objectives.availability),
        },
  );
  rows.push(
    a === null
      ? {
          id: 'latency',
          target: objectives.latencyMs,
          value: null,
          approx: false,
          revealedBy: 'aggregatedMetrics',
          status: 'unknown',
          progress: null,
        }
      : {
          id: 'latency',
          target: objectives.latencyMs,
          value: a.p95LatencyMs,
          approx: false,
          revealedBy: null,
          // With nothing served there is no latency to meet a goal with (the figure reads 0 ms).
          status: a.availability > 0 && a.p95LatencyMs <= objectives.latencyMs ? 'met' : 'short',
          // Full at or under the goal; half-way at twice the goal.
          progress: a.availability <= 0 ? 0 : a.p95LatencyMs <= 0 ? 1 : clamp01(objectives.latencyMs / a.p95LatencyMs),
        },
  );
  if (objectives.peakDau !== undefined) {
    const exact = team.business !== null;
    const peak = peakDailyUsers(team, [{ dau: peakSeen }]);
    rows.push({
      id: 'peakDau',
      target: objectives.peakDau,
      value: peak,
      approx: !exact,
      revealedBy: exact ? null : 'businessMetrics',
      status: peak >= objectives.peakDau ? 'met' : 'short',
      progress: objectives.peakDau > 0 ? clamp01(peak / objectives.peakDau) : 1,
    });
  }
  if (objectives.profit !== undefined && startMoney !== null) {
    const profit = team.money - startMoney;
    rows.push({
      id: 'profit',
      target: objectives.profit,
      value: profit,
      approx: false,
      revealedBy: null,
      status: profit >= objectives.profit ? 'met' : 'short',
      progress: objectives.profit > 0 ? clamp01(profit / objectives.profit) : profit >= objectives.profit ? 1 : 0,
    });
  }
  if (objectives.durationTicks !== undefined) {
    const over = team.tick >= objectives.durationTicks;
    rows.push({
      id: 'deadline',
      target: objectives.durationTicks,
      value: team.tick,
      approx: false,
      revealedBy: null,
      status: over ? 'met' : 'running',
      progress: clamp01(team.tick / objectives.durationTicks),
    });
  }
  return rows;
}

/** Objectives met out of those the team can judge (the clock does not count until it runs out). */
export function objectivesSummary(rows: readonly ObjectiveRow[]): { met: number; total: number; unknown: number } {
  const judged = rows.filter((row) => row.id !== 'deadline');
  return {
    met: judged.filter((row) => row.status === 'met').length,
    total: judged.length,
    unknown: judged.filter((row) => row.status === 'unknown').length,
  };
}
