/**
 * How traffic and health look: density grows with the request rate on a log scale and is capped,
 * slower requests move slower, and the state colours stay apart for colour-blind players (checked
 * by simulating protanopia, deuteranopia and tritanopia, Machado et al. 2009, and measuring CIELAB
 * distances: ../colourVision.ts), with an icon or pattern on every failure state besides the
 * colour. The DOM's tones are the same accents: ui/themeColours.test.ts checks them as text.
 */
import { describe, expect, it } from 'vitest';
import { PALETTE } from '../../../client/view/palette';
import {
  ERROR_DOT_COLOUR,
  MAX_DOTS_PER_100PX,
  MAX_DOTS_PER_EDGE,
  MAX_DOT_SPEED,
  MIN_DOT_SPEED,
  STATE_STYLES,
  allocateDots,
  dotColour,
  dotSpeed,
  dotsOnEdge,
  dotsPer100px,
  errorDotShare,
  utilisationColour,
  visualState,
} from '../../../client/view/trafficStyle';
import { VISION_NAMES, distance, hue } from '../colourVision';

describe('dot density', () => {
  const rates = [0, 0.005, 0.02, 0.1, 1, 3, 10, 50, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e9];

  it('is zero without traffic and grows monotonically with the rate', () => {
    expect(dotsPer100px(0)).toBe(0);
    expect(dotsPer100px(Number.NaN)).toBe(0);
    for (let i = 1; i < rates.length; i++) expect(dotsPer100px(rates[i]!)).toBeGreaterThanOrEqual(dotsPer100px(rates[i - 1]!));
    expect(dotsPer100px(1000)).toBeGreaterThan(dotsPer100px(10));
  });

  it('is log-scaled: ten times the rate adds a step, not ten times the dots, and it is capped', () => {
    for (const rate of [1, 10, 100, 1000]) expect(dotsPer100px(rate * 10) - dotsPer100px(rate)).toBeLessThan(1);
    expect(dotsPer100px(1e12)).toBe(MAX_DOTS_PER_100PX);
  });

  it('gives an edge with traffic at least one dot and never more than the cap', () => {
    for (const rate of rates.filter((r) => r >= 0.01)) {
      for (const length of [10, 200, 800, 5000]) {
        const n = dotsOnEdge(rate, length);
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(MAX_DOTS_PER_EDGE);
        expect(dotsOnEdge(rate * 10, length)).toBeGreaterThanOrEqual(n);
        expect(dotsOnEdge(rate, length * 2)).toBeGreaterThanOrEqual(n);
      }
    }
    expect(dotsOnEdge(0, 500)).toBe(0);
  });

  it('fits any number of edges into a fixed pool, keeping the order of their wishes', () => {
    const wanted = Array.from({ length: 2000 }, (_, i) => (i % 7 === 0 ? 0 : 1 + (i % 40)));
    const total = wanted.reduce((a, b) => a + b, 0);
    expect(allocateDots(wanted, total + 10)).toEqual(wanted);
    for (const pool of [500, 3000, 9000]) {
      const given = allocateDots(wanted, pool);
      expect(given.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(pool);
      given.forEach((n, i) => {
        expect(n).toBeLessThanOrEqual(wanted[i]!);
        if (wanted[i]! > 0 && pool >= 2000) expect(n).toBeGreaterThanOrEqual(1);
        if (wanted[i] === 0) expect(n).toBe(0);
      });
      for (let i = 1; i < 40; i++) if (wanted[i]! > wanted[i - 1]!) expect(given[i]).toBeGreaterThanOrEqual(given[i - 1]!);
    }
  });
});

describe('dot speed and colour', () => {
  it('slows down as latency grows, within bounds', () => {
    let last = Infinity;
    for (const ms of [0, 5, 25, 50, 100, 300, 600, 2000, 1e5]) {
      const speed = dotSpeed(ms);
      expect(speed).toBeLessThanOrEqual(last);
      expect(speed).toBeGreaterThanOrEqual(MIN_DOT_SPEED);
      expect(speed).toBeLessThanOrEqual(MAX_DOT_SPEED);
      last = speed;
    }
    expect(dotSpeed(10)).toBeGreaterThan(dotSpeed(1000));
  });

  it('never passes through green between blue and yellow', () => {
    for (let ms = 1; ms <= 5000; ms *= 1.05) {
      const c = dotColour(ms);
      const [r, g, b] = [(c >> 16) & 255, (c >> 8) & 255, c & 255];
      // Green-dominant: green well above both red and blue.
      expect(g > r + 30 && g > b + 30, `${ms} ms → #${c.toString(16)}`).toBe(false);
    }
  });

  it('runs from healthy blue for fast requests to orange for slow ones, grey when unknown', () => {
    expect(dotColour(5)).toBe(PALETTE.healthy);
    expect(dotColour(5000)).toBe(PALETTE.degraded);
    expect(dotColour(null)).toBe(PALETTE.unknown);
  });

  it('shows failures as their own dots, in proportion, and visible when rare', () => {
    expect(errorDotShare(null)).toBe(0);
    expect(errorDotShare(0)).toBe(0);
    expect(errorDotShare(0.002)).toBeGreaterThanOrEqual(0.05);
    expect(errorDotShare(0.5)).toBe(0.5);
    expect(errorDotShare(3)).toBe(1);
  });
});

describe('colour-blind safe palette', () => {
  const states = { healthy: PALETTE.healthy, busy: PALETTE.busy, degraded: PALETTE.degraded, dead: PALETTE.dead };

  it.each(VISION_NAMES)('keeps the four state colours apart with %s', (vision) => {
    const entries = Object.entries(states);
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) {
        const d = distance(entries[i]![1], entries[j]![1], vision);
        expect(d, `${entries[i]![0]} vs ${entries[j]![0]}`).toBeGreaterThanOrEqual(20);
      }
      expect(distance(entries[i]![1], PALETTE.background, vision)).toBeGreaterThanOrEqual(35);
      expect(distance(entries[i]![1], PALETTE.card, vision)).toBeGreaterThanOrEqual(35);
    }
    expect(distance(PALETTE.dead, PALETTE.unknown, vision)).toBeGreaterThanOrEqual(20);
  });

  it.each(VISION_NAMES)('tells failed-request dots from every latency colour with %s', (vision) => {
    for (let ms = 1; ms <= 5000; ms *= 1.2) expect(distance(ERROR_DOT_COLOUR, dotColour(ms), vision)).toBeGreaterThanOrEqual(15);
  });

  it('does not rest on red against green: the accents are blue, yellow, orange and magenta', () => {
    // No pure green accent (90°–160°) and no pure red (345°–15°).
    for (const colour of Object.values(states)) {
      const h = hue(colour);
      expect(h >= 90 && h <= 160).toBe(false);
      expect(h >= 345 || h <= 15).toBe(false);
    }
  });

  it('never shows a failure by colour alone', () => {
    for (const state of ['degraded', 'dead', 'provisioning', 'restarting'] as const) expect(STATE_STYLES[state].icon).not.toBe('none');
    expect(STATE_STYLES.dead.pattern).toBe('hatch');
    expect(STATE_STYLES.dead.shake).toBe(true);
    expect(STATE_STYLES.dead.pulseSeconds).toBeGreaterThan(0);
    expect(STATE_STYLES.degraded.pulseSeconds).toBeGreaterThan(0);
    expect(STATE_STYLES.provisioning.pattern).toBe('dashed');
  });

  it('colours load bars by utilisation, magenta when overloaded', () => {
    expect(utilisationColour(0.2)).toBe(PALETTE.healthy);
    expect(utilisationColour(0.95)).toBe(PALETTE.degraded);
    expect(utilisationColour(1.3)).toBe(PALETTE.dead);
  });
});

describe('visual state', () => {
  const metrics = (health: 'healthy' | 'degraded' | 'dead', utilisation = 0.3) => ({ health, utilisation });

  it('puts failures before what the console says, and load last', () => {
    expect(visualState({ status: 'restarting', metrics: metrics('dead') })).toBe('dead');
    expect(visualState({ status: 'provisioning', metrics: metrics('degraded') })).toBe('degraded');
    expect(visualState({ status: 'provisioning', metrics: metrics('healthy') })).toBe('provisioning');
    expect(visualState({ status: 'restarting', metrics: null })).toBe('restarting');
    expect(visualState({ status: 'ok', metrics: metrics('healthy', 0.9) })).toBe('busy');
    expect(visualState({ status: 'ok', metrics: metrics('healthy', 0.2) })).toBe('healthy');
  });

  it('is unknown without host metrics (fog of war)', () => {
    expect(visualState({ status: 'ok', metrics: null })).toBe('unknown');
  });
});
