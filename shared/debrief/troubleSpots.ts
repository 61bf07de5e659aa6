/**
 * Where service suffered most in a game, for a player who lost (or missed a star) and asks why:
 * the stretches of minutes in which fewer requests than the scenario's availability objective were
 * served well, ranked by the requests they cost, each with its worst minute, the component that
 * was busiest then, the incidents that were running and the team's own disruptive commands
 * (a resize restarts instances; a removal or disconnection takes a component out of the path).
 * Pure: built from the per-minute figures the debrief's re-run keeps.
 */
import type { Command } from '../sim/commands/command';

/** One minute as the re-run saw it. */
export interface MinuteFigures {
  /** Requests per second users offered. */
  requestsPerSecond: number;
  availability: number;
  errorRate: number;
  p95LatencyMs: number;
  /** The component with the highest utilisation that minute (λ/cμ; above 1 is overload), or null. */
  busiest: { componentId: string; utilisation: number } | null;
}

export interface TroubleSpot {
  fromTick: number;
  /** The stretch's last minute (inclusive). */
  toTick: number;
  /** Requests not served well over the stretch (offered × (1 − availability), minute by minute). */
  lostRequests: number;
  worstTick: number;
  worstAvailability: number;
  worstErrorRate: number;
  worstP95LatencyMs: number;
  busiest: MinuteFigures['busiest'];
  /** Incidents running during the stretch, by id. */
  incidents: number[];
  /** The team's commands that take capacity away, from a few minutes before the stretch to its end. */
  disruptions: Array<{ tick: number; player: string; command: Command }>;
}

/** Minutes of good service that do not end a stretch (a dip that recovers for a moment is one stretch). */
const MERGE_GAP = 10;
/** How long before a stretch a disruptive command still counts as its cause (a restart takes minutes). */
const LEAD_TICKS = 10;
/** Stretches kept, worst first. */
const SPOTS = 3;

/**
 * Commands that take serving capacity away for a while, whatever the state: a resize restarts the
 * instances one by one, a removal or a disconnection takes a component out of the path.
 */
function disruptive(command: Command): boolean {
  return command.type === 'resize' || command.type === 'remove' || command.type === 'disconnect';
}

export function troubleSpots(
  minutes: readonly MinuteFigures[],
  objective: number,
  incidents: ReadonlyArray<{ id: number; startTick: number; endTick: number | null; recoveredTick: number | null }>,
  commands: ReadonlyArray<{ tick: number; player: string; command: Command; ok: boolean }>,
): TroubleSpot[] {
  const stretches: Array<[number, number]> = [];
  minutes.forEach((minute, tick) => {
    if (!(minute.availability < objective) || minute.requestsPerSecond <= 0) return;
    const last = stretches[stretches.length - 1];
    if (last !== undefined && tick - last[1] <= MERGE_GAP) last[1] = tick;
    else stretches.push([tick, tick]);
  });
  const spots = stretches.map(([from, to]): TroubleSpot => {
    let lost = 0;
    let worst = from;
    for (let tick = from; tick <= to; tick++) {
      const m = minutes[tick]!;
      lost += m.requestsPerSecond * 60 * Math.max(0, 1 - m.availability);
      if (m.availability < minutes[worst]!.availability) worst = tick;
    }
    const w = minutes[worst]!;
    return {
      fromTick: from,
      toTick: to,
      lostRequests: lost,
      worstTick: worst,
      worstAvailability: w.availability,
      worstErrorRate: w.errorRate,
      worstP95LatencyMs: w.p95LatencyMs,
      busiest: w.busiest,
      incidents: incidents
        .filter((i) => i.startTick <= to && (i.recoveredTick ?? i.endTick ?? Number.MAX_SAFE_INTEGER) >= from)
        .map((i) => i.id),
      disruptions: commands
        .filter((c) => c.ok && disruptive(c.command) && c.tick >= from - LEAD_TICKS && c.tick <= to)
        .map(({ tick, player, command }) => ({ tick, player, command })),
    };
  });
  return spots.sort((a, b) => b.lostRequests - a.lostRequests || a.fromTick - b.fromTick).slice(0, SPOTS);
}
