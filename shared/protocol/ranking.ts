/**
 * How teams rank, on the live scoreboard and in a stored result: by users served well (the most
 * daily users so far times the share of requests served well), then by profit, then by team order.
 * A bankrupt team keeps its figures but ranks after every team still playing. Pure, for the tests.
 */
import type { TeamScore } from '../sim/view/result';

export type ScoreLine = TeamScore & { team: string };

/** Users served well: the scoreboard's first measure. */
export function usersServed(line: TeamScore): number {
  return line.peakDau * line.availability;
}

export function rankScores(lines: readonly ScoreLine[]): ScoreLine[] {
  return lines
    .map((line, order) => ({ line, order }))
    .sort(
      (a, b) =>
        Number(a.line.gameOver === 'bankrupt') - Number(b.line.gameOver === 'bankrupt') ||
        usersServed(b.line) - usersServed(a.line) ||
        b.line.profit - a.line.profit ||
        a.order - b.order,
    )
    .map(({ line }) => line);
}
