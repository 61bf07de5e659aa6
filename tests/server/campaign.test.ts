/**
 * The campaign on a real server: a new profile sees only the first chapter open and is refused a
 * later one; chapter 1 played through the SDK to its end is won, its result carries the chapter's
 * outcome, and the profile's stars open the next chapter; after a server restart on the same data
 * folder the progress is still there.
 */
import { describe, expect, it } from 'vitest';
import type { Room as ClientRoom } from '@colyseus/sdk';
import { chapterIds } from '../../shared/campaign';
import type { OutcomeMessage, WelcomeMessage } from '../../shared/protocol/messages';
import type { GameState } from '../../shared/schema/gameState';
import type { ChapterStanding } from '../../shared/protocol/results';
import type { GameRoom } from '../../server/rooms/GameRoom';
import { newPlayerId, nextMessage, partsOf, useHarness, until, type Harness } from './harness';

type Client = ClientRoom<unknown, GameState>;
const h = useHarness();

async function standings(harness: Harness, profile: string): Promise<ChapterStanding[]> {
  const answer = await fetch(`http://127.0.0.1:${harness.server.port}/api/campaign/${profile}`);
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { chapters: ChapterStanding[] }).chapters;
}

const [first, second] = chapterIds();

describe('campaign progress', () => {
  it('opens the first chapter only, and refuses a later one to a new profile', async () => {
    const profile = newPlayerId();
    const list = await standings(h, profile);
    expect(list.map((c) => c.id)).toEqual(chapterIds());
    expect(list.filter((c) => c.unlocked).map((c) => c.id)).toEqual([first]);
    expect(list.every((c) => c.stars === 0 && !c.completed && c.score === null)).toBe(true);
    await expect(h.colyseus.sdk.create('game', { mode: 'solo', scenario: second, playerId: profile })).rejects.toThrow('chapter-locked');
    expect((await fetch(`http://127.0.0.1:${h.server.port}/api/campaign/no!`)).status).toBe(400);
  });

  it('saves a won chapter with its stars, opens the next one, and keeps it across a restart', async () => {
    const profile = newPlayerId();
    const client = (await h.colyseus.sdk.create('game', { mode: 'solo', scenario: first, playerId: profile, name: 'Ada' })) as Client;
    await nextMessage<WelcomeMessage>(client, 'welcome');
    // A chapter opens paused (for its briefing) with the player's chosen seed ignored.
    await until(() => client.state.clock.phase === 'running' && client.state.clock.paused, 5_000, 'a paused start');
    client.send('control', { action: 'resume' });
    const commands = [
      { type: 'buy', kind: 'web', region: 'ap' },
      { type: 'configure', id: 'web-1', colocatedDb: true },
      { type: 'connect', from: 'users', to: 'web-1' },
    ];
    for (const [seq, command] of commands.entries()) {
      const outcome = nextMessage<OutcomeMessage>(client, 'outcome');
      client.send('command', { seq, command });
      expect(await outcome).toMatchObject({ seq, ok: true });
    }
    client.send('control', { action: 'speed', speed: 32 });
    await until(() => client.state.resultId !== '', 30_000, 'the end of the chapter');
    const result = (await (await fetch(`http://127.0.0.1:${h.server.port}/api/results/${client.state.resultId}`)).json()) as {
      result: {
        teams: Array<{ chapter: { status: string; stars: number; score: number; goals: Array<{ value: number }> } }>;
        seats: Record<string, string>;
      };
    };
    const outcome = result.result.teams[0]!.chapter;
    expect(outcome.status).toBe('won');
    expect(outcome.stars).toBeGreaterThanOrEqual(1);
    expect(Object.values(result.result.seats)).toEqual(['Ada']);
    // The player saw each goal's value so far on the wire, and at the end the values it was scored on.
    expect([...client.state.teams.get('solo')!.goals]).toEqual(outcome.goals.map((goal) => goal.value));
    await client.leave();

    const saved = await standings(h, profile);
    expect(saved[0]).toMatchObject({ id: first, completed: true, stars: outcome.stars, score: outcome.score, unlocked: true });
    expect(saved[1]).toMatchObject({ id: second, unlocked: true, completed: false });
    const next = (await h.colyseus.sdk.create('game', { mode: 'solo', scenario: second, playerId: profile })) as Client;
    await nextMessage<WelcomeMessage>(next, 'welcome');
    await next.leave();

    await h.restart();
    expect(await standings(h, profile)).toEqual(saved);
  }, 45_000);

  it("a chapter ended before its time counts for nothing, and its seed is the server's", async () => {
    const profile = newPlayerId();
    const client = (await h.colyseus.sdk.create('game', { mode: 'solo', scenario: first, playerId: profile, seed: 7 })) as Client;
    await nextMessage<WelcomeMessage>(client, 'welcome');
    const room = h.colyseus.getRoomById<GameRoom>(client.roomId);
    // Seven is a seed the reference solutions are proven on: a client may not pick it for a chapter.
    expect(partsOf(room).record.seed).not.toBe(7);
    client.send('control', { action: 'resume' });
    client.send('control', { action: 'end' });
    await until(() => client.state.resultId !== '', 10_000, 'the end of the game');
    await client.leave();
    expect((await standings(h, profile))[0]).toMatchObject({ id: first, completed: false, stars: 0, score: null });
  });

  it('a match may run any chapter, locked or not, and counts for no one', async () => {
    const profile = newPlayerId();
    const later = chapterIds().at(-1)!;
    const host = (await h.colyseus.sdk.create('game', { mode: 'match', scenario: later, playerId: profile, seed: 7 })) as Client;
    await nextMessage<WelcomeMessage>(host, 'welcome');
    expect(partsOf(h.colyseus.getRoomById<GameRoom>(host.roomId)).record.seed).toBe(7);
    await host.leave();
    expect((await standings(h, profile)).every((c) => !c.completed && c.score === null)).toBe(true);
  });
});
