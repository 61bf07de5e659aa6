/**
 * What one team built, revealed at the end of a match: its instances of each kind, the regions it
 * ran in, its monitoring and automation, who played, and the way into its debrief.
 */
import type { Feature, ComponentKindName } from '../../../shared/sim';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { regionName, scenarioInfo } from '../scenarioInfo';
import { teamStyle } from '../teams';
import { TeamTag } from './LobbyBits';
import type { Built } from './matchResults';

export function TeamBuilt({
  team,
  teamNames,
  scenario,
  built,
  players,
  onDebrief,
}: {
  team: string;
  teamNames: Readonly<Record<string, string>>;
  scenario: string;
  /** null: the team's system is not known here (the room did not reveal it and the re-run is not done). */
  built: Built | null;
  players: readonly string[];
  /** Opens the team's debrief; null while its re-run is not ready. */
  onDebrief: (() => void) | null;
}) {
  const { t, lang } = useT();
  const info = scenarioInfo(scenario, null);
  return (
    <article class="su-built" data-team={team} style={teamStyle(team)}>
      <header class="su-built-head">
        <TeamTag team={team} teamNames={teamNames} />
        {players.length > 0 && <span class="su-muted su-built-players">{players.join(', ')}</span>}
      </header>
      {built === null ? (
        <p class="su-muted">{t('ui.matchResults.builtUnknown')}</p>
      ) : built.kinds.length === 0 ? (
        <p class="su-muted">{t('ui.matchResults.nothingBuilt')}</p>
      ) : (
        <ul class="su-built-kinds">
          {built.kinds.map(({ kind, instances }) => (
            <li key={kind} data-kind={kind}>
              <Icon name={kind satisfies ComponentKindName} size={16} />
              <span>{t(`kinds.${kind}.name`)}</span>
              <strong>×{instances}</strong>
            </li>
          ))}
        </ul>
      )}
      {built !== null && built.regions.length > 0 && (
        <p class="su-help">{t('ui.matchResults.regions', { regions: built.regions.map((r) => regionName(info, r, lang)).join(', ') })}</p>
      )}
      {built !== null && (
        <p class="su-help">
          {t('ui.matchResults.features', {
            features:
              built.features.length === 0
                ? t('ui.matchResults.none')
                : built.features.map((f: Feature) => t(`features.${f}.name`)).join(', '),
          })}
        </p>
      )}
      <div class="su-built-foot">
        <button type="button" class="su-btn su-btn-small" data-debrief={team} disabled={onDebrief === null} onClick={() => onDebrief?.()}>
          <Icon name="book" />
          {t('ui.matchResults.debrief')}
        </button>
      </div>
    </article>
  );
}
