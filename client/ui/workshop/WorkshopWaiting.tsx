/**
 * A participant's screen before the instructor starts: the session (its scenario), their own team
 * with its colour and teammates, and, when the instructor lets people choose, a button per team.
 * Then it says plainly that the game starts when the instructor starts it.
 */
import { findChapter } from '../../../shared/campaign';
import type { ConnectionStatus, GameModel } from '../../state/model';
import { useStore, useT } from '../hooks';
import { savedScenarioLoads } from '../../state/scenarios';
import { Icon } from '../Icon';
import { LanguageSwitch } from '../LanguageSwitch';
import { scenarioInfo } from '../scenarioInfo';
import type { UiClient } from '../uiClient';
import { membersOf, roomTeamName } from './roster';
import { TeamSwatch } from './TeamSwatch';
import './workshop.css';

export function WorkshopWaiting({ client, game, status }: { client: UiClient; game: GameModel; status: ConnectionStatus }) {
  const { t, lang } = useT();
  // A saved scenario arrives after the first drawing: draw again with its name and description.
  useStore(savedScenarioLoads);
  const info = scenarioInfo(game.scenario, null, game.durationTicks);
  const chapter = findChapter(game.scenario);
  const myTeam = game.seats.find((s) => s.seatId === game.me.seatId)?.team ?? game.me.team;
  const myName = game.seats.find((s) => s.seatId === game.me.seatId)?.name ?? '';
  const teammates = myTeam === null ? [] : membersOf(game.seats, myTeam);
  const choosing = game.placement === 'choose';
  return (
    <main class="su-start su-ws-page">
      <section class="su-start-card su-ws-waiting" aria-labelledby="su-ws-waiting-title">
        <div class="su-start-lang">
          <LanguageSwitch />
        </div>
        <p class="su-ws-kicker">{t('ui.workshop.waiting.kicker')}</p>
        <h1 id="su-ws-waiting-title" class="su-ws-title">
          {info.name?.[lang] ?? game.scenario}
        </h1>
        {chapter !== null && <p class="su-muted">{t('ui.workshop.waiting.chapter', { n: chapter.number })}</p>}
        {info.description !== null && <p class="su-ws-lead">{info.description[lang]}</p>}

        <div class="su-ws-myteam" data-team={myTeam ?? ''}>
          {myTeam === null ? (
            <p class="su-ws-noteam">{t(choosing ? 'ui.workshop.waiting.pickTeam' : 'ui.workshop.waiting.placing')}</p>
          ) : (
            <>
              <p class="su-field-label">{t('ui.workshop.waiting.yourTeam')}</p>
              <p class="su-ws-myteam-name">
                <TeamSwatch team={myTeam} size="large" />
                {roomTeamName(t, game, myTeam)}
              </p>
              <ul class="su-ws-mates" aria-label={t('ui.workshop.waiting.teammates')}>
                {teammates.map((s) => (
                  <li key={s.seatId} class={s.connected ? undefined : 'su-ws-away'}>
                    <Icon name={s.seatId === game.me.seatId ? 'star' : 'users'} />
                    {s.seatId === game.me.seatId ? t('ui.workshop.waiting.you', { name: s.name }) : s.name}
                    {!s.connected && <span class="su-visually-hidden">{t('ui.workshop.away')}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>

        {choosing && (
          <div class="su-ws-pick" role="group" aria-label={t('ui.workshop.waiting.chooseLabel')}>
            <p class="su-field-label">{t('ui.workshop.waiting.chooseLabel')}</p>
            <div class="su-ws-pick-list">
              {game.teamIds.map((team) => (
                <button
                  key={team}
                  type="button"
                  class="su-btn su-ws-pick-team"
                  data-team={team}
                  aria-pressed={team === myTeam}
                  onClick={() => client.lobby({ action: 'team', team })}
                >
                  <TeamSwatch team={team} />
                  <span>{roomTeamName(t, game, team)}</span>
                  <span class="su-ws-pick-count">{t('ui.workshop.players', { n: membersOf(game.seats, team).length })}</span>
                </button>
              ))}
            </div>
          </div>
        )}

        <p class="su-ws-wait" role="status">
          <Icon name="clock" size={18} />
          {status === 'online' ? t('ui.workshop.waiting.wait') : t('hud.connection.reconnecting')}
        </p>
        <p class="su-help">{t('ui.workshop.waiting.as', { name: myName })}</p>
      </section>
    </main>
  );
}
