/**
 * The scrub bar's arithmetic, apart from its looks so the tests pin it: where a tick is in
 * simulated time (the header's own clock words, "Day 2 06:00"), where the days begin along the
 * slider, and how far playback moves in a moment of real time.
 */
import { clockOf, MINUTES_PER_DAY } from '../i18n/format';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A tick inside the replay: whole, from 0 (the start) to the last tick the game reached. */
export function clampTick(tick: number, finalTick: number): number {
  if (!Number.isFinite(tick)) return 0;
  return Math.max(0, Math.min(finalTick, Math.round(tick)));
}

/** The simulated time of a tick as the game's header writes it. */
export function tickTime(t: Translate, tick: number): string {
  const { day, time } = clockOf(tick);
  return t('hud.clock', { day, time });
}

/** Where the slider is, for the eye ("Day 2 06:00 / Day 4 00:00") and for a screen reader. */
export function positionText(t: Translate, tick: number, finalTick: number): string {
  return t('ui.replay.position', { now: tickTime(t, tick), end: tickTime(t, finalTick) });
}

/** The ticks where a new simulated day starts strictly inside the replay: the slider's marks. */
export function dayMarks(finalTick: number): number[] {
  const marks: number[] = [];
  for (let tick = MINUTES_PER_DAY; tick < finalTick; tick += MINUTES_PER_DAY) marks.push(tick);
  return marks;
}

/**
 * Where playback is after `elapsedMs` of real time at `speed` (ticks per second, as the game's
 * clock at that speed runs), from `from`; it stops at the end.
 */
export function playbackTick(from: number, speed: number, elapsedMs: number, finalTick: number): number {
  return Math.min(finalTick, from + Math.max(0, Math.floor((speed * elapsedMs) / 1000)));
}

/** Ticks a keyboard step moves the slider: a minute with the arrows, an hour a page. */
export function keyStep(key: string): number {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return -1;
    case 'ArrowRight':
    case 'ArrowUp':
      return 1;
    case 'PageDown':
      return -60;
    case 'PageUp':
      return 60;
    default:
      return 0;
  }
}
