/**
 * The room's clock, for the instructor: the simulated time of day and the time left, start (while
 * the room waits), pause and resume, the speeds, and end (asked first: it ends the game for every
 * team). A pause the room made by itself while the instructor was away says so, and so does the
 * instructor's own connection while it is not up.
 */
import { useState } from 'preact/hooks';
import { SPEEDS } from '../../../shared/protocol/messages';
import { clockOf, formatDuration } from '../../i18n';
import type { ConnectionStatus, GameModel } from '../../state/model';
import { Badge } from '../common';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import type { UiClient } from '../uiClient';
import { Confirm } from './Confirm';

export function ClockBar({
  client,
  game,
  status,
  scenarioName,
}: {
  client: UiClient;
  game: GameModel;
  status: ConnectionStatus;
  scenarioName: string;
}) {
  const { t, lang } = useT();
  const [ending, setEnding] = useState(false);
  const clock = game.clock;
  const { day, time } = clockOf(clock.tick);
  const running = clock.phase === 'running';
  const left = game.durationTicks > 0 ? Math.max(0, game.durationTicks - clock.tick) : null;
  return (
    <div class="su-ws-clock" data-phase={clock.phase} data-paused={clock.paused ? 'true' : undefined}>
      <span class="su-ws-scenario" title={scenarioName}>
        {scenarioName}
      </span>
      <span class="su-ws-time" role="timer" aria-label={t('ui.header.clockLabel')}>
        <Icon name="clock" size={18} />
        {t('hud.clock', { day, time })}
      </span>
      {left !== null && <span class="su-muted">{t('ui.workshop.clock.left', { time: formatDuration(lang, left) })}</span>}
      <span class={`su-ws-phase${clock.paused && running ? ' su-note' : ''}`}>
        {running && clock.paused ? t('ui.header.paused') : t(`ui.header.phase.${clock.phase}`)}
        {clock.pauseReason === 'instructor-away' && ` · ${t('ui.workshop.clock.away')}`}
      </span>
      {/* The instructor's own connection: while it is down, nothing here reaches the room. */}
      {status !== 'online' && <Badge tone="warn">{t(`hud.connection.${status}`)}</Badge>}
      <span class="su-spacer" />
      {clock.phase === 'waiting' && (
        <button
          type="button"
          class="su-btn su-btn-primary su-btn-large"
          data-action="start"
          onClick={() => client.control({ action: 'start' })}
        >
          <Icon name="play" />
          {t('ui.workshop.clock.start')}
        </button>
      )}
      {running && (
        <>
          <button
            type="button"
            class={`su-btn${clock.paused ? ' su-btn-primary' : ''}`}
            data-action={clock.paused ? 'resume' : 'pause'}
            onClick={() => client.control({ action: clock.paused ? 'resume' : 'pause' })}
          >
            <Icon name={clock.paused ? 'play' : 'pause'} />
            {clock.paused ? t('hud.resume') : t('hud.pause')}
          </button>
          <div class="su-ws-speeds" role="group" aria-label={t('ui.header.speedLabel')}>
            {SPEEDS.map((speed) => (
              <button
                key={speed}
                type="button"
                class="su-btn su-btn-small"
                aria-pressed={!clock.paused && clock.speed === speed}
                data-speed={speed}
                onClick={() => client.control({ action: 'speed', speed })}
              >
                {t('hud.speed', { speed })}
              </button>
            ))}
          </div>
          <button type="button" class="su-btn su-btn-danger" data-action="end" onClick={() => setEnding(true)}>
            {t('ui.workshop.clock.end')}
          </button>
        </>
      )}
      {ending && (
        <Confirm
          title={t('ui.workshop.clock.endTitle')}
          confirm={t('ui.workshop.clock.end')}
          onConfirm={() => client.control({ action: 'end' })}
          onClose={() => setEnding(false)}
        >
          <p>{t('ui.workshop.clock.endHelp')}</p>
        </Confirm>
      )}
    </div>
  );
}
