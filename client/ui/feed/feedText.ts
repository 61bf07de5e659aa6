/**
 * What an incident-feed entry says, as locale keys and parameters (pure, so the tests can check
 * every key exists). With log aggregation an entry names its cause and target; without it, it only
 * says service got worse — and how to find out why.
 */
import type { Alert, FeedEntry, IncidentType } from '../../../shared/sim';
import { INCIDENT_CONCEPT } from '../conceptLinks';
import type { ConceptId } from '../uiState';

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
  /** What to do about it, while it is not over (cause known only). */
  adviceKey: string | null;
  concept: ConceptId | null;
}

/**
 * `nameOf` turns a target (component id or region id) into a player-facing name;
 * `formatDuration` a number of simulated minutes into text.
 */
export function feedLine(entry: FeedEntry, nameOf: (id: string) => string, formatDuration: (minutes: number) => string): FeedLine {
  const cause = entry.cause;
  const status: FeedStatus = entry.recoveredTick !== null ? 'recovered' : cause !== null && cause.endTick !== null ? 'ending' : 'open';
  let statusKey = 'ui.feed.ongoing';
  let statusParams: Record<string, string | number> = {};
  if (entry.recoveredTick !== null) {
    statusKey = 'feed.recovered';
    statusParams = { duration: formatDuration(entry.recoveredTick - entry.tick) };
  } else if (cause !== null && cause.endTick !== null) {
    statusKey = `incidents.${cause.type}.ended`;
    statusParams = { duration: formatDuration(cause.endTick - entry.tick) };
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
    adviceKey: status === 'recovered' ? null : `incidents.${cause.type}.advice`,
    concept: INCIDENT_CONCEPT[cause.type],
  };
}

/** An alert's locale key: counting alerts say "an instance" rather than "1 instance(s)" when there is one. */
export function alertKey(alert: Pick<Alert, 'kind' | 'value'>): string {
  return alert.value === 1 && (alert.kind === 'instanceDown' || alert.kind === 'shardFull') ? `alerts.${alert.kind}One` : `alerts.${alert.kind}`;
}
