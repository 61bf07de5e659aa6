/**
 * "What if": a player asks the server to run its team's simulation ahead twice, as it stands and
 * with a planned change, and gets both futures back as curves. The change is a short list of the
 * player's own commands; a command may refer to a component an earlier `buy` of the same change
 * creates as `new-1`, `new-2`… (in order of the buys; no kind of component is called "new"), so
 * that "buy a cache and connect the web server to it" can be asked before the cache has an id.
 *
 * A forecast shows only what the team sees now (fog of war), by the monitoring it has when it
 * asks (a change that buys monitoring shows nothing more: it must be bought to be seen): money
 * always, users as the team's console shows them (rounded without business metrics), availability
 * and p95 latency only with aggregated metrics, and the complaints level always. And it knows the traffic, not the
 * future's dice: random failures, random world incidents and scripted incidents that have not yet
 * begun are left out (incidents already running run their course), so the forecast can be a
 * planning tool and not a peek at what fate has in store.
 */
import { z } from 'zod';
import { playerCommandSchema } from './commands';
import type { Complaints } from '../sim/view/types';
import type { RejectReason } from '../sim';

/** The forecast message's name, both ways (the request, and the answer to it). */
export const FORECAST_MESSAGE = 'forecast';

/** How far ahead a forecast may look, in ticks (simulated minutes). */
const FORECAST_MIN_TICKS = 30;
const FORECAST_MAX_TICKS = 600;
/** Most commands in one planned change. */
export const FORECAST_MAX_CHANGES = 8;
/** Most points of each curve: a longer forecast is reported per bucket of ticks. */
export const FORECAST_MAX_POINTS = 120;

/** A reference to the component the n-th `buy` of the change creates (1-based). */
export const CREATED_REF = /^new-([1-8])$/;

export const forecastRequestSchema = z
  .object({
    /** The client's number for this request; the answer carries it back (newer requests win). */
    id: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    ticks: z.number().int().min(FORECAST_MIN_TICKS).max(FORECAST_MAX_TICKS),
    change: z.array(playerCommandSchema).min(1).max(FORECAST_MAX_CHANGES),
  })
  .strict();
export type ForecastRequest = z.infer<typeof forecastRequestSchema>;

/**
 * One future, one point per bucket of `every` ticks (the last bucket may be shorter). A figure
 * the team cannot see is null at every point.
 */
export interface ForecastSeries {
  /** The tick each bucket ends at. */
  ticks: number[];
  /** Money at the end of the bucket. */
  money: number[];
  /** Daily active users at the end of the bucket, as the team's console shows them. */
  users: number[];
  /** Mean availability over the bucket (0–1); null when the team has no aggregated metrics. */
  availability: number[] | null;
  /** Worst p95 latency in the bucket, ms; null without aggregated metrics. */
  p95LatencyMs: number[] | null;
  /** Loudest complaints level in the bucket. */
  complaints: Complaints[];
  /** The tick the team would go bankrupt, if it does within the forecast; else null. */
  bankruptAt: number | null;
}

/** A command of the change that the simulation refused, and why (the rest still ran). */
export interface ForecastRefusal {
  /** Index in the request's `change`. */
  index: number;
  reason: RejectReason | 'unknown-reference';
}

export interface ForecastAnswer {
  id: number;
  /** The tick the forecast starts from (the team's state when the request was taken). */
  fromTick: number;
  every: number;
  /** The future as things stand, and with the change applied at the next tick. */
  base: ForecastSeries;
  changed: ForecastSeries;
  /** Ids the change's buys would get, in order (what `new-1`, `new-2`… stood for). */
  created: string[];
  refused: ForecastRefusal[];
}
