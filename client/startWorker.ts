/**
 * A module worker, or null where the page cannot have one (no Worker, or one refused by the
 * browser): the callers then do the work on the page's thread. `make` must be written out at the
 * call as `new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })`: that is
 * the form Vite finds and bundles.
 */
export function startWorker(make: () => Worker): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return make();
  } catch {
    return null;
  }
}
