/** Preact hooks over the shared `Store`s: a component re-renders when a store it reads changes. */
import { useEffect, useState } from 'preact/hooks';
import { language, t, tList, type Language } from '../i18n';
import type { Store } from '../state/store';

/** The store's current value; re-renders the component on every change. */
export function useStore<T>(store: Store<T>): T {
  const [value, setValue] = useState<T>(() => store.get());
  useEffect(() => {
    const stop = store.subscribe((next) => setValue(() => next));
    return () => {
      stop();
    };
  }, [store]);
  return value;
}

/** The translation function and the language, re-rendering when the player switches language. */
export function useT(): { t: typeof t; tList: typeof tList; lang: Language } {
  const lang = useStore(language);
  return { t, tList, lang };
}
