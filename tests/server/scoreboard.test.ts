/**
 * The live scoreboard of a match: every seat sees every team's score so far (the figures of
 * teamScore, from each team's own simulation), while each team's system reaches its own players
 * only; the stored result ranks the teams the same way. A solo game has no scoreboard.
 */
import { describe, expect, it } from 'vitest';
import type { Room as ClientRoom } from '@colyseus/sdk';
import type { OutcomeMessage, WelcomeMessage } from '../../shared/protocol/messages';
import type { GameState } from '../../shared/schema/gameState';
import { shownScore, teamScore } from '../../shared/sim';
import type { GameRoom } from '../../server/rooms/GameRoom';
import { endGame } from '../../server/rooms/roomGame';
import { newPlayerId, nextMessage, partsOf, readyAndStart, simsOf, useHarness, until } from './harness';

type Client = ClientRoom<unknown, GameState>;
const h = useHarness();

describe('the scoreboard', () => {
  it("shows every team's score to every seat, and each team's system to its own players only", async () => {
    const red = (await h.colyseus.sdk.create('game', { mode: 'match', playerId: newPlayerId(), team: 'red' })) as Client;
    const { code } = await nextMessage<WelcomeMessage>(red, 'welcome');
    const blue = (await h.colyseus.sdk.joinById(code, { playerId: newPlayerId(), team: 'blue' })) as Client;
    await nextMessage<WelcomeMessage>(blue, 'welcome');
    await readyAndStart(red, [blue]);
    // Red cuts its users off: its score falls behind blue's.
    const outcome = nextMessage<OutcomeMessage>(red, 'outcome');
    red.send('command', { seq: 0, command: { type: 'disconnect', from: 'users', to: 'web-1' } });
    expect(await outcome).toMatchObject({ ok: true });
    await until(() => red.state.clock.tick > 20 && blue.state.clock.tick > 20, 10_000, 'twenty ticks');

    for (const client of [red, blue]) {
      expect([...client.state.scoreboard.keys()].sort()).toEqual(['blue', 'red']);
    }
    expect([...red.state.teams.keys()]).toEqual(['red']);
    expect([...blue.state.teams.keys()]).toEqual(['blue']);

    // The room's scoreboard is each team's own figures at the room's tick, rounded as shown (read at
    // one moment: no tick runs in between).
    const room = h.colyseus.getRoomById<GameRoom>(red.roomId);
    const sims = simsOf(room);
    for (const team of ['red', 'blue']) {
      const score = shownScore(teamScore(sims.state(team)));
      expect({ ...room.state.scoreboard.get(team)!.toJSON() }).toEqual({ ...score, gameOver: score.gameOver ?? '' });
    }
    // And it reaches the clients: red, with no users served, below blue on both screens.
    await until(() => (blue.state.scoreboard.get('red')?.availability ?? 1) < 0.5, 5000, 'red falling behind');
    expect(red.state.scoreboard.get('red')!.availability).toBeLessThan(red.state.scoreboard.get('blue')!.availability);

    // At the end the stored result ranks the teams the scoreboard's way: blue first.
    await endGame(partsOf(room));
    await until(() => red.state.resultId !== '', 5000, 'the stored result');
    const stored = (await (await fetch(`http://127.0.0.1:${h.server.port}/api/results/${red.state.resultId}`)).json()) as {
      result: { teams: Array<{ team: string; rank: number }> };
    };
    expect(Object.fromEntries(stored.result.teams.map((t) => [t.team, t.rank]))).toEqual({ blue: 1, red: 2 });
    const csv = (await (await fetch(`http://127.0.0.1:${h.server.port}/api/results/${red.state.resultId}.csv`)).text()).split('\r\n');
    expect(csv[0]!.split(',').slice(5, 7)).toEqual(['team', 'rank']);
    await Promise.all([red.leave(), blue.leave()]);
  });

  it('is empty in a solo game', async () => {
    const solo = (await h.colyseus.sdk.create('game', { mode: 'solo', playerId: newPlayerId() })) as Client;
    await nextMessage<WelcomeMessage>(solo, 'welcome');
    await until(() => solo.state.clock.tick > 2, 5000, 'a few ticks');
    expect(solo.state.scoreboard.size).toBe(0);
    await solo.leave();
  });
});
