/**
 * Re-runs one team of a finished game off the page's thread (shared/debrief/roomRecord.ts): a long
 * game takes about a second per team, and a workshop may have twelve. The replay comes once, then
 * one team at a time; each answer carries the team's whole record (plain data, cloned across).
 */
import { rerunTeam, type ReplayInput, type TeamRun } from '../../../shared/debrief/roomRecord';

export type RerunRequest = { replay: ReplayInput } | { team: string };
export type RerunReply = { team: string; run: TeamRun } | { team: string; error: string };

// Typed by hand: the project's TypeScript lib is the page's (DOM), not a worker's.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<RerunRequest>) => void) | null;
  postMessage(message: RerunReply): void;
};

let replay: ReplayInput | null = null;

scope.onmessage = (event) => {
  const request = event.data;
  if ('replay' in request) {
    replay = request.replay;
    return;
  }
  try {
    if (replay === null) throw new Error('no replay yet');
    scope.postMessage({ team: request.team, run: rerunTeam(replay, request.team) });
  } catch (error) {
    scope.postMessage({ team: request.team, error: String(error) });
  }
};
