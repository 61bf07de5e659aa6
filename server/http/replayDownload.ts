// What GET /api/replays/:id sends for a stored replay: its compact form (shared/replay/compact.ts),
// without the store's own fields (the room it was played in, when it was stored).
import { encodeReplay, type CompactReplay } from '../../shared/replay/compact';
import type { ReplayRecord } from '../store/types';

export function replayForDownload(replay: ReplayRecord): CompactReplay {
  return encodeReplay(replay);
}
