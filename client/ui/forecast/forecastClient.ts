/**
 * Whether "what if" can be asked here: only a player of a running live game can (the room runs
 * the forecast). A replay, a spectator, an instructor and the dev pages' local game cannot, and
 * their panels show no "what if" at all.
 */
import type { GameClient } from '../../net/gameClient';
import type { UiClient } from '../uiClient';

export type ForecastClient = UiClient & Pick<GameClient, 'forecast' | 'sendAndWait'>;

export function whatIfClient(client: UiClient): ForecastClient | null {
  if (client.replaying === true) return null;
  const able = client as Partial<ForecastClient>;
  if (typeof able.forecast !== 'function' || typeof able.sendAndWait !== 'function') return null;
  const game = client.game.get();
  if (game === null || game.clock.phase !== 'running') return null;
  if (game.me.role !== 'player' && game.me.role !== 'captain') return null;
  const team = game.me.team === null ? undefined : game.teams[game.me.team];
  return team !== undefined && team.gameOver === null ? (client as ForecastClient) : null;
}
