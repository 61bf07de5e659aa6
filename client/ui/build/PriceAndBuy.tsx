/**
 * The foot of a shop card: what it costs now and per day, "What if?" when the game can forecast,
 * and the Buy button (off when too dear).
 */
import type { ComponentChildren } from 'preact';
import { formatMoney } from '../../i18n';
import { useT } from '../hooks';

export function PriceAndBuy({
  name,
  price,
  money,
  onBuy,
  whatIf,
}: {
  name: string;
  price: { buy: number; perDay: number };
  money: number;
  onBuy: () => void;
  whatIf?: ComponentChildren;
}) {
  const { t, lang } = useT();
  const affordable = price.buy <= money;
  return (
    <>
      <span class="su-price">
        <span class="su-price-buy">{formatMoney(lang, price.buy)}</span>
        <span class="su-price-day">{t('ui.build.perDay', { cost: formatMoney(lang, price.perDay) })}</span>
      </span>
      {whatIf}
      <button
        type="button"
        class="su-btn su-btn-primary"
        aria-label={t('ui.build.buyNamed', { name })}
        disabled={!affordable}
        title={affordable ? undefined : t('ui.build.tooExpensive')}
        onClick={onBuy}
      >
        {t('ui.build.buy')}
      </button>
    </>
  );
}
