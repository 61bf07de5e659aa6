/**
 * Sticky sessions (idea 8 of docs/design.md, seed: 무상태 웹 계층): while sessions live on the web servers,
 * each user is tied to one server. Losing or retiring a server logs its users out, and a logout
 * costs their goodwill. With a shared session store any server can serve anyone and nothing is lost.
 */
import type { ComponentState, SimState } from '../core/state';
import { servingInstances } from '../core/topology';

/** Satisfaction a logged-out user loses (a share of the 0–1 scale, weighted by how many were hit). */
export const LOGOUT_PENALTY = 0.5;

/** Whether this web group keeps sessions on its own servers (no session store connected and ready). */
export function keepsLocalSessions(state: SimState, web: ComponentState): boolean {
  return (
    web.kind === 'web' &&
    !web.targets.some((id) => {
      const target = state.components.find((c) => c.id === id);
      return target !== undefined && target.kind === 'sessionStore' && target.count > 0;
    })
  );
}

/** Logs out the users whose sessions lived on `instances` lost servers of a web group. */
export function logOutSessions(state: SimState, web: ComponentState, instances: number): void {
  const serving = servingInstances(web);
  if (!keepsLocalSessions(state, web) || serving <= 0 || instances <= 0) return;
  let webTraffic = 0;
  for (const c of state.components) if (c.kind === 'web') webTraffic += c.figures.lambda;
  if (!(webTraffic > 0)) return;
  // The group's share of the traffic, split evenly over its servers (sessions follow the traffic).
  const share = (web.figures.lambda / webTraffic) * (Math.min(instances, serving) / serving);
  state.totals.loggedOutUsers += state.summary.onlineUsers * share;
  for (const region of state.regions) region.satisfaction = Math.max(0, region.satisfaction - LOGOUT_PENALTY * share);
}
