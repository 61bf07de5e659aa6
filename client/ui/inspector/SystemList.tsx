/**
 * Every component the team owns, by region, each a button that selects it: the way in for
 * keyboard and screen-reader players (and tests), who cannot click boxes on the canvas.
 */
import type { TeamView } from '../../../shared/sim';
import { Badge } from '../common';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { componentLabel } from '../names';
import { regionName, type ScenarioInfo } from '../scenarioInfo';
import { uiState } from '../../state/uiState';
import { healthLook } from './healthLook';

export function SystemList({ team, info }: { team: TeamView; info: ScenarioInfo }) {
  const { t, lang } = useT();
  const regions = info.regions.filter((r) => team.components.some((c) => c.region === r.id));
  return (
    <section class="su-panel su-system" aria-labelledby="su-system-title">
      <div class="su-panel-head">
        <h2 class="su-heading" id="su-system-title">
          {t('ui.system.title')}
        </h2>
      </div>
      <div class="su-panel-body">
        <p class="su-help">{t('ui.system.hint')}</p>
        {team.components.length === 0 && <p class="su-muted">{t('ui.system.empty')}</p>}
        {regions.map((r) => {
          const entry = team.entries[r.id];
          return (
            <div key={r.id} class="su-region-group">
              <h3 class="su-subheading">{regionName(info, r.id, lang)}</h3>
              {entry === undefined && <p class="su-help su-note">{t('ui.system.noEntry')}</p>}
              <ul class="su-system-list">
                {team.components
                  .filter((c) => c.region === r.id)
                  .map((c) => {
                    const look = healthLook(c);
                    return (
                      <li key={c.id}>
                        <button
                          type="button"
                          class="su-system-item"
                          data-component={c.id}
                          onClick={() => uiState.update((u) => ({ ...u, selected: c.id }))}
                        >
                          <Icon name={c.kind} size={16} class="su-kind-icon" />
                          <span class="su-system-name">
                            {componentLabel(c.id, c.kind)}
                            {entry === c.id && <span class="su-entry-tag">{t('ui.system.entry')}</span>}
                          </span>
                          <span class="su-system-count">
                            {c.provisioning > 0
                              ? t('ui.system.countProvisioning', { count: c.count, size: t(`sizes.${c.size}`), more: c.provisioning })
                              : t('ui.system.count', { count: c.count, size: t(`sizes.${c.size}`) })}
                          </span>
                          <Badge tone={look.tone}>{t(look.key)}</Badge>
                        </button>
                      </li>
                    );
                  })}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}
