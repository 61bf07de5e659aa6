/** Which header figures a team sees, by the monitoring it bought (fog of war), and how they are judged. */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../../shared/scenarios';
import { createSim, step, teamView, type Feature, type TeamView } from '../../../shared/sim';
import { headerFigures, type HeaderFigure } from '../../../client/ui/header/headerFigures';

const GOALS = { latencyMs: 300, availability: 0.99 };

/** A real team view after a few ticks, owning the given features. */
function viewWith(features: Feature[]): TeamView {
  const state = createSim(loadPreset('sandbox'), 7);
  for (const f of features) state.features[f] = true;
  for (let i = 0; i < 5; i++) step(state);
  return teamView(state);
}

function byId(figures: HeaderFigure[]): Record<string, HeaderFigure> {
  return Object.fromEntries(figures.map((f) => [f.id, f]));
}

describe('header figures', () => {
  it('without monitoring: money and rough user counts only; the rest is hidden and names its feature', () => {
    const f = byId(headerFigures(viewWith([]), GOALS));
    expect(f.money!.value).not.toBeNull();
    expect(f.money!.revealedBy).toBeNull();
    expect(f.usersOnline!.value).not.toBeNull();
    expect(f.usersOnline!.approx).toBe(true);
    expect(f.dau!.approx).toBe(true);
    expect(f.dau!.revealedBy).toBe('businessMetrics');
    for (const id of ['revenuePerDay', 'costPerDay']) {
      expect(f[id]!.value, id).toBeNull();
      expect(f[id]!.revealedBy, id).toBe('businessMetrics');
    }
    for (const id of ['availability', 'latencyP95', 'errorRate']) {
      expect(f[id]!.value, id).toBeNull();
      expect(f[id]!.revealedBy, id).toBe('aggregatedMetrics');
      expect(f[id]!.tone, id).toBe('neutral');
    }
  });

  it('aggregated metrics reveal availability, latency and errors; business metrics the money flow and exact users', () => {
    const agg = byId(headerFigures(viewWith(['aggregatedMetrics']), GOALS));
    expect(agg.availability!.value).toBeTypeOf('number');
    expect(agg.latencyP95!.value).toBeTypeOf('number');
    expect(agg.errorRate!.value).toBeTypeOf('number');
    expect(agg.revenuePerDay!.value).toBeNull();

    const biz = byId(headerFigures(viewWith(['businessMetrics']), GOALS));
    expect(biz.revenuePerDay!.value).toBeTypeOf('number');
    expect(biz.costPerDay!.value).toBeTypeOf('number');
    expect(biz.dau!.approx).toBe(false);
    expect(biz.dau!.revealedBy).toBeNull();
    expect(biz.availability!.value).toBeNull();
  });

  it('host metrics alone reveal no headline figure (they are per component)', () => {
    const f = byId(headerFigures(viewWith(['hostMetrics']), GOALS));
    expect(['revenuePerDay', 'costPerDay', 'availability', 'latencyP95', 'errorRate'].map((id) => f[id]!.value)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('judges figures against the goals with a tone (drawn with an icon and a word too)', () => {
    const base = viewWith(['aggregatedMetrics', 'businessMetrics']);
    const view = (a: Partial<NonNullable<TeamView['aggregated']>>, money = 100): TeamView => ({
      ...base,
      money,
      aggregated: { ...base.aggregated!, ...a },
    });
    const good = byId(headerFigures(view({ availability: 0.995, p95LatencyMs: 120, errorRate: 0.001 }), GOALS));
    expect([good.availability!.tone, good.latencyP95!.tone, good.errorRate!.tone]).toEqual(['good', 'good', 'good']);
    const warn = byId(headerFigures(view({ availability: 0.985, p95LatencyMs: 450, errorRate: 0.03 }), GOALS));
    expect([warn.availability!.tone, warn.latencyP95!.tone, warn.errorRate!.tone]).toEqual(['warn', 'warn', 'warn']);
    const bad = byId(headerFigures(view({ availability: 0.9, p95LatencyMs: 900, errorRate: 0.2 }, -5), GOALS));
    expect([bad.availability!.tone, bad.latencyP95!.tone, bad.errorRate!.tone, bad.money!.tone]).toEqual(['bad', 'bad', 'bad', 'bad']);
  });
});
