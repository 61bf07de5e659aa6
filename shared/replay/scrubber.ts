/**
 * Scrubbing a replay: any tick of a team's game, fast, from keyframes. Running the game once from
 * the start keeps a copy of the state every `every` ticks; the state at tick t is then the nearest
 * keyframe at or before t, stepped on with the team's own commands, never more than `every - 1`
 * steps away. The simulation is deterministic, so a state reached this way is the state the
 * server had at that tick (the tests compare hashes). The run from the start is built in steps
 * (`buildOn`), so that whoever builds it can say how far it is and stay responsive; a watcher sees
 * each state on the way, so that what else needs the whole game (the charts' history, the end's
 * hash) comes from the same run. Pure: a Web Worker or a test runs it alike.
 */
import { cloneState, createSim, FlowWorkspace, groupByTick, step } from '../sim/core/sim';
import type { CommandEntry } from '../sim/commands/command';
import type { Scenario } from '../sim/core/scenario';
import type { SimState } from '../sim/core/state';

/** Ticks between keyframes: a 3-day game (4,320 ticks) keeps 37 states and re-runs at most 119 steps. */
const KEYFRAME_TICKS = 120;

export interface ReplayTeam {
  scenario: Scenario;
  seed: number;
  /** The room's log; only `team`'s entries are applied, as the server's simulation of the team did. */
  log: readonly CommandEntry[];
  team: string;
  /** The last tick the game reached. */
  finalTick: number;
}

/** Sees the running state after `tick` room ticks (0: the start); it must not change or keep it. */
export type StateWatcher = (state: Readonly<SimState>, tick: number) => void;

export class ReplayScrubber {
  private readonly byTick: Map<number, CommandEntry[]>;
  private readonly keyframes: SimState[] = [];
  private readonly workspace = new FlowWorkspace();
  /** The run from the start while it is built; let go once it reaches the end. */
  private running: SimState | null;
  private ticksBuilt = 0;
  private startWatched = false;

  constructor(
    private readonly game: ReplayTeam,
    readonly every: number = KEYFRAME_TICKS,
  ) {
    if (!Number.isInteger(every) || every < 1) throw new Error('keyframes need a whole number of ticks between them');
    this.byTick = groupByTick(game.log.filter((entry) => entry.team === game.team));
    this.running = createSim(game.scenario, game.seed);
    this.keyframes.push(cloneState(this.running));
  }

  get finalTick(): number {
    return this.game.finalTick;
  }

  /** Room ticks run so far (the game's `finalTick` once built). */
  get builtTicks(): number {
    return this.ticksBuilt;
  }

  get built(): boolean {
    return this.running === null;
  }

  /** How many keyframes are kept (memory grows with the game's length over `every`). */
  get keyframeCount(): number {
    return this.keyframes.length;
  }

  /** Runs the build on by at most `ticks` room ticks; `watch` sees the start (on the first call) and each tick run. */
  buildOn(ticks: number, watch?: StateWatcher): void {
    const state = this.running;
    if (state === null) return;
    if (!this.startWatched) {
      this.startWatched = true;
      watch?.(state, 0);
    }
    const until = Math.min(this.game.finalTick, this.ticksBuilt + Math.max(0, Math.floor(ticks)));
    for (let tick = this.ticksBuilt; tick < until; tick++) {
      this.advance(state, tick);
      if ((tick + 1) % this.every === 0) this.keyframes.push(cloneState(state));
      this.ticksBuilt = tick + 1;
      watch?.(state, tick + 1);
    }
    if (this.ticksBuilt >= this.game.finalTick) this.running = null;
  }

  /** Builds the rest at once. */
  buildAll(watch?: StateWatcher): this {
    this.buildOn(this.game.finalTick - this.ticksBuilt, watch);
    return this;
  }

  /** The team's state after `tick` room ticks (0: the start), a fresh copy the caller may keep; once built. */
  stateAt(tick: number): SimState {
    if (!this.built) throw new Error(`the replay is built to tick ${this.ticksBuilt} of ${this.game.finalTick}`);
    const target = Math.max(0, Math.min(this.game.finalTick, Math.floor(tick)));
    const index = Math.min(this.keyframes.length - 1, Math.floor(target / this.every));
    const state = cloneState(this.keyframes[index] as SimState);
    for (let t = index * this.every; t < target; t++) this.advance(state, t);
    return state;
  }

  /** One room tick: the commands stamped with it, then the step (a stopped team only clears its outputs). */
  private advance(state: SimState, roomTick: number): void {
    step(state, this.byTick.get(roomTick) ?? [], this.workspace);
  }
}
