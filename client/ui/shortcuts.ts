/**
 * Keyboard shortcuts of the game screen: Space pauses or resumes, 1–6 set the speed to 1×, 2×, 4×,
 * 8×, 16× or 32× — only when this room's clock may be changed, and never while the player is typing (a
 * join code, a number field) or working a form control that uses those keys itself.
 */
import type { ClockModel } from '../state/model';
import { SPEEDS, type ControlMessage, type Speed } from '../../shared/protocol/messages';

/** Key '1' for the first speed, '2' for the second, … */
const SPEED_KEYS: Readonly<Record<string, Speed>> = Object.fromEntries(SPEEDS.map((speed, i) => [String(i + 1), speed]));

/** What the shortcut handler needs of the element that has focus. */
export interface FocusTarget {
  tagName: string;
  isContentEditable?: boolean;
}

/** Elements whose own keyboard handling must win: text entry, selects, sliders, checkboxes. */
export function isTypingTarget(target: FocusTarget | null): boolean {
  if (target === null) return false;
  const tag = target.tagName.toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable === true;
}

/**
 * The clock control a key press asks for, or null when the key means nothing here. `key` is
 * `KeyboardEvent.key` (' ' for Space); modified presses (Ctrl+1 switches browser tabs) are not ours.
 */
export function shortcutFor(
  key: string,
  modifiers: { ctrl?: boolean; meta?: boolean; alt?: boolean },
  target: FocusTarget | null,
  clock: Pick<ClockModel, 'adjustable' | 'paused' | 'phase'> | null,
): ControlMessage | null {
  if (clock === null || !clock.adjustable || clock.phase !== 'running') return null;
  if (modifiers.ctrl === true || modifiers.meta === true || modifiers.alt === true) return null;
  if (isTypingTarget(target)) return null;
  if (key === ' ' || key === 'Spacebar') return { action: clock.paused ? 'resume' : 'pause' };
  const speed = SPEED_KEYS[key];
  return speed === undefined ? null : { action: 'speed', speed };
}
