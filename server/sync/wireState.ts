// The room's wire state as the room writes it: the room's own fields, the seats, each team's view
// projected through TeamViews (which decides who receives which team), and the chart history a
// client gets when it joins late or reloads. The clock's fields are the room clock's
// (rooms/roomClock.ts), except its tick, which follows the projection.
import { PROTOCOL_VERSION, type Mode, type WelcomeMessage } from '../../shared/protocol/messages';
import { HINTS_KEPT } from '../../shared/protocol/roomActions';
import { historyPoint, pushPoint, type HistoryMessage, type HistoryPoint } from '../../shared/protocol/history';
import { HintState, ScoreState, SeatState, type GameState } from '../../shared/schema/gameState';
import { shownScore, teamScore, type SimState, type TeamScore } from '../../shared/sim';
import type { Seat } from '../rooms/seats';
import type { RoomSession } from '../rooms/session';
import { findChapter } from '../../shared/campaign';
import { TeamViews } from './teamViews';

/** What is projected: each team's simulation at the room's tick. */
export interface ProjectedSims {
  readonly teamIds: readonly string[];
  readonly tick: number;
  state(team: string): SimState;
}

export interface WireRoom {
  code: string;
  mode: Mode;
  scenarioId: string;
  scenario: { objectives: { durationTicks?: number } };
}

export class WireState {
  private readonly views: TeamViews;
  /** Each team's chart points, for clients that join late or reload the page. */
  private readonly history = new Map<string, HistoryPoint[]>();

  /** Fills the room's fields and adds its teams; `revealed`: every team shown to all (a finished game). */
  constructor(
    private readonly state: GameState,
    private readonly room: WireRoom,
    sims: ProjectedSims,
    revealed: boolean,
  ) {
    state.code = room.code;
    state.mode = room.mode;
    state.scenario = room.scenarioId;
    state.protocol = PROTOCOL_VERSION;
    state.durationTicks = room.scenario.objectives.durationTicks ?? 0;
    this.views = new TeamViews(state, room.mode, room.mode === 'solo' ? findChapter(room.scenarioId) : null);
    if (revealed) this.views.reveal();
    for (const team of sims.teamIds) this.views.addTeam(team);
    this.project(sims);
  }

  /** Copies every team's view into the state (with a chart point each) and the room's tick. */
  project(sims: ProjectedSims): void {
    this.views.project(
      sims.teamIds,
      (team) => sims.state(team),
      (team, view) => {
        let points = this.history.get(team);
        if (points === undefined) this.history.set(team, (points = []));
        pushPoint(points, historyPoint(view));
      },
    );
    this.state.clock.tick = sims.tick;
    if (this.room.mode !== 'solo') for (const team of sims.teamIds) this.projectScore(team, shownScore(teamScore(sims.state(team))));
  }

  /** A team's scoreboard line: the score so far, which every seat of a match or workshop sees. */
  private projectScore(team: string, score: TeamScore): void {
    let line = this.state.scoreboard.get(team);
    if (line === undefined) {
      line = new ScoreState();
      this.state.scoreboard.set(team, line);
    }
    if (line.peakDau !== score.peakDau) line.peakDau = score.peakDau;
    if (line.availability !== score.availability) line.availability = score.availability;
    if (line.profit !== score.profit) line.profit = score.profit;
    if (line.incidents !== score.incidents) line.incidents = score.incidents;
    if (line.recovered !== score.recovered) line.recovered = score.recovered;
    const over = score.gameOver ?? '';
    if (line.gameOver !== over) line.gameOver = over;
  }

  /**
   * The room's session as everyone sees it: the join code in use, the lock, placement, the pause
   * rule, the teams' names and the hints (only the newest few change, so only they are sent).
   */
  setSession(session: RoomSession): void {
    const state = this.state;
    if (state.code !== session.code) state.code = session.code;
    if (state.locked !== session.locked) state.locked = session.locked;
    if (state.placement !== session.placement) state.placement = session.placement;
    if (state.pauseOnDrop !== session.pauseOnDrop) state.pauseOnDrop = session.pauseOnDrop;
    for (const team of [...state.teamNames.keys()]) if (!session.teamNames.has(team)) state.teamNames.delete(team);
    for (const [team, name] of session.teamNames) if (state.teamNames.get(team) !== name) state.teamNames.set(team, name);
    // Hints are few and rare: when one is added, the list is sent again as a whole.
    if (state.hints.length !== session.hints.length || session.hints.length === HINTS_KEPT) {
      state.hints.clear();
      for (const hint of session.hints) {
        state.hints.push(new HintState().assign({ tick: hint.tick, concept: hint.concept ?? '', en: hint.en ?? '', ko: hint.ko ?? '' }));
      }
    }
  }

  /** The seat that runs the room (a match's host, a workshop's instructor). */
  setHost(seatId: string): void {
    if (this.state.host !== seatId) this.state.host = seatId;
  }

  /** Takes a removed participant's seat out of the state. */
  removeSeat(seat: Seat): void {
    this.state.seats.delete(seat.seatId);
  }

  /** A match's teams as its host set them in the lobby (nothing has been played: no history to keep). */
  setTeams(sims: ProjectedSims): void {
    this.views.setTeams(sims.teamIds);
    for (const team of [...this.state.scoreboard.keys()]) if (!sims.teamIds.includes(team)) this.state.scoreboard.delete(team);
    for (const team of [...this.history.keys()]) if (!sims.teamIds.includes(team)) this.history.delete(team);
    this.project(sims);
  }

  /** Adds a seat to the state, or updates it (a returning player, a new name). */
  addSeat(seat: Seat, connected: boolean): void {
    let seatState = this.state.seats.get(seat.seatId);
    if (seatState === undefined) {
      seatState = new SeatState();
      this.state.seats.set(seat.seatId, seatState);
    }
    seatState.name = seat.name;
    seatState.team = seat.team ?? '';
    seatState.role = seat.role;
    seatState.connected = connected;
    seatState.ready = seat.ready === true;
  }

  /** A seat's team, role and readiness after a lobby action or an instructor's move. */
  updateSeat(seat: Seat): void {
    const seatState = this.state.seats.get(seat.seatId);
    if (seatState === undefined) return;
    seatState.team = seat.team ?? '';
    seatState.role = seat.role;
    seatState.ready = seat.ready === true;
  }

  /** The seat's `connected` flag (clients are counted for metrics from the room itself). */
  setConnected(seat: Seat, connected: boolean): void {
    const seatState = this.state.seats.get(seat.seatId);
    if (seatState !== undefined) seatState.connected = connected;
  }

  /** The StateView a seat's client gets (see TeamViews.viewFor). */
  viewFor(seat: Seat): ReturnType<TeamViews['viewFor']> {
    return this.views.viewFor(seat);
  }

  /** What a client is sent when it sits down; `token` only when the seat is new (or newly secured). */
  welcome(seat: Seat, token: string | null): WelcomeMessage {
    return {
      protocol: PROTOCOL_VERSION,
      code: this.room.code,
      mode: this.room.mode,
      team: seat.team,
      role: seat.role,
      seatId: seat.seatId,
      seatToken: token,
      nextSeq: seat.lastSeq + 1,
    };
  }

  /** The chart history of every team the seat may see now. */
  historyFor(seat: Seat): HistoryMessage[] {
    return this.views.visibleTeams(seat).map((team) => ({ team, points: [...(this.history.get(team) ?? [])] }));
  }

  /** At the end of a game every team is shown to everyone who may watch (see TeamViews.reveal). */
  reveal(): void {
    this.views.reveal();
  }

  /** The stored result and replay of a finished game. */
  setResult(ids: { resultId: string; replayId: string }): void {
    this.state.resultId = ids.resultId;
    this.state.replayId = ids.replayId;
  }
}
