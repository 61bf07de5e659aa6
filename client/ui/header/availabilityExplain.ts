/**
 * What the header's availability figure explains when opened: what availability counts (requests
 * answered without error within the latency objective) and, as far as the team's monitoring
 * reveals it, why the rest was not served well (the view's AvailabilityLoss, see
 * shared/sim/view/loss.ts):
 *
 * - aggregated metrics: the causes — failed requests, too slow because the users are far from
 *   the data center, too slow inside the system — each a share of all requests;
 * - business metrics: the distance part by users' region, with their round trip;
 * - log aggregation: the system part by request type, and where requests spend their time.
 *
 * A part the team cannot see names the feature that would show it. Without aggregated metrics
 * there is no figure to explain (the header says "?"); users' complaints are all there is.
 */
import { PRESET_IDS, loadPreset } from '../../../shared/scenarios';
import type { AvailabilityLoss, Feature, LocalText, RequestClass, TeamView } from '../../../shared/sim';
import { formatLatency, formatPercent, t as translate, type Language } from '../../i18n';
import { labelForId } from '../names';

type LossCause = 'errors' | 'distance' | 'system';

interface LossPart {
  cause: LossCause;
  share: number;
  /** Distance: by users' region; system: by request type. Empty when hidden or not split. */
  regions: Array<{ id: string; share: number; roundTripMs: number }>;
  classes: Array<{ cls: RequestClass; share: number }>;
  /** The feature that would split this cause further, when the team lacks it (else null). */
  splitBy: Feature | null;
}

export interface AvailabilityExplanation {
  availability: number;
  /** The scenario's latency objective, ms. */
  objectiveMs: number;
  /** Requests not served well: the causes together (1 − availability within rounding). */
  missing: number;
  /** Errors, distance, system, in that order. */
  causes: LossPart[];
  /** Where requests spend their time (log aggregation), most first; null when hidden. */
  slowest: Array<{ componentId: string; msPerRequest: number }> | null;
}

/** Shares below this are shown as nothing (half the last digit the view sends). */
const NOTHING = 0.000005;

/** The explanation of the team's availability, or null when it is not monitored. */
export function availabilityExplanation(team: TeamView, objectiveMs: number): AvailabilityExplanation | null {
  const a = team.aggregated;
  if (a === null) return null;
  const loss: AvailabilityLoss = a.loss ?? {
    errors: Math.max(0, 1 - a.availability),
    distance: 0,
    system: 0,
    regions: null,
    classes: null,
    slowest: null,
  };
  const regions = (loss.regions ?? []).filter((r) => r.share > NOTHING).sort((x, y) => y.share - x.share);
  const classes = (loss.classes ?? []).filter((c) => c.share > NOTHING).sort((x, y) => y.share - x.share);
  const causes: LossPart[] = [
    { cause: 'errors', share: loss.errors, regions: [], classes: [], splitBy: null },
    { cause: 'distance', share: loss.distance, regions, classes: [], splitBy: loss.regions === null ? 'businessMetrics' : null },
    { cause: 'system', share: loss.system, regions: [], classes, splitBy: loss.classes === null ? 'logAggregation' : null },
  ];
  return {
    availability: a.availability,
    objectiveMs,
    missing: loss.errors + loss.distance + loss.system,
    causes,
    slowest: loss.slowest === null ? null : loss.slowest.filter((s) => s.msPerRequest > 0),
  };
}

export interface ExplainLine {
  text: string;
  /** 0: a heading or a cause; 1: a part of the cause above. */
  level: 0 | 1;
  /** A hint to buy monitoring, or a note: drawn muted. */
  muted: boolean;
}

/** Region names of the shipped scenarios, by id; an unknown id is shown upper-case. */
function presetRegionName(id: string, lang: Language): string {
  for (const preset of PRESET_IDS) {
    const region = presetRegions(preset).find((r) => r.id === id);
    if (region !== undefined) return region.name[lang];
  }
  return id.toUpperCase();
}

const regionCache = new Map<string, Array<{ id: string; name: LocalText }>>();
function presetRegions(preset: string): Array<{ id: string; name: LocalText }> {
  let regions = regionCache.get(preset);
  if (regions === undefined) {
    regions = loadPreset(preset).regions.map((r) => ({ id: r.id, name: r.name }));
    regionCache.set(preset, regions);
  }
  return regions;
}

/** The explanation as lines of text, in the current language of `translate`. */
export function explanationLines(
  lang: Language,
  e: AvailabilityExplanation,
  names: { region: (id: string) => string; component: (id: string) => string } = {
    region: (id) => presetRegionName(id, lang),
    component: labelForId,
  },
): ExplainLine[] {
  const pct = (share: number) => formatPercent(lang, share, 'round', 2);
  const feature = (f: Feature) => translate(`features.${f}.name`);
  const lines: ExplainLine[] = [
    { text: translate('ui.header.loss.counts', { latency: formatLatency(lang, e.objectiveMs) }), level: 0, muted: false },
  ];
  if (!(e.missing > NOTHING)) {
    lines.push({ text: translate('ui.header.loss.none'), level: 0, muted: false });
    return lines;
  }
  lines.push({ text: translate('ui.header.loss.missing', { share: pct(e.missing) }), level: 0, muted: false });
  for (const part of e.causes) {
    if (!(part.share > NOTHING)) continue;
    lines.push({ text: translate(`ui.header.loss.${part.cause}`, { share: pct(part.share) }), level: 0, muted: false });
    for (const r of part.regions) {
      lines.push({
        text: translate('ui.header.loss.region', {
          region: names.region(r.id),
          latency: formatLatency(lang, r.roundTripMs),
          share: pct(r.share),
        }),
        level: 1,
        muted: false,
      });
    }
    for (const c of part.classes) {
      lines.push({
        text: translate('ui.header.loss.class', { type: translate(`requestClasses.${c.cls}`), share: pct(c.share) }),
        level: 1,
        muted: false,
      });
    }
    if (part.splitBy !== null)
      lines.push({ text: translate(`ui.header.loss.${part.cause}Hidden`, { feature: feature(part.splitBy) }), level: 1, muted: true });
    if (part.cause === 'distance') lines.push({ text: translate('ui.header.loss.distanceAdvice'), level: 1, muted: true });
  }
  // Without log aggregation the system part's hint says it would show where the time goes.
  if (e.slowest !== null && e.slowest.length > 0) {
    lines.push({ text: translate('ui.header.loss.slowest'), level: 0, muted: false });
    for (const s of e.slowest) {
      lines.push({
        text: translate('ui.header.loss.slowestItem', {
          target: names.component(s.componentId),
          latency: formatLatency(lang, s.msPerRequest),
        }),
        level: 1,
        muted: false,
      });
    }
  }
  const slowSplit = e.causes.some((c) => c.cause !== 'errors' && c.share > NOTHING);
  if (slowSplit) lines.push({ text: translate('ui.header.loss.estimate'), level: 0, muted: true });
  return lines;
}
