/**
 * The replay client as the game screen reads it, with the jobs in the page (Node has no Worker):
 * how far a load is, the model of the chosen team at the tick on screen (the hash the server
 * recorded at the end, the plain re-run's anywhere else), the charts up to that tick, playback
 * through the clock's controls, commands refused with one notice, another team on demand, and
 * leaving.
 */
import { describe, expect, it } from 'vitest';
import { LocalGame } from '../../client/dev/localGame';
import { scrubBackend } from '../../client/replay/backend';
import { ReplayClient } from '../../client/replay/replayClient';
import { chartPoints } from '../../client/replay/replayModel';
import type { HistoryPoint } from '../../shared/protocol/history';
import { createSim, teamView } from '../../shared/sim';
import type { ReplayDocument } from '../../shared/protocol/results';
import { chapterReplay, hashAt, sandboxBuildReplay } from './replayFixture';

const doc = chapterReplay();

function open(replay: ReplayDocument = doc) {
  let closed = 0;
  const client = new ReplayClient(replay, { kind: 'file', name: 'game.json' }, new LocalGame(), scrubBackend(false), () => closed++);
  return { client, closed: () => closed };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a replay client', () => {
  it("publishes the team at the slider's tick as a paused read-only solo game, ending on the server's hash", async () => {
    const { client } = open();
    await client.selectTeam('solo');
    const start = await client.settled();
    expect(start?.tick).toBe(0);
    const game = client.game.get()!;
    expect(game).toMatchObject({ mode: 'solo', code: '', scenario: '01-one-server', replayId: 'fixture1', durationTicks: 600 });
    expect(game.clock).toMatchObject({ tick: 0, phase: 'running', paused: true, adjustable: true });
    expect(game.me).toMatchObject({ team: 'solo', role: 'spectator' });
    expect(game.teams.solo?.components).toEqual([]);
    expect(client.view.get()).toMatchObject({ phase: 'ready', faithful: true, where: 'page' });

    client.seek(600);
    expect((await client.settled())?.hash).toBe(doc.finalHashes.solo);
    expect(client.game.get()?.clock.phase).toBe('finished');
    expect(client.game.get()?.goalValues.solo?.length).toBeGreaterThan(0);
    // The end card and the debrief get the result a server would have stored, from the re-run.
    const stored = await client.result(client.game.get()!.resultId!);
    expect(stored?.result.teams[0]).toMatchObject({ team: 'solo', chapter: { status: 'won' } });
    expect(stored?.result.teams[0]?.chapter?.stars).toBeGreaterThanOrEqual(1);
    client.seek(250);
    expect((await client.settled())?.hash).toBe(hashAt(doc, 250));
    expect(client.game.get()?.teams.solo?.components.length).toBeGreaterThan(0);
    client.close();
  });

  it('says how far the re-run is while it loads, and has the whole chart history once ready', async () => {
    // Six days: a build of several slices, whatever the machine.
    const long = sandboxBuildReplay(6 * 1440);
    const { client } = open(long);
    const seen: number[] = [];
    client.view.subscribe((view) => {
      if (seen.at(-1) !== view.progress) seen.push(view.progress);
    });
    await client.selectTeam('solo');
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((share, i) => i === 0 || share > seen[i - 1]!)).toBe(true);
    expect(client.view.get()).toMatchObject({ phase: 'ready', progress: 1, faithful: true });
    client.seek(long.finalTick);
    await client.settled();
    // One run gave keyframes and charts: the charts reach the end as soon as the state does.
    const points = client.history.get().solo ?? [];
    expect(points[0]?.tick).toBe(0);
    expect(points.at(-1)?.tick).toBe(long.finalTick);
    // A point every ceil(8640 / 1500) = 6 ticks.
    expect(points[1]?.tick).toBe(6);
    client.close();
  }, 30_000);

  it('draws the charts up to the tick on screen once the history is run', async () => {
    const { client } = open();
    await client.selectTeam('solo');
    client.seek(400);
    await client.settled();
    for (let i = 0; i < 100 && (client.history.get().solo?.length ?? 0) < 300; i++) await wait(20);
    const points = client.history.get().solo ?? [];
    expect(points[0]?.tick).toBe(0);
    expect(points.at(-1)?.tick).toBe(400);
    client.seek(100);
    await client.settled();
    expect(client.history.get().solo?.at(-1)?.tick).toBe(100);
    client.close();
  });

  it('refuses commands with one notice, and plays through the clock controls', async () => {
    const { client } = open();
    await client.selectTeam('solo');
    expect(client.send()).toBe(-1);
    client.send();
    expect(client.notices.get().map((n) => n.key)).toEqual(['ui.replay.readOnly']);
    client.dismiss(client.notices.get()[0]!.id);
    expect(client.notices.get()).toEqual([]);

    client.control({ action: 'speed', speed: 32 });
    expect(client.view.get()).toMatchObject({ playing: true, speed: 32 });
    await wait(300);
    client.control({ action: 'pause' });
    const at = client.view.get().tick;
    expect(at).toBeGreaterThanOrEqual(5);
    await client.settled();
    expect(client.game.get()?.clock).toMatchObject({ tick: at, paused: true, speed: 32 });
    // From the end, play starts over.
    client.control({ action: 'end' });
    expect(client.view.get().tick).toBe(600);
    client.play();
    expect(client.view.get().tick).toBeLessThan(600);
    client.pause();
    client.close();
  });

  it('follows another team of the replay, and hands the debrief its own replay', async () => {
    const red = doc.log.map((entry) => ({ ...entry, team: 'red' }));
    const two: ReplayDocument = {
      ...doc,
      teams: ['red', 'blue'],
      log: red,
      finalHashes: { red: doc.finalHashes.solo!, blue: 'not-the-hash' },
    };
    const { client, closed } = open(two);
    await client.selectTeam('red');
    client.seek(600);
    expect((await client.settled())?.hash).toBe(doc.finalHashes.solo);
    await client.selectTeam('blue');
    expect(client.view.get()).toMatchObject({ team: 'blue', faithful: false, tick: 600 });
    expect((await client.settled())?.hash).toBe(hashAt(two, 600, 'blue'));
    expect(client.game.get()?.teamIds).toEqual(['blue']);
    expect(await client.replay(two.id)).toBe(two);
    await client.leave();
    expect(closed()).toBe(1);
    client.close();
    expect(closed()).toBe(1);
  });
});

describe("a replay's charts", () => {
  const view = teamView(createSim(doc.scenario, doc.seed));
  const at = (tick: number): HistoryPoint => ({
    tick,
    money: tick,
    dau: 0,
    online: 0,
    availability: null,
    p95LatencyMs: null,
    errorRate: null,
  });
  const history = [0, 3, 6, 9].map(at);

  it('draw the history up to the tick on screen, ending on the state shown once the history is run that far', () => {
    expect(chartPoints(history, { tick: 6, view }).map((p) => p.tick)).toEqual([0, 3, 6]);
    const between = chartPoints(history, { tick: 7, view });
    expect(between.map((p) => p.tick)).toEqual([0, 3, 6, 7]);
    expect(between.at(-1)?.money).toBe(view.money);
    expect(chartPoints(history, { tick: 0, view }).map((p) => p.tick)).toEqual([0]);
  });

  it('stop at the last point run while the history has not reached the tick', () => {
    expect(chartPoints(history, { tick: 12, view }).map((p) => p.tick)).toEqual([0, 3, 6, 9]);
    expect(chartPoints([], { tick: 5, view })).toEqual([]);
  });
});
