/**
 * The browser's GameClient against the real server (the SDK runs in Node as in the browser):
 * a second game started from the same page begins with empty charts and its own command
 * numbering, and nothing of the first game is sent to it; a second tab of the same browser takes
 * the seat over with the seat token the first kept, and the first tab stops without fighting back.
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

  it('a second tab takes the seat over with the kept seat token; the first says why and does not rejoin', { timeout: 20_000 }, async () => {
    const url = harness.server.url.replace('localhost', '127.0.0.1');
    const storage = memoryStorage();
    const firstTab = new GameClient(url, storage);
    await firstTab.startSolo();
    const code = firstTab.code as string;
    await until(() => firstTab.status.get() === 'online', 5000, 'the first tab online');
    const seatId = () => firstTab.game.get()?.seats[0]?.seatId;

    const secondTab = new GameClient(url, storage);
    await secondTab.join(code);
    await until(() => firstTab.status.get() === 'offline', 5000, 'the first tab to stop');
    expect(firstTab.notices.get().map((notice) => notice.key)).toContain('reasons.seat-taken-over');
    await until(() => secondTab.status.get() === 'online', 5000, 'the second tab online');
    await until(() => secondTab.game.get()?.me.team === 'solo', 5000, 'the second tab in team solo');
    expect(secondTab.game.get()?.seats.map((seat) => seat.seatId)).toEqual([seatId()]);
    // The first tab stays out: it does not rejoin and take the seat back.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(firstTab.status.get()).toBe('offline');
    expect(secondTab.status.get()).toBe('online');

    // Another browser (no token), same player id: refused, with a reason the UI translates.
    const otherBrowser = memoryStorage();
    otherBrowser.setItem('scale-up:player-id', storage.getItem('scale-up:player-id') as string);
    const other = new GameClient(url, otherBrowser);
    await expect(other.join(code)).rejects.toThrow('seat-taken');
    expect(other.notices.get().map((notice) => notice.key)).toEqual(['reasons.seat-taken']);
    await secondTab.leave();
  });
});
