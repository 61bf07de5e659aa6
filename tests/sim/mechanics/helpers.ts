/** Small builders for mechanic tests: a scenario to order, and a way to drive a sim with commands. */
import { loadPreset } from '../../../shared/scenarios';
import { createSim, step, type Command, type Scenario, type SimState } from '../../../shared/sim';

/** The constant-load preset with overrides: one region, fixed request rate, no randomness. */
export function constantScenario(overrides: Partial<Scenario> = {}): Scenario {
  return { ...loadPreset('constant-load'), ...overrides };
}

/** A scenario whose only traffic is one request class at `rps` requests per second. */
export function singleClassScenario(cls: 'static' | 'read' | 'write', rps: number, overrides: Partial<Scenario> = {}): Scenario {
  const classMix = { static: 0, read: 0, write: 0, session: 0, job: 0, [cls]: 1 };
  return constantScenario({ classMix, traffic: { mode: 'constant', requestsPerSecond: rps }, ...overrides });
}

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

  component(id: string) {
    const found = this.state.components.find((c) => c.id === id);
    if (found === undefined) throw new Error(`no component ${id}`);
    return found;
  }
}
