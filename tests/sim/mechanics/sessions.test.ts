/**
 * Idea 8 of docs/design.md (seed: 무상태(stateless) 웹 계층): while sessions live on the web servers, each
 * user is tied to one server (sticky sessions): losing, removing or retiring a server logs its
 * users out, and new servers fill up only slowly. Moving sessions to a shared store makes the
 * web tier stateless: every request looks its session up there, any server serves anyone and
 * nothing is lost when a server goes; the store itself must then stay up.
 */
import { describe, expect, it } from 'vitest';
import { LOGOUT_PENALTY } from '../../../shared/sim/rules/sessions';
import { KINDS, SIZES, WEB_WORK, type Scenario } from '../../../shared/sim';
import { Driver } from '../../helpers/driver';
import { balancedPool, constantScenario } from '../../helpers/scenarios';

const USERS = 10_000;
const ONLINE_SHARE = 0.05;
const ONLINE = USERS * ONLINE_SHARE;
const SERVERS = 4;
const SMOOTHING = 1 / 30;

/** 10,000 users that neither grow nor churn, 5 % online, each sending one static and one session request per 10 s. */
function sticky(withStore: boolean, overrides: Partial<Scenario> = {}): Scenario {
  return constantScenario({
    traffic: { mode: 'growth', growthPerDay: 0, churnPerDay: 0 },
    onlineShare: ONLINE_SHARE,
    dailySwing: 0,
    classMix: { static: 0.1, read: 0, write: 0, session: 0.1, job: 0 },
    initialTopology: [...balancedPool(SERVERS), ...(withStore ? [{ kind: 'sessionStore' as const, region: 'ap', connectFrom: [1] }] : [])],
    ...overrides,
  });
}

function healthChecked(scenario: Scenario): Driver {
  const sim = new Driver(scenario);
  sim.send({ type: 'configure', id: 'lb-1', healthChecks: true });
  return sim.run(3);
}

const servingOf = (sim: Driver) => sim.component('web-2').count - sim.component('web-2').down;
const satisfaction = (sim: Driver) => sim.state.regions[0]!.satisfaction;

describe('sessions on the web servers (sticky)', () => {
  it('a crashed server logs its users out: its share of the online users, and their goodwill', () => {
    const sim = healthChecked(sticky(false, { incidents: [{ tick: 4, type: 'serverCrash', target: 'web-2' }] }));
    const before = satisfaction(sim);
    sim.run(1);
    const share = 1 / SERVERS;
    expect(sim.state.totals.loggedOutUsers).toBeCloseTo(ONLINE * share, 9);
    // The logout costs LOGOUT_PENALTY of satisfaction per user hit, then the tick's service is averaged in.
    const hit = before - LOGOUT_PENALTY * share;
    expect(satisfaction(sim)).toBeCloseTo(hit + (sim.state.summary.availability - hit) * SMOOTHING, 9);
    expect(sim.state.summary.errorRate).toBe(0);
  });

  it('scaling in retires servers and logs out their users; removing the group logs out everyone', () => {
    const sim = healthChecked(sticky(false));
    sim.send({ type: 'scale', id: 'web-2', count: 1 });
    expect(sim.state.totals.loggedOutUsers).toBeCloseTo((ONLINE * 3) / SERVERS, 9);
    sim.run(2);
    sim.send({ type: 'remove', id: 'web-2' });
    expect(sim.state.totals.loggedOutUsers).toBeCloseTo((ONLINE * 3) / SERVERS + ONLINE, 9);
  });

  it('autoscaling in retires servers and logs their users out too', () => {
    const sim = healthChecked(sticky(false));
    sim.send({
      type: 'configure',
      id: 'web-2',
      autoscaling: { enabled: true, min: 1, max: SERVERS, targetUtilisation: 0.5, cooldownTicks: 0 },
    });
    expect(sim.component('web-2').count).toBe(1);
    expect(sim.state.totals.loggedOutUsers).toBeCloseTo((ONLINE * (SERVERS - 1)) / SERVERS, 9);
  });

  it('a lost server logs its users out in a constant-load game too, not only their goodwill', () => {
    const sim = new Driver(constantScenario({ incidents: [{ tick: 3, type: 'serverCrash', target: 'web-2' }] })).run(4);
    expect(satisfaction(sim)).toBeLessThan(0.9);
    // Constant load reports no online users (demand.ts), so sessions.ts counts 0 × share logged out.
    expect(sim.state.totals.loggedOutUsers).toBeGreaterThan(0);
  });

  it('new servers behind a sticky balancer take only new sessions, so the old ones stay loaded for a while', () => {
    const run = (withStore: boolean) => {
      const sim = healthChecked(sticky(withStore));
      sim.send({ type: 'scale', id: 'web-2', count: 2 * SERVERS });
      sim.run(KINDS.web.provisionTicks);
      expect(sim.component('web-2').count).toBe(2 * SERVERS);
      return sim.component('web-2').figures.utilisation;
    };
    // lifecycle.ts marks the new servers fresh, but context.ts rotationWeight only changes the split
    // between a balancer's target groups: inside one group the pool spreads the load evenly at once.
    expect(run(false)).toBeGreaterThan(run(true) * 1.5);
  });

  it('servers arriving while earlier new ones still fill up do not push the load back onto the oldest', () => {
    const sim = healthChecked(sticky(false));
    sim.send({ type: 'scale', id: 'web-2', count: 2 * SERVERS });
    sim.run(20);
    sim.send({ type: 'scale', id: 'web-2', count: 3 * SERVERS });
    sim.run(KINDS.web.provisionTicks - 1);
    const before = sim.component('web-2').figures.utilisation;
    sim.run(1);
    expect(sim.component('web-2').count).toBe(3 * SERVERS);
    // The first batch keeps the share it has taken; the second starts from none: the load on the
    // servers that carry it does not jump (it would to the old servers' alone, 1.7 times, if the
    // first batch started over).
    const after = sim.component('web-2').figures.utilisation;
    expect(after).toBeLessThanOrEqual(before * 1.001);
    expect(after).toBeGreaterThan(before * 0.9);
  });

  it('scaling back in retires the newest servers first: the old ones carry the group as before', () => {
    const sim = healthChecked(sticky(false));
    const steady = sim.component('web-2').figures.utilisation;
    sim.send({ type: 'scale', id: 'web-2', count: 2 * SERVERS });
    sim.run(KINDS.web.provisionTicks + 2);
    sim.send({ type: 'scale', id: 'web-2', count: SERVERS });
    sim.run(1);
    expect(sim.component('web-2').figures.utilisation).toBeCloseTo(steady, 9);
  });
});

describe('sticky balancer edge case', () => {
  it('when every old server is dead, a sticky balancer still sends users to the new ones', () => {
    const crash = { tick: 4, type: 'serverCrash' as const, target: 'web-2' };
    const scenario = sticky(false, { incidents: [crash, crash] });
    scenario.initialTopology[1]!.count = 2;
    const sim = healthChecked(scenario);
    sim.run(1);
    sim.send({ type: 'scale', id: 'web-2', count: 4 });
    sim.run(KINDS.web.provisionTicks);
    expect(servingOf(sim)).toBe(2);
    // rotationWeight = usable 2 − fresh 2 × (1 − 0) = 0 on the ready tick: the balancer fails everything.
    expect(sim.state.summary.errorRate).toBe(0);
  });
});

describe('a shared session store (stateless web tier)', () => {
  it('every request but a static file looks its session up in the store', () => {
    const scenario = constantScenario();
    scenario.initialTopology = [...scenario.initialTopology, { kind: 'sessionStore', region: 'ap', connectFrom: [1] }];
    const sim = new Driver(scenario).run(3);
    const mix = scenario.classMix;
    const total = mix.static + mix.read + mix.write + mix.session + mix.job;
    const rps = scenario.traffic.mode === 'constant' ? scenario.traffic.requestsPerSecond : 0;
    expect(sim.component('sessionStore-4').figures.lambda).toBeCloseTo((rps * (total - mix.static)) / total, 9);
    expect(sim.state.summary.errorRate).toBe(0);
  });

  it('nothing is lost when a server crashes, is retired or removed', () => {
    const sim = healthChecked(sticky(true, { incidents: [{ tick: 4, type: 'serverCrash', target: 'web-2' }] }));
    sim.run(2);
    sim.send({ type: 'scale', id: 'web-2', count: 2 });
    expect(sim.state.totals.loggedOutUsers).toBe(0);
    expect(satisfaction(sim)).toBeGreaterThan(0.999);
    sim.send({ type: 'remove', id: 'web-2' });
    expect(sim.state.totals.loggedOutUsers).toBe(0);
  });

  it('any server serves anyone: new servers take their share of the load at once', () => {
    const sim = healthChecked(sticky(true));
    const rps = ONLINE * 0.2;
    const perServer = SIZES.medium.vcpu / ((WEB_WORK.static + WEB_WORK.session) / 2);
    expect(sim.component('web-2').figures.utilisation).toBeCloseTo(rps / (SERVERS * perServer), 9);
    sim.send({ type: 'scale', id: 'web-2', count: 2 * SERVERS });
    sim.run(KINDS.web.provisionTicks);
    expect(sim.component('web-2').figures.utilisation).toBeCloseTo(rps / (2 * SERVERS * perServer), 9);
  });

  it('the store is a single point of failure: while it is down, every request that needs a session fails', () => {
    const sim = healthChecked(sticky(true, { incidents: [{ tick: 4, type: 'serverCrash', target: 'sessionStore-3' }] }));
    expect(sim.state.summary.errorRate).toBe(0);
    sim.run(1);
    // Half the requests are sessions (they fail), half static files (they need none).
    expect(sim.state.summary.errorRate).toBeCloseTo(0.5, 9);
    sim.send({ type: 'restart', id: 'sessionStore-3' });
    sim.run(KINDS.sessionStore.restartTicks);
    expect(sim.state.summary.errorRate).toBe(0);
  });

  it('moving sessions to a store that is still being set up keeps the site working', () => {
    const sim = healthChecked(sticky(false));
    const store = sim.buy({ type: 'buy', kind: 'sessionStore', region: 'ap' });
    sim.send({ type: 'connect', from: 'web-2', to: store });
    // The web tier calls a store with no instance yet: every session request fails until it is ready.
    expect(sim.state.summary.errorRate).toBe(0);
  });
});
