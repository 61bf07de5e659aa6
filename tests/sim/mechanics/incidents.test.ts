/**
 * Incidents for the first mechanics: server crashes (random, from each instance's failure rate,
 * and scripted), traffic spikes and bad deploys. Each starts, has an effect the flow model shows,
 * and ends: by itself, or sooner by the player's command.
 */
import { describe, expect, it } from 'vitest';
import { AUTO_REPAIR_TICKS } from '../../../shared/sim/rules/incidents';
import { KINDS, TICKS_PER_DAY, createSim, step } from '../../../shared/sim';
import { Driver } from '../../helpers/driver';
import { staticPool } from '../../helpers/scenarios';

const RPS = 100;

describe('server crash', () => {
  it('a crashed instance stays down until the provider replaces it, and the incident records both ends', () => {
    const sim = new Driver(staticPool(1, RPS, { incidents: [{ tick: 5, type: 'serverCrash', target: 'web-2' }] }));
    sim.run(6);
    const incident = sim.state.incidents[0]!;
    expect(incident).toMatchObject({ type: 'serverCrash', target: 'web-2', startTick: 5, endTick: null, origin: 'scripted' });
    expect(sim.state.summary.successRate).toBe(0);
    sim.run(AUTO_REPAIR_TICKS);
    expect(incident.endTick).toBe(5 + AUTO_REPAIR_TICKS);
    expect(sim.component('web-2').down).toBe(0);
    expect(sim.state.summary.successRate).toBe(1);
  });

  it('a restart command brings it back after the restart time', () => {
    const sim = new Driver(staticPool(1, RPS, { incidents: [{ tick: 2, type: 'serverCrash', target: 'web-2' }] }));
    sim.run(3);
    expect(sim.send({ type: 'restart', id: 'web-2' })[0]?.ok).toBe(true);
    expect(sim.send({ type: 'restart', id: 'web-2' })[0]).toMatchObject({ ok: false, reason: 'nothing-to-restart' });
    sim.run(KINDS.web.restartTicks - 1);
    expect(sim.component('web-2').down).toBe(0);
    expect(sim.state.incidents[0]!.endTick).toBe(3 + KINDS.web.restartTicks);
  });

  it("random crashes follow each instance's failure rate: about n·ticks/MTBF of them", () => {
    const mtbf = 2000;
    const instances = 8;
    const ticks = 20000;
    const scenario = staticPool(instances, RPS, { mtbfTicks: { web: mtbf, db: 0, lb: 0 } });
    let crashes = 0;
    for (const seed of [1, 2, 3]) {
      const state = createSim(scenario, seed);
      // Health checks plus autoscaling at a fixed size replace crashed servers, keeping n serving.
      step(state, [
        { tick: 0, team: 'a', player: 'p', seq: 0, command: { type: 'configure', id: 'lb-1', healthChecks: true } },
        {
          tick: 0,
          team: 'a',
          player: 'p',
          seq: 1,
          command: {
            type: 'configure',
            id: 'web-2',
            autoscaling: { enabled: true, min: instances, max: instances, targetUtilisation: 0.5, cooldownTicks: 0 },
          },
        },
      ]);
      for (let t = 1; t < ticks; t++) step(state, []);
      crashes += state.incidents.filter((i) => i.type === 'serverCrash').length;
    }
    // Expected about 3 · 8 · 20000 / 2000 = 240 (a few serve-less ticks while provisioning lower it).
    const expected = (3 * instances * ticks) / mtbf;
    expect(crashes).toBeGreaterThan(expected * 0.8);
    expect(crashes).toBeLessThan(expected * 1.15);
  });
});

describe('traffic spike', () => {
  it('multiplies the offered load by its magnitude for its duration', () => {
    const sim = new Driver(staticPool(4, RPS, { incidents: [{ tick: 3, type: 'trafficSpike', magnitude: 2.5, durationTicks: 10 }] }));
    sim.run(3);
    expect(sim.state.summary.requestsPerSecond).toBeCloseTo(RPS, 9);
    sim.run(1);
    expect(sim.state.summary.requestsPerSecond).toBeCloseTo(2.5 * RPS, 9);
    sim.run(10);
    expect(sim.state.summary.requestsPerSecond).toBeCloseTo(RPS, 9);
    expect(sim.state.incidents[0]!.endTick).toBe(13);
  });
});

describe('bad deploy', () => {
  it('fails its share of web requests until it ends, sooner with a rollback', () => {
    const scenario = staticPool(2, RPS, { incidents: [{ tick: 2, type: 'badDeploy', magnitude: 0.3, durationTicks: 200 }] });
    const sim = new Driver(scenario).run(3);
    expect(sim.state.summary.errorRate).toBeCloseTo(0.3, 9);
    expect(sim.send({ type: 'rollback' })[0]?.ok).toBe(true);
    sim.run(KINDS.web.restartTicks);
    expect(sim.state.summary.errorRate).toBe(0);
    expect(sim.state.incidents[0]!.endTick).toBeLessThan(2 + 200);
    expect(sim.send({ type: 'rollback' })[0]).toMatchObject({ ok: false, reason: 'no-bad-deploy' });
  });

  it('random world incidents are the same for every team with the same seed, whatever they build', () => {
    const scenario = staticPool(2, RPS, { randomIncidentsPerDay: { trafficSpike: 6, badDeploy: 6 } });
    const quiet = new Driver(scenario, 7);
    const busy = new Driver(scenario, 7);
    busy.send({ type: 'buy', kind: 'web', region: 'ap', count: 3 }, { type: 'configure', id: 'lb-1', healthChecks: true });
    quiet.run(1);
    quiet.run(2 * TICKS_PER_DAY);
    busy.run(2 * TICKS_PER_DAY);
    const world = (d: Driver) =>
      d.state.incidents.filter((i) => i.type !== 'serverCrash').map((i) => [i.type, i.startTick, i.magnitude, i.expiresTick]);
    expect(world(quiet).length).toBeGreaterThan(4);
    expect(world(busy)).toEqual(world(quiet));
  });
});
