/**
 * Idea 10 of docs/design.md (seed: 메시지 큐): slow work is handed to a message queue and done later by a
 * worker pool, so producers and consumers scale on their own: the web tier only publishes, the
 * user no longer waits for the work, producers keep publishing while the workers are down (the
 * backlog grows, then drains), and a queue that keeps messages only in memory loses them when it
 * fails, while a durable one keeps them.
 */
import { describe, expect, it } from 'vitest';
import { WEB_ENQUEUE_WORK } from '../../../shared/sim/flow/routing';
import { KINDS, SIZES, WEB_WORK, type Scenario, type ScriptedIncident } from '../../../shared/sim';
import { Driver } from '../../helpers/driver';
import { balancedPool, constantScenario, mix } from '../../helpers/scenarios';

const JOBS = 10;
const WEB_SERVERS = 2;
/** One medium worker: 2 vCPUs, each finishing a job every WEB_WORK.job seconds. */
const WORKER_RATE = SIZES.medium.vcpu / WEB_WORK.job;

/** users → lb → two medium web servers, whose only requests are slow jobs (uploads, mail). */
function jobs(withQueue: boolean, incidents: ScriptedIncident[] = []): Scenario {
  return constantScenario({
    traffic: { mode: 'constant', requestsPerSecond: JOBS },
    classMix: mix({ job: 1 }),
    incidents,
    initialTopology: [
      ...balancedPool(WEB_SERVERS),
      ...(withQueue
        ? [
            { kind: 'queue' as const, region: 'ap', connectFrom: [1] },
            { kind: 'worker' as const, region: 'ap', size: 'medium' as const, connectFrom: [2] },
          ]
        : []),
    ],
  });
}

const webCpu = SIZES.medium.vcpu * WEB_SERVERS;
const workerDown = (tick: number): ScriptedIncident => ({ tick, type: 'serverCrash', target: 'worker-4' });
const queueDown = (tick: number): ScriptedIncident => ({ tick, type: 'serverCrash', target: 'queue-3' });

describe('message queue', () => {
  it('the web tier only publishes the job: its CPU per job drops from the work to the hand-over', () => {
    const direct = new Driver(jobs(false)).run(3);
    const queued = new Driver(jobs(true)).run(3);
    expect(direct.component('web-2').figures.utilisation).toBeCloseTo((JOBS * WEB_WORK.job) / webCpu, 9);
    expect(queued.component('web-2').figures.utilisation).toBeCloseTo((JOBS * WEB_ENQUEUE_WORK) / webCpu, 9);
    expect(queued.component('queue-3').figures.lambda).toBeCloseTo(JOBS, 9);
  });

  it("the user no longer waits for the work: a job's latency is the hand-over, not the job", () => {
    const direct = new Driver(jobs(false)).run(3);
    const queued = new Driver(jobs(true)).run(3);
    // Doing the job in the request: its exponential service alone has a p95 of ln 20 × the mean.
    expect(direct.state.summary.p95LatencyMs).toBeGreaterThan(Math.log(20) * WEB_WORK.job * 1000);
    expect(queued.state.summary.p95LatencyMs).toBeLessThan(WEB_WORK.job * 1000);
    expect(queued.state.summary.availability).toBeGreaterThan(direct.state.summary.availability);
  });

  it('workers drain the queue at their own pace: serving · vCPU / job work per second', () => {
    const sim = new Driver(jobs(true)).run(3);
    const queue = sim.component('queue-3');
    const worker = sim.component('worker-4');
    expect(worker.figures.capacity).toBeCloseTo(WORKER_RATE, 9);
    expect(worker.figures.served).toBeCloseTo(JOBS, 9);
    expect(worker.figures.utilisation).toBeCloseTo(JOBS / WORKER_RATE, 9);
    expect(queue.messages).toBeCloseTo(0, 9);
  });

  it('producers keep publishing while the workers are down: the backlog grows by the arrivals, then drains at capacity − arrivals', () => {
    const sim = new Driver(jobs(true, [workerDown(3)])).run(3);
    const backlog: number[] = [];
    const record = () => backlog.push(sim.component('queue-3').messages);
    for (let t = 0; t < 5; t++) {
      sim.run(1);
      record();
      expect(sim.state.summary.errorRate).toBe(0);
    }
    // One minute of jobs piles up per tick while nobody consumes.
    for (let t = 0; t < 5; t++) expect(backlog[t]).toBeCloseTo(JOBS * 60 * (t + 1), 6);
    sim.send({ type: 'restart', id: 'worker-4' });
    sim.run(KINDS.worker.restartTicks - 1);
    const peak = sim.component('queue-3').messages;
    expect(peak).toBeCloseTo(JOBS * 60 * (5 + 1 + KINDS.worker.restartTicks - 1), 6);
    // Back up: each minute the workers clear 60 × (capacity − arrivals) of the backlog, until it is empty.
    const drainPerTick = (WORKER_RATE - JOBS) * 60;
    const ticksToDrain = Math.ceil(peak / drainPerTick);
    for (let t = 1; t <= ticksToDrain; t++) {
      sim.run(1);
      expect(sim.component('queue-3').messages).toBeCloseTo(Math.max(0, peak - t * drainPerTick), 6);
    }
    expect(sim.component('queue-3').messages).toBe(0);
    expect(sim.state.summary.errorRate).toBe(0);
  });

  it('a queue kept only in memory loses its messages when the broker fails', () => {
    const sim = new Driver(jobs(true, [workerDown(3), queueDown(8)])).run(8);
    const waiting = sim.component('queue-3').messages;
    expect(waiting).toBeCloseTo(JOBS * 60 * 5, 6);
    sim.run(1);
    expect(sim.component('queue-3').messages).toBe(0);
    expect(sim.state.totals.lostMessages).toBeCloseTo(waiting, 6);
    // While the broker is down nothing can be published: the jobs fail.
    expect(sim.state.summary.errorRate).toBe(1);
  });

  it('retiring half of an in-memory broker loses half of the waiting messages; removing it loses the rest', () => {
    const sim = new Driver(jobs(true, [workerDown(3)]));
    sim.send({ type: 'scale', id: 'queue-3', count: 2 });
    sim.run(9);
    expect(sim.component('queue-3').count).toBe(2);
    const waiting = sim.component('queue-3').messages;
    sim.send({ type: 'scale', id: 'queue-3', count: 1 });
    // Half of what waited is gone with the retired instance; this tick's jobs are added after.
    expect(sim.state.totals.lostMessages).toBeCloseTo(waiting / 2, 6);
    const left = sim.component('queue-3').messages;
    sim.send({ type: 'remove', id: 'queue-3' });
    expect(sim.state.totals.lostMessages).toBeCloseTo(waiting / 2 + left, 6);
  });

  it('a durable queue keeps its messages through a broker failure', () => {
    const sim = new Driver(jobs(true, [workerDown(3), queueDown(8)]));
    sim.send({ type: 'configure', id: 'queue-3', durable: true });
    sim.run(7);
    const waiting = sim.component('queue-3').messages;
    sim.run(1);
    expect(sim.component('queue-3').messages).toBeCloseTo(waiting, 6);
    expect(sim.state.totals.lostMessages).toBe(0);
  });

  it('while the broker is down, workers cannot take messages from it', () => {
    const sim = new Driver(jobs(true, [workerDown(3), queueDown(8)]));
    sim.send({ type: 'configure', id: 'queue-3', durable: true });
    sim.run(8);
    expect(sim.send({ type: 'restart', id: 'worker-4' })[0]?.ok).toBe(true);
    sim.run(KINDS.worker.restartTicks - 1);
    const waiting = sim.component('queue-3').messages;
    expect(waiting).toBeGreaterThan(0);
    sim.run(1);
    expect(sim.component('queue-3').down).toBe(1);
    expect(sim.component('worker-4').down).toBe(0);
    // flow/forward.ts queue() drains component.messages whether or not any broker instance serves.
    expect(sim.component('queue-3').messages).toBeCloseTo(waiting, 6);
  });
});
