/**
 * What the replay worker does, as plain code (the worker is a thin wrapper; a browser without
 * workers runs this in the page): a ReplayScrubber per (replay, team), built a slice at a time so
 * that the page can show how far it is, its state at any tick as the UI draws it (the TeamView,
 * the state's hash, a chapter's goal values). The one run from the start that builds the keyframes
 * also gives the chart history of the whole game and the end's hash and result.
 */
import { chapterGoals, chapterOutcome, findChapter, goalValue } from '../../shared/campaign';
import { historyPoint, type HistoryPoint } from '../../shared/protocol/history';
import type { GameResult, ReplayDocument } from '../../shared/protocol/results';
import { ReplayScrubber } from '../../shared/replay/scrubber';
import { hashState, teamResult, teamView, type SimState, type TeamView } from '../../shared/sim';
import type { Chapter } from '../../shared/campaign';

/** A replay and the team to follow in it, under the page's key for the pair. */
export interface LoadRequest {
  key: string;
  replay: ReplayDocument;
  team: string;
}

type TeamOutcome = GameResult['teams'][number];

export interface Loaded {
  key: string;
  finalTick: number;
  keyframes: number;
  /** Whether the re-run ends on the hash the server recorded for the team (null: none recorded). */
  faithful: boolean | null;
  /** Milliseconds the run from the start took (keyframes, chart history and the end), in its slices. */
  ms: number;
  /** Built now (false: the pair was still loaded, and its chart history already sent). */
  fresh: boolean;
  /**
   * The team's result as the server stores it, from the re-run's end (a chapter's stars, the
   * figures): the game screen's end card and the debrief read it. Nobody's name: a replay has none.
   */
  result: TeamOutcome;
}

/** How far a load is: `ticks` of the game run of `finalTick`. */
export interface BuildProgress {
  key: string;
  ticks: number;
  finalTick: number;
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
  /** The first slice of a run from the start: any points held for the key before are stale. */
  first: boolean;
  /** The history is complete: no more slices for this key. */
  done: boolean;
}

/** What one slice of a build gives: how far it is, the chart points run, and the pair once built. */
interface BuildSlice {
  progress: BuildProgress;
  history: HistorySlice;
  loaded: Loaded | null;
}

/** Chart points kept over a whole game: one every few ticks on a long one (the charts draw at most this many). */
const HISTORY_POINTS = 1500;

/** Loaded pairs kept: switching back to a team seen a moment ago is instant; older ones are let go. */
const KEPT = 4;

/** Ticks run between looks at the clock. */
const TICKS_PER_LOOK = 4;

interface Entry {
  loaded: Loaded;
  scrubber: ReplayScrubber;
  chapter: Chapter | null;
  finalTick: number;
}

/** A pair being built: the scrubber's run, and what the run's watcher collects on the way. */
interface Build {
  key: string;
  team: string;
  recorded: string | undefined;
  scrubber: ReplayScrubber;
  chapter: Chapter | null;
  stride: number;
  /** Chart points of the slice being run. */
  points: HistoryPoint[];
  /** The end's hash and result, once the run reaches it. */
  end: { hash: string; result: TeamOutcome } | null;
  ms: number;
  sliced: boolean;
}

function goalValues(chapter: Chapter | null, state: SimState): number[] {
  return chapter === null ? [] : chapterGoals(chapter).map((goal) => goalValue(state, goal.metric));
}

/** A point of the chart at a room tick (a stopped team's own clock stands still; the chart's does not). */
function pointAt(state: SimState, tick: number): HistoryPoint {
  return { ...historyPoint(teamView(state)), tick };
}

function outcome(team: string, chapter: Chapter | null, end: SimState): TeamOutcome {
  return {
    team,
    name: null,
    rank: 1,
    players: [],
    ...teamResult(end),
    chapter: chapter === null ? null : chapterOutcome(chapter, end),
  };
}

export class ReplayEngine {
  private readonly entries = new Map<string, Entry>();
  private readonly builds = new Map<string, Build>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /**
   * Starts loading a team of a replay: a pair still kept is answered at once (`fresh` false);
   * otherwise null, and `build` runs it (a pair already being built goes on being built).
   */
  begin({ key, replay, team }: LoadRequest): Loaded | null {
    const kept = this.entries.get(key);
    if (kept !== undefined) {
      // Used again: the newest of the kept.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return { ...kept.loaded, fresh: false };
    }
    if (this.builds.has(key)) return null;
    if (!replay.teams.includes(team)) throw new Error(`no team "${team}" in this replay`);
    const { scenario, seed, log, finalTick } = replay;
    this.builds.set(key, {
      key,
      team,
      recorded: replay.finalHashes[team],
      scrubber: new ReplayScrubber({ scenario, seed, log, team, finalTick }),
      chapter: findChapter(scenario.id),
      stride: Math.max(1, Math.ceil(finalTick / HISTORY_POINTS)),
      points: [],
      end: null,
      ms: 0,
      sliced: false,
    });
    return null;
  }

  /** Whether `key` is being built (a seek for it waits). */
  building(key: string): boolean {
    return this.builds.has(key);
  }

  /** Runs `key`'s build on for about `budgetMs`: the keyframes, the chart points on the way, and at the end the pair. */
  build(key: string, budgetMs: number): BuildSlice {
    const build = this.builds.get(key);
    if (build === undefined) throw new Error(`replay "${key}" is not being built`);
    const { scrubber, stride } = build;
    const finalTick = scrubber.finalTick;
    const started = this.now();
    const first = !build.sliced;
    build.sliced = true;
    build.points = [];
    const watch = (state: SimState, tick: number) => {
      if (tick % stride === 0 || tick === finalTick) build.points.push(pointAt(state, tick));
      if (tick === finalTick) build.end = { hash: hashState(state), result: outcome(build.team, build.chapter, state) };
    };
    do scrubber.buildOn(TICKS_PER_LOOK, watch);
    while (!scrubber.built && this.now() - started < budgetMs);
    build.ms += this.now() - started;
    const progress = { key, ticks: scrubber.builtTicks, finalTick };
    const history = { key, points: build.points, first, done: scrubber.built };
    if (!scrubber.built) return { progress, history, loaded: null };
    return { progress, history, loaded: this.keep(build) };
  }

  seek(key: string, tick: number): SeekAnswer {
    const entry = this.entries.get(key);
    if (entry === undefined) throw new Error(`replay "${key}" is not loaded`);
    const started = this.now();
    const state = entry.scrubber.stateAt(tick);
    const at = Math.max(0, Math.min(entry.finalTick, Math.floor(tick)));
    const answer = { key, tick: at, view: teamView(state), hash: hashState(state), goalValues: goalValues(entry.chapter, state) };
    return { ...answer, ms: this.now() - started };
  }

  drop(key: string): void {
    this.entries.delete(key);
    this.builds.delete(key);
  }

  private keep(build: Build): Loaded {
    const { key, scrubber, chapter, recorded } = build;
    const end = build.end as NonNullable<Build['end']>;
    const loaded: Loaded = {
      key,
      finalTick: scrubber.finalTick,
      keyframes: scrubber.keyframeCount,
      faithful: recorded === undefined ? null : end.hash === recorded,
      ms: build.ms,
      fresh: true,
      result: end.result,
    };
    this.builds.delete(key);
    this.entries.set(key, { loaded, scrubber, chapter, finalTick: scrubber.finalTick });
    for (const old of this.entries.keys()) if (this.entries.size > KEPT) this.entries.delete(old);
    return loaded;
  }
}
