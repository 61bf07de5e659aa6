/**
 * A replay on the page: the game screen itself (GameScreen, reading the replay client as it
 * would a live game), the scrub bar over it and the replay's own notices. Before the first state
 * is ready a card says what is being prepared; a `/replay/<id>` link first fetches the replay
 * from the server (ReplayLinkPage), and says so plainly when there is none.
 */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { formatDuration } from '../i18n/format';
import { uiState } from '../state/uiState';
import { GameScreen } from '../ui/GameScreen';
import { useStore, useT } from '../ui/hooks';
import { Icon } from '../ui/Icon';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Notices } from '../ui/notices/Notices';
import { teamLabel } from '../ui/teams';
import type { UiClient } from '../ui/uiClient';
import { BuildProgress } from './BuildProgress';
import type { ReplayClient } from './replayClient';
import { ScrubBar } from './ScrubBar';
import { openServerReplay, replayOpening } from './viewer';
import './replay.css';

/**
 * A card alone on the page (the start screen's look): preparing, or what went wrong and the way
 * back. While busy, a bar: how far the re-run is when it is known, else one that only says "working".
 */
function ReplayCard({
  busy,
  progress,
  onBack,
  children,
}: {
  busy: boolean;
  progress?: { label: string; share: number };
  onBack: () => void;
  children: ComponentChildren;
}) {
  const { t } = useT();
  return (
    <main class="su-start su-replay-page">
      <div class="su-start-card su-replay-card" aria-busy={busy}>
        <div class="su-start-lang">
          <LanguageSwitch />
        </div>
        <h1 class="su-replay-card-title">
          <Icon name="brand" size={32} class="su-brand-mark" />
          {t('ui.replay.title')}
        </h1>
        {children}
        {busy &&
          (progress === undefined ? (
            <div class="su-replay-progress" aria-hidden="true" />
          ) : (
            <BuildProgress label={progress.label} progress={progress.share} />
          ))}
        <button type="button" class="su-btn" data-replay-back onClick={onBack}>
          <Icon name="chevronLeft" />
          {t('ui.replay.back')}
        </button>
      </div>
    </main>
  );
}

export function ReplayScreen({ replay }: { replay: ReplayClient }) {
  const { t, lang } = useT();
  const game = useStore(replay.game);
  const notices = useStore(replay.notices);
  const status = useStore(replay.status);
  const view = useStore(replay.view);
  const ui = useStore(uiState);
  // A chapter's briefing is for playing it (the game screen opens it at a chapter's start); in a
  // replay it would only hold the playback.
  useEffect(() => {
    if (ui.briefing) uiState.update((u) => ({ ...u, briefing: false }));
  }, [ui.briefing]);
  return (
    <>
      {game === null ? (
        <ReplayCard
          busy={view.phase === 'loading'}
          progress={{ label: t('ui.replay.preparingTeam', { team: teamLabel(t, view.team) }), share: view.progress }}
          onBack={() => replay.close()}
        >
          <p class="su-replay-card-name">{replay.doc.scenario.name[lang]}</p>
          <p class="su-muted" role={view.phase === 'failed' ? 'alert' : 'status'}>
            {view.phase === 'failed'
              ? t('ui.replay.error.failed')
              : t('ui.replay.preparing', { duration: formatDuration(lang, replay.finalTick) })}
          </p>
        </ReplayCard>
      ) : (
        // A box of its own only for the stylesheet (display: contents): see replay.css.
        <div class="su-replay-screen">
          <GameScreen client={replay} game={game} status={status} />
          <ScrubBar replay={replay} />
        </div>
      )}
      <Notices notices={notices} client={replay} />
    </>
  );
}

/** The page of a `/replay/<id>` link until the replay is open: fetching it, or why it cannot be. */
export function ReplayLinkPage({ client, id, onBack }: { client: UiClient; id: string; onBack: () => void }) {
  const { t } = useT();
  const opening = useStore(replayOpening);
  useEffect(() => {
    void openServerReplay(client, id);
  }, [id]);
  const back = () => {
    replayOpening.set({ status: 'idle' });
    history.replaceState(null, '', '/');
    onBack();
  };
  return (
    <ReplayCard busy={opening.status !== 'failed'} onBack={back}>
      {opening.status === 'failed' ? (
        <p class="su-replay-error" role="alert" title={opening.detail}>
          <Icon name="warn" />
          {t(`ui.replay.error.${opening.error}`)}
        </p>
      ) : (
        <p class="su-muted" role="status">
          {t('ui.replay.opening')}
        </p>
      )}
    </ReplayCard>
  );
}
