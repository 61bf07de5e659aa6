/**
 * Crash recovery by event sourcing, with real processes: a server that is stopped (SIGTERM) or
 * killed (SIGKILL) comes back with its rooms under the same codes, rebuilt from the last
 * snapshot plus the command log (the snapshot's hash is checked on the way), and players rejoin
 * their seats by code. A command resent after the restart is applied once.
 */
import { describe, expect, it } from 'vitest';
import { Client, type Room as ClientRoom } from '@colyseus/sdk';
import type { AckMessage, OutcomeMessage, WelcomeMessage } from '../../shared/protocol/messages';
import type { GameState } from '../../shared/schema/gameState';
import { nextMessage, readyAndStart, until } from './harness';
import { useServerProcesses, type ServerProcess } from './serverProcess';

type Room = ClientRoom<unknown, GameState>;
const processes = useServerProcesses('recovery');

function server(dataDir: string, port?: number): Promise<ServerProcess> {
  // Fast ticks so a test sees many; snapshots every 10 ticks.
  return processes.start({ DATA_DIR: dataDir, SCALE_UP_TICK_MS: '50', SCALE_UP_SNAPSHOT_TICKS: '10' }, port);
}

async function buy(room: Room, seq: number, kind: string): Promise<string> {
  const outcome = nextMessage<OutcomeMessage>(room, 'outcome', 5000);
  room.send('command', { seq, command: { type: 'buy', kind, region: 'ap', size: 'small' } });
  const result = await outcome;
  if (!result.ok || result.createdId === null) throw new Error(`buy ${kind} refused: ${result.reason}`);
  return result.createdId;
}

describe.each([
  ['stopped with SIGTERM', 'SIGTERM'],
  ['killed with SIGKILL', 'SIGKILL'],
] as const)('a server %s', (_what, signal) => {
  it('comes back with the room, its seats and every logged command', { timeout: 60_000 }, async () => {
    const dataDir = processes.dataDir();
    const first = await server(dataDir);
    const playerId = `recovery-${signal}-player`;
    const room = (await new Client(first.url).create('game', { mode: 'match', playerId, team: 'blue', public: false })) as Room;
    const welcome = await nextMessage<WelcomeMessage>(room, 'welcome');
    // A match starts with a player on every team, all of them ready.
    const mate = (await new Client(first.url).joinById(welcome.code, { playerId: `${playerId}-mate`, team: 'red' })) as Room;
    await nextMessage<WelcomeMessage>(mate, 'welcome');
    await readyAndStart(room, [mate]);
    const cache = await buy(room, 0, 'cache');
    await until(() => room.state.clock.tick >= 12, 10_000, 'a snapshot to be taken (tick 10)');
    const queue = await buy(room, 1, 'queue');
    const tickBefore = room.state.clock.tick;
    room.removeAllListeners();
    mate.removeAllListeners();

    const code = await first.stop(signal);
    if (signal === 'SIGTERM') expect(code).toBe(0);
    const second = await server(dataDir, first.port);

    const back = (await new Client(second.url).joinById(welcome.code, { playerId, seatToken: welcome.seatToken })) as Room;
    const rejoined = await nextMessage<WelcomeMessage>(back, 'welcome');
    expect(rejoined).toMatchObject({ code: welcome.code, team: 'blue', role: 'captain', nextSeq: 2 });
    await until(() => back.state.teams.get('blue')?.components.has(queue) === true, 5000, 'the restored view');
    const components = back.state.teams.get('blue')!.components;
    expect(components.has(cache)).toBe(true);
    expect(back.state.clock.phase).toBe('running');
    // SIGTERM saves a snapshot at the last tick; SIGKILL falls back to the last snapshot plus
    // the log, which reaches at least the tick after the last logged command.
    if (signal === 'SIGTERM') expect(back.state.clock.tick).toBeGreaterThanOrEqual(tickBefore);

    // The last command resent (as a client does when it did not see the ack): applied once.
    const ack = nextMessage<AckMessage>(back, 'ack');
    back.send('command', { seq: 1, command: { type: 'buy', kind: 'queue', region: 'ap', size: 'small' } });
    await ack;
    const ticked = back.state.clock.tick;
    await until(() => back.state.clock.tick > ticked + 2, 5000, 'ticks after the resend');
    expect([...components.values()].filter((c) => c.kind === 'queue')).toHaveLength(1);
    await back.leave();
  });
});
