/**
 * Latest seek wins: while a seek is computed, the ticks asked for in between are dropped and only
 * the newest is computed next, on the page's side (LatestSeek) and in the worker's queue
 * (ReplayJobs: a waiting seek replaced is answered `dropped`); loads go first, chart history only
 * when nothing else waits.
 */
import { describe, expect, it } from 'vitest';
import { ReplayEngine } from '../../client/replay/engine';
import { ReplayJobs, type ScrubReply } from '../../client/replay/jobs';
import { LatestSeek } from '../../client/replay/latestSeek';
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

  /** Jobs whose turns the test runs one by one. */
  function queue() {
    const replies: ScrubReply[] = [];
    const turns: Array<() => void> = [];
    const jobs = new ReplayJobs(
      new ReplayEngine(),
      (reply) => replies.push(reply),
      (run) => turns.push(run),
    );
    const turn = () => turns.shift()?.();
    return { jobs, replies, turn, turns };
  }

  it('loads first, answers only the newest of the seeks waiting, then runs the chart history', () => {
    const { jobs, replies, turn, turns } = queue();
    jobs.receive({ type: 'seek', id: 2, key: 'k', tick: 100 });
    jobs.receive({ type: 'load', id: 1, load: { key: 'k', replay: doc, team: 'solo' } });
    jobs.receive({ type: 'seek', id: 3, key: 'k', tick: 200 });
    jobs.receive({ type: 'seek', id: 4, key: 'k', tick: 300 });
    expect(replies.map((r) => r.type)).toEqual(['dropped', 'dropped']);
    expect(replies.map((r) => ('id' in r ? r.id : null))).toEqual([2, 3]);
    turn();
    expect(replies[2]).toMatchObject({ type: 'loaded', id: 1, loaded: { faithful: true, fresh: true, finalTick: 600 } });
    turn();
    expect(replies[3]).toMatchObject({ type: 'seek', id: 4, answer: { tick: 300, hash: hashAt(doc, 300) } });
    // Then the chart history, a slice a turn, until the whole game is done.
    while (turns.length > 0) turn();
    const slices = replies.flatMap((r) => (r.type === 'history' ? [r.slice] : []));
    expect(slices.at(-1)?.done).toBe(true);
    const ticks = slices.flatMap((s) => s.points.map((p) => p.tick));
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBe(600);
    expect(ticks.every((tick, i) => i === 0 || tick > (ticks[i - 1] as number))).toBe(true);
  });

  it('answers a seek of a replay it does not hold with an error, and forgets a dropped one', () => {
    const { jobs, replies, turn } = queue();
    jobs.receive({ type: 'seek', id: 7, key: 'nothing', tick: 1 });
    turn();
    expect(replies[0]).toMatchObject({ type: 'error', id: 7 });
    jobs.receive({ type: 'load', id: 8, load: { key: 'k', replay: doc, team: 'nobody' } });
    turn();
    expect(replies[1]).toMatchObject({ type: 'error', id: 8 });
  });
});
