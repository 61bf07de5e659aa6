/**
 * The game screen: header on top, build panel docked left, the goals (with the next-step hint in a
 * solo game) and the selected component (or the list of components) right, charts and incident
 * feed at the bottom; the middle is left free for the Phaser diagram behind (the stage lets
 * clicks through, and its rectangle is published in layout.ts so the diagram can fit into it).
 * A "what if" forecast opens over the stage. A replay has no build panel: nothing can be bought.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { findChapter, type Chapter } from '../../shared/campaign';
import type { TeamView } from '../../shared/sim';
import { ChapterResult } from './campaign/ChapterResult';
import { Tutorial } from './campaign/Tutorial';
import { useBriefingOnStart } from './campaign/useBriefingOnStart';
import { Debrief } from './debrief/Debrief';
import { useGameRecord, type RecordState } from './debrief/useGameRecord';
import { Scoreboard } from './scoreboard/Scoreboard';
import type { ConnectionStatus, GameModel, HistoryPoint } from '../state/model';
import { BuildPanel } from './build/BuildPanel';
import { whatIfClient } from './forecast/forecastClient';
import { ForecastPanel } from './forecast/ForecastPanel';
import { closePlan } from './forecast/plan';
import { Charts } from './charts/Charts';
import { useConceptPause } from './concepts/conceptPause';
import { IncidentFeed } from './feed/IncidentFeed';
import { GameOver } from './GameOver';
import { GoalsPanel } from './goals/GoalsPanel';
import { nextHint } from './goals/hints';
import { Header } from './header/Header';
import { useStore, useT } from './hooks';
import { Icon } from './Icon';
import { Inspector } from './inspector/Inspector';
import { EffectsToggle } from './stage/EffectsToggle';
import { SystemList } from './inspector/SystemList';
import { stageRect } from '../state/stageRect';
import { labelForId } from './names';
import { scenarioInfo, type ScenarioInfo } from './scenarioInfo';
import type { UiClient } from './uiClient';
import { uiState } from '../state/uiState';
import { playedLines } from './scoreboard/playedLines';

const NO_POINTS: HistoryPoint[] = [];

/** The team this screen shows: the one picked (instructors, spectators), else the player's own, else the first. */
function watchedTeamId(game: GameModel, watched: string | null): string | null {
  if (watched !== null && game.teams[watched] !== undefined) return watched;
  if (game.me.team !== null && game.teams[game.me.team] !== undefined) return game.me.team;
  return game.teamIds.find((id) => game.teams[id] !== undefined) ?? Object.keys(game.teams)[0] ?? null;
}

function Stage({
  team,
  game,
  client,
  connectingFrom,
  points,
  info,
  chapter,
  onDebrief,
  record,
  forecast,
}: {
  team: TeamView | null;
  game: GameModel;
  client: UiClient;
  connectingFrom: string | null;
  points: readonly HistoryPoint[];
  info: ScenarioInfo;
  chapter: Chapter | null;
  onDebrief: () => void;
  record: RecordState;
  forecast: ComponentChildren;
}) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const publish = () => {
      const r = el.getBoundingClientRect();
      stageRect.set({ x: r.x, y: r.y, width: r.width, height: r.height });
    };
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const over = team?.gameOver ?? null;
  return (
    <div class="su-stage" ref={ref}>
      <EffectsToggle />
      {forecast}
      {connectingFrom !== null && (
        <div class="su-banner" role="status">
          <Icon name="link" />
          <span>{t('ui.stage.connecting', { name: connectingFrom === 'users' ? t('ui.feed.users') : labelForId(connectingFrom) })}</span>
          <button type="button" class="su-btn su-btn-small" onClick={() => uiState.update((u) => ({ ...u, connectingFrom: null }))}>
            {t('ui.stage.cancel')}
          </button>
        </div>
      )}
      {team !== null && over !== null && chapter !== null && game.mode === 'solo' && (
        <ChapterResult client={client} game={game} chapter={chapter} onDebrief={onDebrief} record={record} />
      )}
      {team !== null && over !== null && (chapter === null || game.mode !== 'solo') && (
        <GameOver
          team={team}
          over={over}
          points={points}
          regionIds={info.regions.map((r) => r.id)}
          onAgain={game.mode === 'solo' ? () => void client.startSolo(game.scenario).catch(() => undefined) : null}
          onDebrief={game.replayId !== null ? onDebrief : null}
          match={game.mode === 'match' ? { client, game } : null}
          onLeave={game.mode === 'workshop' ? () => void client.leave() : null}
          replayId={client.replaying === true ? null : game.replayId}
        />
      )}
    </div>
  );
}

export function GameScreen({ client, game, status }: { client: UiClient; game: GameModel; status: ConnectionStatus }) {
  const { t } = useT();
  const ui = useStore(uiState);
  const history = useStore(client.history);
  // A replay is watched, not played: it has no build panel.
  const building = client.replaying !== true;
  const [buildOpen, setBuildOpen] = useState(building);
  const teamId = watchedTeamId(game, ui.watchedTeam);
  const team = teamId === null ? null : (game.teams[teamId] ?? null);
  const info = scenarioInfo(game.scenario, team, game.durationTicks);
  const selected = team?.components.find((c) => c.id === ui.selected) ?? null;
  const points = teamId === null ? NO_POINTS : (history[teamId] ?? NO_POINTS);
  const [debrief, setDebrief] = useState(false);
  const [debriefOpened, setDebriefOpened] = useState(false);
  const chapter = game.mode === 'solo' ? findChapter(game.scenario) : null;
  // The finished game re-run from its replay, once: for a chapter's result (where it went wrong)
  // and for the debrief alike (a long game takes a moment to re-run).
  const wanted = debriefOpened || (chapter !== null && team?.gameOver != null);
  const record = useGameRecord(client, wanted ? game.resultId : null, wanted ? game.replayId : null, teamId ?? 'solo');
  const forecaster = whatIfClient(client);
  // A forecast belongs to the game it was asked in, while it runs.
  useEffect(() => closePlan, [game.code]);
  useEffect(() => {
    if (forecaster === null) closePlan();
  }, [forecaster === null]);
  useConceptPause(client, game);
  useBriefingOnStart(game, chapter);
  // The next-step hint is for a player learning alone; matches and workshops have their own pace. A
  // chapter has hints of its own (its shop may not sell what the general hints would suggest).
  const hint =
    team !== null && game.mode === 'solo' && chapter === null && team.gameOver === null
      ? nextHint(
          team,
          info.regions.map((r) => r.id),
        )
      : null;
  return (
    <div class={`su-game${!building ? ' su-build-none' : buildOpen ? '' : ' su-build-closed'}`}>
      <Header client={client} game={game} team={team} goals={info.goals} status={status} />
      {building && (
        <aside class="su-dock su-dock-left" aria-label={t('ui.build.title')}>
          <button
            type="button"
            class="su-dock-toggle"
            aria-expanded={buildOpen}
            aria-label={buildOpen ? t('ui.build.hide') : t('ui.build.show')}
            title={buildOpen ? t('ui.build.hide') : t('ui.build.show')}
            onClick={() => setBuildOpen(!buildOpen)}
          >
            <Icon name={buildOpen ? 'chevronLeft' : 'chevronRight'} />
            {!buildOpen && <span class="su-dock-toggle-text">{t('ui.build.title')}</span>}
          </button>
          {buildOpen && team !== null && <BuildPanel client={client} team={team} info={info} />}
        </aside>
      )}
      <Stage
        team={team}
        game={game}
        client={client}
        connectingFrom={ui.connectingFrom}
        points={points}
        info={info}
        chapter={chapter}
        onDebrief={() => {
          setDebrief(true);
          setDebriefOpened(true);
        }}
        record={record}
        forecast={forecaster !== null && team !== null ? <ForecastPanel client={forecaster} team={team} info={info} /> : null}
      />
      <aside
        class={`su-dock su-dock-right su-dock-goals${selected !== null ? ' su-dock-inspecting' : ''}`}
        aria-label={t('ui.inspector.dockLabel')}
      >
        {game.mode !== 'solo' && (
          <Scoreboard lines={playedLines(game)} own={game.me.team} tick={game.clock.tick} teamNames={game.teamNames} />
        )}
        {team !== null && (
          <GoalsPanel
            team={team}
            info={info}
            points={points}
            hint={hint}
            inspecting={selected !== null}
            chapter={chapter}
            chapterValues={teamId === null ? [] : (game.goalValues[teamId] ?? [])}
            chapterActions={
              chapter === null
                ? null
                : { restart: () => void client.startSolo(chapter.scenario.id).catch(() => undefined), leave: () => void client.leave() }
            }
          />
        )}
        {team !== null &&
          (selected !== null ? (
            <Inspector component={selected} team={team} client={client} info={info} connectingFrom={ui.connectingFrom} />
          ) : (
            <SystemList team={team} info={info} />
          ))}
      </aside>
      <div class="su-dock su-dock-bottom">
        <Charts points={points} />
        {team !== null && <IncidentFeed team={team} info={info} client={client} />}
      </div>
      {chapter?.tutorial === true &&
        client.replaying !== true &&
        team !== null &&
        team.gameOver === null &&
        game.clock.phase === 'running' && <Tutorial team={team} clock={game.clock} startSpeed={chapter.scenario.startSpeed ?? 1} />}
      {debrief && teamId !== null && <Debrief state={record} team={teamId} onClose={() => setDebrief(false)} />}
    </div>
  );
}
