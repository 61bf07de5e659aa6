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
import { COMPLAINT_LEVELS } from '../sim/view/types';
import { servingNow } from '../sim/view/components';
import { troubleSpots, type MinuteFigures, type TroubleSpot } from './troubleSpots';

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
  /** Where service suffered most (below the scenario's availability objective), worst first. */
  trouble: TroubleSpot[];
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
  const minutes: MinuteFigures[] = [];
  const watch = new DetectionWatch();
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
    minutes.push({
      requestsPerSecond: s.requestsPerSecond,
      availability: s.availability,
      errorRate: s.errorRate,
      p95LatencyMs: s.p95LatencyMs,
      busiest: busiestComponent(state),
    });
    watch.afterStep(state);
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
  // One stretch per incident, from the minute it began through the minute service was back (or the
  // last minute played): its worst minute, its losses and the team's commands all count over it.
  // A command stamped with the incident's own minute ran before it (commands apply first): not a response.
  const incidents = state.incidents.map((incident): IncidentStory => {
    const from = incident.startTick;
    const untilTick = Math.min(incident.recoveredTick ?? last - 1, last - 1);
    const window = (values: number[], pick: (a: number, b: number) => number, start: number) =>
      values.slice(from, untilTick + 1).reduce((worst, value) => pick(worst, value), start);
    // losses[k] is after k steps: before the incident's minute, and after the stretch's last one.
    const before = losses[from] ?? losses[0]!;
    const after = losses[Math.min(untilTick + 1, losses.length - 1)]!;
    const delta = {} as Losses;
    for (const key of LOSS_KEYS) delta[key] = after[key] - before[key];
    return {
      incident,
      untilTick,
      detected: watch.detected.get(incident.id) ?? null,
      worstAvailability: window(availability, Math.min, 1),
      worstErrorRate: window(errorRate, Math.max, 0),
      worstP95LatencyMs: window(p95, Math.max, 0),
      losses: delta,
      actions: commands.filter((c) => c.tick > from && c.tick <= untilTick),
    };
  });
  const trouble = troubleSpots(
    minutes,
    scenario.objectives.availability,
    state.incidents.map((i) => ({ id: i.id, startTick: i.startTick, endTick: i.endTick, recoveredTick: i.recoveredTick })),
    commands,
  );
  return { scenario, endTick: last, timeline, commands, incidents, trouble, final: state };
}

/** The most utilised component of the minute that just ran (serving ones; ties: the first), or null. */
function busiestComponent(state: SimState): MinuteFigures['busiest'] {
  let best: MinuteFigures['busiest'] = null;
  for (const c of state.components) {
    const u = c.figures.utilisation;
    if (Number.isFinite(u) && u > 0 && (best === null || u > best.utilisation)) best = { componentId: c.id, utilisation: u };
  }
  return best;
}

/** What the team could see after a minute: the alerts firing (by rule and component) and how loudly users complained. */
interface Signs {
  alerts: ReadonlySet<string>;
  complaints: number;
}

/**
 * When the team could first see each incident, from the simulation's own signs: with the alerts
 * feature, a rule that starts firing after the incident began, on its target (or on the users'
 * figures, or anywhere for an incident with no single target): the team is paged within the
 * minute; without alerts (or with no new alert), users complaining louder than just before it
 * began. A sign already there before the incident says nothing about it, and one after service
 * was back comes too late: such an incident was not noticed.
 */
class DetectionWatch {
  readonly detected = new Map<number, Detection>();
  /** The signs before each incident began, by incident id. */
  private readonly baseline = new Map<number, Signs>();
  private last: Signs = { alerts: new Set(), complaints: 0 };

  afterStep(state: SimState): void {
    const minute = state.tick - 1;
    const now: Signs = {
      alerts: new Set(state.features.alerts ? alertsOf(state, servingNow(state)).map((a) => `${a.kind}/${a.componentId ?? ''}`) : []),
      complaints: COMPLAINT_LEVELS.indexOf(complaintsOf(state)),
    };
    for (const incident of state.incidents) {
      if (!this.baseline.has(incident.id)) this.baseline.set(incident.id, this.last);
      if (this.detected.has(incident.id)) continue;
      if (incident.recoveredTick !== null && incident.recoveredTick < minute) continue;
      const before = this.baseline.get(incident.id)!;
      const paged = [...now.alerts].some((key) => {
        if (before.alerts.has(key)) return false;
        const component = key.slice(key.indexOf('/') + 1);
        return incident.target === null || component === '' || component === incident.target;
      });
      if (paged) this.detected.set(incident.id, { tick: minute, by: 'alerts' });
      else if (now.complaints > before.complaints) this.detected.set(incident.id, { tick: minute, by: 'complaints' });
    }
    this.last = now;
  }
}
