/**
 * "What if" through a real room and its worker threads: the answer is the pure forecast of the
 * team's state at the moment of asking (tests/forecast checks that against the actual future),
 * with the team's fog of war; only a team's player may ask, at a limited rate, newest first.
 */
import type { Room as ClientRoom } from '@colyseus/sdk';
import { describe, expect, it } from 'vitest';
import { prepareChange, runFuture, withoutDice } from '../../shared/forecast/forecast';
import type { ForecastAnswer } from '../../shared/protocol/forecast';
import type { ErrorMessage } from '../../shared/protocol/messages';
import { cloneState } from '../../shared/sim';
import { collect, newPlayerId, nextMessage, simsOf, until, useHarness } from './harness';

const h = useHarness();

async function pausedSolo(): Promise<{ client: ClientRoom; team: string; sims: ReturnType<typeof simsOf> }> {
  const client = await h.colyseus.sdk.create('game', { mode: 'solo', scenario: 'sandbox', playerId: newPlayerId(), seed: 11 });
  const sims = simsOf(h.colyseus.getRoomById(client.roomId));
  const team = sims.teamIds[0]!;
  client.send('control', { action: 'start' });
  await until(() => sims.tick >= 20, 5000, 'twenty ticks');
  client.send('control', { action: 'pause' });
  await until(() => (client.state as { clock: { paused: boolean } }).clock.paused, 3000, 'the pause');
  return { client, team, sims };
}

describe('forecasts in a room', () => {
  it('answers with the forecast of the team state as it was asked, fogged as the team sees when it asks', async () => {
    const { client, team, sims } = await pausedSolo();
    const asked = cloneState(sims.state(team));
    const change = [{ type: 'buyFeature' as const, feature: 'aggregatedMetrics' as const }];
    const answer = nextMessage<ForecastAnswer>(client, 'forecast', 10_000);
    client.send('forecast', { id: 7, ticks: 240, change });
    const got = await answer;

    expect(got.id).toBe(7);
    expect(got.fromTick).toBe(asked.tick);
    expect(got.every).toBe(2);
    expect(got.base).toEqual(runFuture(withoutDice(asked), 240));
    const prepared = prepareChange(withoutDice(asked), change, { team, player: 'any' });
    expect(got.changed).toEqual(runFuture(withoutDice(asked), 240, prepared.entries));
    // No aggregated metrics yet: neither future shows availability, not even the one that buys them.
    expect(got.base.availability).toBeNull();
    expect(got.changed.availability).toBeNull();
    expect(got.changed.money.at(-1)).toBeLessThan(got.base.money.at(-1)!);
    expect(got.refused).toEqual([]);
    await client.leave();
  });

  it('refuses malformed requests and an instructor; limits the rate; answers only the newest waiting', async () => {
    const { client } = await pausedSolo();
    const errors = collect<ErrorMessage>(client, 'error');
    const answers = collect<ForecastAnswer>(client, 'forecast');
    client.send('forecast', { id: 1, ticks: 10_000, change: [{ type: 'buyFeature', feature: 'alerts' }] });
    await until(() => errors.length === 1, 3000, 'the malformed refusal');
    expect(errors[0]).toMatchObject({ type: 'forecast', reason: 'malformed' });

    // Two more within the burst of three: the first runs, the second waits; then the burst is spent.
    for (const id of [2, 3]) client.send('forecast', { id, ticks: 600, change: [{ type: 'buyFeature', feature: 'alerts' }] });
    client.send('forecast', { id: 4, ticks: 600, change: [{ type: 'buyFeature', feature: 'alerts' }] });
    await until(() => errors.length === 2, 3000, 'the rate limit');
    expect(errors[1]).toMatchObject({ type: 'forecast', reason: 'rate-limited' });
    await until(() => answers.length === 2, 15_000, 'two answers');
    expect(answers.map((answer) => answer.id)).toEqual([2, 3]);

    // A workshop's instructor has no team of its own to forecast.
    const instructor = await h.colyseus.sdk.create('game', {
      mode: 'workshop',
      role: 'instructor',
      playerId: newPlayerId(),
      teams: ['t1'],
    });
    const refused = nextMessage<ErrorMessage>(instructor, 'error');
    instructor.send('forecast', { id: 1, ticks: 60, change: [{ type: 'buyFeature', feature: 'alerts' }] });
    expect(await refused).toMatchObject({ type: 'forecast', reason: 'not-allowed' });
    await instructor.leave();
    await client.leave();
  });

  it('answers "not running" once the game is over', async () => {
    const { client } = await pausedSolo();
    client.send('control', { action: 'end' });
    await until(() => (client.state as { clock: { phase: string } }).clock.phase === 'finished', 5000, 'the end');
    const refused = nextMessage<ErrorMessage>(client, 'error');
    client.send('forecast', { id: 1, ticks: 60, change: [{ type: 'buyFeature', feature: 'alerts' }] });
    expect(await refused).toMatchObject({ type: 'forecast', reason: 'not-running' });
    await client.leave();
  });
});
