/**
 * Server load benchmark (`npm run bench -- --only server`): N solo rooms on the real game server,
 * each with one bot on @colyseus/sdk over a real WebSocket, all at 4× speed, each bot sending a
 * valid command every few seconds. It reports ticks per second achieved against expected, the
 * tick duration quantiles, bytes per client per second, commands sent/acked/refused, and the
 * server process's CPU and memory.
 *
 * Why the server runs in a child process. In one process the bots' work (500 WebSockets, the SDK
 * decoding 2,000 patches a second, the bots' timers) would share the server's event loop: bot
 * callbacks would sit between the server's timers and inside its awaits, so ticks would run late
 * and the tick durations, the CPU figure and the RSS would all include the bots. As a child
 * (`fork` of this same file with `--server-child`) the server has an event loop and a process of
 * its own, and on a 2-core machine the scheduler gives it one core while the bots use the other.
 * The bots' own CPU is reported too: if it nears 100 % of a core the two processes compete and
 * the server's figures get worse than the server alone would make them.
 *
 * How tick durations are measured. The room times each tick itself (performance.now() around the
 * whole tick: the teams' steps, the projection into the schema, snapshots, the patch) and puts it
 * in the prom-client histogram `scaleup_tick_duration_seconds`. The child wraps that histogram's
 * `observe` on its own GameMetrics instance (no server code changes) and keeps every value seen
 * during the window, so p50/p95/p99 are exact quantiles of the very numbers the histogram gets.
 * As a cross-check the parent also reads GET /metrics before and after the window and
 * interpolates the same quantiles from the bucket counts, the way a Prometheus dashboard would
 * (linear within a bucket; coarse: the buckets are 0.5, 1, 2, 5, 10 ms…).
 *
 * What the tick duration does not include: message handling (zod parsing, the command log write),
 * Colyseus's own per-room clock (it runs every 16.7 ms in every room), WebSocket I/O after the
 * patch is queued, and garbage collection outside ticks. The server's CPU share, event-loop
 * utilisation and event-loop delay cover those, which is why they are reported beside it.
 *
 * One file on purpose: the parent and the child are the same file (`fork` of itself), so the
 * measuring side and the measured side cannot drift apart. The classroom load test
 * (classroomLoad.ts) runs in the same harness: `runLoad` (child, budget, teardown, warnings),
 * `measureWindow` (the window and the figures every load case reports), the `Bot`, and the
 * child's tick durations filed by room mode; only its load and its split of the figures are its own.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Client as SdkClient, Room as ClientRoom } from '@colyseus/sdk';
import type { AckMessage, ErrorMessage, OutcomeMessage, WelcomeMessage } from '../../shared/protocol/messages';
import type { GameState } from '../../shared/schema/gameState';
import { DEFAULT_TIMINGS } from '../../server/rooms/roomServices';
import { checkGoal } from './goals';
import type { BenchCase, BenchOptions, CaseResult } from './types';

const CHILD_FLAG = '--server-child';
/** The server's warnings and errors, in the data folder. */
const SERVER_LOG = 'server-warnings.log';
const THIS_FILE = fileURLToPath(import.meta.url);
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Default number of solo rooms (one bot each); `--rooms` overrides it. */
const DEFAULT_ROOMS = 500;
/** The speed every bot sets its room to. */
const SPEED = 4;
/** Mean time between two commands of one bot; each gap is drawn from 0.5–1.5× this. */
const COMMAND_INTERVAL_MS = 4000;
/** Rooms being created at the same time during the ramp-up. */
const RAMP_CONCURRENCY = 16;
/** The measured window is this many times `--min-ms` (30 s by default, 6 s with --min-ms 200). */
export const WINDOW_PER_MIN_MS = 30;
/** A bot scales up (which costs money) only with at least this much left, else it configures. */
const MONEY_FOR_SCALE_UP = 600;
const LOOP_DELAY_RESOLUTION_MS = 10;
const ROOMS_GOAL = 500;
export const TICK_P99_GOAL_MS = 10;
/** Share of the expected ticks per second the server must deliver for the rooms to count as served. */
export const TICK_RATE_GOAL = 0.95;
/** The mode a tick is filed under when the room did not count it (it threw before the end). */
const UNCOUNTED_TICK = 'failed';

// ---------------------------------------------------------------------------------------------
// Messages between the bench (parent) and the server child, over the IPC channel.

type ToChild = { type: 'window-start' } | { type: 'window-end' } | { type: 'stop' };

/** Exact quantiles of tick durations, ms: all ticks, ticks without a snapshot, and ticks that wrote one (every snapshotEveryTicks-th). */
interface TickSummaries {
  ticks: number;
  tickMs: Summary;
  plainTickMs: Summary;
  snapshotTickMs: Summary;
}

interface WindowStats extends TickSummaries {
  elapsedMs: number;
  /** The same per room mode (solo, match, workshop), from the `mode` label of the room's tick counter. */
  byMode: Record<string, TickSummaries>;
  /** Time the store's saveSnapshot and appendCommand held the event loop (synchronous SQLite), ms. */
  snapshotWriteMs: Summary;
  commandWriteMs: Summary;
  cpuUserMs: number;
  cpuSystemMs: number;
  /** Event-loop utilisation over the window (0–1): the share of time the loop was not idle. */
  eventLoopUtilisation: number;
  /** Event-loop delay: how late a timer runs, ms. */
  loopDelayMs: { p50: number; p99: number; max: number };
  rssBytes: number;
  heapUsedBytes: number;
  patchBytes: number;
  commandsAccepted: number;
  commandsRejected: number;
}

type FromChild = { type: 'ready'; port: number; pid: number } | { type: 'window'; stats: WindowStats } | { type: 'failed'; error: string };

// ---------------------------------------------------------------------------------------------
// Small helpers.

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] as number;
}

interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    p999: quantile(sorted, 0.999),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.reduce((sum, v) => sum + v, 0) / sorted.length,
  };
}

export function median(values: readonly number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves with `promise`, or rejects after `ms` (the timer does not keep the process alive). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Runs `task(0…count-1)` with at most `limit` in flight; stops starting new ones once `stop()` says so. */
export async function pool(count: number, limit: number, task: (index: number) => Promise<void>, stop: () => boolean): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count && !stop()) {
      const index = next++;
      await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

/** Whole-machine CPU time from /proc/stat (Linux; null elsewhere), in clock ticks: busy, steal, total. */
function machineCpu(): { busy: number; steal: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    return { busy: user + nice + system + irq + softirq, steal, total: user + nice + system + idle + iowait + irq + softirq + steal };
  } catch {
    return null;
  }
}

/** Cumulative bucket counts of one prom-client histogram in the /metrics text: [upper bound, count]. */
function parseHistogram(text: string, name: string): Array<[number, number]> {
  const buckets: Array<[number, number]> = [];
  const pattern = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\S+)$`, 'gm');
  for (const match of text.matchAll(pattern)) buckets.push([match[1] === '+Inf' ? Infinity : Number(match[1]), Number(match[2])]);
  return buckets.sort((a, b) => a[0] - b[0]);
}

/** Prometheus-style histogram_quantile over the difference of two cumulative snapshots, in ms. */
function histogramQuantileMs(before: Array<[number, number]>, after: Array<[number, number]>, q: number): number {
  const counts = after.map(([le, count], i) => [le, count - (before[i]?.[1] ?? 0)] as [number, number]);
  const total = counts[counts.length - 1]?.[1] ?? 0;
  if (total === 0) return NaN;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const [le, count] of counts) {
    if (count >= rank) {
      if (le === Infinity) return lowerBound * 1000; // beyond the last bound: all one can say
      const inBucket = count - lowerCount;
      const share = inBucket === 0 ? 0 : (rank - lowerCount) / inBucket;
      return (lowerBound + (le - lowerBound) * share) * 1000;
    }
    lowerBound = le;
    lowerCount = count;
  }
  return NaN;
}

// ---------------------------------------------------------------------------------------------
// The server child: the real server in a process of its own.

async function runServerChild(dataDir: string): Promise<void> {
  const send = (message: FromChild): void => void process.send?.(message);
  // The parent gone (crashed, killed) means nobody will stop us: leave at once.
  process.on('disconnect', () => process.exit(0));
  try {
    const [{ startServer }, { pino }] = await Promise.all([import('../../server/app'), import('pino')]);
    // Quiet, except for warnings and errors, which go to a file the parent reads at the end.
    const logger = pino(
      { level: 'warn', base: { service: 'scale-up' } },
      pino.destination({ dest: join(dataDir, SERVER_LOG), sync: true }),
    );
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      staticDir: join(dataDir, 'no-client'),
      logger,
      restoreRooms: false,
      warmForecasts: true,
      // Every bot connects from this one address: the per-address limits would stop them.
      httpLimits: { create: { perMinute: 1e6, burst: 1e6 }, join: { perMinute: 1e6, burst: 1e6 } },
    });

    // Every tick duration the room reports, while a window is open (seconds, as the histogram
    // gets them), split by whether the tick wrote a snapshot and by the room's mode. The histogram
    // has no mode label, but RoomMetrics.tick counts the tick (`ticks.inc({ mode })`) right before
    // it observes the duration, in the same synchronous step: the label seen last is this tick's.
    type TickLists = { ticks: number[]; plain: number[]; snapshot: number[] };
    const tickLists = (): TickLists => ({ ticks: [], plain: [], snapshot: [] });
    let window: { all: TickLists; byMode: Map<string, TickLists>; snapshots: number[]; commandWrites: number[] } | null = null;
    let snapshotInTick = false;
    let tickMode = UNCOUNTED_TICK;
    const counter = server.metrics.ticks as unknown as { inc(...args: unknown[]): void };
    const inc = counter.inc.bind(counter);
    counter.inc = (...args: unknown[]) => {
      const labels = args[0] as { mode?: unknown } | undefined;
      if (typeof labels === 'object' && labels !== null && typeof labels.mode === 'string') tickMode = labels.mode;
      inc(...args);
    };
    const histogram = server.metrics.tickSeconds as unknown as { observe(value: number): void };
    const observe = histogram.observe.bind(histogram);
    histogram.observe = (value: number) => {
      if (window !== null) {
        let lists = window.byMode.get(tickMode);
        if (lists === undefined) window.byMode.set(tickMode, (lists = tickLists()));
        for (const into of [window.all, lists]) {
          into.ticks.push(value * 1000);
          (snapshotInTick ? into.snapshot : into.plain).push(value * 1000);
        }
      }
      snapshotInTick = false;
      tickMode = UNCOUNTED_TICK;
      observe(value);
    };
    const summaries = (lists: TickLists): TickSummaries => ({
      ticks: lists.ticks.length,
      tickMs: summarise(lists.ticks),
      plainTickMs: summarise(lists.plain),
      snapshotTickMs: summarise(lists.snapshot),
    });
    // The store's writes, timed: node:sqlite is synchronous, so the time until the method returns
    // its promise is the time the event loop was held. Ticks run one after another (the store's
    // awaits settle as microtasks), so a snapshot written since the last observe belongs to this tick.
    const store = server.store as unknown as Record<'saveSnapshot' | 'appendCommand', (...args: unknown[]) => Promise<unknown>>;
    const timed = (name: 'saveSnapshot' | 'appendCommand', sink: () => number[] | undefined) => {
      const original = store[name].bind(store);
      store[name] = (...args: unknown[]) => {
        const started = performance.now();
        const result = original(...args);
        sink()?.push(performance.now() - started);
        if (name === 'saveSnapshot') snapshotInTick = true;
        return result;
      };
    };
    timed('saveSnapshot', () => window?.snapshots);
    timed('appendCommand', () => window?.commandWrites);
    // Node's histogram holds the whole interval between two checks, resolution included: the
    // lateness is that minus the resolution.
    const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
    loopDelay.enable();
    const counterValue = async (
      counter: { get(): Promise<{ values: Array<{ value: number; labels: Record<string, unknown> }> }> },
      result?: string,
    ) =>
      (await counter.get()).values.filter((v) => result === undefined || v.labels.result === result).reduce((sum, v) => sum + v.value, 0);
    const commandCount = (result: string) => counterValue(server.metrics.commands as never, result);
    const patchCount = () => counterValue(server.metrics.patchBytes as never);

    const late = (ns: number) => Math.max(0, ns / 1e6 - LOOP_DELAY_RESOLUTION_MS);
    let start = { at: 0, cpu: process.cpuUsage(), elu: performance.eventLoopUtilization(), patch: 0, accepted: 0, rejected: 0 };
    process.on('message', (message: ToChild) => {
      void (async () => {
        if (message.type === 'window-start') {
          window = { all: tickLists(), byMode: new Map(), snapshots: [], commandWrites: [] };
          loopDelay.reset();
          start = {
            at: performance.now(),
            cpu: process.cpuUsage(),
            elu: performance.eventLoopUtilization(),
            patch: await patchCount(),
            accepted: await commandCount('accepted'),
            rejected: await commandCount('rejected'),
          };
        } else if (message.type === 'window-end') {
          const seen = window ?? { all: tickLists(), byMode: new Map<string, TickLists>(), snapshots: [], commandWrites: [] };
          window = null;
          const cpu = process.cpuUsage(start.cpu);
          const memory = process.memoryUsage();
          const stats: WindowStats = {
            elapsedMs: performance.now() - start.at,
            ...summaries(seen.all),
            byMode: Object.fromEntries([...seen.byMode].map(([mode, lists]) => [mode, summaries(lists)])),
            snapshotWriteMs: summarise(seen.snapshots),
            commandWriteMs: summarise(seen.commandWrites),
            cpuUserMs: cpu.user / 1000,
            cpuSystemMs: cpu.system / 1000,
            eventLoopUtilisation: performance.eventLoopUtilization(start.elu).utilization,
            loopDelayMs: { p50: late(loopDelay.percentile(50)), p99: late(loopDelay.percentile(99)), max: late(loopDelay.max) },
            rssBytes: memory.rss,
            heapUsedBytes: memory.heapUsed,
            patchBytes: (await patchCount()) - start.patch,
            commandsAccepted: (await commandCount('accepted')) - start.accepted,
            commandsRejected: (await commandCount('rejected')) - start.rejected,
          };
          send({ type: 'window', stats });
        } else if (message.type === 'stop') {
          loopDelay.disable();
          await withTimeout(server.close(), 30_000, 'server.close()').catch(() => undefined);
          process.exit(0);
        }
      })();
    });
    send({ type: 'ready', port: server.port, pid: process.pid });
  } catch (error) {
    send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  }
}

/** Starts the server child; resolves once it listens. */
function startChild(
  dataDir: string,
  cpuProfDir: string | undefined,
): { child: ChildProcess; ready: Promise<number>; exited: Promise<number | null> } {
  const execArgv = ['--import', 'tsx', '--disable-warning=ExperimentalWarning'];
  if (cpuProfDir !== undefined) execArgv.push('--cpu-prof', `--cpu-prof-dir=${resolve(cpuProfDir)}`);
  // stdout of the child goes to our stderr: with --json our stdout carries only the JSON document.
  const child = fork(THIS_FILE, [CHILD_FLAG, dataDir], { cwd: REPO_ROOT, execArgv, stdio: ['ignore', 2, 2, 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<number>((resolve, reject) => {
    const onMessage = (message: FromChild) => {
      if (message.type === 'ready') {
        child.off('message', onMessage);
        resolve(message.port);
      } else if (message.type === 'failed') reject(new Error(`server child failed: ${message.error}`));
    };
    child.on('message', onMessage);
    void exited.then((code) => reject(new Error(`server child exited (code ${code}) before it was ready`)));
  });
  return { child, ready, exited };
}

function askWindow(child: ChildProcess): Promise<WindowStats> {
  return new Promise((resolve) => {
    const onMessage = (message: FromChild) => {
      if (message.type !== 'window') return;
      child.off('message', onMessage);
      resolve(message.stats);
    };
    child.on('message', onMessage);
    child.send({ type: 'window-end' } satisfies ToChild);
  });
}

// ---------------------------------------------------------------------------------------------
// The bots: one client each (a solo room's player here; workshop and match seats in classroomLoad.ts).

export interface Counters {
  sent: number;
  acked: number;
  errors: number;
  errorReasons: Map<string, number>;
  outcomesOk: number;
  outcomesFailed: number;
  outcomeReasons: Map<string, number>;
  /** Milliseconds from send to ack (or error), while `recordLatency` is on. */
  ackLatencies: number[];
  recordLatency: boolean;
}

function newCounters(): Counters {
  return {
    sent: 0,
    acked: 0,
    errors: 0,
    errorReasons: new Map(),
    outcomesOk: 0,
    outcomesFailed: 0,
    outcomeReasons: new Map(),
    ackLatencies: [],
    recordLatency: false,
  };
}

type Command = Record<string, unknown> & { type: string };

/**
 * One client: counts the bytes its WebSocket receives and the answers to its commands; once set
 * up, sends a command for its team every few seconds. `team` is the team whose money it reads
 * (null for a seat with no team, an instructor, which only watches).
 */
export class Bot {
  bytes = 0;
  private seq = 0;
  private step = 0;
  /** Whether the last scale command took the group to 3 (the next takes it back to 1). */
  private scaledUp = false;
  /** The autoscaling target last sent; each configure sends the other one. */
  private target = 0.7;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly sentAt = new Map<number, number>();
  private readonly waiting = new Map<number, (outcome: OutcomeMessage) => void>();

  constructor(
    readonly room: ClientRoom<unknown, GameState>,
    private readonly counters: Counters,
    public team: string | null = 'solo',
  ) {
    // Every byte the WebSocket delivers (state, patches, acks, outcomes, errors), from now on.
    const events = room.connection.events as { onmessage?: (event: { data: ArrayBuffer }) => void };
    const deliver = events.onmessage;
    events.onmessage = (event) => {
      this.bytes += event.data.byteLength;
      deliver?.(event);
    };
    room.onMessage('ack', (ack: AckMessage) => {
      counters.acked++;
      this.answered(ack.seq);
    });
    room.onMessage('error', (error: ErrorMessage) => {
      counters.errors++;
      const key = `${error.type}:${error.reason}`;
      counters.errorReasons.set(key, (counters.errorReasons.get(key) ?? 0) + 1);
      if (error.seq !== null) this.answered(error.seq);
    });
    // The chart history a room sends on joining: a bot draws no charts.
    room.onMessage('history', () => undefined);
    room.onMessage('outcome', (outcome: OutcomeMessage) => {
      if (outcome.ok) counters.outcomesOk++;
      else {
        counters.outcomesFailed++;
        const key = outcome.reason ?? 'unknown';
        counters.outcomeReasons.set(key, (counters.outcomeReasons.get(key) ?? 0) + 1);
      }
      this.waiting.get(outcome.seq)?.(outcome);
      this.waiting.delete(outcome.seq);
    });
  }

  get tick(): number {
    return this.room.state.clock?.tick ?? 0;
  }

  /**
   * With `speed`, sets the room's speed (a solo player); then buys a web group of its own (the
   * sandbox's web-1 hosts the database and cannot scale). The room must be running.
   */
  async setUp(welcome: WelcomeMessage, speed?: number): Promise<string> {
    this.seq = welcome.nextSeq;
    // The purchase goes right behind the control message, as a quick player's would: before commit
    // 810c59c a busy server could acknowledge such a command and never apply it ("A lost command"
    // in docs/benchmarks.md); a missing outcome fails the set-up and is reported.
    if (speed !== undefined) this.room.send('control', { action: 'speed', speed });
    const seq = this.seq;
    const bought = new Promise<OutcomeMessage>((resolve) => this.waiting.set(seq, resolve));
    this.send({ type: 'buy', kind: 'web', region: 'ap', size: 'small' });
    const acked = new Promise<AckMessage>((resolve) => {
      const off = this.room.onMessage('ack', (ack: AckMessage) => {
        if (ack.seq !== seq) return;
        off();
        resolve(ack);
      });
    });
    let ackTick: number | null = null;
    void acked.then((ack) => (ackTick = ack.tick));
    const outcome = await withTimeout(bought, 30_000, "the bot's first purchase").catch((error: unknown) => {
      const team = this.room.state.teams?.get(this.team ?? '');
      const web = team === undefined ? [] : [...team.components.keys()].filter((key) => key.startsWith('web-'));
      throw new Error(
        `${String(error)} (acked for tick ${ackTick}; the room is at tick ${this.tick}; web groups in view: ${web.join(', ')})`,
      );
    });
    if (!outcome.ok || outcome.createdId === null) throw new Error(`buying a web group failed: ${outcome.reason}`);
    return outcome.createdId;
  }

  /** A command every COMMAND_INTERVAL_MS on average, jittered, starting at a random offset. */
  run(webId: string): void {
    const next = (delay: number) => {
      this.timer = setTimeout(() => {
        if (this.stopped) return;
        this.send(this.nextCommand(webId));
        next(COMMAND_INTERVAL_MS * (0.5 + Math.random()));
      }, delay);
    };
    next(COMMAND_INTERVAL_MS * Math.random());
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /**
   * Scale the group to 3, change its autoscaling target, scale it back to 1, change the target
   * again, and so on. Scaling up costs money that scaling down does not return, so with less than
   * MONEY_FOR_SCALE_UP in the bank the bot configures instead. Each command changes something (the
   * target alternates, the count is what it is not), so the sim takes every one: a command that
   * would change nothing is refused as no-change.
   */
  private nextCommand(webId: string): Command {
    const phase = this.step++ % 2;
    const money = this.room.state.teams?.get(this.team ?? '')?.money ?? 0;
    if (phase === 0 && this.scaledUp) {
      this.scaledUp = false;
      return { type: 'scale', id: webId, count: 1 };
    }
    if (phase === 0 && money >= MONEY_FOR_SCALE_UP) {
      this.scaledUp = true;
      return { type: 'scale', id: webId, count: 3 };
    }
    this.target = this.target === 0.6 ? 0.7 : 0.6;
    return {
      type: 'configure',
      id: webId,
      autoscaling: { enabled: false, min: 1, max: 3, targetUtilisation: this.target, cooldownTicks: 5 },
    };
  }

  private send(command: Command): void {
    const seq = this.seq++;
    this.sentAt.set(seq, performance.now());
    this.counters.sent++;
    this.room.send('command', { seq, command });
  }

  private answered(seq: number): void {
    const sentAt = this.sentAt.get(seq);
    if (sentAt === undefined) return;
    this.sentAt.delete(seq);
    if (this.counters.recordLatency) this.counters.ackLatencies.push(performance.now() - sentAt);
  }
}

export function nextMessage<T>(room: ClientRoom, type: string, timeoutMs: number): Promise<T> {
  let off: (() => void) | undefined;
  const message = new Promise<T>((resolve) => {
    off = room.onMessage(type, (payload: T) => {
      off?.();
      resolve(payload);
    });
  });
  return withTimeout(message, timeoutMs, `"${type}" message`).finally(() => off?.());
}

// ---------------------------------------------------------------------------------------------
// The harness every load case runs in (this one and classroomLoad.ts): the child, the bots'
// counters, a budget, the measured window and an orderly teardown.

/** What a load case's body works with. */
export interface LoadRun {
  /** The server's base URL, once it listens. */
  base: string;
  sdk: SdkClient;
  child: ChildProcess;
  counters: Counters;
  /** Every client the body opens goes in here: each one stops and leaves at the end. */
  opened: Bot[];
  warnings: string[];
  progress: (text: string) => void;
  /** True once the run is aborted (budget, interruption) or the server is gone: start nothing new. */
  stopping: () => boolean;
}

/**
 * Runs `body` against a fresh server child within `budgetMs`, then tears everything down whatever
 * happened: the clients leave (consented), the server saves and closes, the child exits (killed
 * after 40 s), the data folder goes. A body that fails or overruns is reported as a warning with
 * `partial()`'s figures, in which every goal counts as missed (a missing metric is NaN).
 */
export async function runLoad(
  id: string,
  options: BenchOptions,
  budgetMs: number,
  body: (run: LoadRun) => Promise<Record<string, number>>,
  partial: () => Record<string, number>,
): Promise<{ metrics: Record<string, number>; warnings: string[] }> {
  const warnings: string[] = [];
  const progress = (text: string) => process.stderr.write(`  ${id}: ${text}\n`);
  const dataDir = mkdtempSync(join(tmpdir(), 'scale-up-bench-'));
  const { child, ready, exited } = startChild(dataDir, options.serverCpuProf);
  let childGone = false;
  void exited.then(() => (childGone = true));
  // Interrupted (Ctrl-C, kill): no orderly teardown, but no server and no data folder left behind.
  const interrupted = (signal: NodeJS.Signals) => {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const counters = newCounters();
  const opened: Bot[] = [];
  let aborted = false;

  const measure = async (): Promise<Record<string, number>> => {
    const base = `http://127.0.0.1:${await ready}`;
    const { Client } = await import('@colyseus/sdk');
    progress(`server pid ${child.pid}`);
    const run: LoadRun = {
      base,
      sdk: new Client(base),
      child,
      counters,
      opened,
      warnings,
      progress,
      stopping: () => aborted || childGone,
    };
    return body(run);
  };

  let metrics: Record<string, number>;
  let deadline: NodeJS.Timeout | undefined;
  try {
    metrics = await Promise.race([
      measure(),
      new Promise<never>((_, reject) => {
        deadline = setTimeout(() => reject(new Error(`timed out after ${Math.round(budgetMs / 1000)} s`)), budgetMs);
      }),
      exited.then((code) => Promise.reject(new Error(`the server child exited (code ${code}) during the run`))),
    ]);
  } catch (error) {
    warnings.push(`run aborted: ${error instanceof Error ? error.message : String(error)}`);
    metrics = partial();
  } finally {
    aborted = true;
    clearTimeout(deadline);
    progress('tearing down…');
    // Clients leave (consented), the server saves and closes, the child exits; each step bounded.
    for (const bot of opened) bot.stop();
    await Promise.allSettled(opened.map((bot) => withTimeout(bot.room.leave(true), 10_000, 'leave')));
    if (!childGone && child.connected) child.send({ type: 'stop' } satisfies ToChild);
    const code = await withTimeout(exited, 40_000, 'server child exit').catch(() => {
      warnings.push('the server child did not exit in time: killed');
      child.kill('SIGKILL');
      return null;
    });
    if (code !== 0 && code !== null) warnings.push(`the server child exited with code ${code}`);
    warnings.push(...serverLogWarnings(join(dataDir, SERVER_LOG)));
    rmSync(dataDir, { recursive: true, force: true });
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }

  if (counters.errors > 0) warnings.push(`errors from the server: ${[...counters.errorReasons].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  if (counters.outcomesFailed > 0)
    warnings.push(`commands the sim refused at their tick: ${[...counters.outcomeReasons].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  if ((metrics.commandsUnanswered ?? 0) > 0) warnings.push(`${metrics.commandsUnanswered} command(s) got neither an ack nor an error`);
  if ((metrics.outcomesMissing ?? 0) > 0)
    warnings.push(`${metrics.outcomesMissing} acknowledged command(s) never got an outcome (logged but not applied?)`);
  if ((metrics.otherCpuPercent ?? 0) > 15)
    warnings.push(`other processes used ${metrics.otherCpuPercent!.toFixed(0)} % of a core during the window: the machine was not quiet`);
  if ((metrics.botCpuPercent ?? 0) > 80)
    warnings.push(`the bots used ${metrics.botCpuPercent!.toFixed(0)} % of a core: on 2 cores they may have slowed the server`);
  if (options.serverCpuProf !== undefined) warnings.push(`server CPU profile written to ${options.serverCpuProf}`);
  return { metrics, warnings };
}

/** The measured window: the server's own figures, and per client what it received and how far its room's clock moved. */
export interface LoadWindow {
  stats: WindowStats;
  /** The window's length as the parent timed it, s (per-client rates use it). */
  seconds: number;
  /** Figures every load case reports (the keys serverNotes reads). */
  metrics: Record<string, number>;
  /** Bytes the client's WebSocket received during the window. */
  bytes(bot: Bot): number;
  /** Ticks the client's room advanced during the window, by the clock in the client's state. */
  ticks(bot: Bot): number;
}

/**
 * Measures `windowMs` of the load already running: the child's window (exact tick quantiles, CPU,
 * event loop, memory), /metrics before and after, the bots' and the machine's CPU, bytes and clock
 * per client. Then every bot stops and commands in flight get up to 10 s to be answered, so the
 * command totals are final.
 */
export async function measureWindow(run: LoadRun, windowMs: number): Promise<LoadWindow> {
  const { base, child, counters, opened } = run;
  const metricsBefore = await (await fetch(`${base}/metrics`)).text();
  child.send({ type: 'window-start' } satisfies ToChild);
  const botCpu = process.cpuUsage();
  const machineBefore = machineCpu();
  const windowStart = performance.now();
  const bytesBefore = new Map(opened.map((b) => [b, b.bytes]));
  const ticksBefore = new Map(opened.map((b) => [b, b.tick]));
  const sentBefore = counters.sent;
  counters.recordLatency = true;
  await sleep(windowMs);
  counters.recordLatency = false;
  const stats = await withTimeout(askWindow(child), 30_000, 'window stats from the server');
  const seconds = (performance.now() - windowStart) / 1000;
  const botCpuUsage = process.cpuUsage(botCpu);
  const machineAfter = machineCpu();
  const sentInWindow = counters.sent - sentBefore;
  const bytesAfter = new Map(opened.map((b) => [b, b.bytes]));
  const ticksAfter = new Map(opened.map((b) => [b, b.tick]));
  const metricsAfter = await (await fetch(`${base}/metrics`)).text();
  const before = parseHistogram(metricsBefore, 'scaleup_tick_duration_seconds');
  const after = parseHistogram(metricsAfter, 'scaleup_tick_duration_seconds');
  const gauge = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(metricsAfter)?.[1] ?? NaN);

  // Commands still in flight get a moment (up to 10 s) to be acked and applied before the totals are read.
  for (const bot of opened) bot.stop();
  const commandErrors = () => [...counters.errorReasons].filter(([key]) => key.startsWith('command:')).reduce((sum, [, n]) => sum + n, 0);
  const settled = () =>
    counters.acked + commandErrors() >= counters.sent && counters.outcomesOk + counters.outcomesFailed >= counters.acked;
  for (const end = performance.now() + 10_000; !settled() && performance.now() < end;) await sleep(100);

  const serverSeconds = stats.elapsedMs / 1000;
  // Cores' worth of CPU the whole machine used in the window (all cores' ticks over total ticks × cores).
  const cores = availableParallelism();
  const machine = (key: 'busy' | 'steal') =>
    machineBefore === null || machineAfter === null
      ? NaN
      : ((machineAfter[key] - machineBefore[key]) / (machineAfter.total - machineBefore.total)) * cores * 100;
  const latencies = [...counters.ackLatencies].sort((a, b) => a - b);
  const metrics: Record<string, number> = {
    roomsServer: gauge('scaleup_rooms'),
    clients: gauge('scaleup_clients'),
    windowSeconds: serverSeconds,
    tickMs: DEFAULT_TIMINGS.tickMs,
    ticksPerSecond: stats.ticks / serverSeconds,
    tickP50Ms: stats.tickMs.p50,
    tickP95Ms: stats.tickMs.p95,
    tickP99Ms: stats.tickMs.p99,
    tickP999Ms: stats.tickMs.p999,
    tickMaxMs: stats.tickMs.max,
    tickMeanMs: stats.tickMs.mean,
    plainTickP50Ms: stats.plainTickMs.p50,
    plainTickP99Ms: stats.plainTickMs.p99,
    plainTickMaxMs: stats.plainTickMs.max,
    snapshotTicks: stats.snapshotTickMs.count,
    snapshotTickP50Ms: stats.snapshotTickMs.p50,
    snapshotTickP99Ms: stats.snapshotTickMs.p99,
    snapshotWriteP50Ms: stats.snapshotWriteMs.p50,
    snapshotWriteP99Ms: stats.snapshotWriteMs.p99,
    snapshotWriteMaxMs: stats.snapshotWriteMs.max,
    commandWrites: stats.commandWriteMs.count,
    commandWriteP50Ms: stats.commandWriteMs.p50,
    commandWriteP99Ms: stats.commandWriteMs.p99,
    commandWriteMaxMs: stats.commandWriteMs.max,
    histogramP50Ms: histogramQuantileMs(before, after, 0.5),
    histogramP95Ms: histogramQuantileMs(before, after, 0.95),
    histogramP99Ms: histogramQuantileMs(before, after, 0.99),
    /** Tick time as a share of one core: the simulation's part of the CPU figure. */
    tickCoreShare: (stats.tickMs.mean * stats.ticks) / stats.elapsedMs,
    patchBytesPerClientSecond: stats.patchBytes / opened.length / serverSeconds,
    commandsPerSecond: sentInWindow / seconds,
    ackP50Ms: quantile(latencies, 0.5),
    ackP99Ms: quantile(latencies, 0.99),
    serverCpuPercent: ((stats.cpuUserMs + stats.cpuSystemMs) / stats.elapsedMs) * 100,
    serverCpuUserPercent: (stats.cpuUserMs / stats.elapsedMs) * 100,
    serverEventLoopUtilisation: stats.eventLoopUtilisation,
    serverLoopDelayP50Ms: stats.loopDelayMs.p50,
    serverLoopDelayP99Ms: stats.loopDelayMs.p99,
    serverLoopDelayMaxMs: stats.loopDelayMs.max,
    serverRssMb: stats.rssBytes / 2 ** 20,
    serverHeapUsedMb: stats.heapUsedBytes / 2 ** 20,
    serverCommandsAccepted: stats.commandsAccepted,
    serverCommandsRejected: stats.commandsRejected,
    botCpuPercent: ((botCpuUsage.user + botCpuUsage.system) / 1000 / (seconds * 1000)) * 100,
    cores,
    machineCpuPercent: machine('busy'),
    machineStealPercent: machine('steal'),
    commandsSent: counters.sent,
    commandsAcked: counters.acked,
    commandErrors: counters.errors,
    outcomesOk: counters.outcomesOk,
    outcomesFailed: counters.outcomesFailed,
    commandsUnanswered: counters.sent - counters.acked - commandErrors(),
    /** Acknowledged (so logged) but never applied: no outcome came back. */
    outcomesMissing: counters.acked - counters.outcomesOk - counters.outcomesFailed,
  };
  // Quantiles of empty lists come back over IPC as null (JSON has no NaN).
  for (const [key, value] of Object.entries(metrics)) if (typeof value !== 'number') metrics[key] = NaN;
  // What the rest of the machine used meanwhile: other people's processes share these cores.
  metrics.otherCpuPercent = metrics.machineCpuPercent! - metrics.serverCpuPercent! - metrics.botCpuPercent!;
  return {
    stats,
    seconds,
    metrics,
    bytes: (bot) => (bytesAfter.get(bot) ?? 0) - (bytesBefore.get(bot) ?? 0),
    ticks: (bot) => (ticksAfter.get(bot) ?? 0) - (ticksBefore.get(bot) ?? 0),
  };
}

// ---------------------------------------------------------------------------------------------
// The case.

/**
 * Opens `rooms` solo rooms with one bot each at SPEED, a few at a time; each bot starts its
 * commands once set up and goes into `bots`. Returns the ramp-up's milliseconds; set-up failures
 * become a warning.
 */
export async function openSoloBots(run: LoadRun, rooms: number, bots: Bot[]): Promise<number> {
  let setupFailures = 0;
  let firstSetupError = '';
  const rampStart = performance.now();
  run.progress(`opening ${rooms} rooms…`);
  await pool(
    rooms,
    RAMP_CONCURRENCY,
    async (index) => {
      try {
        const playerId = `bench-bot-${process.pid}-${index}`;
        const room = (await withTimeout(
          run.sdk.create('game', { mode: 'solo', playerId, name: `bot ${index}` }),
          30_000,
          'create',
        )) as ClientRoom<unknown, GameState>;
        const welcome = nextMessage<WelcomeMessage>(room, 'welcome', 30_000);
        const bot = new Bot(room, run.counters);
        run.opened.push(bot);
        const webId = await bot.setUp(await welcome, SPEED);
        bots.push(bot);
        if (!run.stopping()) bot.run(webId);
        if (bots.length % 100 === 0) run.progress(`${bots.length} rooms up (${((performance.now() - rampStart) / 1000).toFixed(1)} s)`);
      } catch (error) {
        setupFailures++;
        firstSetupError ||= error instanceof Error ? error.message : String(error);
      }
    },
    run.stopping,
  );
  if (setupFailures > 0) run.warnings.push(`${setupFailures} room(s) failed to set up; first: ${firstSetupError}`);
  return performance.now() - rampStart;
}

export function serverLoadCase(id: string): BenchCase {
  return {
    id,
    group: 'server',
    title: `solo rooms at ${SPEED}×, one bot each`,
    run: (options) => runServerLoad(id, options),
  };
}

async function runServerLoad(id: string, options: BenchOptions): Promise<CaseResult> {
  const rooms = options.rooms ?? DEFAULT_ROOMS;
  const windowMs = WINDOW_PER_MIN_MS * options.minMs;
  const settleMs = Math.min(5000, windowMs / 3);
  // The whole case, ramp-up and teardown included: generous, but bounded.
  const budgetMs = 120_000 + rooms * 200 + settleMs + windowMs;
  const title = `${rooms} solo rooms at ${SPEED}×, one bot each, ${Math.round(windowMs / 1000)} s window`;
  /** The bots that got as far as sending commands (run.opened also holds those whose set-up failed). */
  const bots: Bot[] = [];

  const { metrics, warnings } = await runLoad(
    id,
    options,
    budgetMs,
    async (run) => {
      const rampMs = await openSoloBots(run, rooms, bots);
      run.progress(
        `${bots.length} rooms up in ${(rampMs / 1000).toFixed(1)} s; settling ${(settleMs / 1000).toFixed(0)} s, then measuring ${(windowMs / 1000).toFixed(0)} s`,
      );
      await sleep(settleMs);

      const window = await measureWindow(run, windowMs);
      const roomTickRates = bots.map((b) => window.ticks(b) / window.seconds);
      const bytes = bots.map((b) => window.bytes(b));
      const expectedTicksPerSecond = (run.opened.length * SPEED * 1000) / DEFAULT_TIMINGS.tickMs; // every room created ticks
      return {
        ...window.metrics,
        rooms: bots.length,
        roomsCreated: run.opened.length,
        rampSeconds: rampMs / 1000,
        speed: SPEED,
        expectedTicksPerSecond,
        tickRateShare: window.metrics.ticksPerSecond! / expectedTicksPerSecond,
        slowestRoomTicksPerSecond: Math.min(...roomTickRates),
        medianRoomTicksPerSecond: median(roomTickRates),
        clientBytesPerSecond: bytes.reduce((sum, b) => sum + b, 0) / bots.length / window.seconds,
        clientBytesPerSecondMax: Math.max(...bytes) / window.seconds,
      };
    },
    () => ({ roomsSetUp: bots.length }),
  );

  const goals = [
    checkGoal({ metric: 'rooms', op: '>=', target: ROOMS_GOAL, label: `≥ ${ROOMS_GOAL} rooms` }, metrics),
    checkGoal({ metric: 'tickP99Ms', op: '<', target: TICK_P99_GOAL_MS, label: `tick p99 < ${TICK_P99_GOAL_MS} ms` }, metrics),
    checkGoal(
      { metric: 'tickRateShare', op: '>=', target: TICK_RATE_GOAL, label: `ticks ≥ ${TICK_RATE_GOAL * 100} % of expected` },
      metrics,
    ),
  ];
  return { id, group: 'server', title, metrics, goals, warnings };
}

/** What the server logged at warn level and above: a count per message, with one example's error. */
function serverLogWarnings(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const seen = new Map<string, { count: number; example: string }>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let entry: { level?: number; msg?: string; err?: { message?: string } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      entry = { msg: line.slice(0, 200) };
    }
    const key = `${entry.level === undefined ? '' : entry.level >= 50 ? 'error' : 'warn'} "${entry.msg ?? ''}"`;
    const known = seen.get(key) ?? { count: 0, example: entry.err?.message ?? '' };
    known.count++;
    seen.set(key, known);
  }
  return [...seen].map(([key, { count, example }]) => `server logged ${key} ×${count}${example ? ` (e.g. ${example.slice(0, 200)})` : ''}`);
}

/** A figure for the notes: fixed digits, or a dash when there is none. */
export function fixed(value: number | undefined, digits = 1): string {
  return value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

/** A few lines under the server table: what the columns leave out. */
export function serverNotes(result: CaseResult): string[] {
  const m = result.metrics;
  if (m.ticksPerSecond === undefined) return [];
  const f = fixed;
  return [
    `  ${result.id}: ramp-up ${f(m.rampSeconds)} s; window ${f(m.windowSeconds)} s; per room ${f(m.medianRoomTicksPerSecond, 2)} ticks/s median, ${f(m.slowestRoomTicksPerSecond, 2)} slowest`,
    ...loadNotes(result),
  ];
}

/** The notes every load case shares (measureWindow's figures): tick detail, SQLite, event loop, machine, commands. */
export function loadNotes(result: CaseResult): string[] {
  const m = result.metrics;
  const f = fixed;
  return [
    `  ${result.id}: tick p99.9 ${f(m.tickP999Ms, 2)} ms, mean ${f(m.tickMeanMs, 3)} ms, ${f((m.tickCoreShare ?? NaN) * 100)} % of a core in ticks; from /metrics buckets p50 ${f(m.histogramP50Ms, 2)}, p95 ${f(m.histogramP95Ms, 2)}, p99 ${f(m.histogramP99Ms, 2)} ms`,
    `  ${result.id}: ticks without a snapshot p50 ${f(m.plainTickP50Ms, 3)} / p99 ${f(m.plainTickP99Ms, 2)} / max ${f(m.plainTickMaxMs, 2)} ms; ${m.snapshotTicks} ticks with a snapshot p50 ${f(m.snapshotTickP50Ms, 2)} / p99 ${f(m.snapshotTickP99Ms, 2)} ms`,
    `  ${result.id}: SQLite writes (synchronous, on the event loop): snapshot p50 ${f(m.snapshotWriteP50Ms, 2)} / p99 ${f(m.snapshotWriteP99Ms, 2)} / max ${f(m.snapshotWriteMaxMs, 2)} ms; ${m.commandWrites} command appends p50 ${f(m.commandWriteP50Ms, 2)} / p99 ${f(m.commandWriteP99Ms, 2)} / max ${f(m.commandWriteMaxMs, 2)} ms`,
    `  ${result.id}: server event loop ${f((m.serverEventLoopUtilisation ?? NaN) * 100)} % busy, timers late by p50 ${f(m.serverLoopDelayP50Ms)} / p99 ${f(m.serverLoopDelayP99Ms)} / max ${f(m.serverLoopDelayMaxMs)} ms; heap ${f(m.serverHeapUsedMb)} MB; bots ${f(m.botCpuPercent)} % CPU; whole machine ${f(m.machineCpuPercent, 0)} % of one core (of ${m.cores}), others ${f(m.otherCpuPercent, 0)} %, steal ${f(m.machineStealPercent, 1)} %`,
    `  ${result.id}: ${f(m.commandsPerSecond)} commands/s, ack p50 ${f(m.ackP50Ms)} / p99 ${f(m.ackP99Ms)} ms; outcomes ${m.outcomesOk} ok, ${m.outcomesFailed} refused, ${m.outcomesMissing} missing; server counted ${m.serverCommandsAccepted} accepted in the window; ${f(m.patchBytesPerClientSecond, 0)} state B/client/s by the server's count`,
  ];
}

// Run as the server child: `fork(thisFile, ['--server-child', dataDir])`.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === CHILD_FLAG) {
  await runServerChild(process.argv[3] as string);
}
