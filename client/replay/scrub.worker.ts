/**
 * The replay worker: keyframes with the chart history (one run from the start, in slices that
 * report how far it is) and seeks, off the page's thread (client/replay/jobs.ts says in what
 * order). A three-day game's run takes a moment, and a drag along the slider asks for a seek every
 * frame; the page stays smooth through both.
 */
import { ReplayEngine } from './engine';
import { ReplayJobs, type ScrubReply, type ScrubRequest } from './jobs';

// Typed by hand: the project's TypeScript lib is the page's (DOM), not a worker's.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ScrubRequest>) => void) | null;
  postMessage(message: ScrubReply): void;
};

const jobs = new ReplayJobs(
  new ReplayEngine(),
  (reply) => scope.postMessage(reply),
  (run) => setTimeout(run, 0),
);

scope.onmessage = (event) => jobs.receive(event.data);
