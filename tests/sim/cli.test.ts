/**
 * The headless runner (server/cli/sim.ts), run as a real process with the pinned Node: its hash
 * must be the in-process replay's, its JSON must carry the documented fields, and bad arguments
 * must end with exit code 2 and the usage line.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapterOutcome, chapters } from '../../shared/campaign';
import { parseCommandLog } from '../../shared/protocol/commands';
import { loadPreset } from '../../shared/scenarios';
import { hashState, replay } from '../../shared/sim';
import type { GoldenFixture } from '../fixtures/golden';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const CLI = ['--import', 'tsx', 'server/cli/sim.ts'];
const USAGE = /^usage: npm run sim -- --scenario <[^>]*constant-load[^>]*> --seed <n> --ticks <n>/m;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI asynchronously (so several can run at once) and never throws on a non-zero exit. */
function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(NODE, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The CLI's --json report, in the shape server/cli/sim.ts prints. */
interface Report {
  tick: number;
  hash: string;
  gameOver: unknown;
  summary: Record<string, number>;
  components: Array<Record<string, string | number>>;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scale-up-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('sim CLI', () => {
  it('--json for constant-load, 120 ticks: the hash of the in-process replay and every documented field', () => {
    const stdout = execFileSync(NODE, [...CLI, '--scenario', 'constant-load', '--seed', '1', '--ticks', '120', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 20_000,
    });
    const report = JSON.parse(stdout) as Report;
    const state = replay(loadPreset('constant-load'), 1, [], 120);

    expect(report.tick).toBe(120);
    expect(report.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(report.hash).toBe(hashState(state));
    expect(report.gameOver).toBeNull();

    const summaryKeys = [
      'users',
      'dau',
      'peakDau',
      'requestsPerSecond',
      'availability',
      'latencyP50Ms',
      'latencyP95Ms',
      'errorRate',
      'money',
      'profit',
      'revenuePerDay',
      'costPerDay',
    ];
    for (const key of summaryKeys) expect(typeof report.summary[key], `summary.${key}`).toBe('number');
    expect(report.summary.availability).toBeGreaterThan(0);
    expect(report.summary.availability).toBeLessThanOrEqual(1);
    expect(report.summary.availability).toBeCloseTo(state.summary.availability, 5);
    expect(report.summary.requestsPerSecond).toBeCloseTo(200, 3);
    expect(report.summary.money).toBeCloseTo(state.money, 2);

    expect(report.components.map((c) => c.id)).toEqual(state.components.map((c) => c.id));
    const componentKeys = [
      'id',
      'kind',
      'size',
      'instances',
      'down',
      'lambda',
      'capacity',
      'utilisation',
      'meanLatencyMs',
      'p95LatencyMs',
      'errorsPerSecond',
    ];
    report.components.forEach((reported, i) => {
      const component = state.components[i]!;
      for (const key of componentKeys) expect(reported, `components[${i}]`).toHaveProperty(key);
      expect(reported.kind).toBe(component.kind);
      expect(reported.instances).toBe(component.count);
      expect(reported.lambda as number).toBeCloseTo(component.figures.lambda, 3);
      expect(reported.utilisation as number).toBeCloseTo(component.figures.utilisation, 4);
      expect(reported.errorsPerSecond as number).toBeCloseTo(component.figures.failed, 3);
    });
    expect(report.components[0]!.lambda).toBeCloseTo(200, 3); // the balancer takes everything
  });

  it('agrees with the golden fixture, a scenario file and the table output', async () => {
    // A golden log replayed by the CLI from a JSON-lines file must land on the golden checkpoint.
    const fixture = JSON.parse(
      readFileSync(join(ROOT, 'tests', 'fixtures', 'golden', 'sandbox-seed-1-build.json'), 'utf8'),
    ) as GoldenFixture;
    const checkpoint = fixture.checkpoints.find((c) => c.tick === 250)!;
    const logFile = join(dir, 'golden.jsonl');
    writeFileSync(logFile, fixture.commands.map((entry) => JSON.stringify(entry)).join('\n') + '\n');

    // A scenario given as a file: constant-load at half the load.
    const scenario = loadPreset('constant-load');
    if (scenario.traffic.mode !== 'constant') throw new Error('constant-load should be constant');
    scenario.traffic.requestsPerSecond = 100;
    const scenarioFile = join(dir, 'half-load.json');
    writeFileSync(scenarioFile, JSON.stringify(scenario));

    const [golden, fromFile, table] = await Promise.all([
      run([
        '--scenario',
        fixture.scenario,
        '--seed',
        String(fixture.seed),
        '--ticks',
        String(checkpoint.tick),
        '--commands',
        logFile,
        '--json',
      ]),
      run(['--scenario', scenarioFile, '--seed', '9', '--ticks', '60', '--json']),
      run(['--scenario', 'constant-load', '--seed', '1', '--ticks', '120']),
    ]);

    expect(golden.code, golden.stderr).toBe(0);
    expect((JSON.parse(golden.stdout) as Report).hash).toBe(checkpoint.hash);

    expect(fromFile.code, fromFile.stderr).toBe(0);
    const halfLoad = JSON.parse(fromFile.stdout) as Report;
    expect(halfLoad.hash).toBe(hashState(replay(scenario, 9, [], 60)));
    expect(halfLoad.summary.requestsPerSecond).toBeCloseTo(100, 3);

    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain(`tick 120  hash ${hashState(replay(loadPreset('constant-load'), 1, [], 120))}`);
    expect(table.stdout).toMatch(/availability [\d.]+ %/);
  });

  it('runs a chapter to its end and prints its outcome (stars, every goal), and every command the sim refused', async () => {
    const chapter = chapters()[0]!;
    const win = join(ROOT, 'tests', 'fixtures', 'campaign', `${chapter.scenario.id}.win.jsonl`);
    const won = await run(['--scenario', chapter.scenario.id, '--commands', win, '--json']);
    expect(won.code).toBe(0);
    const report = JSON.parse(won.stdout) as Report & {
      outcome: { status: string; stars: number; goals: Array<{ star: number; metric: string; met: boolean }> };
      refused: unknown[];
    };
    const expected = chapterOutcome(
      chapter,
      replay(chapter.scenario, 1, parseCommandLog(readFileSync(win, 'utf8')), chapter.scenario.objectives.durationTicks!),
    );
    expect(report.tick).toBe(chapter.scenario.objectives.durationTicks);
    expect(report.outcome.status).toBe('won');
    expect(report.outcome.stars).toBe(expected.stars);
    expect(report.outcome.goals.map((g) => [g.star, g.metric, g.met])).toEqual(expected.goals.map((g) => [g.star, g.metric, g.met]));
    expect(report.refused).toEqual([]);

    // A command the chapter's shop does not sell is refused, and said so; the chapter is lost.
    const refusedLog = join(dir, 'not-in-shop.jsonl');
    writeFileSync(
      refusedLog,
      JSON.stringify({ tick: 3, team: 'solo', player: 'p1', seq: 0, command: { type: 'buy', kind: 'cache', region: 'ap' } }) + '\n',
    );
    const lost = await run(['--scenario', chapter.scenario.id, '--commands', refusedLog]);
    expect(lost.code).toBe(0);
    expect(lost.stdout).toMatch(/^chapter: lost \(goals\) {2}stars 0$/m);
    expect(lost.stdout).toContain('refused: seq 0 at tick 3: not-in-shop');
  });

  it('--help prints the usage line and exits 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(USAGE);
  });

  it('bad arguments exit with code 2, an error and the usage line, and print nothing on stdout', async () => {
    const badLog = join(dir, 'bad.jsonl');
    writeFileSync(
      badLog,
      [
        JSON.stringify({ tick: 0, team: 'a', player: 'p', seq: 0, command: { type: 'rollback' } }),
        '{"tick": 1, "command": {"type": "explode"}}',
      ].join('\n'),
    );
    const notJson = join(dir, 'not-json.jsonl');
    writeFileSync(notJson, 'this is not json\n');
    const cases: Array<{ args: string[]; error: RegExp }> = [
      { args: ['--ticks', 'abc'], error: /--ticks must be a whole number from 0 to \d+, got "abc"/ },
      { args: ['--seed=-3'], error: /--seed must be a whole number from 0 to 4294967295, got "-3"/ },
      { args: ['--seed', ''], error: /--seed must be a whole number from 0 to 4294967295, got ""/ },
      { args: ['--seed', '4294967296'], error: /--seed must be a whole number from 0 to 4294967295/ },
      { args: ['--bogus'], error: /^error: .*bogus/m },
      { args: ['stray-positional'], error: /^error: /m },
      { args: ['--scenario', 'no-such-scenario', '--ticks', '1'], error: /^error: .*no-such-scenario/m },
      { args: ['--scenario', 'constant-load', '--commands', badLog], error: /command log line 2/ },
      { args: ['--scenario', 'constant-load', '--commands', notJson], error: /command log line 1: not JSON/ },
    ];
    const results = await Promise.all(cases.map((c) => run(c.args)));
    results.forEach((result, i) => {
      const { args, error } = cases[i]!;
      const label = `sim ${args.join(' ')}`;
      expect(result.code, `${label}\n${result.stderr}`).toBe(2);
      expect(result.stderr, label).toMatch(USAGE);
      expect(result.stderr, label).toMatch(error);
      expect(result.stdout, label).toBe('');
    });
  });
});
