/**
 * A four-team match from its lobby to its results, through the real SDK: the public list, the
 * host's number of teams, players picking and switching teams, a captain naming the team,
 * readiness and the host's start, the rules once it runs (no switching, no other team's orders, a
 * spectator seeing nothing), and the stored result and replay at the end.
 */
import { describe, expect, it } from 'vitest';
import type { Room as ClientRoom } from '@colyseus/sdk';
import { CLOSE_MOVED, type ErrorMessage, type WelcomeMessage } from '../../shared/protocol/messages';
import type { PublicMatch, ResultDocument } from '../../shared/protocol/results';
import type { GameState } from '../../shared/schema/gameState';
import { SIM_VERSION } from '../../shared/sim';
import { replayedHash } from '../helpers/replays';
import { servedReplay } from '../replay/servedReplay';
import { newPlayerId, nextMessage, readyAndStart, useHarness, until } from './harness';

type Client = ClientRoom<unknown, GameState>;
const h = useHarness();

interface Player {
  id: string;
  client: Client;
  welcome: WelcomeMessage;
}

async function join(code: string, options: Record<string, unknown> = {}): Promise<Player> {
  const id = newPlayerId();
  const client = (await h.colyseus.sdk.joinById(code, { playerId: id, ...options })) as Client;
  return { id, client, welcome: await nextMessage<WelcomeMessage>(client, 'welcome') };
}

async function refusal(client: Client, type: string, message: unknown): Promise<string> {
  const error = nextMessage<ErrorMessage>(client, 'error');
  client.send(type, message);
  return (await error).reason;
}

const api = async <T>(path: string): Promise<T> => (await fetch(`http://127.0.0.1:${h.server.port}${path}`)).json() as Promise<T>;

describe('a four-team match', () => {
  it('goes from the lobby to the results', { timeout: 60_000 }, async () => {
    const hostId = newPlayerId();
    const hostClient = (await h.colyseus.sdk.create('game', {
      mode: 'match',
      playerId: hostId,
      name: 'Host',
      team: 'red',
      public: true,
      durationTicks: 60,
    })) as Client;
    const host: Player = { id: hostId, client: hostClient, welcome: await nextMessage<WelcomeMessage>(hostClient, 'welcome') };
    const code = host.welcome.code;
    await until(() => host.client.state.host === host.welcome.seatId, 3000, 'the host on the wire');
    expect(host.client.state.durationTicks).toBe(60);

    // Listed while it waits, with its teams and room for four players each.
    const listed = (await api<{ matches: PublicMatch[] }>('/api/matches')).matches.find((m) => m.code === code);
    expect(listed).toEqual({ code, scenario: 'sandbox', teams: ['red', 'blue'], players: 1, capacity: 8 });

    // Only the host sets the number of teams: four.
    const guest = await join(code, { name: 'Guest', team: 'red' });
    expect(await refusal(guest.client, 'lobby', { action: 'teams', count: 4 })).toBe('not-allowed');
    host.client.send('lobby', { action: 'teams', count: 4 });
    await until(() => host.client.state.teamIds.length === 4, 3000, 'four teams');
    expect([...host.client.state.teamIds]).toEqual(['red', 'blue', 'green', 'gold']);
    expect((await api<{ matches: PublicMatch[] }>('/api/matches')).matches.find((m) => m.code === code)?.capacity).toBe(16);

    // Players pick teams: two on each. A full team refuses a fifth.
    const players: Player[] = [host, guest];
    for (const team of ['blue', 'blue', 'green', 'green', 'gold', 'gold']) players.push(await join(code, { team }));
    const red = players.filter((p) => p.welcome.team === 'red');
    expect(red.map((p) => p.id)).toEqual([host.id, guest.id]);
    expect(players.map((p) => p.welcome.role)).toEqual([
      'captain',
      'player',
      'captain',
      'player',
      'captain',
      'player',
      'captain',
      'player',
    ]);
    const extra = await join(code, { team: 'gold' });
    const fourth = await join(code, { team: 'gold' });
    await expect(h.colyseus.sdk.joinById(code, { playerId: newPlayerId(), team: 'gold' })).rejects.toThrow('team-full');
    // One extra player leaves the lobby for good: the seat goes with them (a closed tab must not
    // hold the start back). The other switches to blue: its connection is sent back to rejoin,
    // and it comes back on blue.
    await fourth.client.leave();
    await until(() => !host.client.state.seats.has(fourth.welcome.seatId), 3000, 'the leaver gone');
    expect([...host.client.state.seats.values()].filter((seat) => seat.team === 'gold')).toHaveLength(3);
    expect(await refusal(extra.client, 'lobby', { action: 'team', team: 'gold' })).toBe('no-change');
    const moved = new Promise<number>((resolve) => extra.client.onLeave((closeCode) => resolve(closeCode)));
    extra.client.send('lobby', { action: 'team', team: 'blue' });
    expect(await moved).toBe(CLOSE_MOVED);
    const back = (await h.colyseus.sdk.joinById(code, { playerId: extra.id, seatToken: extra.welcome.seatToken, resume: true })) as Client;
    expect(await nextMessage<WelcomeMessage>(back, 'welcome')).toMatchObject({
      team: 'blue',
      role: 'player',
      seatId: extra.welcome.seatId,
    });
    players.push({ ...extra, client: back });

    // Fewer teams than have players: refused.
    expect(await refusal(host.client, 'lobby', { action: 'teams', count: 3 })).toBe('team-has-players');

    // A captain names the team; a player who is not captain cannot.
    expect(await refusal(guest.client, 'lobby', { action: 'team-name', name: 'Impostors' })).toBe('not-allowed');
    host.client.send('lobby', { action: 'team-name', name: 'Night Owls' });
    await until(() => guest.client.state.teamNames.get('red') === 'Night Owls', 3000, 'the team name');

    // Not everyone ready: the host cannot start; nobody but the host can.
    for (const p of players.slice(0, -1)) p.client.send('lobby', { action: 'ready', ready: true });
    await until(() => [...host.client.state.seats.values()].filter((s) => s.ready).length === players.length - 1, 3000, 'ready');
    expect(await refusal(host.client, 'control', { action: 'start' })).toBe('not-ready');
    back.send('lobby', { action: 'ready', ready: true });
    await until(() => [...host.client.state.seats.values()].filter((s) => s.team !== '').every((s) => s.ready), 3000, 'all ready');
    expect(await refusal(guest.client, 'control', { action: 'start' })).toBe('not-allowed');
    const watcher = await join(code, { role: 'spectator' });
    host.client.send('control', { action: 'start' });
    await until(() => players.every((p) => p.client.state.clock.phase === 'running'), 5000, 'the start for everyone');

    // Once it runs: no switching, no readiness, no pause, no orders for another team; a started
    // match leaves the public list; a spectator sees no team's system.
    expect(await refusal(guest.client, 'lobby', { action: 'team', team: 'green' })).toBe('lobby-closed');
    expect(await refusal(guest.client, 'control', { action: 'pause' })).toBe('not-allowed');
    expect(await refusal(guest.client, 'command', { seq: 0, team: 'blue', command: { type: 'rollback' } })).toBe('not-your-team');
    expect((await api<{ matches: PublicMatch[] }>('/api/matches')).matches.map((m) => m.code)).not.toContain(code);
    expect([...(watcher.client.state.teams?.keys() ?? [])]).toEqual([]);
    // Nobody new plays once it runs (a rival under a second id would join a team to wreck it); watching is fine.
    await expect(h.colyseus.sdk.joinById(code, { playerId: newPlayerId(), team: 'blue' })).rejects.toThrow('match-started');
    const lateWatcher = await join(code, { role: 'spectator' });
    expect(lateWatcher.welcome.role).toBe('spectator');
    await lateWatcher.client.leave();
    for (const p of players) expect([...p.client.state.teams.keys()]).toEqual([p.client === back ? 'blue' : (p.welcome.team as string)]);

    // The match runs to its 60 minutes; the result ranks all four teams and names red.
    await until(() => host.client.state.resultId !== '', 20_000, 'the end of the match');
    expect([...watcher.client.state.teams.keys()].sort()).toEqual(['blue', 'gold', 'green', 'red']);
    const { result } = await api<ResultDocument>(`/api/results/${host.client.state.resultId}`);
    expect(result.endedTick).toBe(60);
    expect(result.teams.map((t) => t.rank).sort()).toEqual([1, 2, 3, 4]);
    expect(result.teams.find((t) => t.team === 'red')).toMatchObject({ name: 'Night Owls', players: ['Host', 'Guest'] });
    const document = servedReplay(await api<unknown>(`/api/replays/${host.client.state.replayId}`));
    expect(document.teams).toEqual(['red', 'blue', 'green', 'gold']);
    expect(document.scenario.objectives.durationTicks).toBe(60);
    expect(document.version).toBe(SIM_VERSION);
    for (const team of document.teams) expect(replayedHash(document, team), team).toBe(document.finalHashes[team]);
    await Promise.all([...players.map((p) => p.client.leave()), watcher.client.leave()]);
  });

  it('hands the lobby to the longest-seated player when its host leaves', async () => {
    const host = (await h.colyseus.sdk.create('game', { mode: 'match', playerId: newPlayerId() })) as Client;
    await nextMessage<WelcomeMessage>(host, 'welcome');
    const next = await join(host.roomId, { team: 'blue' });
    const last = await join(host.roomId, { team: 'blue' });
    await host.leave();
    await until(() => next.client.state.host === next.welcome.seatId, 3000, 'the new host');
    // The new host runs the lobby: it moves to the empty red team and starts with the other player.
    next.client.send('lobby', { action: 'team', team: 'red' });
    const moved = new Promise((resolve) => next.client.onLeave(resolve));
    await moved;
    const back = (await h.colyseus.sdk.joinById(host.roomId, { playerId: next.id, seatToken: next.welcome.seatToken })) as Client;
    expect(await nextMessage<WelcomeMessage>(back, 'welcome')).toMatchObject({ team: 'red', role: 'captain' });
    await readyAndStart(back, [last.client]);
    expect(back.state.clock.phase).toBe('running');
    await Promise.all([back.leave(), last.client.leave()]);
  });

  it('gives the lobby to the next player when its host left and only a spectator stayed', async () => {
    const host = (await h.colyseus.sdk.create('game', { mode: 'match', playerId: newPlayerId(), team: 'red' })) as Client;
    await nextMessage<WelcomeMessage>(host, 'welcome');
    const watcher = await join(host.roomId, { role: 'spectator' });
    await host.leave();
    await until(() => watcher.client.state.host === '', 3000, 'no host');
    const next = await join(host.roomId, { team: 'blue' });
    await until(() => watcher.client.state.host === next.welcome.seatId, 3000, 'the next player hosting');
    await Promise.all([watcher.client.leave(), next.client.leave()]);
  });

  it('gives up the seat of a player who switched team and never came back', async () => {
    const host = (await h.colyseus.sdk.create('game', { mode: 'match', playerId: newPlayerId(), team: 'red' })) as Client;
    await nextMessage<WelcomeMessage>(host, 'welcome');
    const wanderer = await join(host.roomId, { team: 'blue' });
    wanderer.client.send('lobby', { action: 'team', team: 'red' });
    await until(() => host.state.seats.get(wanderer.welcome.seatId)?.connected === false, 3000, 'the switch');
    await until(() => !host.state.seats.has(wanderer.welcome.seatId), 5000, 'the seat given up');
    await host.leave();
  });

  it("keeps its lobby's seats and host through a graceful restart", { timeout: 30_000 }, async () => {
    const hostId = newPlayerId();
    const hostClient = (await h.colyseus.sdk.create('game', { mode: 'match', playerId: hostId, team: 'red' })) as Client;
    const hostWelcome = await nextMessage<WelcomeMessage>(hostClient, 'welcome');
    const mate = await join(hostClient.roomId, { team: 'blue' });
    await h.restart();
    const back = (await h.colyseus.sdk.joinById(hostWelcome.code, {
      playerId: hostId,
      seatToken: hostWelcome.seatToken,
      resume: true,
    })) as Client;
    expect(await nextMessage<WelcomeMessage>(back, 'welcome')).toMatchObject({ seatId: hostWelcome.seatId, team: 'red' });
    const mateBack = (await h.colyseus.sdk.joinById(hostWelcome.code, {
      playerId: mate.id,
      seatToken: mate.welcome.seatToken,
      resume: true,
    })) as Client;
    await nextMessage<WelcomeMessage>(mateBack, 'welcome');
    expect(back.state.host).toBe(hostWelcome.seatId);
    await readyAndStart(back, [mateBack]);
    await Promise.all([back.leave(), mateBack.leave()]);
  });

  it('refuses a match of one team or of five', async () => {
    for (const teams of [['red'], ['red', 'blue', 'green', 'gold', 'pink']]) {
      await expect(h.colyseus.sdk.create('game', { mode: 'match', playerId: newPlayerId(), teams })).rejects.toThrow('invalid-create');
    }
  });
});
