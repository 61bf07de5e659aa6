/**
 * Where every box of a team's diagram goes: one column per region, one lane per tier, top to
 * bottom users → DNS → CDN → balancer → web → cache and session store → database primaries and
 * shards → read replicas, then queue → workers. Pure and unit-tested
 * (tests/client/view/layout.test.ts).
 *
 * Stability: a component gets a slot (region, tier, column, row) the first time it is seen and
 * keeps it for life; the slots live in a LayoutState passed from one call to the next. A new
 * component takes the first free slot of its region/tier cell (a replica prefers its primary's
 * column), so it never displaces another. Removing one frees its slot and moves nothing: columns
 * and lanes never shrink. Only when a cell is full does the grid grow, by a column (the regions
 * to its right slide over) or by a row (the lanes below slide down, see prefersWider); whole
 * lanes move together and no box ever changes cell or order. A lane stays thin until its first
 * component arrives, and a region narrow (its users and DNS only) until its first component, so an
 * early system is not mostly empty lanes and columns.
 */
import type { ComponentKindName } from '../../shared/sim';

export const TIERS = ['users', 'dns', 'cdn', 'lb', 'web', 'store', 'data', 'replica', 'queue', 'worker'] as const;
export type TierId = (typeof TIERS)[number];
export type NodeKind = ComponentKindName | 'users' | 'dns';

/**
 * Box sizes and spacing, world pixels. Cards are wide and low with large type (see NodeCard), so
 * that a small system framed beside both side panels of a 1280×720 screen keeps its names and
 * figures at 11 CSS px or more. The lane and region names are not in the world at all: they are
 * drawn at a constant screen size beside and above it (see Captions), so nothing here makes room
 * for them.
 */
export const CARD_W = 176;
export const CARD_H = 50;
export const PORTAL_H = 28;
/** Width of a region that has never had a component: just its users' and DNS boxes, icon and figure. */
export const NARROW_W = 100;
/** Gaps between the columns and rows of a cell, and between regions: the channels edges run in. */
const COL_GAP = 16;
const ROW_GAP = 12;
export const REGION_GAP = 32;
/** Room above and below the boxes of a lane (two of them between the boxes of adjacent lanes). */
const LANE_GAP = 7;
/** Height of a lane with nothing in it yet. */
export const EMPTY_LANE_H = 16;
/** The region panels reach this far beyond their boxes (see Backdrop); part of the bounds. */
export const PANEL_PAD = 8;
/** A region never grows wider than this many slots: its cells add rows instead. */
export const MAX_COLUMNS = 10;

/**
 * Whether a full cell should widen its region rather than add a row to its lane: up to three
 * columns first, then one more column per three rows (cards are about three times as wide as they
 * are high), so a big system stays not much wider than a screen is instead of becoming a long strip.
 */
function prefersWider(columns: number, rows: number): boolean {
  return columns < MAX_COLUMNS && columns < 3 + Math.floor((rows - 1) / 3);
}

/** What the layout needs of a component (a subset of the sim's ComponentView). */
export interface LayoutComponent {
  id: string;
  kind: ComponentKindName;
  region: string;
  settings: { replicaOf?: string };
}

interface Slot {
  region: string;
  tier: TierId;
  col: number;
  row: number;
}

/** Slot assignments and grid size, carried from one layout to the next. Treat as immutable. */
export interface LayoutState {
  regions: string[];
  slots: Record<string, Slot>;
  /** Columns of each region (never shrinks; 0 until its first component, when it is drawn narrow). */
  columns: Record<string, number>;
  /** Rows of each lane (never shrinks; 0 until its first component). */
  rows: Record<TierId, number>;
}

export interface NodeBox {
  id: string;
  kind: NodeKind;
  region: string;
  tier: TierId;
  /** Top-left corner and size, world pixels. */
  x: number;
  y: number;
  w: number;
  h: number;
}

interface RegionColumn {
  region: string;
  x: number;
  w: number;
}

interface Lane {
  tier: TierId;
  y: number;
  h: number;
}

export interface Layout {
  state: LayoutState;
  nodes: NodeBox[];
  byId: Map<string, NodeBox>;
  columns: RegionColumn[];
  lanes: Lane[];
  /** Everything drawn in the world: the region panels around the boxes (lane and region names are drawn beside it, at screen size). */
  bounds: { x: number; y: number; w: number; h: number };
}

export const usersNodeId = (region: string): string => `users:${region}`;
export const dnsNodeId = (region: string): string => `dns:${region}`;

/** The lane a component is drawn in. */
export function tierOf(component: Pick<LayoutComponent, 'kind' | 'settings'>): TierId {
  switch (component.kind) {
    case 'cdn':
      return 'cdn';
    case 'lb':
      return 'lb';
    case 'web':
      return 'web';
    case 'cache':
    case 'sessionStore':
      return 'store';
    case 'queue':
      return 'queue';
    case 'worker':
      return 'worker';
    case 'db':
      return component.settings.replicaOf === undefined ? 'data' : 'replica';
  }
}

function emptyLayoutState(regions: readonly string[]): LayoutState {
  const rows = {} as Record<TierId, number>;
  for (const tier of TIERS) rows[tier] = tier === 'users' || tier === 'dns' ? 1 : 0;
  const columns: Record<string, number> = {};
  for (const region of regions) columns[region] = 0;
  return { regions: [...new Set(regions)], slots: {}, columns, rows };
}

/**
 * Slots for `components` (in their given, creation order): kept for those already placed, freed
 * for those gone, the first free one of their cell for new ones. Returns a new state.
 */
function assignSlots(previous: LayoutState, regions: readonly string[], components: readonly LayoutComponent[]): LayoutState {
  const state: LayoutState = {
    regions: [...previous.regions],
    slots: {},
    columns: { ...previous.columns },
    rows: { ...previous.rows },
  };
  const addRegion = (region: string) => {
    if (!state.regions.includes(region)) state.regions.push(region);
    if (state.columns[region] === undefined) state.columns[region] = 0;
  };
  for (const region of regions) addRegion(region);
  const present = new Set(components.map((c) => c.id));
  const taken = new Set<string>();
  const key = (s: Slot) => `${s.region}|${s.tier}|${s.col}|${s.row}`;
  for (const [id, slot] of Object.entries(previous.slots)) {
    if (!present.has(id)) continue;
    state.slots[id] = slot;
    taken.add(key(slot));
  }
  for (const component of components) {
    if (state.slots[component.id] !== undefined) continue;
    addRegion(component.region);
    const tier = tierOf(component);
    const preferredCol = component.settings.replicaOf !== undefined ? state.slots[component.settings.replicaOf]?.col : undefined;
    const slot = freeSlot(state, taken, component.region, tier, preferredCol);
    state.slots[component.id] = slot;
    taken.add(key(slot));
  }
  return state;
}

function freeSlot(state: LayoutState, taken: Set<string>, region: string, tier: TierId, preferredCol: number | undefined): Slot {
  const isFree = (col: number, row: number) => !taken.has(`${region}|${tier}|${col}|${row}`);
  // A region's first component: the region opens up from its narrow column.
  if ((state.columns[region] ?? 0) === 0) state.columns[region] = 1;
  const cols = state.columns[region] ?? 1;
  const rows = state.rows[tier];
  if (rows === 0) {
    // The lane's first component: the lane opens up.
    state.rows[tier] = 1;
    return { region, tier, col: preferredCol !== undefined && preferredCol < cols ? preferredCol : 0, row: 0 };
  }
  if (preferredCol !== undefined && preferredCol < cols) {
    for (let row = 0; row < rows; row++) if (isFree(preferredCol, row)) return { region, tier, col: preferredCol, row };
  }
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) if (isFree(col, row)) return { region, tier, col, row };
  }
  // The cell is full: widen the region or add a row to the lane.
  if (prefersWider(cols, rows)) {
    state.columns[region] = cols + 1;
    return { region, tier, col: cols, row: 0 };
  }
  state.rows[tier] = rows + 1;
  return { region, tier, col: 0, row: rows };
}

/** Height of one row of a lane. */
function rowHeight(tier: TierId): number {
  return tier === 'users' || tier === 'dns' ? PORTAL_H : CARD_H;
}

/** World geometry of a state: region columns, lanes, and a box for every component and portal. */
function geometry(state: LayoutState): Omit<Layout, 'state'> {
  const columns: RegionColumn[] = [];
  let x = 0;
  for (const region of state.regions) {
    const cols = state.columns[region] ?? 0;
    const w = cols === 0 ? NARROW_W : cols * CARD_W + (cols - 1) * COL_GAP;
    columns.push({ region, x, w });
    x += w + REGION_GAP;
  }
  const lanes: Lane[] = [];
  let y = 0;
  for (const tier of TIERS) {
    const rows = state.rows[tier];
    const h = rows === 0 ? EMPTY_LANE_H : rows * rowHeight(tier) + (rows - 1) * ROW_GAP + 2 * LANE_GAP;
    lanes.push({ tier, y, h });
    y += h;
  }
  const columnOf = new Map(columns.map((c) => [c.region, c]));
  const laneOf = new Map(lanes.map((l) => [l.tier, l]));
  const nodes: NodeBox[] = [];
  for (const column of columns) {
    for (const tier of ['users', 'dns'] as const) {
      const lane = laneOf.get(tier)!;
      nodes.push({
        id: tier === 'users' ? usersNodeId(column.region) : dnsNodeId(column.region),
        kind: tier,
        region: column.region,
        tier,
        x: column.x,
        y: lane.y + LANE_GAP,
        w: Math.min(CARD_W, column.w),
        h: PORTAL_H,
      });
    }
  }
  for (const [id, slot] of Object.entries(state.slots)) {
    const column = columnOf.get(slot.region)!;
    const lane = laneOf.get(slot.tier)!;
    nodes.push({
      id,
      kind: 'web', // replaced by the caller, which knows the component
      region: slot.region,
      tier: slot.tier,
      x: column.x + slot.col * (CARD_W + COL_GAP),
      y: lane.y + LANE_GAP + slot.row * (CARD_H + ROW_GAP),
      w: CARD_W,
      h: CARD_H,
    });
  }
  const width = x - REGION_GAP;
  return {
    nodes,
    byId: new Map(nodes.map((n) => [n.id, n])),
    columns,
    lanes,
    bounds: { x: -PANEL_PAD, y: -PANEL_PAD, w: width + 2 * PANEL_PAD, h: y + 2 * PANEL_PAD },
  };
}

/**
 * The team's diagram layout: slots from `previous` (or a fresh state), then geometry. `regions`
 * are the scenario's regions in order; regions seen only on components are added after them.
 */
export function layoutDiagram(previous: LayoutState | null, regions: readonly string[], components: readonly LayoutComponent[]): Layout {
  const state = assignSlots(previous ?? emptyLayoutState(regions), regions, components);
  const shape = geometry(state);
  const kinds = new Map(components.map((c) => [c.id, c.kind]));
  for (const node of shape.nodes) {
    const kind = kinds.get(node.id);
    if (kind !== undefined) node.kind = kind;
  }
  return { state, ...shape };
}

/** Whether two boxes overlap (touching edges do not count). */
export function overlaps(a: Pick<NodeBox, 'x' | 'y' | 'w' | 'h'>, b: Pick<NodeBox, 'x' | 'y' | 'w' | 'h'>): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The top-most box containing a world point, or null. */
export function nodeAt(nodes: readonly NodeBox[], x: number, y: number): NodeBox | null {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    if (x >= n.x && x <= n.x + n.w && y >= n.y && y <= n.y + n.h) return n;
  }
  return null;
}
