/**
 * Facts about a team's system read from its view (what the provider's console shows: components,
 * instance counts, connections, settings, DNS entries), shared by the hints and the checklist.
 * Nothing here needs monitoring, so nothing here leaks what fog of war hides.
 */
import type { ComponentKindName, ComponentView, TeamView } from '../../../shared/sim';

export function byId(team: Pick<TeamView, 'components'>): Map<string, ComponentView> {
  return new Map(team.components.map((c) => [c.id, c]));
}

export function ofKind(team: Pick<TeamView, 'components'>, kind: ComponentKindName): ComponentView[] {
  return team.components.filter((c) => c.kind === kind);
}

/** Ready instances, or instances on their way (bought and being set up). */
export function planned(c: ComponentView): number {
  return c.count + c.provisioning;
}

export function isPrimary(c: ComponentView): boolean {
  return c.kind === 'db' && c.settings.replicaOf === undefined;
}

export function replicasOf(team: Pick<TeamView, 'components'>, primaryId: string): ComponentView[] {
  return team.components.filter((c) => c.kind === 'db' && c.settings.replicaOf === primaryId);
}

/** A database whose rows are spread over its instances (NoSQL partitions itself; an RDBMS needs a key). */
export function isSharded(c: ComponentView): boolean {
  return c.kind === 'db' && c.count > 1 && ((c.settings.engine ?? 'rdbms') === 'nosql' || c.settings.shardKey !== undefined);
}

/** A target of `from` of the given kind with ready instances. */
export function readyTarget(
  components: Map<string, ComponentView>,
  from: ComponentView,
  kind: ComponentKindName,
): ComponentView | undefined {
  return from.targets.map((id) => components.get(id)).find((c): c is ComponentView => c !== undefined && c.kind === kind && c.count > 0);
}

/** A web server that hands jobs to a ready queue with ready workers. */
export function splitsJobs(components: Map<string, ComponentView>, web: ComponentView): boolean {
  return web.targets.some((id) => {
    const queue = components.get(id);
    return queue !== undefined && queue.kind === 'queue' && queue.count > 0 && readyTarget(components, queue, 'worker') !== undefined;
  });
}

/**
 * Components users reach: from the given DNS entries along the connections, with the primary and
 * the replicas of every database reached (reads go to replicas without a connection of their own).
 */
export function reach(team: Pick<TeamView, 'components'>, start: readonly string[]): Set<string> {
  const components = byId(team);
  const seen = new Set<string>();
  const queue: string[] = [];
  const visit = (id: string | undefined) => {
    if (id === undefined || seen.has(id) || !components.has(id)) return;
    seen.add(id);
    queue.push(id);
  };
  for (const id of start) visit(id);
  for (let i = 0; i < queue.length; i++) {
    const c = components.get(queue[i] as string) as ComponentView;
    for (const target of c.targets) visit(target);
    if (c.kind !== 'db') continue;
    visit(c.settings.replicaOf);
    for (const replica of replicasOf(team, c.id)) visit(replica.id);
  }
  return seen;
}

/** Every region's DNS entry, in the order of `regionIds`. */
export function entryIds(team: Pick<TeamView, 'entries'>, regionIds: readonly string[]): string[] {
  return regionIds.map((id) => team.entries[id]).filter((id): id is string => id !== undefined);
}

/** Regions whose DNS entry reaches ready web servers of that same region: data centers serving their own users. */
export function servingRegions(team: Pick<TeamView, 'components' | 'entries'>, regionIds: readonly string[]): string[] {
  return regionIds.filter((region) => {
    const entry = team.entries[region];
    if (entry === undefined) return false;
    const reached = reach(team, [entry]);
    return team.components.some((c) => c.kind === 'web' && c.region === region && c.count > 0 && reached.has(c.id));
  });
}
