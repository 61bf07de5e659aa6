/**
 * A replay as the game screen sees a game: a UiClient whose stores hold the chosen team at the
 * tick on screen (the state the worker computes from keyframes), so the panels, the charts and
 * the diagram draw it unchanged. It is read-only: a command is refused with a notice, and the
 * clock's controls (the header's pause and speeds, the scrub bar) drive the replay's own playback
 * instead of a server. What the scrub bar draws is in `view`.
 */
import type { HistoryPoint } from '../../shared/protocol/history';
import type { ControlMessage, Speed } from '../../shared/protocol/messages';
import type { GameResult, ReplayDocument, ResultDocument } from '../../shared/protocol/results';
import type { ConnectionStatus, GameModel, Notice } from '../state/model';
import { Store } from '../state/store';
import type { UiClient } from '../ui/uiClient';
import type { ScrubBackend } from './backend';
import type { SeekAnswer } from './engine';
import { LatestSeek } from './latestSeek';
import { chartPoints, replayModel, replayResultId } from './replayModel';
import { clampTick, playbackTick } from './timeline';

/** Where the replay came from: the server (it has a link) or a file the player opened. */
export type ReplaySource = { kind: 'server' } | { kind: 'file'; name: string };

export interface ReplayView {
  team: string;
  /** Where the slider is: the tick asked for last. */
  tick: number;
  /** The tick on screen (null before the first answer). */
  shown: number | null;
  playing: boolean;
  speed: Speed;
  phase: 'loading' | 'ready' | 'failed';
  /** How far the team's re-run from the start is while loading, 0–1 (1 once ready). */
  progress: number;
  /** Whether the re-run ends on the server's recorded hash (null: unknown yet, or none recorded). */
  faithful: boolean | null;
  where: 'worker' | 'page';
  /** Milliseconds the run from the start took (keyframes and chart history), and the last seek in the worker. */
  loadMs: number | null;
  seekMs: number | null;
}

/** Real milliseconds between playback frames, at most (fast speeds move several ticks a frame). */
const FRAME_MS = 33;
/** The charts follow the history as it arrives at most this often (each redraw costs a little). */
const HISTORY_REDRAW_MS = 250;

let replays = 0;

export class ReplayClient implements UiClient {
  readonly replaying = true;
  readonly status = new Store<ConnectionStatus>('idle');
  readonly game = new Store<GameModel | null>(null);
  readonly history = new Store<Record<string, HistoryPoint[]>>({});
  readonly notices = new Store<Notice[]>([]);
  readonly view: Store<ReplayView>;

  /** Each replay client's keys are its own in the worker: `<client>:<team>`. */
  private readonly token = ++replays;
  private readonly points = new Map<string, HistoryPoint[]>();
  /** Each team's result from its re-run, once loaded. */
  private readonly results = new Map<string, GameResult['teams'][number]>();
  private readonly seeker: LatestSeek<SeekAnswer | null>;
  private answer: SeekAnswer | null = null;
  private loading: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | undefined;
  private playFrom = { tick: 0, at: 0 };
  private redraw: ReturnType<typeof setTimeout> | undefined;
  private noticeId = 0;
  private closed = false;

  constructor(
    readonly doc: ReplayDocument,
    readonly source: ReplaySource,
    private readonly live: UiClient,
    private readonly backend: ScrubBackend,
    /** Called when the replay is left (for the start screen, or for a new game). */
    private readonly onClose: () => void,
  ) {
    const team = doc.teams[0] as string;
    this.view = new Store<ReplayView>({
      team,
      tick: 0,
      shown: null,
      playing: false,
      speed: 8,
      phase: 'loading',
      progress: 0,
      faithful: null,
      where: backend.where,
      loadMs: null,
      seekMs: null,
    });
    this.seeker = new LatestSeek(
      (tick) => this.backend.seek(this.key(this.view.get().team), tick),
      (answer) => this.show(answer),
      () => this.notify('error', 'ui.replay.error.seek'),
    );
    backend.onHistory((slice) => {
      // A run from the start again (a worker that failed hands its loads to the page) starts the points over.
      const before = slice.first ? [] : (this.points.get(slice.key) ?? []);
      this.points.set(slice.key, [...before, ...slice.points]);
      if (slice.key === this.key(this.view.get().team)) this.historyArrived(slice.done);
    });
    backend.onProgress(({ key, ticks, finalTick }) => {
      const view = this.view.get();
      if (this.closed || view.phase !== 'loading' || key !== this.key(view.team)) return;
      this.view.set({ ...view, progress: finalTick === 0 ? 1 : ticks / finalTick });
    });
  }

  get finalTick(): number {
    return this.doc.finalTick;
  }

  /** Follows `team` from the tick the slider is at: its keyframes built first (once per team). */
  selectTeam(team: string): Promise<void> {
    if (!this.doc.teams.includes(team) || this.closed) return this.loading;
    this.pause();
    const key = this.key(team);
    this.view.update((v) => ({ ...v, team, phase: 'loading', progress: 0, faithful: null, shown: null }));
    this.loading = this.backend.load({ key, replay: this.doc, team }).then(
      (loaded) => {
        if (this.closed || this.view.get().team !== team) return;
        this.results.set(team, loaded.result);
        this.view.update((v) => ({
          ...v,
          phase: 'ready',
          progress: 1,
          faithful: loaded.faithful,
          loadMs: loaded.ms,
          where: this.backend.where,
        }));
        this.seeker.want(this.view.get().tick);
      },
      () => {
        if (this.closed || this.view.get().team !== team) return;
        this.view.update((v) => ({ ...v, phase: 'failed' }));
        this.notify('error', 'ui.replay.error.failed');
      },
    );
    return this.loading;
  }

  /** Moves the slider to `tick` (the player's move pauses playback). */
  seek(tick: number): void {
    this.pause();
    this.moveTo(tick);
  }

  /** Moves by `ticks` from where the slider is. */
  stepBy(ticks: number): void {
    this.seek(this.view.get().tick + ticks);
  }

  play(): void {
    const view = this.view.get();
    if (this.closed || view.playing) return;
    // From the end, playing again starts over.
    if (view.tick >= this.finalTick) this.moveTo(0);
    this.playFrom = { tick: this.view.get().tick, at: performance.now() };
    this.view.update((v) => ({ ...v, playing: true }));
    this.timer = setInterval(() => this.frame(), Math.max(FRAME_MS, 1000 / view.speed));
    this.republish();
  }

  pause(): void {
    if (!this.view.get().playing) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.view.update((v) => ({ ...v, playing: false }));
    this.republish();
  }

  setSpeed(speed: Speed): void {
    const playing = this.view.get().playing;
    this.pause();
    this.view.update((v) => ({ ...v, speed }));
    if (playing) this.play();
    else this.republish();
  }

  /** Resolves once the slider's tick is the one on screen (the browser tests' and the benchmark's wait). */
  async settled(): Promise<SeekAnswer | null> {
    await this.loading;
    await this.seeker.settled();
    return this.answer;
  }

  /** Leaves the replay: playback stops, the worker is let go. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    clearTimeout(this.redraw);
    this.seeker.stop();
    this.backend.stop();
    this.onClose();
  }

  // The UiClient: the clock's controls drive playback; commands are refused; the rest is the live client's.

  control(message: ControlMessage): void {
    if (message.action === 'pause') this.pause();
    else if (message.action === 'resume' || message.action === 'start') this.play();
    else if (message.action === 'speed') {
      this.setSpeed(message.speed);
      this.play();
    } else this.seek(this.finalTick);
  }

  send(): number {
    this.notify('info', 'ui.replay.readOnly');
    return -1;
  }

  dismiss(id: number): void {
    this.notices.update((list) => list.filter((n) => n.id !== id));
  }

  /** The debrief asks for the replay by its id: this one is at hand (a file's has no server copy). */
  replay(id: string): Promise<ReplayDocument | null> {
    return id === this.doc.id ? Promise.resolve(this.doc) : this.live.replay(id);
  }

  // Playing a chapter again or going to the map leaves the replay for the live game's screens.
  startSolo(scenario?: string): Promise<void> {
    this.close();
    return this.live.startSolo(scenario);
  }

  async leave(): Promise<void> {
    this.close();
  }

  /** A team's result as the server would store it, from the re-run (a replay file has no stored one). */
  result(id: string): Promise<ResultDocument | null> {
    const team = this.doc.teams.find((t) => replayResultId(this.doc, t) === id);
    if (team === undefined) return this.live.result(id);
    const result = this.results.get(team);
    if (result === undefined) return Promise.resolve(null);
    const { scenario, seed, finalTick } = this.doc;
    return Promise.resolve({
      id,
      createdAt: '',
      result: { code: '', mode: 'solo', scenario: scenario.id, seed, endedTick: finalTick, teams: [result], seats: {} },
    });
  }

  campaign: UiClient['campaign'] = () => this.live.campaign();
  join: UiClient['join'] = (code) => this.live.join(code);
  hasSeat: UiClient['hasSeat'] = (code) => this.live.hasSeat(code);
  createMatch: UiClient['createMatch'] = (settings) => this.live.createMatch(settings);
  createWorkshop: UiClient['createWorkshop'] = (settings) => this.live.createWorkshop(settings);
  publicMatches: UiClient['publicMatches'] = () => this.live.publicMatches();
  setPlayerName: UiClient['setPlayerName'] = (name) => this.live.setPlayerName(name);
  lobby: UiClient['lobby'] = (message) => this.live.lobby(message);
  instruct: UiClient['instruct'] = (message) => this.live.instruct(message);
  resumeLastGame: UiClient['resumeLastGame'] = () => Promise.resolve(false);

  get playerName(): string | null {
    return this.live.playerName;
  }

  private key(team: string): string {
    return `${this.token}:${team}`;
  }

  private moveTo(tick: number): void {
    const at = clampTick(tick, this.finalTick);
    this.view.update((v) => ({ ...v, tick: at }));
    if (this.view.get().phase === 'ready') this.seeker.want(at);
  }

  private frame(): void {
    const { speed } = this.view.get();
    const tick = playbackTick(this.playFrom.tick, speed, performance.now() - this.playFrom.at, this.finalTick);
    if (tick !== this.view.get().tick) this.moveTo(tick);
    if (tick >= this.finalTick) this.pause();
  }

  private show(answer: SeekAnswer | null): void {
    // A dropped seek, or an answer for the team shown before a switch.
    if (answer === null || this.closed || answer.key !== this.key(this.view.get().team)) return;
    this.answer = answer;
    this.view.update((v) => ({ ...v, shown: answer.tick, seekMs: answer.ms }));
    this.republish();
    this.publishHistory();
  }

  /** The model again with the playback's state (paused or not, the speed). */
  private republish(): void {
    const answer = this.answer;
    if (answer === null || this.closed) return;
    const { team, playing, speed } = this.view.get();
    this.game.set(replayModel(this.doc, team, answer, { playing, speed }));
  }

  private publishHistory(): void {
    const answer = this.answer;
    const team = this.view.get().team;
    // Until the team picked last has a state on screen, the charts stay with the one shown.
    if (answer === null || answer.key !== this.key(team)) return;
    this.history.set({ [team]: chartPoints(this.points.get(answer.key) ?? [], answer) });
  }

  private historyArrived(done: boolean): void {
    if (done) {
      clearTimeout(this.redraw);
      this.redraw = undefined;
      this.publishHistory();
    } else if (this.redraw === undefined) {
      this.redraw = setTimeout(() => {
        this.redraw = undefined;
        this.publishHistory();
      }, HISTORY_REDRAW_MS);
    }
  }

  private notify(kind: Notice['kind'], key: string): void {
    // A player clicking "buy" five times needs to read it once.
    if (this.notices.get().some((n) => n.key === key)) return;
    this.notices.update((list) => [...list.slice(-3), { id: ++this.noticeId, kind, key }]);
  }
}
