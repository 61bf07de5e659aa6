/** The wire state the projection tests project a team's view into, and the check that a repeat sends nothing. */
import { Encoder } from '@colyseus/schema';
import { GameState, TeamState } from '../../shared/schema/gameState';
import { createSim, step, teamView, type SimState } from '../../shared/sim';
import { projectTeam } from '../../server/sync/projectTeam';
import { sandboxScenario } from '../helpers/scenarios';

/**
 * The sandbox at seed 3, readied by `prepare` (features switched on or bought), then stepped
 * `ticks` times; and a wire state holding team 'a', empty until a test projects into it.
 */
export function sandboxWithTeam(ticks: number, prepare: (sim: SimState) => void): { sim: SimState; state: GameState; team: TeamState } {
  const sim = createSim(sandboxScenario(), 3);
  prepare(sim);
  for (let i = 0; i < ticks; i++) step(sim);
  const state = new GameState();
  const team = new TeamState();
  state.teams.set('a', team);
  return { sim, state, team };
}

/**
 * Projects the team's view and encodes all of it, as the first patch would, then projects the
 * view of the same sim again. Returns the encoder: its hasChanges is what the next patch would send.
 */
export function projectTwice(sim: SimState, state: GameState, team: TeamState): Encoder {
  const encoder = new Encoder(state);
  projectTeam(team, teamView(sim));
  encoder.encodeAll();
  encoder.discardChanges();
  projectTeam(team, teamView(sim));
  return encoder;
}
