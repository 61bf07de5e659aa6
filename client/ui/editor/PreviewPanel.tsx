/**
 * The traffic the scenario brings, before anyone plays it: daily active users and requests per
 * second of each region over the days shown (the game's length, or a week when it has none), with
 * the daily cycle and the scripted spikes. Each region has its colour and its own dash, and is
 * named in the legend; the peaks are also said in words.
 */
import { useMemo, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Scenario } from '../../../shared/sim/core/scenario';
import { clockOf, formatCount, formatDuration, formatRate, MINUTES_PER_DAY } from '../../i18n';
import { THEME, withAlpha } from '../../theme/colours';
import { useUplot } from '../charts/useUplot';
import { useT } from '../hooks';
import { TEAM_COLOURS, teamDash } from '../teams';
import type { DemandPreview } from './preview';
import { usePreview } from './usePreview';

const REGION_COLOURS = Object.values(TEAM_COLOURS);
const DAY_CHOICES = [1, 3, 7, 14, 30] as const;

function regionColour(index: number): string {
  return REGION_COLOURS[index % REGION_COLOURS.length]!;
}

const AXIS = {
  stroke: THEME.ui.muted,
  grid: { stroke: withAlpha(THEME.ui.muted, 0.12), width: 1 },
  ticks: { stroke: withAlpha(THEME.ui.muted, 0.25), width: 1, size: 4 },
  font: '11px "Noto Sans KR", sans-serif',
};

/** Time-axis steps in simulated minutes: hours on a short preview, whole days on a long one. */
const STEPS = [60, 180, 360, 720, 1440, 2880, 7200, 14400];

function chartOptions(
  width: number,
  height: number,
  names: string[],
  format: (v: number) => string,
  day: (d: number) => string,
): uPlot.Options {
  return {
    width,
    height,
    legend: { show: false },
    cursor: { show: false },
    padding: [6, 18, 0, 0],
    scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
    axes: [
      {
        ...AXIS,
        size: 22,
        space: 50,
        incrs: STEPS,
        values: (_u, ticks) => ticks.map((tick) => (tick % MINUTES_PER_DAY === 0 ? day(tick / MINUTES_PER_DAY + 1) : clockOf(tick).time)),
      },
      { ...AXIS, size: 54, space: 24, values: (_u, ticks) => ticks.map(format) },
    ],
    series: [
      {},
      ...names.map((label, index) => ({ label, stroke: regionColour(index), dash: teamDash(index), width: 1.75, points: { show: false } })),
    ],
  };
}

function PreviewChart({
  title,
  data,
  names,
  format,
}: {
  title: string;
  data: uPlot.AlignedData;
  names: string[];
  format: (v: number) => string;
}) {
  const { t, lang } = useT();
  const box = useUplot(
    ({ width, height }) => chartOptions(width, height, names, format, (d) => t('ui.charts.day', { day: d })),
    data,
    [names.join('\u0000'), lang],
    { width: 120, height: 80 },
  );
  return (
    <figure class="su-ed-chart">
      <figcaption class="su-chart-title">{title}</figcaption>
      <div class="su-ed-chart-box" ref={box} role="img" aria-label={title} />
    </figure>
  );
}

function when(t: (key: string, params?: Record<string, string | number>) => string, tick: number): string {
  const { day, time } = clockOf(tick);
  return t('hud.clock', { day, time });
}

function aligned(preview: DemandPreview, key: 'users' | 'requests'): uPlot.AlignedData {
  return [preview.ticks, ...preview[key]];
}

export function PreviewPanel({ scenario, stale }: { scenario: Scenario | null; stale: boolean }) {
  const { t, lang } = useT();
  const own = scenario?.objectives.durationTicks;
  const [chosenDays, setChosenDays] = useState<number | null>(null);
  const days = chosenDays ?? (own !== undefined ? Math.max(1, Math.ceil(own / MINUTES_PER_DAY)) : 7);
  const { shown, working } = usePreview(scenario, days * MINUTES_PER_DAY);
  const preview = shown?.preview ?? null;
  const shownNames = useMemo(() => (shown?.scenario.regions ?? []).map((r) => r.name[lang]), [shown, lang]);
  const constant = shown?.scenario.traffic.mode === 'constant';
  return (
    <section
      class={`su-ed-preview${stale ? ' su-ed-stale' : ''}`}
      aria-busy={working}
      data-peak-users={preview === null ? '' : Math.round(preview.peakUsers.value)}
      data-peak-requests={preview === null ? '' : Math.round(preview.peakRequests.value)}
    >
      <div class="su-ed-head">
        <div>
          <h2>{t('ui.editor.preview.title')}</h2>
          <p class="su-help">{t(constant ? 'ui.editor.preview.helpConstant' : 'ui.editor.preview.help')}</p>
        </div>
        <label class="su-field">
          <span class="su-field-label">{t('ui.editor.preview.days')}</span>
          <select value={String(days)} onChange={(e) => setChosenDays(Number((e.currentTarget as HTMLSelectElement).value))}>
            {[...new Set([...DAY_CHOICES, days])]
              .sort((a, b) => a - b)
              .map((d) => (
                <option key={d} value={String(d)}>
                  {formatDuration(lang, d * MINUTES_PER_DAY)}
                </option>
              ))}
          </select>
        </label>
      </div>
      {stale && <p class="su-note su-ed-stale-note">{t('ui.editor.preview.stale')}</p>}
      {preview === null ? (
        <p class="su-muted">{t('ui.editor.preview.working')}</p>
      ) : (
        <>
          <p class="su-ed-peaks" data-preview-summary>
            {t('ui.editor.preview.peakUsers', { users: formatCount(lang, preview.peakUsers.value), when: when(t, preview.peakUsers.tick) })}
            <br />
            {t('ui.editor.preview.peakRequests', {
              rate: formatRate(lang, preview.peakRequests.value),
              when: when(t, preview.peakRequests.tick),
            })}
          </p>
          <div class="su-chart-legend su-ed-legend">
            {shownNames.map((name, index) => (
              <span key={index} class="su-legend-item">
                <svg class="su-ed-swatch" width="22" height="8" aria-hidden="true">
                  <line
                    x1="0"
                    y1="4"
                    x2="22"
                    y2="4"
                    stroke={regionColour(index)}
                    stroke-width="2"
                    stroke-dasharray={teamDash(index).join(' ')}
                  />
                </svg>
                {name}
              </span>
            ))}
          </div>
          {!constant && (
            <PreviewChart
              title={t('ui.editor.preview.users')}
              data={aligned(preview, 'users')}
              names={shownNames}
              format={(v) => formatCount(lang, v)}
            />
          )}
          <PreviewChart
            title={t('ui.editor.preview.requests')}
            data={aligned(preview, 'requests')}
            names={shownNames}
            format={(v) => formatRate(lang, v)}
          />
        </>
      )}
    </section>
  );
}
