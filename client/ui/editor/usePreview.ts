/**
 * The traffic preview of the scenario being written, worked out a moment after the last change
 * and in slices of simulated time between frames, so typing never waits for it (a month of a
 * large scenario is some tens of milliseconds of work). The last preview stays on screen while
 * the next is worked out, and while the document does not pass the checks.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Scenario } from '../../../shared/sim/core/scenario';
import { startPreview, type DemandPreview } from './preview';

/** Simulated minutes worked out per slice: a few milliseconds each. */
const SLICE_TICKS = 2_000;
/** Quiet time after a change before the preview starts again. */
const SETTLE_MS = 150;

/** One point per this many simulated minutes: smooth daily curves, a few thousand points for a month. */
function pointEvery(ticks: number): number {
  return ticks <= 3 * 1440 ? 5 : ticks <= 14 * 1440 ? 10 : 20;
}

interface ShownPreview {
  preview: DemandPreview;
  /** The scenario it was worked out for (the one being written may have changed since). */
  scenario: Scenario;
}

export function usePreview(scenario: Scenario | null, ticks: number): { shown: ShownPreview | null; working: boolean } {
  const [shown, setShown] = useState<ShownPreview | null>(null);
  const [working, setWorking] = useState(false);
  useEffect(() => {
    if (scenario === null) return;
    setWorking(true);
    let timer: ReturnType<typeof setTimeout> | null = null;
    let cancelled = false;
    timer = setTimeout(() => {
      const run = startPreview(scenario, ticks, pointEvery(ticks));
      const slice = () => {
        if (cancelled) return;
        if (run.advance(SLICE_TICKS)) {
          setShown({ preview: run.result(), scenario });
          setWorking(false);
        } else timer = setTimeout(slice, 0);
      };
      slice();
    }, SETTLE_MS);
    return () => {
      cancelled = true;
      if (timer !== null) clearTimeout(timer);
    };
  }, [scenario, ticks]);
  return { shown, working };
}
