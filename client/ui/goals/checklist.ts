/**
 * The scaling checklist the game ends on (stateless web tier, redundancy at every tier, cache,
 * several data centers, static content on a CDN, sharded data, tiers split into services,
 * monitoring and automation), judged from the team's own view with the same rules the server's
 * debrief score uses (shared/sim/rules/checklist.ts), and a one-line reason for each item.
 *
 * Only the part of the system users reach counts. Everything but the cache's hit ratio is on the
 * provider's console; the hit ratio needs host metrics, so without them a cache on the path makes
 * the item unknown (met: null) rather than a guess.
 */
import {
  CACHE_HIT_RATIO_GOAL,
  CHECKLIST_IDS,
  DATA_CENTERS_GOAL,
  MONITORING_FEATURES,
  REDUNDANT_INSTANCES,
  SHARDS_GOAL,
  type ChecklistId,
  type ComponentView,
  type Feature,
  type TeamView,
} from '../../../shared/sim';
import { byId, entryIds, isPrimary, isSharded, reach, readyTarget, replicasOf, servingRegions, splitsJobs } from './systemFacts';

export interface ChecklistRow {
  id: ChecklistId;
  /** null: the team's monitoring does not show whether it is met. */
  met: boolean | null;
  /** A locale key saying why (a literal key, so the key checks find it). */
  reasonKey: string;
  params: Record<string, string | number>;
}

/** How the rows name things: components, regions, shares, lists of features. */
export interface ChecklistNames {
  component(id: string): string;
  percent(share: number): string;
  features(list: readonly Feature[]): string;
}

export function teamChecklist(team: TeamView, regionIds: readonly string[], names: ChecklistNames): ChecklistRow[] {
  const components = byId(team);
  const path = reach(team, entryIds(team, regionIds));
  const onPath = team.components.filter((c) => path.has(c.id));
  const webs = onPath.filter((c) => c.kind === 'web' && c.count > 0);
  const row = (id: ChecklistId, met: boolean | null, reasonKey: string, params: Record<string, string | number> = {}): ChecklistRow => ({
    id,
    met,
    reasonKey,
    params,
  });
  const noWeb = (id: ChecklistId) => row(id, false, 'ui.checklist.noWeb');

  const rows: ChecklistRow[] = [];

  // Stateless web tier: every web group users reach keeps its sessions in a ready session store.
  const sessionless = webs.find((web) => readyTarget(components, web, 'sessionStore') === undefined);
  if (webs.length === 0) rows.push(noWeb('statelessWeb'));
  else if (sessionless !== undefined)
    rows.push(row('statelessWeb', false, 'ui.checklist.statelessNo', { name: names.component(sessionless.id) }));
  else rows.push(row('statelessWeb', true, 'ui.checklist.statelessYes'));

  // Redundancy at every tier: two or more of everything on the path, no web server straight from
  // DNS, a read replica for every primary (the CDN is the provider's own redundant network).
  let failure: ChecklistRow | null = null;
  let checks = 0;
  for (const c of onPath) {
    if (c.count === 0 || c.kind === 'cdn' || failure !== null || (c.kind === 'db' && !isPrimary(c))) continue;
    checks++;
    if (c.kind === 'db') {
      if (!replicasOf(team, c.id).some((r) => r.count > 0))
        failure = row('redundancy', false, 'ui.checklist.redundancyReplica', { name: names.component(c.id) });
      continue;
    }
    if (c.kind === 'web' && regionIds.some((r) => team.entries[r] === c.id))
      failure = row('redundancy', false, 'ui.checklist.redundancyDns', { name: names.component(c.id) });
    else if (c.count < REDUNDANT_INSTANCES)
      failure = row('redundancy', false, 'ui.checklist.redundancySingle', { name: names.component(c.id) });
  }
  rows.push(failure ?? (checks === 0 ? noWeb('redundancy') : row('redundancy', true, 'ui.checklist.redundancyYes')));

  // Cache as much as you can: a ready cache, called by a web server that also calls a database,
  // answers half the reads or more.
  const caches = new Map<string, ComponentView>();
  for (const web of webs) {
    if (!web.targets.some((id) => components.get(id)?.kind === 'db')) continue;
    for (const id of web.targets) {
      const c = components.get(id);
      if (c !== undefined && c.kind === 'cache' && c.count > 0) caches.set(c.id, c);
    }
  }
  if (caches.size === 0) rows.push(row('cache', false, 'ui.checklist.cacheNone'));
  else if (!team.features.hostMetrics)
    rows.push(row('cache', null, 'ui.checklist.cacheUnknown', { name: names.component([...caches.keys()][0] as string) }));
  else {
    let best: ComponentView = [...caches.values()][0] as ComponentView;
    for (const c of caches.values()) if ((c.metrics?.extra.hitRatio ?? 0) > (best.metrics?.extra.hitRatio ?? 0)) best = c;
    const ratio = best.metrics?.extra.hitRatio ?? 0;
    const params = { name: names.component(best.id), ratio: names.percent(ratio), goal: names.percent(CACHE_HIT_RATIO_GOAL) };
    rows.push(
      ratio >= CACHE_HIT_RATIO_GOAL
        ? row('cache', true, 'ui.checklist.cacheYes', params)
        : row('cache', false, 'ui.checklist.cacheLow', params),
    );
  }

  // Several data centers: two or more regions whose entry reaches web servers of their own.
  const serving = servingRegions(team, regionIds).length;
  rows.push(row('multiDataCenter', serving >= DATA_CENTERS_GOAL, 'ui.checklist.dataCenters', { count: serving, goal: DATA_CENTERS_GOAL }));

  // Static content on a CDN: the team's CDN has a ready instance.
  const cdn = team.components.find((c) => c.kind === 'cdn');
  if (cdn !== undefined && cdn.count > 0) rows.push(row('cdn', true, 'ui.checklist.cdnYes'));
  else rows.push(row('cdn', false, cdn !== undefined ? 'ui.checklist.cdnSettingUp' : 'ui.checklist.cdnNone'));

  // Sharded data tier: a primary users reach spreads its rows over two or more ready shards.
  const sharded = onPath.find((c) => isPrimary(c) && c.count >= SHARDS_GOAL && isSharded(c));
  rows.push(
    sharded !== undefined
      ? row('shardedData', true, 'ui.checklist.shardedYes', { name: names.component(sharded.id), count: sharded.count })
      : row('shardedData', false, 'ui.checklist.shardedNo'),
  );

  // Tiers split into services: every web group hands its slow jobs to a queue with workers.
  const unsplit = webs.find((web) => !splitsJobs(components, web));
  if (webs.length === 0) rows.push(noWeb('splitServices'));
  else if (unsplit !== undefined) rows.push(row('splitServices', false, 'ui.checklist.splitNo', { name: names.component(unsplit.id) }));
  else rows.push(row('splitServices', true, 'ui.checklist.splitYes'));

  // Monitoring and automation: host and aggregated metrics, alerts and CI/CD.
  const missing = MONITORING_FEATURES.filter((feature) => !team.features[feature]);
  rows.push(
    missing.length === 0
      ? row('monitoring', true, 'ui.checklist.monitoringYes')
      : row('monitoring', false, 'ui.checklist.monitoringMissing', { list: names.features(missing) }),
  );

  // The order of the source's list.
  return CHECKLIST_IDS.map((id) => rows.find((r) => r.id === id) as ChecklistRow);
}

/** Items met, and those whose state the team cannot see. */
export function checklistSummary(rows: readonly ChecklistRow[]): { met: number; total: number; unknown: number } {
  return { met: rows.filter((r) => r.met === true).length, total: rows.length, unknown: rows.filter((r) => r.met === null).length };
}
