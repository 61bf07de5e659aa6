/** One kind in the shop: its icon (the picture on its card in the diagram), name, "?", blurb, price and running cost, and Buy (a database also picks its engine). */
import { useState } from 'preact/hooks';
import type { ComponentKindName, DbEngine, TeamView } from '../../../shared/sim';
import { ConceptLink } from '../common';
import { KIND_CONCEPT } from '../conceptLinks';
import { Icon } from '../Icon';
import { useT } from '../hooks';
import type { UiClient } from '../uiClient';
import { uiState } from '../../state/uiState';
import { buyPlan } from '../forecast/buyPlan';
import { WhatIfButton } from '../forecast/WhatIfButton';
import { PriceAndBuy } from './PriceAndBuy';
import { kindPrice } from './prices';

const ENGINES: DbEngine[] = ['rdbms', 'nosql'];

export function KindCard({
  kind,
  region,
  money,
  priceFactor,
  client,
  team,
  whatIf,
}: {
  kind: ComponentKindName;
  region: string;
  money: number;
  priceFactor: number;
  client: UiClient;
  team: TeamView;
  /** Whether "What if?" is offered (a player of a running live game). */
  whatIf: boolean;
}) {
  const { t } = useT();
  const [engine, setEngine] = useState<DbEngine>('rdbms');
  const price = kindPrice(kind, priceFactor);
  const name = t(`kinds.${kind}.name`);
  const buy = () => client.send(kind === 'db' ? { type: 'buy', kind, region, engine } : { type: 'buy', kind, region });
  return (
    <li class="su-card" data-kind={kind}>
      <div class="su-card-top">
        <Icon name={kind} size={18} class="su-kind-icon" />
        <span class="su-card-name">{name}</span>
        <ConceptLink concept={KIND_CONCEPT[kind]} about={name} />
      </div>
      <p class="su-card-blurb">{t(`kinds.${kind}.blurb`)}</p>
      {kind === 'db' && (
        <label class="su-field su-inline">
          <span class="su-field-label">{t('settings.engine.label')}</span>
          <select value={engine} onChange={(e) => setEngine((e.currentTarget as HTMLSelectElement).value as DbEngine)}>
            {ENGINES.map((e) => (
              <option key={e} value={e}>
                {t(`engines.${e}.name`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <div class="su-card-foot">
        <PriceAndBuy
          name={name}
          price={price}
          money={money}
          onBuy={buy}
          whatIf={
            whatIf && (
              <WhatIfButton
                about={t('ui.forecast.buyAbout', { name })}
                commands={() => buyPlan(team, kind, region, uiState.get().selected, kind === 'db' ? engine : undefined)}
              />
            )
          }
        />
      </div>
    </li>
  );
}
