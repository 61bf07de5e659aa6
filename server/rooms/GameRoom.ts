// The game room: lifecycle and wiring only. The simulations (teamSims), the seats (seats), the
// command door (commandIntake), the clock rules (controls) and the projection into the wire
// state (sync/projectTeam) each live in their own module.
import { Room, type Client, type Delayed } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import {
  CLIENT_MESSAGES, controlMessageSchema, joinOptionsSchema, MAX_MESSAGE_CHARS, PROTOCOL_VERSION, SERVER_MESSAGES,
  type ErrorMessage, type ErrorReason, type Mode,
} from '../../shared/protocol/messages';
import { GameState, SeatState, TeamState } from '../../shared/schema/gameState';
import { teamView } from '../../shared/sim';
import type { RoomRecord } from '../store/types';
import { projectTeam } from '../sync/projectTeam';
import { CommandIntake, jsonSize } from './commandIntake';
import { controlAllowed, type Phase } from './controls';
import { newRoomRecord, roomSettings, type RoomSnapshot } from './gameSetup';
import { finishGame } from './finishGame';
import { claimCode, releaseCode, reserveCode } from './joinCode';
import { consumeRestoreToken, loadStoredRoom } from './recovery';
import { roomServices, type RoomServices } from './roomServices';
import { Seats, type Seat } from './seats';
import { TeamSims } from './teamSims';

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
  private readonly teamViews = new Map<string, StateView>();
  private readonly allTeamsView = new StateView();
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
    this.services = roomServices();
    this.maxMessagesPerSecond = this.services.timings.floodMessagesPerSecond;
    const restoreId = await consumeRestoreToken(this.presence, options);
    if (restoreId !== null) await this.restore(restoreId);
    else await this.createNew(options);
    this.roomId = this.record.code;
    this.services.metrics.rooms.inc({ mode: this.mode });
    this.onMessage(CLIENT_MESSAGES.command, (client, message: unknown) => void this.onCommand(client, message));
    this.onMessage(CLIENT_MESSAGES.control, (client, message: unknown) => this.onControl(client, message));
    this.onMessage('*', (client, type) => this.refuse(client, String(type), 'unknown-message', null, 'no such message type'));
    await this.setMetadata({ mode: this.mode, scenario: this.record.scenarioId, code: this.record.code, phase: this.phase, teams: this.sims.teamIds.join(',') });
    await this.setPrivate(!roomSettings(this.record).public);
    this.schedule();
    this.watchEmpty();
  }

  private async createNew(options: unknown): Promise<void> {
    const code = await reserveCode(this.presence);
    try {
      const { record } = newRoomRecord(options, code);
      this.record = record;
      await this.services.store.createRoom(record);
    } catch (error) {
      await releaseCode(this.presence, code);
      throw error;
    }
    this.setUp(new TeamSims(this.record.scenario, this.record.seed, roomSettings(this.record).teams), 'waiting');
  }

  private async restore(id: string): Promise<void> {
    const loaded = await loadStoredRoom(this.services.store, id);
    this.record = loaded.record;
    await claimCode(this.presence, loaded.record.code);
    const room = loaded.room;
    this.setUp(loaded.sims, room?.phase ?? 'waiting');
    if (room !== null) {
      this.state.clock.paused = room.paused;
      this.state.clock.speed = room.speed;
      for (const seat of room.seats) this.addSeat(this.seats.restore(seat), false);
    }
    for (const seat of this.seats.all()) seat.lastSeq = Math.max(seat.lastSeq, loaded.lastSeqs[seat.playerId] ?? -1);
    this.services.logger.info({ room: loaded.record.code, tick: loaded.sims.tick, commands: loaded.commands, snapshotTick: loaded.snapshotTick }, 'room restored');
  }

  private setUp(sims: TeamSims, phase: Phase): void {
    const { timings, store } = this.services;
    this.sims = sims;
    this.seats = new Seats(this.record.mode, sims.teamIds);
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
    state.clock.speed = this.mode === 'match' ? timings.matchSpeed : 1;
    for (const team of sims.teamIds) {
      state.teamIds.push(team);
      const teamState = new TeamState();
      teamState.id = team;
      state.teams.set(team, teamState);
      const view = new StateView();
      view.add(teamState);
      this.teamViews.set(team, view);
      this.allTeamsView.add(teamState);
    }
    this.project();
  }

  override async onJoin(client: Client, raw: unknown): Promise<void> {
    const parsed = joinOptionsSchema.safeParse(pickJoinOptions(raw));
    if (!parsed.success) throw new Error(`invalid join options: ${parsed.error.issues[0]?.message ?? ''}`);
    const isCreator = parsed.data.playerId === roomSettings(this.record).creator;
    const taken = this.seats.take(parsed.data, client.sessionId, isCreator);
    if ('refused' in taken) throw new Error(taken.refused);
    const { seat, rejoined } = taken;
    this.addSeat(seat, true);
    this.watchEmpty();
    client.view = seat.team === null ? this.allTeamsView : this.teamViews.get(seat.team);
    countBytes(client, this.services);
    this.services.metrics.clients.inc();
    client.send(SERVER_MESSAGES.welcome, {
      protocol: PROTOCOL_VERSION, code: this.record.code, mode: this.mode, team: seat.team, role: seat.role, nextSeq: seat.lastSeq + 1,
    });
    this.services.logger.info({ room: this.record.code, seat: seat.seatId, team: seat.team, role: seat.role, rejoined }, 'player joined');
    this.services.store.upsertProfile(seat.playerId, seat.name).catch((error: unknown) => {
      this.services.metrics.persistenceErrors.inc({ operation: 'profile' });
      this.services.logger.warn({ room: this.record.code, err: error }, 'could not store a profile');
    });
    if (this.mode === 'solo' && this.phase === 'waiting') this.setPhase('running');
    if (!rejoined) await this.saveSnapshot();
    this.broadcastPatch();
  }

  override onDrop(client: Client): void {
    this.markConnected(client, false);
    this.services.metrics.clients.dec();
    void this.allowReconnection(client, this.services.timings.reconnectSeconds).catch(() => undefined);
  }

  override onReconnect(client: Client): void {
    this.markConnected(client, true);
    this.services.metrics.clients.inc();
    this.services.metrics.reconnections.inc();
  }

  override onLeave(client: Client): void {
    const seat = this.seats.bySession(client.sessionId);
    if (seat !== undefined && this.state.seats.get(seat.seatId)?.connected === true) this.services.metrics.clients.dec();
    this.markConnected(client, false);
    if (seat !== undefined) seat.sessionId = null;
    this.intake.forget(client.sessionId);
    this.watchEmpty();
  }

  /** Ends the game once nobody has been in the room for emptyRoomSeconds. */
  private watchEmpty(): void {
    const present = this.seats.all().some((seat) => seat.sessionId !== null);
    if (present) {
      this.emptyTimer?.clear();
      this.emptyTimer = undefined;
    } else if (this.emptyTimer === undefined) {
      this.emptyTimer = this.clock.setTimeout(() => {
        void this.finish().finally(() => this.disconnect());
      }, this.services.timings.emptyRoomSeconds * 1000);
    }
  }

  override onBeforeShutdown(): void {
    this.ticker?.clear();
    void this.saveSnapshot().finally(() => this.disconnect());
  }

  override async onDispose(): Promise<void> {
    this.ticker?.clear();
    if (this.record === undefined) return; // onCreate failed before the room had a record
    this.services.metrics.rooms.dec({ mode: this.mode });
    if (this.finished) await releaseCode(this.presence, this.record.code);
  }

  override onUncaughtException(error: unknown, method: string): void {
    this.services.logger.error({ room: this.record?.code, method, err: error }, 'uncaught error in room');
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
        const sessionId = this.seats.byPlayerId(outcome.player)?.sessionId;
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
    for (const team of this.sims.teamIds) {
      const views = [this.teamViews.get(team) as StateView, this.allTeamsView];
      projectTeam(this.state.teams.get(team) as TeamState, teamView(this.sims.state(team)), (instance) => {
        for (const view of views) view.add(instance as Parameters<StateView['add']>[0]);
      });
    }
    this.state.clock.tick = this.sims.tick;
  }

  private async finish(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.ticker?.clear();
    this.state.clock.phase = 'finished';
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

  private markConnected(client: Client, connected: boolean): void {
    const seat = this.seats.bySession(client.sessionId);
    const seatState = seat === undefined ? undefined : this.state.seats.get(seat.seatId);
    if (seatState !== undefined) seatState.connected = connected;
  }
}

/** Join options without the creator's room settings (the same object reaches onCreate and onJoin). */
function pickJoinOptions(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const { playerId, name, team, role, protocol } = raw as Record<string, unknown>;
  return Object.fromEntries(Object.entries({ playerId, name, team, role, protocol }).filter(([, v]) => v !== undefined));
}

/** Counts the bytes of state (full state and patches) each client is sent. */
function countBytes(client: Client, services: RoomServices): void {
  const raw = client.raw.bind(client);
  client.raw = (data, ...rest) => {
    services.metrics.patchBytes.inc(data.byteLength);
    return raw(data, ...rest);
  };
}
