/**
 * The room's debrief: every team of a finished match or workshop re-run from the one stored replay
 * (record.ts, team by team) and set side by side: a summary row per team, how fast each team
 * noticed and recovered from each incident, its decisions over time (with the incidents an
 * instructor injected told apart from them), the teams' timelines on one axis and the cohort's
 * histograms (the CSV and JSON exports are roomExport.ts). Pure: the page runs it (in a worker
 * when it can), the tests check it by hand.
 */
import type { GameResult, ReplayDocument } from '../protocol/results';
import { rankScores } from '../protocol/ranking';
import {
  CHECKLIST_IDS,
  cloneState,
  hashState,
  step,
  teamResult,
  teamScore,
  type Command,
  type IncidentRecord,
  type IncidentType,
  type RejectReason,
  type SimState,
} from '../sim';
import { recordGame, type GameRecord } from './record';
import { binCountFor, histogram, type Bin } from './roomHistogram';

/** One team's re-run, and whether it reached the state hash the server recorded for the team. */
export interface TeamRun {
  team: string;
  record: GameRecord;
  faithful: boolean;
}

/** What a re-run needs of the replay. */
export type ReplayInput = Pick<ReplayDocument, 'scenario' | 'seed' | 'log' | 'finalTick' | 'finalHashes'>;

/**
 * Whether a re-run's final state is the one the server recorded. The room steps a team whose game
 * is over on every tick until the game ends (each step only clears that tick's outputs), while the
 * re-run stops at the team's last tick: a bankrupt team's recorded state is its own after one more
 * such step. No recorded hash: nothing to disagree with.
 */
export function reachesRecordedHash(final: SimState, expected: string | undefined): boolean {
  if (expected === undefined || hashState(final) === expected) return true;
  return final.gameOver !== null && hashState(step(cloneState(final), [])) === expected;
}

export function rerunTeam(replay: ReplayInput, team: string): TeamRun {
  const record = recordGame(replay.scenario, replay.seed, replay.log, team, replay.finalTick);
  return { team, record, faithful: reachesRecordedHash(record.final, replay.finalHashes[team]) };
}

// ---------- incident response ----------

export interface IncidentResponse {
  id: number;
  type: IncidentType;
  origin: IncidentRecord['origin'];
  /** The component it hit, if one. */
  target: string | null;
  startTick: number;
  /** The minute the team could first see it, and how (null: never, or only after service was back). */
  noticedTick: number | null;
  noticedBy: 'alerts' | 'complaints' | null;
  recoveredTick: number | null;
  /** Minutes from the start until it was noticed, and until service was back (null: it never was). */
  toNotice: number | null;
  toRecover: number | null;
}

export function incidentResponses(record: Pick<GameRecord, 'incidents'>): IncidentResponse[] {
  return record.incidents.map(({ incident, detected }) => ({
    id: incident.id,
    type: incident.type,
    origin: incident.origin,
    target: incident.target,
    startTick: incident.startTick,
    noticedTick: detected?.tick ?? null,
    noticedBy: detected?.by ?? null,
    recoveredTick: incident.recoveredTick,
    toNotice: detected === null ? null : detected.tick - incident.startTick,
    toRecover: incident.recoveredTick === null ? null : incident.recoveredTick - incident.startTick,
  }));
}

export interface ResponseSummary {
  incidents: number;
  /** Of which an instructor injected. */
  injected: number;
  noticed: number;
  recovered: number;
  /** Means over the incidents noticed, and over those recovered (null: none). */
  meanToNotice: number | null;
  meanToRecover: number | null;
  /**
   * The slowest recovery, an incident never recovered counting until the end of the team's game
   * (as chapters score `recoveryMinutes`); null without incidents.
   */
  worstToRecover: number | null;
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;

/** `endTick`: the team's last tick (its record's endTick). */
export function responseSummary(responses: readonly IncidentResponse[], endTick: number): ResponseSummary {
  const noticed = responses.flatMap((r) => (r.toNotice === null ? [] : [r.toNotice]));
  const recovered = responses.flatMap((r) => (r.toRecover === null ? [] : [r.toRecover]));
  return {
    incidents: responses.length,
    injected: responses.filter((r) => r.origin === 'injected').length,
    noticed: noticed.length,
    recovered: recovered.length,
    meanToNotice: mean(noticed),
    meanToRecover: mean(recovered),
    worstToRecover: responses.length === 0 ? null : Math.max(...responses.map((r) => r.toRecover ?? Math.max(0, endTick - r.startTick))),
  };
}

// ---------- decisions ----------

export interface Decision {
  tick: number;
  /** The seat that sent it (names are the result's `seats`). */
  seat: string;
  command: Command;
  ok: boolean;
  reason: RejectReason | null;
  /** An incident the instructor started in the team's system: logged like a command, but not the team's decision. */
  injected: boolean;
}

export function decisionsOf(record: Pick<GameRecord, 'commands'>): Decision[] {
  return record.commands.map((c) => ({
    tick: c.tick,
    seat: c.player,
    command: c.command,
    ok: c.ok,
    reason: c.reason,
    injected: c.command.type === 'inject',
  }));
}

/** The decisions (and injected incidents) of one stretch of the game: [fromTick, toTick). */
export interface DecisionGroup {
  fromTick: number;
  toTick: number;
  decisions: Decision[];
}

/** Decisions grouped by stretches of `span` minutes from the start (an hour by default); empty stretches left out. */
export function decisionGroups(decisions: readonly Decision[], span = 60): DecisionGroup[] {
  const groups = new Map<number, DecisionGroup>();
  for (const decision of [...decisions].sort((a, b) => a.tick - b.tick)) {
    const fromTick = Math.floor(decision.tick / span) * span;
    let group = groups.get(fromTick);
    if (group === undefined) {
      group = { fromTick, toTick: fromTick + span, decisions: [] };
      groups.set(fromTick, group);
    }
    group.decisions.push(decision);
  }
  return [...groups.values()];
}

/** Who on the team decided how much: each seat's decisions (injected incidents not counted), most first. */
export function seatActivity(decisions: readonly Decision[]): Array<{ seat: string; decisions: number; refused: number }> {
  const bySeat = new Map<string, { seat: string; decisions: number; refused: number }>();
  for (const d of decisions) {
    if (d.injected) continue;
    const line = bySeat.get(d.seat) ?? { seat: d.seat, decisions: 0, refused: 0 };
    line.decisions += 1;
    if (!d.ok) line.refused += 1;
    bySeat.set(d.seat, line);
  }
  return [...bySeat.values()].sort((a, b) => b.decisions - a.decisions || (a.seat < b.seat ? -1 : a.seat > b.seat ? 1 : 0));
}

// ---------- the summary rows ----------

export interface TeamRow {
  team: string;
  rank: number;
  players: string[];
  peakDau: number;
  /** Share of the game's requests served well. */
  availability: number;
  profit: number;
  revenue: number;
  spent: number;
  money: number;
  bankrupt: boolean;
  /** Checklist items met at the end, of CHECKLIST_IDS.length. */
  checklistMet: number;
  /** What only the re-run knows; null until the team's re-run is done. */
  run: { faithful: boolean; decisions: number; refused: number; response: ResponseSummary } | null;
}

/**
 * A row per team, best ranked first. The figures are the stored result's (the server's record of
 * the game) when there is one, else the re-run's final state, ranked as the server ranks.
 */
export function teamRows(teams: readonly string[], result: GameResult | null, runs: ReadonlyMap<string, TeamRun>): TeamRow[] {
  const ranks = new Map<string, number>();
  if (result === null) {
    const lines = teams.flatMap((team) => {
      const run = runs.get(team);
      return run === undefined ? [] : [{ team, ...teamScore(run.record.final) }];
    });
    rankScores(lines).forEach((line, i) => ranks.set(line.team, i + 1));
  }
  const rows = teams.flatMap((team): TeamRow[] => {
    const run = runs.get(team);
    const stored = result?.teams.find((t) => t.team === team);
    const figures = stored ?? (run === undefined ? undefined : teamResult(run.record.final));
    if (figures === undefined) return [];
    const decisions = run === undefined ? [] : decisionsOf(run.record).filter((d) => !d.injected);
    return [
      {
        team,
        rank: stored?.rank ?? ranks.get(team) ?? teams.length,
        players: stored?.players ?? [],
        peakDau: figures.peakDau,
        availability: figures.availability,
        profit: figures.revenue - figures.spent,
        revenue: figures.revenue,
        spent: figures.spent,
        money: figures.money,
        bankrupt: figures.gameOver === 'bankrupt',
        checklistMet: Math.round(figures.checklist * CHECKLIST_IDS.length),
        run:
          run === undefined
            ? null
            : {
                faithful: run.faithful,
                decisions: decisions.length,
                refused: decisions.filter((d) => !d.ok).length,
                response: responseSummary(incidentResponses(run.record), run.record.endTick),
              },
      },
    ];
  });
  return rows.sort((a, b) => a.rank - b.rank || teams.indexOf(a.team) - teams.indexOf(b.team));
}

// ---------- charts and histograms ----------

type TimelinePoint = GameRecord['timeline'][number];
export type SeriesKey = 'dau' | 'availability' | 'p95LatencyMs' | 'money';

/**
 * The teams' timelines on one time axis: every tick any team has a point at, and each team's value
 * there (null where it has none, such as after a bankrupt team's last tick: its line ends there).
 */
export function alignedSeries(
  timelines: ReadonlyArray<readonly TimelinePoint[]>,
  key: SeriesKey,
): { ticks: number[]; values: Array<Array<number | null>> } {
  const ticks = [...new Set(timelines.flatMap((points) => points.map((p) => p.tick)))].sort((a, b) => a - b);
  const index = new Map(ticks.map((tick, i) => [tick, i]));
  const values = timelines.map((points) => {
    const line: Array<number | null> = ticks.map(() => null);
    for (const p of points) line[index.get(p.tick)!] = p[key];
    return line;
  });
  return { ticks, values };
}

export interface CohortHistograms {
  spent: Bin[];
  availability: Bin[];
  peakDau: Bin[];
}

export function cohortHistograms(rows: readonly TeamRow[]): CohortHistograms {
  const bins = binCountFor(rows.length);
  const of = (pick: (row: TeamRow) => number) =>
    histogram(
      rows.map((row) => ({ team: row.team, value: pick(row) })),
      bins,
    );
  return { spent: of((r) => r.spent), availability: of((r) => r.availability), peakDau: of((r) => r.peakDau) };
}
