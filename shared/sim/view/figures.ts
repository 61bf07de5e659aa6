/**
 * The one rounding rule of everything a team is sent: every figure of the team view is rounded
 * here, once, to what the client displays can show, and nowhere else (the server's projection into
 * the wire state copies the view's figures as they are).
 *
 * The precisions follow the client's formats (client/i18n/format.ts):
 * - magnitudes (rates, latencies, capacities, gigabytes …) to FIGURE_DIGITS significant figures:
 *   counts and rates are shown whole below 10,000 ("9,876 req/s"), compact with three digits
 *   above, latencies with at most four ("123.4 s"), so four is the most any display shows;
 * - shares (availability, utilisation, hit ratios …) to SHARE_DECIMALS decimals: percentages are
 *   shown with up to two decimals (99.95 %), availability rounded down and error rates up, and a
 *   fifth decimal keeps 99.996 % from becoming 100 % before the display rounds it down;
 * - money to the cent: amounts are shown whole up to a million and to the cent below 100;
 * - users without business metrics to ROUGH_USER_DIGITS ("about 12,000 users"), with it whole.
 *
 * Every rounding uses only exact operations and exact powers of ten, so every engine gives the
 * same double and the view stays the same JSON text for the same state.
 */

/** Significant figures of rates, latencies, capacities and other magnitudes. */
export const FIGURE_DIGITS = 4;
/** Decimals of shares (utilisation, availability, hit ratio …): 0.00001 = 0.001 %. */
export const SHARE_DECIMALS = 5;
/** Significant figures of user counts without business metrics ("about 12,000 users"). */
export const ROUGH_USER_DIGITS = 2;

/** Largest magnitude a figure is sent with; non-finite figures become this (or 0 for NaN). */
const MAX_FIGURE = 1e15;
/** Magnitudes below this are sent as 0. */
const MIN_FIGURE = 1e-9;
/** 10^0 … 10^22: every power of ten a double holds exactly (as literals, exact in every engine). */
const POW10: readonly number[] = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/** `x` within ±MAX_FIGURE, NaN as 0: what a sum of the state's figures may safely add up. */
export function finite(x: number): number {
  if (Number.isNaN(x)) return 0;
  return Math.max(-MAX_FIGURE, Math.min(MAX_FIGURE, x));
}

/**
 * `x` rounded to `digits` significant figures, with only exact operations and exact powers of ten
 * (so every engine gives the same double): the nearest double to the rounded decimal.
 */
export function significant(x: number, digits: number): number {
  const v = finite(x);
  const magnitude = Math.abs(v);
  if (magnitude < MIN_FIGURE) return 0;
  // e = ⌊log10 |v|⌋, found by comparing with exact powers (|v| ≤ 1e15, ≥ 1e-9).
  let e = 0;
  while (e < 22 && magnitude >= (POW10[e + 1] as number)) e++;
  while (e > -22 && magnitude * (POW10[-e] as number) < 1) e--;
  const k = digits - 1 - e;
  const rounded =
    k >= 0 ? Math.round(v * (POW10[k] as number)) / (POW10[k] as number) : Math.round(v / (POW10[-k] as number)) * (POW10[-k] as number);
  return rounded + 0; // no −0
}

/** A magnitude (rate, latency, capacity, gigabytes …) to FIGURE_DIGITS significant figures. */
export function figure(x: number): number {
  return significant(x, FIGURE_DIGITS);
}

/** A share (0–1, or an over-1 utilisation) rounded to SHARE_DECIMALS decimals. */
export function share(x: number): number {
  const scale = POW10[SHARE_DECIMALS] as number;
  return Math.round(finite(x) * scale) / scale + 0;
}

/** An amount of money to the cent. */
export function money(x: number): number {
  return Math.round(finite(x) * 100) / 100 + 0;
}

/** A count shown exactly (users with business metrics): the nearest whole number. */
export function whole(x: number): number {
  return Math.round(finite(x)) + 0;
}

/** A user count without business metrics: only roughly, ROUGH_USER_DIGITS significant figures. */
export function rough(x: number): number {
  return significant(x, ROUGH_USER_DIGITS);
}
