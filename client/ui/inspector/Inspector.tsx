/**
 * The selected component: what it is and where, its state, its figures (as far as monitoring
 * shows them), its settings, "what if" questions about them (in a live game), its connections and
 * what can be done to it.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ComponentView, TeamView } from '../../../shared/sim';
import { Badge, ConceptLink } from '../common';
import { KIND_CONCEPT } from '../conceptLinks';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { componentLabel } from '../names';
import { regionName, type ScenarioInfo } from '../scenarioInfo';
import { uiState } from '../../state/uiState';
import type { UiClient } from '../uiClient';
import { Actions } from './Actions';
import { Connections } from './Connections';
import { FigureList } from './FigureList';
import { healthLook } from './healthLook';
import { KindSettings } from './KindSettings';
import { whatIfClient } from '../forecast/forecastClient';
import { WhatIf } from './WhatIf';

export function Inspector({
  component,
  team,
  client,
  info,
  connectingFrom,
}: {
  component: ComponentView;
  team: TeamView;
  client: UiClient;
  info: ScenarioInfo;
  connectingFrom: string | null;
}) {
  const { t, lang } = useT();
  const c = component;
  const label = componentLabel(c.id, c.kind);
  const kindName = t(`kinds.${c.kind}.name`);
  const look = healthLook(c);
  // Another component starts at its top, not at the scroll position of the last one.
  const body = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (body.current !== null) body.current.scrollTop = 0;
  }, [c.id]);
  return (
    <section class="su-panel su-inspector" aria-labelledby="su-inspector-title" data-component={c.id}>
      <div class="su-panel-head">
        <button
          type="button"
          class="su-btn su-btn-icon"
          aria-label={t('ui.inspector.back')}
          aria-keyshortcuts="Escape"
          title={t('ui.inspector.backKey')}
          onClick={() => uiState.update((u) => ({ ...u, selected: null, connectingFrom: null }))}
        >
          <Icon name="chevronLeft" />
        </button>
        <h2 class="su-heading" id="su-inspector-title">
          <Icon name={c.kind} size={16} class="su-kind-icon" />
          {label}
        </h2>
        <ConceptLink concept={KIND_CONCEPT[c.kind]} about={kindName} />
      </div>
      <div class="su-panel-body" ref={body}>
        <p class="su-status-line">
          <Badge tone={look.tone}>{t(look.key)}</Badge>
          <span class="su-muted">
            {t('ui.inspector.where', { region: regionName(info, c.region, lang), size: t(`sizes.${c.size}`), count: c.count })}
          </span>
        </p>
        {c.provisioning > 0 && <p class="su-help">{t('ui.inspector.provisioning', { count: c.provisioning })}</p>}
        {c.resizingTo !== null && <p class="su-help su-note">{t('ui.inspector.resizing', { size: t(`sizes.${c.resizingTo}`) })}</p>}
        <details class="su-section" open>
          <summary>{t('ui.inspector.figures')}</summary>
          <FigureList component={c} team={team} priceFactor={info.priceFactor} client={client} />
        </details>
        <details class="su-section" open>
          <summary>{t('ui.inspector.settings')}</summary>
          <KindSettings component={c} team={team} client={client} info={info} />
        </details>
        {whatIfClient(client) !== null && (
          <details class="su-section" open data-section="whatIf">
            <summary>{t('ui.forecast.inspectorTitle')}</summary>
            <WhatIf component={c} />
          </details>
        )}
        <details class="su-section" open>
          <summary>{t('ui.inspector.connections')}</summary>
          <Connections component={c} team={team} client={client} info={info} connectingFrom={connectingFrom} />
        </details>
        <Actions component={c} client={client} label={label} />
      </div>
    </section>
  );
}
