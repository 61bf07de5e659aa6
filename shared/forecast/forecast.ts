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
  const copy = cloneState(state);
  copy.scenario.mtbfTicks = {};
  copy.scenario.randomIncidentsPerDay = {};
  copy.scenario.incidents = copy.scenario.incidents.filter((incident) => incident.tick < copy.tick);
  return copy;
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
 */
export function prepareChange(state: SimState, change: readonly Command[], asker: Asker): PreparedChange {
  const scratch = cloneState(state);
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

/**
 * Steps `state` (changed in place) `ticks` ahead, `entries` applied at the first step, and reads
 * the curves as the team's console shows them now: what the team can see is decided by the
 * monitoring it has when it asks, so a change that buys monitoring does not show, for free, what
 * that monitoring would show (it must be bought to be seen). Stops early at game over.
 */
export function runFuture(state: SimState, ticks: number, entries: readonly CommandEntry[] = []): ForecastSeries {
  const every = bucketSize(ticks);
  const series: ForecastSeries = {
    ticks: [],
    money: [],
    users: [],
    availability: [],
    p95LatencyMs: [],
    complaints: [],
    bankruptAt: null,
  };
  let seen = 0;
  let availabilitySum = 0;
  let worstP95 = 0;
  let loudest = 0;
  const metrics = state.features.aggregatedMetrics;
  const exactUsers = state.features.businessMetrics;
  for (let t = 0; t < ticks && state.gameOver === null; t++) {
    step(state, t === 0 ? entries : []);
    seen += 1;
    availabilitySum += share(state.summary.availability);
    worstP95 = Math.max(worstP95, figure(state.summary.p95LatencyMs));
    loudest = Math.max(loudest, COMPLAINT_LEVELS.indexOf(complaintsOf(state)));
    const last = t === ticks - 1 || state.gameOver !== null;
    if (seen === every || last) {
      series.ticks.push(state.tick);
      series.money.push(money(state.money));
      series.users.push(exactUsers ? whole(state.summary.dau) : rough(state.summary.dau));
      series.availability!.push(share(availabilitySum / seen));
      series.p95LatencyMs!.push(worstP95);
      series.complaints.push(COMPLAINT_LEVELS[loudest] as Complaints);
      seen = 0;
      availabilitySum = 0;
      worstP95 = 0;
      loudest = 0;
    }
  }
  if (state.gameOver?.reason === 'bankrupt') series.bankruptAt = state.gameOver.tick;
  // Without aggregated metrics the team sees neither figure.
  if (!metrics) {
    series.availability = null;
    series.p95LatencyMs = null;
  }
  return series;
}
