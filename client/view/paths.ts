/**
 * Edge geometry: each edge leaves the bottom of its source and enters the top of its target, and
 * in between runs orthogonally through the gaps of the grid, never across a box it does not
 * connect (an edge under an unrelated card would look wired to it). The layout's boxes sit in
 * rows (lanes) and columns that line up across the whole diagram, so the gaps between rows and
 * between columns are free from end to end: channels. A route goes down into the channel below
 * its source, along it, and down into its target when that channel is also the one above the
 * target; else it takes a column gap (or a straight drop where nothing is in the way) to the
 * channel above the target. Edges that share a channel get their own track in it, ordered so
 * that as few of them cross as possible. Corners are rounded. Several edges on one side of a box
 * spread along it, ordered by where their other end is. The route is resampled at equal arc
 * lengths so a dot moving at constant speed along it really does. Pure
 * (tests/client/view/paths.test.ts).
 */
import type { DiagramEdge } from './edges';
import type { NodeBox } from './layout';

/** Points of a path at equal spacing along its length: x0, y0, x1, y1, … */
export interface EdgePath {
  id: string;
  /** The route as a polyline (corners rounded), for drawing the edge's line: x0, y0, x1, y1, … */
  curve: Float32Array;
  /** The route's corners only (square), for drawing it zoomed far out with the fewest pieces. */
  corners: Float32Array;
  points: Float32Array;
  /** Number of points (points.length / 2). */
  count: number;
  length: number;
}

/** Distance between resampled points, world pixels. */
export const PATH_STEP = 6;
/** Share of a box's width where edges may attach (centred). */
const ATTACH_SPAN = 0.7;
/**
 * How far the cards stacked behind a card with several instances reach right of and below its
 * box (NodeCard's two stack cards): part of the box for routing.
 */
export const STACK_PAD = { x: 6, y: 3 } as const;
/** Radius of a rounded corner, world pixels (less on short legs). */
const CORNER_RADIUS = 7;
/** Pieces of a rounded corner's arc. */
const ARC_POINTS = 3;
/** Preferred distance between parallel edges in one channel, world pixels. */
const TRACK_GAP = 4;
/** Width of the channel before the first row or column and after the last, world pixels. */
const OPEN_END = 8;
/** Room an edge keeps from the boxes it passes, world pixels. */
const CLEARANCE = 2;

interface Interval {
  lo: number;
  hi: number;
}

/** A box as routing sees it: its stack of instances included. */
function footprint(n: NodeBox): { x: number; y: number; w: number; h: number } {
  const portal = n.kind === 'users' || n.kind === 'dns';
  return { x: n.x, y: n.y, w: n.w + (portal ? 0 : STACK_PAD.x), h: n.h + (portal ? 0 : STACK_PAD.y) };
}

/** The gaps between the union of `spans`: free lanes across the whole diagram, plus one before and after. */
function channels(spans: Interval[]): Interval[] {
  const sorted = [...spans].sort((a, b) => a.lo - b.lo);
  const gaps: Interval[] = [];
  let end = -Infinity;
  for (const s of sorted) {
    if (s.lo > end) gaps.push({ lo: end, hi: s.lo });
    end = Math.max(end, s.hi);
  }
  gaps.push({ lo: end, hi: Infinity });
  // The open ends get a narrow finite width: a route there stays by the region panels' edge.
  const first = gaps[0]!;
  first.lo = first.hi - OPEN_END;
  const last = gaps[gaps.length - 1]!;
  last.hi = last.lo + OPEN_END;
  return gaps;
}

/** Attachment x of every edge end: out along the source's bottom, in along the target's top. */
function attachments(edges: readonly DiagramEdge[], nodes: Map<string, NodeBox>): { out: Map<string, number>; in: Map<string, number> } {
  const out = new Map<string, number>();
  const into = new Map<string, number>();
  const centre = (id: string) => {
    const n = nodes.get(id);
    return n === undefined ? 0 : n.x + n.w / 2;
  };
  const spread = (
    ends: Map<string, DiagramEdge[]>,
    other: (e: DiagramEdge) => string,
    box: (e: DiagramEdge) => string,
    result: Map<string, number>,
  ) => {
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
  spread(
    bySource,
    (e) => e.to,
    (e) => e.from,
    out,
  );
  spread(
    byTarget,
    (e) => e.from,
    (e) => e.to,
    into,
  );
  return { out, in: into };
}

/** Points every `step` pixels along a polyline given as flat x,y pairs. */
function resample(flat: readonly number[], step: number): { points: Float32Array; length: number } {
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

/** One straight stretch of a route that runs along a channel, to be given a track in it. */
interface Run {
  edge: string;
  channel: Interval;
  horizontal: boolean;
  /** Extent along the channel. */
  lo: number;
  hi: number;
  /** Where the route comes into the run and leaves it, and from which side (-1: top/left, +1: bottom/right). */
  enterAt: number;
  enterSide: number;
  exitAt: number;
  exitSide: number;
  /** Its place across the channel (y of a horizontal run, x of a vertical one) once tracks are given. */
  track: number;
}

/** Whether a segment stays clear of every box but those of `own`. */
function clear(x0: number, y0: number, x1: number, y1: number, boxes: readonly NodeBox[], own: ReadonlySet<string>): boolean {
  const lx = Math.min(x0, x1) - CLEARANCE;
  const hx = Math.max(x0, x1) + CLEARANCE;
  const ly = Math.min(y0, y1) - CLEARANCE;
  const hy = Math.max(y0, y1) + CLEARANCE;
  for (const n of boxes) {
    if (own.has(n.id)) continue;
    const f = footprint(n);
    if (lx < f.x + f.w && f.x < hx && ly < f.y + f.h && f.y < hy) return false;
  }
  return true;
}

/**
 * Crossings between two runs of one channel if `a` takes the track before (above, left of) `b`:
 * where one comes in or goes out across the other's track. Meeting the other's end counts too:
 * there the two would run on top of each other for a while.
 */
function crossings(a: Run, b: Run): number {
  const inside = (v: number, r: Run) => v >= r.lo - 0.5 && v <= r.hi + 0.5;
  return (
    (b.enterSide < 0 && inside(b.enterAt, a) ? 1 : 0) +
    (b.exitSide < 0 && inside(b.exitAt, a) ? 1 : 0) +
    (a.enterSide > 0 && inside(a.enterAt, b) ? 1 : 0) +
    (a.exitSide > 0 && inside(a.exitAt, b) ? 1 : 0)
  );
}

/** Tracks for the runs of one channel: overlapping runs apart, in the order that crosses least; the rest share. */
function assignTracks(runs: Run[]): void {
  const order = [...runs].sort(
    (a, b) => crossings(a, b) - crossings(b, a) || a.lo - b.lo || (a.edge < b.edge ? -1 : a.edge > b.edge ? 1 : 0),
  );
  const placed: Run[] = [];
  let tracks = 0;
  for (const run of order) {
    let track = 0;
    for (const other of placed)
      if (other.lo < run.hi + TRACK_GAP && run.lo < other.hi + TRACK_GAP) track = Math.max(track, other.track + 1);
    run.track = track;
    tracks = Math.max(tracks, track + 1);
    placed.push(run);
  }
  if (runs.length === 0) return;
  const channel = runs[0]!.channel;
  const room = channel.hi - channel.lo - 2 * CLEARANCE;
  const gap = tracks > 1 ? Math.min(TRACK_GAP, room / (tracks - 1)) : 0;
  const first = (channel.lo + channel.hi) / 2 - ((tracks - 1) * gap) / 2;
  for (const run of runs) run.track = first + run.track * gap;
}

/** A polyline through `corners` with its corners rounded, as flat x,y pairs. */
function rounded(corners: Array<[number, number]>): number[] {
  const pts = corners.filter((p, i) => i === 0 || Math.hypot(p[0] - corners[i - 1]![0], p[1] - corners[i - 1]![1]) > 0.01);
  // Drop points in the middle of a straight stretch.
  const kept: Array<[number, number]> = [];
  for (const p of pts) {
    const a = kept[kept.length - 2];
    const b = kept[kept.length - 1];
    if (a !== undefined && b !== undefined && Math.abs((b[0] - a[0]) * (p[1] - b[1]) - (b[1] - a[1]) * (p[0] - b[0])) < 1e-6)
      kept[kept.length - 1] = p;
    else kept.push(p);
  }
  const flat: number[] = [kept[0]![0], kept[0]![1]];
  for (let i = 1; i < kept.length - 1; i++) {
    const [px, py] = kept[i - 1]!;
    const [cx, cy] = kept[i]!;
    const [nx, ny] = kept[i + 1]!;
    const inLen = Math.hypot(cx - px, cy - py);
    const outLen = Math.hypot(nx - cx, ny - cy);
    const r = Math.min(CORNER_RADIUS, inLen / 2, outLen / 2);
    const ax = cx - ((cx - px) / inLen) * r;
    const ay = cy - ((cy - py) / inLen) * r;
    const bx = cx + ((nx - cx) / outLen) * r;
    const by = cy + ((ny - cy) / outLen) * r;
    // A quadratic curve through the corner: close to a quarter circle, inside the corner's square.
    for (let k = 0; k <= ARC_POINTS; k++) {
      const t = k / ARC_POINTS;
      const u = 1 - t;
      flat.push(u * u * ax + 2 * u * t * cx + t * t * bx, u * u * ay + 2 * u * t * cy + t * t * by);
    }
  }
  const end = kept[kept.length - 1]!;
  if (kept.length > 1) flat.push(end[0], end[1]);
  return flat;
}

/** A route for every edge whose ends are both laid out, as the corners of an orthogonal polyline. */
export function edgeRoutes(edges: readonly DiagramEdge[], nodes: Map<string, NodeBox>): Map<string, Array<[number, number]>> {
  const boxes = [...nodes.values()];
  const rows = channels(boxes.map((n) => ({ lo: footprint(n).y, hi: footprint(n).y + footprint(n).h })));
  const columns = channels(boxes.map((n) => ({ lo: footprint(n).x, hi: footprint(n).x + footprint(n).w })));
  const below = (y: number) => rows.find((c) => c.lo >= y - 0.01) ?? rows[rows.length - 1]!;
  const above = (y: number) => [...rows].reverse().find((c) => c.hi <= y + 0.01) ?? rows[0]!;
  const mid = (c: Interval) => (c.lo + c.hi) / 2;
  const { out, in: into } = attachments(edges, nodes);
  // Each route: its corners, and which of its stretches run along a channel (filled in with tracks later).
  const plans: Array<{ id: string; corners: Array<[number, number]>; runs: Array<{ run: Run; at: number[] }> }> = [];
  const runsOf = new Map<Interval, Run[]>();
  const addRun = (
    edge: string,
    channel: Interval,
    horizontal: boolean,
    from: number,
    to: number,
    enterSide: number,
    exitSide: number,
  ): Run => {
    const run: Run = {
      edge,
      channel,
      horizontal,
      lo: Math.min(from, to),
      hi: Math.max(from, to),
      enterAt: from,
      enterSide,
      exitAt: to,
      exitSide,
      track: mid(channel),
    };
    const list = runsOf.get(channel);
    if (list === undefined) runsOf.set(channel, [run]);
    else list.push(run);
    return run;
  };
  for (const e of edges) {
    const a = nodes.get(e.from);
    const b = nodes.get(e.to);
    if (a === undefined || b === undefined) continue;
    const own = new Set([a.id, b.id]);
    const xa = out.get(e.id) ?? a.x + a.w / 2;
    const ya = a.y + a.h;
    const xb = into.get(e.id) ?? b.x + b.w / 2;
    const yb = b.y;
    const hA = below(footprint(a).y + footprint(a).h);
    const hB = above(yb);
    const plan = { id: e.id, corners: [] as Array<[number, number]>, runs: [] as Array<{ run: Run; at: number[] }> };
    const side = (from: number, to: number) => (to >= from ? 1 : -1);
    if (hA === hB || clear(xb, mid(hA), xb, yb, boxes, own)) {
      // Along the channel under the source, then straight down into the target.
      plan.corners = [
        [xa, ya],
        [xa, mid(hA)],
        [xb, mid(hA)],
        [xb, yb],
      ];
      plan.runs.push({ run: addRun(e.id, hA, true, xa, xb, -1, 1), at: [1, 2] });
    } else if (clear(xa, ya, xa, mid(hB), boxes, own)) {
      // Straight down from the source to the channel over the target, then along it.
      plan.corners = [
        [xa, ya],
        [xa, mid(hB)],
        [xb, mid(hB)],
        [xb, yb],
      ];
      plan.runs.push({ run: addRun(e.id, hB, true, xa, xb, -1, 1), at: [1, 2] });
    } else {
      // Along the channel under the source to a gap between columns, down it, along the channel over the target.
      const gap = [...columns].sort(
        (c, d) =>
          Math.abs(xa - mid(c)) + Math.abs(mid(c) - xb) - (Math.abs(xa - mid(d)) + Math.abs(mid(d) - xb)) ||
          Math.abs(mid(c) - xb) - Math.abs(mid(d) - xb),
      )[0]!;
      const xv = mid(gap);
      const down = mid(hB) >= mid(hA) ? 1 : -1;
      plan.corners = [
        [xa, ya],
        [xa, mid(hA)],
        [xv, mid(hA)],
        [xv, mid(hB)],
        [xb, mid(hB)],
        [xb, yb],
      ];
      plan.runs.push({ run: addRun(e.id, hA, true, xa, xv, -1, down), at: [1, 2] });
      plan.runs.push({ run: addRun(e.id, gap, false, mid(hA), mid(hB), side(xv, xa), side(xv, xb)), at: [2, 3] });
      plan.runs.push({ run: addRun(e.id, hB, true, xv, xb, -down, 1), at: [3, 4] });
    }
    plans.push(plan);
  }
  for (const list of runsOf.values()) assignTracks(list);
  const routes = new Map<string, Array<[number, number]>>();
  for (const plan of plans) {
    for (const { run, at } of plan.runs) for (const i of at) plan.corners[i]![run.horizontal ? 1 : 0] = run.track;
    routes.set(plan.id, plan.corners);
  }
  return routes;
}

/** A path for every edge whose ends are both laid out. */
export function edgePaths(edges: readonly DiagramEdge[], nodes: Map<string, NodeBox>): Map<string, EdgePath> {
  const paths = new Map<string, EdgePath>();
  for (const [id, corners] of edgeRoutes(edges, nodes)) {
    const flat = rounded(corners);
    const { points, length } = resample(flat, PATH_STEP);
    paths.set(id, {
      id,
      curve: Float32Array.from(flat),
      corners: Float32Array.from(corners.flat()),
      points,
      count: points.length / 2,
      length,
    });
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
