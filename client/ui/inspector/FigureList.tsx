/** A component's figures, or — without host metrics — what it takes to see them, with the button to buy it. */
import type { ComponentView, TeamView } from '../../../shared/sim';
import {
  formatCount,
  formatGigabytes,
  formatLatency,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRate,
  formatSeconds,
  t as translate,
  type Language,
} from '../../i18n';
import { featurePrice } from '../build/prices';
import { Badge } from '../common';
import { useT } from '../hooks';
import type { UiClient } from '../uiClient';
import { componentFigures, diskText, diskTone, utilisationTone, type FigureLine } from './figures';

function formatLine(lang: Language, line: FigureLine): string {
  switch (line.kind) {
    case 'rate':
      return formatRate(lang, line.value);
    case 'perSecond':
      return translate('ui.units.perSecond', { value: formatRate(lang, line.value) });
    case 'percent':
      return formatPercent(lang, line.value, 'round', 1);
    case 'latency':
      return formatLatency(lang, line.value);
    case 'count':
      return formatCount(lang, line.value);
    case 'seconds':
      return formatSeconds(lang, line.value);
    case 'ratio':
      return translate('ui.units.times', { value: formatNumber(lang, line.value, 2) });
    case 'gigabytes':
      return formatGigabytes(lang, line.value);
    case 'gigabytesPerDay':
      return translate('ui.units.perDay', { value: formatGigabytes(lang, line.value) });
    case 'disk':
      return diskText(lang, line);
  }
}

export function FigureList({
  component,
  team,
  priceFactor,
  client,
}: {
  component: ComponentView;
  team: TeamView;
  priceFactor: number;
  client: UiClient;
}) {
  const { t, lang } = useT();
  const lines = componentFigures(component);
  if (lines === null) {
    const price = featurePrice('hostMetrics', priceFactor);
    return (
      <div class="su-fog" role="note">
        <p>
          <strong>{t('ui.inspector.notMonitored')}</strong> {t('ui.inspector.notMonitoredHelp')}
        </p>
        {/* A replay is watched, not played: nothing is bought in it. */}
        {!team.features.hostMetrics && client.replaying !== true && (
          <button
            type="button"
            class="su-btn su-btn-primary"
            disabled={price.buy > team.money}
            onClick={() => client.send({ type: 'buyFeature', feature: 'hostMetrics' })}
          >
            {t('ui.inspector.buyHostMetrics', { price: formatMoney(lang, price.buy) })}
          </button>
        )}
      </div>
    );
  }
  const m = component.metrics;
  return (
    <div class="su-figlist">
      {m !== null && (
        <p class="su-instances-line">
          {t('ui.inspector.serving', { serving: m.serving, count: component.count })}
          {m.down > 0 && (
            <>
              {' '}
              <Badge tone="bad">{t('ui.inspector.down', { count: m.down })}</Badge>
            </>
          )}
          {m.restarting > 0 && (
            <>
              {' '}
              <Badge tone="warn">{t('ui.inspector.restartingCount', { count: m.restarting })}</Badge>
            </>
          )}
        </p>
      )}
      <dl class="su-figures-grid">
        {lines.map((line) => (
          <div key={line.id} class="su-figure-row" data-figure={line.id}>
            <dt>{t(line.label)}</dt>
            <dd>
              {line.id === 'utilisation' ? (
                <Bar
                  value={line.value}
                  text={formatLine(lang, line)}
                  tone={utilisationTone(line.value)}
                  word={(tone) => t(`ui.utilisation.${tone}`)}
                />
              ) : line.kind === 'disk' && line.disk !== undefined ? (
                <Bar
                  value={line.disk.use}
                  text={formatLine(lang, line)}
                  tone={diskTone(line.disk.use)}
                  word={(tone) => t(tone === 'bad' ? 'ui.inspector.diskFull' : 'ui.inspector.diskNearlyFull')}
                />
              ) : (
                formatLine(lang, line)
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** A share drawn as a bar with its text, and a word for a state that is not good (colour is not the only cue). */
function Bar({
  value,
  text,
  tone,
  word,
}: {
  value: number;
  text: string;
  tone: 'good' | 'warn' | 'bad';
  word: (tone: 'warn' | 'bad') => string;
}) {
  return (
    <span class={`su-bar su-tone-${tone}`}>
      <span class="su-bar-track" aria-hidden="true">
        <span class="su-bar-fill" style={{ width: `${Math.min(100, Math.max(0, value * 100))}%` }} />
      </span>
      <span class="su-bar-text">
        {text}
        {tone !== 'good' && <span class="su-bar-word"> {word(tone)}</span>}
      </span>
    </span>
  );
}
