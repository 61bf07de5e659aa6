/**
 * Numbers as a player reads them, per language, with `Intl` (never hand-placed separators: Korean
 * groups large numbers by 만 in compact form, English by thousands). Pure functions of their
 * arguments, so the tests pin the exact text. The game's money is a dollar-like unit: shown with a
 * plain `$` in both languages (Korean Intl would otherwise write "US$").
 */

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const LOCALE: Record<Language, string> = { en: 'en-US', ko: 'ko-KR' };

/** Intl formatters are costly to build and the UI formats every figure every tick: keep them. */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(LOCALE[lang], options);
    formatters.set(key, f);
  }
  return f;
}

/** A plain number with grouping: 12,345 / 12,345.6. */
export function formatNumber(lang: Language, value: number, maxFractionDigits = 0): string {
  return formatter(lang, { maximumFractionDigits: maxFractionDigits }).format(value);
}

/**
 * A count that may be huge (users, requests): exact below 10,000, compact above
 * (1.2M in English, 120만 in Korean), so a header figure keeps its width as users grow.
 */
export function formatCount(lang: Language, value: number): string {
  if (Math.abs(value) < 10_000) return formatNumber(lang, value, Math.abs(value) < 10 && !Number.isInteger(value) ? 1 : 0);
  return formatter(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A rate per second (requests, messages): one decimal while small, compact when large. */
export function formatRate(lang: Language, perSecond: number): string {
  if (Math.abs(perSecond) < 100) return formatNumber(lang, perSecond, 1);
  return formatCount(lang, perSecond);
}

/** Money: $1,950 · $12.50 · $1.2M (123.5만 in Korean); cents only on small amounts that have them. */
export function formatMoney(lang: Language, amount: number): string {
  const magnitude = Math.abs(amount);
  const options: Intl.NumberFormatOptions = { style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol' };
  if (magnitude >= 1_000_000) Object.assign(options, { notation: 'compact', maximumFractionDigits: 1, minimumFractionDigits: 0 });
  else if (magnitude >= 100) Object.assign(options, { maximumFractionDigits: 0, minimumFractionDigits: 0 });
  else {
    const digits = Number.isInteger(Math.round(amount * 100) / 100) ? 0 : 2;
    Object.assign(options, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  }
  return formatter(lang, options).format(amount);
}

/**
 * Rounding for shares. Availability is rounded down ('floor') so 99.996 % never reads as 100 %;
 * error rates are rounded up ('ceil') so a small but real error rate never reads as 0 %.
 */
export type ShareRounding = 'round' | 'floor' | 'ceil';

/** A share 0–1 as a percentage with at most `maxFractionDigits` decimals: 99.95%. */
export function formatPercent(lang: Language, share: number, rounding: ShareRounding = 'round', maxFractionDigits = 2): string {
  const scale = 10 ** (maxFractionDigits + 2);
  const scaled = share * scale;
  // Tiny float noise (0.29 * 10000 = 2899.9999…) must not push floor/ceil a whole step.
  const nudged = Math.abs(scaled - Math.round(scaled)) < 1e-6 ? Math.round(scaled) : scaled;
  const rounded = (rounding === 'floor' ? Math.floor(nudged) : rounding === 'ceil' ? Math.ceil(nudged) : Math.round(nudged)) / scale;
  return formatter(lang, { style: 'percent', maximumFractionDigits: maxFractionDigits }).format(rounded);
}

function unit(lang: Language, value: number, unitName: string, maxFractionDigits: number): string {
  return formatter(lang, { style: 'unit', unit: unitName, unitDisplay: 'short', maximumFractionDigits: maxFractionDigits }).format(value);
}

/** A latency: 0.4 ms · 123 ms · 1.25 s (Korean: 123ms, 1.25초). */
export function formatLatency(lang: Language, ms: number): string {
  if (ms >= 1000) return unit(lang, ms / 1000, 'second', ms >= 10_000 ? 1 : 2);
  return unit(lang, ms, 'millisecond', ms < 10 ? 1 : 0);
}

/** Seconds of lag or TTL: 45 s · 5 min · 2 h (whole units where they fit). */
export function formatSeconds(lang: Language, seconds: number): string {
  if (seconds < 60) return unit(lang, seconds, 'second', seconds < 10 ? 1 : 0);
  return formatDuration(lang, seconds / 60);
}

/**
 * A simulated duration given in minutes (ticks): 45 min · 2 hr 5 min · 1 day 3 hr, at most the
 * two largest parts (a recovery time reads at a glance; seconds are below the sim's grain).
 */
export function formatDuration(lang: Language, minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(unit(lang, days, 'day', 0));
  if (hours > 0) parts.push(unit(lang, hours, 'hour', 0));
  if (mins > 0 || parts.length === 0) parts.push(unit(lang, mins, 'minute', 0));
  return parts.slice(0, 2).join(' ');
}

/** Gigabytes: 12.5 GB, 1,200 GB. */
export function formatGigabytes(lang: Language, gb: number): string {
  return unit(lang, gb, 'gigabyte', gb < 10 ? 1 : 0);
}

/** Minutes in a simulated day: one tick is one simulated minute (shared/sim/core/state.ts TICK_SECONDS). */
export const MINUTES_PER_DAY = 1440;

/**
 * The simulated clock of a tick: day 1 starts at tick 0, 00:00. Language-free: the words around
 * it come from the locale (`hud.clock`: "Day {{day}} {{time}}", "{{day}}일차 {{time}}").
 */
export function clockOf(tick: number): { day: number; time: string } {
  const t = Math.max(0, Math.floor(tick));
  const day = Math.floor(t / MINUTES_PER_DAY) + 1;
  const minuteOfDay = t % MINUTES_PER_DAY;
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return { day, time: `${hh}:${mm}` };
}
