/**
 * Incidents a workshop's instructor injects: a command in the log (so a replay meets it at the
 * same tick) that starts the incident now, exactly as the scenario would have scripted it there,
 * checked against the team's system like any command. Only the server logs it; a player's command
 * message cannot carry it.
 */
import { describe, expect, it } from 'vitest';
import { commandSchema, playerCommandSchema } from '../../../shared/protocol/commands';
import { commandMessageSchema } from '../../../shared/protocol/messages';
import { executeCommand, hashState, type Command } from '../../../shared/sim';
import { Driver } from '../../helpers/driver';
import { staticPool } from '../../helpers/scenarios';

const RPS = 100;

/** What the sim answers a command now, without applying it (as the server checks before logging). */
const check = (sim: Driver, command: Command) => executeCommand(sim.state, command, false);

describe('an injected incident', () => {
  it('has the effect the same incident scripted at that tick has, and is marked as injected', () => {
    const spike = { type: 'trafficSpike' as const, magnitude: 3, durationTicks: 20 };
    const scripted = new Driver(staticPool(2, RPS, { incidents: [{ tick: 5, ...spike }] }));
    const injected = new Driver(staticPool(2, RPS));
    scripted.run(5);
    injected.run(5);
    expect(injected.send({ type: 'inject', incident: spike })[0]).toMatchObject({ ok: true });
    scripted.run(1);
    for (let tick = 0; tick < 25; tick++) {
      // The same demand and the same service, tick by tick: three times the traffic for 20 minutes.
      expect(injected.state.summary).toEqual(scripted.state.summary);
      injected.run(1);
      scripted.run(1);
    }
    expect(injected.state.incidents).toEqual([{ ...scripted.state.incidents[0], origin: 'injected' }]);
    expect(scripted.state.incidents[0]).toMatchObject({ type: 'trafficSpike', startTick: 5, magnitude: 3, origin: 'scripted' });
  });

  it('crashes the instance it names, or the first serving one of its kind', () => {
    const sim = new Driver(staticPool(2, RPS));
    sim.run(2);
    expect(sim.send({ type: 'inject', incident: { type: 'serverCrash' } })[0]).toMatchObject({ ok: true });
    expect(sim.state.incidents[0]).toMatchObject({ type: 'serverCrash', target: 'web-2', origin: 'injected' });
    expect(sim.component('web-2').down).toBe(1);
  });

  it('is refused when the system cannot have it, and then changes nothing', () => {
    const sim = new Driver(staticPool(1, RPS));
    sim.run(2);
    const before = hashState(sim.state);
    expect(check(sim, { type: 'inject', incident: { type: 'serverCrash', target: 'web-9' } })).toMatchObject({
      ok: false,
      reason: 'unknown-component',
    });
    expect(check(sim, { type: 'inject', incident: { type: 'dataCenterOutage', region: 'mars' } })).toMatchObject({
      ok: false,
      reason: 'unknown-region',
    });
    // No database in this system: a primary failure has nothing to fail.
    expect(check(sim, { type: 'inject', incident: { type: 'dbPrimaryFailure' } })).toMatchObject({ ok: false, reason: 'no-target' });
    expect(check(sim, { type: 'inject', incident: { type: 'shardFull' } })).toMatchObject({ ok: false, reason: 'invalid-setting' });
    expect(hashState(sim.state)).toBe(before);
  });

  it('is a log entry the server writes: a command log may hold it, a player may not send it', () => {
    const command = { type: 'inject', incident: { type: 'badDeploy', magnitude: 0.3, durationTicks: 60 } };
    expect(commandSchema.safeParse(command).success).toBe(true);
    expect(playerCommandSchema.safeParse(command).success).toBe(false);
    expect(commandMessageSchema.safeParse({ seq: 0, command }).success).toBe(false);
    // Bounded like everything a client sends: no day-long outage, no thousand-fold spike.
    expect(commandSchema.safeParse({ type: 'inject', incident: { type: 'trafficSpike', durationTicks: 5000 } }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'inject', incident: { type: 'trafficSpike', magnitude: 1000 } }).success).toBe(false);
    // Each type's strength in its own terms: a bad deploy fails at most every request; a crash has none.
    expect(commandSchema.safeParse({ type: 'inject', incident: { type: 'badDeploy', magnitude: 600 } }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'inject', incident: { type: 'serverCrash', magnitude: 2 } }).success).toBe(false);
    expect(commandSchema.safeParse({ type: 'inject', incident: { type: 'trafficSpike', magnitude: 10 } }).success).toBe(true);
  });
});
