/**
 * What the join page says when a join fails: the server's reason (its locale key under `reasons.`)
 * and what to do about it, in plain words. The network layer shows a notice too; the page keeps it
 * in view, since a participant who looked away must still see why they are not in. Pure, for the
 * tests.
 */
import { JOIN_REASONS } from '../../../shared/protocol/messages';

export interface JoinProblem {
  /** The reason's own sentence (`reasons.<code>`), or the page's for an unknown code or the network. */
  key: string;
  /** What to do next, or null when the reason says it. */
  nextKey: string | null;
  /** Whether trying again with this code can work (a removed participant cannot come back). */
  retry: boolean;
}

const NEXT: Readonly<Record<string, string>> = {
  'room-locked': 'ui.workshop.join.lockedNext',
  'code-expired': 'ui.workshop.join.expiredNext',
  'room-full': 'ui.workshop.join.fullNext',
  removed: 'ui.workshop.join.removedNext',
};

export function joinProblem(error: unknown): JoinProblem {
  const message = error instanceof Error ? error.message : String(error);
  if ((JOIN_REASONS as readonly string[]).includes(message)) {
    return { key: `reasons.${message}`, nextKey: NEXT[message] ?? null, retry: message !== 'removed' };
  }
  // Colyseus says `room "…" not found` for a code no room has (an old or mistyped one).
  if (/not found/i.test(message)) return { key: 'ui.workshop.join.noRoom', nextKey: 'ui.workshop.join.noRoomNext', retry: true };
  return { key: 'ui.workshop.join.failed', nextKey: 'ui.workshop.join.failedNext', retry: true };
}
