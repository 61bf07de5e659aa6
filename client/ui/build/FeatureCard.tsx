/** A monitoring or automation feature: what it reveals, its price, and Buy or (once owned) Cancel. */
import type { Feature } from '../../../shared/sim';
import { formatMoney } from '../../i18n';
import { Badge, ConceptLink } from '../common';
import { FEATURE_CONCEPT } from '../conceptLinks';
import { useT } from '../hooks';
import type { UiClient } from '../uiClient';
import { WhatIfButton } from '../forecast/WhatIfButton';
import { PriceAndBuy } from './PriceAndBuy';
import { featurePrice } from './prices';

export function FeatureCard({
  feature,
  owned,
  money,
  priceFactor,
  client,
  whatIf,
}: {
  feature: Feature;
  owned: boolean;
  money: number;
  priceFactor: number;
  client: UiClient;
  /** Whether "What if?" is offered (a player of a running live game). */
  whatIf: boolean;
}) {
  const { t, lang } = useT();
  const price = featurePrice(feature, priceFactor);
  const name = t(`features.${feature}.name`);
  return (
    <li class={`su-card${owned ? ' su-card-owned' : ''}`} data-feature={feature}>
      <div class="su-card-top">
        <span class="su-card-name">{name}</span>
        <ConceptLink concept={FEATURE_CONCEPT[feature]} about={name} />
      </div>
      <p class="su-card-blurb">{t(`features.${feature}.blurb`)}</p>
      <div class="su-card-foot">
        {owned ? (
          <>
            <Badge tone="good">{t('ui.build.owned')}</Badge>
            <span class="su-price-day">{t('ui.units.perDay', { value: formatMoney(lang, price.perDay) })}</span>
            <button
              type="button"
              class="su-btn su-btn-quiet"
              aria-label={t('ui.build.cancelNamed', { name })}
              onClick={() => client.send({ type: 'dropFeature', feature })}
            >
              {t('ui.build.cancel')}
            </button>
          </>
        ) : (
          <PriceAndBuy
            name={name}
            price={price}
            money={money}
            onBuy={() => client.send({ type: 'buyFeature', feature })}
            whatIf={
              whatIf && <WhatIfButton about={t('ui.forecast.buyAbout', { name })} commands={() => [{ type: 'buyFeature', feature }]} />
            }
          />
        )}
      </div>
    </li>
  );
}
