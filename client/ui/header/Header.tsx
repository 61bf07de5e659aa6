/**
 * The top bar: the team's headline figures (each shown only as far as its monitoring reveals
 * it), the users' complaints (always heard), the clock and its controls, the connection and the
 * language.
 */
import type { TeamView } from '../../../shared/sim';
import type { ConnectionStatus, GameModel } from '../../state/model';
import { Badge, openConcept } from '../common';
import { useStore, useT } from '../hooks';
import { Icon } from '../Icon';
import { LanguageSwitch } from '../LanguageSwitch';
import type { UiClient } from '../uiClient';
import { ClockControls } from './ClockControls';
import { ConnectionIndicator } from './ConnectionIndicator';
import { FigureValue } from './FigureValue';
import { JoinCode } from './JoinCode';
import { RunwayWarning } from './RunwayWarning';
import { headerFigures, type Goals, type Tone } from './headerFigures';

const COMPLAINT_TONE: Record<TeamView['complaints'], Tone> = { none: 'good', some: 'warn', many: 'bad', outrage: 'bad' };

export function Header({
  client,
  game,
  team,
  goals,
  status,
}: {
  client: UiClient;
  game: GameModel;
  team: TeamView | null;
  goals: Goals;
  status: ConnectionStatus;
}) {
  const { t } = useT();
  const history = useStore(client.history);
  // The team shown is one of the game's (the screen picks it); its id keys its chart history.
  const teamId = Object.keys(game.teams).find((id) => game.teams[id] === team);
  return (
    <header class="su-header" role="banner">
      <div class="su-brand" aria-label={t('app.title')}>
        <Icon name="brand" size={22} class="su-brand-mark" />
        <span class="su-brand-name">{t('app.title')}</span>
      </div>
      {team !== null && (
        <div class="su-figures" role="group" aria-label={t('ui.header.figuresLabel')}>
          {headerFigures(team, goals).map((figure) => (
            <FigureValue
              key={figure.id}
              figure={figure}
              after={
                figure.id === 'money' ? <RunwayWarning points={(teamId === undefined ? undefined : history[teamId]) ?? []} /> : undefined
              }
            />
          ))}
          <div class="su-fig" role="group" aria-label={t('complaints.label')} data-figure="complaints">
            <span class="su-fig-label">{t('complaints.label')}</span>
            <span class="su-fig-value su-fig-small">
              <Badge tone={COMPLAINT_TONE[team.complaints]}>{t(`complaints.${team.complaints}`)}</Badge>
            </span>
          </div>
        </div>
      )}
      <div class="su-header-end">
        {game.code !== '' && <JoinCode code={game.code} />}
        <ClockControls clock={game.clock} client={client} />
        {/* A replay in the page has no server to be connected to. */}
        {client.replaying !== true && <ConnectionIndicator status={status} />}
        <button
          type="button"
          class="su-btn su-learn"
          aria-label={t('ui.concepts.open')}
          title={t('ui.concepts.open')}
          onClick={() => openConcept('singleServer')}
        >
          <Icon name="book" />
          <span class="su-learn-text">{t('ui.concepts.open')}</span>
        </button>
        <LanguageSwitch />
      </div>
    </header>
  );
}
