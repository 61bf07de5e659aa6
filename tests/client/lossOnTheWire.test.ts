/**
 * The availability loss and the derived figures (disk, CDN traffic) travel from the sim's view
 * through the wire state to the client's model, rounded like every other figure, and what a
 * feature hides stays hidden (null), not zero.
 */
import { describe, expect, it } from 'vitest';
import { teamView as fromWire } from '../../client/net/toModel';
import { TeamState } from '../../shared/schema/gameState';
import { loadPreset } from '../../shared/scenarios';
import { createSim, executeCommand, step, teamView, type Feature } from '../../shared/sim';
import { projectTeam } from '../../server/sync/projectTeam';

function roundTrip(features: Feature[]) {
  const sim = createSim(loadPreset('sandbox'), 11);
  for (const feature of features) {
    const result = executeCommand(sim, { type: 'buyFeature', feature }, true);
    if (!result.ok) throw new Error(result.reason);
  }
  for (let i = 0; i < 120; i++) step(sim);
  const view = teamView(sim);
  const wire = new TeamState();
  projectTeam(wire, view);
  return { view, back: fromWire(wire) };
}

describe('the availability loss on the wire', () => {
  it('with every feature: causes, regions, request classes and where time goes', () => {
    const { view, back } = roundTrip(['hostMetrics', 'aggregatedMetrics', 'businessMetrics', 'logAggregation']);
    const sent = view.aggregated!.loss!;
    const got = back.aggregated!.loss!;
    expect(got.errors).toBeCloseTo(sent.errors, 6);
    expect(got.distance).toBeCloseTo(sent.distance, 6);
    expect(got.system).toBeCloseTo(sent.system, 6);
    expect(got.regions!.map((r) => r.id)).toEqual(['ap', 'na', 'eu']);
    got.regions!.forEach((r, i) => {
      expect(r.share).toBeCloseTo(sent.regions![i]!.share, 6);
      expect(r.roundTripMs).toBeCloseTo(sent.regions![i]!.roundTripMs, 3);
    });
    expect(got.classes!.map((c) => c.cls)).toEqual(sent.classes!.map((c) => c.cls));
    expect(got.slowest!.map((s) => s.componentId)).toEqual(sent.slowest!.map((s) => s.componentId));
    // The parts still add up to what availability misses, within the wire's rounding.
    expect(got.errors + got.distance + got.system).toBeCloseTo(1 - back.aggregated!.availability, 2);
  });

  it('hidden parts stay null on the client', () => {
    const { back } = roundTrip(['aggregatedMetrics']);
    const loss = back.aggregated!.loss!;
    expect(loss.regions).toBeNull();
    expect(loss.classes).toBeNull();
    expect(loss.slowest).toBeNull();
  });

  it('a database’s disk reaches the inspector', () => {
    const sim = createSim({ ...loadPreset('constant-load'), datasets: loadPreset('sandbox').datasets }, 1);
    sim.features.hostMetrics = true;
    for (let i = 0; i < 3; i++) step(sim);
    const view = teamView(sim);
    const wire = new TeamState();
    projectTeam(wire, view);
    const db = fromWire(wire).components.find((c) => c.kind === 'db')!;
    const sent = view.components.find((c) => c.kind === 'db')!.metrics!.extra;
    expect(sent.storedGb).toBeGreaterThan(0);
    expect(db.metrics!.extra.storedGb).toBe(sent.storedGb!);
    expect(db.metrics!.extra.diskGb).toBe(sent.diskGb);
    expect(db.metrics!.extra.diskUse).toBe(sent.diskUse!);
  });
});
