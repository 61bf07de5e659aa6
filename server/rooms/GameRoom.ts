// The game room: lifecycle and wiring only. The simulations (teamSims), the seats (seats), the
// join door (joining), the command door (commandIntake), the clock rules (controls), and who sees
// which team with the projection into the wire state (sync/teamViews) each live in their own module.
import { Room, type Client, type Delayed } from '@colyseus/core';
import {
  CLIENT_MESSAGES, CLOSE_SEAT_TAKEN_OVER, controlMessageSchema, MAX_MESSAGE_CHARS, PROTOCOL_VERSION, SERVER_MESSAGES,
  type ErrorMessage, type ErrorReason, type Mode, type Phase, type WelcomeMessage,
} from '../../shared/protocol/messages';
import { historyPoint, pushPoint, type HistoryMessage, type HistoryPoint } from '../../shared/protocol/history';
import { GameState, SeatState } from '../../shared/schema/gameState';
import type { RoomRecord } from '../store/types';
import { repairFullStateBuffer } from '../sync/fullStateBuffer';
import { TeamViews } from '../sync/teamViews';
import { CommandIntake, jsonSize } from './commandIntake';
import { controlAllowed } from './controls';
import { newRoomRecord, roomSettings, type RoomSnapshot } from './gameSetup';
import { finishGame } from './finishGame';
import { claimCode, releaseCode, reserveCode } from './joinCode';
import { parseJoinOptions, refuseJoin } from './joining';
import { consumeRestoreToken, loadStoredRoom } from './recovery';
import { roomServices, type RoomServices } from './roomServices';
import { Seats, type Seat } from './seats';
import { TeamSims } from './teamSims';
import { ThrottledErrors } from './throttledErrors';

export class GameRoom extends Room<{ state: GameState }> {
  override state = new GameState();
  /** A hard ceiling against floods only (it disconnects); the token bucket answers politely first. */
  override maxMessagesPerSecond = 100;
  /** Patches go out once per tick (and after seat changes), not on a timer. */
  override patchRate = null;
  /** An empty room waits for its players (after a drop, a restart or a closed tab); see emptyTimer. */
  override autoDispose = false;

  private services!: RoomServices;
  private record!: Omit<RoomRecord, 'status' | 'createdAt' | 'endedAt'>;
  private sims!: TeamSims;
  private seats!: Seats;
  private intake!: CommandIntake;
  private views!: TeamViews;
  /** Each team's chart points, for clients that join late or reload the page. */
  private readonly history = new Map<string, HistoryPoint[]>();
  /** Whether the room record is in the store: from its first seat on (or restored from it). */
  private persisted = false;
  private stopCountingClients: (() => void) | undefined;
  /** Errors a client's messages cause: one a second at most, bursts of 10. */
  private readonly errors = new ThrottledErrors(1, 10);
  private ticker: Delayed | undefined;
  private emptyTimer: Delayed | undefined;
  private ticking = false;
  private finished = false;

  get mode(): Mode {
    return this.record.mode;
  }

  private get phase(): Phase {
    return this.state.clock.phase as Phase;
  }

  override async onCreate(options: unknown): Promise<void> {
    // Before this room's serializer sends any full state (once per process; see the module).
    repairFullStateBuffer();
    this.services = roomServices();
    this.maxMessagesPerSecond = this.services.timings.floodMessagesPerSecond;
    const restoreId = await consumeRestoreToken(this.presence, options);
    if (restoreId !== null) await this.restore(restoreId);
    else await this.createNew(options);
    this.roomId = this.record.code;
    this.services.metrics.rooms.inc({ mode: this.mode });
    this.stopCountingClients = this.services.metrics.countClients(() => this.clients.length);
    this.onMessage(CLIENT_MESSAGES.command, (client, message: unknown) => void this.onCommand(client, message));
    this.onMessage(CLIENT_MESSAGES.control, (client, message: unknown) => this.onControl(client, message));
    // Called as (client, type, payload) for unknown types, but as (client, payload) for a message
    // whose type is '*' itself: never turn the argument into text, it may be any decoded value.
    this.onMessage('*', (client, type) => this.refuse(client, typeof type === 'string' ? type.slice(0, 40) : '*', 'unknown-message', null, 'no such message type'));
    await this.setMetadata({ mode: this.mode, scenario: this.record.scenarioId, code: this.record.code, phase: this.phase, teams: this.sims.teamIds.join(',') });
    await this.setPrivate(!roomSettings(this.record).public);
    this.schedule();
    this.watchEmpty();
  }

  private async createNew(options: unknown): Promise<void> {
    const code = await reserveCode(this.presence);
    try {
      // Stored when its first player sits down: a room nobody joins leaves nothing behind.
      this.record = newRoomRecord(options, code).record;
    } catch (error) {
      await releaseCode(this.presence, code);
      throw error;
    }
    this.setUp(new TeamSims(this.record.scenario, this.record.seed, roomSettings(this.record).teams), 'waiting');
  }

  private async restore(id: string): Promise<void> {
    const loaded = await loadStoredRoom(this.services.store, id, this.services.logger);
    this.record = loaded.record;
    this.persisted = true;
    await claimCode(this.presence, loaded.record.code);
    const room = loaded.room;
    // Without a snapshot's clock, a room whose log has commands was running (they are taken only then).
    this.setUp(loaded.sims, room?.phase ?? (loaded.commands > 0 ? 'running' : 'waiting'));
    if (room !== null) {
      this.state.clock.paused = room.paused;
      this.state.clock.speed = room.speed;
      for (const seat of room.seats) this.addSeat(this.seats.restore(seat), false);
    }
    // Logs written before seats had public ids name the player by profile id.
    for (const seat of this.seats.all()) {
      seat.lastSeq = Math.max(seat.lastSeq, loaded.lastSeqs[seat.seatId] ?? -1, loaded.lastSeqs[seat.playerId] ?? -1);
    }
    this.services.logger.info({ room: loaded.record.code, tick: loaded.sims.tick, commands: loaded.commands, snapshotTick: loaded.snapshotTick }, 'room restored');
  }

  private setUp(sims: TeamSims, phase: Phase): void {
    const { timings, store } = this.services;
    this.sims = sims;
    this.seats = new Seats(this.record.mode, sims.teamIds, this.services.timings.seats);
    this.intake = new CommandIntake(sims, {
      roomId: this.record.id, store, rate: timings.commandRate, burst: timings.commandBurst,
      running: () => this.phase === 'running',
    });
    const { state } = this;
    state.code = this.record.code;
    state.mode = this.record.mode;
    state.scenario = this.record.scenarioId;
    state.protocol = PROTOCOL_VERSION;
    state.clock.phase = phase;
    state.clock.adjustable = this.mode !== 'match';
    state.clock.speed = this.mode === 'match' ? timings.matchSpeed : (this.record.scenario.startSpeed ?? 1);
    this.views = new TeamViews(state, this.mode);
    if (phase === 'finished') this.views.reveal();
    for (const team of sims.teamIds) this.views.addTeam(team);
    this.project();
  }

  override async onJoin(client: Client, raw: unknown): Promise<void> {
    const options = parseJoinOptions(raw);
    const isCreator = options.playerId === roomSettings(this.record).creator;
    const taken = this.seats.take(options, client.sessionId, isCreator);
    if ('refused' in taken) refuseJoin(taken.refused);
    const { seat, rejoined, token, replaced } = taken;
    if (!this.persisted) {
      try {
        await this.services.store.createRoom(this.record);
        this.persisted = true;
      } catch (error) {
        this.seats.release(seat);
        this.services.logger.error({ room: this.record.code, err: error }, 'could not store a new room');
        refuseJoin('storage-failed');
      }
    }
    if (replaced !== null) this.closeReplaced(replaced);
    this.addSeat(seat, true);
    this.watchEmpty();
    client.view = this.views.viewFor(seat);
    countBytes(client, this.services);
    const welcome: WelcomeMessage = {
      protocol: PROTOCOL_VERSION, code: this.record.code, mode: this.mode, team: seat.team, role: seat.role,
      seatId: seat.seatId, seatToken: token, nextSeq: seat.lastSeq + 1,
    };
    client.send(SERVER_MESSAGES.welcome, welcome);
    for (const team of this.views.visibleTeams(seat)) {
      const message: HistoryMessage = { team, points: [...(this.history.get(team) ?? [])] };
      client.send(SERVER_MESSAGES.history, message);
    }
    this.services.logger.info({ room: this.record.code, seat: seat.seatId, team: seat.team, role: seat.role, rejoined, replaced: replaced !== null }, 'player joined');
    this.services.store.upsertProfile(seat.playerId, seat.name).catch((error: unknown) => {
      this.services.metrics.persistenceErrors.inc({ operation: 'profile' });
      this.services.logger.warn({ room: this.record.code, err: error }, 'could not store a profile');
    });
    if (this.mode === 'solo' && this.phase === 'waiting') this.setPhase('running');
    // A new seat (or a new token) must survive a restart: its holder comes back with the token.
    if (token !== null) await this.saveSnapshot();
    this.broadcastPatch();
  }

  /** Tells the connection that held a seat until now why it is closed, and closes it. */
  private closeReplaced(sessionId: string): void {
    const previous = this.clients.getById(sessionId);
    if (previous === undefined) return;
    this.refuse(previous, 'join', 'seat-taken-over', null, 'another connection took this seat');
    previous.leave(CLOSE_SEAT_TAKEN_OVER);
  }

  override onDrop(client: Client): void {
    if (!this.holdsSeat(client)) return;
    this.markConnected(client, false);
    void this.allowReconnection(client, this.services.timings.reconnectSeconds).catch(() => undefined);
  }

  override onReconnect(client: Client): void {
    // The seat may have been taken over by a new connection while this one was away.
    if (!this.holdsSeat(client)) {
      this.refuse(client, 'join', 'seat-taken-over', null, 'another connection took this seat');
      client.leave(CLOSE_SEAT_TAKEN_OVER);
      return;
    }
    this.markConnected(client, true);
    this.services.metrics.reconnections.inc();
  }

  override onLeave(client: Client): void {
    const seat = this.seats.bySession(client.sessionId);
    if (seat !== undefined) {
      this.markConnected(client, false);
      seat.sessionId = null;
    }
    this.intake.forget(client.sessionId);
    this.watchEmpty();
  }

  private holdsSeat(client: Client): boolean {
    return this.seats.bySession(client.sessionId) !== undefined;
  }

  /** Ends the game once nobody has been in the room for emptyRoomSeconds. */
  private watchEmpty(): void {
    const present = this.seats.all().some((seat) => seat.sessionId !== null);
    if (present) {
      this.emptyTimer?.clear();
      this.emptyTimer = undefined;
    } else if (this.emptyTimer === undefined) {
      // A room nobody has sat in (created, never joined) is only held for its seat reservation.
      const seconds = this.persisted ? this.services.timings.emptyRoomSeconds : this.services.timings.unjoinedRoomSeconds;
      this.emptyTimer = this.clock.setTimeout(() => {
        void this.finish().finally(() => this.disconnect());
      }, seconds * 1000);
    }
  }

  override onBeforeShutdown(): void {
    this.ticker?.clear();
    void this.saveSnapshot().finally(() => this.disconnect());
  }

  override async onDispose(): Promise<void> {
    this.ticker?.clear();
    this.stopCountingClients?.();
    if (this.record === undefined) return; // onCreate failed before the room had a record
    this.services.metrics.rooms.dec({ mode: this.mode });
    if (this.finished || !this.persisted) await releaseCode(this.presence, this.record.code);
  }

  override onUncaughtException(error: unknown, method: string): void {
    this.errors.error(this.services.logger, { room: this.record?.code, method, err: error }, 'uncaught error in room');
  }

  private async onCommand(client: Client, message: unknown): Promise<void> {
    if (!this.intake.allow(client.sessionId, performance.now())) return this.refuse(client, 'command', 'rate-limited', null, 'over the command rate');
    const result = await this.intake.receive(this.seats.bySession(client.sessionId), message);
    const { metrics } = this.services;
    if (result.kind === 'refused') {
      metrics.commands.inc({ result: 'rejected', reason: result.reason });
      return this.refuse(client, 'command', result.reason, result.seq, result.detail);
    }
    metrics.commands.inc({ result: result.kind, reason: '' });
    const ack = result.kind === 'accepted' ? { seq: result.entry.seq, tick: result.entry.tick } : { seq: result.seq, tick: result.tick };
    client.send(SERVER_MESSAGES.ack, ack);
  }

  private onControl(client: Client, message: unknown): void {
    if (!this.intake.allow(client.sessionId, performance.now())) return this.refuse(client, 'control', 'rate-limited', null, 'over the message rate');
    if (jsonSize(message) > MAX_MESSAGE_CHARS) return this.refuse(client, 'control', 'oversize', null, 'message too large');
    const parsed = controlMessageSchema.safeParse(message);
    if (!parsed.success) return this.refuse(client, 'control', 'malformed', null, parsed.error.issues[0]?.message ?? '');
    const seat = this.seats.bySession(client.sessionId);
    const control = parsed.data;
    if (seat === undefined || !controlAllowed(this.mode, seat, control.action, this.phase)) {
      return this.refuse(client, 'control', 'not-allowed', null, `${control.action} is not for a ${seat?.role ?? 'stranger'} in a ${this.mode}`);
    }
    const clock = this.state.clock;
    if (control.action === 'start' && this.phase === 'waiting') this.setPhase('running');
    else if (control.action === 'pause') clock.paused = true;
    else if (control.action === 'resume') clock.paused = false;
    else if (control.action === 'speed') clock.speed = control.speed;
    else if (control.action === 'end') void this.finish();
    this.schedule();
    this.broadcastPatch();
  }

  private refuse(client: Client, type: string, reason: ErrorReason, seq: number | null, detail: string): void {
    const message: ErrorMessage = { reason, seq, type, detail };
    client.send(SERVER_MESSAGES.error, message);
  }

  private setPhase(phase: Phase): void {
    this.state.clock.phase = phase;
    void this.setMetadata({ ...this.metadata, phase });
    this.schedule();
  }

  /** (Re)arms the tick timer for the current phase, pause and speed. */
  private schedule(): void {
    this.ticker?.clear();
    this.ticker = undefined;
    const clock = this.state.clock;
    if (this.phase !== 'running' || clock.paused) return;
    this.ticker = this.clock.setInterval(() => void this.tick(), this.services.timings.tickMs / clock.speed);
  }

  private tick(): Promise<void> {
    if (this.ticking || this.finished) return Promise.resolve();
    this.ticking = true;
    // Through the intake's chain: no command is stamped and logged while a tick runs.
    return this.intake.exclusive(() => this.runTick()).finally(() => {
      this.ticking = false;
    });
  }

  private async runTick(): Promise<void> {
    if (this.finished) return;
    const started = performance.now();
    try {
      const { due, stale } = this.intake.takeDue(this.sims.tick);
      if (stale.length > 0) this.services.logger.error({ room: this.record.code, stale }, 'logged commands missed their tick');
      const outcomes = this.sims.step(due);
      for (const outcome of outcomes) {
        const sessionId = this.seats.bySeatId(outcome.player)?.sessionId;
        const client = sessionId ? this.clients.getById(sessionId) : undefined;
        client?.send(SERVER_MESSAGES.outcome, { seq: outcome.seq, tick: this.sims.tick - 1, ok: outcome.ok, reason: outcome.reason, createdId: outcome.createdId });
      }
      this.project();
      if (this.sims.tick % this.services.timings.snapshotEveryTicks === 0) await this.saveSnapshot();
      if (this.sims.allOver()) await this.finish();
      this.broadcastPatch();
      this.services.metrics.ticks.inc({ mode: this.mode });
    } catch (error) {
      this.services.logger.error({ room: this.record.code, err: error }, 'tick failed');
    } finally {
      this.services.metrics.tickSeconds.observe((performance.now() - started) / 1000);
    }
  }

  private project(): void {
    this.views.project(this.sims.teamIds, (team) => this.sims.state(team), (team, view) => {
      let points = this.history.get(team);
      if (points === undefined) this.history.set(team, (points = []));
      pushPoint(points, historyPoint(view));
    });
    this.state.clock.tick = this.sims.tick;
  }

  private async finish(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.ticker?.clear();
    this.state.clock.phase = 'finished';
    this.views.reveal();
    if (!this.persisted) return;
    const ids = await finishGame(this.services, this.record, this.sims, this.seats).catch((error: unknown) => {
      this.services.metrics.persistenceErrors.inc({ operation: 'result' });
      this.services.logger.error({ room: this.record.code, err: error }, 'could not store the result');
      return null;
    });
    if (ids !== null) {
      this.state.resultId = ids.resultId;
      this.state.replayId = ids.replayId;
    }
    this.broadcastPatch();
  }

  private async saveSnapshot(): Promise<void> {
    if (!this.persisted) return;
    const clock = this.state.clock;
    const room: RoomSnapshot = {
      phase: this.phase, paused: clock.paused, speed: clock.speed,
      seats: this.seats.all().map(({ sessionId: _away, ...seat }) => seat),
    };
    try {
      await this.services.store.saveSnapshot(this.record.id, this.sims.snapshot(room));
    } catch (error) {
      this.services.metrics.persistenceErrors.inc({ operation: 'snapshot' });
      this.services.logger.error({ room: this.record.code, err: error }, 'could not store a snapshot');
    }
  }

  private addSeat(seat: Seat, connected: boolean): void {
    let seatState = this.state.seats.get(seat.seatId);
    if (seatState === undefined) {
      seatState = new SeatState();
      this.state.seats.set(seat.seatId, seatState);
    }
    seatState.name = seat.name;
    seatState.team = seat.team ?? '';
    seatState.role = seat.role;
    seatState.connected = connected;
  }

  /** The seat's `connected` flag in the wire state (clients are counted for metrics from the room itself). */
  private markConnected(client: Client, connected: boolean): void {
    const seat = this.seats.bySession(client.sessionId);
    const seatState = seat === undefined ? undefined : this.state.seats.get(seat.seatId);
    if (seatState !== undefined) seatState.connected = connected;
  }
}

/** Counts the bytes of state (full state and patches) each client is sent. */
function countBytes(client: Client, services: RoomServices): void {
  const raw = client.raw.bind(client);
  client.raw = (data, ...rest) => {
    services.metrics.patchBytes.inc(data.byteLength);
    return raw(data, ...rest);
  };
}
