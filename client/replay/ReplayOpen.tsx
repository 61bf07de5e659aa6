/**
 * Opening a replay file: the start screen's button (a file picker) and a file dropped anywhere on
 * the page, outside a live game (a replay shown is replaced by the dropped one). A file that is
 * not a replay is refused with one clear line in the player's language, shown until dismissed.
 */
import { useRef } from 'preact/hooks';
import { useStore, useT } from '../ui/hooks';
import { Icon } from '../ui/Icon';
import { useFileDrop } from '../ui/useFileDrop';
import { FileDropFrame, JsonFileField } from '../ui/fileOpening';
import type { UiClient } from '../ui/uiClient';
import { openReplayFile, replayOpening } from './viewer';
import './replay.css';

/** The start screen's "Open a replay file". */
export function OpenReplayFile({ client, disabled }: { client: UiClient; disabled: boolean }) {
  const { t } = useT();
  const input = useRef<HTMLInputElement>(null);
  const opening = useStore(replayOpening);
  return (
    <div class="su-replay-open">
      <button
        type="button"
        class="su-btn su-btn-quiet"
        disabled={disabled || opening.status === 'opening'}
        data-replay-open
        onClick={() => input.current?.click()}
      >
        <Icon name="restart" />
        {t('ui.replay.openFile')}
      </button>
      <span class="su-muted su-replay-open-help">{t('ui.replay.openFileHelp')}</span>
      <JsonFileField inputRef={input} data="replay-file" onFile={(file) => void openReplayFile(client, file)} />
    </div>
  );
}

/**
 * The page takes a dropped replay file while `enabled` (no live game on screen): a frame says so
 * while a file is dragged over it. Also shows why the last file was refused.
 */
export function ReplayDrop({ client, enabled }: { client: UiClient; enabled: boolean }) {
  const { t } = useT();
  const opening = useStore(replayOpening);
  const dragging = useFileDrop(enabled, (file) => void openReplayFile(client, file));
  return (
    <>
      {dragging && <FileDropFrame text={t('ui.replay.dropHere')} />}
      {/* A link's missing replay is said on the link's own page. */}
      {opening.status === 'failed' && opening.error !== 'notFound' && (
        <div class="su-replay-refused" role="alert" data-replay-error={opening.error} title={opening.detail}>
          <Icon name="warn" size={16} />
          <span>
            <strong>{t('ui.replay.error.title')}</strong> {t(`ui.replay.error.${opening.error}`)}
          </span>
          <button
            type="button"
            class="su-btn su-btn-icon su-btn-small"
            aria-label={t('ui.notices.dismiss')}
            title={t('ui.notices.dismiss')}
            onClick={() => replayOpening.set({ status: 'idle' })}
          >
            <Icon name="cross" />
          </button>
        </div>
      )}
    </>
  );
}
