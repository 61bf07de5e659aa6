/** A sim driven the way a player drives it: commands at the current tick, then time passing. */
import { createSim, step, type Command, type Scenario, type SimState } from '../../shared/sim';

/** Wraps a sim with helpers that issue commands at the current tick and advance time. */
export class Driver {
  readonly state: SimState;
  private seq = 0;

  constructor(scenario: Scenario, seed = 1) {
    this.state = createSim(scenario, seed);
  }

  /** Applies commands at the next tick boundary and steps once; returns their outcomes. */
  send(...commands: Command[]) {
    const entries = commands.map((command) => ({ tick: this.state.tick, team: 'a', player: 'p1', seq: this.seq++, command }));
    step(this.state, entries);
    return this.state.lastOutcomes;
  }

  /** Applies one command and returns the id it created (throws when refused). */
  buy(command: Extract<Command, { type: 'buy' }>): string {
    const [outcome] = this.send(command);
    if (!outcome?.ok || outcome.createdId === null) throw new Error(`buy refused: ${outcome?.reason}`);
    return outcome.createdId;
  }

  run(ticks: number): this {
    for (let i = 0; i < ticks; i++) step(this.state, []);
    return this;
  }

  /** Runs until the state's tick is `tick` (the steps before it have run; the next evaluates it). */
  runTo(tick: number): this {
    return this.run(tick - this.state.tick);
  }

  component(id: string) {
    const found = this.state.components.find((c) => c.id === id);
    if (found === undefined) throw new Error(`no component ${id}`);
    return found;
  }
}
