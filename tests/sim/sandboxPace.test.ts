/**
 * The sandbox's pace as a newcomer meets it: the room opens at the scenario's start speed (one
 * tick is one simulated minute; at speed s a tick takes 1/s real seconds), and growth alone must
 * bring the first trouble within a few real minutes, then keep pressing. Random incidents and
 * crashes are switched off here so that the pace measured is the growth's own; with them on,
 * trouble can only come sooner.
 */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../shared/scenarios';
import { complaintsOf, createSim, step, TICKS_PER_DAY, type Scenario, type SimState } from '../../shared/sim';

const sandbox = loadPreset('sandbox');
const speed = sandbox.startSpeed ?? 1;
const quiet: Scenario = {
  ...sandbox,
  mtbfTicks: Object.fromEntries(Object.keys(sandbox.mtbfTicks).map((kind) => [kind, 0])) as Scenario['mtbfTicks'],
  randomIncidentsPerDay: {},
};

/** Real seconds a player waits for `ticks` ticks at the sandbox's start speed. */
const realSeconds = (ticks: number): number => ticks / speed;

interface Milestones {
  firstComplaint: number | null;
  saturated: number | null;
}

/** Plays the quiet sandbox without a command and notes when users first complain and when the one server saturates. */
function playAlone(seed: number, ticks: number): Milestones {
  const state: SimState = createSim(quiet, seed);
  const found: Milestones = { firstComplaint: null, saturated: null };
  while (state.tick < ticks && (found.firstComplaint === null || found.saturated === null)) {
    step(state);
    if (found.firstComplaint === null && complaintsOf(state) !== 'none') found.firstComplaint = state.tick;
    if (found.saturated === null && state.components[0]!.figures.utilisation >= 0.9) found.saturated = state.tick;
  }
  return found;
}

describe('the sandbox pace', () => {
  it('opens faster than one simulated minute a second: a simulated day passes in a few real minutes', () => {
    expect(speed).toBeGreaterThan(1);
    const minutesPerDay = realSeconds(TICKS_PER_DAY) / 60;
    expect(minutesPerDay).toBeGreaterThanOrEqual(2);
    expect(minutesPerDay).toBeLessThanOrEqual(6);
  });

  // Without incidents or crashes nothing random is left, so one seed stands for all.
  it('users first complain within 2–5 real minutes, and the one server saturates within 8', () => {
    const { firstComplaint, saturated } = playAlone(1, 4 * TICKS_PER_DAY);
    expect(firstComplaint).not.toBeNull();
    expect(realSeconds(firstComplaint!)).toBeGreaterThanOrEqual(2 * 60);
    expect(realSeconds(firstComplaint!)).toBeLessThanOrEqual(5 * 60);
    expect(saturated).not.toBeNull();
    expect(realSeconds(saturated!)).toBeLessThanOrEqual(8 * 60);
  });
});
