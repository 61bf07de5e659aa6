/**
 * The replay's controls over the game screen, along the bottom of the stage (the part of the page
 * the panels leave to the diagram): what is replayed and which team, whether it ends as the
 * server's game did, the slider over the whole game with the simulated time, play and pause,
 * a minute back or on, the playback speed, the link to share (a server's replay) or the file to
 * save, and the way back to the start screen.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { SPEEDS, type Speed } from '../../shared/protocol/messages';
import { encodeReplay } from '../../shared/replay/compact';
import { stageRect } from '../state/stageRect';
import { downloadText } from '../ui/download';
import { useStore, useT } from '../ui/hooks';
import { Icon } from '../ui/Icon';
import { teamLabel } from '../ui/teams';
import { BuildProgress } from './BuildProgress';
import type { ReplayClient, ReplayView } from './replayClient';
import { dayMarks, keyStep, positionText } from './timeline';
import { replayLink, scrubBarSpace } from './viewer';
import './replay.css';

/** Room kept around the bar inside the stage. */
const MARGIN = 12;

/**
 * Whether the re-run ends on the recorded hashes. A file carries its own hashes, so a file that
 * matches them says only that it is consistent: it is the server's copy that vouches for a game.
 */
function Verdict({ faithful, fromFile }: { faithful: boolean | null; fromFile: boolean }) {
  const { t } = useT();
  if (faithful === null) return null;
  const key = faithful
    ? fromFile
      ? 'ui.replay.faithfulFile'
      : 'ui.replay.faithful'
    : fromFile
      ? 'ui.replay.unfaithfulFile'
      : 'ui.replay.unfaithful';
  return (
    <span class={`su-replay-verdict su-replay-verdict-${faithful ? 'good' : 'warn'}`} data-replay-faithful={String(faithful)}>
      <Icon name={faithful ? 'check' : 'warn'} />
      <span>{t(key)}</span>
    </span>
  );
}

function ShareButtons({ replay }: { replay: ReplayClient }) {
  const { t } = useT();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard
      ?.writeText(replayLink(location.origin, replay.doc.id))
      .then(() => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      })
      .catch(() => undefined);
  };
  // The compact form, as the server sends it: a long workshop's file is a fraction of the full form's size.
  const save = () =>
    downloadText(`scale-up-replay-${replay.doc.id}.json`, `${JSON.stringify(encodeReplay(replay.doc))}\n`, 'application/json');
  return (
    <>
      {replay.source.kind === 'server' && (
        <button type="button" class="su-btn su-btn-small" data-replay-copy onClick={copy}>
          <Icon name={copied ? 'check' : 'link'} />
          {copied ? t('ui.replay.linkCopied') : t('ui.replay.copyLink')}
        </button>
      )}
      <button type="button" class="su-btn su-btn-small" data-replay-save onClick={save}>
        <Icon name="chevronDown" />
        {t('ui.replay.save')}
      </button>
    </>
  );
}

function Transport({ replay, view }: { replay: ReplayClient; view: ReplayView }) {
  const { t } = useT();
  const final = replay.finalTick;
  const ready = view.phase === 'ready';
  const where = positionText(t, view.tick, final);
  return (
    <div class="su-replay-row su-replay-transport">
      <button
        type="button"
        class="su-btn su-btn-icon"
        title={t('ui.replay.stepBack')}
        aria-label={t('ui.replay.stepBack')}
        disabled={!ready || view.tick <= 0}
        data-replay-step="-1"
        onClick={() => replay.stepBy(-1)}
      >
        <Icon name="chevronLeft" />
      </button>
      <button
        type="button"
        class="su-btn su-btn-icon su-btn-primary"
        title={view.playing ? t('ui.replay.pause') : t('ui.replay.play')}
        aria-label={view.playing ? t('ui.replay.pause') : t('ui.replay.play')}
        disabled={!ready}
        data-replay-play
        onClick={() => (view.playing ? replay.pause() : replay.play())}
      >
        <Icon name={view.playing ? 'pause' : 'play'} />
      </button>
      <button
        type="button"
        class="su-btn su-btn-icon"
        title={t('ui.replay.stepForward')}
        aria-label={t('ui.replay.stepForward')}
        disabled={!ready || view.tick >= final}
        data-replay-step="1"
        onClick={() => replay.stepBy(1)}
      >
        <Icon name="chevronRight" />
      </button>
      <input
        type="range"
        class="su-replay-slider"
        min={0}
        max={final}
        step={1}
        value={view.tick}
        list="su-replay-days"
        aria-label={t('ui.replay.slider')}
        aria-valuetext={where}
        data-replay-slider
        onInput={(event) => replay.seek(Number((event.currentTarget as HTMLInputElement).value))}
        onKeyDown={(event) => {
          const by = keyStep(event.key);
          if (by === 0) return;
          // The slider's own steps vary by browser: a minute, or an hour a page, always.
          event.preventDefault();
          replay.stepBy(by);
        }}
      />
      <datalist id="su-replay-days">
        {dayMarks(final).map((tick) => (
          <option key={tick} value={tick} />
        ))}
      </datalist>
      <span class="su-replay-time" data-replay-tick={view.tick} aria-hidden="true">
        {where}
      </span>
      <select
        class="su-replay-speed"
        aria-label={t('ui.replay.speed')}
        title={t('ui.replay.speed')}
        value={String(view.speed)}
        onChange={(event) => replay.setSpeed(Number((event.currentTarget as HTMLSelectElement).value) as Speed)}
      >
        {SPEEDS.map((speed) => (
          <option key={speed} value={String(speed)}>
            {t('hud.speed', { speed })}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ScrubBar({ replay }: { replay: ReplayClient }) {
  const { t, lang } = useT();
  const view = useStore(replay.view);
  const stage = useStore(stageRect);
  const doc = replay.doc;
  const ref = useRef<HTMLElement>(null);
  // The diagram keeps out of the bar's way (viewer.ts diagramStage): its height and margins.
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const observer = new ResizeObserver(() => scrubBarSpace.set(el.offsetHeight + 2 * MARGIN));
    observer.observe(el);
    return () => {
      observer.disconnect();
      scrubBarSpace.set(0);
    };
  }, []);
  // Placed over the stage's bottom edge; before the stage is measured, along the window's bottom.
  const place =
    stage.width > 0
      ? { left: `${stage.x + MARGIN}px`, width: `${Math.max(0, stage.width - 2 * MARGIN)}px`, top: `${stage.y + stage.height - MARGIN}px` }
      : { left: `${MARGIN}px`, right: `${MARGIN}px`, bottom: `${MARGIN}px` };
  return (
    <section ref={ref} class="su-replay-bar" style={place} aria-label={t('ui.replay.barLabel')} data-replay-phase={view.phase}>
      <div class="su-replay-row su-replay-head">
        <span class="su-replay-title">
          <Icon name="restart" />
          <strong>{t('ui.replay.title')}</strong>
          <span class="su-replay-scenario">{doc.scenario.name[lang]}</span>
          {replay.source.kind === 'file' && <span class="su-replay-file">{t('ui.replay.fromFile', { name: replay.source.name })}</span>}
        </span>
        {doc.teams.length > 1 && (
          <label class="su-replay-team">
            <span>{t('ui.replay.team')}</span>
            <select
              value={view.team}
              data-replay-team
              onChange={(event) => void replay.selectTeam((event.currentTarget as HTMLSelectElement).value)}
            >
              {doc.teams.map((id) => (
                <option key={id} value={id}>
                  {teamLabel(t, id)}
                </option>
              ))}
            </select>
          </label>
        )}
        {view.phase === 'loading' ? (
          <BuildProgress label={t('ui.replay.preparingTeam', { team: teamLabel(t, view.team) })} progress={view.progress} />
        ) : (
          <Verdict faithful={view.faithful} fromFile={replay.source.kind === 'file'} />
        )}
        <span class="su-replay-actions">
          <ShareButtons replay={replay} />
          <button type="button" class="su-btn su-btn-small" data-replay-back onClick={() => replay.close()}>
            <Icon name="chevronLeft" />
            {t('ui.replay.back')}
          </button>
        </span>
      </div>
      <Transport replay={replay} view={view} />
    </section>
  );
}
