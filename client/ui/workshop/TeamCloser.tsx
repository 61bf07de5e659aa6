/**
 * The closer look at one team, in place of the grid: the drawing of its system at a size that
 * names each box, every headline figure its monitoring shows (as its own header shows them), its
 * charts over time, its recent incidents, its participants, and its name (the instructor may
 * rename it). Read-only on purpose: the instructor watches and steers through the room's own
 * actions (incidents, hints), never by playing a team's hand.
 */
import { useState } from 'preact/hooks';
import { teamNameSchema } from '../../../shared/protocol/roomActions';
import type { TeamView } from '../../../shared/sim';
import { clockOf, formatCount, formatDuration, formatLatency, formatMoney, formatPercent, type Language } from '../../i18n';
import type { GameModel, HistoryPoint } from '../../state/model';
import { Charts } from '../charts/Charts';
import { Badge } from '../common';
import { feedLine, orderFeed, type FeedStatus } from '../feed/feedText';
import { headerFigures, type Goals, type HeaderFigure, type Tone } from '../header/headerFigures';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { labelForId } from '../names';
import type { UiClient } from '../uiClient';
import { MiniDiagram } from './MiniDiagram';
import { membersOf, roomTeamName } from './roster';
import { TeamSwatch } from './TeamSwatch';

const STATUS_TONE: Record<FeedStatus, Tone> = { open: 'bad', ending: 'warn', recovered: 'good' };
/** Incidents listed: the open ones come first, so these are enough to see what is going on. */
const FEED_SHOWN = 8;

function figureText(lang: Language, f: HeaderFigure): string {
  if (f.value === null) return '?';
  const approx = f.approx ? '~' : '';
  switch (f.format) {
    case 'money':
      return formatMoney(lang, f.value);
    case 'count':
      return `${approx}${formatCount(lang, f.value)}`;
    case 'availability':
      return formatPercent(lang, f.value, 'floor', 2);
    case 'errorRate':
      return formatPercent(lang, f.value, 'round', 2);
    case 'latency':
      return formatLatency(lang, f.value);
  }
}

function Rename({ client, game, teamId }: { client: UiClient; game: GameModel; teamId: string }) {
  const { t } = useT();
  const [name, setName] = useState<string | null>(null);
  if (name === null)
    return (
      <button type="button" class="su-btn su-btn-small su-btn-quiet" onClick={() => setName(roomTeamName(t, game, teamId))}>
        {t('ui.workshop.closer.rename')}
      </button>
    );
  const parsed = teamNameSchema.safeParse(name);
  return (
    <form
      class="su-ws-rename"
      onSubmit={(e) => {
        e.preventDefault();
        if (!parsed.success) return;
        client.instruct({ action: 'team-name', team: teamId, name: parsed.data });
        setName(null);
      }}
    >
      <input
        type="text"
        maxLength={24}
        value={name}
        aria-label={t('ui.workshop.closer.renameLabel')}
        onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
      />
      <button type="submit" class="su-btn su-btn-small su-btn-primary" disabled={!parsed.success}>
        {t('ui.workshop.closer.save')}
      </button>
      <button type="button" class="su-btn su-btn-small" onClick={() => setName(null)}>
        {t('ui.workshop.cancel')}
      </button>
    </form>
  );
}

function Feed({ team, nameOf }: { team: TeamView; nameOf: (id: string) => string }) {
  const { t, lang } = useT();
  const entries = orderFeed(team.feed, team).slice(0, FEED_SHOWN);
  if (entries.length === 0) return <p class="su-muted">{t('ui.feed.empty')}</p>;
  return (
    <ol class="su-ws-feed">
      {entries.map((entry) => {
        const line = feedLine(entry, nameOf, (m) => formatDuration(lang, m));
        const { day, time } = clockOf(entry.tick);
        return (
          <li key={`${entry.tick}-${entry.cause?.incidentId ?? 'felt'}`}>
            <time class="su-muted">{t('hud.clock', { day, time })}</time>
            <span>{line.nameKey !== null ? t(line.nameKey) : t(line.key, line.params)}</span>
            <Badge tone={STATUS_TONE[line.status]}>{t(line.statusKey, line.statusParams)}</Badge>
          </li>
        );
      })}
    </ol>
  );
}

export function TeamCloser({
  client,
  game,
  teamId,
  goals,
  regions,
  points,
  onBack,
  onInject,
}: {
  client: UiClient;
  game: GameModel;
  teamId: string;
  goals: Goals;
  regions: Array<{ id: string; name: string }>;
  points: readonly HistoryPoint[];
  onBack: () => void;
  onInject: () => void;
}) {
  const { t, lang } = useT();
  const team = game.teams[teamId];
  const members = membersOf(game.seats, teamId);
  const nameOf = (id: string) => regions.find((r) => r.id === id)?.name ?? labelForId(id);
  return (
    <section class="su-ws-closer" data-team={teamId} aria-labelledby="su-ws-closer-title">
      <header class="su-ws-closer-head">
        <button type="button" class="su-btn" onClick={onBack} data-action="back-to-grid">
          <Icon name="chevronLeft" />
          {t('ui.workshop.closer.back')}
        </button>
        <TeamSwatch team={teamId} size="large" />
        <h2 id="su-ws-closer-title" class="su-ws-closer-title">
          {roomTeamName(t, game, teamId)}
        </h2>
        <Rename client={client} game={game} teamId={teamId} />
        <span class="su-spacer" />
        <button type="button" class="su-btn" onClick={onInject}>
          <Icon name="warn" />
          {t('ui.workshop.closer.inject')}
        </button>
      </header>
      {team === undefined ? (
        <p class="su-muted">{t('ui.workshop.grid.noView')}</p>
      ) : (
        <>
          <dl class="su-ws-closer-figs">
            {headerFigures(team, goals).map((f) => (
              <div
                key={f.id}
                class={`su-ws-fig su-tone-${f.tone}`}
                title={
                  f.value === null && f.revealedBy !== null
                    ? t('ui.header.notMonitored', { feature: t(`features.${f.revealedBy}.name`) })
                    : undefined
                }
              >
                <dt class="su-ws-fig-label">{t(`hud.${f.id}`)}</dt>
                <dd class="su-ws-fig-value">{figureText(lang, f)}</dd>
              </div>
            ))}
          </dl>
          <div class="su-ws-closer-body">
            <div class="su-ws-closer-diagram">
              <MiniDiagram team={team} regions={regions.map((r) => r.id)} detail />
            </div>
            <aside class="su-ws-closer-side">
              <h3 class="su-subheading">{t('ui.feed.title')}</h3>
              <Feed team={team} nameOf={nameOf} />
              <h3 class="su-subheading">{t('ui.workshop.grid.people')}</h3>
              <ul class="su-ws-card-people">
                {members.length === 0 && <li class="su-muted">{t('ui.workshop.grid.nobody')}</li>}
                {members.map((s) => (
                  <li key={s.seatId} class={s.connected ? undefined : 'su-ws-away'}>
                    {s.name}
                    {!s.connected && ` (${t('ui.workshop.away')})`}
                  </li>
                ))}
              </ul>
            </aside>
          </div>
          <div class="su-ws-closer-charts">
            <Charts points={points} />
          </div>
        </>
      )}
    </section>
  );
}
