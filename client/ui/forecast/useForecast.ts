/**
 * Asking the room for the plan's forecast whenever the plan, the horizon or `askAgain` changes:
 * the newest question wins (an older answer arriving late is dropped), the last answer stays on
 * screen, dimmed, while the next is computed, and a question the room was too busy for (its rate
 * limit, its workers all taken) is asked again by itself after a moment.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ForecastAnswer } from '../../../shared/protocol/forecast';
import type { ForecastFailure } from '../../net/forecasts';
import type { PlannedCommand } from './change';
import type { ForecastClient } from './forecastClient';

/** An answer with the change it answers ("Do it" sends that change, not a newer plan). */
interface Answered {
  answer: ForecastAnswer;
  change: PlannedCommand[];
}

export interface ForecastView {
  answered: Answered | null;
  loading: boolean;
  failure: ForecastFailure | null;
}

/** Refusals that pass: the rate limit refills a question every 2 s, and a busy worker frees up. */
const RETRIED: ReadonlySet<ForecastFailure> = new Set(['rate-limited', 'forecast-busy']);
const RETRY_MS = 2100;
const RETRIES = 3;

export function useForecast(client: ForecastClient, change: PlannedCommand[], ticks: number, askAgain: number): ForecastView {
  const [view, setView] = useState<ForecastView>({ answered: null, loading: true, failure: null });
  const key = JSON.stringify(change);
  useEffect(() => {
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const ask = (attempt: number) => {
      setView((last) => ({ ...last, loading: true, failure: null }));
      void client.forecast(ticks, change).then((reply) => {
        if (!live || reply.kind === 'superseded') return;
        if (reply.kind === 'answer') {
          setView({ answered: { answer: reply.answer, change }, loading: false, failure: null });
          return;
        }
        if (RETRIED.has(reply.reason) && attempt < RETRIES) {
          retry = setTimeout(() => ask(attempt + 1), RETRY_MS);
          return;
        }
        setView((last) => ({ ...last, loading: false, failure: reply.reason }));
      });
    };
    ask(0);
    return () => {
      live = false;
      clearTimeout(retry);
    };
    // `change` is compared by its text: the plan store makes a new array on every update.
  }, [client, key, ticks, askAgain]);
  return view;
}
