/**
 * The room debrief's data: the stored result and replay of a finished match or workshop, and every
 * team re-run from the replay, one team after another (runTeams.ts). Each finished team is added
 * as it comes, so the ranking fills in while the rest still run and the progress line counts up.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TeamRun } from '../../../shared/debrief/roomRecord';
import type { GameResult, ReplayDocument } from '../../../shared/protocol/results';
import type { UiClient } from '../uiClient';
import { teamRunner } from './runTeams';

export type RoomState =
  | { status: 'loading' }
  | { status: 'missing' }
  | {
      status: 'running' | 'ready';
      result: GameResult | null;
      replay: ReplayDocument;
      /** The teams re-run so far, by id. */
      runs: ReadonlyMap<string, TeamRun>;
    };

export function useRoomRecord(client: Pick<UiClient, 'result' | 'replay'>, resultId: string, replayId: string): RoomState {
  const [state, setState] = useState<RoomState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    let stop = () => {};
    setState({ status: 'loading' });
    const load = async () => {
      const [result, replay] = await Promise.all([client.result(resultId), client.replay(replayId)]);
      if (!live) return;
      // Without the replay there is nothing to re-run; without the result, the re-runs still rank the teams.
      if (replay === null) {
        setState({ status: 'missing' });
        return;
      }
      const base = { result: result?.result ?? null, replay };
      let runs = new Map<string, TeamRun>();
      setState({ status: replay.teams.length === 0 ? 'ready' : 'running', ...base, runs });
      const runner = teamRunner(replay);
      stop = runner.stop;
      for (const team of replay.teams) {
        const run = await runner.run(team);
        if (!live) return;
        runs = new Map(runs).set(team, run);
        setState({ status: runs.size === replay.teams.length ? 'ready' : 'running', ...base, runs });
      }
      runner.stop();
    };
    load().catch(() => {
      if (live) setState({ status: 'missing' });
    });
    return () => {
      live = false;
      stop();
    };
  }, [client, resultId, replayId]);
  return state;
}
