/**
 * A trouble spot (shared/debrief/troubleSpots.ts) in words: when, how bad at its worst, and what was
 * going on: the component that was busiest, the incidents running, the team's own disruptive
 * commands. Pure, for the debrief and the result screen.
 */
import type { IncidentStory } from '../../../shared/debrief/record';
import type { TroubleSpot } from '../../../shared/debrief/troubleSpots';
import { formatCount, formatLatency, formatPercent } from '../../i18n';
import { commandText } from './commandText';
import { clockText, type ReportContext } from './incidentReport';

export interface TroubleLines {
  when: string;
  worst: string;
  /** What was going on, most telling first. */
  causes: string[];
}

export function troubleLines(spot: TroubleSpot, incidents: readonly IncidentStory[], ctx: ReportContext): TroubleLines {
  const { t, lang } = ctx;
  const causes: string[] = [];
  if (spot.busiest !== null && spot.busiest.utilisation >= 0.85) {
    causes.push(
      t('ui.trouble.busiest', {
        name: ctx.component(spot.busiest.componentId),
        value: formatPercent(lang, spot.busiest.utilisation, 'round', 0),
      }),
    );
  }
  for (const id of spot.incidents) {
    const story = incidents.find((s) => s.incident.id === id);
    if (story !== undefined) causes.push(t('ui.trouble.incident', { name: t(`incidents.${story.incident.type}.name`) }));
  }
  for (const d of spot.disruptions) {
    causes.push(t('ui.trouble.disruption', { time: clockText(ctx, d.tick), command: commandText(ctx, d.command) }));
  }
  return {
    when:
      spot.fromTick === spot.toTick ? clockText(ctx, spot.fromTick) : `${clockText(ctx, spot.fromTick)} – ${clockText(ctx, spot.toTick)}`,
    worst: t('ui.trouble.worst', {
      value: formatPercent(lang, spot.worstAvailability, 'floor', 0),
      latency: formatLatency(lang, spot.worstP95LatencyMs),
      errors: formatPercent(lang, spot.worstErrorRate, 'ceil', 0),
      lost: formatCount(lang, spot.lostRequests),
    }),
    causes,
  };
}
