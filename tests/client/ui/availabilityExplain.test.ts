/**
 * The header's availability figure explains itself: what it counts (requests answered without
 * error within the latency objective) and why the rest was not served well, as far as the team's
 * monitoring shows it; a part it cannot see names the feature that would show it.
 */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../../shared/scenarios';
import { createSim, step, teamView, type AvailabilityLoss, type Feature, type TeamView } from '../../../shared/sim';
import { availabilityExplanation, explanationLines } from '../../../client/ui/header/availabilityExplain';
import { headerFigures } from '../../../client/ui/header/headerFigures';
import { formatPercent, setLanguage } from '../../../client/i18n';

const GOALS = { latencyMs: 300, availability: 0.99 };

const views = new Map<string, TeamView>();

/** The newcomer's sandbox (one server in Asia) in Asia's evening, owning `features`. */
function viewWith(features: Feature[]): TeamView {
  const key = features.join();
  const known = views.get(key);
  if (known !== undefined) return known;
  const state = createSim(loadPreset('sandbox'), 7);
  for (const f of features) state.features[f] = true;
  for (let i = 0; i < 21 * 60; i++) step(state);
  const view = teamView(state);
  views.set(key, view);
  return view;
}

function availabilityFigure(view: TeamView) {
  return headerFigures(view, GOALS).find((f) => f.id === 'availability')!;
}

const texts = (view: TeamView) => explanationLines('en', availabilityExplanation(view, GOALS.latencyMs)!).map((l) => l.text);

describe('the availability explanation', () => {
  setLanguage('en');

  it('is there only with aggregated metrics', () => {
    expect(availabilityFigure(viewWith([])).explain).toBeUndefined();
    expect(availabilityExplanation(viewWith([]), 300)).toBeNull();
    const figure = availabilityFigure(viewWith(['aggregatedMetrics']));
    expect(figure.explain).toBeDefined();
    for (const other of headerFigures(viewWith(['aggregatedMetrics']), GOALS).filter((f) => f.id !== 'availability'))
      expect(other.explain).toBeUndefined();
  });

  it('says what availability counts, and that the causes add up to what is missing', () => {
    const view = viewWith(['aggregatedMetrics']);
    const e = availabilityFigure(view).explain!;
    expect(e.objectiveMs).toBe(300);
    expect(e.causes.map((c) => c.cause)).toEqual(['errors', 'distance', 'system']);
    const sum = e.causes.reduce((s, c) => s + c.share, 0);
    expect(sum).toBeCloseTo(e.missing, 12);
    expect(Math.abs(e.missing - (1 - view.aggregated!.availability))).toBeLessThan(3e-5);
    const lines = texts(view);
    expect(lines[0]).toBe('Availability counts requests answered without error within 300 ms.');
    expect(lines).toContain(`Not served well: ${pct(e.missing)} of requests`);
    expect(lines.some((l) => l.startsWith('Too slow, users far from the data center: '))).toBe(true);
    // No errors here, so no error line.
    expect(lines.some((l) => l.startsWith('Failed'))).toBe(false);
  });

  it('names the features that would split the causes further', () => {
    const lines = texts(viewWith(['aggregatedMetrics']));
    expect(lines).toContain('Buy Business metrics to see which regions.');
    expect(lines).toContain('Buy Log aggregation to see which requests and where the time goes.');
  });

  it('with business metrics and logs: Europe’s users 250 ms away, the slow request types, where time goes', () => {
    const view = viewWith(['aggregatedMetrics', 'businessMetrics', 'logAggregation']);
    const e = availabilityExplanation(view, 300)!;
    const distance = e.causes.find((c) => c.cause === 'distance')!;
    expect(distance.regions[0]!.id).toBe('eu'); // the biggest part first
    expect(distance.regions.reduce((s, r) => s + r.share, 0)).toBeCloseTo(distance.share, 4);
    const lines = texts(view);
    expect(lines).toContain(`Europe users (250 ms round trip): ${pct(distance.regions[0]!.share)}`);
    expect(lines.some((l) => l.startsWith('Background job requests: '))).toBe(true);
    expect(lines).toContain('Where requests spend their time:');
    expect(lines.some((l) => /^Web server 1: .* per request$/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('Buy '))).toBe(false);
  });

  it('lists errors as their own cause, and says so when everything was served well', () => {
    const base = viewWith(['aggregatedMetrics']);
    const withLoss = (loss: AvailabilityLoss, availability: number): TeamView => ({
      ...base,
      aggregated: { ...base.aggregated!, availability, loss },
    });
    const failing = texts(withLoss({ errors: 0.05, distance: 0, system: 0, regions: null, classes: null, slowest: null }, 0.95));
    expect(failing).toContain('Failed (errors): 5%');
    expect(failing.some((l) => l.startsWith('Too slow'))).toBe(false);
    const perfect = texts(withLoss({ errors: 0, distance: 0, system: 0, regions: null, classes: null, slowest: null }, 1));
    expect(perfect).toEqual(['Availability counts requests answered without error within 300 ms.', 'Every request was served well.']);
  });

  it('reads in Korean too', () => {
    setLanguage('ko');
    try {
      const view = viewWith(['aggregatedMetrics', 'businessMetrics']);
      const lines = explanationLines('ko', availabilityExplanation(view, 300)!).map((l) => l.text);
      expect(lines[0]).toContain('가용성');
      expect(lines.some((l) => l.startsWith('유럽 사용자'))).toBe(true);
    } finally {
      setLanguage('en');
    }
  });
});

const pct = (share: number) => formatPercent('en', share, 'round', 2);
