/** The stored result of the game this client shows, fetched once its id arrives (null until then, or when it cannot be read). */
import { useEffect, useState } from 'preact/hooks';
import type { ResultDocument } from '../../../shared/protocol/results';
import type { UiClient } from '../uiClient';

export type ResultState = { status: 'waiting' } | { status: 'ready'; document: ResultDocument } | { status: 'missing' };

export function useResult(client: UiClient, resultId: string | null): ResultState {
  const [state, setState] = useState<ResultState>({ status: 'waiting' });
  useEffect(() => {
    if (resultId === null) {
      setState({ status: 'waiting' });
      return;
    }
    let live = true;
    void client.result(resultId).then((document) => {
      if (live) setState(document === null ? { status: 'missing' } : { status: 'ready', document });
    });
    return () => {
      live = false;
    };
  }, [client, resultId]);
  return state;
}
