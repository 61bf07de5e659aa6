/**
 * Edges and the traffic on them. Every edge is a curve whose line colour and width follow its
 * traffic; requests move along it as dots from one fixed pool drawn in a single WebGL call
 * (DotRenderer; never one object per request). Each edge's figures ease towards the server's
 * values between updates, so density, speed and colour change smoothly. Dot i of an edge sits at
 * the golden-ratio phase i·φ, so adding or dropping dots never makes the others jump.
 */
import Phaser from 'phaser';
import type { DiagramEdge } from './edges';
import type { EdgeTraffic } from './edgeTraffic';
import { PALETTE, mixColour } from './palette';
import { pointAt, type EdgePath } from './paths';
import { DotRenderer } from './DotRenderer';
import { fnv1a } from './hash';
import { LineRenderer } from './LineRenderer';
import { DOT_SIZE, ERROR_DOT_SIZE } from './textures';
import {
  ERROR_DOT_COLOUR,
  ERROR_PULSE_SHARE,
  allocateDots,
  approach,
  dotColour,
  dotSpeed,
  dotsOnEdge,
  errorDotShare,
} from './trafficStyle';

/** Zoom below which edges are drawn as one-pixel lines. */
const THIN_LINE_ZOOM = 0.6;
/** Slots in the pool: the most dots drawn at once. */
const DOT_POOL = 9000;
/** The most dots with reduced effects: every edge keeps its dots' colour and speed, at a lower density. */
const REDUCED_DOT_POOL = 2000;
const PHI = 0.6180339887498949;
const PHI2 = 0.7548776662466927;
/**
 * Side of the cells that take one dot each, as a share of a dot's diameter on screen (and at least
 * MIN_DOT_CELL_PX canvas pixels): where edges run side by side, dots that would mostly cover each
 * other are drawn once (a pixel shows one dot however many pass over it).
 */
const DOT_CELL = 1.0;
const MIN_DOT_CELL_PX = 3;
/** Seconds for displayed figures to close most of the gap to new server values. */
const EASE_SECONDS = 0.6;
/** How often dot counts are re-allocated and edge lines redrawn, ms. */
const REALLOCATE_MS = 250;

export interface ViewRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface EdgeState {
  edge: DiagramEdge;
  path: EdgePath;
  target: EdgeTraffic;
  /** Eased log10(1 + rate), latency (ms), error share. */
  logRate: number;
  latency: number | null;
  error: number;
  travel: number;
  seed: number;
  dots: number;
}

export class TrafficLayer {
  private readonly lines: LineRenderer;
  private readonly dots: DotRenderer;
  private edges: EdgeState[] = [];
  private byId = new Map<string, EdgeState>();
  private used = 0;
  /** Camera zoom the lines were last built for. */
  private zoom = 1;
  private sinceAllocation = Infinity;
  /** The lines' look changed since they were last drawn (they are drawn when shown, see flushLines). */
  private linesDirty = true;
  /** Counts the times the lines' look changed (the scene's still picture follows them). */
  linesVersion = 0;
  /** Edges touching this node are drawn brighter (the selected component). */
  private focus: string | null = null;
  private readonly point = { x: 0, y: 0 };
  /** The most dots drawn now (fewer with reduced effects). */
  private pool = DOT_POOL;
  /** Which cells of the canvas have a dot this frame. */
  private occupied = new Uint8Array(0);

  constructor(
    scene: Phaser.Scene,
    private readonly lineLayer: Phaser.GameObjects.Layer,
    dotLayer: Phaser.GameObjects.Layer,
  ) {
    this.lines = new LineRenderer(scene);
    scene.add.existing(this.lines);
    lineLayer.add(this.lines);
    this.dots = new DotRenderer(scene, DOT_POOL);
    scene.add.existing(this.dots);
    dotLayer.add(this.dots);
  }

  /** New topology or geometry: keeps the eased figures of edges that remain. */
  setEdges(edges: readonly DiagramEdge[], paths: Map<string, EdgePath>): void {
    const next: EdgeState[] = [];
    const byId = new Map<string, EdgeState>();
    for (const edge of edges) {
      const path = paths.get(edge.id);
      if (path === undefined) continue;
      const old = this.byId.get(edge.id);
      const state: EdgeState = old ?? {
        edge,
        path,
        target: { rate: 0, latencyMs: null, errorShare: null },
        logRate: 0,
        latency: null,
        error: 0,
        travel: 0,
        seed: (fnv1a(edge.id) % 997) / 997,
        dots: 0,
      };
      state.edge = edge;
      state.path = path;
      next.push(state);
      byId.set(edge.id, state);
    }
    this.edges = next;
    this.byId = byId;
    this.sinceAllocation = Infinity;
    this.markLines();
  }

  setTraffic(traffic: Map<string, EdgeTraffic>): void {
    for (const state of this.edges) {
      const t = traffic.get(state.edge.id);
      if (t === undefined) continue;
      if (state.target.rate === 0 && state.logRate === 0) state.logRate = Math.log10(1 + t.rate) * 0.5;
      state.target = t;
      if (state.latency === null && t.latencyMs !== null) state.latency = t.latencyMs;
      if (t.latencyMs === null) state.latency = null;
    }
  }

  setFocus(id: string | null): void {
    if (id === this.focus) return;
    this.focus = id;
    this.markLines();
  }

  /** Reduced effects: fewer dots. */
  setReduced(reduced: boolean): void {
    const pool = reduced ? REDUCED_DOT_POOL : DOT_POOL;
    if (pool === this.pool) return;
    this.pool = pool;
    this.sinceAllocation = Infinity;
  }

  /** Dots currently drawn. */
  get dotCount(): number {
    return this.used;
  }

  /**
   * Advances the traffic. `view` is the camera's world rectangle: dots outside it are not drawn,
   * and dots are spaced by screen length (down to half of world density when zoomed far out), so
   * a zoomed-out overview does not spend the pool on dots too small to see apart.
   */
  update(time: number, dtMs: number, zoom: number, view: ViewRect): void {
    const dt = Math.min(0.1, dtMs / 1000);
    for (const s of this.edges) {
      s.logRate = approach(s.logRate, Math.log10(1 + s.target.rate), dt, EASE_SECONDS);
      if (s.latency !== null && s.target.latencyMs !== null) s.latency = approach(s.latency, s.target.latencyMs, dt, EASE_SECONDS);
      s.error = approach(s.error, s.target.errorShare ?? 0, dt, EASE_SECONDS);
    }
    if (Math.abs(Math.log(zoom / this.zoom)) > 0.2) {
      this.zoom = zoom;
      this.markLines();
    }
    this.sinceAllocation += dtMs;
    if (this.sinceAllocation >= REALLOCATE_MS) {
      this.sinceAllocation = 0;
      const scale = Math.min(1, Math.max(0.5, zoom));
      const wanted = this.edges.map((s) => dotsOnEdge(10 ** s.logRate - 1, s.path.length * scale));
      const given = allocateDots(wanted, this.pool);
      this.edges.forEach((s, i) => (s.dots = given[i] ?? 0));
      this.markLines();
    }
    // Lines kept in the scene's still picture are drawn when it is drawn again (flushLines).
    if (this.lineLayer.visible) this.flushLines();
    this.moveDots(time, dt, zoom, view);
  }

  /** Draws the lines again if their look changed since they were last drawn. */
  flushLines(): void {
    if (this.linesDirty) this.drawLines();
  }

  destroy(): void {
    this.lines.destroy();
    this.dots.destroy();
  }

  private moveDots(time: number, dt: number, zoom: number, view: ViewRect): void {
    const x0 = view.x - ERROR_DOT_SIZE;
    const y0 = view.y - ERROR_DOT_SIZE;
    const x1 = view.x + view.w + ERROR_DOT_SIZE;
    const y1 = view.y + view.h + ERROR_DOT_SIZE;
    const cellsPerWorld = zoom / Math.max(MIN_DOT_CELL_PX, DOT_CELL * DOT_SIZE * zoom);
    const columns = Math.ceil((x1 - x0) * cellsPerWorld) + 1;
    const cells = columns * (Math.ceil((y1 - y0) * cellsPerWorld) + 1);
    if (this.occupied.length < cells) this.occupied = new Uint8Array(cells);
    else this.occupied.fill(0, 0, cells);
    const occupied = this.occupied;
    const dots = this.dots;
    const p = this.point;
    const pulse = 0.55 + 0.45 * Math.sin(time * 0.012);
    let k = 0;
    for (const s of this.edges) {
      const n = s.dots;
      if (n === 0) continue;
      const path = s.path;
      s.travel = (s.travel + (dt * dotSpeed(s.latency)) / Math.max(1, path.length)) % 1;
      const errShare = errorDotShare(s.target.errorShare === null ? null : s.error);
      const colour = dotColour(s.latency);
      const errorAlpha = s.error > ERROR_PULSE_SHARE ? pulse : 1;
      for (let i = 0; i < n && k < this.pool; i++) {
        const f = (i * PHI + s.seed + s.travel) % 1;
        const failing = errShare > 0 && (i * PHI2 + s.seed * 0.5) % 1 < errShare;
        pointAt(path, f, p);
        if (p.x < x0 || p.x > x1 || p.y < y0 || p.y > y1) continue;
        const cell = (((p.y - y0) * cellsPerWorld) | 0) * columns + (((p.x - x0) * cellsPerWorld) | 0);
        // A failed request is always drawn: it is the one dot that must not hide behind another.
        if (occupied[cell] === 1 && !failing) continue;
        occupied[cell] = 1;
        // Fade in and out at the ends, where the dot meets a box.
        const ends = Math.min(1, f * 14, (1 - f) * 14);
        if (failing) dots.put(k++, p.x, p.y, ERROR_DOT_SIZE, ERROR_DOT_COLOUR, errorAlpha * ends, true);
        else dots.put(k++, p.x, p.y, DOT_SIZE, colour, 0.95 * ends, false);
      }
    }
    dots.count = k;
    this.used = k;
  }

  private markLines(): void {
    if (this.linesDirty) return;
    this.linesDirty = true;
    this.linesVersion++;
  }

  private drawLines(): void {
    this.linesDirty = false;
    const lines = this.lines;
    // A solid line is its route's polyline (a few straight stretches and rounded corners, square
    // when zoomed far out, where a corner is a pixel or two); a dashed one takes every other pair
    // of the evenly spaced points.
    const dash = 2;
    const thin = this.zoom < THIN_LINE_ZOOM;
    const line = (path: EdgePath) => (thin ? path.corners : path.curve);
    let segments = 0;
    for (const s of this.edges)
      segments += s.edge.kind === 'replication' ? Math.ceil((s.path.count - 1) / (2 * dash)) : line(s.path).length / 2 - 1;
    lines.begin(segments, thin);
    for (const s of this.edges) {
      const rate = 10 ** s.logRate - 1;
      const focused = this.focus !== null && (s.edge.from === this.focus || s.edge.to === this.focus);
      let colour: number = s.latency === null ? PALETTE.edge : mixColour(PALETTE.edge, dotColour(s.latency), 0.45);
      if (s.error > 0.05) colour = mixColour(colour, PALETTE.dead, Math.min(1, s.error * 2));
      if (focused) colour = mixColour(colour, PALETTE.selected, 0.35);
      const replication = s.edge.kind === 'replication';
      const width = (replication ? 1.5 : 1.5 + Math.min(2.5, 0.45 * s.logRate)) + (focused ? 1 : 0);
      const alpha = focused ? 0.95 : rate > 0.01 ? 0.5 : 0.28;
      if (replication) {
        // Replication streams are dashed.
        const p = s.path.points;
        const last = s.path.count - 1;
        for (let i = 0; i < last; i += 2 * dash) {
          const j = Math.min(last, i + dash);
          lines.segment(p[2 * i]!, p[2 * i + 1]!, p[2 * j]!, p[2 * j + 1]!, width, colour, alpha);
        }
        continue;
      }
      const c = line(s.path);
      for (let i = 2; i < c.length; i += 2) lines.segment(c[i - 2]!, c[i - 1]!, c[i]!, c[i + 1]!, width, colour, alpha);
    }
  }
}
