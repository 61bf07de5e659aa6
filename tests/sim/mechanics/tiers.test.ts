/**
 * Idea 1 of docs/design.md (seed: 데이터베이스) and idea 3 (수직적 vs 수평적 규모 확장): one box shares its CPU
 * between web and database; separating the tiers lets each scale; bigger instances cost more than
 * they give, stop at a top size, restart to resize, and one instance is a single point of failure.
 */
import { describe, expect, it } from 'vitest';
import {
  COLOCATED_DB_SLOWDOWN,
  ENGINES,
  KINDS,
  SIZES,
  SIZE_NAMES,
  TOP_SIZE,
  WEB_WORK,
  purchasePrice,
  runningCostPerDay,
} from '../../../shared/sim';
import { Driver } from '../../helpers/driver';
import { constantScenario } from '../../helpers/scenarios';

const RPS = 40;
/** The constant-load preset's mix, normalised to shares of all requests. */
function mixShares(scenario: ReturnType<typeof constantScenario>) {
  const total = Object.values(scenario.classMix).reduce((a, b) => a + b, 0);
  const share = (cls: keyof typeof scenario.classMix) => scenario.classMix[cls] / total;
  return { share };
}

function oneBox() {
  return constantScenario({
    traffic: { mode: 'constant', requestsPerSecond: RPS },
    initialTopology: [{ kind: 'web', region: 'ap', size: 'small', colocatedDb: true, connectFrom: ['users'] }],
  });
}

describe('one server running web and database', () => {
  it("puts the database work on the web server's own CPU, slowed by sharing memory", () => {
    const scenario = oneBox();
    const sim = new Driver(scenario).run(3);
    const { share } = mixShares(scenario);
    // Expected CPU seconds per request, from the catalogue's per-request work (inputs, not outputs).
    const dbRead = scenario.datasets.reduce(
      (sum, d) => sum + d.readShare * (ENGINES.rdbms.readWork + ENGINES.rdbms.joinWork * (d.joins - 1)),
      0,
    );
    const perRequest =
      share('static') * WEB_WORK.static +
      share('read') * (WEB_WORK.read + dbRead * COLOCATED_DB_SLOWDOWN) +
      share('write') * (WEB_WORK.write + ENGINES.rdbms.writeWork * COLOCATED_DB_SLOWDOWN) +
      share('session') * WEB_WORK.session +
      share('job') * WEB_WORK.job;
    const box = sim.component('web-1');
    expect(box.figures.lambda).toBeCloseTo(RPS, 9);
    expect(box.figures.utilisation).toBeCloseTo((RPS * perRequest) / SIZES.small.vcpu, 9);
  });

  it('separating the tiers takes the database work off the web server, and each tier has its own load', () => {
    const scenario = oneBox();
    const sim = new Driver(scenario).run(2);
    const before = sim.component('web-1').figures.utilisation;
    const db = sim.buy({ type: 'buy', kind: 'db', region: 'ap', size: 'small' });
    sim.send({ type: 'connect', from: 'web-1', to: db });
    // Until the database is provisioned the box keeps serving its own data.
    expect(sim.component('web-1').settings.colocatedDb).toBe(true);
    expect(sim.state.summary.errorRate).toBe(0);
    sim.run(KINDS.db.provisionTicks + 2);
    const web = sim.component('web-1');
    expect(web.settings.colocatedDb).toBe(false);
    const { share } = mixShares(scenario);
    const webOnly =
      share('static') * WEB_WORK.static +
      share('read') * WEB_WORK.read +
      share('write') * WEB_WORK.write +
      share('session') * WEB_WORK.session +
      share('job') * WEB_WORK.job;
    expect(web.figures.utilisation).toBeCloseTo(RPS * webOnly, 9);
    expect(web.figures.utilisation).toBeLessThan(before);
    const database = sim.component(db);
    const reads = RPS * share('read');
    const writes = RPS * share('write');
    expect(database.figures.lambda).toBeCloseTo(reads + writes, 9);
    expect(sim.state.summary.errorRate).toBe(0);
  });

  it('cannot add web servers while the database lives on the box', () => {
    const sim = new Driver(oneBox());
    const [outcome] = sim.send({ type: 'scale', id: 'web-1', count: 2 });
    expect(outcome).toMatchObject({ ok: false, reason: 'colocated-db-single-box' });
  });
});

describe('vertical scaling', () => {
  it('prices grow faster than capacity at every step up', () => {
    for (let i = 1; i < SIZE_NAMES.length; i++) {
      const small = SIZE_NAMES[i - 1]!;
      const big = SIZE_NAMES[i]!;
      const capacityRatio = SIZES[big].vcpu / SIZES[small].vcpu;
      expect(purchasePrice('web', big, 1) / purchasePrice('web', small, 1)).toBeGreaterThan(capacityRatio);
      expect(runningCostPerDay('db', big, 1) / runningCostPerDay('db', small, 1)).toBeGreaterThan(capacityRatio);
    }
  });

  it('a kind sold in one size only (balancer, CDN) costs its catalogue price', () => {
    for (const kind of ['lb', 'cdn'] as const) {
      expect(KINDS[kind].sizes).toHaveLength(1);
      const size = KINDS[kind].sizes[0]!;
      expect(purchasePrice(kind, size, 1)).toBe(KINDS[kind].purchasePrice);
      expect(runningCostPerDay(kind, size, 1)).toBe(KINDS[kind].costPerDay);
    }
  });

  it('stops at a top size', () => {
    const sim = new Driver(constantScenario({ initialTopology: [{ kind: 'web', region: 'ap', size: TOP_SIZE, connectFrom: ['users'] }] }));
    const [outcome] = sim.send({ type: 'resize', id: 'web-1', size: TOP_SIZE });
    expect(outcome).toMatchObject({ ok: false, reason: 'already-top-size' });
  });

  it('an upgrade restarts the only instance: the site is down while it restarts, then has more capacity', () => {
    const sim = new Driver(oneBox()).run(2);
    const capacityBefore = sim.component('web-1').figures.capacity;
    const [outcome] = sim.send({ type: 'resize', id: 'web-1', size: 'medium' });
    expect(outcome?.ok).toBe(true);
    expect(sim.state.summary.successRate).toBe(0);
    sim.run(KINDS.web.restartTicks);
    const web = sim.component('web-1');
    expect(web.size).toBe('medium');
    expect(sim.state.summary.successRate).toBe(1);
    expect(web.figures.capacity / capacityBefore).toBeCloseTo(SIZES.medium.vcpu / SIZES.small.vcpu, 6);
  });

  it('a crash of the single server takes the whole site down (a single point of failure)', () => {
    const scenario = oneBox();
    scenario.incidents = [{ tick: 3, type: 'serverCrash', target: 'web-1' }];
    const sim = new Driver(scenario).run(4);
    expect(sim.component('web-1').down).toBe(1);
    expect(sim.state.summary.successRate).toBe(0);
    expect(sim.state.summary.availability).toBe(0);
  });
});
