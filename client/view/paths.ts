/**
 * Edge geometry: each edge leaves the bottom of its source and enters the top of its target as a
 * vertical S-curve (cubic Bézier). Several edges on one side of a box spread along it, ordered by
 * where their other end is, so that fans do not cross at the box. The curve is resampled at equal
 * arc lengths so a dot moving at constant speed along it really does. Pure.
 */
import type { DiagramEdge } from './edges';
import type { NodeBox } from './layout';

/** Points of a path at equal spacing along its length: x0, y0, x1, y1, … */
export interface EdgePath {
  id: string;
  /** A coarse polyline of the curve, for drawing the edge's line. */
  curve: Float32Array;
  points: Float32Array;
  /** Number of points (points.length / 2). */
  count: number;
  length: number;
}

/** Distance between resampled points, world pixels. */
export const PATH_STEP = 6;
/** Bézier samples before resampling. */
const CURVE_SAMPLES = 24;
/** Segments of the polyline the edge's line is drawn with. */
export const LINE_SEGMENTS = 8;
/** Share of a box's width where edges may attach (centred). */
const ATTACH_SPAN = 0.7;

/** Attachment x of every edge end: out along the source's bottom, in along the target's top. */
function attachments(edges: readonly DiagramEdge[], nodes: Map<string, NodeBox>): { out: Map<string, number>; in: Map<string, number> } {
  const out = new Map<string, number>();
  const into = new Map<string, number>();
  const centre = (id: string) => {
    const n = nodes.get(id);
    return n === undefined ? 0 : n.x + n.w / 2;
  };
  const spread = (ends: Map<string, DiagramEdge[]>, other: (e: DiagramEdge) => string, box: (e: DiagramEdge) => string, result: Map<string, number>) => {
    for (const list of ends.values()) {
      const node = nodes.get(box(list[0]!));
      if (node === undefined) continue;
      const sorted = [...list].sort((a, b) => centre(other(a)) - centre(other(b)) || (a.id < b.id ? -1 : 1));
      const span = node.w * ATTACH_SPAN;
      sorted.forEach((e, i) => result.set(e.id, node.x + (node.w - span) / 2 + (span * (i + 1)) / (sorted.length + 1)));
    }
  };
  const bySource = new Map<string, DiagramEdge[]>();
  const byTarget = new Map<string, DiagramEdge[]>();
  for (const e of edges) {
    if (!nodes.has(e.from) || !nodes.has(e.to)) continue;
    const out = bySource.get(e.from);
    if (out === undefined) bySource.set(e.from, [e]);
    else out.push(e);
    const into = byTarget.get(e.to);
    if (into === undefined) byTarget.set(e.to, [e]);
    else into.push(e);
  }
  spread(bySource, (e) => e.to, (e) => e.from, out);
  spread(byTarget, (e) => e.from, (e) => e.to, into);
  return { out, in: into };
}

function cubic(p0: number, p1: number, p2: number, p3: number, t: number): number {
  const u = 1 - t;
  return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}

/** Points every `step` pixels along a polyline given as flat x,y pairs. */
export function resample(flat: readonly number[], step: number): { points: Float32Array; length: number } {
  const n = flat.length / 2;
  const cumulative = [0];
  for (let i = 1; i < n; i++) {
    const dx = (flat[2 * i] as number) - (flat[2 * i - 2] as number);
    const dy = (flat[2 * i + 1] as number) - (flat[2 * i - 1] as number);
    cumulative.push((cumulative[i - 1] as number) + Math.hypot(dx, dy));
  }
  const length = cumulative[n - 1] ?? 0;
  const count = Math.max(2, Math.ceil(length / step) + 1);
  const points = new Float32Array(count * 2);
  let seg = 1;
  for (let k = 0; k < count; k++) {
    const d = (length * k) / (count - 1);
    while (seg < n - 1 && (cumulative[seg] as number) < d) seg++;
    const d0 = cumulative[seg - 1] as number;
    const d1 = cumulative[seg] as number;
    const t = d1 > d0 ? (d - d0) / (d1 - d0) : 0;
    points[2 * k] = (flat[2 * seg - 2] as number) + ((flat[2 * seg] as number) - (flat[2 * seg - 2] as number)) * t;
    points[2 * k + 1] = (flat[2 * seg - 1] as number) + ((flat[2 * seg + 1] as number) - (flat[2 * seg - 1] as number)) * t;
  }
  return { points, length };
}

/** A path for every edge whose ends are both laid out. */
export function edgePaths(edges: readonly DiagramEdge[], nodes: Map<string, NodeBox>): Map<string, EdgePath> {
  const { out, in: into } = attachments(edges, nodes);
  const paths = new Map<string, EdgePath>();
  for (const e of edges) {
    const a = nodes.get(e.from);
    const b = nodes.get(e.to);
    if (a === undefined || b === undefined) continue;
    const x0 = out.get(e.id) ?? a.x + a.w / 2;
    const y0 = a.y + a.h;
    const x3 = into.get(e.id) ?? b.x + b.w / 2;
    const y3 = b.y;
    const bend = Math.max(24, Math.abs(y3 - y0) * 0.5);
    const flat: number[] = [];
    for (let i = 0; i <= CURVE_SAMPLES; i++) {
      const t = i / CURVE_SAMPLES;
      flat.push(cubic(x0, x0, x3, x3, t), cubic(y0, y0 + bend, y3 - bend, y3, t));
    }
    const { points, length } = resample(flat, PATH_STEP);
    const curve = new Float32Array(2 * (LINE_SEGMENTS + 1));
    for (let i = 0; i <= LINE_SEGMENTS; i++) {
      const t = i / LINE_SEGMENTS;
      curve[2 * i] = cubic(x0, x0, x3, x3, t);
      curve[2 * i + 1] = cubic(y0, y0 + bend, y3 - bend, y3, t);
    }
    paths.set(e.id, { id: e.id, curve, points, count: points.length / 2, length });
  }
  return paths;
}

/** The point at `fraction` (0–1) of a path's length, written into `out`. */
export function pointAt(path: EdgePath, fraction: number, out: { x: number; y: number }): void {
  const f = fraction <= 0 ? 0 : fraction >= 1 ? 1 : fraction;
  const pos = f * (path.count - 1);
  const i = Math.min(path.count - 2, Math.floor(pos));
  const t = pos - i;
  const p = path.points;
  out.x = (p[2 * i] as number) + ((p[2 * i + 2] as number) - (p[2 * i] as number)) * t;
  out.y = (p[2 * i + 1] as number) + ((p[2 * i + 3] as number) - (p[2 * i + 1] as number)) * t;
}
