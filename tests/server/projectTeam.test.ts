/**
 * The projection of a team's view into the wire state: only what the team bought is there, and
 * projecting an unchanged view again changes nothing (so the next patch is empty).
 */
import { Encoder } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';
import { GameState, TeamState } from '../../shared/schema/gameState';
import { loadPreset } from '../../shared/scenarios';
import { createSim, executeCommand, step, teamView } from '../../shared/sim';
import { projectTeam, readable } from '../../server/sync/projectTeam';

function world(features: Array<'hostMetrics' | 'aggregatedMetrics' | 'businessMetrics' | 'alerts'>) {
  const sim = createSim(loadPreset('sandbox'), 3);
  for (const feature of features) {
    const result = executeCommand(sim, { type: 'buyFeature', feature }, true);
    if (!result.ok) throw new Error(result.reason);
  }
  for (let i = 0; i < 5; i++) step(sim);
  const state = new GameState();
  const team = new TeamState();
  state.teams.set('a', team);
  return { sim, state, team };
}

describe('projecting a team view', () => {
  it('without monitoring: boxes and money, no figures, no tiers, no business figures, no alerting', () => {
    const { sim, team } = world([]);
    projectTeam(team, teamView(sim));
    expect([...team.components.keys()]).toEqual(sim.components.map((c) => c.id));
    expect([...team.components.values()].every((c) => c.metrics === undefined)).toBe(true);
    expect(team.aggregated).toBeUndefined();
    expect(team.business).toBeUndefined();
    expect(team.alerting).toBe(false);
    expect(team.usersExact).toBe(false);
  });

  it('with monitoring bought: host figures, tiers, business figures and alerting appear', () => {
    const { sim, team } = world(['hostMetrics', 'aggregatedMetrics', 'businessMetrics', 'alerts']);
    projectTeam(team, teamView(sim));
    const web = team.components.get('web-1');
    expect(web?.metrics?.lambda).toBeGreaterThan(0);
    expect(web?.metrics?.lambda).toBe(readable(sim.components[0]!.figures.lambda));
    // Per-link rates: what web-1 sent to each component it reaches, and what users sent it.
    const view = teamView(sim).components.find((c) => c.id === 'web-1')!.metrics!;
    expect([...web!.metrics!.sent.keys()]).toEqual(Object.keys(view.sent));
    for (const [to, rate] of Object.entries(view.sent)) expect(web!.metrics!.sent.get(to)).toBe(readable(rate));
    expect(web!.metrics!.fromUsers.get('ap')).toBe(readable(view.fromUsers.ap!));
    expect(web!.metrics!.fromUsers.get('ap')).toBeGreaterThan(0);
    expect(team.aggregated?.tiers.length).toBeGreaterThan(0);
    expect(team.business?.regions.length).toBe(3);
    expect(team.alerting).toBe(true);
    expect(team.usersExact).toBe(true);
  });

  it('projecting the same view twice leaves nothing to send', () => {
    const { sim, state, team } = world(['hostMetrics', 'aggregatedMetrics', 'businessMetrics', 'alerts']);
    const encoder = new Encoder(state);
    projectTeam(team, teamView(sim));
    encoder.encodeAll();
    encoder.discardChanges();
    projectTeam(team, teamView(sim));
    expect(encoder.hasChanges).toBe(false);
    // …while a tick that moves the figures does.
    step(sim);
    projectTeam(team, teamView(sim));
    expect(encoder.hasChanges).toBe(true);
  });

  it('sends a link’s rate again only when its rounded value moves, and drops links that are gone', () => {
    const { sim, state, team } = world(['hostMetrics']);
    const encoder = new Encoder(state);
    const view = teamView(sim);
    projectTeam(team, view);
    encoder.encodeAll();
    encoder.discardChanges();
    // A change below the rounding is not sent; one above it is.
    const web = view.components.find((c) => c.id === 'web-1')!;
    const rate = web.metrics!.fromUsers.ap!;
    web.metrics!.fromUsers.ap = rate * (1 + 1e-6);
    projectTeam(team, view);
    expect(encoder.hasChanges).toBe(false);
    web.metrics!.fromUsers.ap = rate * 2;
    web.metrics!.sent['db-9'] = 5;
    projectTeam(team, view);
    expect(encoder.hasChanges).toBe(true);
    expect(team.components.get('web-1')!.metrics!.fromUsers.get('ap')).toBe(readable(rate * 2));
    expect(team.components.get('web-1')!.metrics!.sent.get('db-9')).toBe(5);
    // A link that is gone is dropped.
    delete web.metrics!.sent['db-9'];
    projectTeam(team, view);
    expect(team.components.get('web-1')!.metrics!.sent.has('db-9')).toBe(false);
  });

  it('rounds figures to three significant digits', () => {
    expect(readable(123456)).toBe(123000);
    expect(readable(0.0012345)).toBe(0.00123);
    expect(readable(-98.76)).toBe(-98.8);
    expect(readable(Number.NaN)).toBe(0);
  });
});
