/**
 * Forecasts under load (`npm run bench -- --only forecast-load`): 50 solo rooms ticking at 4×
 * with a bot each (the server load test's bots) and one more room whose team runs a system of
 * about 200 components, whose player asks "what if" for 600 ticks every two seconds (as fast
 * as the room lets one client ask). Each answer is timed from send to receipt on the client, so
 * it includes the room's serialising the state, the queue, both futures in the worker threads and
 * the way back. The same load runs twice in fresh server processes, once without forecasts and
 * once with them, so that the rooms' tick quantiles can be compared: forecasts must not delay ticks.
 *
 * The 200-component system is the step benchmark's (topologies.ts), written as a scenario's
 * starting topology and saved on the server, as a teacher's scenario would be.
 */
import { performance } from 'node:perf_hooks';
import type { Room as ClientRoom } from '@colyseus/sdk';
import type { ForecastAnswer } from '../../shared/protocol/forecast';
import type { ErrorMessage } from '../../shared/protocol/messages';
import type { InitialComponent, Scenario, SimState } from '../../shared/sim';
import { checkGoal } from './goals';
import { measureWindow, openSoloBots, runLoad, sleep, withTimeout, WINDOW_PER_MIN_MS, type Bot, type LoadRun } from './serverLoad';
import { buildTopology, specFor } from './topologies';
import type { BenchCase, BenchOptions, CaseResult } from './types';

const ROOMS = 50;
const FORECAST_TICKS = 600;
/** One request every this many ms: just under the room's rate of one per two seconds after the burst. */
const ASK_EVERY_MS = 2100;
const FORECAST_GOAL_MS = 150;
/** The asking run's tick p99 may exceed the quiet run's by this factor plus this many ms (noise between two runs). */
const TICK_NOISE = { factor: 1.25, ms: 0.5 };

/** The step benchmark's ~200-component system as a starting topology (callers before callees, as the format wants). */
function benchScenario(): Scenario {
  const built = buildTopology(specFor(200, 2)).state;
  const index = new Map(built.components.map((component, i) => [component.id, i]));
  const topology: InitialComponent[] = built.components.map((component) => {
    const entry: InitialComponent = { kind: component.kind, region: component.region, size: component.size, count: component.count };
    if (component.kind === 'db') entry.engine = component.settings.engine ?? 'rdbms';
    const from: Array<'users' | number> = Object.values(built.entries).includes(component.id) ? ['users'] : [];
    built.components.forEach((caller, i) => {
      if (caller.targets.includes(component.id)) from.push(i);
    });
    if (from.some((i) => typeof i === 'number' && i >= (index.get(component.id) ?? 0)))
      throw new Error(`bench scenario: ${component.id} is called by a component bought after it`);
    if (from.length > 0) entry.connectFrom = from;
    return entry;
  });
  return { ...(built as SimState).scenario, id: 'bench-forecast-200', startMoney: 10_000_000, initialTopology: topology };
}

/** Saves the scenario on the server and opens its room at 4× with aggregated metrics bought. */
async function openForecaster(run: LoadRun): Promise<ClientRoom> {
  const playerId = `bench-forecaster-${process.pid}`;
  const saved = await fetch(`${run.base}/api/scenarios`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ profile: playerId, scenario: benchScenario() }),
  });
  if (saved.status !== 201) throw new Error(`saving the bench scenario: ${saved.status} ${await saved.text()}`);
  const { id } = (await saved.json()) as { id: string };
  const room = await withTimeout(run.sdk.create('game', { mode: 'solo', scenario: id, playerId }), 30_000, 'create');
  room.onMessage('*', () => undefined);
  room.send('control', { action: 'speed', speed: 4 });
  room.send('command', { seq: 0, command: { type: 'buyFeature', feature: 'aggregatedMetrics' } });
  return room;
}

/** Asks every ASK_EVERY_MS until `stop`; returns each answer's round trip, ms, and the refusals. */
async function askRepeatedly(room: ClientRoom, stop: () => boolean): Promise<{ answers: number[]; refusals: string[] }> {
  const answers: number[] = [];
  const refusals: string[] = [];
  const sentAt = new Map<number, number>();
  const offAnswer = room.onMessage('forecast', (answer: ForecastAnswer) => {
    const at = sentAt.get(answer.id);
    if (at !== undefined) answers.push(performance.now() - at);
  });
  const offError = room.onMessage('error', (error: ErrorMessage) => {
    if (error.type === 'forecast') refusals.push(error.reason);
  });
  for (let id = 1; !stop(); id++) {
    sentAt.set(id, performance.now());
    room.send('forecast', { id, ticks: FORECAST_TICKS, change: [{ type: 'resize', id: 'web-2', size: 'large' }] });
    await sleep(ASK_EVERY_MS);
  }
  await sleep(1000);
  offAnswer();
  offError();
  return { answers, refusals };
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** One run: the rooms, the forecaster's room, a settle, and the measured window (with or without asking). */
async function oneRun(
  id: string,
  options: BenchOptions,
  asking: boolean,
): Promise<{ metrics: Record<string, number>; warnings: string[] }> {
  const windowMs = WINDOW_PER_MIN_MS * options.minMs;
  const bots: Bot[] = [];
  return runLoad(
    id,
    options,
    120_000 + windowMs * 2,
    async (run) => {
      await openSoloBots(run, ROOMS, bots);
      const forecaster = await openForecaster(run);
      await sleep(Math.min(5000, windowMs / 3));
      // One forecast before the window in both runs: the threads' first job compiles the simulation's hot paths.
      const warmed = new Promise((resolve) => forecaster.onMessage('forecast', resolve));
      forecaster.send('forecast', { id: 0, ticks: FORECAST_TICKS, change: [{ type: 'resize', id: 'web-2', size: 'large' }] });
      await withTimeout(warmed, 30_000, 'the warm-up forecast');
      await sleep(2000);
      let windowOver = false;
      const asked = asking ? askRepeatedly(forecaster, () => windowOver || run.stopping()) : Promise.resolve({ answers: [], refusals: [] });
      const window = await measureWindow(run, windowMs);
      windowOver = true;
      const { answers, refusals } = await asked;
      await withTimeout(forecaster.leave(), 10_000, 'leave').catch(() => undefined);
      if (refusals.length > 0) run.warnings.push(`forecasts refused: ${refusals.join(', ')}`);
      return {
        ...window.metrics,
        rooms: bots.length + 1,
        forecasts: answers.length,
        forecastP50Ms: quantile(answers, 0.5),
        forecastP95Ms: quantile(answers, 0.95),
        forecastMaxMs: quantile(answers, 1),
      };
    },
    () => ({ rooms: bots.length }),
  );
}

async function runForecastLoad(id: string, options: BenchOptions): Promise<CaseResult> {
  const quiet = await oneRun(`${id} (without forecasts)`, options, false);
  const asking = await oneRun(id, options, true);
  const q = quiet.metrics;
  const a = asking.metrics;
  const metrics: Record<string, number> = {
    rooms: a.rooms ?? NaN,
    forecasts: a.forecasts ?? NaN,
    forecastP50Ms: a.forecastP50Ms ?? NaN,
    forecastP95Ms: a.forecastP95Ms ?? NaN,
    forecastMaxMs: a.forecastMaxMs ?? NaN,
    quietTickP50Ms: q.tickP50Ms ?? NaN,
    quietTickP99Ms: q.tickP99Ms ?? NaN,
    tickP50Ms: a.tickP50Ms ?? NaN,
    tickP99Ms: a.tickP99Ms ?? NaN,
    quietLoopDelayP99Ms: q.serverLoopDelayP99Ms ?? NaN,
    loopDelayP99Ms: a.serverLoopDelayP99Ms ?? NaN,
    quietTicksPerSecond: q.ticksPerSecond ?? NaN,
    ticksPerSecond: a.ticksPerSecond ?? NaN,
    serverCpuPercent: a.serverCpuPercent ?? NaN,
    tickP99AllowedMs: (q.tickP99Ms ?? NaN) * TICK_NOISE.factor + TICK_NOISE.ms,
  };
  const goals = [
    checkGoal({ metric: 'forecastP95Ms', op: '<', target: FORECAST_GOAL_MS, label: `forecast p95 < ${FORECAST_GOAL_MS} ms` }, metrics),
    checkGoal(
      {
        metric: 'tickP99Ms',
        op: '<',
        target: metrics.tickP99AllowedMs!,
        label: `tick p99 < quiet × ${TICK_NOISE.factor} + ${TICK_NOISE.ms} ms`,
      },
      metrics,
    ),
  ];
  return {
    id,
    group: 'forecastLoad',
    title: `${ROOMS} rooms at 4× + one 200-component team asking every ${ASK_EVERY_MS / 1000} s`,
    metrics,
    goals,
    warnings: [...quiet.warnings, ...asking.warnings],
  };
}

export function forecastLoadCase(id: string): BenchCase {
  return { id, group: 'forecastLoad', title: 'forecasts beside 50 ticking rooms', run: (options) => runForecastLoad(id, options) };
}
