// Who receives which team: the wire state's `teams` field is a `.view()` field, so each client's
// StateView decides which teams reach it. A player's view holds their own team; an instructor's
// and a workshop spectator's every team; a match spectator's none until the match has ended (a
// player could otherwise watch the rivals under a second id). The projection of each team's sim
// view into the wire state lives here too, because every schema instance it creates must be added
// to the views that hold its team, or those clients never receive it.
import { StateView } from '@colyseus/schema';
import type { Mode, Role } from '../../shared/protocol/messages';
import { TeamState, type GameState } from '../../shared/schema/gameState';
import { teamView, type SimState, type TeamView } from '../../shared/sim';
import { chapterGoals, goalValue, type Chapter } from '../../shared/campaign';
import { projectTeam, syncNumbers } from './projectTeam';

type Viewable = Parameters<StateView['add']>[0];

export class TeamViews {
  private readonly byTeam = new Map<string, StateView>();
  private readonly allTeams = new StateView();
  private readonly matchWatch = new StateView();
  private revealed = false;

  constructor(
    private readonly state: GameState,
    private readonly mode: Mode,
    /** The campaign chapter a solo room plays (its goals are projected), or null. */
    private readonly chapter: Chapter | null,
  ) {}

  /** Adds a team to the wire state and to the views that may see it. */
  addTeam(team: string): void {
    this.state.teamIds.push(team);
    const teamState = new TeamState();
    teamState.id = team;
    this.state.teams.set(team, teamState);
    const view = new StateView();
    view.add(teamState);
    this.byTeam.set(team, view);
    this.allTeams.add(teamState);
    if (this.revealed) this.matchWatch.add(teamState);
  }

  /** Makes the teams exactly `teams` (a match's lobby): teams that go are dropped, new ones added. */
  setTeams(teams: readonly string[]): void {
    for (const team of [...this.byTeam.keys()]) {
      if (teams.includes(team)) continue;
      const teamState = this.state.teams.get(team);
      if (teamState !== undefined) this.allTeams.remove(teamState);
      this.state.teams.delete(team);
      this.byTeam.delete(team);
      const index = this.state.teamIds.indexOf(team);
      if (index >= 0) this.state.teamIds.splice(index, 1);
    }
    for (const team of teams) if (!this.byTeam.has(team)) this.addTeam(team);
  }

  /** The view a seat's client gets. */
  viewFor(seat: { team: string | null; role: Role }): StateView {
    if (seat.team !== null) return this.byTeam.get(seat.team) as StateView;
    return this.mode === 'match' ? this.matchWatch : this.allTeams;
  }

  /** At the end of a game every team is shown to a match's spectators. */
  reveal(): void {
    if (this.revealed) return;
    this.revealed = true;
    for (const teamState of this.state.teams.values()) this.matchWatch.add(teamState);
  }

  /**
   * Copies each team's sim view into the wire state, adding new instances to the team's views;
   * `onView` sees each team's view as it was projected.
   */
  project(teams: readonly string[], simState: (team: string) => SimState, onView?: (team: string, view: TeamView) => void): void {
    for (const team of teams) {
      const views = [this.byTeam.get(team) as StateView, this.allTeams];
      if (this.revealed) views.push(this.matchWatch);
      const state = simState(team);
      const view = teamView(state);
      const teamState = this.state.teams.get(team) as TeamState;
      projectTeam(teamState, view, (instance) => {
        for (const stateView of views) stateView.add(instance as Viewable);
      });
      // A chapter's score so far is the chapter's to show, whatever the team's monitoring.
      if (this.chapter !== null)
        syncNumbers(
          teamState.goals,
          chapterGoals(this.chapter).map((goal) => goalValue(state, goal.metric)),
        );
      onView?.(team, view);
    }
  }

  /** The teams a seat's client may see now (the same rule as viewFor). */
  visibleTeams(seat: { team: string | null }): string[] {
    if (seat.team !== null) return [seat.team];
    return this.mode === 'match' && !this.revealed ? [] : [...this.byTeam.keys()];
  }
}
