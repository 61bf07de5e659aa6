/**
 * The game room over a real WebSocket with the real @colyseus/sdk: joining, commands and their
 * acknowledgements, the per-team views (fog of war), same-seed teams, seats and reconnection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room as ClientRoom } from '@colyseus/sdk';
import type { AckMessage, ErrorMessage, OutcomeMessage, WelcomeMessage } from '../../shared/protocol/messages';
import type { GameState } from '../../shared/schema/gameState';
import type { GameRoom } from '../../server/rooms/GameRoom';
import { loadPreset } from '../../shared/scenarios';
import { newPlayerId, nextMessage, readyAndStart, simsOf, startHarness, until, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

type Client = ClientRoom<unknown, GameState>;

async function create(options: Record<string, unknown>): Promise<{ client: Client; room: GameRoom; welcome: WelcomeMessage }> {
  const client = (await h.colyseus.sdk.create('game', options)) as Client;
  const welcome = await nextMessage<WelcomeMessage>(client, 'welcome');
  return { client, room: h.colyseus.getRoomById<GameRoom>(client.roomId), welcome };
}

async function join(code: string, options: Record<string, unknown>): Promise<{ client: Client; welcome: WelcomeMessage }> {
  const client = (await h.colyseus.sdk.joinById(code, options)) as Client;
  return { client, welcome: await nextMessage<WelcomeMessage>(client, 'welcome') };
}

describe('a solo game', () => {
  it('gives the player a 6-character code, the captain seat of team solo, a stored profile and a running clock', async () => {
    const playerId = newPlayerId();
    const { client, room, welcome } = await create({ mode: 'solo', playerId, name: 'Ann' });
    expect(client.roomId).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(welcome).toMatchObject({ code: client.roomId, mode: 'solo', team: 'solo', role: 'captain', nextSeq: 0 });
    expect(await h.server.store.getProfile(playerId)).toMatchObject({ id: playerId, name: 'Ann' });
    const startTick = simsOf(room).tick;
    await until(() => client.state.clock.tick >= startTick + 3, 3000, 'ticks');
    expect(client.state.clock.phase).toBe('running');
    await client.leave();
  });

  it('acknowledges a command once logged, applies it at the stamped tick, and shows the result', async () => {
    const { client, room } = await create({ mode: 'solo', playerId: newPlayerId() });
    const team = () => client.state.teams.get('solo');
    await until(() => team() !== undefined, 3000, 'team view');
    const moneyBefore = simsOf(room).state('solo').money;
    const ack = nextMessage<AckMessage>(client, 'ack');
    const outcome = nextMessage<OutcomeMessage>(client, 'outcome');
    client.send('command', { seq: 0, command: { type: 'buy', kind: 'cache', region: 'ap', size: 'small' } });
    const acked = await ack;
    const done = await outcome;
    expect(acked.seq).toBe(0);
    expect(done).toMatchObject({ seq: 0, tick: acked.tick, ok: true, reason: null });
    expect(done.createdId).toMatch(/^cache-\d+$/);
    await until(() => team()?.components.has(done.createdId as string) === true, 3000, 'the new cache in the view');
    expect(simsOf(room).state('solo').money).toBeLessThan(moneyBefore);
    const log = await h.server.store.listCommands((room as unknown as { record: { id: string } }).record.id);
    expect(log).toEqual([
      expect.objectContaining({ tick: acked.tick, team: 'solo', seq: 0, command: expect.objectContaining({ kind: 'cache' }) }),
    ]);
    await client.leave();
  });

  it('sends the collections inside components bought later (targets, figures, tiers) to the client', async () => {
    const { client } = await create({ mode: 'solo', playerId: newPlayerId() });
    const outcome = async (seq: number, command: object) => {
      const done = nextMessage<OutcomeMessage>(client, 'outcome');
      client.send('command', { seq, command });
      const result = await done;
      expect(result.ok).toBe(true);
      return result;
    };
    await outcome(0, { type: 'buyFeature', feature: 'hostMetrics' });
    await outcome(1, { type: 'buyFeature', feature: 'aggregatedMetrics' });
    const db = (await outcome(2, { type: 'buy', kind: 'db', region: 'ap', size: 'small', engine: 'rdbms' })).createdId as string;
    const web = (await outcome(3, { type: 'buy', kind: 'web', region: 'ap', size: 'small' })).createdId as string;
    await outcome(4, { type: 'connect', from: web, to: db });
    const team = () => client.state.teams.get('solo');
    await until(() => [...(team()?.components.get(web)?.targets ?? [])].includes(db), 3000, 'the new connection in the client view');
    await until(() => team()?.components.get(db)?.metrics !== undefined, 3000, 'figures of the new database');
    await until(() => (team()?.aggregated?.tiers.length ?? 0) > 0 && team()?.aggregated?.tiers[0]?.tier !== '', 3000, 'tier figures');
    await client.leave();
  });

  it("applies every acknowledged command, even when ticks run faster than the room's own clock", { timeout: 20_000 }, async () => {
    // At 8× with 20 ms ticks the interval (2.5 ms) is shorter than Colyseus's 16.7 ms room clock,
    // and a control message's patch can start a tick in the middle of a command's intake.
    const { client } = await create({ mode: 'solo', playerId: newPlayerId() });
    const acks: AckMessage[] = [];
    const outcomes: OutcomeMessage[] = [];
    client.onMessage('ack', (m: AckMessage) => acks.push(m));
    client.onMessage('outcome', (m: OutcomeMessage) => outcomes.push(m));
    // Ten pairs (within the rate limit's burst), each control and command back to back.
    for (let seq = 0; seq < 10; seq++) {
      client.send('control', { action: 'speed', speed: seq % 2 === 0 ? 8 : 4 });
      client.send('command', { seq, command: { type: seq % 2 === 0 ? 'buyFeature' : 'dropFeature', feature: 'hostMetrics' } });
      await until(() => acks.length === seq + 1, 3000, `the ack of command ${seq}`);
      await until(() => outcomes.length === seq + 1, 3000, `the outcome of acknowledged command ${seq}`);
    }
    expect(outcomes.map((o) => o.seq)).toEqual(acks.map((a) => a.seq));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    await client.leave();
  });

  it("answers a command the sim refuses with the sim's reason, and logs nothing", async () => {
    const { client, room } = await create({ mode: 'solo', playerId: newPlayerId() });
    const error = nextMessage<ErrorMessage>(client, 'error');
    client.send('command', { seq: 0, command: { type: 'remove', id: 'web-99' } });
    expect(await error).toMatchObject({ reason: 'unknown-component', seq: 0, type: 'command' });
    expect(await h.server.store.listCommands((room as unknown as { record: { id: string } }).record.id)).toEqual([]);
    await client.leave();
  });

  it('applies a resent command (same sequence number) once', async () => {
    const { client, room } = await create({ mode: 'solo', playerId: newPlayerId() });
    const acks: AckMessage[] = [];
    client.onMessage('ack', (m: AckMessage) => acks.push(m));
    const command = { seq: 5, command: { type: 'buy', kind: 'web', region: 'ap', size: 'small' } };
    client.send('command', command);
    client.send('command', command);
    await until(() => acks.length === 2, 3000, 'two acks');
    await until(() => simsOf(room).tick > Math.max(...acks.map((a) => a.tick)), 3000, 'the tick to pass');
    expect(
      simsOf(room)
        .state('solo')
        .components.filter((c) => c.kind === 'web'),
    ).toHaveLength(2); // the preset's one + one bought
    await client.leave();
  });

  it('answers a burst beyond the rate limit with rate-limited, without disconnecting', async () => {
    const { client } = await create({ mode: 'solo', playerId: newPlayerId() });
    const errors: ErrorMessage[] = [];
    client.onMessage('error', (m: ErrorMessage) => errors.push(m));
    for (let seq = 0; seq < 40; seq++) client.send('command', { seq, command: { type: 'remove', id: 'web-99' } });
    await until(() => errors.length === 40, 3000, 'forty answers');
    const limited = errors.filter((e) => e.reason === 'rate-limited').length;
    // Burst 20 at 10/s: about 20 pass (refused by the sim as unknown-component), the rest wait.
    expect(limited).toBeGreaterThanOrEqual(15);
    expect(errors.filter((e) => e.reason === 'unknown-component').length).toBeGreaterThanOrEqual(20);
    expect(client.connection.isOpen).toBe(true);
    await client.leave();
  });

  it('pauses, resumes and changes speed for the solo player', async () => {
    const { client, room } = await create({ mode: 'solo', playerId: newPlayerId() });
    // A room opens at its scenario's pace: the sandbox's first day passes in three minutes.
    expect(client.state.clock.speed).toBe(loadPreset('sandbox').startSpeed);
    expect(client.state.clock.speed).toBe(8);
    client.send('control', { action: 'pause' });
    await until(() => client.state.clock.paused, 3000, 'pause');
    const paused = simsOf(room).tick;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(simsOf(room).tick).toBe(paused);
    client.send('control', { action: 'speed', speed: 4 });
    client.send('control', { action: 'resume' });
    await until(() => simsOf(room).tick > paused + 2, 3000, 'ticks after resume');
    expect(client.state.clock.speed).toBe(4);
    // The fastest speed: 32 ticks in the time one takes at 1×.
    client.send('control', { action: 'speed', speed: 32 });
    await until(() => client.state.clock.speed === 32, 3000, 'speed 32');
    await client.leave();
  });
});

describe('a match between two teams', () => {
  it('seats players on teams, hides the other team (fog of war) and gives both teams the same world', async () => {
    const host = await create({ mode: 'match', playerId: newPlayerId(), team: 'red', public: true });
    const code = host.client.roomId;
    const blue = await join(code, { playerId: newPlayerId(), team: 'blue' });
    const watcher = await join(code, { playerId: newPlayerId(), role: 'spectator' });
    expect(host.welcome).toMatchObject({ team: 'red', role: 'captain' });
    expect(blue.welcome).toMatchObject({ team: 'blue', role: 'captain' });
    expect(watcher.welcome).toMatchObject({ team: null, role: 'spectator' });

    // Before the start commands wait; a player may not pause a match.
    const notRunning = nextMessage<ErrorMessage>(host.client, 'error');
    host.client.send('command', { seq: 0, command: { type: 'buy', kind: 'cache', region: 'ap' } });
    expect((await notRunning).reason).toBe('not-running');
    const pause = nextMessage<ErrorMessage>(blue.client, 'error');
    blue.client.send('control', { action: 'pause' });
    expect((await pause).reason).toBe('not-allowed');

    // Only the host starts, and only once every player is ready.
    const early = nextMessage<ErrorMessage>(host.client, 'error');
    host.client.send('control', { action: 'start' });
    expect((await early).reason).toBe('not-ready');
    const notHost = nextMessage<ErrorMessage>(blue.client, 'error');
    blue.client.send('control', { action: 'start' });
    expect((await notHost).reason).toBe('not-allowed');
    await readyAndStart(host.client, [blue.client]);
    const bought = nextMessage<OutcomeMessage>(host.client, 'outcome');
    host.client.send('command', { seq: 1, command: { type: 'buy', kind: 'cache', region: 'ap', size: 'small' } });
    const cacheId = (await bought).createdId as string;

    await until(() => host.client.state.teams.get('red')?.components.has(cacheId) === true, 3000, 'red sees its cache');
    expect([...host.client.state.teams.keys()]).toEqual(['red']);
    expect([...blue.client.state.teams.keys()]).toEqual(['blue']);
    // A spectator (who could be a player under a second id) sees no team's system while the match runs.
    expect([...(watcher.client.state.teams?.keys() ?? [])]).toEqual([]);
    expect([...watcher.client.state.teamIds]).toEqual(['red', 'blue']);
    expect(blue.client.state.teams.get('blue')?.components.has(cacheId)).toBe(false);
    // Without monitoring a team sees its boxes but no figures on them.
    expect(host.client.state.teams.get('red')?.components.get(cacheId)?.metrics).toBeUndefined();

    // Same seed: the same world stream for both teams, whatever red bought.
    const sims = simsOf(h.colyseus.getRoomById<GameRoom>(code));
    expect(sims.state('red').rng.world).toEqual(sims.state('blue').rng.world);
    expect(sims.state('red').summary.offered).toEqual(sims.state('blue').summary.offered);

    // A command naming the other team is refused as such.
    const other = nextMessage<ErrorMessage>(host.client, 'error');
    host.client.send('command', { seq: 2, team: 'blue', command: { type: 'remove', id: 'web-1' } });
    expect((await other).reason).toBe('not-your-team');
    const spectating = nextMessage<ErrorMessage>(watcher.client, 'error');
    watcher.client.send('command', { seq: 0, command: { type: 'remove', id: 'web-1' } });
    expect((await spectating).reason).toBe('not-allowed');
    await Promise.all([host.client.leave(), blue.client.leave(), watcher.client.leave()]);
  });

  it('lists public matches in the lobby, not solo games', async () => {
    const match = await create({ mode: 'match', playerId: newPlayerId(), public: true });
    const solo = await create({ mode: 'solo', playerId: newPlayerId() });
    const { matchMaker } = await import('@colyseus/core');
    const listed = await matchMaker.query({ name: 'game', private: false });
    const codes = listed.map((room) => room.roomId);
    expect(codes).toContain(match.client.roomId);
    expect(codes).not.toContain(solo.client.roomId);
    await Promise.all([match.client.leave(), solo.client.leave()]);
  });
});

describe('seats', () => {
  it("a workshop's creator is its instructor and participants spread over the teams", async () => {
    const instructor = await create({ mode: 'workshop', playerId: newPlayerId(), teams: ['a', 'b'] });
    expect(instructor.welcome).toMatchObject({ role: 'instructor', team: null });
    const joined = [];
    for (let i = 0; i < 4; i++) joined.push(await join(instructor.client.roomId, { playerId: newPlayerId() }));
    // Evenly, each new one on a smallest team (which of equal teams is left to chance).
    const teams = joined.map((j) => j.welcome.team);
    expect(teams.slice(0, 2).sort()).toEqual(['a', 'b']);
    expect(teams.slice(2).sort()).toEqual(['a', 'b']);
    expect(joined.map((j) => j.welcome.role)).toEqual(['captain', 'captain', 'player', 'player']);
    const notHers = nextMessage<ErrorMessage>(joined[0]!.client, 'error');
    joined[0]!.client.send('control', { action: 'pause' });
    expect((await notHers).reason).toBe('not-allowed');
    await Promise.all([instructor.client, ...joined.map((j) => j.client)].map((c) => c.leave()));
  });

  it('a player who drops comes back to the same seat, by reconnection token or by player id and seat token', async () => {
    // A match under way (a player who leaves its lobby before the start gives the seat up).
    const host = await create({ mode: 'match', playerId: newPlayerId(), team: 'red' });
    const code = host.client.roomId;
    const playerId = newPlayerId();
    const first = await join(code, { playerId, team: 'blue' });
    await readyAndStart(host.client, [first.client]);
    const room = h.colyseus.getRoomById<GameRoom>(code);
    const seatId = first.welcome.seatId;

    // An abrupt drop: the seat is kept and marked away; the client reconnects with its token.
    const token = first.client.reconnectionToken;
    (first.client.connection as unknown as { close(code?: number): void }).close(4999);
    await until(() => room.state.seats.get(seatId)?.connected === false, 3000, 'the seat marked away');
    const back = (await h.colyseus.sdk.reconnect(token)) as Client;
    await until(() => room.state.seats.get(seatId)?.connected === true, 3000, 'the seat back');
    expect(room.state.seats.get(seatId)?.team).toBe('blue');
    await back.leave();

    // Leaving for good and joining again later with the same player id and the seat token the room
    // issued: same seat, and no new token. The player id alone is not enough.
    expect(first.welcome.seatToken).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    await expect(h.colyseus.sdk.joinById(code, { playerId })).rejects.toThrow('seat-taken');
    const again = await join(code, { playerId, seatToken: first.welcome.seatToken });
    expect(again.welcome).toMatchObject({ team: 'blue', role: 'captain', seatId, seatToken: null });
    expect([...room.state.seats.keys()].sort()).toEqual([host.welcome.seatId, seatId].sort());
    await Promise.all([again.client.leave(), host.client.leave()]);
  });
});
