/**
 * The state hash is what replays, golden fixtures and (later) the browser compare, so its two
 * halves are pinned down here: the canonical serialisation (key order must never matter) and the
 * 64-bit FNV-1a, checked against a straightforward BigInt implementation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../shared/scenarios';
import { canonicalJson, cloneState, createSim, hashState, step } from '../../shared/sim';
import { fnv1a64 } from '../../shared/sim/core/hash';

const FC = { seed: 0x5ca1e, numRuns: 200 } as const;

/** Reference FNV-1a 64 over the UTF-16 code units of `text`, low byte first, in BigInt. */
function fnv1a64Reference(text: string): string {
  const prime = 0x100000001b3n;
  const mask = (1n << 64n) - 1n;
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    for (const byte of [unit & 0xff, unit >>> 8]) {
      hash ^= BigInt(byte);
      hash = (hash * prime) & mask;
    }
  }
  return hash.toString(16).padStart(16, '0');
}

/** The same members inserted in another order, recursively. */
function reorderKeys(value: unknown, pick: (length: number) => number): unknown {
  if (Array.isArray(value)) return value.map((item) => reorderKeys(item, pick));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const result: Record<string, unknown> = {};
  while (entries.length > 0) {
    const [key, member] = entries.splice(pick(entries.length), 1)[0]!;
    // defineProperty, not assignment: a "__proto__" key must stay an own member.
    Object.defineProperty(result, key, { value: reorderKeys(member, pick), enumerable: true, writable: true, configurable: true });
  }
  return result;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves out undefined members', () => {
    const value = { b: 1, a: { d: [3, { z: true, y: null }], c: 'x' }, u: undefined, ㄱ: 0, A: -1.5 };
    expect(canonicalJson(value)).toBe('{"A":-1.5,"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1,"ㄱ":0}');
  });

  it('sorts by UTF-16 code units, not by locale', () => {
    // 'Z' (0x5A) < 'a' (0x61) < 'é' (0xE9) < '가' (0xAC00) < '😀' (0xD83D …) < '\uFFFD'.
    const value = { '\uFFFD': 6, '😀': 5, 가: 4, é: 3, a: 2, Z: 1 };
    expect(Object.keys(JSON.parse(canonicalJson(value)) as object)).toEqual(['Z', 'a', 'é', '가', '😀', '\uFFFD']);
  });

  it('spells numbers in the shortest round-trip form and non-finite numbers as strings', () => {
    expect(canonicalJson([0.1 + 0.2, 1e21, 5e-324, -0, 1 / 3])).toBe('[0.30000000000000004,1e+21,5e-324,0,0.3333333333333333]');
    expect(canonicalJson([NaN, Infinity, -Infinity])).toBe('["NaN","Infinity","-Infinity"]');
    expect(canonicalJson([undefined, 'a"\\\n'])).toBe('[null,"a\\"\\\\\\n"]');
  });

  it('is insensitive to key insertion order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.infiniteStream(fc.nat()), (value, picks) => {
        const iterator = picks[Symbol.iterator]();
        const reordered = reorderKeys(value, (length) => (iterator.next().value as number) % length);
        expect(canonicalJson(reordered)).toBe(canonicalJson(value));
        expect(hashState(reordered)).toBe(hashState(value));
      }),
      FC,
    );
  });

  it('is valid JSON that parses back to the same data (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        // -0 is spelled 0, the only value JSON itself would keep apart.
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      FC,
    );
  });

  it('sorts the keys of a whole sim state', () => {
    const state = createSim(loadPreset('sandbox'), 1);
    const reversed = reorderKeys(state, (length) => length - 1);
    expect(Object.keys(reversed as object)).toEqual(Object.keys(state).reverse()); // really reordered
    expect(canonicalJson(reversed)).toBe(canonicalJson(state));
  });
});

describe('fnv1a64', () => {
  const samples = [
    '',
    'a',
    'foobar',
    '{"tick":0}',
    '안녕하세요, 세계', // Hangul syllables: high bytes 0xAC–0xD7
    '각 한글 ㄱㄴㄷ', // conjoining jamo and compatibility jamo
    '😀🚀 emoji', // surrogate pairs
    '\uD83D', // a lone high surrogate
    '\uDE00x\uD800', // lone low and high surrogates
    '\u0000\u00ff\u0100\uffff', // byte boundaries of a code unit
    'x'.repeat(10_000),
  ];

  it.each(samples.map((text) => [JSON.stringify(text).slice(0, 40), text]))('matches the BigInt reference on %s', (_label, text) => {
    expect(fnv1a64(text)).toBe(fnv1a64Reference(text));
  });

  it('is the standard offset basis on the empty string and hashes each code unit as two bytes', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    // "a" is the bytes 61 00: the standard FNV-1a 64 of those two bytes.
    expect(fnv1a64('a')).toBe(fnv1a64Reference('a'));
    expect(fnv1a64('a')).not.toBe('af63dc4c8601ec8c'); // that would be the one-byte "a"
  });

  it('matches the BigInt reference on arbitrary strings (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 100 }),
          fc.string({ unit: 'grapheme', maxLength: 60 }),
          fc.string({ maxLength: 50 }),
        ),
        (text) => {
          const hash = fnv1a64(text);
          expect(hash).toMatch(/^[0-9a-f]{16}$/);
          expect(hash).toBe(fnv1a64Reference(text));
        },
      ),
      FC,
    );
  });
});

describe('hashState', () => {
  function runningState() {
    const state = createSim(loadPreset('constant-load'), 3);
    for (let i = 0; i < 5; i++) step(state);
    return state;
  }

  it('is 16 hex digits and equal for a deep copy', () => {
    const state = runningState();
    expect(hashState(state)).toMatch(/^[0-9a-f]{16}$/);
    expect(hashState(cloneState(state))).toBe(hashState(state));
  });

  it('changes when one nested number changes, even by one ulp', () => {
    const state = runningState();
    const base = hashState(state);
    const mutations: Array<(s: ReturnType<typeof runningState>) => void> = [
      (s) => (s.components[1]!.figures.lambda += 1),
      (s) => (s.components[1]!.figures.lambda *= 1 + Number.EPSILON),
      (s) => (s.regions[0]!.satisfaction -= 2 ** -40),
      (s) => (s.rng.world[2]! ^= 1),
      (s) => (s.scenario.classMix.job += 1e-9),
      (s) => (s.components[2]!.count += 1),
      (s) => (s.money = -s.money),
    ];
    const seen = new Set([base]);
    for (const mutate of mutations) {
      const copy = cloneState(state);
      mutate(copy);
      const hash = hashState(copy);
      expect(hash).not.toBe(base);
      seen.add(hash);
    }
    expect(seen.size).toBe(mutations.length + 1);
  });

  it('tells apart values whose JSON differs only in type or structure', () => {
    const distinct = [{ a: 1 }, { a: '1' }, { a: [1] }, { a: 1, b: null }, { a: true }, [1], '1', 1, null, {}];
    expect(new Set(distinct.map(hashState)).size).toBe(distinct.length);
  });
});
