/**
 * What the diagram needs of the scenario a game runs: its regions in order with their names, the
 * round trips between them (to draw where a region without a data center sends its users), its
 * request mix and the relative size of its regions (to estimate traffic under fog of war). The
 * scenario is looked up by the id the room sends (state/scenarios.ts). For an unknown
 * (custom) scenario the regions come from the team's view.
 */
import type { LocalText, TeamView } from '../../shared/sim';
import { scenarioPreset } from '../state/scenarios';
import type { RoundTrips } from './edges';
import type { TrafficContext } from './edgeTraffic';

export interface ScenarioFacts {
  regions: string[];
  names: Record<string, LocalText>;
  rtt: RoundTrips | undefined;
  traffic: TrafficContext;
}

export function scenarioFacts(scenarioId: string, team: Pick<TeamView, 'components' | 'entries'> | null): ScenarioFacts {
  const s = scenarioPreset(scenarioId);
  if (s !== null) {
    return {
      regions: s.regions.map((r) => r.id),
      names: Object.fromEntries(s.regions.map((r) => [r.id, r.name])),
      rtt: s.latencyMs,
      traffic: { classMix: s.classMix, regionWeights: Object.fromEntries(s.regions.map((r) => [r.id, Math.max(1, r.initialUsers)])) },
    };
  }
  const ids: string[] = [];
  for (const id of [...Object.keys(team?.entries ?? {}), ...(team?.components ?? []).map((c) => c.region)])
    if (!ids.includes(id)) ids.push(id);
  return {
    regions: ids,
    names: Object.fromEntries(ids.map((id) => [id, { en: id.toUpperCase(), ko: id.toUpperCase() }])),
    rtt: undefined,
    traffic: {},
  };
}
