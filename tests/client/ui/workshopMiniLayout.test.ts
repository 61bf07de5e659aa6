/** The console's small drawing of a team's system: columns by tier, boxes by health, links. */
import { describe, expect, it } from 'vitest';
import type { ComponentView, HostMetrics, TeamView } from '../../../shared/sim';
import { DETAIL_SIZE, GRID_SIZE, miniLayout } from '../../../client/ui/workshop/miniLayout';
import { componentView, hostMetrics } from '../../helpers/views';

function metrics(health: HostMetrics['health'], down = 0): HostMetrics {
  return hostMetrics({ health, down });
}

function component(id: string, kind: ComponentView['kind'], patch: Partial<ComponentView> = {}): ComponentView {
  return componentView({ id, kind, ...patch });
}

const team: Pick<TeamView, 'components' | 'entries'> = {
  entries: { ap: 'lb-3', eu: 'lb-7' },
  components: [
    component('web-1', 'web', { targets: ['db-2', 'cache-4'], metrics: metrics('degraded', 1), count: 2 }),
    component('db-2', 'db', { metrics: metrics('healthy') }),
    component('lb-3', 'lb', { targets: ['web-1'], metrics: metrics('dead') }),
    component('cache-4', 'cache', { status: 'provisioning', count: 0, provisioning: 1 }),
    component('db-5', 'db', { settings: { replicaOf: 'db-2' } }),
    component('web-6', 'web', { region: 'eu', targets: ['db-2'] }),
    component('lb-7', 'lb', { region: 'eu', targets: ['web-6'] }),
  ],
};

describe('the mini diagram layout', () => {
  const layout = miniLayout(team, ['ap', 'eu'], GRID_SIZE);
  const box = (id: string) => layout.boxes.find((b) => b.id === id)!;

  it('puts the users first, then one column per tier in the order requests travel', () => {
    expect(layout.boxes[0]!.id).toBe('users');
    const xs = ['users', 'lb-3', 'web-1', 'cache-4', 'db-2', 'db-5'].map((id) => box(id).x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(xs).size).toBe(xs.length);
    // Empty tiers take no column: users + lb, web, store, data, replica.
    expect(layout.width).toBe(6 * (GRID_SIZE.w + GRID_SIZE.gapX) - GRID_SIZE.gapX);
  });

  it('stacks a tier in region order, and never overlaps two boxes', () => {
    expect(box('lb-3').x).toBe(box('lb-7').x);
    expect(box('lb-3').y).toBeLessThan(box('lb-7').y);
    expect(box('web-1').y).toBeLessThan(box('web-6').y);
    const seen = new Set(layout.boxes.map((b) => `${b.x},${b.y}`));
    expect(seen.size).toBe(layout.boxes.length);
    for (const b of layout.boxes) {
      expect(b.y + GRID_SIZE.h).toBeLessThanOrEqual(layout.height);
      expect(b.x + GRID_SIZE.w).toBeLessThanOrEqual(layout.width);
    }
  });

  it('draws health as the team sees it: tones with host metrics, grey without, dashed while set up', () => {
    expect(box('web-1').look).toBe('warn');
    expect(box('web-1').down).toBe(1);
    expect(box('db-2').look).toBe('good');
    expect(box('lb-3').look).toBe('bad');
    expect(box('cache-4').look).toBe('provisioning');
    expect(box('db-5').look).toBe('neutral');
    expect(box('db-5').stateKey).toBe('health.ok');
  });

  it('links users to each entry, each connection once, and a replica to its primary (dashed)', () => {
    const pairs = layout.edges.map((e) => `${e.from}>${e.to}${e.replica ? ' (replica)' : ''}`).sort();
    expect(pairs).toEqual(
      ['users>lb-3', 'users>lb-7', 'lb-3>web-1', 'lb-7>web-6', 'web-1>db-2', 'web-1>cache-4', 'web-6>db-2', 'db-2>db-5 (replica)'].sort(),
    );
    for (const e of layout.edges) expect(e.d).toMatch(/^M[\d.]+ [\d.]+C/);
  });

  it('has only the users box for an empty system, and scales with the size asked', () => {
    const empty = miniLayout({ components: [], entries: {} }, ['ap'], GRID_SIZE);
    expect(empty.boxes.map((b) => b.id)).toEqual(['users']);
    expect(empty.edges).toEqual([]);
    const detail = miniLayout(team, ['ap', 'eu'], DETAIL_SIZE);
    expect(detail.width).toBeGreaterThan(layout.width);
    expect(detail.box).toEqual({ w: DETAIL_SIZE.w, h: DETAIL_SIZE.h });
  });
});
