/**
 * Rendering benchmark (`npm run bench -- --only client`): the system diagram in Debian's headless
 * Chromium, on the diagram's dev page (client/dev/diagram.html) that runs the real sim in the page and feeds
 * the diagram through a stand-in client. The page shows 200 components of a busy system with
 * every monitoring feature bought (coloured traffic) and the pool of traffic dots full, the
 * whole diagram framed in the view, at 1280×720 and at 1920×1080; a blank scene gives the
 * baseline of the browser and renderer alone.
 *
 * What is measured, in the page, over a window after a warm-up:
 * - frames per second: requestAnimationFrame callbacks per second, i.e. frames the page produced;
 * - frame interval quantiles (p50, p95): the gaps between those callbacks;
 * - main-thread ms per frame (p50, p95): Phaser's whole step, from its PRE_STEP event to
 *   POST_RENDER, and its two parts (p50): the update (PRE_STEP to PRE_RENDER: traffic easing,
 *   dot placement, cards) and the render (PRE_RENDER to POST_RENDER: walking the display list
 *   and issuing the WebGL calls). This is the diagram's own cost; what the GPU (or, headless,
 *   SwiftShader in Chromium's GPU process) then spends rasterising is not in it, and shows in
 *   the frame rate. The render part can include waits for the GPU process when its command
 *   buffer is full, so on a software renderer it overstates the page's own work.
 * The renderer string (WEBGL_debug_renderer_info) is reported so a run on a real GPU is told
 * apart from a software one. Goals: 60 fps, and a main-thread frame under 8 ms (half a 60 Hz
 * frame, the rest left to the browser). Missed goals are reported, not failed.
 *
 * The client is built with Vite (both pages) into a temporary folder and served by Vite's
 * preview server; without Chromium the cases report a warning and no figures.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/browser';
import { DEV_PAGES, GAME_PAGE } from '../../vite.config';
import { checkGoal } from './goals';
import type { BenchCase, BenchOptions, CaseResult } from './types';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const COMPONENTS = 200;
const FPS_GOAL = 60;
const FRAME_MS_GOAL = 8;
/** The diagram's frame rate against the blank scene's at the same size, in the same run. */
const SHARE_OF_BLANK_GOAL = 0.8;
/** Share of a core that other processes may use during the window before the case says so. */
const OTHER_CPU_WARNING = 0.15;
/** Seconds of warm-up (fonts, textures, easing to the sim's figures) before the window. */
const WARM_UP_MS = 4000;
/** The measured window is this many times `--min-ms` (5 s by default). */
const WINDOW_PER_MIN_MS = 5;

interface Viewport {
  width: number;
  height: number;
}

interface PageFigures {
  frames: number;
  elapsedMs: number;
  intervals: number[];
  stepMs: number[];
  updateMs: number[];
  renderMs: number[];
  dots: number;
  components: number;
  renderer: string;
}

/** One browser and one built client for all the client cases of a run. */
let shared: Promise<{ browser: Browser; server: PreviewServer; url: string; outDir: string }> | null = null;

function setUp(): Promise<{ browser: Browser; server: PreviewServer; url: string; outDir: string }> {
  shared ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'scale-up-render-'));
    const input = { main: GAME_PAGE, dev: DEV_PAGES.diagram };
    await build({
      configFile: join(REPO_ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, rollupOptions: { input } },
    });
    const server = await preview({
      configFile: join(REPO_ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', open: false },
    });
    const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    process.once('beforeExit', () => void tearDown());
    // A first page warms the browser and the software renderer's compiled shaders, so that the
    // first case measured (a blank scene, the baseline) does not pay for them.
    const warm = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await warm.goto(new URL('dev/diagram.html?n=50', url).href);
    await warm.waitForTimeout(WARM_UP_MS);
    await warm.close();
    return { browser, server, url, outDir };
  })();
  return shared;
}

async function tearDown(): Promise<void> {
  if (shared === null) return;
  const { browser, server, outDir } = await shared;
  shared = null;
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}

/** Runs in the page: counts frames and times Phaser's steps for `windowMs`. */
function measureInPage(windowMs: number): Promise<PageFigures> {
  type DevWindow = Window & {
    __diagram?: {
      game: {
        events: { on(e: string, f: () => void): void; off(e: string, f: () => void): void };
        scene: { getScene(k: string): { dotCount: number } | null };
      };
      state: { components: unknown[] };
    };
  };
  const page = window as DevWindow;
  const dev = page.__diagram!;
  const intervals: number[] = [];
  const stepMs: number[] = [];
  const updateMs: number[] = [];
  const renderMs: number[] = [];
  let stepStart = 0;
  let renderStart = 0;
  const onPreStep = () => (stepStart = performance.now());
  const onPreRender = () => {
    renderStart = performance.now();
    updateMs.push(renderStart - stepStart);
  };
  const onPostRender = () => {
    const now = performance.now();
    renderMs.push(now - renderStart);
    stepMs.push(now - stepStart);
  };
  const listeners: Array<[string, () => void]> = [
    ['prestep', onPreStep],
    ['prerender', onPreRender],
    ['postrender', onPostRender],
  ];
  for (const [event, listener] of listeners) dev.game.events.on(event, listener);
  const gl = document.querySelector('canvas')?.getContext('webgl2') ?? document.querySelector('canvas')?.getContext('webgl');
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  const renderer =
    gl === null || gl === undefined
      ? 'none'
      : String(gl.getParameter(info === null || info === undefined ? gl.RENDERER : info.UNMASKED_RENDERER_WEBGL));
  return new Promise((resolve) => {
    let frames = 0;
    let last = 0;
    let start = 0;
    const frame = (now: number) => {
      if (start === 0) start = now;
      else {
        frames++;
        intervals.push(now - last);
      }
      last = now;
      if (now - start < windowMs) requestAnimationFrame(frame);
      else {
        for (const [event, listener] of listeners) dev.game.events.off(event, listener);
        const scene = dev.game.scene.getScene('diagram');
        resolve({
          frames,
          elapsedMs: now - start,
          intervals,
          stepMs,
          updateMs,
          renderMs,
          dots: scene?.dotCount ?? 0,
          components: dev.state.components.length,
          renderer,
        });
      }
    };
    requestAnimationFrame(frame);
  });
}

/**
 * CPU time (clock ticks, Linux /proc; null elsewhere) of the whole machine and of this process with
 * its descendants (the browser and its GPU process): the difference over a window is other work.
 */
function cpuTicks(): { machine: number; ours: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user, nice, system, irq, softirq, steal: busy time (idle and iowait are not).
    const machine = [0, 1, 2, 5, 6, 7].reduce((sum, i) => sum + (fields[i] ?? 0), 0);
    const parent = new Map<number, number>();
    const used = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // The command name may hold spaces: the fields that follow start after its closing parenthesis.
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parent.set(Number(entry), Number(rest[1]));
        used.set(Number(entry), Number(rest[11]) + Number(rest[12]));
      } catch {
        // The process ended while the list was read.
      }
    }
    let ours = 0;
    for (const [pid, ticks] of used) {
      let p: number | undefined = pid;
      while (p !== undefined && p > 1 && p !== process.pid) p = parent.get(p);
      if (p === process.pid) ours += ticks;
    }
    return { machine, ours };
  } catch {
    return null;
  }
}

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/** The blank scene's frame rate by viewport width, from this run (the diagram's cases compare with it). */
const blankFps = new Map<number, number>();

type Scene = 'blank' | 'full' | 'reduced';

/** The diagram with `COMPONENTS` components, with full or reduced effects, or a blank scene, at one viewport size. */
function renderCase(id: string, viewport: Viewport, scene: Scene): BenchCase {
  const blank = scene === 'blank';
  const size = `${viewport.width}×${viewport.height}`;
  const title = blank ? `blank scene, ${size}` : `${COMPONENTS} components, ${scene} effects, ${size}`;
  return {
    id,
    group: 'client',
    title,
    async run(options: BenchOptions): Promise<CaseResult> {
      if (!existsSync(CHROMIUM)) {
        return {
          id,
          group: 'client',
          title,
          metrics: {},
          goals: [],
          warnings: [`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`],
        };
      }
      const { browser, url } = await setUp();
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        const query = blank ? 'blank=1' : `n=${COMPONENTS}&calm=1&effects=${scene === 'reduced' ? 'on' : 'off'}`;
        await page.goto(new URL(`dev/diagram.html?${query}`, url).href);
        await page.waitForFunction(() => (window as { __diagram?: unknown }).__diagram !== undefined, undefined, { timeout: 30_000 });
        await page.waitForTimeout(WARM_UP_MS);
        // tsx compiles with keepNames, which wraps named inner functions in a `__name` helper the page lacks.
        await page.evaluate('globalThis.__name ??= (f) => f');
        const cpuBefore = cpuTicks();
        const windowStart = performance.now();
        const figures = await page.evaluate(measureInPage, options.minMs * WINDOW_PER_MIN_MS);
        const cpuAfter = cpuTicks();
        // Clock ticks are 1/100 s on Linux.
        const otherCores =
          cpuBefore === null || cpuAfter === null
            ? 0
            : (cpuAfter.machine - cpuBefore.machine - (cpuAfter.ours - cpuBefore.ours)) / 100 / ((performance.now() - windowStart) / 1000);
        const metrics = {
          components: blank ? 0 : figures.components,
          dots: figures.dots,
          fps: (figures.frames * 1000) / figures.elapsedMs,
          intervalP50Ms: quantile(figures.intervals, 0.5),
          intervalP95Ms: quantile(figures.intervals, 0.95),
          stepP50Ms: quantile(figures.stepMs, 0.5),
          stepP95Ms: quantile(figures.stepMs, 0.95),
          updateP50Ms: quantile(figures.updateMs, 0.5),
          renderP50Ms: quantile(figures.renderMs, 0.5),
        };
        if (blank) blankFps.set(viewport.width, metrics.fps);
        const baseline = blankFps.get(viewport.width);
        const share: Record<string, number> = baseline === undefined || baseline <= 0 ? {} : { fpsShareOfBlank: metrics.fps / baseline };
        const goals = blank
          ? []
          : [
              checkGoal({ metric: 'fps', op: '>=', target: FPS_GOAL, label: `≥ ${FPS_GOAL} fps` }, metrics),
              ...(share['fpsShareOfBlank'] === undefined
                ? []
                : [
                    checkGoal(
                      {
                        metric: 'fpsShareOfBlank',
                        op: '>=',
                        target: SHARE_OF_BLANK_GOAL,
                        label: `fps ≥ ${SHARE_OF_BLANK_GOAL} × blank (${share['fpsShareOfBlank'].toFixed(2)})`,
                      },
                      share,
                    ),
                  ]),
              checkGoal(
                { metric: 'stepP95Ms', op: '<', target: FRAME_MS_GOAL, label: `main thread p95 < ${FRAME_MS_GOAL} ms/frame` },
                metrics,
              ),
            ];
        const warnings = [
          `renderer: ${figures.renderer}`,
          ...(otherCores > OTHER_CPU_WARNING
            ? [`other processes used ${(otherCores * 100).toFixed(0)} % of a core during the window: the machine was not quiet`]
            : []),
          ...errors.map((e) => `page error: ${e}`),
        ];
        return { id, group: 'client', title, metrics: { ...metrics, ...share }, goals, warnings };
      } finally {
        await context.close();
      }
    },
  };
}

export function clientRenderCases(): BenchCase[] {
  const small = { width: 1280, height: 720 };
  const large = { width: 1920, height: 1080 };
  return [
    renderCase('client-blank-720', small, 'blank'),
    renderCase('client-render-720', small, 'full'),
    renderCase('client-reduced-720', small, 'reduced'),
    renderCase('client-blank-1080', large, 'blank'),
    renderCase('client-render-1080', large, 'full'),
    renderCase('client-reduced-1080', large, 'reduced'),
  ];
}

/** Closes the browser and the preview server (the run calls it after the last case). */
export const closeClientRender = tearDown;
