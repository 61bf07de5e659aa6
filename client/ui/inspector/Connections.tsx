/**
 * Where a component sends traffic and where it comes from. A connection is made by picking the
 * target here (keyboard-friendly), or with "Pick on the diagram", which sets
 * `uiState.connectingFrom` for the diagram to complete with a click. Balancers and web servers can
 * also be the DNS entry of their region: where that region's users arrive.
 */
import { USERS, type ComponentView, type TeamView } from '../../../shared/sim';
import { ALLOWED_LINKS } from '../../../shared/sim/core/topology';
import { useState } from 'preact/hooks';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { componentLabel } from '../names';
import { regionName, type ScenarioInfo } from '../scenarioInfo';
import { uiState } from '../../state/uiState';
import type { UiClient } from '../uiClient';

function select(id: string): void {
  uiState.update((u) => ({ ...u, selected: id }));
}

export function Connections({
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
  const allowed = ALLOWED_LINKS[c.kind];
  const candidates = team.components.filter((o) => o.id !== c.id && allowed.includes(o.kind) && !c.targets.includes(o.id));
  const [target, setTarget] = useState('');
  const chosen = candidates.some((o) => o.id === target) ? target : (candidates[0]?.id ?? '');
  const incoming = team.components.filter((o) => o.targets.includes(c.id));
  const canBeEntry = ALLOWED_LINKS.users.includes(c.kind);
  const isEntry = team.entries[c.region] === c.id;
  const region = regionName(info, c.region, lang);
  const byId = new Map(team.components.map((o) => [o.id, o]));
  const label = (id: string) => {
    const o = byId.get(id);
    return o === undefined ? id : componentLabel(o.id, o.kind);
  };
  return (
    <div class="su-connections">
      {canBeEntry && (
        <div class="su-entry">
          {isEntry ? (
            <>
              <p>{t('ui.inspector.entryHere', { region })}</p>
              <button type="button" class="su-btn su-btn-quiet" onClick={() => client.send({ type: 'disconnect', from: USERS, to: c.id })}>
                {t('ui.inspector.entryRemove')}
              </button>
            </>
          ) : (
            <button type="button" class="su-btn" data-entry-make onClick={() => client.send({ type: 'connect', from: USERS, to: c.id })}>
              {t('ui.inspector.entryMake', { region })}
            </button>
          )}
        </div>
      )}
      {incoming.length > 0 && (
        <p class="su-help">
          {t('ui.inspector.receivesFrom')}{' '}
          {incoming.map((o, i) => (
            <span key={o.id}>
              {i > 0 && ', '}
              <button type="button" class="su-link" onClick={() => select(o.id)}>
                {componentLabel(o.id, o.kind)}
              </button>
            </span>
          ))}
        </p>
      )}
      {allowed.length === 0 && !canBeEntry && (
        <p class="su-help">{t(c.kind === 'cdn' ? 'ui.inspector.cdnNoLinks' : 'ui.inspector.noOutgoing')}</p>
      )}
      {allowed.length > 0 && (
        <>
          <p class="su-help">{t('ui.inspector.sendsTo', { kinds: allowed.map((k) => t(`kinds.${k}.name`)).join(', ') })}</p>
          {c.targets.length > 0 && (
            <ul class="su-mini-list" aria-label={t('ui.inspector.targetsLabel')}>
              {c.targets.map((id) => (
                <li key={id}>
                  <button type="button" class="su-link" onClick={() => select(id)}>
                    {label(id)}
                  </button>
                  <button
                    type="button"
                    class="su-btn su-btn-small su-btn-quiet"
                    aria-label={t('ui.inspector.disconnectNamed', { name: label(id) })}
                    onClick={() => client.send({ type: 'disconnect', from: c.id, to: id })}
                  >
                    {t('ui.inspector.disconnect')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div class="su-row">
            <select
              aria-label={t('ui.inspector.connectTarget')}
              value={chosen}
              disabled={candidates.length === 0}
              onChange={(e) => setTarget((e.currentTarget as HTMLSelectElement).value)}
            >
              {candidates.length === 0 && <option value="">{t('ui.inspector.noCandidates')}</option>}
              {candidates.map((o) => (
                <option key={o.id} value={o.id}>
                  {componentLabel(o.id, o.kind)} · {regionName(info, o.region, lang)}
                </option>
              ))}
            </select>
            <button
              type="button"
              class="su-btn"
              disabled={chosen === ''}
              onClick={() => client.send({ type: 'connect', from: c.id, to: chosen })}
            >
              <Icon name="link" />
              {t('ui.inspector.connect')}
            </button>
          </div>
          <button
            type="button"
            class="su-btn su-btn-quiet"
            aria-pressed={connectingFrom === c.id}
            disabled={candidates.length === 0 && connectingFrom !== c.id}
            onClick={() => uiState.update((u) => ({ ...u, connectingFrom: u.connectingFrom === c.id ? null : c.id }))}
          >
            {connectingFrom === c.id ? t('ui.inspector.pickCancel') : t('ui.inspector.pickOnDiagram')}
          </button>
          {candidates.length > 0 && <p class="su-help">{t('ui.inspector.dragHint')}</p>}
        </>
      )}
    </div>
  );
}
