/**
 * A database: a primary chooses its engine, its data sets, failover, sharding and replicas; a
 * read replica can only be resized or promoted (it follows its primary's engine, data and layout).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import {
  DB_ENGINES,
  MAX_COUNT,
  SHARD_KEYS,
  type ComponentView,
  type DbEngine,
  type SettingsChange,
  type ShardKey,
  type TeamView,
} from '../../../shared/sim';
import { clockOf, formatMoney } from '../../i18n';
import { kindPrice } from '../build/prices';
import { ConceptLink } from '../common';
import { useT } from '../hooks';
import { componentLabel } from '../names';
import { regionName, type ScenarioInfo } from '../scenarioInfo';
import { uiState } from '../../state/uiState';
import type { UiClient } from '../uiClient';
import { Choice, SettingRow, Stepper, Toggle } from './controls';
import { plannedCount } from './figures';
import { countChangeQuote, quoteText } from './quote';

export function DatabaseSettings({
  component,
  team,
  client,
  info,
  size,
}: {
  component: ComponentView;
  team: TeamView;
  client: UiClient;
  info: ScenarioInfo;
  size: ComponentChildren;
}) {
  const { t, lang } = useT();
  const c = component;
  const s = c.settings;
  const configure = (change: SettingsChange) => client.send({ type: 'configure', id: c.id, ...change });
  if (s.replicaOf !== undefined) {
    const primary = team.components.find((p) => p.id === s.replicaOf);
    return (
      <>
        <p class="su-role-line">
          {t('ui.inspector.replicaOf')}{' '}
          {primary === undefined ? (
            s.replicaOf
          ) : (
            <button type="button" class="su-link" onClick={() => uiState.update((u) => ({ ...u, selected: primary.id }))}>
              {componentLabel(primary.id, primary.kind)}
            </button>
          )}
        </p>
        {size}
      </>
    );
  }
  const engine = s.engine ?? 'rdbms';
  const partitions = engine === 'nosql' || s.shardKey !== undefined;
  const replicas = team.components.filter((r) => r.settings.replicaOf === c.id);
  return (
    <>
      <Choice<DbEngine>
        setting="engine"
        value={engine}
        options={DB_ENGINES.map((e) => ({ value: e, label: t(`engines.${e}.name`) }))}
        onChange={(next) => configure({ engine: next })}
      />
      <p class="su-help su-choice-blurb">{t(`engines.${engine}.blurb`)}</p>
      {info.datasets.length > 0 && <Datasets component={c} info={info} onChange={(datasets) => configure({ datasets })} />}
      {size}
      {partitions ? (
        <Stepper
          setting="count"
          value={plannedCount(c)}
          min={1}
          max={MAX_COUNT}
          note={quoteText(t, lang, countChangeQuote(team, c, plannedCount(c) + 1, info.priceFactor), 'ui.inspector.addOneQuote')}
          onChange={(count) => client.send({ type: 'scale', id: c.id, count })}
        />
      ) : (
        <p class="su-help su-note">{t('ui.inspector.rdbmsOneBox')}</p>
      )}
      <Toggle
        setting="failover"
        checked={s.failover === 'automatic'}
        onChange={(on) => configure({ failover: on ? 'automatic' : 'manual' })}
      />
      <Replicas component={c} replicas={replicas} client={client} info={info} />
      <Sharding component={c} team={team} client={client} info={info} />
      <Toggle setting="denormalised" checked={s.denormalised === true} onChange={(on) => configure({ denormalised: on })} />
      {c.resharding !== null && (
        <p class="su-help su-note">
          {t('ui.inspector.resharding', {
            shards: c.resharding.shards,
            key: t(`shardKeys.${c.resharding.key}.name`),
            time: t('hud.clock', clockOf(c.resharding.untilTick)),
          })}
        </p>
      )}
    </>
  );
}

function Datasets({ component, info, onChange }: { component: ComponentView; info: ScenarioInfo; onChange: (ids: string[]) => void }) {
  const { lang } = useT();
  const held = component.settings.datasets ?? info.datasets.map((d) => d.id);
  return (
    <SettingRow
      setting="datasets"
      wide
      control={(id) => (
        <div id={id} class="su-checks" role="group">
          {info.datasets.map((d) => (
            <label key={d.id} class="su-check">
              <input
                type="checkbox"
                checked={held.includes(d.id)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  onChange(
                    on ? info.datasets.map((x) => x.id).filter((x) => x === d.id || held.includes(x)) : held.filter((x) => x !== d.id),
                  );
                }}
              />
              {d.name[lang]}
            </label>
          ))}
        </div>
      )}
    />
  );
}

/** Read replicas: list, and buy one in any region (another region is cross-region replication). */
function Replicas({
  component,
  replicas,
  client,
  info,
}: {
  component: ComponentView;
  replicas: ComponentView[];
  client: UiClient;
  info: ScenarioInfo;
}) {
  const { t, lang } = useT();
  const [region, setRegion] = useState(component.region);
  const price = kindPrice('db', info.priceFactor, component.size);
  const instances = Math.max(1, plannedCount(component));
  const label = t('ui.inspector.replicas');
  return (
    <div class="su-setting" data-setting="replicas">
      <div class="su-setting-line">
        <span class="su-setting-label">{label}</span>
        <ConceptLink concept="replication" about={label} />
      </div>
      <p class="su-help">{t('ui.inspector.replicasHelp')}</p>
      {replicas.length > 0 && (
        <ul class="su-mini-list">
          {replicas.map((r) => (
            <li key={r.id}>
              <button type="button" class="su-link" onClick={() => uiState.update((u) => ({ ...u, selected: r.id }))}>
                {componentLabel(r.id, r.kind)}
              </button>{' '}
              <span class="su-muted">{regionName(info, r.region, lang)}</span>
            </li>
          ))}
        </ul>
      )}
      <div class="su-row">
        <select
          aria-label={t('ui.inspector.replicaRegion')}
          value={region}
          onChange={(e) => setRegion((e.currentTarget as HTMLSelectElement).value)}
        >
          {info.regions.map((r) => (
            <option key={r.id} value={r.id}>
              {regionName(info, r.id, lang)}
            </option>
          ))}
        </select>
        <button type="button" class="su-btn" onClick={() => client.send({ type: 'buy', kind: 'db', region, replicaOf: component.id })}>
          {t('ui.inspector.addReplica', { price: formatMoney(lang, price.buy * instances) })}
        </button>
      </div>
      {region !== component.region && <p class="su-help su-note">{t('settings.crossRegionReplication.help')}</p>}
    </div>
  );
}

/** Sharding key and shard count. A one-instance database takes a new key at once; otherwise it reshards. */
function Sharding({ component, team, client, info }: { component: ComponentView; team: TeamView; client: UiClient; info: ScenarioInfo }) {
  const { t, lang } = useT();
  const current = component.settings.shardKey;
  const [key, setKey] = useState<ShardKey>(current ?? 'userIdHash');
  const [shards, setShards] = useState(Math.max(2, plannedCount(component)));
  const busy = component.resharding !== null || component.resizingTo !== null;
  // New shards are bought for the database and each of its replicas when the command is sent.
  const quote = countChangeQuote(team, component, shards, info.priceFactor);
  const affordable = quote.oneOff <= team.money;
  return (
    <div class="su-subform">
      <Choice<ShardKey>
        setting="shardKey"
        value={key}
        options={SHARD_KEYS.map((k) => ({ value: k, label: t(`shardKeys.${k}.name`) }))}
        onChange={setKey}
      />
      <p class="su-help su-choice-blurb">{t(`shardKeys.${key}.blurb`)}</p>
      <SettingRow
        setting="shardCount"
        control={(id) => (
          <input
            id={id}
            type="number"
            min={1}
            max={MAX_COUNT}
            step={1}
            value={shards}
            onInput={(e) => {
              const n = Math.round(Number((e.currentTarget as HTMLInputElement).value));
              if (Number.isFinite(n)) setShards(n);
            }}
          />
        )}
      />
      <button
        type="button"
        class="su-btn su-btn-primary"
        disabled={busy || !affordable || shards < 1 || shards > MAX_COUNT || (key === current && shards === plannedCount(component))}
        onClick={() => client.send({ type: 'reshard', id: component.id, shards, key })}
      >
        {current === undefined ? t('ui.inspector.shard', { shards }) : t('ui.inspector.reshard', { shards })}
      </button>
      <p class={`su-help${affordable ? '' : ' su-note'}`}>
        {affordable
          ? quoteText(t, lang, quote, 'ui.inspector.quote')
          : t('ui.inspector.cannotAfford', { oneOff: formatMoney(lang, quote.oneOff), money: formatMoney(lang, team.money) })}
      </p>
    </div>
  );
}
