/**
 * Nothing a client sends can hurt a room: a table of malformed and hostile messages, each answered
 * with a reason the client can show, and a fuzz test that throws random messages at a paused room
 * and checks that it is alive afterwards and that its simulations did not change.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room as ClientRoom } from '@colyseus/sdk';
import type { ErrorMessage, WelcomeMessage } from '../../shared/protocol/messages';
import type { GameState } from '../../shared/schema/gameState';
import type { GameRoom } from '../../server/rooms/GameRoom';
import { collect, newPlayerId, nextMessage, partsOf, simsOf, startHarness, until, type Harness } from './harness';

type Client = ClientRoom<unknown, GameState>;

let h: Harness;
let client: Client;
let room: GameRoom;

beforeAll(async () => {
  // A generous command rate here: the table and the fuzz test are about content, not volume.
  h = await startHarness({ timings: { commandRate: 10_000, commandBurst: 10_000, floodMessagesPerSecond: 100_000 } });
  client = (await h.colyseus.sdk.create('game', { mode: 'solo', playerId: newPlayerId() })) as Client;
  await nextMessage<WelcomeMessage>(client, 'welcome');
  room = h.colyseus.getRoomById<GameRoom>(client.roomId);
  client.send('control', { action: 'pause' });
  await until(() => room.state.clock.paused, 3000, 'pause');
});
afterAll(async () => {
  await h.stop();
});

/** The highest sequence number the room has taken from the (only) seat. */
function lastSeqOf(gameRoom: GameRoom): number {
  return partsOf(gameRoom).seats.all()[0]?.lastSeq ?? -1;
}

const long = 'x'.repeat(5000);
/** Arrays nested 300 deep: small, but a naive recursive walk would go deep. */
const deep = (() => {
  let value: unknown = [];
  for (let i = 0; i < 300; i++) value = [value];
  return { seq: 1, command: value };
})();

/** [what, message type, payload, expected reason] */
const HOSTILE: Array<[string, string, unknown, ErrorMessage['reason']]> = [
  ['no payload', 'command', undefined, 'malformed'],
  ['null', 'command', null, 'malformed'],
  ['a number', 'command', 42, 'malformed'],
  ['a string', 'command', 'buy a server', 'malformed'],
  ['an array', 'command', [1, 2, 3], 'malformed'],
  ['no command', 'command', { seq: 1 }, 'malformed'],
  ['no sequence number', 'command', { command: { type: 'remove', id: 'web-1' } }, 'malformed'],
  ['negative sequence number', 'command', { seq: -1, command: { type: 'remove', id: 'web-1' } }, 'malformed'],
  ['fractional sequence number', 'command', { seq: 1.5, command: { type: 'remove', id: 'web-1' } }, 'malformed'],
  // The largest valid number would leave no number for any later command.
  [
    'sequence number far ahead',
    'command',
    { seq: 2 ** 31 - 1, command: { type: 'buy', kind: 'cache', region: 'ap', size: 'small' } },
    'out-of-sequence',
  ],
  ['unknown command type', 'command', { seq: 1, command: { type: 'launchMissiles' } }, 'malformed'],
  [
    'prototype pollution',
    'command',
    JSON.parse('{"seq":1,"command":{"type":"remove","id":"web-1","__proto__":{"admin":true}}}'),
    'malformed',
  ],
  ['extra field', 'command', { seq: 1, command: { type: 'remove', id: 'web-1', money: 1e9 } }, 'malformed'],
  ['wrong field type', 'command', { seq: 1, command: { type: 'scale', id: 'web-1', count: '1000' } }, 'malformed'],
  ['absurd count', 'command', { seq: 1, command: { type: 'scale', id: 'web-1', count: 1e12 } }, 'malformed'],
  ['NaN-like count', 'command', { seq: 1, command: { type: 'scale', id: 'web-1', count: null } }, 'malformed'],
  ['unknown kind', 'command', { seq: 1, command: { type: 'buy', kind: 'mainframe', region: 'ap' } }, 'malformed'],
  ['script in an id', 'command', { seq: 1, command: { type: 'remove', id: '<script>alert(1)</script>' } }, 'malformed'],
  ['oversize payload', 'command', { seq: 1, command: { type: 'remove', id: 'web-1' }, pad: long }, 'oversize'],
  ['deeply nested payload', 'command', deep, 'malformed'],
  ['another team', 'command', { seq: 1, team: 'red', command: { type: 'remove', id: 'web-1' } }, 'not-your-team'],
  ['unknown region', 'command', { seq: 1, command: { type: 'buy', kind: 'web', region: 'moon' } }, 'unknown-region'],
  // Commands that change nothing would only grow the log and the replay.
  ['a command that changes nothing', 'command', { seq: 1, command: { type: 'scale', id: 'web-1', count: 1 } }, 'no-change'],
  ['a component that is not there', 'command', { seq: 1, command: { type: 'remove', id: 'db-77' } }, 'unknown-component'],
  ['unknown message type', 'hack', { root: true }, 'unknown-message'],
  // A handler registered for every type is called with other arguments for the type '*' itself.
  ['message type *', '*', { toString: 1, valueOf: 'x' }, 'unknown-message'],
  ['numeric message type', '7', {}, 'unknown-message'],
  ['unknown control action', 'control', { action: 'win' }, 'malformed'],
  ['bad speed', 'control', { action: 'speed', speed: 1000 }, 'malformed'],
  ['oversize control', 'control', { action: 'pause', pad: long }, 'oversize'],
  // Only the room logs injected incidents, for a workshop's instructor.
  [
    'an injected incident from a player',
    'command',
    { seq: 1, command: { type: 'inject', incident: { type: 'serverCrash' } } },
    'malformed',
  ],
  [
    'an instructor action from a player',
    'instructor',
    { action: 'inject', team: 'all', incident: { type: 'trafficSpike' } },
    'not-allowed',
  ],
  ['a removal from a player', 'instructor', { action: 'remove', seat: 'abcdef' }, 'not-allowed'],
  ['a hint with no text', 'instructor', { action: 'hint', hint: {} }, 'malformed'],
  ['an oversize hint', 'instructor', { action: 'hint', hint: { en: long } }, 'oversize'],
  ['a lobby action in a solo game', 'lobby', { action: 'team', team: 'red' }, 'not-allowed'],
  ['readiness in a solo game', 'lobby', { action: 'ready', ready: true }, 'not-allowed'],
  ['an unknown lobby action', 'lobby', { action: 'win' }, 'malformed'],
  ['a team name in a solo game', 'lobby', { action: 'team-name', name: 'Solo Stars' }, 'not-allowed'],
  ['a team name of nothing', 'lobby', { action: 'team-name', name: '   ' }, 'malformed'],
];

describe('hostile and malformed messages', () => {
  it('has a table of at least 20 cases', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(20);
  });

  it.each(HOSTILE)('%s: refused with a reason, nothing changes, the room lives on', async (_what, type, payload, reason) => {
    const sims = simsOf(room);
    const before = { tick: sims.tick, hashes: sims.hashes() };
    const answer = nextMessage<ErrorMessage>(client, 'error');
    client.send(type, payload as never);
    const error = await answer;
    expect(error.reason).toBe(reason);
    expect(error.type).toBe(type);
    expect({ tick: sims.tick, hashes: sims.hashes() }).toEqual(before);
    expect(client.connection.isOpen).toBe(true);
  });
});

describe('fuzzing a room', () => {
  it('random messages never crash the room or change its state, and a valid command still works after', async () => {
    const sims = simsOf(room);
    const before = sims.hashes();
    const errors = collect<ErrorMessage>(client, 'error');
    const acks = collect<{ seq: number }>(client, 'ack');
    const message = fc.oneof(
      fc.jsonValue(),
      fc.record({ seq: fc.oneof(fc.integer(), fc.double(), fc.string()), command: fc.jsonValue() }, { requiredKeys: [] }),
      fc.record({
        seq: fc.nat(),
        command: fc.record(
          {
            type: fc.constantFrom('buy', 'remove', 'scale', 'connect', 'configure', 'promote'),
            id: fc.string(),
            kind: fc.string(),
            count: fc.integer(),
          },
          { requiredKeys: ['type'] },
        ),
      }),
    );
    const type = fc.constantFrom('command', 'control', 'lobby', 'instructor', 'nonsense', '');
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(type, message, async (t, m) => {
        client.send(t, m as never);
        sent += 1;
      }),
      { numRuns: 300 },
    );
    // Every message is answered (an error, or an ack for the rare valid command).
    await until(() => errors.length + acks.length >= sent, 5000, 'an answer to every message');
    expect(client.connection.isOpen).toBe(true);
    // A random message that happens to be a valid command may change the state; none did here
    // unless acknowledged.
    if (acks.length === 0) expect(sims.hashes()).toEqual(before);

    const outcome = nextMessage<{ ok: boolean }>(client, 'outcome');
    client.send('command', { seq: lastSeqOf(room) + 1, command: { type: 'buy', kind: 'cache', region: 'ap', size: 'small' } });
    client.send('control', { action: 'resume' });
    expect((await outcome).ok).toBe(true);
  });
});
