// A repair for @colyseus/core 0.18's SchemaSerializer with filtered (`.view()`) state: when the
// part of the full state every client shares (room, clock, seats, team ids) outgrows the
// serializer's 16 KB buffer, `encodeAll` writes it into a grown copy, but the serializer keeps
// its old buffer and hands that to `encodeAllView`, whose own resize copies only the old 16 KB:
// a joining client then receives the shared bytes past 16 KB as zeros (team ids, the last seats'
// fields and often whole teams missing, with no decoding error). This keeps the serializer's
// buffer in step with the grown one and encodes again once when it had to grow.
// tests/server/fullState.test.ts fails without it (a room whose seats pass 16 KB).
import { SchemaSerializer } from '@colyseus/core';

interface FullStateSerializer {
  fullEncodeBuffer?: Uint8Array;
  fullEncodeCache?: Uint8Array;
  needFullEncode?: boolean;
  getFullState(...args: unknown[]): Uint8Array;
}

const PATCHED = Symbol.for('scale-up:full-state-buffer');

/** Installs the repair once per process (later calls do nothing). */
export function repairFullStateBuffer(): void {
  const proto = SchemaSerializer.prototype as unknown as FullStateSerializer & { [PATCHED]?: true };
  if (proto[PATCHED] === true) return;
  proto[PATCHED] = true;
  const original = proto.getFullState;
  proto.getFullState = function getFullState(this: FullStateSerializer, ...args: unknown[]): Uint8Array {
    const before = this.fullEncodeBuffer;
    const out = original.apply(this, args);
    const cache = this.fullEncodeCache;
    // Fields a later Colyseus may rename or drop: then there is nothing to repair here.
    if (before === undefined || cache === undefined || cache.buffer === before.buffer) return out;
    // encodeAll outgrew the buffer: adopt the grown one (its first byte is still the message
    // code) and encode again, so the view part is written after the whole shared part.
    this.fullEncodeBuffer = new Uint8Array(cache.buffer as ArrayBuffer);
    this.needFullEncode = true;
    return original.apply(this, args);
  };
}
