/**
 * How a colour looks to players with a colour-vision deficiency, and how far apart two colours
 * look: protanopia, deuteranopia and tritanopia simulated with Machado et al. (2009)'s matrices
 * on linear RGB, distances measured in CIELAB. Plus WCAG 2's contrast ratio for text. Shared by
 * the diagram's palette test (view/trafficStyle.test.ts) and the DOM's (ui/themeColours.test.ts).
 */
type Vec3 = [number, number, number];

const VISIONS: Record<string, [Vec3, Vec3, Vec3]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
};

export const VISION_NAMES = Object.keys(VISIONS);

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function linearRgb(colour: number): Vec3 {
  return [(colour >> 16) & 255, (colour >> 8) & 255, colour & 255].map((c) => toLinear(c / 255)) as Vec3;
}

function lab([r, g, b]: Vec3): Vec3 {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  [r, g, b] = [clamp(r), clamp(g), clamp(b)];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function seenAs(colour: number, vision: string): Vec3 {
  const c = linearRgb(colour);
  const m = VISIONS[vision]!;
  return lab(m.map((row) => row[0] * c[0] + row[1] * c[1] + row[2] * c[2]) as Vec3);
}

/** How far apart two 0xRRGGBB colours look with a vision (CIELAB ΔE*ab; about 2 is just noticeable). */
export function distance(a: number, b: number, vision: string): number {
  const p = seenAs(a, vision);
  const q = seenAs(b, vision);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** WCAG 2 contrast ratio of two opaque 0xRRGGBB colours (1–21; body text needs 4.5). */
export function contrastRatio(a: number, b: number): number {
  const luminance = (colour: number) => {
    const [r, g, b] = linearRgb(colour);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A colour with an alpha laid over an opaque one, channel by channel (sRGB, as browsers blend). */
export function over(colour: number, alpha: number, under: number): number {
  const ch = (shift: number) => Math.round(((colour >> shift) & 255) * alpha + ((under >> shift) & 255) * (1 - alpha)) << shift;
  return ch(16) | ch(8) | ch(0);
}

/** The hue of a 0xRRGGBB colour, degrees. */
export function hue(colour: number): number {
  const [r, g, b] = [(colour >> 16) & 255, (colour >> 8) & 255, colour & 255].map((v) => v / 255) as Vec3;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}
