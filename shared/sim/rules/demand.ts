/**
 * Users → request rates. Online users follow a daily cycle around each region's peak hour; each
 * online user sends requests of every class at the scenario's rates. A constant-load scenario
 * skips users and offers a fixed request rate, which is what tests and teaching demos want.
 */
import { TAU, cos } from '../numerics/math';
import { CLASS_COUNT, REQUEST_CLASSES, type Scenario } from '../core/scenario';
import { TICKS_PER_DAY, type SimState } from '../core/state';

/** Online users and per-class request rates (req/s) of one region for the current tick. */
export interface RegionDemand {
  online: number;
  /** Requests per second by class, REQUEST_CLASSES order. */
  rates: Float64Array;
}

/** Share of a region's daily active users online at `tick`: a cosine day peaking at peakHour. */
function onlineFraction(scenario: Scenario, peakHour: number, tick: number): number {
  const hour = ((tick % TICKS_PER_DAY) / TICKS_PER_DAY) * 24;
  const phase = ((hour - peakHour) / 24) * TAU;
  return scenario.onlineShare * (1 + scenario.dailySwing * cos(phase));
}

/**
 * The most that spikes together multiply traffic by: three world spikes and an instructor's
 * strongest stay well inside it, while a scenario scripting hundreds at once cannot take the
 * demand to infinity (which no queue model can take).
 */
const MAX_SPIKE_FACTOR = 1000;

/** Traffic multiplier of the spikes active now (they stack multiplicatively, up to MAX_SPIKE_FACTOR). */
function spikeMultiplier(state: SimState): number {
  let factor = 1;
  for (const incident of state.incidents) {
    if (incident.type === 'trafficSpike' && incident.endTick === null) factor = Math.min(MAX_SPIKE_FACTOR, factor * incident.magnitude);
  }
  return factor;
}

/** Demand of every region, in scenario region order. */
export function regionDemands(state: SimState): RegionDemand[] {
  const { scenario } = state;
  const spike = spikeMultiplier(state);
  const mix = REQUEST_CLASSES.map((cls) => scenario.classMix[cls]);
  const result: RegionDemand[] = [];
  if (scenario.traffic.mode === 'constant') {
    const perUserTotal = mix.reduce((sum, rate) => sum + rate, 0);
    const totalUsers = scenario.regions.reduce((sum, region) => sum + region.initialUsers, 0);
    for (const region of scenario.regions) {
      const regionShare = totalUsers > 0 ? region.initialUsers / totalUsers : 1 / scenario.regions.length;
      const rates = new Float64Array(CLASS_COUNT);
      for (let k = 0; k < CLASS_COUNT; k++) {
        rates[k] = (scenario.traffic.requestsPerSecond * regionShare * spike * (mix[k] as number)) / perUserTotal;
      }
      // Users behind a fixed rate: as many as would send it at the scenario's per-user rates.
      let total = 0;
      for (let k = 0; k < CLASS_COUNT; k++) total += rates[k] as number;
      result.push({ online: perUserTotal > 0 ? total / perUserTotal : 0, rates });
    }
    return result;
  }
  for (let r = 0; r < scenario.regions.length; r++) {
    const spec = scenario.regions[r]!;
    const users = state.regions[r]!.users;
    const online = users * onlineFraction(scenario, spec.peakHour, state.tick) * spike;
    const rates = new Float64Array(CLASS_COUNT);
    for (let k = 0; k < CLASS_COUNT; k++) rates[k] = online * (mix[k] as number);
    result.push({ online, rates });
  }
  return result;
}
