/**
 * The "what if" being asked: the steps the player gathered (a buy with its connections, a resize,
 * a setting…) and how far ahead to look. The build panel and the inspector add steps; the forecast
 * panel shows the plan and asks the room about it. While a plan is open, another "what if" adds
 * to it, so several changes can be weighed together.
 */
import { FORECAST_MAX_CHANGES } from '../../../shared/protocol/forecast';
import { Store } from '../../state/store';
import { combineSteps, type PlannedCommand } from './change';

/** How far ahead a forecast looks, in ticks: 2, 5 or 10 simulated hours. */
export const HORIZONS = [120, 300, 600] as const;
export type Horizon = (typeof HORIZONS)[number];

interface PlanStep {
  key: number;
  /** The step's commands; `new-1`… name the step's own buys. */
  commands: PlannedCommand[];
}

export interface ForecastPlan {
  steps: PlanStep[];
  horizon: Horizon;
  /** The last step offered did not fit (a forecast takes at most FORECAST_MAX_CHANGES commands). */
  full: boolean;
}

export const forecastPlan = new Store<ForecastPlan | null>(null);

let nextKey = 1;
/** The horizon last chosen: the next plan looks as far ahead. */
let lastHorizon: Horizon = 300;

export function planChange(plan: ForecastPlan): PlannedCommand[] {
  return combineSteps(plan.steps.map((step) => step.commands));
}

/** Opens a plan with this step, or adds it to the open one (a step already in it is not added twice). */
export function askWhatIf(commands: PlannedCommand[]): void {
  const step = { key: nextKey++, commands };
  forecastPlan.update((plan) => {
    if (plan === null) return { steps: [step], horizon: lastHorizon, full: false };
    const same = JSON.stringify(commands);
    if (plan.steps.some((known) => JSON.stringify(known.commands) === same)) return plan;
    const size = plan.steps.reduce((total, known) => total + known.commands.length, 0);
    if (size + commands.length > FORECAST_MAX_CHANGES) return { ...plan, full: true };
    return { ...plan, steps: [...plan.steps, step], full: false };
  });
}

export function dropStep(key: number): void {
  forecastPlan.update((plan) => {
    if (plan === null) return null;
    const steps = plan.steps.filter((step) => step.key !== key);
    return steps.length === 0 ? null : { ...plan, steps, full: false };
  });
}

export function setHorizon(horizon: Horizon): void {
  lastHorizon = horizon;
  forecastPlan.update((plan) => (plan === null ? null : { ...plan, horizon }));
}

export function closePlan(): void {
  forecastPlan.set(null);
}
