/**
 * A planned command in words, as something still to do: "Buy a Cache in Asia Pacific",
 * "Connect Web server 1 → the new Cache". A component a buy of the plan creates has no number
 * yet, so it is named "the new …". Commands a plan rarely holds are said as the debrief says them.
 */
import type { TeamView } from '../../../shared/sim';
import { commandText } from '../debrief/commandText';
import { componentLabel } from '../names';
import { regionName, type ScenarioInfo } from '../scenarioInfo';
import type { Language } from '../../i18n';
import { createdBy, createdRef, type PlannedCommand } from './change';

type Translate = (key: string, params?: Record<string, string | number>) => string;

export function planCommandText(
  t: Translate,
  lang: Language,
  command: PlannedCommand,
  change: readonly PlannedCommand[],
  team: TeamView,
  info: ScenarioInfo,
): string {
  const component = (id: string): string => {
    const n = createdRef(id);
    if (n !== null) {
      const buy = createdBy(change, n);
      return buy === null ? id : t('ui.forecast.plan.newComponent', { kind: t(`kinds.${buy.kind}.name`) });
    }
    const known = team.components.find((c) => c.id === id);
    return known === undefined ? id : componentLabel(known.id, known.kind);
  };
  const region = (id: string) => regionName(info, id, lang);
  switch (command.type) {
    case 'buy':
      if (command.replicaOf !== undefined) return t('ui.forecast.plan.buyReplica', { of: component(command.replicaOf) });
      return t('ui.forecast.plan.buy', {
        kind: t(`kinds.${command.kind}.name`),
        size: t(`sizes.${command.size ?? 'small'}`),
        region: region(command.region),
      });
    case 'resize':
      return t('ui.forecast.plan.resize', { name: component(command.id), size: t(`sizes.${command.size}`) });
    case 'scale':
      return t('ui.forecast.plan.scale', { name: component(command.id), count: command.count });
    case 'connect':
      return command.from === 'users'
        ? t('ui.forecast.plan.entry', { name: component(command.to) })
        : t('ui.forecast.plan.connect', { from: component(command.from), to: component(command.to) });
    case 'buyFeature':
      return t('ui.forecast.plan.buyFeature', { feature: t(`features.${command.feature}.name`) });
    default:
      return commandText({ t, component, region }, command);
  }
}
