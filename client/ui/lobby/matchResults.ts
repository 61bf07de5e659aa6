/**
 * A finished match's results as the screen shows them, pure for the tests: the ranking (from the
 * stored result once it has arrived, else from the room's last scoreboard: both rank by
 * shared/protocol/ranking.ts), what each team built, and every team's timeline on shared axes.
 */
import type { GameRecord } from '../../../shared/debrief/record';
import { rankScores, type ScoreLine } from '../../../shared/protocol/ranking';
import type { GameResult } from '../../../shared/protocol/results';
import { COMPONENT_KINDS, FEATURE_NAMES, type ComponentKindName, type Feature } from '../../../shared/sim';

export interface RankRow {
  /** 1 for the first. */
  rank: number;
  team: string;
  peakDau: number;
  availability: number;
  profit: number;
  /** Incidents and those recovered from (the room's scoreboard; null when it has none for the team). */
  incidents: number | null;
  recovered: number | null;
  /** Share of the scaling checklist met (the stored result only). */
  checklist: number | null;
  bankrupt: boolean;
  /** Display names of the team's players (the stored result only). */
  players: string[];
}

/** The ranking: the stored result's when there is one (its rank, its players), with the scoreboard's incident counts. */
export function rankRows(scoreboard: readonly ScoreLine[], result: GameResult | null): RankRow[] {
  const score = new Map(scoreboard.map((line) => [line.team, line]));
  if (result !== null && result.teams.length > 0) {
    return [...result.teams]
      .sort((a, b) => a.rank - b.rank)
      .map((team) => ({
        rank: team.rank,
        team: team.team,
        peakDau: team.peakDau,
        availability: team.availability,
        profit: team.revenue - team.spent,
        incidents: score.get(team.team)?.incidents ?? null,
        recovered: score.get(team.team)?.recovered ?? null,
        checklist: team.checklist,
        bankrupt: team.gameOver === 'bankrupt',
        players: team.players,
      }));
  }
  return rankScores(scoreboard).map((line, index) => ({
    rank: index + 1,
    team: line.team,
    peakDau: line.peakDau,
    availability: line.availability,
    profit: line.profit,
    incidents: line.incidents,
    recovered: line.recovered,
    checklist: null,
    bankrupt: line.gameOver === 'bankrupt',
    players: [],
  }));
}

/**
 * The teams at the top: the first, and any team level with it on both measures (users served
 * well and profit), which the ranking only split by team order; none when the first went bankrupt.
 */
export function leaders(rows: readonly RankRow[]): string[] {
  const first = rows[0];
  if (first === undefined || first.bankrupt) return [];
  const served = (row: RankRow) => row.peakDau * row.availability;
  return rows.filter((row) => !row.bankrupt && served(row) === served(first) && row.profit === first.profit).map((row) => row.team);
}

/** The locale key of a place: 1st, 2nd, 3rd, 4th (Korean 1위…), then the plain number. */
export function placeKey(rank: number): string | null {
  switch (rank) {
    case 1:
      return 'ui.matchResults.place1';
    case 2:
      return 'ui.matchResults.place2';
    case 3:
      return 'ui.matchResults.place3';
    case 4:
      return 'ui.matchResults.place4';
    default:
      return null;
  }
}

/** What a team ended with: how many instances of each kind (catalogue order), its regions, the features it owns. */
export interface Built {
  kinds: Array<{ kind: ComponentKindName; instances: number }>;
  regions: string[];
  features: Feature[];
}

export function builtSummary(system: {
  components: ReadonlyArray<{ kind: ComponentKindName; region: string; count: number }>;
  features: Readonly<Record<Feature, boolean>>;
}): Built {
  const instances = new Map<ComponentKindName, number>();
  const regions: string[] = [];
  for (const c of system.components) {
    instances.set(c.kind, (instances.get(c.kind) ?? 0) + c.count);
    if (!regions.includes(c.region)) regions.push(c.region);
  }
  return {
    kinds: COMPONENT_KINDS.filter((kind) => instances.has(kind)).map((kind) => ({ kind, instances: instances.get(kind)! })),
    regions,
    features: FEATURE_NAMES.filter((feature) => system.features[feature]),
  };
}

export type TeamMetric = 'dau' | 'availability' | 'money';

/**
 * One chart's data for every team: the ticks any team has a point at, then one series per team
 * (null where a team has no point: a bankrupt team's line stops where its game did). Teams re-run
 * to the same end share their sampling, so their points line up.
 */
export function teamSeries(
  records: ReadonlyArray<{ team: string; record: GameRecord }>,
  metric: TeamMetric,
): [number[], ...Array<Array<number | null>>] {
  const ticks = [...new Set(records.flatMap(({ record }) => record.timeline.map((p) => p.tick)))].sort((a, b) => a - b);
  const series = records.map(({ record }) => {
    const byTick = new Map(record.timeline.map((p) => [p.tick, p[metric]]));
    return ticks.map((tick) => byTick.get(tick) ?? null);
  });
  return [ticks, ...series];
}
