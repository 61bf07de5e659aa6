/**
 * The projection of a team's view into the wire state: only what the team bought is there, the
 * figures are the view's own (rounded once, by the view), and projecting an unchanged view again
 * changes nothing (so the next patch is empty).
 */
import { Decoder, Encoder } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';
import { TeamState } from '../../shared/schema/gameState';
import { FIGURE_DIGITS, executeCommand, significant, step, teamView } from '../../shared/sim';
import { projectTeam } from '../../server/sync/projectTeam';
import { projectTwice, sandboxWithTeam } from './teamWire';

/** The sandbox five ticks in, with `features` bought at the start. */
function world(features: Array<'hostMetrics' | 'aggregatedMetrics' | 'businessMetrics' | 'alerts'>) {
  return sandboxWithTeam(5, (sim) => {
    for (const feature of features) {
      const result = executeCommand(sim, { type: 'buyFeature', feature }, true);
      if (!result.ok) throw new Error(result.reason);
    }
  });
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
    expect(web?.metrics?.lambda).toBe(significant(sim.components[0]!.figures.lambda, FIGURE_DIGITS));
    // Per-link rates: what web-1 sent to each component it reaches, and what users sent it.
    const view = teamView(sim).components.find((c) => c.id === 'web-1')!.metrics!;
    expect([...web!.metrics!.sent.keys()]).toEqual(Object.keys(view.sent));
    for (const [to, rate] of Object.entries(view.sent)) expect(web!.metrics!.sent.get(to)).toBe(rate);
    expect(web!.metrics!.fromUsers.get('ap')).toBe(view.fromUsers.ap!);
    expect(web!.metrics!.fromUsers.get('ap')).toBeGreaterThan(0);
    expect(team.aggregated?.tiers.length).toBeGreaterThan(0);
    expect(team.business?.regions.length).toBe(3);
    expect(team.alerting).toBe(true);
    expect(team.usersExact).toBe(true);
  });

  it('projecting the same view twice leaves nothing to send', () => {
    const { sim, state, team } = world(['hostMetrics', 'aggregatedMetrics', 'businessMetrics', 'alerts']);
    const encoder = projectTwice(sim, state, team);
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
    // A change below the view's rounding leaves the view's figure as it was, so nothing is sent;
    // one above it is.
    const web = view.components.find((c) => c.id === 'web-1')!;
    const rate = web.metrics!.fromUsers.ap!;
    web.metrics!.fromUsers.ap = significant(rate * (1 + 1e-6), FIGURE_DIGITS);
    projectTeam(team, view);
    expect(encoder.hasChanges).toBe(false);
    web.metrics!.fromUsers.ap = rate * 2;
    web.metrics!.sent['db-9'] = 5;
    projectTeam(team, view);
    expect(encoder.hasChanges).toBe(true);
    expect(team.components.get('web-1')!.metrics!.fromUsers.get('ap')).toBe(rate * 2);
    expect(team.components.get('web-1')!.metrics!.sent.get('db-9')).toBe(5);
    // A link that is gone is dropped.
    delete web.metrics!.sent['db-9'];
    projectTeam(team, view);
    expect(team.components.get('web-1')!.metrics!.sent.has('db-9')).toBe(false);
  });

  it('copies the view’s figures as they are, and they cross the wire exactly: the view rounds, nothing rounds again', () => {
    const { sim } = world(['hostMetrics', 'aggregatedMetrics', 'businessMetrics', 'alerts']);
    const view = teamView(sim);
    const metrics = view.components.find((c) => c.id === 'web-1')!.metrics!;
    metrics.lambda = 123.4;
    metrics.utilisation = 0.85;
    metrics.extra.diskUse = 0.99996;
    view.aggregated!.availability = 0.9999;
    view.business!.revenuePerDay = 12_345.67;
    const team = new TeamState();
    projectTeam(team, view);
    // Encoded and decoded as a client would (a team as the root: no StateView needed).
    const back = new TeamState();
    new Decoder(back).decode(new Encoder(team).encodeAll());
    for (const wire of [team, back]) {
      const web = wire.components.get('web-1')!.metrics!;
      expect(web.lambda).toBe(123.4);
      expect(web.utilisation).toBe(0.85);
      expect(web.extra.get('diskUse')).toBe(0.99996);
      expect(wire.aggregated!.availability).toBe(0.9999);
      expect(wire.business!.revenuePerDay).toBe(12_345.67);
    }
  });
});
