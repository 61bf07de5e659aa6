// The room's wire state as the room writes it: the room's own fields, the seats, each team's view
// projected through TeamViews (which decides who receives which team), and the chart history a
// client gets when it joins late or reloads. The clock's fields are the room clock's
// (rooms/roomClock.ts), except its tick, which follows the projection.
import { PROTOCOL_VERSION, type Mode, type WelcomeMessage } from '../../shared/protocol/messages';
import { historyPoint, pushPoint, type HistoryMessage, type HistoryPoint } from '../../shared/protocol/history';
import { ScoreState, SeatState, type GameState } from '../../shared/schema/gameState';
import { teamScore, type SimState, type TeamScore } from '../../shared/sim';
import type { Seat } from '../rooms/seats';
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
    if (this.room.mode !== 'solo') for (const team of sims.teamIds) this.projectScore(team, teamScore(sims.state(team)));
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
