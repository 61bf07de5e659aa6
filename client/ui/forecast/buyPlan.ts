/**
 * "What if I buy this?" asks about the component wired in, since a box connected to nothing
 * changes nothing but the money: the buy, then the connections a player would make next, to the
 * new box as `new-1`. It is called by the selected component when that one could call it, else by
 * the components of its region that would (web servers call databases, caches, session stores
 * and queues; balancers call web servers; queues call workers). A new balancer takes the region's
 * web servers behind it and becomes where users arrive; a new web server sits behind the
 * region's balancers and calls what its siblings call; a first web server becomes the entry.
 */
import { FORECAST_MAX_CHANGES } from '../../../shared/protocol/forecast';
import { USERS, type ComponentKindName, type ComponentView, type DbEngine, type TeamView } from '../../../shared/sim';
import { ALLOWED_LINKS } from '../../../shared/sim/core/topology';
import { newRef, type PlannedCommand } from './change';

const NEW = newRef(1);

function callsKind(caller: ComponentView, kind: ComponentKindName): boolean {
  return ALLOWED_LINKS[caller.kind].includes(kind) && caller.settings.replicaOf === undefined;
}

export function buyPlan(
  team: TeamView,
  kind: ComponentKindName,
  region: string,
  selectedId: string | null,
  engine?: DbEngine,
): PlannedCommand[] {
  const buy: PlannedCommand = engine === undefined ? { type: 'buy', kind, region } : { type: 'buy', kind, region, engine };
  const inRegion = team.components.filter((c) => c.region === region);
  const webs = inRegion.filter((c) => c.kind === 'web');
  const wiring: PlannedCommand[] = [];
  if (kind === 'lb') {
    for (const web of webs) wiring.push({ type: 'connect', from: NEW, to: web.id });
    if (webs.length > 0) wiring.push({ type: 'connect', from: USERS, to: NEW });
  } else {
    const selected = team.components.find((c) => c.id === selectedId);
    const callers = selected !== undefined && callsKind(selected, kind) ? [selected] : inRegion.filter((c) => callsKind(c, kind));
    for (const caller of callers) wiring.push({ type: 'connect', from: caller.id, to: NEW });
    if (kind === 'web') {
      if (callers.length === 0 && webs.length === 0 && team.entries[region] === undefined)
        wiring.push({ type: 'connect', from: USERS, to: NEW });
      const sibling = selected?.kind === 'web' ? selected : webs[0];
      for (const target of sibling?.targets ?? []) wiring.push({ type: 'connect', from: NEW, to: target });
    }
  }
  return [buy, ...wiring].slice(0, FORECAST_MAX_CHANGES);
}
