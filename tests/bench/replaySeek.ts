/**
 * The replay viewer's costs in Node, measured on the code its worker runs (client/replay/engine.ts):
 * loading a team of a three-day game (4,320 ticks), which is one run from the start that keeps a
 * keyframe every 120 ticks and the chart history, and seeking to random ticks of it (each the
 * nearest keyframe copied, up to 119 steps, the TeamView, the state's hash). Three systems, all
 * built by commands as players send them: the golden sandbox build (a handful of components),
 * and a team growing the sandbox to about 80 and about 180 components over the three days.
 */
import { performance } from 'node:perf_hooks';
import { ReplayEngine } from '../../client/replay/engine';
import type { ReplayDocument } from '../../shared/protocol/results';
import { hashState, replay, SIM_VERSION, type CommandEntry, type Scenario } from '../../shared/sim';
import { loadPreset } from '../../shared/scenarios';
import { sandboxBuildLog } from '../fixtures/buildLogs';
import { generatedLog, prng } from '../replay/workshopLog';
import { checkGoal } from './goals';
import type { BenchCase, CaseResult } from './types';

const TICKS = 3 * 1440;
const SEEKS = 50;
const SEEK_GOAL_MS = 200;

interface Game {
  scenario: Scenario;
  seed: number;
  log: CommandEntry[];
}

function document({ scenario, seed, log }: Game): ReplayDocument {
  return {
    id: 'bench',
    scenario,
    seed,
    teams: ['solo'],
    log,
    finalTick: TICKS,
    finalHashes: { solo: hashState(replay(scenario, seed, log, TICKS)) },
    version: SIM_VERSION,
  };
}

/** The golden sandbox build (seed 42), played on to three days. */
function sandboxGame(): Game {
  return { scenario: loadPreset('sandbox'), seed: 42, log: sandboxBuildLog().map((entry) => ({ ...entry, team: 'solo' })) };
}

/** Three players sending `orders` orders each over three days, on a sandbox rich enough to buy what they order. */
function grownGame(orders: number): Game {
  const sandbox = loadPreset('sandbox');
  const { log } = generatedLog({
    teams: 1,
    playersPerTeam: 3,
    ordersPerPlayer: orders,
    incidentsPerTeam: 0,
    ticks: TICKS,
    seed: 7,
    regions: sandbox.regions.map((region) => region.id),
  });
  return { scenario: { ...sandbox, startMoney: 1e8 }, seed: 7, log };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

function replaySeekCase(id: string, title: string, make: () => Game): BenchCase {
  return {
    id,
    group: 'replay',
    title,
    run(): CaseResult {
      const doc = document(make());
      const engine = new ReplayEngine(() => performance.now());
      const started = performance.now();
      engine.begin({ key: id, replay: doc, team: 'solo' });
      const { loaded } = engine.build(id, Infinity);
      const buildMs = performance.now() - started;
      if (loaded === null) throw new Error(`${id}: the build did not finish`);
      const warnings = loaded.faithful === true ? [] : ['the re-run did not end on the recorded hash'];
      const random = prng(2026);
      // The farthest ticks from a keyframe first (119 steps each), then random ones.
      const ticks = [TICKS - 1, 2159, 119, ...Array.from({ length: SEEKS - 3 }, () => Math.floor(random() * (TICKS + 1)))];
      const times: number[] = [];
      let components = 0;
      for (const tick of ticks) {
        const at = performance.now();
        const answer = engine.seek(id, tick);
        times.push(performance.now() - at);
        if (tick === TICKS - 1) components = answer.view.components.length;
      }
      const sorted = [...times].sort((a, b) => a - b);
      const metrics = {
        ticks: TICKS,
        entries: doc.log.length,
        components,
        keyframes: loaded.keyframes,
        buildMs,
        seeks: times.length,
        seekP50Ms: quantile(sorted, 0.5),
        seekP95Ms: quantile(sorted, 0.95),
        seekMaxMs: sorted[sorted.length - 1] as number,
        farSeekMs: times[0] as number,
      };
      const goals = [checkGoal({ metric: 'seekMaxMs', op: '<', target: SEEK_GOAL_MS, label: `< ${SEEK_GOAL_MS} ms per seek` }, metrics)];
      return { id, group: 'replay', title, metrics, goals, warnings };
    },
  };
}

export function replaySeekCases(): BenchCase[] {
  return [
    replaySeekCase('replay-seek-sandbox', 'golden sandbox build, 4,320 ticks', sandboxGame),
    replaySeekCase('replay-seek-grown', 'sandbox grown by 240 orders, 4,320 ticks', () => grownGame(80)),
    replaySeekCase('replay-seek-large', 'sandbox grown by 600 orders, 4,320 ticks', () => grownGame(200)),
  ];
}

/** What the table leaves out: the seek to the tick farthest from a keyframe. */
export function replaySeekNotes(result: CaseResult): string[] {
  const m = result.metrics;
  if (m.farSeekMs === undefined) return [];
  return [
    `  ${result.id}: ${m.entries} log entries; the first seek (tick 4,319, 119 steps from its keyframe, a cold JIT) ${m.farSeekMs.toFixed(1)} ms`,
  ];
}
