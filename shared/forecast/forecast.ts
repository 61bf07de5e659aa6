/**
 * The forecast's computation, pure and deterministic like the simulation it runs (see
 * shared/protocol/forecast.ts for what a player asks and gets). The server runs it in worker
 * threads; tests run it directly and compare it with the game's actual future.
 *
 * Both futures start from a copy of the team's state with the dice of the future taken out:
 * random failures and random world incidents off, scripted incidents that have not begun removed.
 * Incidents already running run their course. Nothing else differs from the game's own step, so
 * when the future holds no dice and nobody sends another command, the forecast is the future.
 */
import { cloneState, executeCommand, step, type Command, type CommandEntry, type SimState } from '../sim';
import { complaintsOf, COMPLAINT_LEVELS } from '../sim/view';
import { figure, money, rough, share, whole } from '../sim/view/figures';
import type { Complaints } from '../sim/view/types';
import { CREATED_REF, FORECAST_MAX_POINTS, type ForecastRefusal, type ForecastSeries } from '../protocol/forecast';

/** Who asks: the change's commands are logged as this team's and player's. */
export interface Asker {
  team: string;
  player: string;
}

/** The change as the step will take it: `new-n` replaced by the ids the change's buys get. */
export interface PreparedChange {
  entries: CommandEntry[];
  created: string[];
  refused: ForecastRefusal[];
}

/** A copy of `state` whose future holds no dice: the forecast's starting point. */
export function withoutDice(state: SimState): SimState {
  return takeDiceOut(cloneState(state));
}

/** Takes the future's dice out of `state` itself (a copy of its own, such as one just parsed); returns it. */
export function takeDiceOut(state: SimState): SimState {
  state.scenario.mtbfTicks = {};
  state.scenario.randomIncidentsPerDay = {};
  state.scenario.incidents = state.scenario.incidents.filter((incident) => incident.tick < state.tick);
  return state;
}

/** Replaces every `new-n` in a command's string fields by the id of the change's n-th buy; null if one is unknown. */
function substitute(command: Command, created: readonly string[]): Command | null {
  let unknown = false;
  const replaced = JSON.parse(
    JSON.stringify(command, (_key, value: unknown) => {
      if (typeof value !== 'string') return value;
      const match = CREATED_REF.exec(value);
      if (match === null) return value;
      const id = created[Number(match[1]) - 1];
      if (id === undefined) unknown = true;
      return id ?? value;
    }),
  ) as Command;
  return unknown ? null : replaced;
}

/**
 * Works out what the change does at the next tick: each command applied in order to a scratch
 * copy (as the step applies a tick's commands, before anything else happens), so that `new-n`
 * can be resolved and refusals named; the result is the log entries the step then applies again.
 * `scratch`: a copy of `state` to try them on (a copy is made when none is given).
 */
export function prepareChange(state: SimState, change: readonly Command[], asker: Asker, scratch = cloneState(state)): PreparedChange {
  const created: string[] = [];
  const refused: ForecastRefusal[] = [];
  const entries: CommandEntry[] = [];
  change.forEach((command, index) => {
    const resolved = substitute(command, created);
    if (resolved === null) {
      refused.push({ index, reason: 'unknown-reference' });
      return;
    }
    const result = executeCommand(scratch, resolved, true);
    if (!result.ok) {
      refused.push({ index, reason: result.reason });
      return;
    }
    if (resolved.type === 'buy' && result.createdId !== null) created.push(result.createdId);
    entries.push({ tick: state.tick, team: asker.team, player: asker.player, seq: entries.length, command: resolved });
  });
  return { entries, created, refused };
}

/** How many ticks each point of a forecast over `ticks` stands for. */
export function bucketSize(ticks: number): number {
  return Math.ceil(ticks / FORECAST_MAX_POINTS);
}

/** What a team sees of a future: decided by the monitoring it has when it asks. */
export interface Sight {
  aggregated: boolean;
  business: boolean;
}

export function sightOf(state: SimState): Sight {
  return { aggregated: state.features.aggregatedMetrics, business: state.features.businessMetrics };
}

/** One tick of a future, as the figures the curves are made of (availability and p95 already as shown). */
export interface TickSample {
  tick: number;
  money: number;
  dau: number;
  availability: number;
  p95LatencyMs: number;
  /** Index in COMPLAINT_LEVELS. */
  complaints: number;
}

export interface FutureRun {
  samples: TickSample[];
  /** The tick the team went bankrupt at, within the run; else null. */
  bankruptAt: number | null;
}

/** Steps `state` (changed in place) `ticks` ahead, `entries` applied at the first step; stops early at game over. */
export function runSamples(state: SimState, ticks: number, entries: readonly CommandEntry[] = []): FutureRun {
  const samples: TickSample[] = [];
  for (let t = 0; t < ticks && state.gameOver === null; t++) {
    step(state, t === 0 ? entries : []);
    samples.push({
      tick: state.tick,
      money: state.money,
      dau: state.summary.dau,
      availability: share(state.summary.availability),
      p95LatencyMs: figure(state.summary.p95LatencyMs),
      complaints: COMPLAINT_LEVELS.indexOf(complaintsOf(state)),
    });
  }
  return { samples, bankruptAt: state.gameOver?.reason === 'bankrupt' ? state.gameOver.tick : null };
}

/**
 * The curves of a future over `ticks` (the samples may stop sooner, at game over), a point per
 * bucket of bucketSize(ticks) ticks: availability the bucket's mean, p95 its worst, complaints its
 * loudest, money and users at its end, each as the team's console shows it with `sight`.
 */
export function seriesOf(run: FutureRun, ticks: number, sight: Sight): ForecastSeries {
  const every = bucketSize(ticks);
  const series: ForecastSeries = {
    ticks: [],
    money: [],
    users: [],
    availability: [],
    p95LatencyMs: [],
    complaints: [],
    bankruptAt: run.bankruptAt,
  };
  const samples = run.samples.slice(0, ticks);
  for (let from = 0; from < samples.length; from += every) {
    const bucket = samples.slice(from, from + every);
    const last = bucket[bucket.length - 1]!;
    series.ticks.push(last.tick);
    series.money.push(money(last.money));
    series.users.push(sight.business ? whole(last.dau) : rough(last.dau));
    series.availability!.push(share(bucket.reduce((sum, sample) => sum + sample.availability, 0) / bucket.length));
    series.p95LatencyMs!.push(bucket.reduce((worst, sample) => Math.max(worst, sample.p95LatencyMs), 0));
    series.complaints.push(COMPLAINT_LEVELS[bucket.reduce((loudest, sample) => Math.max(loudest, sample.complaints), 0)] as Complaints);
  }
  // Without aggregated metrics the team sees neither figure.
  if (!sight.aggregated) {
    series.availability = null;
    series.p95LatencyMs = null;
  }
  return series;
}

/**
 * Steps `state` (changed in place) `ticks` ahead, `entries` applied at the first step, and reads
 * the curves as the team's console shows them now: what the team can see is decided by the
 * monitoring it has when it asks, so a change that buys monitoring does not show, for free, what
 * that monitoring would show (it must be bought to be seen). Stops early at game over.
 */
export function runFuture(state: SimState, ticks: number, entries: readonly CommandEntry[] = []): ForecastSeries {
  const sight = sightOf(state);
  return seriesOf(runSamples(state, ticks, entries), ticks, sight);
}
