/**
 * Classroom load benchmark (`npm run bench -- --only classroom`): what one server process does for
 * a class. A workshop of 60 participants in 12 teams of 5 with its instructor, whose view holds
 * all 12 teams, and beside it 10 matches of 4 teams with 2 players per team (a pair per team: the
 * lobby allows 4, a class splitting into pairs is the common case), 141 clients in all. The
 * workshop runs at 8× (the sandbox's start speed, at which a workshop opens, and the heavier of
 * the usual choices: its tick p99 is the same at 4×, its ticks and bytes per second double), the
 * matches at the server's fixed match speed (timings.matchSpeed, 2× by default). Every participant and match player buys a web
 * group of its own once the game runs and then sends a command every 4 s on average, as the solo
 * bots do; the instructor watches.
 *
 * It reuses the server load test's harness (tests/bench/serverLoad.ts): the real server in a
 * child process, the exact tick durations the rooms themselves measure (filed by room mode in the
 * child), CPU, event loop and memory over the window, and the same bot. What is new here is the
 * load (how a workshop and a match are started) and the split of the figures: tick quantiles and
 * ticks delivered per room kind, and bytes per client per second per role (instructor, workshop
 * participant, match player), each client's WebSocket counted by the bot.
 *
 * Goals, per room kind: tick p99 < 10 ms and at least 95 % of the expected ticks delivered, as
 * for the solo rooms. Per kind rather than overall because the matches make 20 of the 28 ticks a
 * second: an overall figure would hide a workshop that lags. Bytes have no goal (see
 * docs/benchmarks.md).
 */
import type { Room as ClientRoom } from '@colyseus/sdk';
import type { WelcomeMessage } from '../../shared/protocol/messages';
import { MATCH_TEAMS, workshopTeamIds } from '../../shared/protocol/roomActions';
import type { GameState } from '../../shared/schema/gameState';
import { DEFAULT_TIMINGS } from '../../server/rooms/roomServices';
import { checkGoal } from './goals';
import {
  Bot,
  fixed,
  loadNotes,
  measureWindow,
  median,
  nextMessage,
  pool,
  runLoad,
  sleep,
  TICK_P99_GOAL_MS,
  TICK_RATE_GOAL,
  WINDOW_PER_MIN_MS,
  withTimeout,
  type LoadRun,
  type LoadWindow,
} from './serverLoad';
import type { BenchCase, BenchOptions, CaseResult } from './types';

const WORKSHOP_TEAMS = 12;
const WORKSHOP_PARTICIPANTS = 60;
/** The workshop's speed, set by its instructor. */
const WORKSHOP_SPEED = 8;
const MATCHES = 10;
const PLAYERS_PER_MATCH_TEAM = 2;
/** Participants joining the workshop at once: a class arriving over a minute, compressed. */
const JOIN_CONCURRENCY = 10;
/** Matches being set up (created, joined, readied, started) at once. */
const MATCH_CONCURRENCY = 5;
/** How long a lobby step (everyone ready, the start) may take before the run is aborted. */
const LOBBY_TIMEOUT_MS = 20_000;

type Client = ClientRoom<unknown, GameState>;

/** A client with the welcome its join got (the seat's team, the sequence number to start at). */
interface Seat {
  bot: Bot;
  welcome: WelcomeMessage;
}

export function classroomLoadCase(id: string): BenchCase {
  return {
    id,
    group: 'classroom',
    title: `a workshop (${WORKSHOP_PARTICIPANTS} in ${WORKSHOP_TEAMS} teams, ${WORKSHOP_SPEED}×) and ${MATCHES} four-team matches`,
    run: (options) => runClassroom(id, options),
  };
}

async function runClassroom(id: string, options: BenchOptions): Promise<CaseResult> {
  const windowMs = WINDOW_PER_MIN_MS * options.minMs;
  const settleMs = Math.min(5000, windowMs / 3);
  const clients = 1 + WORKSHOP_PARTICIPANTS + MATCHES * MATCH_TEAMS.length * PLAYERS_PER_MATCH_TEAM;
  const budgetMs = 120_000 + clients * 200 + settleMs + windowMs;
  const title = `workshop ${WORKSHOP_PARTICIPANTS}+1 at ${WORKSHOP_SPEED}×, ${MATCHES} matches of ${MATCH_TEAMS.length}×${PLAYERS_PER_MATCH_TEAM}, ${Math.round(windowMs / 1000)} s window`;
  let seated = 0;

  const { metrics, warnings } = await runLoad(
    id,
    options,
    budgetMs,
    async (run) => {
      const rampStart = performance.now();
      const workshop = await openWorkshop(run);
      seated += workshop.participants.length + 1;
      run.progress(`workshop running (${((performance.now() - rampStart) / 1000).toFixed(1)} s); opening ${MATCHES} matches…`);
      const matches: Seat[][] = [];
      await pool(
        MATCHES,
        MATCH_CONCURRENCY,
        async (index) => {
          const players = await openMatch(run, index);
          matches.push(players);
          seated += players.length;
        },
        run.stopping,
      );
      if (matches.length < MATCHES) throw new Error(`only ${matches.length} of ${MATCHES} matches started`);
      const rampMs = performance.now() - rampStart;
      run.progress(
        `${seated} clients in ${(rampMs / 1000).toFixed(1)} s; settling ${(settleMs / 1000).toFixed(0)} s, then measuring ${(windowMs / 1000).toFixed(0)} s`,
      );
      await sleep(settleMs);
      const window = await measureWindow(run, windowMs);
      return { ...window.metrics, ...classroomMetrics(window, workshop, matches), rampSeconds: rampMs / 1000 };
    },
    () => ({ clientsSetUp: seated }),
  );

  const goals = (['workshop', 'match'] as const).flatMap((kind) => [
    checkGoal(
      { metric: `${kind}TickP99Ms`, op: '<', target: TICK_P99_GOAL_MS, label: `${kind} tick p99 < ${TICK_P99_GOAL_MS} ms` },
      metrics,
    ),
    checkGoal(
      { metric: `${kind}TickRateShare`, op: '>=', target: TICK_RATE_GOAL, label: `${kind} ticks ≥ ${TICK_RATE_GOAL * 100} % of expected` },
      metrics,
    ),
  ]);
  return { id, group: 'classroom', title, metrics, goals, warnings };
}

// ---------------------------------------------------------------------------------------------
// Setting the rooms up, the way the client does (tests/server/workshop.test.ts, matchLobby.test.ts).

/** Opens a room (create or join) with a bot on it, and waits for its welcome. */
async function open(run: LoadRun, connect: () => Promise<unknown>, team: string | null): Promise<Seat> {
  const room = (await withTimeout(connect(), 30_000, 'create or join')) as Client;
  const welcome = nextMessage<WelcomeMessage>(room, 'welcome', 30_000);
  const bot = new Bot(room, run.counters, team);
  run.opened.push(bot);
  return { bot, welcome: await welcome };
}

function playerId(role: string, index: number): string {
  return `bench-${role}-${process.pid}-${index}`;
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  for (const end = performance.now() + timeoutMs; !check(); await sleep(20)) {
    if (performance.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms`);
  }
}

/** Each seat buys a web group of its own, then sends a command every few seconds. */
async function play(run: LoadRun, seats: readonly Seat[]): Promise<void> {
  await Promise.all(
    seats.map(async ({ bot, welcome }) => {
      const webId = await bot.setUp(welcome);
      if (!run.stopping()) bot.run(webId);
    }),
  );
}

/** The instructor creates the workshop, 60 participants join by code (the room places them), the instructor starts it. */
async function openWorkshop(run: LoadRun): Promise<{ instructor: Seat; participants: Seat[] }> {
  const teams = workshopTeamIds(WORKSHOP_TEAMS);
  const instructor = await open(
    run,
    () => run.sdk.create('game', { mode: 'workshop', playerId: playerId('instructor', 0), name: 'Instructor', teams }),
    null,
  );
  const code = instructor.welcome.code;
  const participants: Seat[] = [];
  await pool(
    WORKSHOP_PARTICIPANTS,
    JOIN_CONCURRENCY,
    async (index) => {
      const seat = await open(
        run,
        () => run.sdk.joinById(code, { playerId: playerId('student', index), name: `Student ${index + 1}` }),
        null,
      );
      seat.bot.team = seat.welcome.team;
      participants.push(seat);
    },
    run.stopping,
  );
  const perTeam = new Map<string, number>();
  for (const { welcome } of participants) perTeam.set(welcome.team ?? '', (perTeam.get(welcome.team ?? '') ?? 0) + 1);
  const even = WORKSHOP_PARTICIPANTS / WORKSHOP_TEAMS;
  if (perTeam.size !== WORKSHOP_TEAMS || [...perTeam.values()].some((n) => n !== even))
    run.warnings.push(`the workshop placed participants unevenly: ${[...perTeam].map(([team, n]) => `${team} ${n}`).join(', ')}`);

  const room = instructor.bot.room;
  room.send('control', { action: 'start' });
  room.send('control', { action: 'speed', speed: WORKSHOP_SPEED });
  await until(
    () => room.state.clock?.phase === 'running' && room.state.clock.speed === WORKSHOP_SPEED,
    LOBBY_TIMEOUT_MS,
    'the workshop to start',
  );
  await play(run, participants);
  return { instructor, participants };
}

/** The host creates a four-team match, the others join their teams, everyone readies up, the host starts it. */
async function openMatch(run: LoadRun, index: number): Promise<Seat[]> {
  const teams = [...MATCH_TEAMS];
  const places = teams.flatMap((team) => Array.from({ length: PLAYERS_PER_MATCH_TEAM }, () => team));
  const id = (seat: number) => playerId(`match${index}`, seat);
  const host = await open(
    run,
    () => run.sdk.create('game', { mode: 'match', playerId: id(0), name: `Host ${index}`, teams, team: places[0] }),
    places[0]!,
  );
  const code = host.welcome.code;
  const guests = await Promise.all(
    places
      .slice(1)
      .map((team, seat) => open(run, () => run.sdk.joinById(code, { playerId: id(seat + 1), name: `Player ${seat + 1}`, team }), team)),
  );
  const players = [host, ...guests];
  const misplaced = players.filter((p) => p.welcome.team !== p.bot.team);
  if (misplaced.length > 0) throw new Error(`match ${index}: ${misplaced.length} player(s) not on the team they asked for`);

  for (const { bot } of players) bot.room.send('lobby', { action: 'ready', ready: true });
  const state = host.bot.room.state;
  const seated = () => [...(state.seats?.values() ?? [])].filter((seat) => seat.team !== '');
  await until(() => seated().length === players.length && seated().every((seat) => seat.ready), LOBBY_TIMEOUT_MS, 'every player ready');
  host.bot.room.send('control', { action: 'start' });
  await until(() => players.every((p) => p.bot.room.state.clock?.phase === 'running'), LOBBY_TIMEOUT_MS, 'the match to start');
  await play(run, players);
  return players;
}

// ---------------------------------------------------------------------------------------------
// Figures.

function classroomMetrics(
  window: LoadWindow,
  workshop: { instructor: Seat; participants: Seat[] },
  matches: readonly Seat[][],
): Record<string, number> {
  const { stats, seconds } = window;
  const serverSeconds = stats.elapsedMs / 1000;
  const perSecond = (bot: Bot) => window.bytes(bot) / seconds;
  const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
  const tickRate = (speed: number) => (speed * 1000) / DEFAULT_TIMINGS.tickMs;
  // Expected ticks from the speed each room's own clock shows (the match speed is the server's setting).
  const workshopSpeed = workshop.instructor.bot.room.state.clock?.speed ?? NaN;
  const matchSpeeds = matches.map((players) => players[0]!.bot.room.state.clock?.speed ?? NaN);
  const expected = { workshop: tickRate(workshopSpeed), match: matchSpeeds.reduce((sum, speed) => sum + tickRate(speed), 0) };
  const participants = workshop.participants.map((s) => perSecond(s.bot));
  const playerRates = matches.flat().map((s) => perSecond(s.bot));
  const instructor = perSecond(workshop.instructor.bot);
  const matchRoomRates = matches.map((players) => window.ticks(players[0]!.bot) / seconds);

  const metrics: Record<string, number> = {
    workshopTeams: WORKSHOP_TEAMS,
    workshopClients: 1 + workshop.participants.length,
    matches: matches.length,
    matchClients: playerRates.length,
    workshopSpeed,
    matchSpeed: median(matchSpeeds),
    workshopRoomTicksPerSecond: window.ticks(workshop.instructor.bot) / seconds,
    slowestMatchRoomTicksPerSecond: Math.min(...matchRoomRates),
    expectedTicksPerSecond: expected.workshop + expected.match,
    tickRateShare: stats.ticks / serverSeconds / (expected.workshop + expected.match),
    instructorBytesPerSecond: instructor,
    participantBytesPerSecond: mean(participants),
    participantBytesPerSecondMax: Math.max(...participants),
    matchPlayerBytesPerSecond: mean(playerRates),
    matchPlayerBytesPerSecondMax: Math.max(...playerRates),
    /** What the workshop's room (one school network) receives: the instructor and every participant. */
    workshopDownlinkBytesPerSecond: instructor + participants.reduce((sum, b) => sum + b, 0),
    clientBytesPerSecond: mean([instructor, ...participants, ...playerRates]),
  };
  for (const kind of ['workshop', 'match'] as const) {
    const ticks = stats.byMode[kind];
    const m = (key: string, value: number | undefined) => (metrics[`${kind}${key}`] = typeof value === 'number' ? value : NaN);
    m('Ticks', ticks?.ticks ?? 0);
    m('TicksPerSecond', (ticks?.ticks ?? 0) / serverSeconds);
    m('ExpectedTicksPerSecond', expected[kind]);
    m('TickRateShare', (ticks?.ticks ?? 0) / serverSeconds / expected[kind]);
    m('TickP50Ms', ticks?.tickMs.p50);
    m('TickP95Ms', ticks?.tickMs.p95);
    m('TickP99Ms', ticks?.tickMs.p99);
    m('TickMaxMs', ticks?.tickMs.max);
    m('TickMeanMs', ticks?.tickMs.mean);
    m('PlainTickP50Ms', ticks?.plainTickMs.p50);
    m('PlainTickP99Ms', ticks?.plainTickMs.p99);
    m('SnapshotTicks', ticks?.snapshotTickMs.count);
    m('SnapshotTickP50Ms', ticks?.snapshotTickMs.p50);
    m('SnapshotTickMaxMs', ticks?.snapshotTickMs.max);
  }
  return metrics;
}

/** Lines under the classroom table: each room kind's ticks, the bytes by role, then the shared notes. */
export function classroomNotes(result: CaseResult): string[] {
  const m = result.metrics;
  if (m.workshopTicksPerSecond === undefined) return [];
  const f = fixed;
  const kind = (name: 'workshop' | 'match', label: string) =>
    `  ${result.id}: ${label} ticks ${f(m[`${name}TicksPerSecond`])}/s of ${f(m[`${name}ExpectedTicksPerSecond`])} ` +
    `(${f((m[`${name}TickRateShare`] ?? NaN) * 100)} %), p50 ${f(m[`${name}TickP50Ms`], 2)} / p95 ${f(m[`${name}TickP95Ms`], 2)} / ` +
    `p99 ${f(m[`${name}TickP99Ms`], 2)} / max ${f(m[`${name}TickMaxMs`], 2)} ms, mean ${f(m[`${name}TickMeanMs`], 3)}; ` +
    `without a snapshot p50 ${f(m[`${name}PlainTickP50Ms`], 2)} / p99 ${f(m[`${name}PlainTickP99Ms`], 2)} ms; ` +
    `${m[`${name}SnapshotTicks`]} with one p50 ${f(m[`${name}SnapshotTickP50Ms`], 2)} / max ${f(m[`${name}SnapshotTickMaxMs`], 2)} ms`;
  return [
    `  ${result.id}: ramp-up ${f(m.rampSeconds)} s; window ${f(m.windowSeconds)} s; workshop ${m.workshopTeams} teams, ${m.workshopClients} clients at ${m.workshopSpeed}× (its clock ${f(m.workshopRoomTicksPerSecond, 2)} ticks/s); ${m.matches} matches, ${m.matchClients} players at ${m.matchSpeed}× (slowest clock ${f(m.slowestMatchRoomTicksPerSecond, 2)} ticks/s)`,
    kind('workshop', 'workshop (12 teams per tick)'),
    kind('match', 'match (4 teams per tick)'),
    `  ${result.id}: B/s per client: instructor ${f(m.instructorBytesPerSecond, 0)}, workshop participant ${f(m.participantBytesPerSecond, 0)} (max ${f(m.participantBytesPerSecondMax, 0)}), match player ${f(m.matchPlayerBytesPerSecond, 0)} (max ${f(m.matchPlayerBytesPerSecondMax, 0)}); the workshop's ${m.workshopClients} clients together ${f((m.workshopDownlinkBytesPerSecond ?? NaN) / 1000)} kB/s`,
    ...loadNotes(result),
  ];
}
