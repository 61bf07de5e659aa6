/** Space pauses/resumes and 1–6 set the speed, only where the clock may change and never while typing. */
import { describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor } from '../../../client/ui/shortcuts';

const running = { adjustable: true, paused: false, phase: 'running' as const };
const body = { tagName: 'BODY' };
const none = {};

describe('keyboard shortcuts', () => {
  it('Space pauses a running clock and resumes a paused one', () => {
    expect(shortcutFor(' ', none, body, running)).toEqual({ action: 'pause' });
    expect(shortcutFor(' ', none, body, { ...running, paused: true })).toEqual({ action: 'resume' });
  });

  it('keys 1–6 set the speed to 1×, 2×, 4×, 8×, 16×, 32×', () => {
    expect(['1', '2', '3', '4', '5', '6'].map((key) => shortcutFor(key, none, body, running))).toEqual([
      { action: 'speed', speed: 1 },
      { action: 'speed', speed: 2 },
      { action: 'speed', speed: 4 },
      { action: 'speed', speed: 8 },
      { action: 'speed', speed: 16 },
      { action: 'speed', speed: 32 },
    ]);
    expect(shortcutFor('7', none, body, running)).toBeNull();
    expect(shortcutFor('a', none, body, running)).toBeNull();
  });

  it('does nothing when the clock is not adjustable, not running, or there is no game', () => {
    expect(shortcutFor(' ', none, body, { ...running, adjustable: false })).toBeNull();
    expect(shortcutFor('2', none, body, { ...running, phase: 'waiting' })).toBeNull();
    expect(shortcutFor('2', none, body, { ...running, phase: 'finished' })).toBeNull();
    expect(shortcutFor(' ', none, body, null)).toBeNull();
  });

  it('leaves keys alone while typing or working a form control, and with modifiers (Ctrl+1 switches tabs)', () => {
    for (const tagName of ['INPUT', 'input', 'TEXTAREA', 'SELECT'])
      expect(shortcutFor(' ', none, { tagName }, running), tagName).toBeNull();
    expect(shortcutFor('1', none, { tagName: 'DIV', isContentEditable: true }, running)).toBeNull();
    expect(shortcutFor('1', { ctrl: true }, body, running)).toBeNull();
    expect(shortcutFor('1', { meta: true }, body, running)).toBeNull();
    expect(shortcutFor(' ', { alt: true }, body, running)).toBeNull();
    // A focused button is not typing: Space is the game's pause key there too.
    expect(shortcutFor(' ', none, { tagName: 'BUTTON' }, running)).toEqual({ action: 'pause' });
  });

  it('knows which elements take typing', () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
  });
});
