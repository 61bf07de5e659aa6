/**
 * Edge routing: every route leaves the bottom of its source and enters the top of its target, runs
 * orthogonally in between, and never passes through a card it does not connect (nor the stack
 * drawn behind a card with several instances): an edge under an unrelated card would look wired
 * to it. Checked on the dev page's systems, on big grids, on the browser test's small system, and
 * on random systems with random connections.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { teamView, type ComponentKindName } from '../../../shared/sim';
import { buildDevSystem } from '../../../client/dev/devSystem';
import { diagramEdges, type DiagramEdge } from '../../../client/view/edges';
import { dnsNodeId, layoutDiagram, usersNodeId, type Layout, type LayoutComponent, type NodeBox } from '../../../client/view/layout';
import { PATH_STEP, STACK_PAD, edgePaths, edgeRoutes, pointAt } from '../../../client/view/paths';
import { scenarioFacts } from '../../../client/view/scenarioFacts';

const REGIONS = ['ap', 'na', 'eu'];

/** Where a card is drawn: its box, and the stack behind it for a component. */
function drawn(n: NodeBox): { x: number; y: number; w: number; h: number } {
  const portal = n.kind === 'users' || n.kind === 'dns';
  return { x: n.x, y: n.y, w: n.w + (portal ? 0 : STACK_PAD.x), h: n.h + (portal ? 0 : STACK_PAD.y) };
}

/** Whether the segment (x0, y0)–(x1, y1) enters the inside of the rectangle (touching its edge does not count). */
function enters(x0: number, y0: number, x1: number, y1: number, r: { x: number; y: number; w: number; h: number }): boolean {
  const inset = 0.5;
  const [lx, hx, ly, hy] = [r.x + inset, r.x + r.w - inset, r.y + inset, r.y + r.h - inset];
  // Liang–Barsky clipping of the segment against the rectangle.
  let t0 = 0;
  let t1 = 1;
  const dx = x1 - x0;
  const dy = y1 - y0;
  for (const [p, q] of [
    [-dx, x0 - lx],
    [dx, hx - x0],
    [-dy, y0 - ly],
    [dy, hy - y0],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return t1 - t0 > 1e-9;
}

/** Every way a layout's routes go wrong: through another card, or through its own ends. */
function offences(layout: Layout, edges: readonly DiagramEdge[]): string[] {
  const found: string[] = [];
  const paths = edgePaths(edges, layout.byId);
  for (const e of edges) {
    const path = paths.get(e.id);
    if (path === undefined) {
      found.push(`${e.id}: no path`);
      continue;
    }
    const c = path.curve;
    for (let i = 2; i < c.length; i += 2) {
      const [x0, y0, x1, y1] = [c[i - 2]!, c[i - 1]!, c[i]!, c[i + 1]!];
      for (const n of layout.nodes) {
        const own = n.id === e.from || n.id === e.to;
        // Its own cards: never through them (it starts and ends on their edge); others: not even their stack.
        if (enters(x0, y0, x1, y1, own ? n : drawn(n)))
          found.push(`${e.id}: (${x0.toFixed(1)},${y0.toFixed(1)})–(${x1.toFixed(1)},${y1.toFixed(1)}) through ${n.id}`);
      }
    }
  }
  return found;
}

function devLayout(target: number): { layout: Layout; edges: DiagramEdge[] } {
  const team = teamView(buildDevSystem({ target, metrics: true }));
  const facts = scenarioFacts('sandbox', team);
  return { layout: layoutDiagram(null, facts.regions, team.components), edges: diagramEdges(team, facts.regions, facts.rtt) };
}

let nextId = 1;
function component(kind: ComponentKindName, region: string, replicaOf?: string): LayoutComponent & { targets: string[] } {
  return { id: `${kind}-${nextId++}`, kind, region, settings: replicaOf === undefined ? {} : { replicaOf }, targets: [] };
}

/** Edges as the diagram draws them for components with `targets`: users → DNS → entry, the connections, reads and replication. */
function edgesOf(components: ReadonlyArray<LayoutComponent & { targets: string[] }>, entries: Record<string, string>): DiagramEdge[] {
  const view = {
    components: components.map((c) => ({ ...c, targets: c.targets })) as unknown as Parameters<typeof diagramEdges>[0]['components'],
    entries,
    geoWeights: {},
  };
  return diagramEdges(view, REGIONS);
}

/** The browser test's system: a balancer, three web servers, a cache, a database and its replica, a queue and workers, all in one region. */
function smallSystem(): { layout: Layout; edges: DiagramEdge[] } {
  const web1 = component('web', 'ap');
  const lb = component('lb', 'ap');
  const webs = [web1, component('web', 'ap'), component('web', 'ap')];
  const cache = component('cache', 'ap');
  const db = component('db', 'ap');
  const queue = component('queue', 'ap');
  const worker = component('worker', 'ap');
  const replica = component('db', 'ap', db.id);
  lb.targets = webs.map((w) => w.id);
  for (const w of webs) w.targets = [cache.id, db.id];
  web1.targets.push(queue.id);
  queue.targets = [worker.id];
  const list = [web1, lb, webs[1]!, webs[2]!, cache, db, queue, worker, replica];
  return { layout: layoutDiagram(null, REGIONS, list), edges: edgesOf(list, { ap: lb.id }) };
}

describe('edge routes', () => {
  it('never pass through a card they do not connect: the browser test’s small system', () => {
    const { layout, edges } = smallSystem();
    expect(edges.length).toBeGreaterThan(15);
    expect(offences(layout, edges)).toEqual([]);
  });

  it('never pass through a card they do not connect: the dev page’s systems of 30 and 200 components', () => {
    for (const target of [30, 200]) {
      const { layout, edges } = devLayout(target);
      expect(offences(layout, edges)).toEqual([]);
    }
  });

  it('never pass through a card they do not connect: random systems with random connections', () => {
    const kinds: ComponentKindName[] = ['lb', 'web', 'db', 'cache', 'cdn', 'sessionStore', 'queue', 'worker'];
    const allowed: Partial<Record<ComponentKindName, ComponentKindName[]>> = {
      lb: ['web'],
      web: ['db', 'cache', 'sessionStore', 'queue'],
      queue: ['worker'],
    };
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom(...kinds), region: fc.constantFrom(...REGIONS), replica: fc.boolean() }), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 120 }),
        (specs, links) => {
          const list: Array<LayoutComponent & { targets: string[] }> = [];
          for (const s of specs) {
            const primary =
              s.kind === 'db' && s.replica ? list.find((c) => c.kind === 'db' && c.settings.replicaOf === undefined) : undefined;
            list.push(component(s.kind, s.region, primary?.id));
          }
          for (const [i, j] of links) {
            const from = list[i % list.length]!;
            const to = list[j % list.length]!;
            if (allowed[from.kind]?.includes(to.kind) === true && !from.targets.includes(to.id)) from.targets.push(to.id);
          }
          const entries: Record<string, string> = {};
          for (const c of list) if ((c.kind === 'lb' || c.kind === 'web') && entries[c.region] === undefined) entries[c.region] = c.id;
          const layout = layoutDiagram(null, REGIONS, list);
          expect(offences(layout, edgesOf(list, entries))).toEqual([]);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('run orthogonally from the bottom of the source to the top of the target', () => {
    for (const { layout, edges } of [smallSystem(), devLayout(30)]) {
      const routes = edgeRoutes(edges, layout.byId);
      expect(routes.size).toBe(edges.length);
      for (const e of edges) {
        const corners = routes.get(e.id)!;
        const from = layout.byId.get(e.from)!;
        const to = layout.byId.get(e.to)!;
        const [first, last] = [corners[0]!, corners[corners.length - 1]!];
        expect(first[1]).toBeCloseTo(from.y + from.h, 6);
        expect(first[0]).toBeGreaterThan(from.x);
        expect(first[0]).toBeLessThan(from.x + from.w);
        expect(last[1]).toBeCloseTo(to.y, 6);
        expect(last[0]).toBeGreaterThan(to.x);
        expect(last[0]).toBeLessThan(to.x + to.w);
        // Leaves downwards, arrives downwards, and every stretch is horizontal or vertical.
        expect(corners[1]![1]).toBeGreaterThanOrEqual(first[1]);
        expect(corners[corners.length - 2]![1]).toBeLessThanOrEqual(last[1]);
        for (let i = 1; i < corners.length; i++) {
          const [a, b] = [corners[i - 1]!, corners[i]!];
          expect(Math.abs(a[0] - b[0]) < 1e-6 || Math.abs(a[1] - b[1]) < 1e-6).toBe(true);
        }
      }
    }
  });

  it('gives edges that share a channel their own tracks: in a small system no two run on top of each other', () => {
    // (A busy channel packs its tracks closer, down to lying on top of each other, like a bus.)
    for (const { layout, edges } of [smallSystem()]) {
      const routes = edgeRoutes(edges, layout.byId);
      const stretches: Array<{ id: string; horizontal: boolean; at: number; lo: number; hi: number }> = [];
      for (const [id, corners] of routes) {
        for (let i = 1; i < corners.length; i++) {
          const [a, b] = [corners[i - 1]!, corners[i]!];
          const horizontal = Math.abs(a[1] - b[1]) < 1e-6;
          const [lo, hi] = horizontal ? [Math.min(a[0], b[0]), Math.max(a[0], b[0])] : [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
          if (hi - lo > 1e-6) stretches.push({ id, horizontal, at: horizontal ? a[1] : a[0], lo, hi });
        }
      }
      const shared: string[] = [];
      for (let i = 0; i < stretches.length; i++) {
        for (let j = i + 1; j < stretches.length; j++) {
          const [p, q] = [stretches[i]!, stretches[j]!];
          if (p.id === q.id || p.horizontal !== q.horizontal || Math.abs(p.at - q.at) > 0.5) continue;
          if (Math.min(p.hi, q.hi) - Math.max(p.lo, q.lo) > 1) shared.push(`${p.id} and ${q.id} at ${p.at.toFixed(1)}`);
        }
      }
      expect(shared).toEqual([]);
    }
  });

  it('are resampled evenly, and dots follow the routes', () => {
    const { layout, edges } = smallSystem();
    const paths = edgePaths(edges, layout.byId);
    for (const e of edges) {
      const path = paths.get(e.id)!;
      expect(path.length / (path.count - 1)).toBeLessThanOrEqual(PATH_STEP + 1e-6);
      // The points lie on the drawn polyline (within a pixel or two: a dot cuts a tight corner by a chord).
      const c = path.curve;
      const p = { x: 0, y: 0 };
      for (let k = 0; k <= 20; k++) {
        pointAt(path, k / 20, p);
        let best = Infinity;
        for (let i = 2; i < c.length; i += 2) best = Math.min(best, distanceToSegment(p.x, p.y, c[i - 2]!, c[i - 1]!, c[i]!, c[i + 1]!));
        expect(best).toBeLessThan(2);
      }
    }
  });

  it('link each region’s users to its DNS straight down', () => {
    const { layout, edges } = smallSystem();
    const routes = edgeRoutes(edges, layout.byId);
    for (const region of REGIONS) {
      const corners = routes.get(`${usersNodeId(region)}>${dnsNodeId(region)}`)!;
      expect(new Set(corners.map((c) => c[0].toFixed(3))).size).toBe(1);
    }
  });
});

function distanceToSegment(px: number, py: number, x0: number, y0: number, x1: number, y1: number): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len));
  return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
}
