/**
 * The simulated clock and, where the room allows it (solo, workshop host), pause/resume and the
 * speed buttons. The buttons name their keyboard shortcut, which mountUi listens for. Where the
 * header is tight (header.css) the six buttons give way to one menu of the same speeds, so that
 * the figures and the money warning keep their room.
 */
import { SPEEDS, type Speed } from '../../../shared/protocol/messages';
import { clockOf } from '../../i18n';
import type { ClockModel } from '../../state/model';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import type { UiClient } from '../uiClient';

/** Why the clock stands still, for someone who cannot start it again themselves. */
function pausedText(clock: ClockModel): string {
  if (clock.pauseReason === 'instructor-away') return 'ui.header.waitingForInstructor';
  return clock.adjustable ? 'ui.header.paused' : 'ui.header.pausedByInstructor';
}

export function ClockControls({ clock, client }: { clock: ClockModel; client: UiClient }) {
  const { t } = useT();
  const { day, time } = clockOf(clock.tick);
  const running = clock.phase === 'running';
  return (
    <div class="su-clock" data-paused={clock.paused && running ? 'true' : undefined}>
      <span class="su-clock-time" role="timer" aria-label={t('ui.header.clockLabel')} aria-live="off">
        {t('hud.clock', { day, time })}
      </span>
      {clock.phase !== 'running' && <span class="su-clock-phase">{t(`ui.header.phase.${clock.phase}`)}</span>}
      {clock.adjustable && running && (
        <>
          <button
            type="button"
            class="su-btn su-btn-icon su-pause"
            aria-keyshortcuts="Space"
            title={`${clock.paused ? t('hud.resume') : t('hud.pause')} (${t('ui.header.spaceKey')})`}
            onClick={() => client.control({ action: clock.paused ? 'resume' : 'pause' })}
          >
            <Icon name={clock.paused ? 'play' : 'pause'} />
            <span class="su-visually-hidden">{clock.paused ? t('hud.resume') : t('hud.pause')}</span>
          </button>
          <div class="su-speeds" role="group" aria-label={t('ui.header.speedLabel')}>
            {SPEEDS.map((speed, i) => (
              <button
                key={speed}
                type="button"
                class="su-btn su-speed"
                aria-pressed={!clock.paused && clock.speed === speed}
                aria-keyshortcuts={String(i + 1)}
                title={t('ui.header.speedKey', { speed: t('hud.speed', { speed }), key: i + 1 })}
                onClick={() => client.control({ action: 'speed', speed })}
              >
                {t('hud.speed', { speed })}
              </button>
            ))}
          </div>
          <select
            class="su-speed-select"
            aria-label={t('ui.header.speedLabel')}
            title={t('ui.header.speedKeys', { last: SPEEDS.length })}
            aria-keyshortcuts={SPEEDS.map((_, i) => String(i + 1)).join(' ')}
            value={String(clock.speed)}
            onChange={(event) =>
              client.control({ action: 'speed', speed: Number((event.currentTarget as HTMLSelectElement).value) as Speed })
            }
          >
            {SPEEDS.map((speed, i) => (
              <option key={speed} value={String(speed)} title={t('ui.header.speedKey', { speed: t('hud.speed', { speed }), key: i + 1 })}>
                {t('hud.speed', { speed })}
              </option>
            ))}
          </select>
        </>
      )}
      {!clock.adjustable && running && <span class="su-clock-speed">{t('hud.speed', { speed: clock.speed })}</span>}
      {clock.paused && running && <span class="su-paused-flag">{t(pausedText(clock))}</span>}
    </div>
  );
}
