/**
 * The debrief's data: the stored result and the replay of a finished game, and the game re-run
 * from the replay (shared/debrief/record.ts) for one team, checked against the state hash the
 * server recorded at the end. The re-run waits a frame so that the "preparing" line is on screen
 * first: a long game takes a moment.
 */
import { useEffect, useState } from 'preact/hooks';
import type { GameRecord } from '../../../shared/debrief/record';
import { rerunTeam } from '../../../shared/debrief/roomRecord';
import type { GameResult } from '../../../shared/protocol/results';
import type { UiClient } from '../uiClient';

export type RecordState =
  | { status: 'loading' }
  | { status: 'missing' }
  /** `faithful`: the re-run reached the state hash the server recorded (false: another version of the game ran it). */
  | { status: 'ready'; record: GameRecord; result: GameResult | null; faithful: boolean };

export function useGameRecord(client: UiClient, resultId: string | null, replayId: string | null, team: string): RecordState {
  const [state, setState] = useState<RecordState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    const load = async () => {
      const [result, replay] = await Promise.all([
        resultId === null ? Promise.resolve(null) : client.result(resultId),
        replayId === null ? Promise.resolve(null) : client.replay(replayId),
      ]);
      if (!live) return;
      if (replay === null) {
        setState({ status: 'missing' });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 30));
      if (!live) return;
      // A team that went bankrupt stopped before the end; rerunTeam allows for that.
      const { record, faithful } = rerunTeam(replay, team);
      setState({ status: 'ready', record, result: result?.result ?? null, faithful });
    };
    load().catch(() => {
      if (live) setState({ status: 'missing' });
    });
    return () => {
      live = false;
    };
  }, [client, resultId, replayId, team]);
  return state;
}
