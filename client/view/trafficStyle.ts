/**
 * How traffic and health look: pure functions from the sim's figures to what the diagram draws.
 * Drawing is decoupled from simulating (docs/design.md): an edge carrying 5 or 500,000 requests per
 * second gets a bounded number of dots, log-scaled so that growth stays visible over six decades.
 * Colour follows latency (blue → yellow → orange) and failures get their own magenta cross-shaped
 * dots that pulse, so errors never rely on hue alone. Health maps to an accent colour plus an
 * icon, a pattern and motion: a dead component is hatched, pulses and shakes.
 */
import type { HostMetrics } from '../../shared/sim';
import { PALETTE, mixColour } from './palette';
import type { StateBadge } from './textures';

/** Requests per second below which an edge shows no dots at all. */
const MIN_VISIBLE_RATE = 0.01;
/** Dots per 100 px of edge: a floor for any traffic, a step per decade of rate, and a ceiling. */
const DOTS_PER_100PX_FLOOR = 0.6;
const DOTS_PER_100PX_PER_DECADE = 0.75;
export const MAX_DOTS_PER_100PX = 5.5;
/** Most dots on one edge, however long and busy. */
export const MAX_DOTS_PER_EDGE = 40;

/** Dot speed in world pixels per second: fast requests race, slow ones crawl. */
export const MAX_DOT_SPEED = 170;
export const MIN_DOT_SPEED = 38;

/** Latency (ms) that looks fast (pure blue) and the one that looks bad (pure orange). */
const FAST_LATENCY_MS = 25;
const SLOW_LATENCY_MS = 600;

/** Error share above which the edge's error dots pulse, and the minimum share of dots that show errors. */
export const ERROR_PULSE_SHARE = 0.01;
const MIN_VISIBLE_ERROR_SHARE = 0.001;

/** Dots per 100 px for a request rate: log-scaled, monotone, capped; 0 without traffic. */
export function dotsPer100px(rate: number): number {
  if (!(rate >= MIN_VISIBLE_RATE)) return 0;
  const density = DOTS_PER_100PX_FLOOR + DOTS_PER_100PX_PER_DECADE * Math.log10(1 + rate);
  return Math.min(MAX_DOTS_PER_100PX, density);
}

/** Dots on an edge of `lengthPx` world pixels: at least one when there is traffic, capped. */
export function dotsOnEdge(rate: number, lengthPx: number): number {
  const density = dotsPer100px(rate);
  if (density === 0) return 0;
  return Math.max(1, Math.min(MAX_DOTS_PER_EDGE, Math.round((density * Math.max(0, lengthPx)) / 100)));
}

/**
 * Fits wanted dot counts into a fixed pool: unchanged when they fit, else scaled down
 * proportionally (each edge with traffic keeps one dot while the pool allows it).
 */
export function allocateDots(wanted: readonly number[], pool: number): number[] {
  let total = 0;
  for (const n of wanted) total += n;
  if (total <= pool) return wanted.slice();
  const busy = wanted.filter((n) => n > 0).length;
  if (busy >= pool) {
    // Not even one dot each: the first `pool` busy edges get one.
    let left = pool;
    return wanted.map((n) => (n > 0 && left > 0 ? (left--, 1) : 0));
  }
  // One dot each, then the rest shared in proportion to what is left of each wish.
  const spare = pool - busy;
  const extra = total - busy;
  const scale = extra > 0 ? spare / extra : 0;
  return wanted.map((n) => (n > 0 ? 1 + Math.floor((n - 1) * scale) : 0));
}

/** 0 for fast, 1 for slow: where a latency sits between FAST and SLOW, on a log scale. */
function latencyLevel(latencyMs: number): number {
  if (!(latencyMs > FAST_LATENCY_MS)) return 0;
  if (latencyMs >= SLOW_LATENCY_MS) return 1;
  return Math.log(latencyMs / FAST_LATENCY_MS) / Math.log(SLOW_LATENCY_MS / FAST_LATENCY_MS);
}

/** Dot speed for a latency; monotone: never faster when slower. Unknown latency moves at mid speed. */
export function dotSpeed(latencyMs: number | null): number {
  const level = latencyMs === null ? 0.35 : latencyLevel(latencyMs);
  return MAX_DOT_SPEED - (MAX_DOT_SPEED - MIN_DOT_SPEED) * level;
}

/**
 * Steps through accents with a short cross-fade at each boundary. Mixing blue straight into yellow
 * would pass through a greyish green, which reads as "good" and is the hue colour-blind players
 * confuse most; stepping keeps every shown colour one of the palette's accents.
 */
function stepped(level: number, stops: ReadonlyArray<readonly [number, number]>, fade = 0.04): number {
  let colour = stops[0]![1];
  for (let i = 1; i < stops.length; i++) {
    const [at, next] = stops[i]!;
    if (level >= at + fade) colour = next;
    else if (level > at - fade) return mixColour(colour, next, (level - (at - fade)) / (2 * fade));
    else break;
  }
  return colour;
}

/** Colour of a request dot by latency: blue (fast), yellow (slowing), orange (slow); grey when unknown. */
export function dotColour(latencyMs: number | null): number {
  if (latencyMs === null) return PALETTE.unknown;
  return stepped(latencyLevel(latencyMs), [
    [0, PALETTE.healthy],
    [0.5, PALETTE.busy],
    [0.8, PALETTE.degraded],
  ]);
}

/** Colour of failed-request dots (drawn with the cross-shaped frame). */
export const ERROR_DOT_COLOUR = PALETTE.dead;

/** Share of an edge's dots drawn as failures: the error share, made visible when small but real. */
export function errorDotShare(errorShare: number | null): number {
  if (errorShare === null || !(errorShare > 0)) return 0;
  return Math.min(1, Math.max(errorShare, errorShare >= MIN_VISIBLE_ERROR_SHARE ? 0.08 : 0));
}

/** Colour of a load bar by utilisation: blue, yellow from 0.7, orange from 0.9, magenta when over 1. */
export function utilisationColour(utilisation: number): number {
  return stepped(
    utilisation,
    [
      [0, PALETTE.healthy],
      [BUSY_UTILISATION, PALETTE.busy],
      [0.9, PALETTE.degraded],
      [1.005, PALETTE.dead],
    ],
    0.005,
  );
}

/** What a component looks like: its state decides the colour, icon, pattern and motion. */
export type VisualState = 'healthy' | 'busy' | 'degraded' | 'dead' | 'unknown' | 'provisioning' | 'restarting';
type StateIcon = 'none' | StateBadge;
type StatePattern = 'none' | 'hatch' | 'dashed';

export interface StateStyle {
  colour: number;
  icon: StateIcon;
  pattern: StatePattern;
  /** Seconds per pulse of the card's glow (0: no pulse). */
  pulseSeconds: number;
  /** Whether the card shakes now and then. */
  shake: boolean;
  /** Locale key of the state's name (health.*), or null when it shows no name. */
  labelKey: string | null;
}

export const STATE_STYLES: Record<VisualState, StateStyle> = {
  healthy: { colour: PALETTE.healthy, icon: 'none', pattern: 'none', pulseSeconds: 0, shake: false, labelKey: null },
  busy: { colour: PALETTE.busy, icon: 'none', pattern: 'none', pulseSeconds: 0, shake: false, labelKey: null },
  degraded: { colour: PALETTE.degraded, icon: 'warn', pattern: 'none', pulseSeconds: 1.6, shake: false, labelKey: 'health.degraded' },
  dead: { colour: PALETTE.dead, icon: 'down', pattern: 'hatch', pulseSeconds: 0.8, shake: true, labelKey: 'health.dead' },
  unknown: { colour: PALETTE.cardBorder, icon: 'none', pattern: 'none', pulseSeconds: 0, shake: false, labelKey: null },
  provisioning: {
    colour: PALETTE.provisioning,
    icon: 'clock',
    pattern: 'dashed',
    pulseSeconds: 0,
    shake: false,
    labelKey: 'health.provisioning',
  },
  restarting: {
    colour: PALETTE.provisioning,
    icon: 'restarting',
    pattern: 'dashed',
    pulseSeconds: 2.4,
    shake: false,
    labelKey: 'health.restarting',
  },
};

/** Utilisation from which a healthy component shows as busy. */
const BUSY_UTILISATION = 0.7;

/**
 * A component's visual state. Failures first (they must be impossible to miss), then what the
 * provider's console shows (setting up, restarting), then load; without host metrics the health
 * is unknown (fog of war) and the card stays neutral.
 */
export function visualState(component: {
  status: 'provisioning' | 'ok' | 'restarting';
  metrics: Pick<HostMetrics, 'health' | 'utilisation'> | null;
}): VisualState {
  const metrics = component.metrics;
  if (metrics !== null && metrics.health === 'dead') return 'dead';
  if (metrics !== null && metrics.health === 'degraded') return 'degraded';
  if (component.status === 'provisioning') return 'provisioning';
  if (component.status === 'restarting') return 'restarting';
  if (metrics === null) return 'unknown';
  return metrics.utilisation >= BUSY_UTILISATION ? 'busy' : 'healthy';
}

/** Exponential approach of `current` to `target` over `dtSeconds` with time constant `tauSeconds`. */
export function approach(current: number, target: number, dtSeconds: number, tauSeconds: number): number {
  if (tauSeconds <= 0 || !Number.isFinite(current)) return target;
  return current + (target - current) * (1 - Math.exp(-Math.max(0, dtSeconds) / tauSeconds));
}
