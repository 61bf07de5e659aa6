/**
 * A finished match's stored result and every team's game re-run from its replay
 * (shared/debrief/record.ts), for the results' charts and each team's debrief. The replay is
 * fetched once and the teams are re-run one per task, so the page stays responsive and says how
 * far it got; each re-run is checked against the state hash the server recorded at the end.
 */
import { useEffect, useState } from 'preact/hooks';
import { recordGame, type GameRecord } from '../../../shared/debrief/record';
import type { GameResult } from '../../../shared/protocol/results';
import { hashState } from '../../../shared/sim';
import type { UiClient } from '../uiClient';

interface TeamRecord {
  team: string;
  record: GameRecord;
  /** The re-run reached the hash the server recorded (false: another version of the game ran it). */
  faithful: boolean;
}

export interface MatchRecords {
  /** The stored result, once it has arrived (null before, or when it could not be fetched). */
  result: GameResult | null;
  /** 'loading' while fetching or re-running; 'missing' when the replay cannot be had. */
  status: 'loading' | 'ready' | 'missing';
  /** Re-run so far, in the replay's team order. */
  records: TeamRecord[];
  /** Teams the replay holds (0 until it has arrived). */
  total: number;
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

export function useMatchRecords(client: UiClient, resultId: string | null, replayId: string | null): MatchRecords {
  const [state, setState] = useState<MatchRecords>({ result: null, status: 'loading', records: [], total: 0 });
  useEffect(() => {
    let live = true;
    setState({ result: null, status: 'loading', records: [], total: 0 });
    const load = async () => {
      const resultPromise = resultId === null ? Promise.resolve(null) : client.result(resultId).catch(() => null);
      void resultPromise.then((doc) => live && setState((s) => ({ ...s, result: doc?.result ?? null })));
      const replay = replayId === null ? null : await client.replay(replayId).catch(() => null);
      if (!live) return;
      if (replay === null) {
        setState((s) => ({ ...s, status: 'missing' }));
        return;
      }
      setState((s) => ({ ...s, total: replay.teams.length }));
      const records: TeamRecord[] = [];
      for (const team of replay.teams) {
        // A frame for the progress line first: a long game takes a moment per team.
        await nextTask();
        if (!live) return;
        const record = recordGame(replay.scenario, replay.seed, replay.log, team, replay.finalTick);
        const expected = replay.finalHashes[team];
        records.push({ team, record, faithful: expected === undefined || expected === hashState(record.final) });
        setState((s) => ({ ...s, records: [...records] }));
      }
      setState((s) => ({ ...s, status: 'ready' }));
    };
    load().catch(() => {
      if (live) setState((s) => ({ ...s, status: 'missing' }));
    });
    return () => {
      live = false;
    };
  }, [client, resultId, replayId]);
  return state;
}
