/**
 * Performance benchmarks: `npm run bench` (add `-- --json` for machine-readable output).
 *
 *   npm run bench                        table on stdout
 *   npm run bench -- --json              JSON on stdout, the table on stderr
 *   npm run bench -- --only step         run only cases whose id contains "step" (or is exactly it)
 *   npm run bench -- --min-ms 200        shorter timing windows (a quick smoke run)
 *   npm run bench -- --only server       the server load test alone (tests/bench/serverLoad.ts)
 *   npm run bench -- --only server --rooms 100 [--server-cpu-prof /tmp/prof]
 *   npm run bench -- --only classroom    a workshop of 60 and 10 four-team matches in one server (tests/bench/classroomLoad.ts)
 *   npm run bench -- --only client       the diagram's frame rate in headless Chromium (tests/bench/clientRender.ts)
 *   npm run bench -- --only whatif-load  forecasts of a 200-component team beside 50 ticking rooms, against the same load without (tests/bench/forecastLoad.ts)
 *   npm run bench -- --only replay       the replay viewer: keyframes of a three-day game, seeks to random ticks (tests/bench/replaySeek.ts)
 *
 * Each benchmark is a BenchCase in CASES, grouped into tables by `group`; a new benchmark is one
 * more entry with its own group, columns and notes, as the server load tests (groups `server` and
 * `classroom`) are. The
 * process always exits 0 on a completed measurement: missed goals are reported, not failed.
 * Timing uses performance.now(), which is fine here: this measures the sim, it is not part of it.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { cloneState, hashState, step, type SimState } from '../../shared/sim';
import { classroomLoadCase, classroomNotes } from './classroomLoad';
import { clientRenderCases, closeClientRender } from './clientRender';
import { buildEveryKindTopology } from './everyKind';
import { replaySeekCases, replaySeekNotes } from './replaySeek';
import { forecastLoadCase } from './forecastLoad';
import { serverLoadCase, serverNotes } from './serverLoad';
import { buildTopology, specFor, type BuiltTopology, type TopologySpec } from './topologies';
import { checkGoal } from './goals';
import type { BenchCase, BenchOptions, CaseResult } from './types';

// ---------------------------------------------------------------------------------------------
// The extension point: cases, groups and their columns.

export interface Column {
  key: string;
  label: string;
  digits: number;
}

/**
 * Table layout per group, in print order. A new group adds its columns here, and the lines it
 * prints under its table (what the columns leave out) as `notes`.
 */
export const GROUPS: Record<string, { title: string; columns: Column[]; notes?: (result: CaseResult) => string[] }> = {
  step: {
    title: 'Sim step cost (one core)',
    columns: [
      { key: 'components', label: 'components', digits: 0 },
      { key: 'instances', label: 'instances', digits: 0 },
      { key: 'requestsPerSecond', label: 'sim req/s', digits: 0 },
      { key: 'steps', label: 'steps/sample', digits: 0 },
      { key: 'msPerStep', label: 'ms/step', digits: 3 },
      { key: 'msPerStepMin', label: 'min', digits: 3 },
      { key: 'msPerStepMax', label: 'max', digits: 3 },
      { key: 'updatesPerSecond', label: 'component-updates/s', digits: 0 },
    ],
  },
  forecast: {
    title: 'Forecast: cloneState + N steps',
    columns: [
      { key: 'components', label: 'components', digits: 0 },
      { key: 'ticks', label: 'ticks', digits: 0 },
      { key: 'runs', label: 'runs', digits: 0 },
      { key: 'cloneMs', label: 'clone ms', digits: 2 },
      { key: 'medianMs', label: 'median ms', digits: 1 },
      { key: 'minMs', label: 'min ms', digits: 1 },
      { key: 'maxMs', label: 'max ms', digits: 1 },
    ],
  },
  server: {
    title: 'Server load: solo rooms on the real server (child process), one @colyseus/sdk bot each',
    columns: [
      { key: 'rooms', label: 'rooms', digits: 0 },
      { key: 'clients', label: 'clients', digits: 0 },
      { key: 'ticksPerSecond', label: 'ticks/s', digits: 0 },
      { key: 'expectedTicksPerSecond', label: 'expected', digits: 0 },
      { key: 'tickP50Ms', label: 'tick p50 ms', digits: 3 },
      { key: 'tickP95Ms', label: 'p95', digits: 3 },
      { key: 'tickP99Ms', label: 'p99', digits: 3 },
      { key: 'tickMaxMs', label: 'max', digits: 1 },
      { key: 'clientBytesPerSecond', label: 'B/client/s', digits: 0 },
      { key: 'commandsSent', label: 'cmds sent', digits: 0 },
      { key: 'commandsAcked', label: 'acked', digits: 0 },
      { key: 'commandErrors', label: 'errors', digits: 0 },
      { key: 'serverCpuPercent', label: 'server CPU %', digits: 0 },
      { key: 'serverRssMb', label: 'RSS MB', digits: 0 },
    ],
    notes: serverNotes,
  },
  classroom: {
    title: 'Classroom load: a workshop (instructor + 60 in 12 teams) and 10 four-team matches (2 per team) in one server',
    columns: [
      { key: 'clients', label: 'clients', digits: 0 },
      { key: 'workshopTicksPerSecond', label: 'workshop ticks/s', digits: 1 },
      { key: 'workshopExpectedTicksPerSecond', label: 'expected', digits: 0 },
      { key: 'matchTicksPerSecond', label: 'match ticks/s', digits: 1 },
      { key: 'matchExpectedTicksPerSecond', label: 'expected', digits: 0 },
      { key: 'workshopTickP99Ms', label: 'workshop p99 ms', digits: 2 },
      { key: 'matchTickP99Ms', label: 'match p99 ms', digits: 2 },
      { key: 'tickP99Ms', label: 'all p99 ms', digits: 2 },
      { key: 'tickMaxMs', label: 'max', digits: 1 },
      { key: 'instructorBytesPerSecond', label: 'B/s instructor', digits: 0 },
      { key: 'participantBytesPerSecond', label: 'participant', digits: 0 },
      { key: 'matchPlayerBytesPerSecond', label: 'match player', digits: 0 },
      { key: 'serverCpuPercent', label: 'server CPU %', digits: 0 },
      { key: 'serverEventLoopUtilisation', label: 'loop busy', digits: 2 },
      { key: 'serverRssMb', label: 'RSS MB', digits: 0 },
    ],
    notes: classroomNotes,
  },
  forecastLoad: {
    title: 'What if under load: a 200-component team asking for 600-tick forecasts beside 50 solo rooms at 4×',
    columns: [
      { key: 'forecasts', label: 'forecasts', digits: 0 },
      { key: 'forecastP50Ms', label: 'answer p50 ms', digits: 0 },
      { key: 'forecastP95Ms', label: 'p95', digits: 0 },
      { key: 'forecastMaxMs', label: 'max', digits: 0 },
      { key: 'quietTickP99Ms', label: 'tick p99 without', digits: 2 },
      { key: 'tickP99Ms', label: 'tick p99 with', digits: 2 },
      { key: 'quietLoopDelayP99Ms', label: 'loop delay p99 without', digits: 1 },
      { key: 'loopDelayP99Ms', label: 'with', digits: 1 },
    ],
  },
  replay: {
    title: "Replay seek: a team's three-day game, keyframes every 120 ticks (the viewer's worker code, in Node)",
    columns: [
      { key: 'ticks', label: 'ticks', digits: 0 },
      { key: 'components', label: 'components', digits: 0 },
      { key: 'keyframes', label: 'keyframes', digits: 0 },
      { key: 'buildMs', label: 'build ms', digits: 0 },
      { key: 'seeks', label: 'seeks', digits: 0 },
      { key: 'seekP50Ms', label: 'seek p50 ms', digits: 1 },
      { key: 'seekP95Ms', label: 'p95', digits: 1 },
      { key: 'seekMaxMs', label: 'max', digits: 1 },
    ],
    notes: replaySeekNotes,
  },
  client: {
    title: 'Diagram rendering in headless Chromium (dev page, real sim in the page)',
    columns: [
      { key: 'components', label: 'components', digits: 0 },
      { key: 'dots', label: 'dots', digits: 0 },
      { key: 'fps', label: 'fps', digits: 1 },
      { key: 'fpsShareOfBlank', label: 'fps ÷ blank', digits: 2 },
      { key: 'intervalP50Ms', label: 'frame p50 ms', digits: 1 },
      { key: 'intervalP95Ms', label: 'p95', digits: 1 },
      { key: 'stepP50Ms', label: 'main thread p50 ms', digits: 2 },
      { key: 'stepP95Ms', label: 'p95', digits: 2 },
      { key: 'updateP50Ms', label: 'update p50', digits: 2 },
      { key: 'renderP50Ms', label: 'render p50', digits: 2 },
    ],
  },
};

const UPDATES_GOAL = 1_000_000;
const FORECAST_GOAL_MS = 150;
const FORECAST_TICKS = 600;
const FORECAST_RUNS = 7;

export const CASES: BenchCase[] = [
  stepCase('step-10', 10, 1),
  stepCase('step-100', 100, 2),
  stepCase('step-1000', 1000, 8),
  stepCase('step-1000-every-kind', 900, 8, buildEveryKindTopology),
  forecastCase('forecast-200', 200, 2),
  serverLoadCase('server-load'),
  classroomLoadCase('classroom-load'),
  forecastLoadCase('whatif-load'),
  ...replaySeekCases(),
  ...clientRenderCases(),
];

// ---------------------------------------------------------------------------------------------
// Sim cases.

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Steps `state` in batches until at least `minMs` have passed; returns steps and milliseconds. */
function timeSteps(state: SimState, minMs: number, batch: number): { steps: number; ms: number } {
  let steps = 0;
  const start = performance.now();
  for (;;) {
    for (let i = 0; i < batch; i++) step(state, []);
    steps += batch;
    const elapsed = performance.now() - start;
    if (elapsed >= minMs) return { steps, ms: elapsed };
  }
}

/** Odd figures in the state: non-finite numbers, failures, saturation, a broken clone. */
function inspect(built: BuiltTopology): string[] {
  const { state } = built;
  const warnings: string[] = [];
  const nonFinite = new Map<string, number>();
  let failing = 0;
  let saturated = 0;
  for (const component of state.components) {
    for (const [key, value] of Object.entries(component.figures)) {
      if (!Number.isFinite(value))
        nonFinite.set(`${component.kind}.figures.${key}=${value}`, (nonFinite.get(`${component.kind}.figures.${key}=${value}`) ?? 0) + 1);
    }
    if (component.figures.failed > 1e-6 * Math.max(1, component.figures.lambda)) failing++;
    if (component.figures.utilisation >= 0.9) saturated++;
  }
  for (const [key, value] of Object.entries(state.summary)) {
    if (typeof value === 'number' && !Number.isFinite(value)) nonFinite.set(`summary.${key}=${value}`, 1);
  }
  for (const [what, count] of nonFinite) warnings.push(`non-finite ${what} on ${count} component(s)`);
  if (failing > 0) warnings.push(`${failing} component(s) fail requests`);
  if (saturated > 0) warnings.push(`${saturated} component(s) at utilisation ≥ 0.9`);
  const s = state.summary;
  if (s.successRate > 1 || s.errorRate < 0 || s.availability > 1) {
    warnings.push(`summary out of [0,1]: successRate=${s.successRate}, errorRate=${s.errorRate}, availability=${s.availability}`);
  }
  if (hashState(cloneState(state)) !== hashState(state)) warnings.push('cloneState(state) hashes differently from state (lossy JSON copy)');
  return warnings;
}

/** Utilisation range per kind, for the record: "lb 0.49, web 0.55, db 0.33–0.58". */
function utilisationSummary(state: SimState): Record<string, [number, number]> {
  const ranges: Record<string, [number, number]> = {};
  for (const component of state.components) {
    const u = component.figures.utilisation;
    const range = ranges[component.kind];
    if (range === undefined) ranges[component.kind] = [u, u];
    else ranges[component.kind] = [Math.min(range[0], u), Math.max(range[1], u)];
  }
  return ranges;
}

function topologyMetrics(built: BuiltTopology): Record<string, number> {
  const metrics: Record<string, number> = {
    components: built.components,
    instances: built.instances,
    requestsPerSecond: built.requestsPerSecond,
    cells: built.spec.cells,
    p50LatencyMs: built.state.summary.p50LatencyMs,
    p95LatencyMs: built.state.summary.p95LatencyMs,
    availability: built.state.summary.availability,
  };
  for (const [kind, [low, high]] of Object.entries(utilisationSummary(built.state))) {
    metrics[`${kind}UtilisationMin`] = low;
    metrics[`${kind}UtilisationMax`] = high;
  }
  return metrics;
}

/** Step cost of a topology of about `target` components spread over `cells` balancers. */
function stepCase(id: string, target: number, cells: number, build: (spec: TopologySpec) => BuiltTopology = buildTopology): BenchCase {
  const title = `~${target} components`;
  return {
    id,
    group: 'step',
    title,
    run(options) {
      const built = build(specFor(target, cells));
      const { state } = built;
      // Batches of ~1,000 component-updates: the clock is read rarely, whatever the size.
      const batch = Math.max(1, Math.round(1000 / built.components));
      timeSteps(state, options.minMs / 2, batch); // warm-up: let the JIT settle
      const runs = Array.from({ length: options.samples }, () => timeSteps(state, options.minMs, batch));
      const perStep = runs.map((r) => r.ms / r.steps);
      const msPerStep = median(perStep);
      const metrics = {
        ...topologyMetrics(built),
        steps: Math.round(runs.reduce((sum, r) => sum + r.steps, 0) / runs.length),
        samples: options.samples,
        msPerStep,
        msPerStepMin: Math.min(...perStep),
        msPerStepMax: Math.max(...perStep),
        updatesPerSecond: (built.components * 1000) / msPerStep,
      };
      const goals = [
        checkGoal({ metric: 'updatesPerSecond', op: '>=', target: UPDATES_GOAL, label: '≥ 1,000,000 component-updates/s' }, metrics),
      ];
      return { id, group: 'step', title, metrics, goals, warnings: inspect(built) };
    },
  };
}

/** A forecast: copy the live state and run it `FORECAST_TICKS` ahead, as a what-if preview would. */
function forecastCase(id: string, target: number, cells: number): BenchCase {
  const title = `~${target} components, ${FORECAST_TICKS} ticks`;
  return {
    id,
    group: 'forecast',
    title,
    run() {
      const built = buildTopology(specFor(target, cells));
      const forecast = (): { total: number; clone: number } => {
        const start = performance.now();
        const copy = cloneState(built.state);
        const cloned = performance.now();
        for (let t = 0; t < FORECAST_TICKS; t++) step(copy, []);
        const end = performance.now();
        return { total: end - start, clone: cloned - start };
      };
      forecast(); // warm-up runs
      forecast();
      const runs = Array.from({ length: FORECAST_RUNS }, forecast);
      const totals = runs.map((r) => r.total);
      const metrics = {
        ...topologyMetrics(built),
        ticks: FORECAST_TICKS,
        runs: FORECAST_RUNS,
        cloneMs: median(runs.map((r) => r.clone)),
        medianMs: median(totals),
        minMs: Math.min(...totals),
        maxMs: Math.max(...totals),
      };
      const goals = [checkGoal({ metric: 'medianMs', op: '<', target: FORECAST_GOAL_MS, label: `< ${FORECAST_GOAL_MS} ms` }, metrics)];
      return { id, group: 'forecast', title, metrics, goals, warnings: inspect(built) };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Output.

function format(value: number | undefined, digits: number): string {
  if (value === undefined) return '';
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function renderTable(results: readonly CaseResult[]): string {
  const lines: string[] = [];
  for (const [group, layout] of Object.entries(GROUPS)) {
    const rows = results.filter((r) => r.group === group);
    if (rows.length === 0) continue;
    const header = ['case', ...layout.columns.map((c) => c.label), 'goal'];
    const body = rows.map((r) => [
      r.id,
      ...layout.columns.map((c) => format(r.metrics[c.key], c.digits)),
      r.goals.map((g) => `${g.met ? 'ok' : 'MISSED'} (${g.label})`).join('; '),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
    const line = (cells: string[]) =>
      cells
        .map((cell, i) => (i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  ')
        .trimEnd();
    lines.push(layout.title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line), '');
    for (const r of rows) {
      const u = r.metrics;
      const kinds = ['lb', 'web', 'db']
        .filter((k) => u[`${k}UtilisationMin`] !== undefined)
        .map((k) => {
          const low = u[`${k}UtilisationMin`]!;
          const high = u[`${k}UtilisationMax`]!;
          return `${k} ${low.toFixed(2)}${high - low >= 0.005 ? `–${high.toFixed(2)}` : ''}`;
        });
      if (kinds.length > 0) {
        lines.push(
          `  ${r.id}: utilisation ${kinds.join(', ')}; p50 ${format(u.p50LatencyMs, 1)} ms, p95 ${format(u.p95LatencyMs, 1)} ms, availability ${format(u.availability, 4)}`,
        );
      }
      lines.push(...(layout.notes?.(r) ?? []));
      for (const warning of r.warnings) lines.push(`  ${r.id}: warning: ${warning}`);
    }
    lines.push('');
  }
  const missed = results.flatMap((r) => r.goals.filter((g) => !g.met).map((g) => ({ r, g })));
  if (missed.length === 0) lines.push('All goals met.');
  for (const { r, g } of missed) lines.push(`BELOW GOAL: ${r.id}: ${g.metric} = ${format(g.value, 1)}, goal ${g.label}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
      'min-ms': { type: 'string', default: '1000' },
      samples: { type: 'string', default: '3' },
      rooms: { type: 'string' },
      'server-cpu-prof': { type: 'string' },
    },
  });
  const options: BenchOptions = { minMs: Number(values['min-ms']), samples: Number(values.samples) };
  if (values.rooms !== undefined) options.rooms = Number(values.rooms);
  if (values['server-cpu-prof'] !== undefined) options.serverCpuProf = values['server-cpu-prof'];
  const roomsValid = options.rooms === undefined || (Number.isInteger(options.rooms) && options.rooms >= 1);
  if (!(options.minMs > 0) || !Number.isInteger(options.samples) || options.samples < 1 || !roomsValid) {
    console.error(
      'usage: npm run bench -- [--json] [--only <id part>] [--min-ms <ms>] [--samples <n>] [--rooms <n>] [--server-cpu-prof <dir>]',
    );
    process.exit(2);
  }
  // --only: an exact case id, else every case whose id contains the text.
  const only = values.only;
  const exact = CASES.filter((c) => c.id === only);
  const selected = only === undefined ? CASES : exact.length > 0 ? exact : CASES.filter((c) => c.id.includes(only));
  if (selected.length === 0) {
    console.error(`no case matches "${only}" (cases: ${CASES.map((c) => c.id).join(', ')})`);
    process.exit(2);
  }
  // With --json, stdout carries only the JSON document; progress and the table go to stderr.
  const say = values.json ? (text: string) => console.error(text) : (text: string) => console.log(text);
  const results: CaseResult[] = [];
  for (const benchCase of selected) {
    process.stderr.write(`running ${benchCase.id}…\n`);
    results.push(await benchCase.run(options));
  }
  await closeClientRender();
  say('');
  say(renderTable(results));
  if (values.json) {
    const document = {
      date: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      options,
      results,
      allGoalsMet: results.every((r) => r.goals.every((g) => g.met)),
    };
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  }
}

await main();
