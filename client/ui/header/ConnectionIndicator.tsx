/**
 * The link to the game server, in words and an icon (not a coloured dot alone). Where the header is
 * tight, a healthy link keeps only its icon (the words stay for screen readers and as a tooltip);
 * any other state keeps its words, because then it matters.
 */
import type { ConnectionStatus } from '../../state/model';
import { Badge } from '../common';
import type { Tone } from './headerFigures';
import { useT } from '../hooks';

const LOOK: Record<ConnectionStatus, { tone: Tone; key: string }> = {
  idle: { tone: 'neutral', key: 'hud.connection.idle' },
  connecting: { tone: 'warn', key: 'hud.connection.connecting' },
  online: { tone: 'good', key: 'hud.connection.connected' },
  reconnecting: { tone: 'warn', key: 'hud.connection.reconnecting' },
  offline: { tone: 'bad', key: 'hud.connection.offline' },
  replaced: { tone: 'neutral', key: 'hud.connection.replaced' },
};

export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  const { t } = useT();
  const look = LOOK[status];
  return (
    <div class="su-connection" role="status" aria-label={t('ui.header.connectionLabel')} data-status={status} title={t(look.key)}>
      <Badge tone={look.tone}>
        <span class="su-connection-text">{t(look.key)}</span>
      </Badge>
    </div>
  );
}
