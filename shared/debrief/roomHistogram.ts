/**
 * How a figure spreads over the teams of a room (what the cohort spent, its availability, its peak
 * users), as a histogram with round bin edges an instructor can read aloud: 0–20k, 20k–40k… rather
 * than 12,345–29,629. Pure.
 */

export interface Bin {
  /** The bin holds values from `from` (included) to `to` (excluded; the last bin includes it). */
  from: number;
  to: number;
  /** The teams whose value falls in the bin, in the order given. */
  teams: string[];
}

/** Bins to aim at for `teams` values: one per team for a handful, about √n + 1 beyond, at most 6. */
export function binCountFor(teams: number): number {
  if (teams <= 3) return Math.max(1, teams);
  return Math.min(6, Math.ceil(Math.sqrt(teams)) + 1);
}

/** Float slack when a value sits on an edge computed by division (0.1 / 0.025 is 4.000000000000001). */
const EPSILON = 1e-9;

/** The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least `raw` (1 when raw is not positive). */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5]) if (factor * power >= raw * (1 - EPSILON)) return factor * power;
  return 10 * power;
}

/**
 * Equal bins of a round width (niceStep) from a multiple of that width at or below the smallest
 * value, enough to reach the largest; each value in the bin whose range holds it. When every value
 * is the same, one bin from that value to itself. Empty bins in between are kept: a gap in the
 * cohort is worth seeing.
 */
export function histogram(values: ReadonlyArray<{ team: string; value: number }>, targetBins: number): Bin[] {
  if (values.length === 0) return [];
  const min = Math.min(...values.map((v) => v.value));
  const max = Math.max(...values.map((v) => v.value));
  if (max === min) return [{ from: min, to: max, teams: values.map((v) => v.team) }];
  const step = niceStep((max - min) / Math.max(1, targetBins));
  const first = Math.floor(min / step + EPSILON);
  const count = Math.max(1, Math.ceil(max / step - first - EPSILON));
  // The k-th multiple of the step, rounded to the step's own decimals (39 × 0.025 is 0.9750000000000001).
  const decimals = Math.min(12, Math.max(0, 2 - Math.floor(Math.log10(step))));
  const edge = (k: number) => Number((k * step).toFixed(decimals));
  const bins: Bin[] = Array.from({ length: count }, (_, i) => ({ from: edge(first + i), to: edge(first + i + 1), teams: [] }));
  for (const { team, value } of values) {
    const index = Math.min(count - 1, Math.max(0, Math.floor(value / step - first + EPSILON)));
    bins[index]!.teams.push(team);
  }
  return bins;
}
