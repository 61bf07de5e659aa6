// What the HTTP side tells a client about rooms it has not joined yet: the public matches waiting
// for players (from the matchmaker's listing, shared across processes with Redis) and the room a
// workshop's newer join code names (from presence).
import { matchMaker, type Presence } from '@colyseus/core';
import { ROOM_NAME } from '../../shared/protocol/messages';
import type { PublicMatch } from '../../shared/protocol/results';
import { roomOfAlias } from '../rooms/joinCode';
import { MATCH_TEAM_SIZE } from '../../shared/protocol/roomActions';
import type { RoomDirectory } from './routes';

/** At most this many matches are listed, the newest first. */
const LISTED = 50;

export function roomDirectory(presence: Presence): RoomDirectory {
  return {
    async openMatches(): Promise<PublicMatch[]> {
      const rooms = await matchMaker.query({ name: ROOM_NAME, private: false });
      return rooms
        .filter((room) => room.metadata?.mode === 'match' && room.metadata?.phase === 'waiting' && room.locked !== true)
        .sort((a, b) => String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')))
        .slice(0, LISTED)
        .map((room) => {
          const teams = String(room.metadata?.teams ?? '')
            .split(',')
            .filter((team) => team !== '');
          return {
            code: String(room.metadata?.code ?? room.roomId),
            scenario: String(room.metadata?.scenario ?? ''),
            teams,
            players: room.clients,
            capacity: teams.length * MATCH_TEAM_SIZE,
          };
        });
    },
    roomOfCode: (code) => roomOfAlias(presence, code),
  };
}
