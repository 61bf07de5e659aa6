/**
 * The debrief's re-run of a game: it reaches the state the game ended in (same hash as a plain
 * replay), applies only its own team's commands, and tells each incident's story from the
 * simulation's records: when it started, when the team could first see it (its alerts, or else
 * its users' complaints), the worst minute, the losses in between, and what the team did.
 */
import { describe, expect, it } from 'vitest';
import { recordGame } from '../../shared/debrief/record';
import { hashState, replay, type Command, type CommandEntry } from '../../shared/sim';
import { constantScenario } from '../helpers/scenarios';

/** The balanced pair of web servers, one of which crashes at tick 30; no health checks. */
const scenario = constantScenario({ incidents: [{ tick: 30, type: 'serverCrash', target: 'web-2' }] });

const entry = (tick: number, seq: number, command: Command, team = 'solo'): CommandEntry => ({
  tick,
  team,
  player: 'seat-a',
  seq,
  command,
});

describe('recordGame', () => {
  const log = [entry(45, 0, { type: 'restart', id: 'web-2' }), entry(10, 0, { type: 'buy', kind: 'web', region: 'ap' }, 'rival')];

  it('ends in the state a replay of the same team reaches, with a timeline and the commands', () => {
    const record = recordGame(scenario, 3, log, 'solo', 120);
    const own = log.filter((e) => e.team === 'solo');
    expect(hashState(record.final)).toBe(hashState(replay(scenario, 3, own, 120)));
    expect(record.endTick).toBe(120);
    expect(record.timeline).toHaveLength(120);
    expect(record.timeline.at(-1)!.tick).toBe(119);
    expect(record.commands).toEqual([
      { tick: 45, player: 'seat-a', seq: 0, command: { type: 'restart', id: 'web-2' }, ok: true, reason: null },
    ]);
  });

  it("tells the crash's story: detected by complaints without alerts, the worst minute, the failed requests, the restart", () => {
    const record = recordGame(scenario, 3, log, 'solo', 120);
    expect(record.incidents).toHaveLength(1);
    const story = record.incidents[0]!;
    expect(story.incident).toMatchObject({ type: 'serverCrash', target: 'web-2', startTick: 30 });
    expect(story.detected).toEqual({ tick: 30, by: 'complaints' });
    // Half the balancer's targets are dead and still get their share: about half the requests fail.
    expect(story.worstErrorRate).toBeGreaterThan(0.4);
    expect(story.worstErrorRate).toBeLessThan(0.6);
    expect(story.worstAvailability).toBeLessThan(0.6);
    const recovered = story.incident.recoveredTick!;
    expect(recovered).toBeGreaterThan(45);
    expect(story.untilTick).toBe(recovered);
    // The failed requests of the stretch are the totals' difference, counted by the sim per minute.
    const at = (tick: number) => replay(scenario, 3, [log[0]!], tick).totals.failedRequests;
    // The failed requests of the stretch: those of the minutes from the crash through the recovery.
    expect(story.losses.failedRequests).toBeCloseTo(at(recovered + 1) - at(30), 6);
    expect(story.actions.map((a) => a.command.type)).toEqual(['restart']);
    // The stretch runs from the crash's minute through the minute service was back, both counted.
    expect(story.worstAvailability).toBe(Math.min(...record.timeline.slice(30, recovered + 1).map((p) => p.availability)));
  });

  it('with the alerts feature the team is paged at the start', () => {
    const withAlerts = [entry(0, 1, { type: 'buyFeature', feature: 'alerts' }), ...log];
    const story = recordGame(scenario, 3, withAlerts, 'solo', 120).incidents[0]!;
    expect(story.detected).toEqual({ tick: 30, by: 'alerts' });
  });

  it('does not credit an incident with a sign that came after service was back', () => {
    // Health checks absorb the crash; a traffic spike an hour later makes users complain.
    const absorbed = constantScenario({
      incidents: [
        { tick: 30, type: 'serverCrash', target: 'web-2' },
        { tick: 90, type: 'trafficSpike', magnitude: 3, durationTicks: 30 },
      ],
    });
    const checks = [entry(0, 0, { type: 'configure', id: 'lb-1', healthChecks: true })];
    const [crash, spike] = recordGame(absorbed, 3, checks, 'solo', 200).incidents;
    expect(crash!.incident.recoveredTick).toBeLessThan(90);
    expect(crash!.detected).toBeNull();
    expect(crash!.worstErrorRate).toBe(0);
    expect(spike!.detected).toEqual({ tick: 90, by: 'complaints' });
  });

  it('does not credit an incident with complaints that were as loud before it began', () => {
    // Ten times the load the pool can carry: users are outraged from the first minute, and a dead
    // database primary cannot make them louder. Without alerts, nothing new reaches the team.
    const overloaded = constantScenario({
      traffic: { mode: 'constant', requestsPerSecond: 2000 },
      incidents: [{ tick: 30, type: 'serverCrash', target: 'db-3' }],
    });
    const record = recordGame(overloaded, 3, [], 'solo', 60);
    expect(record.timeline[29]!.errorRate).toBeGreaterThan(0.2);
    expect(record.incidents[0]!.detected).toBeNull();
  });
});
