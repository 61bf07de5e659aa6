/**
 * A command as a line of the debrief, in the player's language: "Bought a Web server (small) in
 * Asia Pacific", "Turned on health checks on Load balancer 3". Pure: the debrief's list and the
 * incident reports say commands the same way.
 */
import type { Command } from '../../../shared/sim';

type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface CommandNames {
  t: Translate;
  component(id: string): string;
  region(id: string): string;
}

/** Settings whose values have names of their own in the locales. */
const VALUE_NAMES: Record<string, string> = {
  engine: 'engines',
  shardKey: 'shardKeys',
  cachePolicy: 'cachePolicies',
  cacheStrategy: 'cacheStrategies',
};

/** The settings a configure command changed, as "name: value" pairs. */
function settingsText(names: CommandNames, command: Extract<Command, { type: 'configure' }>): string {
  const { t } = names;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(command)) {
    if (key === 'type' || key === 'id' || value === undefined) continue;
    let shown: string;
    if (typeof value === 'boolean') shown = t(value ? 'ui.commands.on' : 'ui.commands.off');
    else if (key in VALUE_NAMES) shown = t(`${VALUE_NAMES[key]}.${String(value)}.name`);
    else if (key === 'failover') shown = t(value === 'automatic' ? 'ui.commands.on' : 'ui.commands.off');
    else if (key === 'ttlSeconds') shown = t('ui.commands.seconds', { value: Number(value) });
    else if (key === 'autoscaling' && typeof value === 'object' && value !== null && 'enabled' in value) {
      const rule = value as { enabled: boolean; min: number; max: number };
      shown = rule.enabled ? t('ui.commands.autoscalingRule', { min: rule.min, max: rule.max }) : t('ui.commands.off');
    } else if (Array.isArray(value)) shown = value.join(', ');
    else shown = String(value);
    parts.push(`${t(`settings.${key === 'ttlSeconds' ? 'ttl' : key}.label`)}: ${shown}`);
  }
  return parts.join(', ');
}

export function commandText(names: CommandNames, command: Command): string {
  const { t, component, region } = names;
  switch (command.type) {
    case 'buy': {
      const kind = t(`kinds.${command.kind}.name`);
      const size = command.size === undefined ? '' : ` (${t(`sizes.${command.size}`)})`;
      if (command.replicaOf !== undefined)
        return t('ui.commands.buyReplica', { of: component(command.replicaOf), region: region(command.region) });
      return t('ui.commands.buy', { kind: `${kind}${size}`, count: command.count ?? 1, region: region(command.region) });
    }
    case 'remove':
      return t('ui.commands.remove', { name: component(command.id) });
    case 'resize':
      return t('ui.commands.resize', { name: component(command.id), size: t(`sizes.${command.size}`) });
    case 'scale':
      return t('ui.commands.scale', { name: component(command.id), count: command.count });
    case 'connect':
      return command.from === 'users'
        ? t('ui.commands.entry', { name: component(command.to) })
        : t('ui.commands.connect', { from: component(command.from), to: component(command.to) });
    case 'disconnect':
      return command.from === 'users'
        ? t('ui.commands.entryRemoved', { name: component(command.to) })
        : t('ui.commands.disconnect', { from: component(command.from), to: component(command.to) });
    case 'configure':
      return t('ui.commands.configure', { name: component(command.id), settings: settingsText(names, command) });
    case 'restart':
      return t('ui.commands.restart', { name: component(command.id) });
    case 'rollback':
      return t('ui.commands.rollback');
    case 'promote':
      return t('ui.commands.promote', { name: component(command.id) });
    case 'reshard':
      return t('ui.commands.reshard', { name: component(command.id), shards: command.shards, key: t(`shardKeys.${command.key}.name`) });
    case 'invalidate':
      return t('ui.commands.invalidate', { name: component(command.id) });
    case 'buyFeature':
      return t('ui.commands.buyFeature', { feature: t(`features.${command.feature}.name`) });
    case 'dropFeature':
      return t('ui.commands.dropFeature', { feature: t(`features.${command.feature}.name`) });
    case 'geoRoute':
      return t('ui.commands.geoRoute', {
        region: region(command.region),
        weights: Object.entries(command.weights)
          .map(([to, weight]) => `${region(to)} ${weight}`)
          .join(', '),
      });
    case 'inject':
      return t('ui.commands.inject', { incident: t(`incidents.${command.incident.type}.name`) });
  }
}
