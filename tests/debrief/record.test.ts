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
    expect(story.losses.failedRequests).toBeCloseTo(at(recovered + 1) - at(30), 6);
    expect(story.actions.map((a) => a.command.type)).toEqual(['restart']);
  });

  it('with the alerts feature the team is paged at the start', () => {
    const withAlerts = [entry(0, 1, { type: 'buyFeature', feature: 'alerts' }), ...log];
    const story = recordGame(scenario, 3, withAlerts, 'solo', 120).incidents[0]!;
    expect(story.detected).toEqual({ tick: 30, by: 'alerts' });
  });
});
