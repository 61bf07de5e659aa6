/**
 * A QR code of the join link as one SVG path (uqr computes the modules; drawing them here keeps
 * the colours in the theme's stylesheet rather than in literal colours). Pure, for the tests.
 */
import { encode } from 'uqr';

export interface QrDrawing {
  /** Modules per side, including the quiet border. */
  size: number;
  /** One `h1v1h-1z` square per dark module. */
  d: string;
}

/** Medium error correction: a projector's glare or a smudged screen still scans. */
export function qrDrawing(text: string): QrDrawing {
  const qr = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  qr.data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return { size: qr.size, d };
}
