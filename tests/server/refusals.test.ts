/**
 * Rooms that cannot be made, over the real SDK: the creator's error is a reason code the client
 * translates (never an English sentence), nothing is stored and the reserved join code is given
 * back; the server logs the refusal with its detail, not as a crash. Also: the services a room
 * runs with come from the server's room definition, which a client's options cannot replace.
 */
import { Writable } from 'node:stream';
import { matchMaker } from '@colyseus/core';
import type { Room as ClientRoom } from '@colyseus/sdk';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_REASONS, type WelcomeMessage } from '../../shared/protocol/messages';
import type { GameRoom } from '../../server/rooms/GameRoom';
import { FAST_TICK_MS, newPlayerId, nextMessage, partsOf, startHarness, type Harness } from './harness';

const logLines: Array<{ msg?: string; level?: number; reason?: string; detail?: string; method?: string }> = [];
const logStream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n')) if (line !== '') logLines.push(JSON.parse(line) as (typeof logLines)[number]);
    done();
  },
});

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ logger: pino({ level: 'info' }, logStream) });
});
afterAll(async () => {
  await h.stop();
});

/** The message of the error creating a room with `options` rejects with (its HTTP status is 400). */
async function refusalOf(options: Record<string, unknown>): Promise<string> {
  const error = await h.colyseus.sdk.create('game', options).then(
    () => new Error('the room was created'),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  expect((error as { code?: unknown }).code).toBe(400);
  return (error as Error).message;
}

/** What a refused creation must leave behind: nothing stored, no room, no reserved code. */
async function expectNothingLeft(): Promise<void> {
  expect(await h.server.store.runningRooms()).toEqual([]);
  expect(await matchMaker.query({ name: 'game' })).toEqual([]);
  expect(await matchMaker.presence.hlen('scale-up:codes')).toBe(0);
}

describe('a room that cannot be made', () => {
  it.each([
    ['an unknown scenario', { mode: 'solo', scenario: 'no-such-scenario' }, 'unknown-scenario'],
    ['an unknown mode', { mode: 'tournament' }, 'invalid-create'],
    ['an unknown option', { mode: 'match', cheats: true }, 'invalid-create'],
    ['the same team twice', { mode: 'match', teams: ['red', 'red'] }, 'duplicate-team'],
    ['a restore token the server never issued', { mode: 'solo', restoreToken: 'guessed' }, 'invalid-create'],
  ])('%s: refused with a reason code, and nothing is stored', async (_what, options, reason) => {
    expect(JOIN_REASONS).toContain(reason);
    expect(await refusalOf({ playerId: newPlayerId(), ...options })).toBe(reason);
    await expectNothingLeft();
  });

  it('is logged as a refusal with its detail, not as an uncaught error', async () => {
    logLines.length = 0;
    expect(await refusalOf({ playerId: newPlayerId(), mode: 'solo', scenario: 'atlantis' })).toBe('unknown-scenario');
    expect(await refusalOf({ playerId: newPlayerId(), mode: 'tournament' })).toBe('invalid-create');
    const refusals = logLines.filter((line) => line.msg === 'refused');
    expect(refusals).toEqual([
      expect.objectContaining({ method: 'onCreate', reason: 'unknown-scenario', detail: 'atlantis' }),
      expect.objectContaining({ method: 'onCreate', reason: 'invalid-create', detail: expect.stringMatching(/^mode: /) }),
    ]);
    expect(logLines.filter((line) => line.msg === 'uncaught error in room')).toEqual([]);
  });
});

describe('room services', () => {
  it("come from the server's room definition: a client option named services changes nothing", async () => {
    const client = (await h.colyseus.sdk.create('game', {
      mode: 'solo',
      playerId: newPlayerId(),
      services: { store: null, timings: { tickMs: 1 } },
    })) as ClientRoom;
    client.onMessage('history', () => {});
    expect((await nextMessage<WelcomeMessage>(client, 'welcome')).mode).toBe('solo');
    const parts = partsOf(h.colyseus.getRoomById<GameRoom>(client.roomId));
    expect(parts.timings.tickMs).toBe(FAST_TICK_MS);
    expect(await h.server.store.getRoom(parts.record.id)).not.toBeNull();
    await client.leave();
  });
});
