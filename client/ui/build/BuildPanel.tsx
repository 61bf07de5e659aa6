/**
 * The shop: every component kind with its real price, running cost per day and what it is for,
 * bought into the region picked at the top; then the team-wide monitoring and automation. A
 * campaign chapter sells only what it teaches (its scenario's shop); the rest is not listed, and a
 * line says where everything is on sale. In a live game each card also asks "What if?" first (the
 * forecast of buying it, wired in). A replay has no shop (GameScreen leaves it out).
 */
import { useState } from 'preact/hooks';
import { COMPONENT_KINDS, FEATURE_NAMES, type TeamView } from '../../../shared/sim';
import { PanelHeading } from '../common';
import { useT } from '../hooks';
import { regionName, type ScenarioInfo } from '../scenarioInfo';
import type { UiClient } from '../uiClient';
import { whatIfClient } from '../forecast/forecastClient';
import { FeatureCard } from './FeatureCard';
import { KindCard } from './KindCard';
import './build.css';

function defaultRegion(team: TeamView, info: ScenarioInfo): string {
  return team.components[0]?.region ?? info.regions[0]?.id ?? '';
}

export function BuildPanel({ client, team, info }: { client: UiClient; team: TeamView; info: ScenarioInfo }) {
  const { t, lang } = useT();
  const [picked, setRegion] = useState<string | null>(null);
  const region = picked ?? defaultRegion(team, info);
  const kinds = info.shop === null ? COMPONENT_KINDS : COMPONENT_KINDS.filter((kind) => info.shop?.kinds.includes(kind));
  const features = info.shop === null ? FEATURE_NAMES : FEATURE_NAMES.filter((feature) => info.shop?.features.includes(feature));
  const whatIf = whatIfClient(client) !== null;
  return (
    <section class="su-panel su-build" aria-labelledby="su-build-title">
      <div class="su-panel-head">
        <h2 class="su-heading" id="su-build-title">
          {t('ui.build.title')}
        </h2>
      </div>
      <div class="su-panel-body">
        <label class="su-field su-region">
          <span class="su-field-label">{t('ui.build.region')}</span>
          <select value={region} onChange={(e) => setRegion((e.currentTarget as HTMLSelectElement).value)}>
            {info.regions.map((r) => (
              <option key={r.id} value={r.id}>
                {regionName(info, r.id, lang)}
              </option>
            ))}
          </select>
        </label>
        {info.shop !== null && <p class="su-help">{t('ui.build.chapterShop')}</p>}
        <ul class="su-cards" aria-label={t('ui.build.componentsLabel')}>
          {kinds.map((kind) => (
            <KindCard
              key={kind}
              kind={kind}
              region={region}
              money={team.money}
              priceFactor={info.priceFactor}
              client={client}
              team={team}
              whatIf={whatIf}
            />
          ))}
        </ul>
        {features.length > 0 && <PanelHeading level={3}>{t('ui.build.monitoring')}</PanelHeading>}
        <ul class="su-cards" aria-label={t('ui.build.monitoring')}>
          {features.map((feature) => (
            <FeatureCard
              key={feature}
              feature={feature}
              owned={team.features[feature]}
              money={team.money}
              priceFactor={info.priceFactor}
              client={client}
              whatIf={whatIf}
            />
          ))}
        </ul>
      </div>
    </section>
  );
}
