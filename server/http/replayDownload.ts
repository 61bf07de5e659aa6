// What GET /api/replays/:id sends for a stored replay.
import type { ReplayRecord } from '../store/types';

export function replayForDownload(replay: ReplayRecord): unknown {
  return replay;
}
