/**
 * The diagram's colours, as 0xRRGGBB numbers (what Phaser's tints take), read from the game's one
 * colour file (assets/theme/colours.json, through theme/colours.ts; the DOM's tones are the same
 * accents). A calm dark operations-centre look: neutral greys for structure, and one accent per
 * state chosen so that players with any common colour-vision deficiency still tell them apart
 * (blue / yellow / orange / magenta, never red against green; tests/client/view/trafficStyle.test.ts
 * checks the distances under simulated protanopia, deuteranopia and tritanopia). Colour is never
 * the only cue: states also get an icon, a pattern or motion (see trafficStyle.ts).
 */
import { THEME, hexNumber } from '../theme/colours';

const diagram = THEME.diagram;
const states = THEME.states;

export const PALETTE = {
  /** The page background (index.html's too). */
  background: hexNumber(diagram.background),
  /** Region columns and tier lanes. */
  lane: hexNumber(diagram.lane),
  laneAlt: hexNumber(diagram.laneAlt),
  laneLine: hexNumber(diagram.laneLine),
  /** A component card and its raised parts. */
  card: hexNumber(diagram.card),
  cardRaised: hexNumber(diagram.cardRaised),
  cardBorder: hexNumber(diagram.cardBorder),
  /** The slivers of the cards stacked behind one with several instances, nearest first. */
  cardBehind: hexNumber(diagram.cardBehind),
  cardBehindFar: hexNumber(diagram.cardBehindFar),
  /** A dead component's card, tinged with the dead accent. */
  deadCard: hexNumber(diagram.deadCard),
  /** Text. */
  text: hexNumber(diagram.text),
  muted: hexNumber(diagram.muted),
  faint: hexNumber(diagram.faint),
  /** Edges at rest. */
  edge: hexNumber(diagram.edge),
  /** Selection and the connection being drawn. */
  selected: hexNumber(diagram.selected),
  connectTarget: hexNumber(diagram.connectTarget),

  /** States: healthy blue, busy yellow, degraded orange, down magenta; grey when unknown. */
  healthy: hexNumber(states.healthy),
  busy: hexNumber(states.busy),
  degraded: hexNumber(states.degraded),
  dead: hexNumber(states.dead),
  unknown: hexNumber(states.unknown),
  provisioning: hexNumber(states.provisioning),
} as const;

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
