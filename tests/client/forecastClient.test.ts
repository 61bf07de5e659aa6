/**
 * GameClient's "what if" against the real server: an answer comes back to the question that asked
 * it, a newer question replaces one still waiting, the room's refusals (its rate limit, a game
 * that is over) come back as the forecast's failure and not as a notice, and `sendAndWait` hands
 * back the id a buy really created.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GameClient } from '../../client/net/gameClient';
import { memoryStorage } from '../helpers/memoryStorage';
import { purchasePrice } from '../../shared/sim';
import { startHarness, until, type Harness } from '../server/harness';

describe('GameClient forecasts', () => {
  let harness: Harness;
  const url = () => harness.server.url.replace('localhost', '127.0.0.1');

  async function soloGame(): Promise<GameClient> {
    const client = new GameClient(url(), memoryStorage());
    await client.startSolo();
    await until(() => client.status.get() === 'online' && (client.game.get()?.clock.tick ?? 0) > 2, 10_000, 'a running solo game');
    return client;
  }

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('answers the question asked, with the buy made in the changed future only', { timeout: 30_000 }, async () => {
    const client = await soloGame();
    const reply = await client.forecast(120, [{ type: 'buy', kind: 'cache', region: 'ap' }]);
    expect(reply.kind).toBe('answer');
    if (reply.kind !== 'answer') return;
    const { answer } = reply;
    expect(answer.created).toHaveLength(1);
    expect(answer.created[0]).toMatch(/^cache-\d+$/);
    expect(answer.refused).toEqual([]);
    expect(answer.base.ticks.at(-1)).toBe(answer.fromTick + 120);
    // The cache costs its price at once (and its running cost after): the changed future is poorer by at least that.
    const price = purchasePrice('cache', 'small', 1);
    expect(answer.base.money[0]! - answer.changed.money[0]!).toBeGreaterThanOrEqual(price);
    // A new sandbox has no aggregated metrics: availability and latency are hidden.
    expect(answer.changed.availability).toBeNull();
    expect(answer.changed.p95LatencyMs).toBeNull();
    expect(client.notices.get()).toEqual([]);
    await client.leave();
  });

  it('lets a newer question replace one still waiting', { timeout: 30_000 }, async () => {
    const client = await soloGame();
    const first = client.forecast(600, [{ type: 'buy', kind: 'web', region: 'ap' }]);
    const second = client.forecast(120, [{ type: 'buy', kind: 'db', region: 'ap' }]);
    expect(await first).toEqual({ kind: 'superseded' });
    const reply = await second;
    expect(reply.kind).toBe('answer');
    if (reply.kind === 'answer') {
      expect(reply.answer.created[0]).toMatch(/^db-\d+$/);
      expect(reply.answer.base.ticks.at(-1)).toBe(reply.answer.fromTick + 120);
    }
    await client.leave();
  });

  it('hears the room’s rate limit as the forecast’s failure, not as a notice', { timeout: 30_000 }, async () => {
    const client = await soloGame();
    const change = [{ type: 'buy', kind: 'web', region: 'ap' }] as const;
    // A burst of three is allowed; the fourth at once is over the limit.
    void client.forecast(30, [...change]);
    void client.forecast(30, [...change]);
    void client.forecast(30, [...change]);
    expect(await client.forecast(30, [...change])).toEqual({ kind: 'failed', reason: 'rate-limited' });
    expect(client.notices.get().filter((notice) => notice.kind === 'error')).toEqual([]);
    await client.leave();
  });

  it('hands back the id a buy created, and says a finished game makes no forecasts', { timeout: 30_000 }, async () => {
    const client = await soloGame();
    const outcome = await client.sendAndWait({ type: 'buy', kind: 'web', region: 'ap' });
    expect(outcome?.ok).toBe(true);
    const created = outcome?.createdId ?? '';
    expect(created).toMatch(/^web-\d+$/);
    await until(() => client.game.get()?.teams.solo?.components.some((c) => c.id === created) === true, 5000, 'the new web server');
    client.control({ action: 'end' });
    await until(() => client.game.get()?.clock.phase === 'finished', 5000, 'the end of the game');
    expect(await client.forecast(60, [{ type: 'scale', id: created, count: 2 }])).toEqual({ kind: 'failed', reason: 'not-running' });
    await client.leave();
  });
});
