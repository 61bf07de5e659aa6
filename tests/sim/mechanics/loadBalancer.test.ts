/**
 * Idea 4 of docs/design.md (seed: 로드밸런서): a balancer spreads traffic evenly over the web servers of its
 * set; with health checks a dead server is taken out, without them it keeps its share and those
 * requests fail; web servers are reachable only through the balancer; autoscaling adds and removes
 * servers within its bounds, after a provisioning delay and a cool-down.
 */
import { describe, expect, it } from 'vitest';
import { KINDS, purchasePrice, SIZES, WEB_WORK } from '../../../shared/sim';
import { Driver } from '../../helpers/driver';
import { singleClassScenario, staticPool } from '../../helpers/scenarios';

const RPS = 400;

describe('load balancer and health checks', () => {
  it('spreads the load evenly over the servers of the set', () => {
    const sim = new Driver(staticPool(4, RPS)).run(2);
    const web = sim.component('web-2');
    const perServerCapacity = SIZES.medium.vcpu / WEB_WORK.static;
    expect(web.figures.capacity).toBeCloseTo(4 * perServerCapacity, 6);
    expect(web.figures.utilisation).toBeCloseTo(RPS / (4 * perServerCapacity), 9);
    expect(sim.state.summary.errorRate).toBe(0);
  });

  it('without health checks a dead web server still gets its share of traffic, and those requests fail', () => {
    const scenario = staticPool(4, RPS, { incidents: [{ tick: 2, type: 'serverCrash', target: 'web-2' }] });
    const sim = new Driver(scenario).run(4);
    expect(sim.component('web-2').down).toBe(1);
    expect(sim.state.summary.errorRate).toBeCloseTo(1 / 4, 6);
  });

  it('with health checks the dead server is taken out of rotation and the rest serve everyone', () => {
    const scenario = staticPool(4, RPS, { incidents: [{ tick: 2, type: 'serverCrash', target: 'web-2' }] });
    const sim = new Driver(scenario);
    sim.send({ type: 'configure', id: 'lb-1', healthChecks: true });
    sim.run(4);
    expect(sim.component('web-2').down).toBe(1);
    expect(sim.state.summary.errorRate).toBe(0);
    const web = sim.component('web-2');
    expect(web.figures.capacity).toBeCloseTo(3 * (SIZES.medium.vcpu / WEB_WORK.static), 6);
  });

  it('web servers are reachable only through the balancer: straight from DNS only one instance serves', () => {
    const direct = singleClassScenario('static', RPS, {
      initialTopology: [{ kind: 'web', region: 'ap', size: 'medium', count: 4, connectFrom: ['users'] }],
    });
    const sim = new Driver(direct).run(2);
    expect(sim.component('web-1').figures.capacity).toBeCloseTo(SIZES.medium.vcpu / WEB_WORK.static, 6);
  });

  it('a resize behind a health-checked balancer rolls through the servers without failed requests', () => {
    const sim = new Driver(staticPool(3, RPS));
    sim.send({ type: 'configure', id: 'lb-1', healthChecks: true });
    const [outcome] = sim.send({ type: 'resize', id: 'web-2', size: 'large' });
    expect(outcome?.ok).toBe(true);
    let failures = 0;
    for (let t = 0; t < 3 * KINDS.web.restartTicks + 2; t++) {
      sim.run(1);
      failures += sim.state.summary.errorRate;
    }
    expect(failures).toBe(0);
    expect(sim.component('web-2').size).toBe('large');
  });
});

describe('autoscaling', () => {
  const rule = { enabled: true, min: 2, max: 6, targetUtilisation: 0.5, cooldownTicks: 5 };

  it('adds servers when a spike raises utilisation, only after provisioning, and never above max', () => {
    const scenario = staticPool(2, RPS, { incidents: [{ tick: 10, type: 'trafficSpike', magnitude: 4, durationTicks: 200 }] });
    const sim = new Driver(scenario);
    sim.send({ type: 'configure', id: 'lb-1', healthChecks: true }, { type: 'configure', id: 'web-2', autoscaling: rule });
    sim.run(9);
    const web = sim.component('web-2');
    expect(web.count).toBe(2);
    sim.run(1); // the spike arrives at tick 10; the rule orders servers at the end of that tick
    expect(web.count).toBe(2);
    expect(web.provisioning.length).toBeGreaterThan(0);
    sim.run(KINDS.web.provisionTicks);
    expect(web.count).toBeGreaterThan(2);
    sim.run(60);
    expect(web.count + web.provisioning.length).toBeLessThanOrEqual(rule.max);
    // 4 × 400 static req/s on medium servers at a 0.5 target needs ceil(1600·0.002/2/0.5) = 4 servers.
    expect(web.count).toBe(Math.ceil((4 * RPS * WEB_WORK.static) / SIZES.medium.vcpu / rule.targetUtilisation));
  });

  it('removes servers when the load falls, but not below min', () => {
    const sim = new Driver(staticPool(6, RPS));
    sim.send({ type: 'configure', id: 'web-2', autoscaling: rule });
    sim.run(30);
    expect(sim.component('web-2').count).toBe(rule.min);
  });

  it('waits for the cool-down between actions', () => {
    const sim = new Driver(staticPool(6, RPS));
    sim.send({ type: 'configure', id: 'web-2', autoscaling: { ...rule, min: 1, cooldownTicks: 50 } });
    const web = sim.component('web-2');
    const first = web.lastScaleTick;
    sim.run(49);
    expect(web.lastScaleTick).toBe(first);
  });

  it('rents the servers it adds above its minimum (running cost only) and buys those up to it', () => {
    // Two twins, the same until a rule orders servers at the end of tick 10: the money spent in
    // that tick differs only by what the order cost up front.
    const scenario = staticPool(2, RPS, { incidents: [{ tick: 10, type: 'trafficSpike', magnitude: 4, durationTicks: 200 }] });
    const spentThrough = (autoscaling: typeof rule) => {
      const sim = new Driver(scenario);
      sim.send({ type: 'configure', id: 'web-2', autoscaling });
      sim.run(10);
      return { spent: sim.state.totals.spent, ordered: sim.component('web-2').provisioning.length, size: sim.component('web-2').size };
    };
    const fixed = spentThrough({ ...rule, max: rule.min });
    const riding = spentThrough(rule);
    expect(fixed.ordered).toBe(0);
    expect(riding.ordered).toBeGreaterThan(0);
    expect(riding.spent).toBe(fixed.spent);

    // A minimum above the group's size: the servers that bring it up to the minimum are bought.
    const buying = new Driver(staticPool(2, RPS));
    const before = buying.state.totals.spent;
    buying.send({ type: 'configure', id: 'web-2', autoscaling: { ...rule, min: 4, max: 4 } });
    expect(buying.component('web-2').provisioning).toHaveLength(2);
    expect(buying.state.totals.spent - before).toBeGreaterThanOrEqual(2 * purchasePrice('web', riding.size, scenario.priceFactor));
  });

  it('with health checks replaces a server that died', () => {
    const scenario = staticPool(3, RPS, { incidents: [{ tick: 4, type: 'serverCrash', target: 'web-2' }] });
    const sim = new Driver(scenario);
    sim.send({ type: 'configure', id: 'lb-1', healthChecks: true }, { type: 'configure', id: 'web-2', autoscaling: { ...rule, min: 3 } });
    sim.run(4);
    expect(sim.component('web-2').down).toBe(0);
    sim.run(KINDS.web.provisionTicks + 1);
    expect(sim.component('web-2').count).toBe(3);
  });
});
