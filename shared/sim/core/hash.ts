/**
 * A stable hash of the state: a canonical serialisation (object keys sorted, numbers in
 * ECMAScript's exactly specified shortest round-trip form) fed to 64-bit FNV-1a. Two states
 * with the same hash are, for every practical purpose, the same state.
 */

/** Canonical JSON: sorted keys, no whitespace; undefined members are left out as JSON does. */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      // NaN and ±Infinity are not JSON: spell them so they still hash distinctly.
      return Number.isFinite(value) ? String(value) : `"${String(value)}"`;
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(value)) {
        const parts: string[] = [];
        for (const item of value) parts.push(item === undefined ? 'null' : canonicalJson(item));
        return `[${parts.join(',')}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort(compareCodeUnits);
      const parts: string[] = [];
      for (const key of keys) {
        const member = record[key];
        if (member === undefined) continue;
        parts.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(`cannot hash a ${typeof value}`);
  }
}

/** Orders strings by UTF-16 code units, independent of any locale. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * 64-bit FNV-1a over the bytes of `text`'s UTF-16 code units (low byte first), as 16 hex digits.
 * The 64-bit state is kept as four 16-bit limbs so that every product stays exact in doubles.
 */
export function fnv1a64(text: string): string {
  const h = [0x2325, 0x8422, 0x9ce4, 0xcbf2];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    mixByte(h, unit & 0xff);
    mixByte(h, unit >>> 8);
  }
  return hex4(h[3] as number) + hex4(h[2] as number) + hex4(h[1] as number) + hex4(h[0] as number);
}

/** h = (h XOR byte) × 0x100000001b3 mod 2^64, with the prime split as 2^40 + 0x1b3. */
function mixByte(h: number[], byte: number): void {
  const h0 = (h[0] as number) ^ byte;
  const h1 = h[1] as number;
  const h2 = h[2] as number;
  const h3 = h[3] as number;
  // 2^40 = 2^32 · 2^8: h0 moves up two limbs and h1 up to the top limb, each times 2^8.
  const c0 = h0 * 0x1b3;
  const c1 = h1 * 0x1b3 + Math.floor(c0 / 0x10000);
  const c2 = h2 * 0x1b3 + h0 * 0x100 + Math.floor(c1 / 0x10000);
  const c3 = h3 * 0x1b3 + h1 * 0x100 + Math.floor(c2 / 0x10000);
  h[0] = c0 % 0x10000;
  h[1] = c1 % 0x10000;
  h[2] = c2 % 0x10000;
  h[3] = c3 % 0x10000;
}

function hex4(limb: number): string {
  return limb.toString(16).padStart(4, '0');
}

/** The state hash that replays, golden fixtures and crash recovery compare. */
export function hashState(state: unknown): string {
  return fnv1a64(canonicalJson(state));
}
