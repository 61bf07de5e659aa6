/**
 * The instructor's console, the whole screen for a workshop's instructor from creation to the
 * debrief: the join code and the room's switches on top (ConsoleHeader), the clock under it
 * (ClockBar), every team as a card in a grid (or one team looked at closer), and beside it a
 * panel at a time: participants, incidents, hints, the scoreboard. Once the game is over: the
 * room's debrief, and the way back to the start.
 */
import { useState } from 'preact/hooks';
import type { ConnectionStatus, GameModel } from '../../state/model';
import { savedScenarioLoads } from '../../state/scenarios';
import { useStore, useT } from '../hooks';
import { Icon } from '../Icon';
import { RoomDebrief } from '../roomDebrief/RoomDebrief';
import { regionName, scenarioInfo } from '../scenarioInfo';
import { Scoreboard } from '../scoreboard/Scoreboard';
import type { UiClient } from '../uiClient';
import { ClockBar } from './ClockBar';
import { ConsoleHeader } from './ConsoleHeader';
import { HintPanel } from './HintPanel';
import { IncidentPanel } from './IncidentPanel';
import { ParticipantsPanel } from './ParticipantsPanel';
import { TeamCloser } from './TeamCloser';
import { TeamGrid } from './TeamGrid';
import './workshop.css';
import './console.css';
import './teams.css';
import { playedLines } from '../scoreboard/playedLines';

const TABS = ['people', 'incident', 'hint', 'scores'] as const;
type Tab = (typeof TABS)[number];
const TAB_KEYS: Record<Tab, string> = {
  people: 'ui.workshop.tabs.people',
  incident: 'ui.workshop.tabs.incident',
  hint: 'ui.workshop.tabs.hint',
  scores: 'ui.workshop.tabs.scores',
};
const NO_POINTS: never[] = [];

function Finished({ client, game, onDebrief }: { client: UiClient; game: GameModel; onDebrief: (() => void) | null }) {
  const { t } = useT();
  return (
    <div class="su-ws-finished" role="status">
      <Icon name="star" size={20} />
      <strong>{t('ui.workshop.finished.title')}</strong>
      <span class="su-muted">{t(onDebrief === null ? 'ui.workshop.finished.saving' : 'ui.workshop.finished.help')}</span>
      <span class="su-spacer" />
      {onDebrief !== null && (
        <button type="button" class="su-btn su-btn-primary" onClick={onDebrief} data-action="debrief">
          {t('ui.workshop.finished.debrief')}
        </button>
      )}
      <button type="button" class="su-btn" onClick={() => void client.leave()} data-action="leave">
        <Icon name="chevronLeft" />
        {t('ui.workshop.finished.leave')}
      </button>
      <span class="su-visually-hidden">{game.code}</span>
    </div>
  );
}

export function InstructorConsole({ client, game, status }: { client: UiClient; game: GameModel; status: ConnectionStatus }) {
  const { t, lang } = useT();
  const history = useStore(client.history);
  const [tab, setTab] = useState<Tab>('people');
  const [closer, setCloser] = useState<string | null>(null);
  const [injectTeam, setInjectTeam] = useState('all');
  const [debrief, setDebrief] = useState(false);
  // A saved scenario arrives after the first drawing: draw again with its regions and names.
  useStore(savedScenarioLoads);
  const info = scenarioInfo(game.scenario, game.teams[game.teamIds[0] ?? ''] ?? null, game.durationTicks);
  const regions = info.regions.map((r) => ({ id: r.id, name: regionName(info, r.id, lang) }));
  const finished = game.clock.phase === 'finished';
  const canDebrief = finished && game.resultId !== null && game.replayId !== null;
  const shown = closer !== null && game.teamIds.includes(closer) ? closer : null;
  return (
    <main class="su-ws-console" aria-label={t('ui.workshop.console.label')} data-status={status}>
      <ConsoleHeader client={client} game={game} />
      <ClockBar client={client} game={game} status={status} scenarioName={info.name?.[lang] ?? game.scenario} />
      {finished && <Finished client={client} game={game} onDebrief={canDebrief ? () => setDebrief(true) : null} />}
      <div class="su-ws-main">
        <div class="su-ws-teams">
          {shown === null ? (
            <TeamGrid client={client} game={game} goals={info.goals} regions={regions.map((r) => r.id)} onOpen={setCloser} />
          ) : (
            <TeamCloser
              client={client}
              game={game}
              teamId={shown}
              goals={info.goals}
              regions={regions}
              points={history[shown] ?? NO_POINTS}
              onBack={() => setCloser(null)}
              onInject={() => {
                setInjectTeam(shown);
                setTab('incident');
              }}
            />
          )}
        </div>
        <aside class="su-ws-side">
          <div class="su-ws-tabs" role="tablist" aria-label={t('ui.workshop.tabs.label')}>
            {TABS.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`su-ws-tab-${id}`}
                class="su-ws-tab"
                aria-selected={tab === id}
                aria-controls="su-ws-tabpanel"
                data-tab={id}
                onClick={() => setTab(id)}
              >
                {t(TAB_KEYS[id])}
              </button>
            ))}
          </div>
          <div class="su-ws-tabpanel" id="su-ws-tabpanel" role="tabpanel" aria-labelledby={`su-ws-tab-${tab}`}>
            {tab === 'people' && <ParticipantsPanel client={client} game={game} />}
            {tab === 'incident' && <IncidentPanel client={client} game={game} regions={regions} team={injectTeam} />}
            {tab === 'hint' && <HintPanel client={client} game={game} />}
            {tab === 'scores' &&
              (game.scoreboard.length === 0 ? (
                <p class="su-muted su-ws-panel">{t('ui.workshop.scoresLater')}</p>
              ) : (
                <Scoreboard lines={playedLines(game)} own={null} tick={game.clock.tick} teamNames={game.teamNames} />
              ))}
          </div>
        </aside>
      </div>
      {debrief && game.resultId !== null && game.replayId !== null && (
        <RoomDebrief client={client} resultId={game.resultId} replayId={game.replayId} onClose={() => setDebrief(false)} />
      )}
    </main>
  );
}
