// The game room: lifecycle and wiring only. Opening it (roomOpening), the simulations (teamSims),
// seats (seats), the join door (joining), client messages (roomMessages, commandIntake), the clock
// (roomClock), ticks and the end (roomGame), the wire state and who sees which team
// (sync/wireState), store writes (roomSaves) and metrics (roomMetrics) each live in their own
// module. Its services come with the options of its room definition (app.ts), never from a
// module, so each server started in a process gives its rooms its own.
import { Room, type Client } from '@colyseus/core';
import { SERVER_MESSAGES, type Mode } from '../../shared/protocol/messages';
import { GameState } from '../../shared/schema/gameState';
import { repairFullStateBuffer } from '../sync/fullStateBuffer';
import { WireState } from '../sync/wireState';
import { CommandIntake } from './commandIntake';
import { roomSettings, type RoomSetup } from './gameSetup';
import { releaseAlias, releaseCode, reserveAlias } from './joinCode';
import { parseJoinOptions, refusalIn, refuseJoin, takeSeat } from './joining';
import { RoomClock } from './roomClock';
import { endGame, runTick, saveSnapshot, type RoomParts } from './roomGame';
import { leaveLobby } from './lobbyActions';
import { messageHandlers } from './roomMessages';
import { RoomForecasts } from './forecastRequests';
import { sendAway } from './roomReplies';
import { RoomMetrics } from './roomMetrics';
import { openRoom } from './roomOpening';
import { RoomSaves } from './roomSaves';
import type { GameRoomOptions, RoomServices } from './roomServices';
import { ThrottledErrors } from './throttledErrors';

export class GameRoom extends Room<{ state: GameState }> {
  override state = new GameState();
  /** A hard ceiling against floods only (it disconnects); the token bucket answers politely first. */
  override maxMessagesPerSecond = 100;
  /** Patches go out once per tick (and after seat changes), not on a timer. */
  override patchRate = null;
  /** An empty room waits for its players (after a drop, a restart or a closed tab); see watchEmpty. */
  override autoDispose = false;

  private services!: RoomServices;
  private record!: RoomSetup;
  private parts!: RoomParts;
  /** Errors (and refusals) a client's messages cause: one a second at most, bursts of 10. */
  private readonly errors = new ThrottledErrors(1, 10);
  private shuttingDown = false;

  get mode(): Mode {
    return this.record.mode;
  }

  override async onCreate({ services, ...options }: GameRoomOptions): Promise<void> {
    // Before this room's serializer sends any full state (once per process; see the module).
    repairFullStateBuffer();
    this.services = services;
    this.maxMessagesPerSecond = services.timings.floodMessagesPerSecond;
    const opened = await openRoom(this.presence, services, options);
    const { record, sims, seats, session } = opened;
    const { store, logger, timings } = services;
    this.record = record;
    this.roomId = record.code;
    const metrics = new RoomMetrics(services.metrics, record.mode, () => this.clients.length);
    const intake = new CommandIntake(sims, {
      roomId: record.id,
      store,
      rate: timings.commandRate,
      burst: timings.commandBurst,
      running: (): boolean => clock.phase === 'running',
    });
    const clock = new RoomClock(
      this.clock,
      this.state.clock,
      {
        tickMs: timings.tickMs,
        step: () => runTick(this.parts),
        exclusive: (work): Promise<void> => intake.exclusive(work),
        phaseChanged: () => void this.setListing(),
      },
      opened.clock,
    );
    const wire = new WireState(this.state, record, sims, clock.phase === 'finished');
    for (const seat of seats.all()) wire.addSeat(seat, false);
    wire.setSession(session);
    // Snapshots from before rooms had sessions: the creator's seat hosts.
    session.host ??= seats.all().find((seat) => seat.playerId === roomSettings(record).creator)?.seatId ?? null;
    wire.setHost(session.host ?? '');
    const saves = new RoomSaves(services, metrics, record, opened.stored);
    this.parts = {
      record,
      sims,
      seats,
      session,
      intake,
      clock,
      wire,
      saves,
      metrics,
      logger,
      timings,
      forecasts: new RoomForecasts({ sims, seats, clock, logger, code: record.code }, services.forecasts),
      clientOf: (sessionId) => this.clients.getById(sessionId),
      broadcastPatch: () => this.broadcastPatch(),
      changeCode: () => this.changeCode(),
      setListing: () => this.setListing(),
      // Run after the clock's tick that fires it: the work may send a patch, and sending a patch
      // ticks the room's clock again (which would fire the same timer once more, and again).
      later: (ms, work) => void this.clock.setTimeout(() => queueMicrotask(work), ms),
    };
    for (const [type, handler] of Object.entries(messageHandlers(this.parts))) this.onMessage(type, handler);
    await this.setListing();
    // A workshop back from a restart has no instructor connected yet: if it waits for them, it waits now.
    if (opened.stored && record.mode === 'workshop' && session.pauseOnDrop) clock.pauseFor('instructor-away');
    clock.arm();
    this.watchEmpty();
  }

  override async onJoin(client: Client, raw: unknown): Promise<void> {
    const { seats, saves, wire, clock, metrics, session } = this.parts;
    const options = parseJoinOptions(raw);
    const isCreator = options.playerId === roomSettings(this.record).creator;
    // Someone removed hears so, whatever code they came with; a newcomer needs the code in use
    // (one the instructor replaced lets only seated players back).
    if (session.removed.has(options.playerId)) refuseJoin('removed');
    // A match's teams are set at its start: nobody new plays (a rival under a second id could
    // otherwise join a team to wreck it); spectators still watch.
    if (this.mode === 'match' && clock.phase !== 'waiting' && !seats.knows(options.playerId) && options.role !== 'spectator') {
      refuseJoin('match-started');
    }
    if (!isCreator && !seats.knows(options.playerId) && !session.admits(options.code)) refuseJoin('code-expired', options.code ?? '');
    const { seat, rejoined, token, replaced, evicted } = takeSeat(seats, options, client.sessionId, isCreator);
    for (const idle of evicted ?? []) wire.removeSeat(idle);
    if ((evicted ?? []).length > 0) for (const other of seats.all()) wire.updateSeat(other);
    if (!(await saves.storeRoom())) {
      seats.release(seat);
      refuseJoin('storage-failed');
    }
    const previous = replaced === null ? undefined : this.clients.getById(replaced);
    if (previous !== undefined) sendAway(previous);
    wire.addSeat(seat, true);
    // The creator hosts; a match whose host left with nobody to hand the lobby to is hosted by
    // the next player who sits down (never a spectator: the host plays).
    if (session.host === null && (isCreator || (this.mode === 'match' && seat.team !== null)) && seat.role !== 'spectator') {
      session.host = seat.seatId;
      wire.setHost(seat.seatId);
    }
    if (seat.role === 'instructor') clock.resumeAfter('instructor-away');
    this.watchEmpty();
    client.view = wire.viewFor(seat);
    metrics.watch(client);
    client.send(SERVER_MESSAGES.welcome, wire.welcome(seat, token));
    for (const message of wire.historyFor(seat)) client.send(SERVER_MESSAGES.history, message);
    this.services.logger.info(
      { room: this.record.code, seat: seat.seatId, team: seat.team, role: seat.role, rejoined, replaced: replaced !== null },
      'player joined',
    );
    saves.storeProfile(seat.playerId, seat.name);
    if (this.mode === 'solo' && clock.phase === 'waiting') clock.setPhase('running');
    // A new seat (or a new token) must survive a restart: its holder comes back with the token.
    if (token !== null) await saveSnapshot(this.parts);
    this.broadcastPatch();
  }

  override onDrop(client: Client): void {
    const seat = this.parts.seats.bySession(client.sessionId);
    if (seat === undefined) return;
    this.parts.wire.setConnected(seat, false);
    this.instructorAway(seat);
    void this.allowReconnection(client, this.services.timings.reconnectSeconds).catch(() => undefined);
  }

  override onReconnect(client: Client): void {
    const seat = this.parts.seats.bySession(client.sessionId);
    // While this connection was away its seat may have been taken over by a new connection, moved
    // to another team, or removed: each is told as it would have been on the spot.
    if (seat === undefined) return sendAway(client, this.parts.session.departed.get(client.sessionId) ?? 'taken-over');
    this.parts.wire.setConnected(seat, true);
    if (seat.role === 'instructor') this.parts.clock.resumeAfter('instructor-away');
    this.parts.metrics.reconnected();
    this.broadcastPatch();
  }

  override onLeave(client: Client): void {
    const seat = this.parts.seats.bySession(client.sessionId);
    if (seat !== undefined) {
      this.parts.wire.setConnected(seat, false);
      seat.sessionId = null;
      this.instructorAway(seat);
      // A seat given up must not come back with a restart.
      if (!this.shuttingDown && leaveLobby(this.parts, seat)) void saveSnapshot(this.parts);
      this.broadcastPatch();
    }
    this.parts.intake.forget(client.sessionId);
    this.parts.forecasts.forget(client.sessionId);
    this.watchEmpty();
  }

  override onBeforeShutdown(): void {
    // The connections closing now are the server going away, not players leaving their seats.
    this.shuttingDown = true;
    this.parts.clock.disarm();
    void saveSnapshot(this.parts).finally(() => this.disconnect());
  }

  override async onDispose(): Promise<void> {
    if (this.parts === undefined) return; // onCreate failed before the room was made
    this.parts.clock.disarm();
    this.parts.metrics.close();
    if (this.parts.clock.finished || !this.parts.saves.persisted) {
      await releaseCode(this.presence, this.record.code);
      if (this.parts.session.code !== this.record.code) await releaseAlias(this.presence, this.parts.session.code);
    }
  }

  override onUncaughtException(error: unknown, method: string): void {
    const refused = refusalIn(error);
    const room = this.record?.code;
    // A refused join or create is an answer the client gets, not a fault: logged with its reason.
    if (refused !== undefined)
      this.errors.log(this.services.logger, 'info', { room, method, reason: refused.reason, detail: refused.detail }, 'refused');
    else this.errors.error(this.services.logger, { room, method, err: error }, 'uncaught error in room');
  }

  /** A workshop whose instructor's connection went pauses, if the instructor asked for it, until they are back. */
  private instructorAway(seat: { role: string }): void {
    if (seat.role !== 'instructor' || !this.parts.session.pauseOnDrop) return;
    this.parts.clock.pauseFor('instructor-away');
    this.broadcastPatch();
  }

  /** The room as the matchmaker lists it: the code in use, the teams, the phase, a match's openness. */
  private async setListing(): Promise<void> {
    const { record, sims, session, clock } = this.parts ?? {};
    if (record === undefined) return;
    await this.setMetadata({
      mode: record.mode,
      scenario: record.scenarioId,
      code: session.code,
      phase: clock.phase,
      teams: sims.teamIds.join(','),
    });
    // Listed (and joinable by name) only while a public match waits for players.
    await this.setPrivate(!roomSettings(record).public || clock.phase !== 'waiting');
  }

  /** A new join code for the session (the room keeps its id): the old alias, if any, is given back. */
  private async changeCode(): Promise<string> {
    const { session } = this.parts;
    const code = await reserveAlias(this.presence, this.record.code);
    const old = session.code;
    session.code = code;
    if (old !== this.record.code) await releaseAlias(this.presence, old);
    await this.setListing();
    return code;
  }

  /** Ends the game once nobody has been in the room for a while. */
  private watchEmpty(): void {
    const { seats, saves, clock } = this.parts;
    // A room nobody has sat in (created, never joined) is only held for its seat reservation.
    const seconds = saves.persisted ? this.services.timings.emptyRoomSeconds : this.services.timings.unjoinedRoomSeconds;
    clock.watchEmpty(seats.anyPresent(), seconds, () => void endGame(this.parts).finally(() => this.disconnect()));
  }
}
