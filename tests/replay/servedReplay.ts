/** A replay as GET /api/replays/:id sends it (the compact form), read back into the document; throws saying why when it does not read. */
import type { ReplayDocument } from '../../shared/protocol/results';
import { readReplay } from '../../shared/replay/readReplay';

export function servedReplay(body: unknown): ReplayDocument {
  const read = readReplay(body);
  if (!read.ok) throw new Error(`the served replay does not read: ${read.error}: ${read.detail}`);
  return read.replay;
}
