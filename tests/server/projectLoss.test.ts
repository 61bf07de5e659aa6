/**
 * The availability loss in the wire state: with aggregated metrics its causes, with business
 * metrics its regions, with log aggregation its request classes and slowest components; flags say
 * when a list is empty because it is hidden. A steady loss sends nothing again.
 */
import { describe, expect, it } from 'vitest';
import { teamView, type Feature } from '../../shared/sim';
import { projectTeam } from '../../server/sync/projectTeam';
import { projectTwice, sandboxWithTeam } from './teamWire';

/** The sandbox an hour in, with `features` switched on (not bought: no money moves). */
function world(features: Feature[]) {
  return sandboxWithTeam(60, (sim) => {
    for (const feature of features) sim.features[feature] = true;
  });
}

describe('projecting the availability loss', () => {
  it('aggregated metrics: the three causes, and both lists flagged hidden', () => {
    const { sim, team } = world(['aggregatedMetrics']);
    const view = teamView(sim);
    projectTeam(team, view);
    const a = team.aggregated!;
    const loss = view.aggregated!.loss!;
    expect(a.lossErrors).toBe(loss.errors);
    expect(a.lossDistance).toBe(loss.distance);
    expect(a.lossSystem).toBe(loss.system);
    expect(a.lossRegionsShown).toBe(false);
    expect(a.lossDetailShown).toBe(false);
    expect(a.lossRegions.length).toBe(0);
    expect(a.lossClasses.length).toBe(0);
    expect(a.slowest.length).toBe(0);
  });

  it('business metrics and logs fill the lists; dropping a feature empties its list again', () => {
    const { sim, team } = world(['aggregatedMetrics', 'businessMetrics', 'logAggregation']);
    projectTeam(team, teamView(sim));
    const a = team.aggregated!;
    expect(a.lossRegionsShown).toBe(true);
    expect(a.lossRegions.map((r) => r.id)).toEqual(['ap', 'na', 'eu']);
    expect(a.lossRegions.map((r) => r.roundTripMs)).toEqual([20, 140, 250]);
    expect(a.lossDetailShown).toBe(true);
    expect(a.lossClasses.map((c) => c.cls)).toEqual(['static', 'read', 'write', 'session', 'job']);
    expect(a.slowest.map((s) => s.componentId)).toEqual(['web-1']);
    sim.features.logAggregation = false;
    projectTeam(team, teamView(sim));
    expect(a.lossDetailShown).toBe(false);
    expect(a.lossClasses.length).toBe(0);
    expect(a.slowest.length).toBe(0);
    expect(a.lossRegionsShown).toBe(true);
  });

  it('projecting the same loss twice leaves nothing to send', () => {
    const { sim, state, team } = world(['aggregatedMetrics', 'businessMetrics', 'logAggregation']);
    expect(projectTwice(sim, state, team).hasChanges).toBe(false);
  });
});
