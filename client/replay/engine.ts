/**
 * What the replay worker does, as plain code (the worker is a thin wrapper; a browser without
 * workers runs this in the page): a ReplayScrubber per (replay, team), its state at any tick as
 * the UI draws it (the TeamView, the state's hash, a chapter's goal values), and the chart history
 * of the whole game, computed in slices between seeks so that scrubbing never waits for it.
 */
import { chapterGoals, chapterOutcome, findChapter, goalValue } from '../../shared/campaign';
import { historyPoint, type HistoryPoint } from '../../shared/protocol/history';
import type { GameResult, ReplayDocument } from '../../shared/protocol/results';
import { ReplayScrubber } from '../../shared/replay/scrubber';
import {
  createSim,
  groupByTick,
  hashState,
  step,
  teamResult,
  teamView,
  type CommandEntry,
  type SimState,
  type TeamView,
} from '../../shared/sim';
import { FlowWorkspace } from '../../shared/sim/core/sim';
import type { Chapter } from '../../shared/campaign';

/** A replay and the team to follow in it, under the page's key for the pair. */
export interface LoadRequest {
  key: string;
  replay: ReplayDocument;
  team: string;
}

export interface Loaded {
  key: string;
  finalTick: number;
  keyframes: number;
  /** Whether the re-run ends on the hash the server recorded for the team (null: none recorded). */
  faithful: boolean | null;
  /** Milliseconds the keyframes took to build. */
  ms: number;
  /** Built now (false: the pair was still loaded, and its chart history already sent). */
  fresh: boolean;
  /**
   * The team's result as the server stores it, from the re-run's end (a chapter's stars, the
   * figures): the game screen's end card and the debrief read it. Nobody's name: a replay has none.
   */
  result: GameResult['teams'][number];
}

export interface SeekAnswer {
  key: string;
  tick: number;
  view: TeamView;
  hash: string;
  /** A chapter's goal values at the tick, in the chapter's goal order (empty outside the campaign). */
  goalValues: number[];
  /** Milliseconds the seek took where it ran (the worker): the state, its view and its hash. */
  ms: number;
}

export interface HistorySlice {
  key: string;
  points: HistoryPoint[];
  /** The history is complete: no more slices for this key. */
  done: boolean;
}

/** Chart points kept over a whole game: one every few ticks on a long one (the charts draw at most this many). */
const HISTORY_POINTS = 1500;

/** Loaded pairs kept: switching back to a team seen a moment ago is instant; older ones are let go. */
const KEPT = 4;

/** The chart history's own run from the start, a slice at a time. */
interface HistoryRun {
  state: SimState;
  byTick: Map<number, CommandEntry[]>;
  workspace: FlowWorkspace;
  /** The next room tick to step. */
  tick: number;
  stride: number;
  done: boolean;
}

interface Entry {
  loaded: Loaded;
  scrubber: ReplayScrubber;
  chapter: Chapter | null;
  finalTick: number;
  history: HistoryRun;
}

function goalValues(chapter: Chapter | null, state: SimState): number[] {
  return chapter === null ? [] : chapterGoals(chapter).map((goal) => goalValue(state, goal.metric));
}

/** A point of the chart at a room tick (a stopped team's own clock stands still; the chart's does not). */
function pointAt(state: SimState, tick: number): HistoryPoint {
  return { ...historyPoint(teamView(state)), tick };
}

export class ReplayEngine {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Builds the keyframes of a team's game (the expensive part: the whole game re-run once). */
  load({ key, replay, team }: LoadRequest): Loaded {
    const kept = this.entries.get(key);
    if (kept !== undefined) {
      // Used again: the newest of the kept.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return { ...kept.loaded, fresh: false };
    }
    if (!replay.teams.includes(team)) throw new Error(`no team "${team}" in this replay`);
    const started = this.now();
    const scrubber = new ReplayScrubber({
      scenario: replay.scenario,
      seed: replay.seed,
      log: replay.log,
      team,
      finalTick: replay.finalTick,
    });
    const end = scrubber.stateAt(replay.finalTick);
    const recorded = replay.finalHashes[team];
    const faithful = recorded === undefined ? null : hashState(end) === recorded;
    const ms = this.now() - started;
    const chapter = findChapter(replay.scenario.id);
    const result = {
      team,
      name: null,
      rank: 1,
      players: [],
      ...teamResult(end),
      chapter: chapter === null ? null : chapterOutcome(chapter, end),
    };
    const loaded = { key, finalTick: replay.finalTick, keyframes: scrubber.keyframeCount, faithful, ms, fresh: true, result };
    const state = createSim(replay.scenario, replay.seed);
    this.entries.set(key, {
      loaded,
      scrubber,
      chapter,
      finalTick: replay.finalTick,
      history: {
        state,
        byTick: groupByTick(replay.log.filter((entry) => entry.team === team)),
        workspace: new FlowWorkspace(),
        tick: 0,
        stride: Math.max(1, Math.ceil(replay.finalTick / HISTORY_POINTS)),
        done: false,
      },
    });
    for (const old of this.entries.keys()) if (this.entries.size > KEPT) this.entries.delete(old);
    return loaded;
  }

  seek(key: string, tick: number): SeekAnswer {
    const entry = this.entry(key);
    const started = this.now();
    const state = entry.scrubber.stateAt(tick);
    const at = Math.max(0, Math.min(entry.finalTick, Math.floor(tick)));
    const answer = { key, tick: at, view: teamView(state), hash: hashState(state), goalValues: goalValues(entry.chapter, state) };
    return { ...answer, ms: this.now() - started };
  }

  /**
   * Runs the chart history on for about `budgetMs`; null when it is complete (or the key is gone).
   * The run steps the team as the scrubber does: the team's commands at each room tick.
   */
  history(key: string, budgetMs: number): HistorySlice | null {
    const run = this.entries.get(key)?.history;
    if (run === undefined || run.done) return null;
    const finalTick = this.entry(key).finalTick;
    const points: HistoryPoint[] = [];
    if (run.tick === 0) points.push(pointAt(run.state, 0));
    const until = this.now() + budgetMs;
    while (run.tick < finalTick && this.now() < until) {
      step(run.state, run.byTick.get(run.tick) ?? [], run.workspace);
      run.tick++;
      if (run.tick % run.stride === 0 || run.tick === finalTick) points.push(pointAt(run.state, run.tick));
    }
    run.done = run.tick >= finalTick;
    return { key, points, done: run.done };
  }

  drop(key: string): void {
    this.entries.delete(key);
  }

  private entry(key: string): Entry {
    const entry = this.entries.get(key);
    if (entry === undefined) throw new Error(`replay "${key}" is not loaded`);
    return entry;
  }
}
