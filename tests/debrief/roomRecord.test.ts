/**
 * The room debrief's derivations, checked against figures worked out by hand: the summary rows,
 * each incident's time to notice and to recover, decisions grouped by the hour (an instructor's
 * injected incidents told apart), histogram bins, the teams' timelines on one axis, and the CSV
 * and JSON exports (CSV injection neutralised). The re-run itself is checked against a replay,
 * including a team that went bankrupt before the room's end.
 */
import { describe, expect, it } from 'vitest';
import type { IncidentStory } from '../../shared/debrief/record';
import { csvField, csvText } from '../../shared/protocol/csv';
import { roomCsv, roomRecord } from '../../shared/debrief/roomExport';
import { binCountFor, histogram, niceStep } from '../../shared/debrief/roomHistogram';
import {
  alignedSeries,
  decisionGroups,
  decisionsOf,
  incidentResponses,
  reachesRecordedHash,
  rerunTeam,
  responseSummary,
  seatActivity,
  teamRows,
  type Decision,
  type TeamRow,
  type TeamRun,
} from '../../shared/debrief/roomRecord';
import type { GameResult } from '../../shared/protocol/results';
import { hashState, replay, type Command, type CommandEntry, type IncidentRecord } from '../../shared/sim';
import { sandboxScenario } from '../helpers/scenarios';

/** An incident story with only what the room debrief reads. */
function story(
  incident: Pick<IncidentRecord, 'id' | 'startTick' | 'recoveredTick'> & Partial<IncidentRecord>,
  detected: IncidentStory['detected'],
): IncidentStory {
  return {
    incident: { type: 'serverCrash', origin: 'random', target: 'web-2', endTick: null, ...incident } as IncidentRecord,
    untilTick: 0,
    detected,
    worstAvailability: 1,
    worstErrorRate: 0,
    worstP95LatencyMs: 0,
    losses: { failedRequests: 0, lostWrites: 0, loggedOutUsers: 0, lostMessages: 0, staleReads: 0, staleAssets: 0 },
    actions: [],
  };
}

const STORIES = [
  story({ id: 1, startTick: 100, recoveredTick: 130 }, { tick: 103, by: 'alerts' }),
  story(
    { id: 2, startTick: 200, recoveredTick: null, origin: 'injected', type: 'trafficSpike', target: null },
    { tick: 210, by: 'complaints' },
  ),
  story({ id: 3, startTick: 300, recoveredTick: 305 }, null),
];

describe('incident response', () => {
  it('times each incident from its start: to notice, and to recover', () => {
    const responses = incidentResponses({ incidents: STORIES });
    expect(responses.map((r) => [r.id, r.origin, r.noticedTick, r.noticedBy, r.toNotice, r.recoveredTick, r.toRecover])).toEqual([
      [1, 'random', 103, 'alerts', 3, 130, 30],
      [2, 'injected', 210, 'complaints', 10, null, null],
      [3, 'random', null, null, null, 305, 5],
    ]);
  });

  it('sums them up: means over those noticed and recovered, the worst counting an unrecovered one until the end', () => {
    const summary = responseSummary(incidentResponses({ incidents: STORIES }), 400);
    expect(summary).toEqual({
      incidents: 3,
      injected: 1,
      noticed: 2,
      recovered: 2,
      meanToNotice: (3 + 10) / 2,
      meanToRecover: (30 + 5) / 2,
      // Incident 2 never recovered: from 200 to the end at 400.
      worstToRecover: 200,
    });
    expect(responseSummary([], 400)).toEqual({
      incidents: 0,
      injected: 0,
      noticed: 0,
      recovered: 0,
      meanToNotice: null,
      meanToRecover: null,
      worstToRecover: null,
    });
  });
});

const decision = (tick: number, seat: string, command: Command, ok = true): Decision => ({
  tick,
  seat,
  command,
  ok,
  reason: ok ? null : 'insufficient-funds',
  injected: command.type === 'inject',
});
const BUY: Command = { type: 'buy', kind: 'web', region: 'ap' };
const INJECT: Command = { type: 'inject', incident: { type: 'trafficSpike' } };

describe('decisions', () => {
  it("tells an injected incident from the team's own commands", () => {
    const commands = [
      { tick: 4, player: 'a', seq: 0, command: BUY, ok: true, reason: null },
      { tick: 9, player: 'inst', seq: 0, command: INJECT, ok: true, reason: null },
    ];
    expect(decisionsOf({ commands }).map((d) => [d.tick, d.seat, d.injected])).toEqual([
      [4, 'a', false],
      [9, 'inst', true],
    ]);
  });

  it('groups them by the hour from the start, leaving empty hours out', () => {
    const list = [
      decision(130, 'b', BUY),
      decision(5, 'a', BUY),
      decision(60, 'a', BUY, false),
      decision(59, 'b', BUY),
      decision(61, 'inst', INJECT),
    ];
    expect(decisionGroups(list).map((g) => [g.fromTick, g.toTick, g.decisions.map((d) => d.tick)])).toEqual([
      [0, 60, [5, 59]],
      [60, 120, [60, 61]],
      [120, 180, [130]],
    ]);
    expect(decisionGroups(list, 30).map((g) => g.fromTick)).toEqual([0, 30, 60, 120]);
    expect(seatActivity(list)).toEqual([
      { seat: 'a', decisions: 2, refused: 1 },
      { seat: 'b', decisions: 2, refused: 0 },
    ]);
  });
});

describe('histograms', () => {
  it('step by 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(21_500)).toBe(25_000);
    expect(niceStep(17_284)).toBe(20_000);
    expect(niceStep(0.025)).toBe(0.025);
    expect(niceStep(0.021)).toBe(0.025);
    expect(niceStep(3)).toBe(5);
    expect(niceStep(6)).toBe(10);
    expect(niceStep(1)).toBe(1);
    expect(niceStep(0)).toBe(1);
  });

  it('aim at one bin per team for a few teams, about √n + 1 for more', () => {
    expect([1, 2, 3, 4, 9, 12].map(binCountFor)).toEqual([1, 2, 3, 3, 4, 5]);
  });

  it('put each team in the bin of round edges that holds its value, keeping empty bins', () => {
    const spent = [
      { team: 'a', value: 12_000 },
      { team: 'b', value: 30_000 },
      { team: 'c', value: 45_000 },
      { team: 'd', value: 98_000 },
    ];
    // (98,000 − 12,000) / 4 = 21,500 → a step of 25,000 from 0.
    expect(histogram(spent, 4)).toEqual([
      { from: 0, to: 25_000, teams: ['a'] },
      { from: 25_000, to: 50_000, teams: ['b', 'c'] },
      { from: 50_000, to: 75_000, teams: [] },
      { from: 75_000, to: 100_000, teams: ['d'] },
    ]);
  });

  it('count a value on an edge in the bin above it, and the largest in the last bin', () => {
    const values = [0, 10, 20].map((value, i) => ({ team: `t${i}`, value }));
    expect(histogram(values, 2)).toEqual([
      { from: 0, to: 10, teams: ['t0'] },
      { from: 10, to: 20, teams: ['t1', 't2'] },
    ]);
  });

  it('bin shares without float noise on the edges', () => {
    const values = [0.9, 0.95, 0.975, 1].map((value, i) => ({ team: `t${i}`, value }));
    expect(histogram(values, 4)).toEqual([
      { from: 0.9, to: 0.925, teams: ['t0'] },
      { from: 0.925, to: 0.95, teams: [] },
      { from: 0.95, to: 0.975, teams: ['t1'] },
      { from: 0.975, to: 1, teams: ['t2', 't3'] },
    ]);
  });

  it('make one bin when every team has the same value, and none for no team', () => {
    expect(
      histogram(
        [
          { team: 'a', value: 5 },
          { team: 'b', value: 5 },
        ],
        2,
      ),
    ).toEqual([{ from: 5, to: 5, teams: ['a', 'b'] }]);
    expect(histogram([], 3)).toEqual([]);
  });
});

describe('timelines on one axis', () => {
  it('take every tick any team has and leave a gap where a team has none', () => {
    const point = (tick: number, dau: number) => ({ tick, dau, onlineUsers: 0, availability: 1, errorRate: 0, p95LatencyMs: 0, money: 0 });
    const a = [point(0, 10), point(3, 11), point(6, 12)];
    // Bankrupt after its minute 5: its line ends there.
    const b = [point(0, 20), point(3, 21), point(5, 22)];
    expect(alignedSeries([a, b], 'dau')).toEqual({
      ticks: [0, 3, 5, 6],
      values: [
        [10, 11, null, 12],
        [20, 21, 22, null],
      ],
    });
  });
});

const figures = {
  dau: 0,
  p95LatencyMs: 0,
  requests: 0,
  failedRequests: 0,
  chapter: null,
};
const RESULT: GameResult = {
  code: 'ABCDEF',
  mode: 'workshop',
  scenario: 'sandbox',
  seed: 1,
  endedTick: 400,
  teams: [
    {
      team: 'team-1',
      rank: 2,
      players: ['=HYPERLINK("http://x","y")', 'Ana'],
      ...figures,
      money: 4_000,
      peakDau: 1_500,
      availability: 0.5,
      revenue: 5_000,
      spent: 3_000,
      checklist: 0.375,
      gameOver: null,
    },
    {
      team: 'team-2',
      rank: 1,
      players: ['Bo'],
      ...figures,
      money: -20.004,
      peakDau: 2_000.4,
      availability: 0.987654,
      revenue: 1_000,
      spent: 3_020,
      checklist: 0,
      gameOver: 'bankrupt',
    },
  ],
  seats: { s1: 'Ana', s2: 'Bo' },
};

describe('summary rows', () => {
  it("take the stored result's figures, best rank first, before any re-run", () => {
    const rows = teamRows(['team-1', 'team-2'], RESULT, new Map());
    expect(rows.map((r) => [r.team, r.rank, r.profit, r.checklistMet, r.bankrupt, r.run])).toEqual([
      ['team-2', 1, 1_000 - 3_020, 0, true, null],
      // 0.375 of the 8 items.
      ['team-1', 2, 5_000 - 3_000, 3, false, null],
    ]);
  });

  it('write one CSV row per team, hostile names neutralised and negative money kept', () => {
    const rows = teamRows(['team-1', 'team-2'], RESULT, new Map());
    const lines = roomCsv(rows, (team) => (team === 'team-1' ? 'Team 1, the first' : 'Team 2')).split('\r\n');
    expect(lines[0]).toBe(
      'rank,team,name,players,peakDau,availability,profit,revenue,spent,money,bankrupt,checklistMet,checklistTotal,' +
        'incidents,injected,noticed,recovered,meanMinutesToNotice,meanMinutesToRecover,worstMinutesToRecover,decisions,refused,rerunMatches',
    );
    // Users whole, shares to four decimals, money to the cent.
    expect(lines[1]).toBe('1,team-2,Team 2,Bo,2000,0.9877,-2020,1000,3020,-20,true,0,8,,,,,,,,,,');
    expect(lines[2]).toBe(
      `2,team-1,"Team 1, the first","'=HYPERLINK(""http://x"",""y""); Ana",1500,0.5,2000,5000,3000,4000,false,3,8,,,,,,,,,,`,
    );
    expect(lines[3]).toBe('');
    expect(lines).toHaveLength(4);
  });
});

describe('csvField', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+cmd|/c calc', `"'+cmd|/c calc"`],
    ['-cmd', `"'-cmd"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['a = b', 'a = b'],
    [-1250, '-1250'],
    ['-12.5', '-12.5'],
    [null, ''],
  ])('writes %j as %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('ends every line with CRLF', () => {
    expect(csvText(['a', 'b'], [[1, 'x\ny']])).toBe('a,b\r\n1,"x\ny"\r\n');
  });
});

/**
 * A sandbox team that earns nothing (its users cut off) and spends its 2,000 at once goes bankrupt
 * within a few hundred minutes (tests/server/bankruptTeam.test.ts); its rival does nothing.
 */
const OVERSPEND: Command[] = [
  { type: 'disconnect', from: 'users', to: 'web-1' },
  { type: 'buy', kind: 'db', region: 'ap', size: 'large' },
  { type: 'buy', kind: 'db', region: 'ap' },
  { type: 'buy', kind: 'cache', region: 'ap', size: 'small' },
  { type: 'buy', kind: 'web', region: 'ap', size: 'small' },
];
const scenario = sandboxScenario({ randomIncidentsPerDay: {} });
const LOG: CommandEntry[] = [
  ...OVERSPEND.map((command, seq) => ({ tick: 2, team: 'blue', player: 'b1', seq, command })),
  { tick: 30, team: 'red', player: 'inst', seq: 0, command: { type: 'inject', incident: { type: 'trafficSpike', durationTicks: 30 } } },
  { tick: 40, team: 'red', player: 'r1', seq: 0, command: { type: 'buy', kind: 'db', region: 'ap' } },
];
const FINAL_TICK = 900;
const hashes = {
  red: hashState(
    replay(
      scenario,
      5,
      LOG.filter((e) => e.team === 'red'),
      FINAL_TICK,
    ),
  ),
  blue: hashState(
    replay(
      scenario,
      5,
      LOG.filter((e) => e.team === 'blue'),
      FINAL_TICK,
    ),
  ),
};
const REPLAY = { scenario, seed: 5, log: LOG, finalTick: FINAL_TICK, finalHashes: hashes };

describe('re-running every team', () => {
  const runs = new Map<string, TeamRun>(['red', 'blue'].map((team) => [team, rerunTeam(REPLAY, team)]));

  it("reaches each team's recorded hash, a team bankrupt before the end included", () => {
    const blue = runs.get('blue')!;
    expect(blue.record.final.gameOver?.reason).toBe('bankrupt');
    expect(blue.record.endTick).toBeLessThan(FINAL_TICK);
    // The room kept stepping it: its recorded state is not the re-run's last one, but one step on.
    expect(hashState(blue.record.final)).not.toBe(hashes.blue);
    expect(blue.faithful).toBe(true);
    expect(runs.get('red')!.faithful).toBe(true);
  });

  it('flags a team whose re-run does not reach the recorded hash', () => {
    expect(rerunTeam({ ...REPLAY, finalHashes: { ...hashes, red: '0123456789abcdef' } }, 'red').faithful).toBe(false);
    expect(reachesRecordedHash(runs.get('red')!.record.final, undefined)).toBe(true);
  });

  it("ranks from the re-runs without a stored result, and counts the team's own decisions only", () => {
    const rows = teamRows(['blue', 'red'], null, runs);
    expect(rows.map((r) => [r.team, r.rank, r.bankrupt])).toEqual([
      ['red', 1, false],
      ['blue', 2, true],
    ]);
    // Red: one purchase of its own; the instructor's spike is an incident, not a decision.
    expect(rows[0]!.run).toMatchObject({ faithful: true, decisions: 1, refused: 0 });
    expect(rows[0]!.run!.response.injected).toBe(1);
    expect(rows[1]!.run).toMatchObject({ decisions: 5 });
  });

  it('exports the derived record as JSON with who sent each command', () => {
    const rows = teamRows(['red', 'blue'], null, runs);
    const record = roomRecord(REPLAY, rows, runs, { team: (t) => t.toUpperCase(), seat: (s) => (s === 'inst' ? 'Teacher' : s) });
    const json = JSON.parse(JSON.stringify(record)) as typeof record;
    expect(json.scenario).toBe('sandbox');
    expect(json.teams.map((t) => t.name)).toEqual(['RED', 'BLUE']);
    const red = json.teams[0]!;
    expect(red.decisions.map((d) => [d.tick, d.who, d.injected])).toEqual([
      [30, 'Teacher', true],
      [40, 'r1', false],
    ]);
    const spike = red.incidents.find((i) => i.origin === 'injected')!;
    expect(spike).toMatchObject({ type: 'trafficSpike', startTick: 30 });
    expect(red.checklist).toHaveLength(8);
    expect(json.histograms.peakDau.flatMap((b) => b.teams).sort()).toEqual(['blue', 'red']);
  });
});

describe('rows once the re-runs are in', () => {
  it('carry each team’s response summary', () => {
    const run: TeamRun = {
      team: 'team-1',
      faithful: true,
      record: { incidents: STORIES, commands: [], endTick: 400 } as unknown as TeamRun['record'],
    };
    const rows: TeamRow[] = teamRows(['team-1', 'team-2'], RESULT, new Map([['team-1', run]]));
    expect(rows[1]!.run).toEqual({
      faithful: true,
      decisions: 0,
      refused: 0,
      response: {
        incidents: 3,
        injected: 1,
        noticed: 2,
        recovered: 2,
        meanToNotice: 6.5,
        meanToRecover: 17.5,
        worstToRecover: 200,
      },
    });
    expect(rows[0]!.run).toBeNull();
    expect(roomCsv(rows, (team) => team).split('\r\n')[2]).toBe(
      `2,team-1,team-1,"'=HYPERLINK(""http://x"",""y""); Ana",1500,0.5,2000,5000,3000,4000,false,3,8,3,1,2,2,6.5,17.5,200,0,0,true`,
    );
  });
});
