/**
 * Scrubbing a replay: any tick of a team's game, fast, from keyframes. Running the game once from
 * the start keeps a copy of the state every `every` ticks; the state at tick t is then the nearest
 * keyframe at or before t, stepped on with the team's own commands, never more than `every - 1`
 * steps away. The simulation is deterministic, so a state reached this way is the state the
 * server had at that tick (the tests compare hashes). Pure: a Web Worker or a test runs it alike.
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

export class ReplayScrubber {
  private readonly byTick: Map<number, CommandEntry[]>;
  private readonly keyframes: SimState[] = [];
  private readonly workspace = new FlowWorkspace();

  constructor(
    private readonly game: ReplayTeam,
    readonly every: number = KEYFRAME_TICKS,
  ) {
    if (!Number.isInteger(every) || every < 1) throw new Error('keyframes need a whole number of ticks between them');
    this.byTick = groupByTick(game.log.filter((entry) => entry.team === game.team));
    const state = createSim(game.scenario, game.seed);
    this.keyframes.push(cloneState(state));
    for (let tick = 0; tick < game.finalTick; tick++) {
      this.advance(state, tick);
      if ((tick + 1) % every === 0) this.keyframes.push(cloneState(state));
    }
  }

  get finalTick(): number {
    return this.game.finalTick;
  }

  /** How many keyframes are kept (memory grows with the game's length over `every`). */
  get keyframeCount(): number {
    return this.keyframes.length;
  }

  /** The team's state after `tick` room ticks (0: the start), a fresh copy the caller may keep. */
  stateAt(tick: number): SimState {
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
