/**
 * What the flow keeps from one tick to the next besides the state: a FlowContext whose arrays
 * are allocated for up to twice the components of the largest system seen (so they grow rarely)
 * and then reused, which saves allocating a few dozen arrays per tick. The caller of runFlow
 * lends it (sim.ts keeps one for callers that bring none); nothing in the flow keeps one at
 * module level.
 *
 * Each tick the context resets every array slot it reads (FLOW_ARRAYS' `start`) and sets every
 * per-tick field (FlowContext.begin), so a workspace that served other ticks, or other states,
 * gives the same result as a fresh one.
 */
import type { SimState } from '../core/state';
import { allocateFlowArrays } from './arrays';
import { FlowContext } from './context';

export class FlowWorkspace {
  private context: FlowContext | null = null;
  /** Components the context's arrays have room for, and the data sets and regions they are laid out for. */
  private capacity = -1;
  private datasets = -1;
  private regions = -1;

  /** The context for one tick of `state`, with new arrays first if the state needs more room or another layout. */
  contextFor(state: SimState): FlowContext {
    const n = state.components.length;
    const D = state.scenario.datasets.length;
    const R = state.scenario.regions.length;
    let context = this.context;
    if (context === null || n > this.capacity || D !== this.datasets || R !== this.regions) {
      const capacity = Math.max(16, n * 2);
      context = new FlowContext(allocateFlowArrays({ n: capacity, D, R }), capacity);
      this.context = context;
      this.capacity = capacity;
      this.datasets = D;
      this.regions = R;
    }
    return context.begin(state);
  }
}
