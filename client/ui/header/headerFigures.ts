/**
 * The headline figures of the header and what the team's monitoring reveals of each (fog of war,
 * idea 11 of docs/design.md): money and rough user counts are always known (the bank and the provider's
 * console say so); exact users, revenue and cost need business metrics; availability, latency and
 * error rate need aggregated metrics. A hidden figure is null and names the feature that reveals it,
 * so the header can say "?" and how to see it rather than show a made-up number.
 */
import type { Feature, TeamView } from '../../../shared/sim';
import { availabilityExplanation, type AvailabilityExplanation } from './availabilityExplain';
import type { ToneName } from '../../theme/colours';

export const HEADER_FIGURE_IDS = [
  'money',
  'usersOnline',
  'dau',
  'revenuePerDay',
  'costPerDay',
  'availability',
  'latencyP95',
  'errorRate',
] as const;
type HeaderFigureId = (typeof HEADER_FIGURE_IDS)[number];

export type FigureFormat = 'money' | 'count' | 'availability' | 'errorRate' | 'latency';
/**
 * How a figure stands against the game's goals; drawn with an icon and a word, not colour alone,
 * in the theme's colour for the tone (theme/colours.ts).
 */
export type Tone = ToneName;

export interface HeaderFigure {
  id: HeaderFigureId;
  /** null: not monitored. */
  value: number | null;
  format: FigureFormat;
  /** The feature that reveals this figure (or makes it exact); null when always shown exactly. */
  revealedBy: Feature | null;
  /** Shown rounded (users without business metrics: two significant figures). */
  approx: boolean;
  tone: Tone;
  /** Availability with aggregated metrics: what it counts and why it falls short, for its popover. */
  explain?: AvailabilityExplanation;
}

/** The scenario's goals the tones are judged against. */
export interface Goals {
  latencyMs: number;
  availability: number;
}

/** Error rate above which users complain (the sim's first complaint level), and "many" complaints. */
const ERROR_WARN = 0.01;
const ERROR_BAD = 0.05;

function availabilityTone(value: number, goals: Goals): Tone {
  if (value >= goals.availability) return 'good';
  // Halfway between the goal and 100 % of its shortfall again: 99 % goal → bad below 98 %.
  return value >= 1 - 2 * (1 - goals.availability) ? 'warn' : 'bad';
}

function latencyTone(ms: number, goals: Goals): Tone {
  if (ms <= goals.latencyMs) return 'good';
  return ms <= 2 * goals.latencyMs ? 'warn' : 'bad';
}

function errorTone(rate: number): Tone {
  if (rate <= ERROR_WARN) return 'good';
  return rate <= ERROR_BAD ? 'warn' : 'bad';
}

/** The header's figures for one team, in display order. */
export function headerFigures(team: TeamView, goals: Goals): HeaderFigure[] {
  const a = team.aggregated;
  const b = team.business;
  const exact = team.users.exact;
  const figure = (
    id: HeaderFigureId,
    value: number | null,
    format: FigureFormat,
    revealedBy: Feature | null,
    tone: Tone,
    approx = false,
  ): HeaderFigure => ({
    id,
    value,
    format,
    revealedBy,
    approx,
    tone: value === null ? 'neutral' : tone,
  });
  const explain = availabilityExplanation(team, goals.latencyMs);
  const availability = figure(
    'availability',
    a?.availability ?? null,
    'availability',
    'aggregatedMetrics',
    a === null ? 'neutral' : availabilityTone(a.availability, goals),
  );
  return [
    figure('money', team.money, 'money', null, team.money < 0 ? 'bad' : 'neutral'),
    figure('usersOnline', team.users.online, 'count', exact ? null : 'businessMetrics', 'neutral', !exact),
    figure('dau', team.users.dau, 'count', exact ? null : 'businessMetrics', 'neutral', !exact),
    figure('revenuePerDay', b?.revenuePerDay ?? null, 'money', 'businessMetrics', 'neutral'),
    figure(
      'costPerDay',
      b?.costPerDay ?? null,
      'money',
      'businessMetrics',
      b !== null && b.costPerDay > b.revenuePerDay ? 'warn' : 'neutral',
    ),
    explain === null ? availability : { ...availability, explain },
    figure(
      'latencyP95',
      a?.p95LatencyMs ?? null,
      'latency',
      'aggregatedMetrics',
      a === null ? 'neutral' : latencyTone(a.p95LatencyMs, goals),
    ),
    figure('errorRate', a?.errorRate ?? null, 'errorRate', 'aggregatedMetrics', a === null ? 'neutral' : errorTone(a.errorRate)),
  ];
}
