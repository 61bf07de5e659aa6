/**
 * The browser's GameClient against the real server (the SDK runs in Node as in the browser):
 * a second game started from the same page begins with empty charts and its own command
 * numbering, and nothing of the first game is sent to it; a second tab of the same browser takes
 * the seat over with the seat token the first kept, and the first tab stops without fighting back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GameClient } from '../../client/net/gameClient';
import { memoryStorage } from '../helpers/memoryStorage';
import { startHarness, until, type Harness } from '../server/harness';

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

    // While paused, the first order says once that orders wait for the clock; after a resume, again.
    const waiting = () => client.notices.get().filter((notice) => notice.key === 'net.queuedWhilePaused').length;
    client.control({ action: 'pause' });
    await until(() => client.game.get()?.clock.paused === true, 5000, 'the pause');
    client.send({ type: 'buy', kind: 'db', region: 'ap' });
    client.send({ type: 'buy', kind: 'cache', region: 'ap' });
    expect(waiting()).toBe(1);
    client.control({ action: 'resume' });
    await until(() => client.game.get()?.clock.paused === false, 5000, 'the resume');
    client.control({ action: 'pause' });
    await until(() => client.game.get()?.clock.paused === true, 5000, 'the second pause');
    client.send({ type: 'buyFeature', feature: 'alerts' });
    expect(waiting()).toBe(2);
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
    await until(() => firstTab.status.get() === 'replaced', 5000, 'the first tab to stop');
    expect(firstTab.notices.get().map((notice) => notice.key)).toContain('reasons.seat-taken-over');
    await until(() => secondTab.status.get() === 'online', 5000, 'the second tab online');
    await until(() => secondTab.game.get()?.me.team === 'solo', 5000, 'the second tab in team solo');
    expect(secondTab.game.get()?.seats.map((seat) => seat.seatId)).toEqual([seatId()]);
    // The first tab stays out: it does not rejoin and take the seat back.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(firstTab.status.get()).toBe('replaced');
    expect(secondTab.status.get()).toBe('online');

    // Another browser (no token), same player id: refused, with a reason the UI translates.
    const otherBrowser = memoryStorage();
    otherBrowser.setItem('scale-up:player-id', storage.getItem('scale-up:player-id') as string);
    const other = new GameClient(url, otherBrowser);
    await expect(other.join(code)).rejects.toThrow('seat-taken');
    expect(other.notices.get().map((notice) => notice.key)).toEqual(['reasons.seat-taken']);
    // The refusal does not linger over the next game that browser starts.
    await other.startSolo();
    expect(other.notices.get()).toEqual([]);
    await other.leave();
    await secondTab.leave();
  });

  it("a reload goes back to the game with its charts; a code that is not this player's is not resumed", { timeout: 20_000 }, async () => {
    const url = harness.server.url.replace('localhost', '127.0.0.1');
    const storage = memoryStorage();
    const before = new GameClient(url, storage);
    await before.startSolo();
    const code = before.code as string;
    const chartOf = (client: GameClient) => client.history.get().solo ?? [];
    await until(() => chartOf(before).length >= 30, 10_000, 'thirty chart points');
    const seatBefore = before.game.get()?.seats[0]?.seatId;
    // The page goes away without leaving (a reload, a closed tab): its socket closes and nothing
    // of it runs any more (it would otherwise try to rejoin).
    (before as unknown as { leaving: boolean }).leaving = true;
    before.dropConnection();

    const after = new GameClient(url, storage);
    expect(after.lastGame()).toBe(code);
    expect(await after.resumeLastGame()).toBe(true);
    await until(() => after.status.get() === 'online' && after.game.get()?.seats[0]?.seatId === seatBefore, 5000, 'back in the same seat');
    // The charts come back from the room: the points from before the reload, not only new ones.
    await until(() => chartOf(after).length >= 30, 5000, 'the chart history from the room');
    expect(chartOf(after)[0]!.tick).toBeLessThanOrEqual(1);
    const ticks = chartOf(after).map((point) => point.tick);
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
    expect(new Set(ticks).size).toBe(ticks.length);
    // The room's points are the team's own view: no availability without the monitoring for it.
    expect(chartOf(after).every((point) => point.availability === null)).toBe(true);
    await after.leave();
    expect(after.lastGame()).toBeNull();

    // Another browser that stored this code (its game ended and the code went to someone else's
    // room, say) is not seated in it by a resume, and is told nothing.
    const stranger = memoryStorage();
    stranger.setItem('scale-up:last-game', code);
    const host = new GameClient(url, memoryStorage());
    await host.startSolo();
    stranger.setItem('scale-up:last-game', host.code as string);
    const other = new GameClient(url, stranger);
    expect(await other.resumeLastGame()).toBe(false);
    expect(other.notices.get()).toEqual([]);
    expect(other.lastGame()).toBeNull();
    expect(host.game.get()?.seats).toHaveLength(1);
    await host.leave();
  });
});
