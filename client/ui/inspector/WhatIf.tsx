/**
 * "What if…" for the selected component: the decisions its settings make at once, asked about
 * first. Another size, another instance count, and the kind's most telling switch (health checks,
 * autoscaling, a read replica, a durable queue), each opening the forecast (or adding to it).
 */
import { useState } from 'preact/hooks';
import { KINDS, MAX_COUNT, type ComponentView, type SizeName } from '../../../shared/sim';
import type { PlannedCommand } from '../forecast/change';
import { WhatIfButton } from '../forecast/WhatIfButton';
import { useT } from '../hooks';
import { componentLabel } from '../names';
import { defaultRule } from './AutoscalingForm';
import { plannedCount } from './figures';

/** The size asked about first: one up, or at the top one down. */
function nextSize(component: ComponentView): SizeName | null {
  const sizes = KINDS[component.kind].sizes;
  const at = sizes.indexOf(component.size);
  return sizes[at + 1] ?? sizes[at - 1] ?? null;
}

/** Whether the instance count can be changed (a relational database and a web server hosting its database are one box). */
function scalable(component: ComponentView): boolean {
  const s = component.settings;
  if (component.kind === 'lb' || component.kind === 'cdn' || s.colocatedDb === true || s.replicaOf !== undefined) return false;
  if (component.kind === 'db') return s.engine === 'nosql' || s.shardKey !== undefined;
  return true;
}

/** The kind's most telling switch as a what-if: the question's name among the locales' quick questions, and its command. */
function quickQuestion(component: ComponentView): { key: string; commands: PlannedCommand[] } | null {
  const c = component;
  const s = c.settings;
  switch (c.kind) {
    case 'lb':
      return {
        key: s.healthChecks === true ? 'healthChecksOff' : 'healthChecksOn',
        commands: [{ type: 'configure', id: c.id, healthChecks: s.healthChecks !== true }],
      };
    case 'web':
    case 'worker':
      if (s.autoscaling?.enabled === true || s.colocatedDb === true) return null;
      return { key: 'autoscaling', commands: [{ type: 'configure', id: c.id, autoscaling: defaultRule(plannedCount(c)) }] };
    case 'db':
      if (s.replicaOf !== undefined) return null;
      return { key: 'replica', commands: [{ type: 'buy', kind: 'db', region: c.region, replicaOf: c.id }] };
    case 'queue':
      return {
        key: s.durable === true ? 'durableOff' : 'durableOn',
        commands: [{ type: 'configure', id: c.id, durable: s.durable !== true }],
      };
    default:
      return null;
  }
}

export function WhatIf({ component }: { component: ComponentView }) {
  const { t } = useT();
  const c = component;
  const name = componentLabel(c.id, c.kind);
  const sizes = KINDS[c.kind].sizes.filter((size) => size !== c.size);
  const [pickedSize, setSize] = useState<SizeName | null>(null);
  const size = pickedSize !== null && sizes.includes(pickedSize) ? pickedSize : nextSize(c);
  const planned = plannedCount(c);
  const counts = Array.from({ length: Math.min(MAX_COUNT, planned + 8) }, (_, i) => i + 1).filter((n) => n !== planned);
  const [pickedCount, setCount] = useState<number | null>(null);
  const count = pickedCount !== null && counts.includes(pickedCount) ? pickedCount : planned + 1;
  const quick = quickQuestion(c);
  return (
    <div class="su-whatif-section">
      <p class="su-help">{t('ui.forecast.inspectorHelp')}</p>
      {size !== null && c.resizingTo === null && (
        <div class="su-whatif-row">
          <span class="su-whatif-label">{t(`settings.${c.kind === 'cache' ? 'cacheMemory' : 'size'}.label`)}</span>
          <select
            aria-label={t('ui.forecast.sizeLabel', { name })}
            value={size}
            onChange={(e) => setSize((e.currentTarget as HTMLSelectElement).value as SizeName)}
          >
            {sizes.map((s) => (
              <option key={s} value={s}>
                {t(`sizes.${s}`)}
              </option>
            ))}
          </select>
          <WhatIfButton
            small
            about={t('ui.forecast.plan.resize', { name, size: t(`sizes.${size}`) })}
            commands={() => [{ type: 'resize', id: c.id, size }]}
          />
        </div>
      )}
      {scalable(c) && (
        <div class="su-whatif-row">
          <span class="su-whatif-label">{t(`settings.${c.kind === 'worker' ? 'workers' : 'count'}.label`)}</span>
          <select
            aria-label={t('ui.forecast.countLabel', { name })}
            value={count}
            onChange={(e) => setCount(Number((e.currentTarget as HTMLSelectElement).value))}
          >
            {counts.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <WhatIfButton small about={t('ui.forecast.plan.scale', { name, count })} commands={() => [{ type: 'scale', id: c.id, count }]} />
        </div>
      )}
      {quick !== null && (
        <div class="su-whatif-quick">
          <WhatIfButton
            small
            text={t(`ui.forecast.quick.${quick.key}`)}
            about={t(`ui.forecast.quick.${quick.key}`)}
            commands={() => quick.commands}
          />
        </div>
      )}
    </div>
  );
}
