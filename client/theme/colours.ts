/**
 * The game's design colours, read from one data file (assets/theme/colours.json) by both halves of
 * the client: the diagram's palette (view/palette.ts) takes them as numbers, and the DOM gets them
 * as `--su-*` custom properties set on the page at start-up (so its CSS keeps writing
 * `var(--su-…)`). The DOM's state tones (good / warn / bad / neutral) are not colours of their own:
 * the file maps each to one of the diagram's state accents, so a healthy box on the canvas and a
 * "good" badge beside it are the same blue, and the colour-vision checks of the accents
 * (tests/client/view/trafficStyle.test.ts, tests/client/ui/themeColours.test.ts) cover both.
 */
import colours from '../../assets/theme/colours.json' with { type: 'json' };

export const THEME = colours;

type StateAccent = keyof typeof colours.states;
export const TONE_NAMES = ['good', 'warn', 'bad', 'neutral'] as const;
export type ToneName = (typeof TONE_NAMES)[number];

const HEX = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i;

/** A `#rrggbb` or `#rrggbbaa` colour as its 0xRRGGBB number and its alpha (0–1). */
export function parseHex(hex: string): { rgb: number; alpha: number } {
  const match = HEX.exec(hex);
  if (match === null) throw new Error(`assets/theme/colours.json: "${hex}" is not #rrggbb or #rrggbbaa`);
  return { rgb: parseInt(match[1]!, 16), alpha: match[2] === undefined ? 1 : parseInt(match[2], 16) / 255 };
}

/** An opaque `#rrggbb` colour as 0xRRGGBB (what Phaser's tints take). */
export function hexNumber(hex: string): number {
  const { rgb, alpha } = parseHex(hex);
  if (alpha !== 1) throw new Error(`assets/theme/colours.json: "${hex}" must be opaque here`);
  return rgb;
}

/** A theme colour with an alpha, as CSS (for canvas drawing, e.g. the charts' grid lines). */
export function withAlpha(hex: string, alpha: number): string {
  const { rgb } = parseHex(hex);
  return `rgb(${(rgb >> 16) & 255} ${(rgb >> 8) & 255} ${rgb & 255} / ${Math.round(alpha * 1000) / 10}%)`;
}

/** The state accent a DOM tone is drawn in (the file's `tones` map). */
export function toneColour(tone: ToneName): string {
  const accent = colours.tones[tone];
  if (!(accent in colours.states)) throw new Error(`assets/theme/colours.json: tone "${tone}" names no state accent ("${accent}")`);
  return colours.states[accent as StateAccent];
}

/** The DOM's custom properties: `--su-<name>` for each UI colour and each tone. */
export function uiCustomProperties(): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(colours.ui)) properties[`--su-${name}`] = value;
  for (const tone of TONE_NAMES) properties[`--su-${tone}`] = toneColour(tone);
  return properties;
}

/**
 * Sets the DOM's colour custom properties on an element (the page's root at start-up, before the
 * UI first renders, so no panel is ever drawn without them).
 */
export function applyUiColours(element: HTMLElement): void {
  for (const [name, value] of Object.entries(uiCustomProperties())) element.style.setProperty(name, value);
}
