/** The diagram layout: lanes in tier order, regions in columns, no overlaps, and stable slots. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComponentKindName } from '../../../shared/sim';
import {
  CARD_W,
  EMPTY_LANE_H,
  MAX_COLUMNS,
  NARROW_W,
  TIERS,
  layoutDiagram,
  nodeAt,
  overlaps,
  tierOf,
  type Layout,
  type LayoutComponent,
  type LayoutState,
} from '../../../client/view/layout';

const REGIONS = ['ap', 'na', 'eu'];
const KINDS: ComponentKindName[] = ['lb', 'web', 'db', 'cache', 'cdn', 'sessionStore', 'queue', 'worker'];

let nextId = 1;
function component(kind: ComponentKindName, region: string, replicaOf?: string): LayoutComponent {
  return { id: `${kind}-${nextId++}`, kind, region, settings: replicaOf === undefined ? {} : { replicaOf } };
}

function positions(layout: Layout): Map<string, { x: number; y: number }> {
  return new Map(layout.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
}

function expectNoOverlaps(layout: Layout): void {
  const nodes = layout.nodes;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      if (overlaps(nodes[i]!, nodes[j]!)) throw new Error(`${nodes[i]!.id} overlaps ${nodes[j]!.id}`);
    }
  }
}

/** A late-game system: every kind in every region, many web servers. */
function bigSystem(websPerRegion: number): LayoutComponent[] {
  const list: LayoutComponent[] = [component('cdn', 'ap')];
  for (const region of REGIONS) {
    list.push(component('lb', region));
    for (let i = 0; i < websPerRegion; i++) list.push(component('web', region));
    const primary = component('db', region);
    list.push(
      component('cache', region),
      component('sessionStore', region),
      primary,
      component('db', region),
      component('queue', region),
      component('worker', region),
    );
    list.push(component('db', region, primary.id));
  }
  return list;
}

describe('lanes and columns', () => {
  it('puts every kind in its tier lane, lanes top to bottom in request-path order', () => {
    const components = bigSystem(4);
    const layout = layoutDiagram(null, REGIONS, components);
    const laneY = layout.lanes.map((l) => l.y);
    expect(layout.lanes.map((l) => l.tier)).toEqual([...TIERS]);
    expect([...laneY].sort((a, b) => a - b)).toEqual(laneY);
    for (const node of layout.nodes) {
      const lane = layout.lanes.find((l) => l.tier === node.tier)!;
      expect(node.y).toBeGreaterThanOrEqual(lane.y);
      expect(node.y + node.h).toBeLessThanOrEqual(lane.y + lane.h);
    }
    const order = (kind: ComponentKindName) => TIERS.indexOf(tierOf({ kind, settings: {} }));
    expect(order('cdn')).toBeLessThan(order('lb'));
    expect(order('lb')).toBeLessThan(order('web'));
    expect(order('web')).toBeLessThan(order('cache'));
    expect(order('cache')).toBe(order('sessionStore'));
    expect(order('cache')).toBeLessThan(order('db'));
    expect(TIERS.indexOf(tierOf({ kind: 'db', settings: { replicaOf: 'db-1' } }))).toBeGreaterThan(order('db'));
    expect(order('queue')).toBeLessThan(order('worker'));
  });

  it('has a users and a DNS box above everything in each region, users first', () => {
    const layout = layoutDiagram(null, REGIONS, bigSystem(2));
    for (const region of REGIONS) {
      const users = layout.byId.get(`users:${region}`)!;
      const dns = layout.byId.get(`dns:${region}`)!;
      expect(users.y).toBeLessThan(dns.y);
      for (const node of layout.nodes.filter((n) => n.region === region && n.tier !== 'users' && n.tier !== 'dns'))
        expect(node.y).toBeGreaterThan(dns.y);
    }
  });

  it('keeps each region in its own column, in scenario order', () => {
    const layout = layoutDiagram(null, REGIONS, bigSystem(7));
    expect(layout.columns.map((c) => c.region)).toEqual(REGIONS);
    for (const node of layout.nodes) {
      const column = layout.columns.find((c) => c.region === node.region)!;
      expect(node.x).toBeGreaterThanOrEqual(column.x);
      expect(node.x + node.w).toBeLessThanOrEqual(column.x + column.w);
    }
    for (let i = 1; i < layout.columns.length; i++) {
      const prev = layout.columns[i - 1]!;
      expect(layout.columns[i]!.x).toBeGreaterThan(prev.x + prev.w);
    }
  });

  it('never overlaps two boxes, from one component to two hundred', () => {
    for (const webs of [0, 1, 5, 20, 62]) expectNoOverlaps(layoutDiagram(null, REGIONS, bigSystem(webs)));
  });

  it('grows a big system about as wide as a screen rather than into a strip', () => {
    const layout = layoutDiagram(null, REGIONS, bigSystem(60));
    expect(layout.nodes.length - 2 * REGIONS.length).toBeGreaterThanOrEqual(200);
    const aspect = layout.bounds.w / layout.bounds.h;
    expect(aspect).toBeGreaterThan(1);
    expect(aspect).toBeLessThan(3);
    for (const region of REGIONS) expect(layout.state.columns[region]).toBeLessThanOrEqual(MAX_COLUMNS);
  });

  it('puts a read replica under its primary when that column is free', () => {
    const primary = component('db', 'ap');
    const other = component('db', 'ap');
    const replica = component('db', 'ap', other.id);
    const layout = layoutDiagram(null, REGIONS, [component('web', 'ap'), component('web', 'ap'), primary, other, replica]);
    expect(layout.byId.get(replica.id)!.x).toBe(layout.byId.get(other.id)!.x);
  });

  it('keeps a lane thin until its first component, then opens it', () => {
    const web = component('web', 'ap');
    const before = layoutDiagram(null, REGIONS, [web]);
    const lane = (layout: Layout, tier: string) => layout.lanes.find((l) => l.tier === tier)!;
    expect(lane(before, 'store').h).toBe(EMPTY_LANE_H);
    expect(lane(before, 'web').h).toBeGreaterThan(EMPTY_LANE_H);
    const after = layoutDiagram(before.state, REGIONS, [web, component('cache', 'na')]);
    expect(lane(after, 'store').h).toBe(lane(after, 'web').h);
    // Lanes above it did not move.
    expect(after.byId.get(web.id)).toEqual(before.byId.get(web.id));
  });

  it('keeps a region narrow (its users and DNS) until its first component, then opens it', () => {
    const web = component('web', 'ap');
    const before = layoutDiagram(null, REGIONS, [web]);
    const column = (layout: Layout, region: string) => layout.columns.find((c) => c.region === region)!;
    expect(column(before, 'ap').w).toBe(CARD_W);
    for (const region of ['na', 'eu']) {
      expect(column(before, region).w).toBe(NARROW_W);
      for (const id of [`users:${region}`, `dns:${region}`]) expect(before.byId.get(id)!.w).toBeLessThanOrEqual(NARROW_W);
    }
    const after = layoutDiagram(before.state, REGIONS, [web, component('cache', 'na')]);
    expect(column(after, 'na').w).toBe(CARD_W);
    // The region after it slides over; nothing before it moves.
    expect(column(after, 'eu').x - column(before, 'eu').x).toBe(CARD_W - NARROW_W);
    expect(after.byId.get(web.id)).toEqual(before.byId.get(web.id));
    // And it stays open when its component goes.
    expect(column(layoutDiagram(after.state, REGIONS, [web]), 'na').w).toBe(CARD_W);
  });

  it('adds regions it was not told about after the scenario regions', () => {
    const layout = layoutDiagram(null, ['ap'], [component('web', 'ap'), component('web', 'sa')]);
    expect(layout.columns.map((c) => c.region)).toEqual(['ap', 'sa']);
  });

  it('finds the box under a point', () => {
    const web = component('web', 'ap');
    const layout = layoutDiagram(null, REGIONS, [web]);
    const box = layout.byId.get(web.id)!;
    expect(nodeAt(layout.nodes, box.x + 5, box.y + 5)?.id).toBe(web.id);
    expect(nodeAt(layout.nodes, box.x - CARD_W, box.y - 1000)).toBeNull();
  });
});

describe('stability', () => {
  it('adding a component to a cell with room moves nothing else', () => {
    const base = bigSystem(5);
    const before = layoutDiagram(null, REGIONS, base);
    // The ap web cell has 3 columns × 2 rows with 5 used: one slot is free.
    const added = component('web', 'ap');
    const after = layoutDiagram(before.state, REGIONS, [...base, added]);
    expect(after.state.columns).toEqual(before.state.columns);
    expect(after.state.rows).toEqual(before.state.rows);
    const p0 = positions(before);
    for (const [id, p] of positions(after)) if (id !== added.id) expect(p).toEqual(p0.get(id));
  });

  it('removing a component never moves another, and its slot is reused by the next one', () => {
    const base = bigSystem(9);
    const before = layoutDiagram(null, REGIONS, base);
    const removed = base.filter((c) => c.kind === 'web')[3]!;
    const after = layoutDiagram(
      before.state,
      REGIONS,
      base.filter((c) => c !== removed),
    );
    const p0 = positions(before);
    for (const [id, p] of positions(after)) expect(p).toEqual(p0.get(id));
    expect(after.bounds).toEqual(before.bounds);
    const next = component('web', removed.region);
    const refilled = layoutDiagram(after.state, REGIONS, [...base.filter((c) => c !== removed), next]);
    expect(positions(refilled).get(next.id)).toEqual(p0.get(removed.id));
  });

  it('keeps every slot for life through any sequence of purchases and removals', () => {
    const op = fc.oneof(
      fc.record({ add: fc.constantFrom(...KINDS), region: fc.constantFrom(...REGIONS) }),
      fc.record({ remove: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 120 }), (ops) => {
        let components: LayoutComponent[] = [];
        let state: LayoutState | null = null;
        let previous: Layout | null = null;
        const slotOf = new Map<string, string>();
        for (const o of ops) {
          if ('add' in o) {
            const primary = components.find((c) => c.kind === 'db' && c.settings.replicaOf === undefined);
            components = [
              ...components,
              component(o.add, o.region, o.add === 'db' && primary !== undefined && components.length % 2 === 0 ? primary.id : undefined),
            ];
          } else if (components.length > 0) {
            const gone = components[o.remove % components.length]!;
            components = components.filter((c) => c !== gone && c.settings.replicaOf !== gone.id);
          }
          const layout = layoutDiagram(state, REGIONS, components);
          if (previous !== null) {
            const grew =
              JSON.stringify([layout.state.columns, layout.state.rows]) !== JSON.stringify([previous.state.columns, previous.state.rows]);
            const p0 = positions(previous);
            // Without growth, nothing that was there moved; with it, nothing changed its slot.
            if (!grew) for (const [id, p] of positions(layout)) if (p0.has(id)) expect(p).toEqual(p0.get(id));
          }
          for (const [id, slot] of Object.entries(layout.state.slots)) {
            const key = JSON.stringify(slot);
            if (slotOf.has(id)) expect(key).toBe(slotOf.get(id));
            slotOf.set(id, key);
          }
          expectNoOverlaps(layout);
          state = layout.state;
          previous = layout;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('only grows: columns and lanes never shrink when components go', () => {
    const base = bigSystem(20);
    const full = layoutDiagram(null, REGIONS, base);
    const empty = layoutDiagram(full.state, REGIONS, []);
    expect(empty.state.columns).toEqual(full.state.columns);
    expect(empty.state.rows).toEqual(full.state.rows);
    expect(empty.bounds).toEqual(full.bounds);
  });
});
