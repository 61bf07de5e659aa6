/**
 * The future as things stand, carried forward: a base future asked again a few ticks later, with
 * nothing having happened in the game meanwhile, is the slice of the one already computed plus
 * the few ticks beyond it, and equals a future computed afresh from the live state; a command or
 * an incident in between makes it start afresh. The pool here runs the worker's own job code in place.
 */
import { describe, expect, it } from 'vitest';
import { runSamples, withoutDice } from '../../shared/forecast/forecast';
import { loadPreset } from '../../shared/scenarios';
import { cloneState, createSim, step, type Scenario, type SimState } from '../../shared/sim';
import type { ForecastJob } from '../../server/forecast/jobs';
import type { ForecastPool } from '../../server/forecast/pool';
import { compute } from '../../server/forecast/worker';
import { BaseFutures, liveMoment } from '../../server/rooms/baseFutures';

/** A pool that runs each job at once, in this thread, and remembers what it was asked. */
function inPlacePool(): { pool: ForecastPool; jobs: ForecastJob[] } {
  const jobs: ForecastJob[] = [];
  const pool = { run: (job: ForecastJob) => (jobs.push(job), Promise.resolve(compute(job))) } as unknown as ForecastPool;
  return { pool, jobs };
}

const moment = (state: SimState) => liveMoment(state, JSON.stringify(state));
const fresh = (state: SimState, ticks: number) => runSamples(withoutDice(cloneState(state)), ticks);

describe('base futures carried forward', () => {
  it('reuses the ticks already run when nothing happened, and equals a fresh future', async () => {
    // The sandbox keeps its dice: nothing happens in these ticks, which is what lets the future be carried.
    const state = createSim(loadPreset('sandbox'), 5);
    for (let t = 0; t < 200; t++) step(state, []);
    const { pool, jobs } = inPlacePool();
    const bases = new BaseFutures(pool);
    const first = await bases.ask('solo', moment(state), 300);
    expect(first).toEqual(fresh(state, 300));

    const incidentsBefore = state.nextIncidentId;
    for (let t = 0; t < 8; t++) step(state, []);
    expect(state.nextIncidentId).toBe(incidentsBefore);
    const later = await bases.ask('solo', moment(state), 300);
    expect(later).toEqual(fresh(state, 300));
    // Only the eight ticks beyond the first future were run.
    expect(jobs.map((job) => job.ticks)).toEqual([300, 8]);
  });

  it('starts afresh after a command or an incident', async () => {
    const scenario: Scenario = {
      ...loadPreset('sandbox'),
      incidents: [{ tick: 205, type: 'trafficSpike', magnitude: 2, durationTicks: 30 }],
    };
    const state = createSim(scenario, 5);
    for (let t = 0; t < 200; t++) step(state, []);
    const { pool, jobs } = inPlacePool();
    const bases = new BaseFutures(pool);
    await bases.ask('solo', moment(state), 120);
    for (let t = 0; t < 10; t++) step(state, []);
    expect(await bases.ask('solo', moment(state), 120)).toEqual(fresh(state, 120));
    step(state, [{ tick: state.tick, team: 'solo', player: 'p', seq: 0, command: { type: 'buyFeature', feature: 'alerts' } }]);
    expect(await bases.ask('solo', moment(state), 120)).toEqual(fresh(state, 120));
    expect(jobs.map((job) => job.ticks)).toEqual([120, 120, 120]);
  });
});
