/**
 * The game model a replay publishes, as the live game's client would for a solo player's own
 * team: so the game screen, its panels and the diagram draw a replayed team without knowing it is
 * one. Pure: the replay client calls it with the worker's answer for the tick shown.
 */
import { historyPoint, type HistoryPoint } from '../../shared/protocol/history';
import type { Speed } from '../../shared/protocol/messages';
import type { ReplayDocument } from '../../shared/protocol/results';
import type { GameModel } from '../state/model';
import type { SeekAnswer } from './engine';

export interface Playback {
  playing: boolean;
  speed: Speed;
}

export function replayModel(replay: ReplayDocument, team: string, answer: SeekAnswer, playback: Playback): GameModel {
  return {
    // No join code: nobody can join a replay (the header shows none).
    code: '',
    mode: 'solo',
    scenario: replay.scenario.id,
    clock: {
      tick: answer.tick,
      phase: answer.tick >= replay.finalTick ? 'finished' : 'running',
      paused: !playback.playing,
      speed: playback.speed,
      // The header's pause and speeds drive the replay's own playback.
      adjustable: true,
      pauseReason: null,
    },
    me: { team, role: 'spectator', seatId: '' },
    seats: [],
    teamIds: [team],
    teams: { [team]: answer.view },
    // The end card and the debrief ask the replay client for it (computed from the re-run).
    resultId: replayResultId(replay, team),
    // The debrief re-runs the game from it (the replay client hands it over without the server).
    replayId: replay.id,
    goalValues: { [team]: answer.goalValues },
    scoreboard: [],
    host: null,
    teamNames: {},
    durationTicks: replay.scenario.objectives.durationTicks ?? replay.finalTick,
    locked: false,
    placement: 'auto',
    pauseOnDrop: false,
    hints: [],
  };
}

/**
 * What the charts draw at the state on screen: the history up to its tick, ending on that state
 * itself (a long game's history keeps a point every few ticks only) once the history has been run
 * that far. Before, the charts stop at the last point run: a line drawn across ticks not yet run
 * would show figures the game never had.
 */
export function chartPoints(points: readonly HistoryPoint[], answer: Pick<SeekAnswer, 'tick' | 'view'>): HistoryPoint[] {
  const shown = pointsUpTo(points, answer.tick);
  const last = shown[shown.length - 1];
  const reached = (points[points.length - 1]?.tick ?? -1) >= answer.tick;
  if (!reached || (last !== undefined && last.tick >= answer.tick)) return shown;
  return [...shown, { ...historyPoint(answer.view), tick: answer.tick }];
}

/** The chart points up to `tick` (points are in tick order). */
function pointsUpTo(points: readonly HistoryPoint[], tick: number): HistoryPoint[] {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((points[mid] as HistoryPoint).tick <= tick) lo = mid + 1;
    else hi = mid;
  }
  return points.slice(0, lo);
}

/** The id under which the replay client answers a team's result (never a stored result's: those have no `~`). */
export function replayResultId(replay: ReplayDocument, team: string): string {
  return `${replay.id}~${team}`;
}
