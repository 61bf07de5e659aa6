/**
 * The only code that touches the Colyseus room: creating or joining a game, sending commands with
 * sequence numbers (resent after a reconnection; the server applies each once), turning the wire
 * state into the model the UI and the diagram read, and getting back to the seat after a drop:
 * first the SDK's own reconnection, then, if the server restarted, joining again by code with the
 * same player id. It also asks the room's "what if" forecasts (the newest question wins) and waits
 * for a command's outcome when the caller needs the id a buy created.
 */
import { Client, type Room } from '@colyseus/sdk';
import {
  CLIENT_MESSAGES,
  CLOSE_MOVED,
  CLOSE_REMOVED,
  CLOSE_SEAT_TAKEN_OVER,
  JOIN_REASONS,
  ROOM_NAME,
  SERVER_MESSAGES,
  type AckMessage,
  type ControlMessage,
  type ErrorMessage,
  type InjectedMessage,
  type OutcomeMessage,
  type WelcomeMessage,
} from '../../shared/protocol/messages';
import { FORECAST_MESSAGE, type ForecastAnswer, type ForecastRequest } from '../../shared/protocol/forecast';
import { ForecastWaiter, OutcomeWaiters, type CommandOutcome, type ForecastReply } from './forecasts';
import { ROOM_ACTION_MESSAGES, type InstructorMessage, type LobbyMessage, type Placement } from '../../shared/protocol/roomActions';
import type { ChapterStanding, ReplayDocument, ResultDocument } from '../../shared/protocol/results';
import type { GameState } from '../../shared/schema/gameState';
import type { Command } from '../../shared/sim';
import type { ConnectionStatus, GameModel, HistoryPoint, MySeat, Notice } from '../state/model';
import { Store } from '../state/store';
import { MATCH_TEAMS, workshopTeamIds } from '../../shared/protocol/roomActions';
import { appendPoint, historyPoint, mergeHistory, type HistoryMessage } from '../../shared/protocol/history';
import { fetchPublicMatches, fetchReplay, fetchResult, fetchStandings, resolveCode, type PublicMatch } from './api';
import { gameModel } from './toModel';

const PLAYER_ID_KEY = 'scale-up:player-id';
const NAME_KEY = 'scale-up:name';
const SEAT_TOKENS_KEY = 'scale-up:seat-tokens';
/** Seat tokens kept, newest first: enough for every game a browser is likely to return to. */
const SEAT_TOKENS_KEPT = 20;
/** The join code of the game this browser was last in: a reload goes back to it. */
const LAST_GAME_KEY = 'scale-up:last-game';
/** Attempts to rejoin by code after the SDK gave up, one second apart (a restart takes a few). */
const REJOIN_ATTEMPTS = 30;

/** The anonymous id this browser keeps for its player (its seat key in every room). */
function playerIdFrom(storage: Storage): string {
  let id = storage.getItem(PLAYER_ID_KEY);
  if (id === null || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
    id = crypto.randomUUID();
    storage.setItem(PLAYER_ID_KEY, id);
  }
  return id;
}

function savedName(storage: Storage): string | undefined {
  return storage.getItem(NAME_KEY) ?? undefined;
}

type SeatTokens = Array<[code: string, token: string]>;

function readSeatTokens(storage: Storage): SeatTokens {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(SEAT_TOKENS_KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter(
          (pair): pair is [string, string] => Array.isArray(pair) && pair.length === 2 && pair.every((part) => typeof part === 'string'),
        )
      : [];
  } catch {
    return [];
  }
}

/** The seat token a room issued this browser, by join code (needed with the player id to sit there again). */
function seatTokenFor(storage: Storage, code: string): string | undefined {
  return readSeatTokens(storage).find(([known]) => known === code)?.[1];
}

function keepSeatToken(storage: Storage, code: string, token: string): void {
  const others = readSeatTokens(storage).filter(([known]) => known !== code);
  storage.setItem(SEAT_TOKENS_KEY, JSON.stringify([[code, token], ...others].slice(0, SEAT_TOKENS_KEPT)));
}

/** The first `count` match team ids (red, blue, green, gold). */
function matchTeams(count: number): string[] {
  return MATCH_TEAMS.slice(0, Math.max(2, Math.min(MATCH_TEAMS.length, count)));
}

/** Refusals of the server's HTTP side (matchmaking), by the reason code it answers with. */
const HTTP_REFUSAL_KEYS: Readonly<Record<string, string>> = {
  'rate-limited': 'net.joinRateLimited',
  'origin-not-allowed': 'net.originNotAllowed',
  'body-too-large': 'reasons.invalid-join',
};

/**
 * The locale key that explains why a create or join was refused, when the server said why (the
 * error's message is then a reason code); null for anything else (the network, a crash).
 */
function joinRefusal(error: unknown): string | null {
  const message = error instanceof Error ? error.message : '';
  if (message === 'storage-failed' || (JOIN_REASONS as readonly string[]).includes(message)) return `reasons.${message}`;
  return HTTP_REFUSAL_KEYS[message] ?? null;
}

type GameRoom = Room<unknown, GameState>;

/** What the creator of a match chooses. */
export interface MatchSettings {
  scenario: string;
  /** 2–4 teams. */
  teams: number;
  public: boolean;
  /** Simulated minutes; absent: the scenario's own length. */
  durationTicks?: number;
}

/** What the instructor of a workshop chooses. */
export interface WorkshopSettings {
  scenario: string;
  /** 1–12 teams. */
  teams: number;
  placement: Placement;
  pauseOnDrop: boolean;
  durationTicks?: number;
}

export class GameClient {
  readonly status = new Store<ConnectionStatus>('idle');
  readonly game = new Store<GameModel | null>(null);
  /** Chart points per team id. */
  readonly history = new Store<Record<string, HistoryPoint[]>>({});
  readonly notices = new Store<Notice[]>([]);

  private readonly sdk: Client;
  private readonly playerId: string;
  private room: GameRoom | undefined;
  private me: MySeat = { team: null, role: 'player', seatId: '' };
  private nextSeq = 0;
  /** Commands sent and not yet acknowledged, by sequence number: resent after a reconnection. */
  private readonly unacked = new Map<number, Command>();
  private noticeId = 0;
  private leaving = false;
  /** Whether the player was told, during this pause, that commands wait for the clock. */
  private toldPaused = false;
  private readonly forecasts = new ForecastWaiter();
  private readonly outcomes = new OutcomeWaiters();

  constructor(
    /** The server's address (the page's own origin): the game's rooms and its HTTP API. */
    private readonly origin: string,
    private readonly storage: Storage,
  ) {
    this.sdk = new Client(origin);
    this.playerId = playerIdFrom(storage);
  }

  /** This browser's anonymous profile id (its campaign progress is kept under it). */
  get profileId(): string {
    return this.playerId;
  }

  /** The campaign map's standings for this browser; null when the server cannot be reached. */
  campaign(): Promise<ChapterStanding[] | null> {
    return fetchStandings(this.origin, this.playerId);
  }

  result(id: string): Promise<ResultDocument | null> {
    return fetchResult(this.origin, id);
  }

  replay(id: string): Promise<ReplayDocument | null> {
    return fetchReplay(this.origin, id);
  }

  get code(): string | null {
    return this.room?.roomId ?? null;
  }

  async startSolo(scenario = 'sandbox'): Promise<void> {
    await this.connect(() => this.sdk.create(ROOM_NAME, { mode: 'solo', scenario, ...this.identity() }));
  }

  /** Creates a match and sits its creator (the host) on the first team; others join by its code. */
  async createMatch(settings: MatchSettings): Promise<void> {
    const { teams, ...rest } = settings;
    await this.connect(() => this.sdk.create(ROOM_NAME, { mode: 'match', ...rest, teams: matchTeams(teams), ...this.identity() }));
  }

  /** Creates a workshop with its creator as the instructor. */
  async createWorkshop(settings: WorkshopSettings): Promise<void> {
    const { teams, ...rest } = settings;
    await this.connect(() =>
      this.sdk.create(ROOM_NAME, { mode: 'workshop', ...rest, teams: workshopTeamIds(teams), role: 'instructor', ...this.identity() }),
    );
  }

  /**
   * Joins a game by the code a person typed or followed a link with. A workshop's code may be a
   * newer one than its room's id: the server says which room it opens.
   */
  async join(code: string): Promise<void> {
    const roomId = (await resolveCode(this.origin, code)) ?? code;
    await this.connect(() => this.sdk.joinById(roomId, { ...this.identity(roomId), code }));
  }

  /** Whether this browser already has a seat in the game a code opens (it can rejoin without a name). */
  async hasSeat(code: string): Promise<boolean> {
    const roomId = (await resolveCode(this.origin, code)) ?? code;
    return seatTokenFor(this.storage, roomId) !== undefined;
  }

  /** Public matches waiting for players; null when the server cannot be reached. */
  publicMatches(): Promise<PublicMatch[] | null> {
    return fetchPublicMatches(this.origin);
  }

  /** The name this browser plays under (kept for the next game too); sent with every join. */
  get playerName(): string | null {
    return savedName(this.storage) ?? null;
  }

  setPlayerName(name: string): void {
    const trimmed = name.trim().slice(0, 32);
    if (trimmed === '') this.storage.removeItem(NAME_KEY);
    else this.storage.setItem(NAME_KEY, trimmed);
  }

  /** A lobby action: pick a team, ready up, name one's team, the host's number of teams. */
  lobby(message: LobbyMessage): void {
    this.room?.send(ROOM_ACTION_MESSAGES.lobby, message);
  }

  /** An instructor's action (the server refuses it from anyone else). */
  instruct(message: InstructorMessage): void {
    this.room?.send(ROOM_ACTION_MESSAGES.instructor, message);
  }

  /** Sends a game command; returns its sequence number. */
  send(command: Command): number {
    const seq = this.nextSeq++;
    this.unacked.set(seq, command);
    this.room?.send(CLIENT_MESSAGES.command, { seq, command });
    // Commands apply at the next tick: while the clock stands still, say so once, or a player
    // who sees nothing happen buys twice.
    const clock = this.game.get()?.clock;
    if (clock?.paused === true && !this.toldPaused) {
      this.toldPaused = true;
      this.notify('info', 'net.queuedWhilePaused');
    }
    return seq;
  }

  /**
   * Sends a game command and resolves with what the simulation did with it at its tick (for a buy,
   * the id it created); null if the game is left first.
   */
  sendAndWait(command: Command): Promise<CommandOutcome | null> {
    return this.outcomes.wait(this.send(command));
  }

  /**
   * Asks the room what the team's next `ticks` minutes look like as things stand and with `change`
   * applied. Newer questions win: one still waiting is answered `superseded`.
   */
  forecast(ticks: number, change: ForecastRequest['change']): Promise<ForecastReply> {
    const room = this.room;
    const online = room !== undefined && this.status.get() === 'online';
    return this.forecasts.ask(online ? (type, message) => room.send(type, message) : null, ticks, change);
  }

  control(message: ControlMessage): void {
    this.room?.send(CLIENT_MESSAGES.control, message);
  }

  /** The join code of the game this browser was last in, if any (a reload offers to go back). */
  lastGame(): string | null {
    return this.storage.getItem(LAST_GAME_KEY);
  }

  /**
   * Goes back to the game this browser was last in (after a reload or a closed tab). Resolves
   * false, quietly, when there is none or it is over and gone; a refusal is shown as usual.
   */
  async resumeLastGame(): Promise<boolean> {
    const code = this.lastGame();
    if (code === null) return false;
    this.status.set('connecting');
    try {
      this.attach(await this.sdk.joinById(code, { ...this.identity(code), resume: true }));
      return true;
    } catch (error) {
      this.status.set('idle');
      this.storage.removeItem(LAST_GAME_KEY);
      const refusal = joinRefusal(error);
      // A game that is over, or whose code now belongs to another game, is simply not resumed.
      if (refusal !== null && refusal !== 'reasons.no-seat') this.notify('error', refusal);
      return false;
    }
  }

  /** Leaves the game for the start screen (the campaign map): a reload no longer goes back to it. */
  async leave(): Promise<void> {
    this.storage.removeItem(LAST_GAME_KEY);
    this.leaving = true;
    await this.room?.leave().catch(() => undefined);
    this.room = undefined;
    this.forgetGame();
    this.status.set('idle');
  }

  /** Closes the socket as a network failure would (for tests and the debug hook). */
  dropConnection(): void {
    (this.room?.connection as unknown as { close?: (code?: number) => void } | undefined)?.close?.(4999);
  }

  dismiss(id: number): void {
    this.notices.update((list) => list.filter((notice) => notice.id !== id));
  }

  /** Who joins: the player id, the name, and for a room sat in before, the seat token it issued. */
  private identity(code?: string): { playerId: string; name?: string; seatToken?: string } {
    const name = savedName(this.storage);
    const seatToken = code === undefined ? undefined : seatTokenFor(this.storage, code);
    return {
      playerId: this.playerId,
      ...(name === undefined ? {} : { name }),
      ...(seatToken === undefined ? {} : { seatToken }),
    };
  }

  private async connect(open: () => Promise<GameRoom>): Promise<void> {
    this.status.set('connecting');
    this.leaving = false;
    try {
      const room = await open();
      if (room.roomId !== this.room?.roomId) this.forgetGame();
      this.attach(room);
    } catch (error) {
      // A refusal is an answer from the server, not a lost connection.
      const refusal = joinRefusal(error);
      this.status.set(refusal === null ? 'offline' : 'idle');
      if (refusal !== null) this.notify('error', refusal);
      else this.notify('error', 'net.joinFailed', { detail: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  private attach(room: GameRoom): void {
    this.room = room;
    room.onMessage(SERVER_MESSAGES.welcome, (welcome: WelcomeMessage) => {
      if (welcome.seatToken !== null) keepSeatToken(this.storage, welcome.code, welcome.seatToken);
      this.storage.setItem(LAST_GAME_KEY, welcome.code);
      this.me = { team: welcome.team, role: welcome.role, seatId: welcome.seatId };
      // The full state may have come first: the model is rebuilt now that this seat is known (a
      // quiet lobby may send no patch for a while).
      if (this.game.get() !== null) this.onState(room.state);
      this.nextSeq = Math.max(this.nextSeq, welcome.nextSeq);
      this.status.set('online');
      // Commands the server never acknowledged go again; those it did are answered as duplicates.
      for (const [seq, command] of [...this.unacked].sort((a, b) => a[0] - b[0])) room.send(CLIENT_MESSAGES.command, { seq, command });
    });
    room.onMessage(SERVER_MESSAGES.ack, (ack: AckMessage) => this.unacked.delete(ack.seq));
    // The room's own chart points (a reload or a late join would otherwise start the charts empty).
    room.onMessage(SERVER_MESSAGES.history, (message: HistoryMessage) => {
      this.history.update((history) => ({ ...history, [message.team]: mergeHistory(history[message.team] ?? [], message.points) }));
    });
    // The instructor hears when an incident for every team reached only some of them.
    room.onMessage(SERVER_MESSAGES.injected, (answer: InjectedMessage) => {
      if (answer.skipped.length > 0) {
        this.notify('info', 'net.injectedSome', { applied: answer.applied.length, total: answer.applied.length + answer.skipped.length });
      }
    });
    room.onMessage(SERVER_MESSAGES.outcome, (outcome: OutcomeMessage) => {
      if (!outcome.ok && outcome.reason !== null) this.notify('error', `reasons.${outcome.reason}`);
      this.outcomes.settle(outcome.seq, outcome);
    });
    room.onMessage(FORECAST_MESSAGE, (answer: ForecastAnswer) => this.forecasts.settle({ kind: 'answer', answer }, answer.id));
    room.onMessage(SERVER_MESSAGES.error, (error: ErrorMessage) => {
      // A refused forecast is the forecast panel's to explain; its `seq`, when set, is the forecast's id.
      if (error.type === FORECAST_MESSAGE) {
        this.forecasts.settle({ kind: 'failed', reason: error.reason }, error.seq ?? undefined);
        return;
      }
      if (error.seq !== null) {
        this.unacked.delete(error.seq);
        this.outcomes.settle(error.seq, { ok: false, reason: error.reason, createdId: null });
      }
      this.notify('error', `reasons.${error.reason}`);
    });
    room.onStateChange((state) => this.onState(state));
    room.onDrop(() => {
      this.status.set('reconnecting');
      // A forecast asked on the dropped connection is not answered on the next one.
      this.forecasts.settle({ kind: 'failed', reason: 'offline' });
    });
    room.onReconnect(() => {
      this.status.set('online');
      this.notify('info', 'net.reconnected');
    });
    room.onLeave((code) => {
      if (this.leaving || this.room !== room) return;
      // This seat was opened somewhere else (another tab or device): that one plays now.
      if (code === CLOSE_SEAT_TAKEN_OVER) {
        this.status.set('replaced');
        return;
      }
      // The instructor took this participant out of the session: back to the start, not back in.
      if (code === CLOSE_REMOVED) {
        this.storage.removeItem(LAST_GAME_KEY);
        this.room = undefined;
        this.forgetGame();
        this.status.set('idle');
        this.notify('error', 'reasons.removed');
        return;
      }
      // The seat changed team: join again at once, to receive the new team's system.
      if (code === CLOSE_MOVED) {
        void this.rejoin(room.roomId, code, true);
        return;
      }
      // The SDK could not get back in (the server restarted or the seat expired): rejoin by code.
      void this.rejoin(room.roomId, code);
    });
  }

  /**
   * Another game begins (play again, join another code): its charts start empty, commands of the
   * last game that were never acknowledged are not sent to the new one, and the last game's
   * notices (a refusal, a reconnection) do not linger over the new one.
   */
  private forgetGame(): void {
    this.forecasts.settle({ kind: 'failed', reason: 'offline' });
    this.outcomes.forgetAll();
    this.notices.set([]);
    this.history.set({});
    this.game.set(null);
    this.unacked.clear();
    this.nextSeq = 0;
  }

  private onState(state: GameState): void {
    const model = gameModel(state, this.me);
    if (!model.clock.paused) this.toldPaused = false;
    this.game.set(model);
    this.history.update((history) => {
      let changed = false;
      const next = { ...history };
      for (const [team, view] of Object.entries(model.teams)) {
        const points = next[team] ?? [];
        const appended = appendPoint(points, historyPoint(view));
        if (appended === points) continue;
        next[team] = appended as HistoryPoint[];
        changed = true;
      }
      return changed ? next : history;
    });
  }

  private async rejoin(code: string, closeCode: number, quietly = false): Promise<void> {
    this.status.set('reconnecting');
    for (let attempt = 0; attempt < REJOIN_ATTEMPTS && !this.leaving; attempt++) {
      try {
        this.attach(await this.sdk.joinById(code, { ...this.identity(code), resume: true }));
        // The other team's charts and unacknowledged orders belong to the team left behind.
        if (quietly) {
          this.history.set({});
          this.unacked.clear();
          // Money, system and incidents all change at once: say why (a lobby switch says it too, harmlessly).
          if (this.game.get()?.clock.phase === 'running') this.notify('info', 'net.moved');
        } else this.notify('info', 'net.reconnected');
        return;
      } catch (error) {
        // A refusal (the seat is someone else's, the room is full) will not change by trying again.
        const refusal = joinRefusal(error);
        if (refusal !== null) {
          this.status.set('offline');
          this.notify('error', refusal);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
    this.status.set('offline');
    this.notify('error', 'net.lost', { code: closeCode });
  }

  private notify(kind: Notice['kind'], key: string, params?: Notice['params']): void {
    const notice: Notice = params === undefined ? { id: ++this.noticeId, kind, key } : { id: ++this.noticeId, kind, key, params };
    this.notices.update((list) => [...list.slice(-4), notice]);
  }
}
