/**
 * Re-runs the teams of a replay one after the other without freezing the page: in a Web Worker
 * when the browser gives one (the page stays responsive while a team runs), else in the page with a
 * pause between teams so the progress line is drawn. A worker that fails hands the teams still to
 * run to the page, so a browser without workers still gets its debrief.
 */
import { rerunTeam, type ReplayInput, type TeamRun } from '../../../shared/debrief/roomRecord';
import type { RerunReply, RerunRequest } from './rerun.worker';
import { startWorker } from '../../startWorker';

export interface TeamRunner {
  run(team: string): Promise<TeamRun>;
  stop(): void;
}

/** Long enough for the browser to paint the progress line before a team runs in the page. */
const PAINT_MS = 20;

function inPage(replay: ReplayInput, team: string): Promise<TeamRun> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        resolve(rerunTeam(replay, team));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, PAINT_MS);
  });
}

export function teamRunner(replay: ReplayInput): TeamRunner {
  let worker = startWorker(() => new Worker(new URL('./rerun.worker.ts', import.meta.url), { type: 'module' }));
  const send = (request: RerunRequest) => worker?.postMessage(request);
  send({
    replay: { scenario: replay.scenario, seed: replay.seed, log: replay.log, finalTick: replay.finalTick, finalHashes: replay.finalHashes },
  });
  const retire = () => {
    worker?.terminate();
    worker = null;
  };
  return {
    run(team) {
      const current = worker;
      if (current === null) return inPage(replay, team);
      return new Promise<TeamRun>((resolve, reject) => {
        const done = () => {
          current.removeEventListener('message', onMessage);
          current.removeEventListener('error', onError);
        };
        const onMessage = (event: MessageEvent<RerunReply>) => {
          if (event.data.team !== team) return;
          done();
          if ('run' in event.data) resolve(event.data.run);
          else reject(new Error(event.data.error));
        };
        // The worker could not start or crashed: this team and the rest run in the page.
        const onError = (event: Event) => {
          event.preventDefault();
          done();
          retire();
          inPage(replay, team).then(resolve, reject);
        };
        current.addEventListener('message', onMessage);
        current.addEventListener('error', onError);
        send({ team });
      });
    },
    stop: retire,
  };
}
