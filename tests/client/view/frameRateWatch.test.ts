import { describe, expect, it } from 'vitest';
import { countFrame, frameRateWatch } from '../../../client/view/frameRateWatch';

/** Feeds `seconds` of frames at `fps`; returns whether any frame asked to switch. */
function run(watch: ReturnType<typeof frameRateWatch>, fps: number, seconds: number): boolean {
  let switched = false;
  const frames = Math.round(fps * seconds);
  for (let i = 0; i < frames; i++) switched = countFrame(watch, 1000 / fps) || switched;
  return switched;
}

describe('switching to reduced effects when the frame rate stays low', () => {
  it('switches after ten seconds below 30 fps, not before', () => {
    const watch = frameRateWatch();
    expect(run(watch, 20, 9)).toBe(false);
    expect(run(watch, 20, 1.2)).toBe(true);
  });

  it('never switches at a smooth frame rate', () => {
    expect(run(frameRateWatch(), 60, 60)).toBe(false);
    expect(run(frameRateWatch(), 32, 60)).toBe(false);
  });

  it('starts counting again after a smooth stretch', () => {
    const watch = frameRateWatch();
    expect(run(watch, 15, 8)).toBe(false);
    expect(run(watch, 60, 2)).toBe(false);
    // Eight more low seconds: 8 s since the smooth window, still under ten.
    expect(run(watch, 15, 8)).toBe(false);
    expect(run(watch, 15, 2.2)).toBe(true);
  });

  it('ignores long gaps such as a hidden tab', () => {
    const watch = frameRateWatch();
    // One frame a second is a paused page, not a slow diagram.
    for (let i = 0; i < 30; i++) expect(countFrame(watch, 1000)).toBe(false);
    expect(watch.lowWindows).toBe(0);
  });
});
