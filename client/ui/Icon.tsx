/**
 * Inline SVG icons: they draw the same on every machine (a workshop laptop may have no emoji or
 * symbol font, and the bundled Noto Sans KR has no ✓ ✕ ▲), and take the text colour.
 */
const PATHS = {
  check: 'M3 8.5l3.2 3.2L13 4.8',
  warn: 'M8 2.2L14.5 13.5H1.5Z M8 6.5v3.2 M8 11.6v.4',
  cross: 'M3.5 3.5l9 9 M12.5 3.5l-9 9',
  dot: 'M8 5.5a2.5 2.5 0 1 0 0.01 0',
  pause: 'M5.5 3v10 M10.5 3v10',
  play: 'M4.5 2.8L13 8 4.5 13.2Z',
  book: 'M2 3.5c2-1 4-1 6 .5v9.5c-2-1.5-4-1.5-6-.5Z M14 3.5c-2-1-4-1-6 .5v9.5c2-1.5 4-1.5 6-.5Z',
  plus: 'M8 3v10 M3 8h10',
  minus: 'M3 8h10',
  close: 'M4 4l8 8 M12 4l-8 8',
  back: 'M10 3L5 8l5 5',
  chevronRight: 'M6 3l5 5-5 5',
  chevronLeft: 'M10 3L5 8l5 5',
  chevronDown: 'M3 6l5 5 5-5',
  link: 'M6.5 9.5l3-3 M7 4.5l1-1a2.8 2.8 0 0 1 4 4l-1 1 M9 11.5l-1 1a2.8 2.8 0 0 1-4-4l1-1',
  restart: 'M13 8a5 5 0 1 1-1.5-3.6 M12 1.8v3h-3',
  trash: 'M3 4.5h10 M6.5 4.5V3h3v1.5 M4.5 4.5l.7 9h5.6l.7-9',
  signal: 'M2 13h2V10H2Z M6 13h2V7H6Z M10 13h2V3h-2Z',
  bell: 'M4 11V7a4 4 0 0 1 8 0v4l1 1.5H3Z M6.5 14h3',
  undo: 'M5 6H10a3.5 3.5 0 0 1 0 7H6 M7.5 3.2L4.7 6l2.8 2.8',
  copy: 'M5.5 5.5h7v7h-7Z M3.5 10.5v-7h7',
} as const;

export type IconName = keyof typeof PATHS;

/** Decorative: the text next to it says the same (aria-hidden). */
export function Icon({ name, size = 14 }: { name: IconName; size?: number }) {
  const filled = name === 'play' || name === 'dot';
  return (
    <svg
      class={`su-icon su-icon-${name}`}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
