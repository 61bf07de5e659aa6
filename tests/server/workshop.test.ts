/**
 * A workshop of 60 participants in 12 teams through the real SDK: joining by code (the room
 * places them), the instructor's console (start, pause, speed, an incident injected into one
 * team only, a hint for everyone, moves, placement, lock, a new code, removal), a participant
 * dropping and coming back to the same seat after the reconnection window, the clock waiting
 * for an instructor whose connection dropped, and the results and replay at the end. A
 * participant who tries the instructor's actions or another team's orders is refused.
 */
import { describe, expect, it } from 'vitest';
import type { Room as ClientRoom } from '@colyseus/sdk';
import { CLOSE_MOVED, CLOSE_REMOVED, type ErrorMessage, type InjectedMessage, type WelcomeMessage } from '../../shared/protocol/messages';
import { workshopTeamIds } from '../../shared/protocol/roomActions';
import type { ResultDocument } from '../../shared/protocol/results';
import type { GameState } from '../../shared/schema/gameState';
import { hashState } from '../../shared/sim';
import { replayedHash } from '../helpers/replays';
import { servedReplay } from '../replay/servedReplay';
import type { GameRoom } from '../../server/rooms/GameRoom';
import { newPlayerId, nextMessage, simsOf, useHarness, until } from './harness';

type Client = ClientRoom<unknown, GameState>;
const h = useHarness({ timings: { reconnectSeconds: 1 } as never });

interface Seat {
  id: string;
  client: Client;
  welcome: WelcomeMessage;
}

async function join(roomId: string, options: Record<string, unknown> = {}): Promise<Seat> {
  const id = (options.playerId as string | undefined) ?? newPlayerId();
  const client = (await h.colyseus.sdk.joinById(roomId, { playerId: id, ...options })) as Client;
  return { id, client, welcome: await nextMessage<WelcomeMessage>(client, 'welcome', 10_000) };
}

async function refusal(client: Client, type: string, message: unknown): Promise<string> {
  const error = nextMessage<ErrorMessage>(client, 'error');
  client.send(type, message);
  return (await error).reason;
}

const drop = (client: Client): void => (client.connection as unknown as { close(code?: number): void }).close(4999);
const api = async <T>(path: string): Promise<{ status: number; body: T }> => {
  const answer = await fetch(`http://127.0.0.1:${h.server.port}${path}`);
  return { status: answer.status, body: (await answer.json()) as T };
};

describe('a workshop of 60', () => {
  it('runs from the join code to the exported results', { timeout: 120_000 }, async () => {
    const teams = workshopTeamIds(12);
    const teacherId = newPlayerId();
    const teacherClient = (await h.colyseus.sdk.create('game', {
      mode: 'workshop',
      playerId: teacherId,
      name: 'Teacher',
      teams,
      durationTicks: 240,
    })) as Client;
    const teacher: Seat = { id: teacherId, client: teacherClient, welcome: await nextMessage<WelcomeMessage>(teacherClient, 'welcome') };
    const code = teacher.welcome.code;
    expect(teacher.welcome).toMatchObject({ role: 'instructor', team: null });
    const room = h.colyseus.getRoomById<GameRoom>(code);

    // Sixty participants join by code and name, ten at a time; the room spreads them evenly.
    const people: Seat[] = [];
    for (let batch = 0; batch < 6; batch++) {
      people.push(...(await Promise.all(Array.from({ length: 10 }, (_, i) => join(code, { name: `Student ${batch * 10 + i + 1}` })))));
    }
    const perTeam = new Map<string, number>();
    for (const p of people) perTeam.set(p.welcome.team as string, (perTeam.get(p.welcome.team as string) ?? 0) + 1);
    expect([...perTeam.keys()].sort()).toEqual([...teams].sort());
    expect([...perTeam.values()]).toEqual(Array(12).fill(5));
    const [alice, bob, carol, dave] = people as [Seat, Seat, Seat, Seat];

    // Participants do not choose their team unless the instructor lets them.
    await expect(h.colyseus.sdk.joinById(code, { playerId: newPlayerId(), team: 'team-1' })).rejects.toThrow('team-chosen-by-room');
    expect(await refusal(alice.client, 'lobby', { action: 'team', team: 'team-12' })).toBe('not-allowed');
    // Nor do they use the instructor's actions, nor run the clock.
    expect(await refusal(alice.client, 'instructor', { action: 'lock', locked: true })).toBe('not-allowed');
    expect(await refusal(alice.client, 'instructor', { action: 'inject', team: 'all', incident: { type: 'trafficSpike' } })).toBe(
      'not-allowed',
    );
    expect(await refusal(alice.client, 'control', { action: 'start' })).toBe('not-allowed');
    // In a workshop the instructor names the teams, not a captain (it goes on the projector).
    const captain = people.find((p) => p.welcome.role === 'captain') as Seat;
    expect(await refusal(captain.client, 'lobby', { action: 'team-name', name: 'Anything' })).toBe('not-allowed');

    // The instructor lets them choose: Alice moves herself (and is sent to rejoin on her new team).
    teacher.client.send('instructor', { action: 'placement', placement: 'choose' });
    await until(() => alice.client.state.placement === 'choose', 3000, 'choose');
    const aliceTeam = alice.welcome.team === 'team-12' ? 'team-11' : 'team-12';
    const aliceMoved = new Promise<number>((resolve) => alice.client.onLeave(resolve));
    alice.client.send('lobby', { action: 'team', team: aliceTeam });
    expect(await aliceMoved).toBe(CLOSE_MOVED);
    const aliceBack = await join(code, { playerId: alice.id, seatToken: alice.welcome.seatToken, resume: true });
    expect(aliceBack.welcome).toMatchObject({ team: aliceTeam, seatId: alice.welcome.seatId });
    alice.client = aliceBack.client;
    teacher.client.send('instructor', { action: 'placement', placement: 'auto' });

    // Start, then a slower clock so the test can look at ticks.
    teacher.client.send('control', { action: 'start' });
    teacher.client.send('control', { action: 'speed', speed: 1 });
    await until(() => teacher.client.state.clock.phase === 'running' && teacher.client.state.clock.speed === 1, 5000, 'the start');
    expect(await refusal(bob.client, 'command', { seq: 0, team: 'team-1', command: { type: 'rollback' } })).toBe(
      bob.welcome.team === 'team-1' ? 'no-bad-deploy' : 'not-your-team',
    );
    expect(await refusal(bob.client, 'control', { action: 'pause' })).toBe('not-allowed');
    // The instructor sees every team; a participant only their own.
    expect([...teacher.client.state.teams.keys()].sort()).toEqual([...teams].sort());
    expect([...bob.client.state.teams.keys()]).toEqual([bob.welcome.team]);

    // An incident injected into team-3 only: only team-3's simulation changes.
    const sims = simsOf(room);
    teacher.client.send('instructor', {
      action: 'inject',
      team: 'team-3',
      incident: { type: 'trafficSpike', magnitude: 4, durationTicks: 30 },
    });
    await until(() => sims.state('team-3').incidents.some((i) => i.origin === 'injected'), 5000, 'the injected spike');
    const others = teams.filter((team) => team !== 'team-3');
    for (const team of others) expect(sims.state(team).incidents.some((i) => i.origin === 'injected')).toBe(false);
    const untouched = hashState(sims.state('team-1'));
    expect(others.every((team) => hashState(sims.state(team)) === untouched)).toBe(true);
    expect(hashState(sims.state('team-3'))).not.toBe(untouched);
    // An incident the team's system cannot have (no such component) is refused with the sim's reason.
    expect(
      await refusal(teacher.client, 'instructor', {
        action: 'inject',
        team: 'team-2',
        incident: { type: 'serverCrash', target: 'web-99' },
      }),
    ).toBe('unknown-component');

    // An incident for every team: the instructor hears which teams it reached (here all twelve).
    const reached = nextMessage<InjectedMessage>(teacher.client, 'injected');
    teacher.client.send('instructor', { action: 'inject', team: 'all', incident: { type: 'serverCrash' } });
    expect(await reached).toEqual({ applied: [...teams], skipped: [] });

    // A hint reaches everyone, in both languages.
    teacher.client.send('instructor', {
      action: 'hint',
      hint: { concept: 'cache', en: 'Look at the database.', ko: '데이터베이스를 보세요.' },
    });
    await until(() => people.every((p) => p.client.state.hints.length === 1), 5000, 'the hint for everyone');
    expect(carol.client.state.hints[0]?.toJSON()).toMatchObject({
      concept: 'cache',
      en: 'Look at the database.',
      ko: '데이터베이스를 보세요.',
    });

    // Pause and resume for everyone.
    teacher.client.send('control', { action: 'pause' });
    await until(() => people.every((p) => p.client.state.clock.paused), 5000, 'paused for everyone');
    const pausedAt = teacher.client.state.clock.tick;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(teacher.client.state.clock.tick).toBe(pausedAt);
    teacher.client.send('control', { action: 'resume' });

    // The instructor moves Carol to team-12; her team's system is the new one.
    const carolTarget = carol.welcome.team === 'team-12' ? 'team-11' : 'team-12';
    const carolMoved = new Promise<number>((resolve) => carol.client.onLeave(resolve));
    teacher.client.send('instructor', { action: 'move', seat: carol.welcome.seatId, team: carolTarget });
    expect(await carolMoved).toBe(CLOSE_MOVED);
    carol.client = (await join(code, { playerId: carol.id, seatToken: carol.welcome.seatToken, resume: true })).client;
    await until(() => [...carol.client.state.teams.keys()].join() === carolTarget, 5000, "carol's new team");

    // Dave's laptop sleeps past the reconnection window; reopening the link brings him back to his seat.
    drop(dave.client);
    await until(() => teacher.client.state.seats.get(dave.welcome.seatId)?.connected === false, 5000, 'dave greyed');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const daveBack = await join(code, { playerId: dave.id, seatToken: dave.welcome.seatToken });
    expect(daveBack.welcome).toMatchObject({ seatId: dave.welcome.seatId, team: dave.welcome.team });
    dave.client = daveBack.client;

    // Locked: nobody new, but seated people still come back.
    teacher.client.send('instructor', { action: 'lock', locked: true });
    await until(() => teacher.client.state.locked, 3000, 'locked');
    await expect(h.colyseus.sdk.joinById(code, { playerId: newPlayerId() })).rejects.toThrow('room-locked');
    await bob.client.leave();
    bob.client = (await join(code, { playerId: bob.id, seatToken: bob.welcome.seatToken })).client;
    teacher.client.send('instructor', { action: 'lock', locked: false });

    // A new code: the old one lets nobody new in; the new one names the room.
    teacher.client.send('instructor', { action: 'rotate-code' });
    await until(() => teacher.client.state.code !== code, 3000, 'a new code');
    const fresh = teacher.client.state.code;
    expect((await api<{ room: string }>(`/api/codes/${fresh}`)).body).toEqual({ room: code });
    expect((await api(`/api/codes/${code}`)).body).toEqual({ room: null });
    expect((await api(`/api/codes/not-a-code`)).status).toBe(400);
    await expect(h.colyseus.sdk.joinById(code, { playerId: newPlayerId(), code })).rejects.toThrow('code-expired');
    // The console, opened on the instructor's own machine, learns the address others reach it at.
    const { body: lan } = await api<{ origins: string[] }>('/api/lan');
    for (const origin of lan.origins) expect(origin).toMatch(new RegExp(`^http://\\d+\\.\\d+\\.\\d+\\.\\d+:${h.server.port}$`));
    const late = await join(code, { code: fresh, name: 'Latecomer' });
    expect(late.welcome.role).toBe('player');

    // The latecomer is removed: their connection is closed and their id cannot sit again.
    const removed = new Promise<number>((resolve) => late.client.onLeave(resolve));
    teacher.client.send('instructor', { action: 'remove', seat: late.welcome.seatId });
    expect(await removed).toBe(CLOSE_REMOVED);
    for (const typed of [fresh, code]) {
      await expect(h.colyseus.sdk.joinById(code, { playerId: late.id, seatToken: late.welcome.seatToken, code: typed })).rejects.toThrow(
        'removed',
      );
    }

    // The instructor's connection drops: the clock waits for them, and goes on when they are back.
    drop(teacher.client);
    await until(() => alice.client.state.clock.paused && alice.client.state.clock.pauseReason === 'instructor-away', 5000, 'the pause');
    teacher.client = (await join(code, { playerId: teacher.id, seatToken: teacher.welcome.seatToken })).client;
    await until(() => !alice.client.state.clock.paused, 5000, 'the clock going on');

    // The end: 12 teams in the result and its CSV; the replay holds the injected incident and re-runs.
    teacher.client.send('control', { action: 'end' });
    await until(() => teacher.client.state.resultId !== '', 10_000, 'the result');
    const { body: result } = await api<ResultDocument>(`/api/results/${teacher.client.state.resultId}`);
    expect(result.result.teams.map((t) => t.team).sort()).toEqual([...teams].sort());
    expect(result.result.seats[late.welcome.seatId]).toBe('Latecomer');
    const csv = await (await fetch(`http://127.0.0.1:${h.server.port}/api/results/${teacher.client.state.resultId}.csv`)).text();
    expect(csv.trim().split('\r\n')).toHaveLength(13);
    const document = servedReplay((await api<unknown>(`/api/replays/${teacher.client.state.replayId}`)).body);
    const injected = document.log.filter((entry) => entry.command.type === 'inject');
    expect(injected).toHaveLength(1 + teams.length);
    expect(injected.every((entry) => entry.player === teacher.welcome.seatId)).toBe(true);
    expect(injected[0]).toMatchObject({ team: 'team-3', command: { incident: { type: 'trafficSpike' } } });
    for (const team of ['team-1', 'team-3']) expect(replayedHash(document, team), team).toBe(document.finalHashes[team]);
    await Promise.all([teacher, ...people].map((p) => p.client.leave().catch(() => undefined)));
  });
});

describe('a workshop across a restart', () => {
  it('keeps its code, lock, hints, names and seats', { timeout: 60_000 }, async () => {
    const teacherId = newPlayerId();
    const teacherClient = (await h.colyseus.sdk.create('game', {
      mode: 'workshop',
      playerId: teacherId,
      teams: ['team-1', 'team-2'],
    })) as Client;
    const teacher: Seat = { id: teacherId, client: teacherClient, welcome: await nextMessage<WelcomeMessage>(teacherClient, 'welcome') };
    const roomId = teacher.welcome.code;
    const student = await join(roomId, { name: 'Sam' });
    teacher.client.send('control', { action: 'start' });
    teacher.client.send('instructor', { action: 'hint', hint: { ko: '캐시를 보세요.' } });
    teacher.client.send('instructor', { action: 'team-name', team: 'team-1', name: 'Caching Crew' });
    teacher.client.send('instructor', { action: 'rotate-code' });
    teacher.client.send('instructor', { action: 'lock', locked: true });
    await until(() => student.client.state.locked && student.client.state.code !== roomId, 5000, 'the session set up');
    const code = student.client.state.code;

    await h.restart();

    const back = await join(roomId, { playerId: student.id, seatToken: student.welcome.seatToken, resume: true });
    // Back from the restart without its instructor: it waits for them, as it does when they drop.
    await until(() => back.client.state.clock.pauseReason === 'instructor-away', 5000, 'the wait for the instructor');
    expect(back.client.state.clock.paused).toBe(true);
    const teacherBack = await join(roomId, { playerId: teacher.id, seatToken: teacher.welcome.seatToken });
    await until(() => !back.client.state.clock.paused, 5000, 'the clock going on');
    expect(back.welcome).toMatchObject({ seatId: student.welcome.seatId, team: student.welcome.team });
    await until(() => back.client.state.hints.length === 1, 5000, 'the state after the restart');
    expect(back.client.state.toJSON()).toMatchObject({ code, locked: true, teamNames: { 'team-1': 'Caching Crew' } });
    expect(back.client.state.hints[0]?.ko).toBe('캐시를 보세요.');
    expect((await api<{ room: string }>(`/api/codes/${code}`)).body).toEqual({ room: roomId });
    await expect(h.colyseus.sdk.joinById(roomId, { playerId: newPlayerId(), code })).rejects.toThrow('room-locked');
    // At the end a team nobody was placed on ranks after the team that played, whatever its figures.
    teacherBack.client.send('control', { action: 'end' });
    await until(() => back.client.state.resultId !== '', 10_000, 'the result');
    const { body: result } = await api<ResultDocument>(`/api/results/${back.client.state.resultId}`);
    const played = student.welcome.team as string;
    expect(result.result.teams.find((t) => t.team === played)?.rank).toBe(1);
    expect(result.result.teams.find((t) => t.team !== played)).toMatchObject({ rank: 2, players: [] });
    await Promise.all([back.client.leave(), teacherBack.client.leave()]);
  });
});
