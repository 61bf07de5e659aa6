/**
 * The post-incident report, written from the simulation's own records (shared/debrief/record.ts):
 * what failed and when, when the team could first see it and how (its alerts, or its users'
 * complaints), what users saw, what the team did and when, when service was back, and the lesson
 * the source material draws. As lines for the screen and as Markdown to export, in the player's
 * language. Pure, for the tests.
 */
import type { IncidentStory, Losses } from '../../../shared/debrief/record';
import { loggedEntry } from '../../../shared/sim';
import { INCIDENT_CONCEPT } from '../conceptLinks';
import { feedLine } from '../feed/feedText';
import { clockOf, formatCount, formatDuration, formatLatency, formatPercent, type Language } from '../../i18n';
import type { ConceptId } from '../../state/uiState';
import { commandText, type CommandNames } from './commandText';

export interface ReportContext extends CommandNames {
  lang: Language;
  /** A seat's display name. */
  player(seatId: string): string;
}

export interface IncidentReport {
  title: string;
  /** Facts in order: label and text. */
  facts: Array<[string, string]>;
  /** What happened minute by minute: the start, detection, each command, the end of the effect, recovery. */
  timeline: Array<{ tick: number; text: string }>;
  lesson: string;
  concept: ConceptId;
}

const LOSS_ORDER: ReadonlyArray<keyof Losses> = [
  'failedRequests',
  'lostWrites',
  'loggedOutUsers',
  'lostMessages',
  'staleReads',
  'staleAssets',
];

export function clockText(ctx: ReportContext, tick: number): string {
  const { day, time } = clockOf(tick);
  return ctx.t('hud.clock', { day, time });
}

export function incidentReport(story: IncidentStory, ctx: ReportContext): IncidentReport {
  const { t, lang } = ctx;
  const incident = story.incident;
  const name = (id: string) => (ctx.region(id) !== id.toUpperCase() ? ctx.region(id) : ctx.component(id));
  const line = feedLine(loggedEntry(incident), name, (minutes) => formatDuration(lang, minutes));
  const what = t(line.key, line.params);
  const facts: Array<[string, string]> = [];
  facts.push([t('ui.report.started'), `${clockText(ctx, incident.startTick)} · ${t(`ui.report.origin.${incident.origin}`)}`]);
  facts.push([t('ui.report.what'), what]);
  const detected = story.detected;
  facts.push([
    t('ui.report.detected'),
    detected === null
      ? t('ui.report.notDetected')
      : t(`ui.report.detectedBy.${detected.by}`, {
          time: clockText(ctx, detected.tick),
          after: formatDuration(lang, detected.tick - incident.startTick),
        }),
  ]);
  const seen = [
    t('ui.report.worstAvailability', { value: formatPercent(lang, story.worstAvailability, 'floor', 1) }),
    t('ui.report.worstErrors', { value: formatPercent(lang, story.worstErrorRate, 'ceil', 1) }),
    t('ui.report.worstLatency', { value: formatLatency(lang, story.worstP95LatencyMs) }),
    ...LOSS_ORDER.filter((key) => story.losses[key] >= 0.5).map((key) =>
      t(`ui.report.losses.${key}`, { count: formatCount(lang, story.losses[key]) }),
    ),
  ];
  facts.push([t('ui.report.usersSaw'), seen.join(' · ')]);
  facts.push([
    t('ui.report.recovered'),
    incident.recoveredTick === null
      ? t('ui.report.notRecovered')
      : t('ui.report.recoveredAfter', {
          time: clockText(ctx, incident.recoveredTick),
          after: formatDuration(lang, incident.recoveredTick - incident.startTick),
        }),
  ]);
  const timeline: Array<{ tick: number; text: string }> = [{ tick: incident.startTick, text: what }];
  if (detected !== null) timeline.push({ tick: detected.tick, text: t(`ui.report.timelineDetected.${detected.by}`) });
  for (const action of story.actions) {
    const text = `${commandText(ctx, action.command)} (${ctx.player(action.player)})`;
    timeline.push({ tick: action.tick, text: action.ok ? text : `${text}: ${t(`reasons.${action.reason ?? 'malformed'}`)}` });
  }
  if (incident.endTick !== null) timeline.push({ tick: incident.endTick, text: t('ui.report.timelineEnded') });
  if (incident.recoveredTick !== null) timeline.push({ tick: incident.recoveredTick, text: t('ui.report.timelineRecovered') });
  // A stable sort keeps the order above for events of one minute.
  timeline.sort((a, b) => a.tick - b.tick);
  if (story.actions.length === 0) facts.push([t('ui.report.teamDid'), t('ui.report.nothingDone')]);
  return {
    title: t('ui.report.title', { n: incident.id, name: t(`incidents.${incident.type}.name`) }),
    facts,
    timeline,
    lesson: t(`incidents.${incident.type}.advice`),
    concept: INCIDENT_CONCEPT[incident.type],
  };
}

/** Every report as one Markdown document. */
export function reportsMarkdown(ctx: ReportContext, heading: string, reports: readonly IncidentReport[]): string {
  const { t } = ctx;
  const out: string[] = [`# ${heading}`, ''];
  if (reports.length === 0) out.push(t('ui.report.none'), '');
  for (const report of reports) {
    out.push(`## ${report.title}`, '');
    for (const [label, text] of report.facts) out.push(`- **${label}**: ${text}`);
    out.push('', `### ${t('ui.report.timeline')}`, '');
    for (const entry of report.timeline) out.push(`- ${clockText(ctx, entry.tick)}: ${entry.text}`);
    out.push('', `### ${t('ui.report.lesson')}`, '', `${report.lesson} (${t(`concepts.${report.concept}.title`)})`, '');
  }
  return out.join('\n');
}
