/**
 * Seats as an attacker and a clumsy student find them, over a real WebSocket with the real SDK:
 * a leaked player id does not take a seat, a second tab takes its own seat over with a notice to
 * the first, seats are capped and a client joining a full room still gets the whole state, rooms
 * nobody joins leave nothing in the store, the client count in /metrics does not drift, and a
 * flood of failing messages does not flood the log.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room as ClientRoom } from '@colyseus/sdk';
import { pino } from 'pino';
import { CLOSE_SEAT_TAKEN_OVER, type ErrorMessage, type OutcomeMessage, type WelcomeMessage } from '../../shared/protocol/messages';
import type { GameState } from '../../shared/schema/gameState';
import type { GameRoom } from '../../server/rooms/GameRoom';
import { newPlayerId, nextMessage, simsOf, startHarness, until, type Harness } from './harness';

type Client = ClientRoom<unknown, GameState>;

const logLines: Array<{ msg?: string; level?: number }> = [];
const logStream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n')) if (line !== '') logLines.push(JSON.parse(line) as { msg?: string });
    done();
  },
});

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    logger: pino({ level: 'info' }, logStream),
    timings: { unjoinedRoomSeconds: 1, seats: { perRoom: 100, perWorkshopTeam: 25, spectators: 2 } },
  });
});
afterAll(async () => {
  await h.stop();
});

async function create(options: Record<string, unknown>): Promise<{ client: Client; welcome: WelcomeMessage; room: GameRoom }> {
  const client = (await h.colyseus.sdk.create('game', options)) as Client;
  const welcome = await nextMessage<WelcomeMessage>(client, 'welcome');
  return { client, welcome, room: h.colyseus.getRoomById<GameRoom>(client.roomId) };
}

async function join(code: string, options: Record<string, unknown>): Promise<{ client: Client; welcome: WelcomeMessage }> {
  const client = (await h.colyseus.sdk.joinById(code, options)) as Client;
  return { client, welcome: await nextMessage<WelcomeMessage>(client, 'welcome') };
}

async function clientsGauge(): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${h.server.port}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('scaleup_clients '));
  return Number(line?.split(' ')[1]);
}

describe('seat credentials', () => {
  it("a teacher's leaked player id does not take the instructor seat; the teacher keeps it", async () => {
    const teacherId = newPlayerId();
    const teacher = await create({ mode: 'workshop', playerId: teacherId, name: 'Teacher' });
    expect(teacher.welcome).toMatchObject({ role: 'instructor', seatToken: expect.stringMatching(/^[A-Za-z0-9_-]{16,64}$/) });
    await expect(h.colyseus.sdk.joinById(teacher.welcome.code, { playerId: teacherId, name: 'Impostor' })).rejects.toThrow('seat-taken');
    await expect(h.colyseus.sdk.joinById(teacher.welcome.code, { playerId: teacherId, seatToken: 'A'.repeat(32) })).rejects.toThrow(
      'seat-taken',
    );
    expect(teacher.room.state.seats.get(teacher.welcome.seatId)).toMatchObject({ connected: true, name: 'Teacher', role: 'instructor' });
    teacher.client.send('control', { action: 'start' });
    await until(() => teacher.client.state.clock.phase === 'running', 3000, 'the teacher still runs the clock');
    await teacher.client.leave();
  });

  it('a second connection with the seat token takes the seat over, and the first is told and closed', async () => {
    const playerId = newPlayerId();
    const first = await create({ mode: 'solo', playerId });
    const told = nextMessage<ErrorMessage>(first.client, 'error');
    const closed = new Promise<number>((resolve) => first.client.onLeave((code) => resolve(code)));
    const second = await join(first.welcome.code, { playerId, seatToken: first.welcome.seatToken });
    expect(second.welcome).toMatchObject({ seatId: first.welcome.seatId, seatToken: null, team: 'solo' });
    expect((await told).reason).toBe('seat-taken-over');
    expect(await closed).toBe(CLOSE_SEAT_TAKEN_OVER);
    await until(() => first.room.clients.length === 1, 3000, 'one client left in the room');
    expect(first.room.state.seats.get(first.welcome.seatId)?.connected).toBe(true);
    // The new connection commands the seat.
    const outcome = nextMessage<OutcomeMessage>(second.client, 'outcome');
    second.client.send('command', { seq: second.welcome.nextSeq, command: { type: 'buy', kind: 'cache', region: 'ap', size: 'small' } });
    expect((await outcome).ok).toBe(true);
    // The log names the seat, not the player.
    const roomId = (first.room as unknown as { record: { id: string } }).record.id;
    expect((await h.server.store.listCommands(roomId)).map((entry) => entry.player)).toEqual([first.welcome.seatId]);
    expect(await clientsGauge()).toBe(1);
    await second.client.leave();
    await until(() => first.room.clients.length === 0, 3000, 'the room empty');
    expect(await clientsGauge()).toBe(0);
  });
});

describe('seat limits', () => {
  it('a full workshop refuses the next joiner, and the last one in gets the whole state', { timeout: 60_000 }, async () => {
    const teacher = await create({ mode: 'workshop', playerId: newPlayerId(), name: 'T'.repeat(32) });
    const code = teacher.welcome.code;
    teacher.client.send('control', { action: 'start' });
    await until(() => teacher.client.state.clock.phase === 'running', 3000, 'start');
    // Long names make the seats alone well over 16 KB of state.
    const participants: Array<{ client: Client; welcome: WelcomeMessage }> = [];
    for (let i = 0; i < 97; i++)
      participants.push(await join(code, { playerId: newPlayerId(), name: `${String(i).padStart(3, '0')}${'n'.repeat(29)}` }));
    expect(new Set(participants.map((p) => p.welcome.team))).toEqual(new Set(['team-1', 'team-2', 'team-3', 'team-4']));
    // Each team's captain buys a few things, so every team has a system to send.
    const captains = participants.filter((p) => p.welcome.role === 'captain');
    await Promise.all(
      captains.map(async (captain) => {
        for (let seq = 0; seq < 3; seq++) {
          const outcome = nextMessage<OutcomeMessage>(captain.client, 'outcome');
          captain.client.send('command', {
            seq,
            command: { type: 'buy', kind: seq === 0 ? 'cache' : 'queue', region: 'ap', size: 'small' },
          });
          expect((await outcome).ok).toBe(true);
        }
      }),
    );

    const spectator = await join(code, { playerId: newPlayerId(), role: 'spectator', name: 'Projector' });
    const second = await join(code, { playerId: newPlayerId(), role: 'spectator' });
    await expect(h.colyseus.sdk.joinById(code, { playerId: newPlayerId(), role: 'spectator' })).rejects.toThrow('room-full');
    await expect(h.colyseus.sdk.joinById(code, { playerId: newPlayerId() })).rejects.toThrow('room-full');

    const room = teacher.room;
    const sims = simsOf(room);
    await until(() => spectator.client.state.seats.size === 100, 5000, 'every seat');
    const state = spectator.client.state;
    expect([...state.teams.keys()].sort()).toEqual(['team-1', 'team-2', 'team-3', 'team-4']);
    for (const team of sims.teamIds) {
      await until(() => state.teams.get(team)?.components.size === sims.state(team).components.length, 5000, `every component of ${team}`);
      expect([...state.teams.get(team)!.components.keys()].sort()).toEqual(
        sims
          .state(team)
          .components.map((c) => c.id)
          .sort(),
      );
    }
    expect(state.seats.get(participants[96]!.welcome.seatId)?.name).toBe(`096${'n'.repeat(29)}`);
    await Promise.all([teacher.client, spectator.client, second.client, ...participants.map((p) => p.client)].map((c) => c.leave()));
  });

  it('a name with half a character (a lone surrogate) is refused: it would put every decoder out of step', async () => {
    const host = await create({ mode: 'match', playerId: newPlayerId() });
    await expect(h.colyseus.sdk.joinById(host.welcome.code, { playerId: newPlayerId(), name: 'Ann\ud83d' })).rejects.toThrow(
      'invalid-join',
    );
    const fine = await join(host.welcome.code, { playerId: newPlayerId(), name: 'Ann \ud83d\ude00' });
    expect(fine.welcome.role).toBe('captain');
    await until(() => host.client.state.seats.get(fine.welcome.seatId)?.name === 'Ann \ud83d\ude00', 3000, 'the name in the state');
    await Promise.all([host.client.leave(), fine.client.leave()]);
  });

  it('a participant cannot choose a workshop team over the wire', async () => {
    const teacher = await create({ mode: 'workshop', playerId: newPlayerId(), teams: ['a', 'b'] });
    await expect(h.colyseus.sdk.joinById(teacher.welcome.code, { playerId: newPlayerId(), team: 'b' })).rejects.toThrow(
      'team-chosen-by-room',
    );
    await teacher.client.leave();
  });
});

describe('rooms nobody joins', () => {
  it('are not stored, and go away after their seat reservation', async () => {
    const response = await fetch(`http://127.0.0.1:${h.server.port}/matchmake/create/game`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'solo', playerId: newPlayerId() }),
    });
    expect(response.ok).toBe(true);
    const reservation = (await response.json()) as { name: string; roomId: string };
    expect(h.colyseus.getRoomById<GameRoom>(reservation.roomId)).toBeDefined();
    const stored = async () => (await h.server.store.runningRooms()).filter((room) => room.code === reservation.roomId);
    expect(await stored()).toEqual([]);
    await until(
      () => {
        try {
          return h.colyseus.getRoomById<GameRoom>(reservation.roomId) === undefined;
        } catch {
          return true;
        }
      },
      5000,
      'the unjoined room to go',
    );
    expect(await stored()).toEqual([]);
  });
});

describe('the error log', () => {
  it('is rate-limited per room, and says how many errors it left out', async () => {
    const { client, room } = await create({ mode: 'solo', playerId: newPlayerId() });
    logLines.length = 0;
    for (let i = 0; i < 200; i++) room.onUncaughtException(new Error(`boom ${i}`), 'onMessage');
    const errors = () => logLines.filter((line) => line.msg === 'uncaught error in room');
    expect(errors().length).toBeLessThanOrEqual(11);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    room.onUncaughtException(new Error('later'), 'onMessage');
    const last = errors().at(-1) as { suppressed?: number };
    expect(last.suppressed).toBeGreaterThanOrEqual(180);
    await client.leave();
  });
});
