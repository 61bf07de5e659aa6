/**
 * The browser's GameClient against the real server (the SDK runs in Node as in the browser):
 * a second game started from the same page begins with empty charts and its own command
 * numbering, and nothing of the first game is sent to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GameClient } from '../../client/net/gameClient';
import { startHarness, until, type Harness } from '../server/harness';

/** localStorage as the browser has it, in memory. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe('GameClient across two games', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('starts the next game with empty charts and no commands of the last one', { timeout: 20_000 }, async () => {
    const client = new GameClient(harness.server.url.replace('localhost', '127.0.0.1'), memoryStorage());
    await client.startSolo();
    const firstCode = client.code;
    const team = () => client.game.get()?.me.team ?? '';
    const points = () => client.history.get()[team()] ?? [];
    await until(() => points().length >= 40, 10_000, 'forty chart points in the first game');
    expect(client.send({ type: 'buy', kind: 'web', region: 'ap' })).toBe(0);
    const lastTickOfFirst = points().at(-1)!.tick;
    await client.leave();

    await client.startSolo();
    expect(client.code).not.toBe(firstCode);
    const tickNow = () => client.game.get()?.clock.tick ?? -1;
    await until(() => client.game.get()?.code === client.code && tickNow() >= 2, 10_000, 'the second game running');
    // Only the new game's points: none from beyond its own clock (the old game ran to tick 40+).
    expect(lastTickOfFirst).toBeGreaterThan(tickNow() + 10);
    expect(points().length).toBeGreaterThan(0);
    expect(points().every((p) => p.tick <= tickNow())).toBe(true);
    // The new seat numbers its commands afresh (the server's welcome says 0 for a new seat).
    const seq = client.send({ type: 'buy', kind: 'web', region: 'ap' });
    expect(seq).toBe(0);
    await client.leave();
  });
});
