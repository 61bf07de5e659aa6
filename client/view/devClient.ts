/**
 * A stand-in for GameClient on the dev page: it runs the real sim in the browser, steps it on a
 * timer, and publishes the team's view as the game model the diagram reads. Commands the diagram
 * sends (connect) are applied at the next step, as the server would.
 */
import type { GameModel } from '../net/model';
import { Store } from '../net/store';
import { step, teamView, type Command, type CommandEntry, type SimState } from '../../shared/sim';
import { crashInstance } from '../../shared/sim/incidents';
import type { DiagramClient } from './DiagramScene';

export class SimClient implements DiagramClient {
  readonly game = new Store<GameModel | null>(null);
  private pending: Command[] = [];
  private seq = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Commands sent, for the dev page's log. */
  readonly sent: Command[] = [];

  constructor(private readonly state: SimState) {
    this.publish();
  }

  send(command: Command): number {
    this.pending.push(command);
    this.sent.push(command);
    return this.seq++;
  }

  /** Steps the sim every `ms` milliseconds (one tick is a simulated minute). */
  start(ms: number): void {
    this.stop();
    this.timer = setInterval(() => this.tick(), ms);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  tick(): void {
    const entries: CommandEntry[] = this.pending.map((command, seq) => ({ tick: this.state.tick, team: 'a', player: 'dev', seq, command }));
    this.pending = [];
    step(this.state, entries);
    this.publish();
  }

  /** Crashes `instances` instances of component `id` (dev page: show failures). */
  crash(id: string, instances: number): void {
    const component = this.state.components.find((c) => c.id === id);
    if (component === undefined) return;
    for (let i = 0; i < instances && component.down < component.count; i++) crashInstance(this.state, component, 'injected');
  }

  /** Orders a component without waiting for it (dev page: show one being set up). */
  buy(command: Command): void {
    this.send(command);
  }

  private publish(): void {
    const view = teamView(this.state);
    this.game.set({
      code: 'DEV',
      mode: 'solo',
      scenario: 'sandbox',
      clock: { tick: this.state.tick, phase: 'running', paused: false, speed: 1, adjustable: true },
      me: { team: 'a', role: 'player' },
      seats: [],
      teamIds: ['a'],
      teams: { a: view },
      resultId: null,
      replayId: null,
    });
  }
}
