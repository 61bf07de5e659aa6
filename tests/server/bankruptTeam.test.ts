/**
 * A team that goes bankrupt in a match stops acting; the room's clock, the other teams, snapshots,
 * crash recovery and the final replay go on as if nothing happened. Real server processes: the
 * room is killed with SIGKILL after the bankruptcy and must come back (restore must terminate).
 */
import { describe, expect, it } from 'vitest';
import { Client, type Room as ClientRoom } from '@colyseus/sdk';
import type { ErrorMessage, OutcomeMessage, WelcomeMessage } from '../../shared/protocol/messages';
import type { GameState } from '../../shared/schema/gameState';
import { replayedHash } from '../helpers/replays';
import { servedReplay } from '../replay/servedReplay';
import { nextMessage, readyAndStart, until } from './harness';
import { useServerProcesses, type ServerProcess } from './serverProcess';

type Room = ClientRoom<unknown, GameState>;
const processes = useServerProcesses('bankrupt');

function server(dataDir: string, port?: number): Promise<ServerProcess> {
  return processes.start({ DATA_DIR: dataDir, SCALE_UP_TICK_MS: '20', SCALE_UP_SNAPSHOT_TICKS: '10' }, port);
}

/**
 * Spending that bankrupts a sandbox team (2,000 to start) within a few hundred ticks: the users are
 * cut off from the first server, so nothing is earned, and two databases, a cache and a web server
 * cost 1,990 up front and 144 a day to run. Each purchase may be refused for want of money; what is
 * bought is enough.
 */
const OVERSPEND = [
  { type: 'disconnect', from: 'users', to: 'web-1' },
  { type: 'buy', kind: 'db', region: 'ap', size: 'large' },
  { type: 'buy', kind: 'db', region: 'ap' },
  { type: 'buy', kind: 'cache', region: 'ap', size: 'small' },
  { type: 'buy', kind: 'web', region: 'ap', size: 'small' },
];

/** Sends `commands` from `firstSeq` on, each after the previous one's outcome (or refusal). */
async function send(room: Room, firstSeq: number, commands: object[]): Promise<Array<OutcomeMessage | ErrorMessage>> {
  const answers: Array<OutcomeMessage | ErrorMessage> = [];
  for (const [i, command] of commands.entries()) {
    const answer = Promise.race([nextMessage<OutcomeMessage>(room, 'outcome', 5000), nextMessage<ErrorMessage>(room, 'error', 5000)]);
    room.send('command', { seq: firstSeq + i, command });
    answers.push(await answer);
  }
  return answers;
}

const gameOverOf = (room: Room, team: string): string => room.state.teams.get(team)?.gameOver ?? '';

describe('a bankrupt team in a match', () => {
  it('stops acting while the clock and the other team go on, through a crash, to a replay that holds', { timeout: 90_000 }, async () => {
    const dataDir = processes.dataDir();
    const first = await server(dataDir);
    const sdk = new Client(first.url);
    const red = (await sdk.create('game', { mode: 'match', playerId: 'bankrupt-red-player', team: 'red' })) as Room;
    const redWelcome = await nextMessage<WelcomeMessage>(red, 'welcome');
    const code = redWelcome.code;
    const blue = (await sdk.joinById(code, { playerId: 'bankrupt-blue-player', team: 'blue' })) as Room;
    const blueWelcome = await nextMessage<WelcomeMessage>(blue, 'welcome');
    await readyAndStart(red, [blue]);
    await until(() => red.state.clock.phase === 'running', 5000, 'start');

    // Red overspends and goes bankrupt; the first team's end used to stop the room's clock.
    expect((await send(red, 0, OVERSPEND)).some((answer) => 'ok' in answer && answer.ok)).toBe(true);
    await until(() => gameOverOf(red, 'red') === 'bankrupt', 20_000, 'red to go bankrupt');
    const redOverTick = red.state.teams.get('red')!.gameOverTick;
    await until(() => blue.state.clock.tick > redOverTick + 15, 5000, 'the clock to go on past the bankruptcy');
    expect(blue.state.clock.phase).toBe('running');

    // A bankrupt team's commands are refused, and say why; the other team plays on.
    const [refused] = await send(red, OVERSPEND.length, [{ type: 'buyFeature', feature: 'hostMetrics' }]);
    expect(refused).toMatchObject({ reason: 'game-over' });
    const [bought] = await send(blue, 0, [{ type: 'buy', kind: 'queue', region: 'ap', size: 'small' }]);
    expect(bought).toMatchObject({ ok: true });
    const queueId = (bought as OutcomeMessage).createdId as string;
    await until(() => blue.state.teams.get('blue')?.components.has(queueId) === true, 5000, 'blue to see its queue');

    // A crash after the bankruptcy: the room comes back (restore used to loop for ever) near the
    // tick it had reached, not at the tick red stopped at.
    await until(() => blue.state.clock.tick > redOverTick + 40, 5000, 'snapshots after the bankruptcy');
    const tickBeforeCrash = blue.state.clock.tick;
    red.removeAllListeners();
    blue.removeAllListeners();
    await first.stop('SIGKILL');
    const second = await server(dataDir, first.port);
    const again = new Client(second.url);
    const blueBack = (await again.joinById(code, { playerId: 'bankrupt-blue-player', seatToken: blueWelcome.seatToken })) as Room;
    expect(await nextMessage<WelcomeMessage>(blueBack, 'welcome')).toMatchObject({ team: 'blue', nextSeq: 1 });
    await until(() => blueBack.state.teams.get('blue')?.components.has(queueId) === true, 5000, 'the restored blue system');
    expect(blueBack.state.clock.tick).toBeGreaterThanOrEqual(tickBeforeCrash - 12);
    expect(blueBack.state.clock.phase).toBe('running');
    const redBack = (await again.joinById(code, { playerId: 'bankrupt-red-player', seatToken: redWelcome.seatToken })) as Room;
    await nextMessage<WelcomeMessage>(redBack, 'welcome');
    await until(() => gameOverOf(redBack, 'red') === 'bankrupt', 5000, 'red still bankrupt after the restart');

    // Blue overspends too: with every team over, the match ends, and its replay re-runs each
    // team to the recorded final hash.
    await send(blueBack, 1, OVERSPEND);
    await until(() => blueBack.state.clock.phase === 'finished' && blueBack.state.replayId !== '', 30_000, 'the match to end');
    const response = await fetch(`${second.url}/api/replays/${blueBack.state.replayId}`);
    const text = await response.text();
    const replay = servedReplay(JSON.parse(text));
    for (const team of ['red', 'blue']) expect(replayedHash(replay, team), team).toBe(replay.finalHashes[team]);
    // The replay names seats by their public ids, never by the players' private ids.
    expect(text).not.toContain('bankrupt-red-player');
    expect(text).not.toContain('bankrupt-blue-player');
    expect(new Set(replay.log.map((entry) => entry.player))).toEqual(new Set([redWelcome.seatId, blueWelcome.seatId]));
    await Promise.all([blueBack.leave(), redBack.leave()]);
  });
});
