/**
 * The full state a client receives when it joins is complete even when the part every client
 * shares (room, clock, seats, team ids) is larger than the state encoder's 16 KB buffer: here 260
 * seats with 32-character names, about 17 KB. Without the repair in server/sync/fullStateBuffer.ts
 * the joining client got those bytes past 16 KB as zeros: no team ids, wrong seats, no teams.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room as ClientRoom } from '@colyseus/sdk';
import type { WelcomeMessage } from '../../shared/protocol/messages';
import type { GameState } from '../../shared/schema/gameState';
import type { GameRoom } from '../../server/rooms/GameRoom';
import { newPlayerId, nextMessage, simsOf, startHarness, until, type Harness } from './harness';

type Client = ClientRoom<unknown, GameState>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timings: { seats: { perRoom: 300, perWorkshopTeam: 100, spectators: 5 } } });
});
afterAll(async () => {
  await h.stop();
});

describe("a joining client's full state", () => {
  it('holds every team, team id and seat when the shared part passes 16 KB', { timeout: 60_000 }, async () => {
    const teacher = (await h.colyseus.sdk.create('game', { mode: 'workshop', playerId: newPlayerId(), name: 'T'.repeat(32) })) as Client;
    const welcome = await nextMessage<WelcomeMessage>(teacher, 'welcome');
    const room = h.colyseus.getRoomById<GameRoom>(welcome.code);
    const names: string[] = [];
    for (let i = 0; i < 259; i++) {
      const name = `${String(i).padStart(3, '0')}${'n'.repeat(29)}`;
      names.push(name);
      const participant = (await h.colyseus.sdk.joinById(welcome.code, { playerId: newPlayerId(), name })) as Client;
      await nextMessage<WelcomeMessage>(participant, 'welcome');
      await participant.leave();
    }
    expect(room.state.seats.size).toBe(260);

    const spectator = (await h.colyseus.sdk.joinById(welcome.code, { playerId: newPlayerId(), role: 'spectator' })) as Client;
    await nextMessage<WelcomeMessage>(spectator, 'welcome');
    const state = spectator.state;
    await until(() => state.seats.size === 261, 5000, 'every seat');
    expect([...state.teamIds]).toEqual(['team-1', 'team-2', 'team-3', 'team-4']);
    expect(
      [...state.seats.values()]
        .map((seat) => seat.name)
        .filter((name) => name.endsWith('n'.repeat(29)))
        .sort(),
    ).toEqual(names);
    const sims = simsOf(room);
    for (const team of sims.teamIds) {
      expect([...(state.teams.get(team)?.components.keys() ?? [])].sort(), team).toEqual(
        sims
          .state(team)
          .components.map((c) => c.id)
          .sort(),
      );
    }
    await Promise.all([teacher.leave(), spectator.leave()]);
  });
});
