/**
 * The DOM UI's single entry point. `root` is an empty element laid over the diagram's canvas
 * (mountUi makes it a fixed full-window layer that lets clicks through wherever no panel is).
 * Returns a function that unmounts it.
 */
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import { render } from 'preact';
import { normaliseCode } from '../../shared/protocol/joinCode';
import { App } from './App';
import { activeReplay, replayIdFromPath } from '../replay/viewer';
import { isTypingTarget, shortcutFor } from './shortcuts';
import type { UiClient } from './uiClient';
import { uiState } from '../state/uiState';
import { applyUiColours } from '../theme/colours';
import './ui.css';
import './header.css';
import './controls.css';
import './panels.css';
import './inspector.css';
import './overlays.css';
import './seatMoved.css';
import './campaign/campaign.css';

/** The join code of a `/join/<code>` link (a workshop's or a friend's invitation), or null. */
export function joinCodeFromPath(path: string): string | null {
  const match = /^\/join\/([A-Za-z0-9-]{4,12})\/?$/.exec(path);
  return match === null ? null : normaliseCode(match[1] as string);
}

export function mountUi(root: HTMLElement, client: UiClient, path = '/'): () => void {
  // The CSS's var(--su-…) colours come from the theme file, before the first render.
  applyUiColours(document.documentElement);
  root.classList.add('su-root');
  render(<App client={client} joinCode={joinCodeFromPath(path)} replayId={replayIdFromPath(path)} />, root);

  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    // Escape steps back: first out of picking a connection target, then out of the inspector.
    if (event.key === 'Escape' && uiState.get().connectingFrom !== null) {
      uiState.update((u) => ({ ...u, connectingFrom: null }));
      return;
    }
    if (event.key === 'Escape' && uiState.get().selected !== null && uiState.get().openConcept === null && !isTypingTarget(target)) {
      uiState.update((u) => ({ ...u, selected: null }));
      return;
    }
    // A replay on screen takes the clock's keys for its playback.
    const shown: UiClient = activeReplay.get() ?? client;
    const control = shortcutFor(
      event.key,
      { ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey },
      target,
      shown.game.get()?.clock ?? null,
    );
    if (control === null) return;
    // Space would also scroll the page or press the focused button.
    event.preventDefault();
    shown.control(control);
  };
  // A click on the diagram (the canvas under the UI) takes focus away from the last UI control,
  // as a click on an empty page would: the canvas swallows the press, and a speed button keeping
  // its focus ring next to the pressed one reads as a second selected speed.
  const onPointerDown = (event: PointerEvent) => {
    const active = document.activeElement;
    if (event.target instanceof Node && root.contains(event.target)) return;
    if (active instanceof HTMLElement && root.contains(active)) active.blur();
  };
  document.addEventListener('keydown', onKey);
  document.addEventListener('pointerdown', onPointerDown);

  return () => {
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('pointerdown', onPointerDown);
    render(null, root);
    root.classList.remove('su-root');
  };
}
