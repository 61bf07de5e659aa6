// One simulation per team, all from the same scenario and seed, so that every team meets the
// same traffic and the same world incidents; each team's commands go to its own simulation only.
// Also the event-sourcing side: snapshots with hashes, and rebuilding from a snapshot plus the log.
//
// The room keeps its own clock: a team whose game is over (bankrupt) stops at its last tick and
// refuses commands, while the clock and the other teams go on. Every team is still stepped each
// tick (a stopped sim's step only clears its per-tick outputs), so a replay that steps a team's
// sim once per room tick reaches the same state as the room did.
import {
  cloneState,
  createSim,
  executeCommand,
  hashState,
  step,
  type Command,
  type CommandEntry,
  type CommandOutcome,
  type RejectReason,
  type Scenario,
  type SimState,
} from '../../shared/sim';
import type { SnapshotRecord } from '../store/types';

export class SnapshotMismatchError extends Error {
  constructor(team: string, tick: number, expected: string, actual: string) {
    super(`team ${team}: state at tick ${tick} hashes to ${actual}, the snapshot says ${expected}`);
    this.name = 'SnapshotMismatchError';
  }
}

export class TeamSims {
  private readonly states = new Map<string, SimState>();
  /** Ticks the room has run; a live team's own tick equals it, a stopped team's stays behind. */
  private clock = 0;
  private teams: readonly string[];

  constructor(
    readonly scenario: Scenario,
    readonly seed: number,
    teamIds: readonly string[],
  ) {
    this.teams = [...teamIds];
    for (const team of teamIds) this.states.set(team, createSim(scenario, seed));
  }

  get teamIds(): readonly string[] {
    return this.teams;
  }

  /**
   * Changes the teams before anything was played (a match's host in the lobby): every team starts
   * from the same scenario and seed, so a team added now is exactly as the others.
   */
  setTeams(teamIds: readonly string[]): void {
    if (this.clock !== 0) throw new Error('teams are set once the game has started');
    for (const team of [...this.states.keys()]) if (!teamIds.includes(team)) this.states.delete(team);
    for (const team of teamIds) if (!this.states.has(team)) this.states.set(team, createSim(this.scenario, this.seed));
    this.teams = [...teamIds];
  }

  /**
   * Rebuilds the simulations as they were at `tick`: from the snapshot when there is one (its
   * states must hash to what was recorded), else from scratch, then the log replayed up to `tick`.
   */
  static restore(
    scenario: Scenario,
    seed: number,
    teamIds: readonly string[],
    snapshot: SnapshotRecord | null,
    log: readonly CommandEntry[],
    tick: number,
  ): TeamSims {
    const sims = new TeamSims(scenario, seed, teamIds);
    if (snapshot !== null) {
      sims.clock = snapshot.tick;
      for (const team of teamIds) {
        const state = cloneState(snapshot.states[team] as SimState);
        const actual = hashState(state);
        const expected = snapshot.hashes[team] ?? '';
        if (actual !== expected) throw new SnapshotMismatchError(team, snapshot.tick, expected, actual);
        sims.states.set(team, state);
      }
    }
    const byTick = new Map<number, CommandEntry[]>();
    for (const entry of log) {
      const list = byTick.get(entry.tick);
      if (list === undefined) byTick.set(entry.tick, [entry]);
      else list.push(entry);
    }
    // The clock advances on every step, whatever the teams do, so this ends after tick − clock steps.
    while (sims.clock < tick) sims.step(byTick.get(sims.clock) ?? []);
    return sims;
  }

  /** The room's tick: the one a command sent now is stamped with. */
  get tick(): number {
    return this.clock;
  }

  state(team: string): SimState {
    const state = this.states.get(team);
    if (state === undefined) throw new Error(`unknown team ${team}`);
    return state;
  }

  has(team: string): boolean {
    return this.states.has(team);
  }

  /** Whether `command` would be accepted by `team`'s simulation now (null) or why not. */
  check(team: string, command: Command): RejectReason | null {
    const result = executeCommand(this.state(team), command, false);
    return result.ok ? null : result.reason;
  }

  /**
   * Applies each team's entries (stamped with the current tick) and advances the clock and every
   * team whose game is not over by one tick.
   */
  step(entries: readonly CommandEntry[]): CommandOutcome[] {
    const outcomes: CommandOutcome[] = [];
    for (const team of this.teamIds) {
      const state = this.state(team);
      step(
        state,
        entries.filter((entry) => entry.team === team),
      );
      outcomes.push(...state.lastOutcomes);
    }
    this.clock += 1;
    return outcomes;
  }

  /** Whether `team`'s game has ended (it takes no more commands). */
  isOver(team: string): boolean {
    return this.state(team).gameOver !== null;
  }

  hashes(): Record<string, string> {
    return Object.fromEntries(this.teamIds.map((team) => [team, hashState(this.state(team))]));
  }

  /** Whether every team's game has ended (bankrupt or the scenario's duration reached). */
  allOver(): boolean {
    return this.teamIds.every((team) => this.state(team).gameOver !== null);
  }

  snapshot(room: unknown = null): SnapshotRecord {
    return {
      tick: this.tick,
      hashes: this.hashes(),
      states: Object.fromEntries(this.teamIds.map((team) => [team, cloneState(this.state(team))])),
      room,
    };
  }
}
