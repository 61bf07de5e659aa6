/**
 * The room debrief as files the instructor keeps: a CSV with one row per team (the ranking's
 * columns and the incident response, safe to open in a spreadsheet: shared/protocol/csv.ts) and the derived
 * room record as JSON (every team's summary, checklist, incidents and decisions with who gave
 * them, and the cohort's histograms). Pure.
 */
import type { ReplayDocument } from '../protocol/results';
import { CHECKLIST_IDS, checklistScore, type ChecklistItem } from '../sim';
import { csvText } from '../protocol/csv';
import {
  cohortHistograms,
  decisionsOf,
  incidentResponses,
  type CohortHistograms,
  type Decision,
  type IncidentResponse,
  type TeamRow,
  type TeamRun,
} from './roomRecord';

const ROOM_CSV_COLUMNS = [
  'rank',
  'team',
  'name',
  'players',
  'peakDau',
  'availability',
  'profit',
  'revenue',
  'spent',
  'money',
  'bankrupt',
  'checklistMet',
  'checklistTotal',
  'incidents',
  'injected',
  'noticed',
  'recovered',
  'meanMinutesToNotice',
  'meanMinutesToRecover',
  'worstMinutesToRecover',
  'decisions',
  'refused',
  'rerunMatches',
] as const;

/**
 * A figure for a spreadsheet, to the precision worth reading (the simulation's floats carry noise
 * such as 942416.1765460309 daily users); unknowns stay empty.
 */
function rounded(value: number | null | undefined, digits: number): number | undefined {
  return value === null || value === undefined ? undefined : Number(value.toFixed(digits));
}

/**
 * One row per team, best first; `name` gives a team's display name. Users and counts whole, money
 * to the cent, shares to four decimals, minutes to one; what the re-run has yet to say empty.
 */
export function roomCsv(rows: readonly TeamRow[], name: (team: string) => string): string {
  return csvText(
    ROOM_CSV_COLUMNS,
    rows.map((row) => {
      const run = row.run;
      const response = run?.response;
      return [
        row.rank,
        row.team,
        name(row.team),
        row.players.join('; '),
        rounded(row.peakDau, 0),
        rounded(row.availability, 4),
        rounded(row.profit, 2),
        rounded(row.revenue, 2),
        rounded(row.spent, 2),
        rounded(row.money, 2),
        row.bankrupt,
        row.checklistMet,
        CHECKLIST_IDS.length,
        response?.incidents,
        response?.injected,
        response?.noticed,
        response?.recovered,
        rounded(response?.meanToNotice, 1),
        rounded(response?.meanToRecover, 1),
        rounded(response?.worstToRecover, 1),
        run?.decisions,
        run?.refused,
        run?.faithful,
      ];
    }),
  );
}

/** The derived room record, as the JSON export holds it. */
export interface RoomRecord {
  scenario: string;
  seed: number;
  finalTick: number;
  teams: Array<{
    team: string;
    name: string;
    summary: TeamRow;
    checklist: ChecklistItem[];
    incidents: IncidentResponse[];
    /** Every command in order, with the name of the seat that sent it. */
    decisions: Array<Decision & { who: string }>;
  }>;
  histograms: CohortHistograms;
}

export function roomRecord(
  replay: Pick<ReplayDocument, 'scenario' | 'seed' | 'finalTick'>,
  rows: readonly TeamRow[],
  runs: ReadonlyMap<string, TeamRun>,
  names: { team(team: string): string; seat(seat: string): string },
): RoomRecord {
  return {
    scenario: replay.scenario.id,
    seed: replay.seed,
    finalTick: replay.finalTick,
    teams: rows.map((row) => {
      const run = runs.get(row.team);
      return {
        team: row.team,
        name: names.team(row.team),
        summary: row,
        checklist: run === undefined ? [] : checklistScore(run.record.final).items,
        incidents: run === undefined ? [] : incidentResponses(run.record),
        decisions: run === undefined ? [] : decisionsOf(run.record).map((d) => ({ ...d, who: names.seat(d.seat) })),
      };
    }),
    histograms: cohortHistograms(rows),
  };
}
