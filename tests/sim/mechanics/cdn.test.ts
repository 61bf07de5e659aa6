/**
 * Idea 7 of docs/design.md (seed: 콘텐츠 전송 네트워크(CDN), CDN 사용 시 고려할 점): static files are served
 * from the CDN's edge, so they leave the origin; the provider bills the data it delivers; objects
 * live for their TTL, so after a deploy the edge serves outdated files unless they were
 * invalidated or their URLs versioned; when the CDN fails, clients reach the origin only if that
 * fallback was built in.
 */
import { describe, expect, it } from 'vitest';
import { DEPLOY_HOUR } from '../../../shared/sim/flow/cdn';
import { KINDS, TICKS_PER_DAY, type Scenario } from '../../../shared/sim';
import { Driver } from '../../helpers/driver';
import { zipf } from '../../helpers/reference';
import { constantScenario, staticPool } from '../../helpers/scenarios';

const ASSETS = 5_000;
const ALPHA = 1;
const SIZE_KB = 150;
const STATIC_RPS = 200;
/** Deploys happen every day at DEPLOY_HOUR: tick 600 on day 0. */
const DEPLOY_TICK = (DEPLOY_HOUR * TICKS_PER_DAY) / 24;

const P = zipf(ASSETS, ALPHA);

/**
 * An edge that keeps each copy `ttl` seconds from when it fetched it (HTTP max-age: a hit does not
 * renew it). After a miss the copy lives ttl and collects λp·ttl hits on average, then one miss:
 * h = Σ p_i·λp_i·ttl/(1 + λp_i·ttl).
 */
const edgeHitRatio = (lambda: number, ttl: number) => P.reduce((sum, p) => sum + (p * lambda * p * ttl) / (1 + lambda * p * ttl), 0);

/** users → lb → two medium web servers, static files only. */
function site(overrides: Partial<Scenario> = {}): Scenario {
  return staticPool(2, STATIC_RPS, { staticAssets: { count: ASSETS, alpha: ALPHA, sizeKb: SIZE_KB }, ...overrides });
}

/** Buys the CDN at once (no connection needed) and sets its TTL. */
function withCdn(scenario: Scenario, ttlSeconds: number): { sim: Driver; cdn: string } {
  const sim = new Driver(scenario);
  const cdn = sim.buy({ type: 'buy', kind: 'cdn', region: 'ap' });
  sim.send({ type: 'configure', id: cdn, ttlSeconds });
  return { sim, cdn };
}

const originStatic = (sim: Driver) => sim.component('web-2').figures.lambda;

describe('CDN', () => {
  it('serves the popular files from the edge: the origin sees only the misses, λ·(1 − h)', () => {
    const ttl = 60;
    const { sim, cdn } = withCdn(site(), ttl);
    // Until the CDN is set up, every file comes from the site.
    expect(originStatic(sim)).toBeCloseTo(STATIC_RPS, 9);
    sim.run(KINDS.cdn.provisionTicks + 3);
    const h = edgeHitRatio(STATIC_RPS, ttl);
    expect(h).toBeGreaterThan(0.5);
    expect(sim.component(cdn).extra.hitRatio).toBeCloseTo(h, 4);
    expect(originStatic(sim) / STATIC_RPS).toBeCloseTo(1 - h, 4);
    expect(sim.state.summary.errorRate).toBe(0);
  });

  it('a longer TTL keeps more files at the edge and takes more load off the origin', () => {
    const short = withCdn(site(), 60).sim.run(10);
    const long = withCdn(site(), 3_600).sim.run(10);
    expect(originStatic(long) / STATIC_RPS).toBeCloseTo(1 - edgeHitRatio(STATIC_RPS, 3_600), 4);
    expect(originStatic(long)).toBeLessThan(originStatic(short));
  });

  it('a new edge starts empty: its first minute sends every file to the origin', () => {
    const { sim } = withCdn(site(), 60);
    sim.run(KINDS.cdn.provisionTicks - 2);
    const ready = () => sim.state.components.find((c) => c.kind === 'cdn')!.count;
    expect(ready()).toBe(0);
    sim.run(1);
    expect(ready()).toBe(1);
    expect(originStatic(sim)).toBeCloseTo(STATIC_RPS, 9);
    sim.run(1);
    expect(originStatic(sim) / STATIC_RPS).toBeCloseTo(1 - edgeHitRatio(STATIC_RPS, 60), 4);
  });

  it("the provider bills every GB the edge delivers: hits × size × price, added to the tick's cost", () => {
    const price = 0.08;
    const ttl = 60;
    const paid = withCdn(site({ cdnCostPerGb: price, revenuePerUserDay: 0 }), ttl).sim.run(10);
    const free = withCdn(site({ cdnCostPerGb: 0, revenuePerUserDay: 0 }), ttl).sim.run(10);
    const gbBefore = paid.state.totals.cdnGb;
    const gapBefore = free.state.money - paid.state.money;
    paid.run(5);
    free.run(5);
    const gbPerTick = (STATIC_RPS * edgeHitRatio(STATIC_RPS, ttl) * 60 * SIZE_KB) / 1e6;
    expect((paid.state.totals.cdnGb - gbBefore) / 5).toBeCloseTo(gbPerTick, 4);
    expect((free.state.money - paid.state.money - gapBefore) / 5).toBeCloseTo(gbPerTick * price, 5);
  });

  it('after the daily deploy the edge serves the old files until their TTL runs out', () => {
    const ttl = 3_600;
    const { sim, cdn } = withCdn(site(), ttl);
    sim.run(DEPLOY_TICK - sim.state.tick);
    expect(sim.component(cdn).extra.staleShare).toBe(0);
    const before = sim.state.totals.staleAssets;
    sim.run(11); // ticks DEPLOY_TICK … DEPLOY_TICK + 10
    const since = 10 * 60;
    expect(sim.component(cdn).extra.staleShare).toBeCloseTo(1 - since / ttl, 9);
    // Stale hits over those eleven minutes, copies cached before the deploy going linearly.
    const hits = STATIC_RPS * edgeHitRatio(STATIC_RPS, ttl);
    let stale = 0;
    for (let k = 0; k <= 10; k++) stale += hits * (1 - (k * 60) / ttl) * 60;
    expect((sim.state.totals.staleAssets - before) / stale).toBeCloseTo(1, 4);
    sim.run(60);
    expect(sim.component(cdn).extra.staleShare).toBe(0);
  });

  it('versioned URLs never serve an old file after a deploy', () => {
    const { sim, cdn } = withCdn(site(), 3_600);
    sim.send({ type: 'configure', id: cdn, versioning: true });
    sim.run(DEPLOY_TICK + 5 - sim.state.tick);
    expect(sim.component(cdn).extra.staleShare).toBe(0);
    expect(sim.state.totals.staleAssets).toBe(0);
  });

  it('an invalidation after the deploy drops the old copies: fresh files, and one burst of origin traffic', () => {
    const { sim, cdn } = withCdn(site(), 3_600);
    // An invalidation before the deploy does not help with the files the deploy replaces.
    sim.run(DEPLOY_TICK - 2 - sim.state.tick);
    sim.send({ type: 'invalidate', id: cdn });
    sim.run(3);
    expect(sim.component(cdn).extra.staleShare).toBeGreaterThan(0.9);
    expect(sim.send({ type: 'invalidate', id: cdn })[0]?.ok).toBe(true);
    expect(sim.component(cdn).extra.staleShare).toBe(0);
    expect(originStatic(sim)).toBeCloseTo(STATIC_RPS, 9);
    sim.run(1);
    expect(originStatic(sim) / STATIC_RPS).toBeCloseTo(1 - edgeHitRatio(STATIC_RPS, 3_600), 4);
  });

  it('an edge bought after the deploy holds no old files, so it serves nothing stale', () => {
    const sim = new Driver(site()).run(DEPLOY_TICK + 5);
    const cdn = sim.buy({ type: 'buy', kind: 'cdn', region: 'ap' });
    sim.send({ type: 'configure', id: cdn, ttlSeconds: 86_400 });
    sim.run(KINDS.cdn.provisionTicks);
    expect(sim.component(cdn).extra.hitRatio).toBeGreaterThan(0.5);
    // Every copy it has was fetched after the deploy; flow/cdn.ts still counts 1 − since/ttl of the hits as stale.
    expect(sim.component(cdn).extra.staleShare).toBe(0);
  });
});

describe('CDN outage', () => {
  const outage = { incidents: [{ tick: 12, type: 'cdnOutage' as const, durationTicks: 10 }] };

  it('without an origin fallback the clients know no other address: static files fail', () => {
    const scenario = constantScenario({ ...outage, staticAssets: { count: ASSETS, alpha: ALPHA, sizeKb: SIZE_KB } });
    const sim = new Driver(scenario);
    sim.buy({ type: 'buy', kind: 'cdn', region: 'ap' });
    sim.run(11);
    expect(sim.state.summary.errorRate).toBe(0);
    sim.run(1);
    const mix = scenario.classMix;
    const staticShare = mix.static / (mix.static + mix.read + mix.write + mix.session + mix.job);
    expect(sim.state.summary.errorRate).toBeCloseTo(staticShare, 9);
    sim.run(10);
    expect(sim.state.summary.errorRate).toBe(0);
  });

  it('with the fallback built in, every static file goes to the origin instead, and nothing fails', () => {
    const { sim, cdn } = withCdn(site(outage), 3_600);
    sim.send({ type: 'configure', id: cdn, originFallback: true });
    sim.run(12 - sim.state.tick);
    expect(originStatic(sim)).toBeLessThan(STATIC_RPS / 2);
    sim.run(1);
    expect(originStatic(sim)).toBeCloseTo(STATIC_RPS, 9);
    expect(sim.state.summary.errorRate).toBe(0);
  });
});
