/**
 * A finished game, re-run from its replay (scenario, seed, one team's command log) to collect what
 * the debrief and the post-incident reports show: the timeline of the team's figures, every
 * command with its outcome, and every incident with what it did to users and when it was
 * detected. The same deterministic simulation the server ran, so every figure is the game's own.
 * Pure and synchronous: the browser runs it on a finished game, the tests on a command log.
 */
import { createSim, groupByTick, step, FlowWorkspace } from '../sim/core/sim';
import type { Command, CommandEntry } from '../sim/commands/command';
import type { Scenario } from '../sim/core/scenario';
import type { IncidentRecord, RejectReason, SimState } from '../sim/core/state';
import { alertsOf } from '../sim/view/alerts';
import { complaintsOf } from '../sim/view/complaints';
import { servingNow } from '../sim/view/components';

/** One point of the timeline. */
interface TimelinePoint {
  tick: number;
  dau: number;
  onlineUsers: number;
  /** Share of the minute's requests served within the latency objective. */
  availability: number;
  errorRate: number;
  p95LatencyMs: number;
  money: number;
}

interface CommandRecord {
  tick: number;
  /** The seat that sent it (names are the result's `seats`). */
  player: string;
  seq: number;
  command: Command;
  ok: boolean;
  reason: RejectReason | null;
}

/** Losses users suffered, as counts over a stretch of the game. */
export interface Losses {
  failedRequests: number;
  lostWrites: number;
  loggedOutUsers: number;
  lostMessages: number;
  staleReads: number;
  staleAssets: number;
}

/** How the team learnt of an incident: its own alerts, or its users complaining. */
type Detection = { tick: number; by: 'alerts' | 'complaints' } | null;

export interface IncidentStory {
  incident: IncidentRecord;
  /** The end of the stretch looked at: recovery, or the end of the game when service never came back. */
  untilTick: number;
  detected: Detection;
  /** The worst minute for users between the start and `untilTick`. */
  worstAvailability: number;
  worstErrorRate: number;
  worstP95LatencyMs: number;
  losses: Losses;
  /** The team's commands from the start until `untilTick`. */
  actions: CommandRecord[];
}

export interface GameRecord {
  scenario: Scenario;
  endTick: number;
  /** At most about MAX_POINTS points, evenly spaced, always with the last tick. */
  timeline: TimelinePoint[];
  commands: CommandRecord[];
  incidents: IncidentStory[];
  /** The final state, for the score and the checklist. */
  final: SimState;
}

/** Timeline points kept: enough for a chart as wide as a screen. */
const MAX_POINTS = 1440;

const LOSS_KEYS = ['failedRequests', 'lostWrites', 'loggedOutUsers', 'lostMessages', 'staleReads', 'staleAssets'] as const;

function lossesOf(state: SimState): Losses {
  const totals = state.totals;
  return {
    failedRequests: totals.failedRequests,
    lostWrites: totals.lostWrites,
    loggedOutUsers: totals.loggedOutUsers,
    lostMessages: totals.lostMessages,
    staleReads: totals.staleReads,
    staleAssets: totals.staleAssets,
  };
}

/**
 * Re-runs a team's game until `endTick` (or its end, if sooner). `log` may hold other teams'
 * entries: only `team`'s are applied, as the server's simulation of that team did.
 */
export function recordGame(scenario: Scenario, seed: number, log: readonly CommandEntry[], team: string, endTick: number): GameRecord {
  const own = log.filter((entry) => entry.team === team);
  const byTick = groupByTick(own);
  const bySeq = new Map(own.map((entry) => [`${entry.tick}/${entry.player}/${entry.seq}`, entry]));
  const state = createSim(scenario, seed);
  const workspace = new FlowWorkspace();
  const every = Math.max(1, Math.ceil(endTick / MAX_POINTS));
  const timeline: TimelinePoint[] = [];
  const commands: CommandRecord[] = [];
  // Per tick (index = the tick the step ran): the users' figures and the running losses after it.
  const availability: number[] = [];
  const errorRate: number[] = [];
  const p95: number[] = [];
  const losses: Losses[] = [lossesOf(state)];
  const detected = new Map<number, Detection>();
  while (state.tick < endTick && state.gameOver === null) {
    const tick = state.tick;
    step(state, byTick.get(tick) ?? [], workspace);
    for (const outcome of state.lastOutcomes) {
      const entry = bySeq.get(`${tick}/${outcome.player}/${outcome.seq}`);
      if (entry !== undefined) {
        commands.push({ tick, player: outcome.player, seq: outcome.seq, command: entry.command, ok: outcome.ok, reason: outcome.reason });
      }
    }
    const s = state.summary;
    availability.push(s.availability);
    errorRate.push(s.errorRate);
    p95.push(s.p95LatencyMs);
    losses.push(lossesOf(state));
    noticeIncidents(state, detected);
    if (tick % every === 0 || state.tick >= endTick || state.gameOver !== null) {
      timeline.push({
        tick,
        dau: s.dau,
        onlineUsers: s.onlineUsers,
        availability: s.availability,
        errorRate: s.errorRate,
        p95LatencyMs: s.p95LatencyMs,
        money: state.money,
      });
    }
  }
  const last = state.tick;
  const incidents = state.incidents.map((incident): IncidentStory => {
    const untilTick = Math.min(incident.recoveredTick ?? last, last);
    const from = incident.startTick;
    const window = (values: number[], pick: (a: number, b: number) => number, start: number) =>
      values.slice(from, Math.max(from + 1, untilTick)).reduce((worst, value) => pick(worst, value), start);
    const before = losses[from] ?? losses[0]!;
    // losses[k] is after k steps: the tick `untilTick` itself counts.
    const after = losses[Math.min(untilTick + 1, losses.length - 1)]!;
    const delta = {} as Losses;
    for (const key of LOSS_KEYS) delta[key] = after[key] - before[key];
    return {
      incident,
      untilTick,
      detected: detected.get(incident.id) ?? null,
      worstAvailability: window(availability, Math.min, 1),
      worstErrorRate: window(errorRate, Math.max, 0),
      worstP95LatencyMs: window(p95, Math.max, 0),
      losses: delta,
      actions: commands.filter((c) => c.tick >= from && c.tick <= untilTick),
    };
  });
  return { scenario, endTick: last, timeline, commands, incidents, final: state };
}

/**
 * Marks the incidents running now that the team can first see: with the alerts feature, any alert
 * firing (the team is paged within the minute); without it, only when users complain (service is
 * visibly bad). An incident the system absorbs without a sign is never detected.
 */
function noticeIncidents(state: SimState, detected: Map<number, Detection>): void {
  const open = state.incidents.filter(
    (incident) => !detected.has(incident.id) && (incident.recoveredTick === null || incident.endTick === null),
  );
  if (open.length === 0) return;
  let by: 'alerts' | 'complaints' | null = null;
  if (state.features.alerts && alertsOf(state, servingNow(state)).length > 0) by = 'alerts';
  else if (complaintsOf(state) !== 'none') by = 'complaints';
  if (by === null) return;
  // The sign belongs to the tick that just ran (state.tick has moved past it).
  for (const incident of open) detected.set(incident.id, { tick: state.tick - 1, by });
}
