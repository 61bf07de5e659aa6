/**
 * A stand-in for GameClient on the UI dev page: the real simulation (shared/sim) running in the
 * browser, one tick per second at 1× like the server, with the same stores the UI reads. Lets the
 * panels be looked at, clicked and screenshotted without a game server.
 */
import type { ControlMessage, Speed } from '../../shared/protocol/messages';
import { loadPreset } from '../../shared/scenarios';
import { createSim, step, teamView, type Command, type CommandEntry, type SimState } from '../../shared/sim';
import { crashInstance } from '../../shared/sim/incidents';
import type { ConnectionStatus, GameModel, HistoryPoint, Notice } from '../net/model';
import { Store } from '../net/store';
import { historyPoint } from '../net/toModel';
import type { UiClient } from './uiClient';

const TEAM = 'solo';
const TICK_MS = 1000;

export class DevClient implements UiClient {
  readonly status = new Store<ConnectionStatus>('idle');
  readonly game = new Store<GameModel | null>(null);
  readonly history = new Store<Record<string, HistoryPoint[]>>({});
  readonly notices = new Store<Notice[]>([]);

  private state: SimState | null = null;
  private scenario = 'sandbox';
  private queue: Command[] = [];
  private seq = 0;
  private noticeId = 0;
  private paused = false;
  private speed: Speed = 1;
  private timer: ReturnType<typeof setTimeout> | undefined;

  async startSolo(scenario = 'sandbox'): Promise<void> {
    this.status.set('connecting');
    this.scenario = scenario;
    this.state = createSim(loadPreset(scenario), 42);
    this.history.set({});
    this.status.set('online');
    this.publish();
    this.schedule();
  }

  /** The dev page has no server and no game to go back to. */
  async resumeLastGame(): Promise<boolean> {
    return false;
  }

  async join(code: string): Promise<void> {
    this.status.set('connecting');
    await new Promise((resolve) => setTimeout(resolve, 300));
    this.status.set('offline');
    this.notify('error', 'net.joinFailed', { detail: `dev page has no server (${code})` });
    throw new Error('no server');
  }

  send(command: Command): number {
    this.queue.push(command);
    return this.seq;
  }

  control(message: ControlMessage): void {
    if (message.action === 'pause') this.paused = true;
    else if (message.action === 'resume') this.paused = false;
    else if (message.action === 'speed') {
      this.speed = message.speed;
      this.paused = false;
    }
    this.publish();
    this.schedule();
  }

  dismiss(id: number): void {
    this.notices.update((list) => list.filter((n) => n.id !== id));
  }

  /** Runs `ticks` ticks at once, applying `script` commands at their ticks (for a prepared screenshot). */
  warm(ticks: number, script: Map<number, Command[]>): void {
    for (let i = 0; i < ticks && this.state !== null; i++) {
      this.queue.push(...(script.get(this.state.tick) ?? []));
      this.advance(false);
    }
    this.publish();
  }

  /** Crashes one instance of a component, as an instructor's injected incident would, then runs `ticks` ticks. */
  crash(id: string, ticks: number): void {
    const state = this.state;
    const component = state?.components.find((c) => c.id === id);
    if (state === null || component === undefined) return;
    crashInstance(state, component, 'injected');
    for (let i = 0; i < ticks; i++) this.advance(false);
    this.publish();
  }

  /** Spends all the money, to see the game-over card. */
  goBankrupt(): void {
    if (this.state === null) return;
    this.state.money = -1;
    this.advance(false);
    this.publish();
  }

  /** Simulates a dropped connection for a few seconds (to see the indicator). */
  simulateDrop(ms: number): void {
    this.status.set('reconnecting');
    setTimeout(() => {
      this.status.set('online');
      this.notify('info', 'net.reconnected');
    }, ms);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.state === null || this.paused) return;
    this.timer = setTimeout(() => {
      this.advance(true);
      this.publish();
      this.schedule();
    }, TICK_MS / this.speed);
  }

  private advance(report: boolean): void {
    const state = this.state;
    if (state === null) return;
    const entries: CommandEntry[] = this.queue.map((command) => ({ tick: state.tick, team: TEAM, player: 'dev', seq: this.seq++, command }));
    this.queue = [];
    step(state, entries);
    if (report) for (const o of state.lastOutcomes) if (!o.ok && o.reason !== null) this.notify('error', `reasons.${o.reason}`);
    const view = teamView(state);
    this.history.update((h) => ({ ...h, [TEAM]: [...(h[TEAM] ?? []).slice(-1599), historyPoint(view)] }));
  }

  private publish(): void {
    const state = this.state;
    if (state === null) return;
    this.game.set({
      code: 'DEV123',
      mode: 'solo',
      scenario: this.scenario,
      clock: { tick: state.tick, phase: state.gameOver === null ? 'running' : 'finished', paused: this.paused, speed: this.speed, adjustable: true },
      me: { team: TEAM, role: 'player' },
      seats: [{ seatId: 'dev', name: 'Dev', team: TEAM, role: 'player', connected: true }],
      teamIds: [TEAM],
      teams: { [TEAM]: teamView(state) },
      resultId: null,
      replayId: null,
    });
  }

  private notify(kind: Notice['kind'], key: string, params?: Notice['params']): void {
    const notice: Notice = params === undefined ? { id: ++this.noticeId, kind, key } : { id: ++this.noticeId, kind, key, params };
    this.notices.update((list) => [...list.slice(-4), notice]);
  }
}
