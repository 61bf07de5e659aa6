/**
 * When the diagram switches to reduced effects by itself: when the frame rate has stayed low for a
 * while. Frames are counted in windows of WINDOW_MS; a window below LOW_FPS counts against the
 * machine, one at or above it starts the count again, and LOW_WINDOWS low windows in a row switch.
 * Gaps longer than PAUSE_MS (a hidden tab, a breakpoint, a long load) are not frames the player
 * watched: they neither count nor reset.
 */

/** Frames per second under which a window counts as low. */
const LOW_FPS = 30;
const WINDOW_MS = 2000;
/** Low windows in a row that switch to reduced effects (10 s). */
const LOW_WINDOWS = 5;
const PAUSE_MS = 500;

interface FrameRateWatch {
  /** Frames and milliseconds counted in the current window. */
  frames: number;
  elapsedMs: number;
  /** Low windows in a row so far. */
  lowWindows: number;
}

export function frameRateWatch(): FrameRateWatch {
  return { frames: 0, elapsedMs: 0, lowWindows: 0 };
}

/** Counts one frame that took `deltaMs`; true once the frame rate has stayed low long enough. */
export function countFrame(watch: FrameRateWatch, deltaMs: number): boolean {
  if (!(deltaMs > 0) || deltaMs > PAUSE_MS) return false;
  watch.frames++;
  watch.elapsedMs += deltaMs;
  if (watch.elapsedMs < WINDOW_MS) return false;
  const fps = (watch.frames * 1000) / watch.elapsedMs;
  watch.lowWindows = fps < LOW_FPS ? watch.lowWindows + 1 : 0;
  watch.frames = 0;
  watch.elapsedMs = 0;
  return watch.lowWindows >= LOW_WINDOWS;
}
