/**
 * Users and money: satisfaction from requests served well drives logistic growth and churn;
 * revenue follows the users who are served well; every instance has a price and a running cost;
 * running out of money ends the game.
 */
import { describe, expect, it } from 'vitest';
import { KINDS, TICKS_PER_DAY, purchasePrice, runningCostPerDay, type Scenario } from '../../../shared/sim';
import { Driver } from '../../helpers/driver';
import { constantScenario, sandboxScenario } from '../../helpers/scenarios';

/** The sandbox with no randomness and a fixed world: one region, one healthy server. */
function calmGrowth(overrides: Partial<Scenario> = {}): Scenario {
  return sandboxScenario({
    regions: [sandboxScenario().regions[0]!],
    latencyMs: { ap: { ap: 20 } },
    mtbfTicks: { web: 0, db: 0, lb: 0 },
    randomIncidentsPerDay: { trafficSpike: 0, badDeploy: 0 },
    initialTopology: [
      { kind: 'web', region: 'ap', size: 'xxlarge', connectFrom: ['users'] },
      { kind: 'db', region: 'ap', size: 'xxlarge', connectFrom: [0] },
    ],
    ...overrides,
  });
}

describe('users', () => {
  it('grow logistically at full satisfaction: ΔU = g/day · U · (1 − U/M) · s per tick', () => {
    const sim = new Driver(calmGrowth());
    const region = sim.state.regions[0]!;
    const u0 = region.users;
    sim.run(1);
    const s = region.satisfaction;
    const traffic = sim.state.scenario.traffic;
    if (traffic.mode !== 'growth') throw new Error('growth scenario expected');
    const market = sim.state.scenario.regions[0]!.marketSize;
    const expected =
      u0 + (traffic.growthPerDay / TICKS_PER_DAY) * u0 * (1 - u0 / market) * s - (traffic.churnPerDay / TICKS_PER_DAY) * u0 * (1 - s);
    expect(region.users).toBeCloseTo(expected, 9);
    sim.run(3 * TICKS_PER_DAY);
    expect(region.users).toBeGreaterThan(u0 * 3);
  });

  it('leave when the service fails them, and faster the worse it is', () => {
    const partial = new Driver(calmGrowth());
    const before = partial.state.regions[0]!.users;
    partial.send({ type: 'remove', id: 'db-2' }); // reads and writes fail, pages still load
    partial.run(TICKS_PER_DAY);
    const partialShare = partial.state.summary.successRate;
    expect(partialShare).toBeLessThan(0.8);
    expect(partial.state.regions[0]!.satisfaction).toBeCloseTo(partial.state.summary.availability, 2);
    expect(partial.state.regions[0]!.users).toBeLessThan(before);

    const down = new Driver(calmGrowth());
    down.send({ type: 'remove', id: 'web-1' });
    down.run(TICKS_PER_DAY);
    expect(down.state.summary.successRate).toBe(0);
    expect(down.state.regions[0]!.satisfaction).toBeLessThan(0.01);
    // With nothing served, a day at churn c/day keeps about e^(−c) of the users.
    expect(down.state.regions[0]!.users).toBeLessThan(before * 0.3);
    expect(down.state.regions[0]!.users).toBeLessThan(partial.state.regions[0]!.users);
  });
});

describe('money', () => {
  it('revenue follows active users served well; running costs are charged every tick', () => {
    const scenario = calmGrowth();
    const sim = new Driver(scenario);
    const money = sim.state.money;
    const users = sim.state.regions[0]!.users;
    sim.run(1);
    const servedWell = sim.state.summary.availability;
    expect(servedWell).toBeGreaterThan(0.9);
    // Revenue is earned on the users at the start of the tick, times the share served well.
    const revenuePerDay = scenario.revenuePerUserDay * users * servedWell;
    expect(sim.state.summary.revenuePerDay).toBeCloseTo(revenuePerDay, 9);
    const cost = runningCostPerDay('web', 'xxlarge', 1) + runningCostPerDay('db', 'xxlarge', 1);
    expect(sim.state.summary.costPerDay).toBeCloseTo(cost, 9);
    expect(sim.state.money).toBeCloseTo(money + (revenuePerDay - cost) / TICKS_PER_DAY, 9);
  });

  it('a purchase costs its price at once, and a refused purchase costs nothing', () => {
    const sim = new Driver(constantScenario({ startMoney: 1000 }));
    const before = sim.state.money;
    const [ok] = sim.send({ type: 'buy', kind: 'web', region: 'ap', size: 'medium', count: 2 });
    expect(ok?.ok).toBe(true);
    const tickNet = sim.state.totals.revenue - sim.state.totals.spent + 2 * purchasePrice('web', 'medium', 1);
    expect(sim.state.money).toBeCloseTo(before - 2 * purchasePrice('web', 'medium', 1) + tickNet, 9);
    const [refused] = sim.send({ type: 'buy', kind: 'db', region: 'ap', size: 'xxlarge' });
    expect(refused).toMatchObject({ ok: false, reason: 'insufficient-funds' });
  });

  it('running out of money ends the game', () => {
    const scenario = constantScenario({
      startMoney: 1,
      revenuePerUserDay: 0,
      initialTopology: [{ kind: 'web', region: 'ap', connectFrom: ['users'] }],
    });
    const sim = new Driver(scenario);
    const ticksToZero = Math.ceil(1 / (KINDS.web.costPerDay / TICKS_PER_DAY));
    sim.run(ticksToZero + 1);
    expect(sim.state.gameOver).toMatchObject({ reason: 'bankrupt' });
    const tick = sim.state.tick;
    const [late] = sim.send({ type: 'buy', kind: 'web', region: 'ap' });
    expect(late).toMatchObject({ ok: false, reason: 'game-over' });
    expect(sim.state.tick).toBe(tick);
  });
});
