/**
 * What the UI needs of the scenario a game runs — its regions and their names, data sets, price
 * factor, description, starting money and objectives — looked up by the id the room sends
 * (state/scenarios.ts). An unknown (custom) scenario falls back to the region ids the team's
 * view mentions and catalogue prices.
 */
import type { LocalText, Objectives, Shop, TeamView } from '../../shared/sim';
import type { Language } from '../i18n';
import { scenarioPreset } from '../state/scenarios';

export interface ScenarioInfo {
  regions: Array<{ id: string; name: LocalText }>;
  datasets: Array<{ id: string; name: LocalText }>;
  priceFactor: number;
  goals: { latencyMs: number; availability: number };
  name: LocalText | null;
  /** What the scenario is about, for the goals panel (null for an unknown scenario). */
  description: LocalText | null;
  /** Every objective the scenario sets (latency and availability always; DAU, profit, length when set). */
  objectives: Objectives;
  /** Money at the start, from which profit is counted (null when unknown). */
  startMoney: number | null;
  /** What a campaign chapter sells; null: everything. */
  shop: Shop | null;
}

/**
 * What the client knows of a scenario. `durationTicks`: the game's own length when its creator
 * chose one (a match's or a workshop's), which replaces the scenario's.
 */
export function scenarioInfo(scenarioId: string, team: TeamView | null, durationTicks?: number): ScenarioInfo {
  const preset = scenarioPreset(scenarioId);
  const s =
    preset === null || durationTicks === undefined || durationTicks <= 0
      ? preset
      : { ...preset, objectives: { ...preset.objectives, durationTicks } };
  if (s !== null) {
    return {
      regions: s.regions.map((r) => ({ id: r.id, name: r.name })),
      datasets: s.datasets.map((d) => ({ id: d.id, name: d.name })),
      priceFactor: s.priceFactor,
      goals: { latencyMs: s.objectives.latencyMs, availability: s.objectives.availability },
      name: s.name,
      description: s.description,
      objectives: s.objectives,
      startMoney: s.startMoney,
      shop: s.shop ?? null,
    };
  }
  const ids = new Set<string>();
  for (const c of team?.components ?? []) ids.add(c.region);
  for (const id of Object.keys(team?.entries ?? {})) ids.add(id);
  return {
    regions: [...ids].map((id) => ({ id, name: { en: id.toUpperCase(), ko: id.toUpperCase() } })),
    datasets: [],
    priceFactor: 1,
    goals: { latencyMs: 300, availability: 0.99 },
    name: null,
    description: null,
    objectives: { latencyMs: 300, availability: 0.99 },
    startMoney: null,
    shop: null,
  };
}

export function regionName(info: ScenarioInfo, id: string, lang: Language): string {
  return info.regions.find((r) => r.id === id)?.name[lang] ?? id.toUpperCase();
}
