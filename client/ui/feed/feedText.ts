/**
 * What the incident feed says, as locale keys and parameters (pure, so the tests can check every
 * key exists). With log aggregation an entry names its cause and target; without it, it only
 * says service got worse — and how to find out why.
 *
 * Also: the feed's order (what is still going on first), world incidents that cannot touch this
 * team's system (said so, not advised about), and overload lines read from the team's metrics.
 */
import type { Alert, ComponentKindName, FeedEntry, IncidentCause, IncidentType, TeamView } from '../../../shared/sim';
import { INCIDENT_CONCEPT } from '../conceptLinks';
import type { ConceptId } from '../../state/uiState';

export type FeedStatus = 'open' | 'ending' | 'recovered';

/**
 * World incidents that may strike without a named target (every CDN, every sharded or replicated
 * database at once): their headline is `incidents.<type>.startedAll`, which needs no {{target}}.
 */
export const UNTARGETED_HEADLINE: ReadonlySet<IncidentType> = new Set<IncidentType>(['cdnOutage', 'hotspotKey', 'replicationLagSpike']);

export interface FeedLine {
  /** Headline: `incidents.<type>.started`, or `feed.worse` without logs. */
  key: string;
  params: Record<string, string | number>;
  /** `incidents.<type>.name`, when the cause is known. */
  nameKey: string | null;
  status: FeedStatus;
  /** The status line: recovered after…, effect ended after…, or still on. */
  statusKey: string;
  statusParams: Record<string, string | number>;
  /** What to do about it, while the incident itself is still on (cause known only). */
  adviceKey: string | null;
  concept: ConceptId | null;
}

/**
 * `nameOf` turns a target (component id or region id) into a player-facing name;
 * `formatDuration` a number of simulated minutes into text. Durations under a minute (service
 * back within the tick it went) read "within a minute", never "after 0 min".
 */
export function feedLine(entry: FeedEntry, nameOf: (id: string) => string, formatDuration: (minutes: number) => string): FeedLine {
  const cause = entry.cause;
  const status: FeedStatus = entry.recoveredTick !== null ? 'recovered' : cause !== null && cause.endTick !== null ? 'ending' : 'open';
  let statusKey = 'ui.feed.ongoing';
  let statusParams: Record<string, string | number> = {};
  if (entry.recoveredTick !== null) {
    const minutes = entry.recoveredTick - entry.tick;
    statusKey = minutes < 1 ? 'ui.feed.recoveredQuick' : 'feed.recovered';
    statusParams = minutes < 1 ? {} : { duration: formatDuration(minutes) };
  } else if (cause !== null && cause.endTick !== null) {
    const minutes = cause.endTick - entry.tick;
    statusKey = minutes < 1 ? 'ui.feed.endedQuick' : `incidents.${cause.type}.ended`;
    statusParams = minutes < 1 ? {} : { duration: formatDuration(minutes) };
  }
  if (cause === null) {
    return { key: 'feed.worse', params: {}, nameKey: null, status, statusKey, statusParams, adviceKey: null, concept: 'observability' };
  }
  let target = '';
  if (cause.region !== null && cause.peer !== null) target = `${nameOf(cause.region)} ↔ ${nameOf(cause.peer)}`;
  else if (cause.target !== null) target = nameOf(cause.target);
  else if (cause.region !== null) target = nameOf(cause.region);
  return {
    key: target === '' && UNTARGETED_HEADLINE.has(cause.type) ? `incidents.${cause.type}.startedAll` : `incidents.${cause.type}.started`,
    params: { target },
    nameKey: `incidents.${cause.type}.name`,
    status,
    statusKey,
    statusParams,
    // Advice is for an incident still on: "Roll back now" under a deploy that is over reads wrong.
    adviceKey: status === 'open' ? `incidents.${cause.type}.advice` : null,
    concept: INCIDENT_CONCEPT[cause.type],
  };
}

/** Whether the feed offers a roll-back on this entry: a bad deploy (logs name it) that is still on. */
export function offersRollback(entry: FeedEntry): boolean {
  return entry.cause !== null && entry.cause.type === 'badDeploy' && entry.cause.endTick === null && entry.recoveredTick === null;
}

/**
 * Why a world incident cannot touch this team's system, as a locale key with its parameters, or
 * null when it can: an outage of a CDN the team does not have, a lag spike with no read replicas,
 * a hotspot with no sharded database, a data center the team runs nothing in, a partition between
 * regions the team is not spread over. Judged on the system as it is now (the console shows it).
 */
export function notYoursReason(
  cause: IncidentCause | null,
  team: Pick<TeamView, 'components'>,
): { key: string; params: Record<string, string> } | null {
  if (cause === null) return null;
  const parts = team.components;
  const inRegion = (region: string | null) => parts.some((c) => c.kind !== 'cdn' && c.region === region);
  switch (cause.type) {
    case 'cdnOutage':
      return parts.some((c) => c.kind === 'cdn') ? null : { key: 'ui.feed.notYours.cdn', params: {} };
    case 'replicationLagSpike':
      return parts.some((c) => c.kind === 'db' && c.settings.replicaOf !== undefined)
        ? null
        : { key: 'ui.feed.notYours.replicas', params: {} };
    case 'hotspotKey':
      return parts.some(
        (c) => c.kind === 'db' && c.count > 1 && ((c.settings.engine ?? 'rdbms') === 'nosql' || c.settings.shardKey !== undefined),
      )
        ? null
        : { key: 'ui.feed.notYours.shards', params: {} };
    case 'dataCenterOutage':
      return cause.region === null || inRegion(cause.region) ? null : { key: 'ui.feed.notYours.region', params: { region: cause.region } };
    case 'regionPartition':
      return cause.region === null || cause.peer === null || (inRegion(cause.region) && inRegion(cause.peer))
        ? null
        : { key: 'ui.feed.notYours.partition', params: {} };
    default:
      return null;
  }
}

/**
 * The feed's order: entries still going on (not yet recovered, and able to touch the team) first,
 * newest first; then the rest — recovered, or not the team's concern — newest first.
 */
export function orderFeed(entries: readonly FeedEntry[], team: Pick<TeamView, 'components'>): FeedEntry[] {
  const live = (e: FeedEntry) => e.recoveredTick === null && notYoursReason(e.cause, team) === null;
  const newest = [...entries].reverse();
  return [...newest.filter(live), ...newest.filter((e) => !live(e))];
}

/** A component (host metrics) or a whole tier (aggregated metrics) taking more than it can serve. */
export interface OverloadLine {
  /** The component's id, or `tier:<kind>` for a tier. */
  id: string;
  key: string;
  params: { target: string; load: number };
  adviceKey: string;
  concept: ConceptId;
}

/** Utilisation above which a component or tier is overloaded: more offered than it can complete. */
const OVERLOAD_UTILISATION = 1;

const TIER_ADVICE: Partial<Record<ComponentKindName, { key: string; concept: ConceptId }>> = {
  web: { key: 'ui.feed.overloadWeb', concept: 'verticalVsHorizontal' },
  db: { key: 'ui.feed.overloadDb', concept: 'replication' },
};

/**
 * Overload as the team's monitoring shows it: each component above capacity with host metrics
 * (its utilisation, with what to do for its kind; a web server that also hosts the database is
 * told to move it out), else each tier above capacity with aggregated metrics; nothing without
 * either (the users' complaints are all the team hears then). `nameOf` names a component id,
 * `tierName` a kind.
 */
export function overloadLines(
  team: Pick<TeamView, 'components' | 'aggregated'>,
  nameOf: (id: string) => string,
  tierName: (kind: ComponentKindName) => string,
): OverloadLine[] {
  const lines: OverloadLine[] = [];
  for (const c of team.components) {
    const m = c.metrics;
    if (m === null || c.count === 0 || !(m.utilisation > OVERLOAD_UTILISATION)) continue;
    const advice =
      c.kind === 'web' && c.settings.colocatedDb === true
        ? { key: 'ui.feed.overloadColocated', concept: 'singleServer' as const }
        : (TIER_ADVICE[c.kind] ?? { key: 'ui.feed.overloadOther', concept: 'verticalVsHorizontal' as const });
    lines.push({
      id: c.id,
      key: 'ui.feed.overload',
      params: { target: nameOf(c.id), load: m.utilisation },
      adviceKey: advice.key,
      concept: advice.concept,
    });
  }
  if (lines.length > 0 || team.components.some((c) => c.metrics !== null)) return lines;
  for (const tier of team.aggregated?.tiers ?? []) {
    if (!(tier.utilisation > OVERLOAD_UTILISATION) || tier.instances === 0) continue;
    const hostsDb = tier.tier === 'web' && team.components.some((c) => c.kind === 'web' && c.settings.colocatedDb === true);
    const advice = hostsDb
      ? { key: 'ui.feed.overloadColocated', concept: 'singleServer' as const }
      : (TIER_ADVICE[tier.tier] ?? { key: 'ui.feed.overloadOther', concept: 'verticalVsHorizontal' as const });
    lines.push({
      id: `tier:${tier.tier}`,
      key: 'ui.feed.overloadTier',
      params: { target: tierName(tier.tier), load: tier.utilisation },
      adviceKey: advice.key,
      concept: advice.concept,
    });
  }
  return lines;
}

/** An alert's locale key: counting alerts say "an instance" rather than "1 instance(s)" when there is one. */
export function alertKey(alert: Pick<Alert, 'kind' | 'value'>): string {
  return alert.value === 1 && (alert.kind === 'instanceDown' || alert.kind === 'shardFull')
    ? `alerts.${alert.kind}One`
    : `alerts.${alert.kind}`;
}
