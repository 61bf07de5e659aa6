/**
 * Over the game screen when this seat was opened in another tab or on another device: that one
 * plays now, this one is stopped and says so plainly, with a way to play here instead (which
 * takes the seat back, and the other tab then shows this same screen).
 */
import { useT } from './hooks';
import type { UiClient } from './uiClient';

export function SeatMoved({ client }: { client: UiClient }) {
  const { t } = useT();
  return (
    <div class="su-modal-backdrop su-seat-moved" role="alertdialog" aria-labelledby="su-seat-moved-text">
      <div class="su-seat-moved-card">
        <p id="su-seat-moved-text">{t('ui.seatMoved.text')}</p>
        <button type="button" class="su-btn su-btn-primary" onClick={() => void client.resumeLastGame()}>
          {t('ui.seatMoved.playHere')}
        </button>
      </div>
    </div>
  );
}
