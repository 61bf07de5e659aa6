/**
 * The incident feed: with log aggregation every incident with its cause and target; without it
 * only "service got worse at …" for the incidents users felt. Every open entry is sent, and the
 * newest closed ones up to FEED_LIMIT entries in all; the server's projection sends exactly these.
 */
import type { IncidentRecord, SimState } from '../core/state';
import type { FeedEntry, IncidentCause } from './types';

/**
 * Most feed entries a team is sent: every open one, then the newest closed ones up to this many
 * in all. The feed is for what is going on and what just happened (older incidents stay in the
 * log and the debrief); a longer list would only grow the wire state every client holds.
 */
export const FEED_LIMIT = 20;

/** The feed the team's features show. */
export function feedOf(state: SimState): FeedEntry[] {
  return state.features.logAggregation ? loggedFeed(state) : feltFeed(state);
}

/** An incident as a feed entry that names its cause (what log aggregation shows, and the debrief). */
export function loggedEntry(incident: IncidentRecord): FeedEntry & { cause: IncidentCause } {
  return {
    tick: incident.startTick,
    recoveredTick: incident.recoveredTick,
    cause: {
      incidentId: incident.id,
      type: incident.type,
      target: incident.target,
      region: incident.region,
      peer: incident.peer,
      endTick: incident.endTick,
    },
  };
}

/** With log aggregation: every incident, with its cause and target. */
function loggedFeed(state: SimState): FeedEntry[] {
  const entries = state.incidents.map(loggedEntry);
  return newest(entries, (entry) => entry.recoveredTick === null || entry.cause.endTick === null);
}

/**
 * Without logs: only what users felt. An incident was felt when service has not recovered from it
 * and is below where it was (or below the objective) now, or when recovering took more than the
 * first tick after its start (the sim's own recovery record). Incidents that began at the same
 * tick make one entry: users cannot tell them apart.
 */
function feltFeed(state: SimState): FeedEntry[] {
  const objective = state.scenario.objectives.availability;
  const felt = (incident: IncidentRecord): boolean =>
    incident.recoveredTick === null
      ? state.summary.availability < Math.min(incident.baselineAvailability, objective) - 1e-9
      : incident.recoveredTick > incident.startTick + 1;
  const entries: FeedEntry[] = [];
  const byTick = new Map<number, FeedEntry>();
  for (const incident of state.incidents) {
    if (!felt(incident)) continue;
    const same = byTick.get(incident.startTick);
    if (same === undefined) {
      const entry: FeedEntry = { tick: incident.startTick, recoveredTick: incident.recoveredTick, cause: null };
      entries.push(entry);
      byTick.set(entry.tick, entry);
    } else if (same.recoveredTick !== null) {
      same.recoveredTick = incident.recoveredTick === null ? null : Math.max(same.recoveredTick, incident.recoveredTick);
    }
  }
  entries.sort((a, b) => a.tick - b.tick);
  return newest(entries, (entry) => entry.recoveredTick === null);
}

/** Every open entry, and the newest closed ones up to FEED_LIMIT in all, in their original order. */
function newest<T>(entries: T[], open: (entry: T) => boolean): T[] {
  let room = Math.max(0, FEED_LIMIT - entries.filter(open).length);
  const keep = new Array<boolean>(entries.length).fill(false);
  for (let i = entries.length - 1; i >= 0; i--) {
    if (open(entries[i] as T)) keep[i] = true;
    else if (room > 0) {
      keep[i] = true;
      room--;
    }
  }
  return entries.filter((_, i) => keep[i]);
}
