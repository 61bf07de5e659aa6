/**
 * Latest seek wins: while a seek is computed, the ticks asked for in between are dropped and only
 * the newest is computed next, on the page's side (LatestSeek) and in the worker's queue
 * (ReplayJobs: a waiting seek replaced is answered `dropped`). A load is built in slices, the
 * newest first, each reporting how far it is and the chart points of the same run; a seek waits
 * for its pair to be built.
 */
import { describe, expect, it } from 'vitest';
import { ReplayEngine } from '../../client/replay/engine';
import { ReplayJobs, type ScrubReply } from '../../client/replay/jobs';
import { LatestSeek } from '../../client/replay/latestSeek';
import { historyPoint } from '../../shared/protocol/history';
import { replay, teamView } from '../../shared/sim';
import { chapterReplay, hashAt } from './replayFixture';

/** A seek function whose answers the test releases by hand. */
function manual() {
  const asked: number[] = [];
  const release: Array<() => void> = [];
  const run = (tick: number) =>
    new Promise<number>((resolve) => {
      asked.push(tick);
      release.push(() => resolve(tick));
    });
  const answer = async () => {
    release.shift()?.();
    // Let the promise chain (then → done → next send) run.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { asked, run, answer };
}

describe('LatestSeek', () => {
  it('sends one seek at a time and, after it, only the newest tick asked for', async () => {
    const { asked, run, answer } = manual();
    const shown: number[] = [];
    const seeker = new LatestSeek(run, (result) => shown.push(result));
    for (const tick of [10, 20, 30, 40, 50]) seeker.want(tick);
    expect(asked).toEqual([10]);
    expect(seeker.busy).toBe(true);
    await answer();
    expect(shown).toEqual([10]);
    expect(asked).toEqual([10, 50]);
    expect(seeker.dropped).toBe(3);
    await answer();
    expect(shown).toEqual([10, 50]);
    expect(seeker.busy).toBe(false);
  });

  it('asks nothing more for the tick already in flight, and settles on the last tick asked', async () => {
    const { asked, run, answer } = manual();
    const shown: number[] = [];
    const seeker = new LatestSeek(run, (result) => shown.push(result));
    await seeker.settled();
    seeker.want(5);
    seeker.want(9);
    seeker.want(5);
    let settled = false;
    void seeker.settled().then(() => (settled = true));
    await answer();
    expect(asked).toEqual([5]);
    expect(shown).toEqual([5]);
    expect(settled).toBe(true);
  });

  it('reports a failed seek and goes on with the next', async () => {
    const failures: number[] = [];
    const shown: number[] = [];
    const seeker = new LatestSeek(
      (tick) => (tick === 1 ? Promise.reject(new Error('no')) : Promise.resolve(tick)),
      (result) => shown.push(result),
      (_error, tick) => failures.push(tick),
    );
    seeker.want(1);
    seeker.want(2);
    await seeker.settled();
    expect(failures).toEqual([1]);
    expect(shown).toEqual([2]);
  });

  it('shows nothing once stopped', async () => {
    const { run, answer } = manual();
    const shown: number[] = [];
    const seeker = new LatestSeek(run, (result) => shown.push(result));
    seeker.want(3);
    seeker.stop();
    await seeker.settled();
    await answer();
    seeker.want(4);
    expect(shown).toEqual([]);
  });
});

describe("the worker's queue", () => {
  const doc = chapterReplay();

  /** Jobs whose turns the test runs one by one, on a clock that moves a millisecond each time it is read. */
  function queue() {
    const replies: ScrubReply[] = [];
    const turns: Array<() => void> = [];
    let clock = 0;
    const jobs = new ReplayJobs(
      new ReplayEngine(() => clock++),
      (reply) => replies.push(reply),
      (run) => turns.push(run),
    );
    const turn = () => turns.shift()?.();
    const of = <T extends ScrubReply['type']>(type: T) => replies.filter((r): r is Extract<ScrubReply, { type: T }> => r.type === type);
    return { jobs, replies, turn, turns, of };
  }

  it('builds a load in slices, saying how far, with the chart history of the same run; then the newest seek', () => {
    const { jobs, replies, turn, turns, of } = queue();
    jobs.receive({ type: 'seek', id: 2, key: 'k', tick: 100 });
    jobs.receive({ type: 'load', id: 1, load: { key: 'k', replay: doc, team: 'solo' } });
    jobs.receive({ type: 'seek', id: 3, key: 'k', tick: 200 });
    jobs.receive({ type: 'seek', id: 4, key: 'k', tick: 300 });
    expect(replies.map((r) => r.type)).toEqual(['dropped', 'dropped']);
    expect(replies.map((r) => ('id' in r ? r.id : null))).toEqual([2, 3]);
    // The seek waits while its pair is built.
    while (of('loaded').length === 0 && turns.length > 0) turn();
    expect(of('seek')).toEqual([]);
    expect(of('loaded')[0]).toMatchObject({ id: 1, loaded: { faithful: true, fresh: true, finalTick: 600, keyframes: 6 } });
    turn();
    expect(of('seek')[0]).toMatchObject({ id: 4, answer: { tick: 300, hash: hashAt(doc, 300) } });
    expect(turns).toEqual([]);

    const progress = of('progress').map((r) => r.progress);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every((p, i) => p.key === 'k' && p.finalTick === 600 && (i === 0 || p.ticks > progress[i - 1]!.ticks))).toBe(true);
    expect(progress.at(-1)?.ticks).toBe(600);

    const slices = of('history').map((r) => r.slice);
    expect(slices.length).toBe(progress.length);
    expect(slices.map((s) => s.first)).toEqual(slices.map((_, i) => i === 0));
    expect(slices.map((s) => s.done)).toEqual(slices.map((_, i) => i === slices.length - 1));
    const points = slices.flatMap((s) => s.points);
    // 600 ticks: a point at every tick, the start's included, each the state a plain re-run has then.
    expect(points.map((p) => p.tick)).toEqual(Array.from({ length: 601 }, (_, tick) => tick));
    const plain = new Map<number, ReturnType<typeof historyPoint>>();
    replay(doc.scenario, doc.seed, doc.log, 600, (state) => {
      if (state.tick % 150 === 0) plain.set(state.tick, historyPoint(teamView(state)));
    });
    for (const [tick, point] of plain) expect(points[tick], `tick ${tick}`).toEqual(point);
  });

  it('builds the team picked last first, answers every load of a pair once it is built, and a kept pair at once', () => {
    const { jobs, turn, turns, of } = queue();
    const two = { ...doc, teams: ['solo', 'other'] };
    jobs.receive({ type: 'load', id: 1, load: { key: 'a', replay: two, team: 'solo' } });
    jobs.receive({ type: 'load', id: 2, load: { key: 'b', replay: two, team: 'other' } });
    jobs.receive({ type: 'load', id: 3, load: { key: 'b', replay: two, team: 'other' } });
    turn();
    expect(of('progress')[0]?.progress.key).toBe('b');
    while (turns.length > 0) turn();
    expect(of('loaded').map((r) => [r.id, r.loaded.key])).toEqual([
      [2, 'b'],
      [3, 'b'],
      [1, 'a'],
    ]);
    const built = of('progress').length;
    jobs.receive({ type: 'load', id: 4, load: { key: 'a', replay: two, team: 'solo' } });
    expect(of('loaded').at(-1)).toMatchObject({ id: 4, loaded: { key: 'a', fresh: false } });
    expect(turns).toEqual([]);
    expect(of('progress').length).toBe(built);
  });

  it('answers a seek of a replay it does not hold with an error, a load of a team not in it too, and forgets a dropped one', () => {
    const { jobs, turn, turns, of } = queue();
    jobs.receive({ type: 'seek', id: 7, key: 'nothing', tick: 1 });
    turn();
    expect(of('error')[0]).toMatchObject({ id: 7 });
    jobs.receive({ type: 'load', id: 8, load: { key: 'k', replay: doc, team: 'nobody' } });
    expect(of('error')[1]).toMatchObject({ id: 8 });
    jobs.receive({ type: 'load', id: 9, load: { key: 'k', replay: doc, team: 'solo' } });
    turn();
    jobs.receive({ type: 'drop', key: 'k' });
    expect(of('dropped')).toEqual([{ type: 'dropped', id: 9 }]);
    while (turns.length > 0) turn();
    expect(of('loaded')).toEqual([]);
  });
});
