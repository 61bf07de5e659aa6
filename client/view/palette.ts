/**
 * The diagram's colours, as 0xRRGGBB numbers (what Phaser's tints take). A calm dark
 * operations-centre look: neutral greys for structure, and one accent per state chosen so that
 * players with any common colour-vision deficiency still tell them apart (blue / yellow / orange /
 * magenta, never red against green; tests/client/view/trafficStyle.test.ts checks the distances
 * under simulated protanopia, deuteranopia and tritanopia). Colour is never the only cue: states
 * also get an icon, a pattern or motion (see trafficStyle.ts).
 */

export const PALETTE = {
  /** The page background (`--bg` in index.html). */
  background: 0x0f1419,
  /** Region columns and tier lanes. */
  lane: 0x131a21,
  laneAlt: 0x111820,
  laneLine: 0x1f2a35,
  /** A component card and its raised parts. */
  card: 0x18212b,
  cardRaised: 0x212c38,
  cardBorder: 0x33414f,
  /** Text. */
  text: 0xe6edf3,
  muted: 0x8b98a5,
  faint: 0x5b6875,
  /** Edges at rest. */
  edge: 0x3a4a5a,
  /** Selection and the connection being drawn. */
  selected: 0xffffff,
  connectTarget: 0x7fd1ff,

  /** States: healthy blue, busy yellow, degraded orange, down magenta; grey when unknown. */
  healthy: 0x4da3ff,
  busy: 0xf0e442,
  degraded: 0xf07a28,
  dead: 0xb82e9e,
  unknown: 0x8b98a5,
  provisioning: 0x6f7d8b,
} as const;

/** The four state accents, in order of alarm. */
export const STATE_COLOURS = [PALETTE.healthy, PALETTE.busy, PALETTE.degraded, PALETTE.dead] as const;

/** Linear mix of two 0xRRGGBB colours (t = 0 → a, t = 1 → b), channel by channel. */
export function mixColour(a: number, b: number, t: number): number {
  const k = t <= 0 ? 0 : t >= 1 ? 1 : t;
  const ch = (shift: number) => {
    const x = (a >> shift) & 0xff;
    const y = (b >> shift) & 0xff;
    return Math.round(x + (y - x) * k) << shift;
  };
  return ch(16) | ch(8) | ch(0);
}

/** CSS form of a colour, for canvas drawing and Phaser text styles. */
export function cssColour(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}
