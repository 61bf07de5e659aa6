/**
 * A stand-in for GameClient on the dev pages: the real simulation (shared/sim) running in the
 * browser, one tick per `tickMs` at 1× like the server, with the same stores the UI and the
 * diagram read. Commands are applied at the next tick, as the server would. It lets the panels and
 * the diagram be looked at, clicked, screenshotted and measured without a game server, so it also
 * offers what a server would not: running ticks at once, crashing instances, going bankrupt and
 * dropping the connection on demand.
 */
import { chapterGoals, chapterIds, findChapter, goalValue } from '../../shared/campaign';
import type { ChapterStanding, ReplayDocument, ResultDocument } from '../../shared/protocol/results';
import type { ControlMessage, Speed } from '../../shared/protocol/messages';
import { createSim, step, teamView, type Command, type CommandEntry, type SimState } from '../../shared/sim';
import { crashInstance } from '../../shared/sim/rules/incidents';
import type { ConnectionStatus, GameModel, HistoryPoint, Notice } from '../state/model';
import { historyPoint } from '../net/toModel';
import { scenarioPreset } from '../state/scenarios';
import { Store } from '../state/store';
import type { UiClient } from '../ui/uiClient';

const TEAM = 'solo';
/** Chart points kept, as the charts would show a long game. */
const HISTORY_KEPT = 1600;
/** The seed of a game started from the start screen (a fixed one: screenshots repeat). */
const SEED = 42;

export class LocalGame implements UiClient {
  readonly status = new Store<ConnectionStatus>('idle');
  readonly game = new Store<GameModel | null>(null);
  readonly history = new Store<Record<string, HistoryPoint[]>>({});
  readonly notices = new Store<Notice[]>([]);
  /** Commands sent, for a look from the browser console. */
  readonly sent: Command[] = [];

  private state: SimState | null = null;
  private scenario = 'sandbox';
  private queue: Command[] = [];
  private seq = 0;
  private noticeId = 0;
  private paused = false;
  private speed: Speed = 1;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `tickMs`: real milliseconds per tick at 1× (the server's is 1000). */
  constructor(private readonly tickMs = 1000) {}

  /**
   * Plays `state` (a sandbox as created, or a system built beforehand) as a solo game of
   * `scenario`: shown at once, stepped only after `run()`.
   */
  open(state: SimState, scenario = 'sandbox'): void {
    this.stop();
    this.state = state;
    this.scenario = scenario;
    this.history.set({});
    this.status.set('online');
    this.publish();
  }

  /** Steps the game on a timer (`tickMs` ÷ speed) until stopped or paused. */
  run(): void {
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  async startSolo(scenario = 'sandbox'): Promise<void> {
    const preset = scenarioPreset(scenario);
    if (preset === null) throw new Error(`unknown scenario "${scenario}"`);
    this.status.set('connecting');
    this.open(createSim(preset, SEED), scenario);
    this.run();
  }

  /** The dev pages have no server and no game to go back to. */
  async resumeLastGame(): Promise<boolean> {
    return false;
  }

  async leave(): Promise<void> {
    this.stop();
    this.game.set(null);
    this.status.set('idle');
  }

  /** No server: every chapter shows as open, nothing earned. */
  async campaign(): Promise<ChapterStanding[] | null> {
    return chapterIds().map((id) => ({ id, stars: 0, score: null, completed: false, unlocked: true }));
  }

  /** No server keeps results or replays here. */
  async result(): Promise<ResultDocument | null> {
    return null;
  }

  async replay(): Promise<ReplayDocument | null> {
    return null;
  }

  /** The dev page has no server: matches and workshops are refused like an unreachable one. */
  async createMatch(): Promise<void> {
    return this.join('match');
  }

  async createWorkshop(): Promise<void> {
    return this.join('workshop');
  }

  async hasSeat(): Promise<boolean> {
    return false;
  }

  async publicMatches(): Promise<null> {
    return null;
  }

  get playerName(): string | null {
    return 'Dev';
  }

  setPlayerName(): void {}

  lobby(): void {}

  instruct(): void {}

  async join(code: string): Promise<void> {
    this.status.set('connecting');
    await new Promise((resolve) => setTimeout(resolve, 300));
    this.status.set('offline');
    this.notify('error', 'net.joinFailed', { detail: `dev page has no server (${code})` });
    throw new Error('no server');
  }

  send(command: Command): number {
    this.queue.push(command);
    this.sent.push(command);
    return this.seq + this.queue.length - 1;
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

  /** Runs `ticks` ticks at once, applying `script`'s commands at their ticks (for a prepared screenshot). */
  runTicks(ticks: number, script: ReadonlyMap<number, Command[]> = new Map()): void {
    for (let i = 0; i < ticks && this.state !== null; i++) {
      this.queue.push(...(script.get(this.state.tick) ?? []));
      this.advance(false);
    }
    this.publish();
  }

  /** Crashes up to `instances` instances of a component, as an instructor's injected incident would. */
  crash(id: string, instances = 1): void {
    const state = this.state;
    const component = state?.components.find((c) => c.id === id);
    if (state === null || component === undefined) return;
    for (let i = 0; i < instances && component.down < component.count; i++) crashInstance(state, component, 'injected');
    this.publish();
  }

  /** Spends all the money, to see the game-over card. */
  goBankrupt(): void {
    if (this.state === null) return;
    this.state.money = -1;
    this.advance(false);
    this.publish();
  }

  /** Shows a dropped connection for `ms` milliseconds (to see the indicator). */
  simulateDrop(ms: number): void {
    this.status.set('reconnecting');
    setTimeout(() => {
      this.status.set('online');
      this.notify('info', 'net.reconnected');
    }, ms);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.state === null || !this.running || this.paused) return;
    this.timer = setTimeout(() => {
      this.advance(true);
      this.publish();
      this.schedule();
    }, this.tickMs / this.speed);
  }

  /** One tick with the queued commands; `report`: refusals become notices, as the server's outcomes do. */
  private advance(report: boolean): void {
    const state = this.state;
    if (state === null) return;
    const entries: CommandEntry[] = this.queue.map((command) => ({
      tick: state.tick,
      team: TEAM,
      player: 'dev',
      seq: this.seq++,
      command,
    }));
    this.queue = [];
    step(state, entries);
    if (report) for (const o of state.lastOutcomes) if (!o.ok && o.reason !== null) this.notify('error', `reasons.${o.reason}`);
    const view = teamView(state);
    this.history.update((h) => ({ ...h, [TEAM]: [...(h[TEAM] ?? []).slice(1 - HISTORY_KEPT), historyPoint(view)] }));
  }

  private publish(): void {
    const state = this.state;
    if (state === null) return;
    const chapter = findChapter(this.scenario);
    this.game.set({
      code: 'DEV123',
      mode: 'solo',
      scenario: this.scenario,
      clock: {
        tick: state.tick,
        phase: state.gameOver === null ? 'running' : 'finished',
        paused: this.paused,
        speed: this.speed,
        adjustable: true,
        pauseReason: null,
      },
      me: { team: TEAM, role: 'player', seatId: 'dev' },
      seats: [{ seatId: 'dev', name: 'Dev', team: TEAM, role: 'player', connected: true, ready: true }],
      teamIds: [TEAM],
      teams: { [TEAM]: teamView(state) },
      resultId: null,
      replayId: null,
      // A chapter's goals so far, as the server would project them.
      goalValues: { [TEAM]: chapter === null ? [] : chapterGoals(chapter).map((goal) => goalValue(state, goal.metric)) },
      scoreboard: [],
      host: null,
      teamNames: {},
      durationTicks: state.scenario.objectives.durationTicks ?? 0,
      locked: false,
      placement: 'auto',
      pauseOnDrop: true,
      hints: [],
    });
  }

  private notify(kind: Notice['kind'], key: string, params?: Notice['params']): void {
    const notice: Notice = params === undefined ? { id: ++this.noticeId, kind, key } : { id: ++this.noticeId, kind, key, params };
    this.notices.update((list) => [...list.slice(-4), notice]);
  }
}
