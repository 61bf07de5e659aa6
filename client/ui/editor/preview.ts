/**
 * The demand a scenario brings, as its author designed it: daily active users and requests per
 * second of every region over the game, with the daily cycle and the scripted traffic spikes.
 * Worked out with the simulation's own rules on a game where no command is ever given, but where
 * every request counts as served well: a real unserved game would lose its users (satisfaction
 * drives growth and churn), which would show the player's failure, not the scenario. So each tick
 * starts and ends the scripted incidents, takes the sim's `regionDemands`, and settles users with
 * the sim's `settleTick` told that every region was served perfectly (growth at full satisfaction,
 * no churn). Random incidents are left out: they differ from game to game.
 */
import { createSim } from '../../../shared/sim/core/sim';
import { CLASS_COUNT, type Scenario } from '../../../shared/sim/core/scenario';
import type { SimState } from '../../../shared/sim/core/state';
import type { FlowResult } from '../../../shared/sim/flow/index';
import { regionDemands } from '../../../shared/sim/rules/demand';
import { settleTick } from '../../../shared/sim/rules/economy';
import { expireIncidents, startScriptedIncidents } from '../../../shared/sim/rules/incidents';

export interface DemandPreview {
  /** The first tick of each point's stretch of time. */
  ticks: number[];
  /** Daily active users per region (scenario order) at the end of each stretch. */
  users: number[][];
  /** Requests per second per region: the highest within each stretch, so short spikes show. */
  requests: number[][];
  peakUsers: { value: number; tick: number };
  peakRequests: { value: number; tick: number };
}

/** A flow in which every region's requests were all served well: nothing offered, nothing failed. */
function servedPerfectly(regions: number): FlowResult {
  return {
    regions: Array.from({ length: regions }, () => ({ offered: 0, successRate: 1, streams: [] })),
    offeredByClass: new Float64Array(CLASS_COUNT),
    online: 0,
    cdnHits: 0,
    cdnGigabytes: 0,
    transferGigabytes: 0,
  };
}

/** A preview being worked out: `advance` works through up to `budget` ticks and says whether it is done. */
interface PreviewRun {
  advance(budget: number): boolean;
  result(): DemandPreview;
}

/** Starts the preview of `ticks` simulated minutes, one point per `every` minutes. */
export function startPreview(scenario: Scenario, ticks: number, every: number): PreviewRun {
  const state: SimState = createSim(scenario, 0);
  const regions = scenario.regions.length;
  const flow = servedPerfectly(regions);
  const preview: DemandPreview = {
    ticks: [],
    users: scenario.regions.map(() => []),
    requests: scenario.regions.map(() => []),
    peakUsers: { value: 0, tick: 0 },
    peakRequests: { value: 0, tick: 0 },
  };
  let tick = 0;
  const advance = (budget: number): boolean => {
    const end = Math.min(ticks, tick + budget);
    for (; tick < end; tick++) {
      state.tick = tick;
      expireIncidents(state);
      startScriptedIncidents(state);
      const demands = regionDemands(state);
      const point = Math.floor(tick / every);
      if (point === preview.ticks.length) {
        preview.ticks.push(tick);
        for (let r = 0; r < regions; r++) preview.requests[r]!.push(0);
      }
      let total = 0;
      for (let r = 0; r < regions; r++) {
        let rate = 0;
        for (const classRate of demands[r]!.rates) rate += classRate;
        total += rate;
        const series = preview.requests[r]!;
        series[point] = Math.max(series[point]!, rate);
      }
      if (total > preview.peakRequests.value) preview.peakRequests = { value: total, tick };
      settleTick(state, flow);
      const users = state.summary.dau;
      if (users > preview.peakUsers.value) preview.peakUsers = { value: users, tick };
      if ((tick + 1) % every === 0 || tick + 1 === ticks)
        for (let r = 0; r < regions; r++) preview.users[r]![point] = state.regions[r]!.users;
    }
    return tick >= ticks;
  };
  return { advance, result: () => preview };
}

/** The whole preview at once (the tests, and small games). */
export function previewDemand(scenario: Scenario, ticks: number, every: number): DemandPreview {
  const run = startPreview(scenario, ticks, every);
  run.advance(ticks);
  return run.result();
}
