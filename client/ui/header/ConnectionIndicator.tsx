/** The link to the game server, in words and an icon (not a coloured dot alone). */
import type { ConnectionStatus } from '../../net/model';
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
    <div class="su-connection" role="status" aria-label={t('ui.header.connectionLabel')} data-status={status}>
      <Badge tone={look.tone}>{t(look.key)}</Badge>
    </div>
  );
}
