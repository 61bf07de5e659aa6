/** A monitoring or automation feature: what it reveals, its price, and Buy or (once owned) Cancel. */
import type { Feature } from '../../../shared/sim';
import { formatMoney } from '../../i18n';
import { Badge, ConceptLink } from '../common';
import { FEATURE_CONCEPT } from '../conceptLinks';
import { useT } from '../hooks';
import type { UiClient } from '../uiClient';
import { featurePrice } from './prices';

export function FeatureCard({ feature, owned, money, priceFactor, client }: { feature: Feature; owned: boolean; money: number; priceFactor: number; client: UiClient }) {
  const { t, lang } = useT();
  const price = featurePrice(feature, priceFactor);
  const name = t(`features.${feature}.name`);
  const affordable = price.buy <= money;
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
            <button type="button" class="su-btn su-btn-quiet" aria-label={t('ui.build.cancelNamed', { name })} onClick={() => client.send({ type: 'dropFeature', feature })}>
              {t('ui.build.cancel')}
            </button>
          </>
        ) : (
          <>
            <span class="su-price">
              <span class="su-price-buy">{formatMoney(lang, price.buy)}</span>
              <span class="su-price-day">{t('ui.build.perDay', { cost: formatMoney(lang, price.perDay) })}</span>
            </span>
            <button
              type="button"
              class="su-btn su-btn-primary"
              aria-label={t('ui.build.buyNamed', { name })}
              disabled={!affordable}
              title={affordable ? undefined : t('ui.build.tooExpensive')}
              onClick={() => client.send({ type: 'buyFeature', feature })}
            >
              {t('ui.build.buy')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
