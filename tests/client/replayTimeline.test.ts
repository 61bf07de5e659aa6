/**
 * The scrub bar's words and numbers: where the slider is in simulated time in both languages (the
 * header's own clock words), the day marks along it, playback's pace, and the keys that move it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { language, setLanguage, t } from '../../client/i18n';
import { clampTick, dayMarks, keyStep, playbackTick, positionText, tickTime } from '../../client/replay/timeline';

const before = language.get();
afterAll(() => setLanguage(before));

describe("the slider's time labels", () => {
  it('say the simulated day and time of a tick, and of the end, in English', () => {
    setLanguage('en');
    expect(tickTime(t, 0)).toBe('Day 1 00:00');
    expect(tickTime(t, 1439)).toBe('Day 1 23:59');
    expect(tickTime(t, 1440 + 6 * 60 + 5)).toBe('Day 2 06:05');
    expect(positionText(t, 2160, 4320)).toBe('Day 2 12:00 of Day 4 00:00');
    expect(positionText(t, 0, 600)).toBe('Day 1 00:00 of Day 1 10:00');
  });

  it('in Korean', () => {
    setLanguage('ko');
    expect(tickTime(t, 1440 + 6 * 60 + 5)).toBe('2일차 06:05');
    expect(positionText(t, 2160, 4320)).toBe('2일차 12:00 / 종료 4일차 00:00');
  });

  it('mark where each new day starts inside the replay', () => {
    expect(dayMarks(4320)).toEqual([1440, 2880]);
    expect(dayMarks(4321)).toEqual([1440, 2880, 4320]);
    expect(dayMarks(1440)).toEqual([]);
    expect(dayMarks(600)).toEqual([]);
    expect(dayMarks(0)).toEqual([]);
  });
});

describe('moving along a replay', () => {
  it('keeps ticks whole and inside the game', () => {
    expect(clampTick(-3, 600)).toBe(0);
    expect(clampTick(700, 600)).toBe(600);
    expect(clampTick(12.6, 600)).toBe(13);
    expect(clampTick(Number.NaN, 600)).toBe(0);
  });

  it("plays at the speed's ticks per second and stops at the end", () => {
    expect(playbackTick(100, 1, 999, 600)).toBe(100);
    expect(playbackTick(100, 1, 1000, 600)).toBe(101);
    expect(playbackTick(100, 32, 500, 600)).toBe(116);
    expect(playbackTick(590, 32, 10_000, 600)).toBe(600);
    expect(playbackTick(100, 8, -50, 600)).toBe(100);
  });

  it("moves a minute with the arrows and an hour a page; other keys are the browser's", () => {
    expect([keyStep('ArrowLeft'), keyStep('ArrowRight'), keyStep('ArrowDown'), keyStep('ArrowUp')]).toEqual([-1, 1, -1, 1]);
    expect([keyStep('PageDown'), keyStep('PageUp')]).toEqual([-60, 60]);
    expect([keyStep('Home'), keyStep('End'), keyStep('a')]).toEqual([0, 0, 0]);
  });
});
