/**
 * Headless simulation: run a scenario for a number of ticks, optionally with a command log, and
 * print the final state hash and figures. The same code the server runs, without a server. A
 * campaign chapter runs to its end by default and also prints its outcome (won, lost or running,
 * stars, and every goal with its value).
 *
 *   npm run sim -- --scenario sandbox --seed 1 --ticks 1440 [--commands log.jsonl] [--json]
 *   npm run sim -- --scenario 01-one-server --commands solution.jsonl --json
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCommandLog } from '../../shared/protocol/commands';
import { chapterIds, chapterOutcome, findChapter, parseChapter, type Chapter } from '../../shared/campaign';
import { loadPreset, parseScenario, PRESET_IDS } from '../../shared/scenarios';
import { hashState, replay, type SimState } from '../../shared/sim';

/** Prints the usage line; exits 2 after an error, 0 when help was asked for. */
function usage(message?: string): never {
  if (message) console.error(`error: ${message}`);
  console.error(
    `usage: npm run sim -- --scenario <${PRESET_IDS.join('|')}|chapter|file.json> --seed <n> --ticks <n> [--commands log.jsonl] [--json]`,
  );
  console.error(`chapters: ${chapterIds().join(', ')} (run to their end unless --ticks says otherwise)`);
  process.exit(message ? 2 : 0);
}

/** Seeds are 32-bit: the sim keeps them as a signed 32-bit integer. */
const MAX_SEED = 4294967295;

function wholeNumber(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value > max) usage(`--${name} must be a whole number from 0 to ${max}, got "${text}"`);
  return value;
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

/** A logged command the sim refused at its tick, and why. */
interface Refusal {
  tick: number;
  seq: number;
  reason: string | null;
}

/** A chapter's outcome as the CLI prints it: values rounded for reading. */
function chapterReport(chapter: Chapter, state: SimState) {
  const outcome = chapterOutcome(chapter, state);
  return { ...outcome, goals: outcome.goals.map((goal) => ({ ...goal, value: round(goal.value, 5) })) };
}

/** The figures the CLI reports, as plain JSON; for a chapter, its outcome too. */
export function report(state: SimState, chapter: Chapter | null = null, refused: Refusal[] = []) {
  const s = state.summary;
  return {
    ...(chapter === null ? {} : { outcome: chapterReport(chapter, state) }),
    refused,
    tick: state.tick,
    hash: hashState(state),
    gameOver: state.gameOver,
    summary: {
      users: round(s.onlineUsers, 1),
      dau: round(s.dau, 1),
      peakDau: round(state.totals.peakDau, 1),
      requestsPerSecond: round(s.requestsPerSecond),
      availability: round(s.availability, 5),
      latencyP50Ms: round(s.p50LatencyMs, 2),
      latencyP95Ms: round(s.p95LatencyMs, 2),
      errorRate: round(s.errorRate, 5),
      money: round(state.money, 2),
      profit: round(state.totals.revenue - state.totals.spent, 2),
      revenuePerDay: round(s.revenuePerDay, 2),
      costPerDay: round(s.costPerDay, 2),
    },
    components: state.components.map((c) => ({
      id: c.id,
      kind: c.kind,
      size: c.size,
      instances: c.count,
      down: c.down,
      lambda: round(c.figures.lambda),
      capacity: round(c.figures.capacity),
      utilisation: round(c.figures.utilisation, 4),
      meanLatencyMs: round(c.figures.meanLatencyMs, 2),
      p95LatencyMs: round(c.figures.p95LatencyMs, 2),
      errorsPerSecond: round(c.figures.failed),
    })),
  };
}

function table(result: ReturnType<typeof report>): string {
  const s = result.summary;
  const outcome = result.outcome;
  const lines = [
    ...(outcome === undefined
      ? []
      : [
          `chapter: ${outcome.status}${outcome.reason === null ? '' : ` (${outcome.reason})`}  stars ${outcome.stars}`,
          ...outcome.goals.map(
            (goal) =>
              `  ${goal.met ? '✓' : '✗'} star ${goal.star}: ${goal.metric} ${goal.min !== undefined ? `≥ ${goal.min}` : `≤ ${String(goal.max)}`} (is ${goal.value})`,
          ),
          '',
        ]),
    ...result.refused.map((r) => `refused: seq ${r.seq} at tick ${r.tick}: ${String(r.reason)}`),
    `tick ${result.tick}  hash ${result.hash}${result.gameOver ? `  game over: ${result.gameOver.reason}` : ''}`,
    `users online ${s.users}  DAU ${s.dau} (peak ${s.peakDau})  ${s.requestsPerSecond} req/s`,
    `availability ${(s.availability * 100).toFixed(3)} %  errors ${(s.errorRate * 100).toFixed(3)} %  latency p50 ${s.latencyP50Ms} ms  p95 ${s.latencyP95Ms} ms`,
    `money ${s.money}  profit ${s.profit}  revenue/day ${s.revenuePerDay}  cost/day ${s.costPerDay}`,
    '',
    ['component', 'size', 'inst', 'λ/s', 'cap/s', 'ρ', 'mean ms', 'p95 ms', 'err/s'].map((h) => h.padEnd(10)).join(''),
  ];
  for (const c of result.components) {
    lines.push(
      [
        c.id,
        c.size,
        `${c.instances - c.down}/${c.instances}`,
        c.lambda,
        c.capacity,
        c.utilisation,
        c.meanLatencyMs,
        c.p95LatencyMs,
        c.errorsPerSecond,
      ]
        .map((v) => String(v).padEnd(10))
        .join(''),
    );
  }
  return lines.join('\n');
}

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        scenario: { type: 'string', default: 'sandbox' },
        seed: { type: 'string' },
        ticks: { type: 'string' },
        commands: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    usage((error as Error).message);
  }
  if (values.help) usage();
  const name = values.scenario;
  let chapter = findChapter(name);
  let scenario;
  try {
    if (chapter === null && !PRESET_IDS.includes(name)) {
      // A file: a chapter (it has a scenario inside) or a scenario of its own.
      const data: unknown = JSON.parse(readFileSync(name, 'utf8'));
      if (typeof data === 'object' && data !== null && 'scenario' in data) chapter = parseChapter(data);
      else scenario = parseScenario(data);
    }
    scenario ??= chapter !== null ? chapter.scenario : loadPreset(name);
  } catch (error) {
    usage((error as Error).message);
  }
  const seed = wholeNumber('seed', values.seed, 1, MAX_SEED);
  const ticks = wholeNumber('ticks', values.ticks, scenario.objectives.durationTicks ?? 1440, 10_000_000);
  let log: ReturnType<typeof parseCommandLog> = [];
  if (values.commands !== undefined) {
    try {
      log = parseCommandLog(readFileSync(values.commands, 'utf8'));
    } catch (error) {
      usage((error as Error).message);
    }
  }
  const refused: Refusal[] = [];
  const final = replay(scenario, seed, log, ticks, (state) => {
    for (const outcome of state.lastOutcomes)
      if (!outcome.ok) refused.push({ tick: state.tick - 1, seq: outcome.seq, reason: outcome.reason });
  });
  const result = report(final, chapter, refused);
  console.log(values.json ? JSON.stringify(result, null, 2) : table(result));
}

main();
