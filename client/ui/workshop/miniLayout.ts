/**
 * Where the boxes of a team's small diagram go (the console's team cards and the closer look): one
 * column per tier that has something in it, left to right in the order requests travel (users →
 * CDN → balancers → web → caches and session stores → databases → replicas → queues → workers),
 * the components of a tier stacked in region order, then by number. Far smaller than the real
 * diagram (client/view/layout.ts, whose tiers it shares): no DNS boxes, no region columns, just
 * enough to see at a glance what a team built and what is hurting. Pure, for the tests.
 */
import type { ComponentKindName, ComponentView, TeamView } from '../../../shared/sim';
import { TIERS, tierOf, type TierId } from '../../view/layout';
import { healthLook } from '../inspector/healthLook';
import type { Tone } from '../header/headerFigures';

/** How a box is drawn: a health tone (host metrics), or still being set up. */
type BoxLook = Tone | 'provisioning';

export interface MiniBox {
  id: string;
  kind: ComponentKindName | 'users';
  x: number;
  y: number;
  look: BoxLook;
  /** The locale key of the state in words (`health.*`), for the box's title. */
  stateKey: string;
  /** Ready instances, and those down (host metrics; 0 without). */
  count: number;
  down: number;
}

interface MiniEdge {
  from: string;
  to: string;
  /** SVG path from the source's right side to the target's left side. */
  d: string;
  /** A replica copying its primary, not a request path. */
  replica: boolean;
}

export interface MiniLayout {
  width: number;
  height: number;
  box: { w: number; h: number };
  boxes: MiniBox[];
  edges: MiniEdge[];
}

export interface MiniSize {
  w: number;
  h: number;
  gapX: number;
  gapY: number;
}

/** The team cards' size: boxes as small as still tell states apart. */
export const GRID_SIZE: MiniSize = { w: 18, h: 11, gapX: 12, gapY: 5 };
/** The closer look: room for an icon and a number in each box. */
export const DETAIL_SIZE: MiniSize = { w: 124, h: 34, gapX: 36, gapY: 10 };

const USERS = 'users';

function idNumber(id: string): number {
  const match = /-(\d+)$/.exec(id);
  return match === null ? 0 : Number(match[1]);
}

function look(c: ComponentView): { look: BoxLook; stateKey: string } {
  const { tone, key } = healthLook(c);
  return { look: c.status === 'provisioning' ? 'provisioning' : tone, stateKey: key };
}

/** A smooth link from (x1, y1) to (x2, y2), leaving and entering horizontally. */
function link(x1: number, y1: number, x2: number, y2: number): string {
  const bend = Math.max(8, Math.abs(x2 - x1) / 2);
  return `M${x1} ${y1}C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}`;
}

export function miniLayout(team: Pick<TeamView, 'components' | 'entries'>, regions: readonly string[], size: MiniSize): MiniLayout {
  const regionOrder = (region: string) => {
    const index = regions.indexOf(region);
    return index < 0 ? regions.length : index;
  };
  const byTier = new Map<TierId, ComponentView[]>();
  for (const c of team.components) {
    const tier = tierOf(c);
    byTier.set(tier, [...(byTier.get(tier) ?? []), c]);
  }
  const columns = TIERS.filter((tier) => (byTier.get(tier)?.length ?? 0) > 0);
  const rows = Math.max(1, ...columns.map((tier) => byTier.get(tier)?.length ?? 0));
  const height = rows * size.h + (rows - 1) * size.gapY;
  const step = size.w + size.gapX;
  const boxes: MiniBox[] = [
    { id: USERS, kind: 'users', x: 0, y: (height - size.h) / 2, look: 'neutral', stateKey: 'ui.feed.users', count: 0, down: 0 },
  ];
  columns.forEach((tier, column) => {
    const list = [...(byTier.get(tier) ?? [])].sort(
      (a, b) => regionOrder(a.region) - regionOrder(b.region) || idNumber(a.id) - idNumber(b.id),
    );
    list.forEach((c, row) => {
      boxes.push({
        id: c.id,
        kind: c.kind,
        x: (column + 1) * step,
        y: row * (size.h + size.gapY),
        ...look(c),
        count: c.count,
        down: c.metrics?.down ?? 0,
      });
    });
  });
  const at = new Map(boxes.map((b) => [b.id, b]));
  const edges: MiniEdge[] = [];
  const connect = (from: string, to: string, replica: boolean) => {
    const a = at.get(from);
    const b = at.get(to);
    if (a === undefined || b === undefined || a === b) return;
    if (edges.some((e) => e.from === from && e.to === to)) return;
    edges.push({ from, to, replica, d: link(a.x + size.w, a.y + size.h / 2, b.x, b.y + size.h / 2) });
  };
  for (const entry of Object.values(team.entries)) connect(USERS, entry, false);
  for (const c of team.components) {
    for (const target of c.targets) connect(c.id, target, false);
    if (c.settings.replicaOf !== undefined) connect(c.settings.replicaOf, c.id, true);
  }
  return { width: (columns.length + 1) * step - size.gapX, height, box: { w: size.w, h: size.h }, boxes, edges };
}
