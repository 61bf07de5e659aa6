/**
 * The client's model is the sim's own TeamView: projecting a view into the wire state and reading
 * it back on the client gives the same system, with figures rounded to what a player reads.
 */
import { describe, expect, it } from 'vitest';
import { teamView as fromWire } from '../../client/net/toModel';
import { TeamState } from '../../shared/schema/gameState';
import { loadPreset } from '../../shared/scenarios';
import { createSim, executeCommand, step, teamView, type Command } from '../../shared/sim';
import { projectTeam } from '../../server/sync/projectTeam';

function played(commands: Command[], ticks: number) {
  const sim = createSim(loadPreset('sandbox'), 11);
  for (const command of commands) {
    const result = executeCommand(sim, command, true);
    if (!result.ok) throw new Error(`${command.type}: ${result.reason}`);
  }
  for (let i = 0; i < ticks; i++) step(sim);
  return sim;
}

describe('wire state → client model', () => {
  it('round-trips a monitored system: components, connections, settings, figures, tiers, business', () => {
    const sim = played(
      [
        { type: 'buyFeature', feature: 'hostMetrics' },
        { type: 'buyFeature', feature: 'aggregatedMetrics' },
        { type: 'buyFeature', feature: 'businessMetrics' },
        { type: 'buyFeature', feature: 'alerts' },
        { type: 'buyFeature', feature: 'logAggregation' },
        { type: 'buy', kind: 'cache', region: 'ap', size: 'small' },
        { type: 'connect', from: 'web-1', to: 'cache-2' },
        { type: 'configure', id: 'cache-2', ttlSeconds: 120 },
      ],
      30,
    );
    const view = teamView(sim);
    const wire = new TeamState();
    projectTeam(wire, view);
    const back = fromWire(wire);
    expect(back.components.map((c) => [c.id, c.kind, c.targets, c.settings])).toEqual(
      view.components.map((c) => [c.id, c.kind, c.targets, c.settings]),
    );
    const web = back.components.find((c) => c.id === 'web-1');
    const simWeb = view.components.find((c) => c.id === 'web-1');
    expect(web?.metrics?.lambda).toBe(simWeb?.metrics?.lambda);
    expect(web?.metrics?.health).toBe(simWeb?.metrics?.health);
    // Per-link rates, by target id and by users' region, arrive exactly as the view rounded them.
    for (const c of view.components) {
      const read = back.components.find((b) => b.id === c.id)!.metrics!;
      expect(read.sent).toEqual(c.metrics!.sent);
      expect(read.fromUsers).toEqual(c.metrics!.fromUsers);
    }
    // The data still lives on web-1's own box, so the new cache is listed but carries nothing yet.
    expect(web!.metrics!.sent).toEqual({ 'cache-2': 0 });
    expect(web!.metrics!.fromUsers.ap).toBeGreaterThan(0);
    expect(back.aggregated?.tiers.map((t) => t.tier)).toEqual(view.aggregated?.tiers.map((t) => t.tier));
    expect(back.business?.regions.map((r) => r.id)).toEqual(['ap', 'na', 'eu']);
    expect(back.features).toEqual(view.features);
    expect(back.money).toBeCloseTo(view.money, 2);
    expect(back.alerts).not.toBeNull();
    expect(back.feed.length).toBe(Math.min(view.feed.length, 50));
  });

  it('keeps fog of war: no figures, no aggregates, no business figures, no alerting without them', () => {
    const sim = played([], 5);
    const wire = new TeamState();
    projectTeam(wire, teamView(sim));
    const back = fromWire(wire);
    expect(back.components.every((c) => c.metrics === null)).toBe(true); // no per-link rates either
    expect(back.aggregated).toBeNull();
    expect(back.business).toBeNull();
    expect(back.alerts).toBeNull();
    expect(back.users.exact).toBe(false);
  });
});
