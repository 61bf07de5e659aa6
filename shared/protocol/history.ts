/**
 * The chart history of a team: one point per tick of the figures the charts draw, taken from the
 * team's own view (so a figure its monitoring does not reveal is null here too). The client
 * builds it as ticks arrive; the room keeps the same points, so a client that joins late or
 * reloads the page gets the charts back (the `history` message) instead of starting them empty.
 */
import type { TeamView } from '../sim';

export interface HistoryPoint {
  tick: number;
  money: number;
  dau: number;
  online: number;
  availability: number | null;
  p95LatencyMs: number | null;
  errorRate: number | null;
}

/** Points kept per team: a simulated day and a bit, at one point a tick. */
const HISTORY_LIMIT = 1600;

/** The room → client message with a team's history so far. */
export interface HistoryMessage {
  team: string;
  points: HistoryPoint[];
}

export function historyPoint(team: TeamView): HistoryPoint {
  return {
    tick: team.tick,
    money: team.money,
    dau: team.users.dau,
    online: team.users.online,
    availability: team.aggregated?.availability ?? null,
    p95LatencyMs: team.aggregated?.p95LatencyMs ?? null,
    errorRate: team.aggregated?.errorRate ?? null,
  };
}

/**
 * `points` with `point` appended, unless it is not newer than the last one (a tick seen twice);
 * at most HISTORY_LIMIT points, the oldest dropped.
 */
export function appendPoint(points: readonly HistoryPoint[], point: HistoryPoint): readonly HistoryPoint[] {
  const last = points[points.length - 1];
  if (last !== undefined && last.tick >= point.tick) return points;
  return [...points.slice(-(HISTORY_LIMIT - 1)), point];
}

/** Appends in place (the room's own copy, one point a tick: no copy of the whole history each time). */
export function pushPoint(points: HistoryPoint[], point: HistoryPoint): void {
  const last = points[points.length - 1];
  if (last !== undefined && last.tick >= point.tick) return;
  points.push(point);
  if (points.length > HISTORY_LIMIT) points.splice(0, points.length - HISTORY_LIMIT);
}

/**
 * A history the room sent merged with the points the client already has: the room's points up to
 * its last tick, then any of the client's that are newer.
 */
export function mergeHistory(own: readonly HistoryPoint[], fromRoom: readonly HistoryPoint[]): HistoryPoint[] {
  const lastFromRoom = fromRoom[fromRoom.length - 1]?.tick ?? -1;
  return [...fromRoom, ...own.filter((point) => point.tick > lastFromRoom)].slice(-HISTORY_LIMIT);
}
