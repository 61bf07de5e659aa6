/**
 * The settings a component's kind has (shared/sim/commands/configure.ts SETTING_KINDS),
 * each sending its command at once: size (resize), instance count (scale), and the kind's own
 * switches and choices. A database's settings live in DatabaseSettings.
 */
import {
  CACHE_POLICIES,
  CACHE_STRATEGIES,
  KINDS,
  MAX_COUNT,
  type CachePolicy,
  type CacheStrategy,
  type ComponentView,
  type SettingsChange,
  type SizeName,
  type TeamView,
} from '../../../shared/sim';
import { resizeQuote } from '../../../shared/sim/commands/quotes';
import { formatMoney, formatSeconds } from '../../i18n';
import { kindPrice, sizeSpec } from '../build/prices';
import { useT } from '../hooks';
import type { ScenarioInfo } from '../scenarioInfo';
import type { UiClient } from '../uiClient';
import { AutoscalingForm } from './AutoscalingForm';
import { Choice, Stepper, Toggle } from './controls';
import { DatabaseSettings } from './DatabaseSettings';
import { plannedCount, sizeDiskGb } from './figures';
import { priced, signedMoney } from './quote';

const CACHE_TTLS = [30, 60, 300, 900, 3600, 86400];
const CDN_TTLS = [300, 3600, 86400, 604800];

function SizeChoice({ component, client, priceFactor }: { component: ComponentView; client: UiClient; priceFactor: number }) {
  const { t, lang } = useT();
  const sizes = KINDS[component.kind].sizes;
  if (sizes.length < 2) return null;
  // The cache's size is its memory: the label says so, since memory is what sets its hit ratio.
  const setting = component.kind === 'cache' ? 'cacheMemory' : 'size';
  return (
    <Choice<SizeName>
      setting={setting}
      value={component.resizingTo ?? component.size}
      disabled={component.resizingTo !== null}
      options={sizes.map((size) => {
        const spec = sizeSpec(size);
        // A database's size also sets its disk, which its data fills up.
        const disk = sizeDiskGb(component.kind, size);
        const facts = { size: t(`sizes.${size}`), vcpu: spec.vcpu, memory: spec.memoryGb, disk: disk ?? 0 };
        const keys =
          disk === null
            ? { now: 'sizeOptionCurrent', quote: 'sizeOptionQuote' }
            : { now: 'sizeOptionDiskCurrent', quote: 'sizeOptionDiskQuote' };
        if (size === component.size) return { value: size, label: t(`ui.inspector.${keys.now}`, facts) };
        // What moving every instance to this size costs: charged when chosen.
        const quote = resizeQuote(priced(component), size, priceFactor);
        return {
          value: size,
          label: t(`ui.inspector.${keys.quote}`, {
            ...facts,
            oneOff: formatMoney(lang, quote.oneOff),
            change: signedMoney(lang, quote.perDay),
          }),
        };
      })}
      onChange={(size) => client.send({ type: 'resize', id: component.id, size })}
    />
  );
}

function CountStepper({ component, client, priceFactor }: { component: ComponentView; client: UiClient; priceFactor: number }) {
  const { t, lang } = useT();
  const planned = plannedCount(component);
  const setting = component.kind === 'worker' ? 'workers' : 'count';
  const colocated = component.settings.colocatedDb === true;
  const price = kindPrice(component.kind, priceFactor, component.size);
  const note = colocated
    ? t('ui.inspector.colocatedSingle')
    : t('ui.inspector.addCost', { price: formatMoney(lang, price.buy), perDay: formatMoney(lang, price.perDay) });
  return (
    <Stepper
      setting={setting}
      value={planned}
      min={1}
      max={colocated ? 1 : MAX_COUNT}
      note={note}
      warn={colocated}
      onChange={(count) => client.send({ type: 'scale', id: component.id, count })}
    />
  );
}

function TtlChoice({
  component,
  client,
  setting,
  choices,
}: {
  component: ComponentView;
  client: UiClient;
  setting: string;
  choices: number[];
}) {
  const { lang } = useT();
  const current = component.settings.ttlSeconds;
  const values = current !== undefined && !choices.includes(current) ? [...choices, current].sort((a, b) => a - b) : choices;
  return (
    <Choice<number>
      setting={setting}
      value={current ?? ''}
      options={values.map((s) => ({ value: s, label: formatSeconds(lang, s) }))}
      onChange={(ttlSeconds) => client.send({ type: 'configure', id: component.id, ttlSeconds })}
    />
  );
}

export function KindSettings({
  component,
  team,
  client,
  info,
}: {
  component: ComponentView;
  team: TeamView;
  client: UiClient;
  info: ScenarioInfo;
}) {
  const { t } = useT();
  const c = component;
  const s = c.settings;
  const configure = (change: SettingsChange) => client.send({ type: 'configure', id: c.id, ...change });
  const size = <SizeChoice component={c} client={client} priceFactor={info.priceFactor} />;
  const count = <CountStepper component={c} client={client} priceFactor={info.priceFactor} />;
  switch (c.kind) {
    case 'lb':
      return <Toggle setting="healthChecks" checked={s.healthChecks === true} onChange={(on) => configure({ healthChecks: on })} />;
    case 'web':
      return (
        <>
          <Toggle setting="colocatedDb" checked={s.colocatedDb === true} onChange={(on) => configure({ colocatedDb: on })} />
          {size}
          {count}
          <AutoscalingForm component={c} client={client} priceFactor={info.priceFactor} />
        </>
      );
    case 'worker':
      return (
        <>
          {size}
          {count}
          <AutoscalingForm component={c} client={client} priceFactor={info.priceFactor} />
        </>
      );
    case 'db':
      return <DatabaseSettings component={c} team={team} client={client} info={info} size={size} />;
    case 'cache':
      return (
        <>
          {size}
          {count}
          <Choice<CacheStrategy>
            setting="cacheStrategy"
            value={s.cacheStrategy ?? 'lookAside'}
            options={CACHE_STRATEGIES.map((v) => ({ value: v, label: t(`cacheStrategies.${v}.name`) }))}
            onChange={(cacheStrategy) => configure({ cacheStrategy })}
          />
          <p class="su-help su-choice-blurb">{t(`cacheStrategies.${s.cacheStrategy ?? 'lookAside'}.blurb`)}</p>
          <Choice<CachePolicy>
            setting="cachePolicy"
            value={s.cachePolicy ?? 'lru'}
            options={CACHE_POLICIES.map((v) => ({ value: v, label: t(`cachePolicies.${v}.name`) }))}
            onChange={(cachePolicy) => configure({ cachePolicy })}
          />
          <p class="su-help su-choice-blurb">{t(`cachePolicies.${s.cachePolicy ?? 'lru'}.blurb`)}</p>
          <TtlChoice component={c} client={client} setting="ttl" choices={CACHE_TTLS} />
        </>
      );
    case 'cdn':
      return (
        <>
          <TtlChoice component={c} client={client} setting="cdnTtl" choices={CDN_TTLS} />
          <Toggle setting="versioning" checked={s.versioning === true} onChange={(on) => configure({ versioning: on })} />
          <Toggle setting="originFallback" checked={s.originFallback === true} onChange={(on) => configure({ originFallback: on })} />
        </>
      );
    case 'sessionStore':
      return (
        <>
          {size}
          {count}
        </>
      );
    case 'queue':
      return (
        <>
          <Toggle setting="durable" checked={s.durable === true} onChange={(on) => configure({ durable: on })} />
          {size}
          {count}
        </>
      );
  }
}
