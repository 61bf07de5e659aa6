/**
 * Event sourcing inside one server: the log a room writes replays to the same state hash as the
 * live room, and a finished game's replay and result are served over HTTP (JSON and CSV).
 */
import { describe, expect, it } from 'vitest';
import type { Room as ClientRoom } from '@colyseus/sdk';
import type { OutcomeMessage, WelcomeMessage } from '../../shared/protocol/messages';
import type { GameState } from '../../shared/schema/gameState';
import { replay as replayGame, hashState } from '../../shared/sim';
import { servedReplay } from '../replay/servedReplay';
import type { GameRoom } from '../../server/rooms/GameRoom';
import { TeamSims } from '../../server/rooms/teamSims';
import { newPlayerId, nextMessage, simsOf, useHarness, until } from './harness';

type Client = ClientRoom<unknown, GameState>;
const h = useHarness();

const storedId = (room: GameRoom) => (room as unknown as { record: { id: string } }).record.id;

/** Sends `commands` one after another, each once the previous one's outcome arrived. */
async function play(client: Client, commands: object[]): Promise<OutcomeMessage[]> {
  const outcomes: OutcomeMessage[] = [];
  for (const [seq, command] of commands.entries()) {
    const outcome = nextMessage<OutcomeMessage>(client, 'outcome');
    const refused = nextMessage<{ reason: string }>(client, 'error').then((e) => {
      throw new Error(`command ${seq} refused: ${e.reason}`);
    });
    client.send('command', { seq, command });
    outcomes.push(await Promise.race([outcome, refused]));
  }
  return outcomes;
}

describe('the persisted log', () => {
  it("replays to the live room's hash, tick for tick, for every team", async () => {
    const client = (await h.colyseus.sdk.create('game', { mode: 'solo', playerId: newPlayerId() })) as Client;
    await nextMessage<WelcomeMessage>(client, 'welcome');
    const room = h.colyseus.getRoomById<GameRoom>(client.roomId);
    const outcomes = await play(client, [
      { type: 'buy', kind: 'db', region: 'ap', size: 'small', engine: 'rdbms' },
      { type: 'buy', kind: 'cache', region: 'ap', size: 'small' },
      { type: 'buy', kind: 'lb', region: 'ap' },
      { type: 'buyFeature', feature: 'hostMetrics' },
    ]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    client.send('control', { action: 'pause' });
    await until(() => room.state.clock.paused, 3000, 'pause');
    const sims = simsOf(room);
    const live = { tick: sims.tick, hashes: sims.hashes() };
    const record = await h.server.store.getRoom(storedId(room));
    const log = await h.server.store.listCommands(storedId(room));
    expect(log).toHaveLength(4);
    const rebuilt = TeamSims.restore(record!.scenario, record!.seed, ['solo'], null, log, live.tick);
    expect(rebuilt.hashes()).toEqual(live.hashes);
    await client.leave();
  });
});

describe('a finished game', () => {
  it('serves its replay (which re-runs to the final hash) and its result as JSON and CSV', async () => {
    const client = (await h.colyseus.sdk.create('game', { mode: 'solo', playerId: newPlayerId(), name: 'Kim, "Ops"' })) as Client;
    await nextMessage<WelcomeMessage>(client, 'welcome');
    await play(client, [{ type: 'buy', kind: 'cache', region: 'ap', size: 'small' }]);
    client.send('control', { action: 'end' });
    await until(() => client.state.replayId !== '' && client.state.resultId !== '', 3000, 'result and replay ids');
    expect(client.state.clock.phase).toBe('finished');
    const base = `http://127.0.0.1:${h.server.port}`;

    const replay = servedReplay(await (await fetch(`${base}/api/replays/${client.state.replayId}`)).json());
    expect(replay.log).toHaveLength(1);
    expect(hashState(replayGame(replay.scenario, replay.seed, replay.log, replay.finalTick))).toBe(replay.finalHashes.solo);

    const json = await fetch(`${base}/api/results/${client.state.resultId}`);
    expect(json.status).toBe(200);
    const result = (await json.json()) as { mode: string; result: { teams: Array<{ team: string; players: string[] }> } };
    expect(result.mode).toBe('solo');
    expect(result.result.teams).toEqual([expect.objectContaining({ team: 'solo', players: ['Kim, "Ops"'] })]);

    const csv = await fetch(`${base}/api/results/${client.state.resultId}.csv`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, row] = (await csv.text()).split('\r\n');
    expect(header!.split(',')).toContain('availability');
    expect(row).toContain('"Kim, ""Ops"""');

    expect((await fetch(`${base}/api/results/nope!`)).status).toBe(404);
    expect((await fetch(`${base}/api/replays/unknown-id`)).status).toBe(404);
    expect(await (await h.server.store.getRoom(storedId(h.colyseus.getRoomById<GameRoom>(client.roomId)))!)?.status).toBe('finished');
    await client.leave();
  });

  it('counts rooms, ticks and commands in /metrics', async () => {
    const text = await (await fetch(`http://127.0.0.1:${h.server.port}/metrics`)).text();
    expect(text).toMatch(/^scaleup_ticks_total\{mode="solo"\} [1-9]\d*$/m);
    expect(text).toMatch(/^scaleup_commands_total\{result="accepted",reason=""\} [1-9]\d*$/m);
    expect(text).toMatch(/^scaleup_patch_bytes_total [1-9]\d*$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });
});
