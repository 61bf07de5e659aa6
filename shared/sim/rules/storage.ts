/** How much data a database holds: its data sets' size per user, times every user. */
import type { ComponentState, SimState } from '../core/state';

/** GB of data `component` (a database) stores now. */
export function storedGbOf(state: SimState, component: ComponentState): number {
  const held = component.settings.datasets ?? [];
  const users = state.regions.reduce((sum, r) => sum + r.users, 0);
  let mb = 0;
  for (const dataset of state.scenario.datasets) if (held.includes(dataset.id)) mb += dataset.mbPerUser ?? 0;
  return (users * mb) / 1000;
}
