import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { E, LN10, LN2, PI, TAU, cos, exp, expm1, ln, log10, log1p, pow, powInt, sin } from '../../shared/sim/numerics/math';

// One file on purpose: every function of the sim's math against the same oracle and tolerance,
// and the purity check over shared/sim that makes using them mandatory.
// The host Math.* is the oracle here (tests may use it; shared/sim may not).
// V8's versions are fdlibm ports and within 1 ulp, so a few ulp of slack is
// plenty. 2^-52 relative is about 1–2 ulp; measured agreement is ≤ 1 ulp.
const EPS = 2 ** -52;
const TOL = 4 * EPS; // ≈ 8.9e-16, well inside the 1e-14 requirement
// Fixed seed so CI runs are reproducible; FC_SEED=<n> explores other inputs.
const SEED = process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : 0x5ca1e;

/** Relative error of `got` against `want`, falling back to absolute at 0. */
function relErr(got: number, want: number): number {
  if (got === want) return 0;
  return Math.abs(got - want) / (want === 0 ? 1 : Math.abs(want));
}

function expectClose(got: number, want: number, tol: number, label: string): void {
  const err = relErr(got, want);
  if (!(err <= tol)) throw new Error(`${label}: got ${got}, want ${want}, rel err ${err} > ${tol}`);
}

/** Evenly spaced points lo..hi inclusive. */
function grid(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => lo + ((hi - lo) * i) / n);
}

describe('exp', () => {
  it('matches Math.exp on a grid over the whole finite normal range', () => {
    for (const x of [...grid(-708, 709.78, 20000), ...grid(-2, 2, 4000), ...grid(-1e-6, 1e-6, 100)]) {
      expectClose(exp(x), Math.exp(x), TOL, `exp(${x})`);
    }
  });

  it('is within one subnormal step of Math.exp where the result is subnormal', () => {
    for (const x of grid(-745.13, -708.4, 2000)) {
      const want = Math.exp(x);
      expect(Math.abs(exp(x) - want)).toBeLessThanOrEqual(Math.max(TOL * want, Number.MIN_VALUE));
    }
  });

  it('matches Math.exp on random inputs', () => {
    fc.assert(
      fc.property(fc.double({ min: -708, max: 709.78, noNaN: true }), (x) => {
        expectClose(exp(x), Math.exp(x), TOL, `exp(${x})`);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('handles special values', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(1)).toBe(Math.E);
    expect(exp(Number.NaN)).toBeNaN();
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(709.78)).toBeLessThan(Infinity);
    expect(exp(709.8)).toBe(Infinity);
    expect(exp(1e308)).toBe(Infinity);
    expect(exp(-745.1)).toBe(Number.MIN_VALUE);
    expect(exp(-746)).toBe(0);
    expect(exp(-1e308)).toBe(0);
    expect(exp(5e-324)).toBe(1);
  });
});

describe('expm1 and log1p', () => {
  it('match Math.expm1 and Math.log1p, also where exp(x) − 1 and ln(1 + x) would cancel', () => {
    for (const x of [...grid(-30, 30, 3000), ...grid(-0.6, 0.6, 4000), ...grid(-1e-6, 1e-6, 200), 1e-300, -1e-300]) {
      expectClose(expm1(x), Math.expm1(x), 2 * TOL, `expm1(${x})`);
    }
    for (const x of [...grid(-0.999, 30, 3000), ...grid(-0.3, 0.3, 4000), ...grid(-1e-6, 1e-6, 200), 1e-300, -1e-300]) {
      expectClose(log1p(x), Math.log1p(x), 2 * TOL, `log1p(${x})`);
    }
  });

  it('handle the edges', () => {
    expect(expm1(0)).toBe(0);
    expect(log1p(0)).toBe(0);
    expect(expm1(800)).toBe(Infinity);
    expect(expm1(-800)).toBe(-1);
    expect(log1p(-1)).toBe(-Infinity);
    expect(log1p(-2)).toBeNaN();
    expect(expm1(Number.NaN)).toBeNaN();
    expect(log1p(Number.NaN)).toBeNaN();
  });
});

describe('ln', () => {
  it('matches Math.log on a log-spaced grid, near 1, and on subnormals', () => {
    const xs = [
      ...grid(-300, 300, 12000).map((e) => 10 ** e),
      ...grid(0.5, 2, 6000),
      ...grid(1 - 1e-9, 1 + 1e-9, 200),
      Number.MIN_VALUE,
      1e-320,
      2.2250738585072014e-308,
      Number.MAX_VALUE,
    ];
    for (const x of xs) expectClose(ln(x), Math.log(x), TOL, `ln(${x})`);
  });

  it('matches Math.log on random inputs', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        expectClose(ln(x), Math.log(x), TOL, `ln(${x})`);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('handles special values', () => {
    expect(ln(1)).toBe(0);
    expect(Object.is(ln(1), 0)).toBe(true);
    expect(ln(0)).toBe(-Infinity);
    expect(ln(-0)).toBe(-Infinity);
    expect(ln(-1)).toBeNaN();
    expect(ln(-Infinity)).toBeNaN();
    expect(ln(Number.NaN)).toBeNaN();
    expect(ln(Infinity)).toBe(Infinity);
    expect(ln(2)).toBe(LN2);
    expect(ln(10)).toBe(LN10);
    expect(ln(E)).toBe(1);
  });
});

describe('log10', () => {
  it('is exact at powers of ten, so digit counts are right', () => {
    for (let n = -22; n <= 22; n++) {
      const x = Number(`1e${n}`);
      expect(log10(x)).toBe(n);
    }
    expect(Math.floor(log10(999.9999999))).toBe(2);
    expect(Math.floor(log10(1000))).toBe(3);
  });

  it('matches Math.log10 elsewhere', () => {
    for (const e of grid(-300, 300, 6000)) {
      const x = 3.7 * 10 ** e;
      expectClose(log10(x), Math.log10(x), 2 * TOL, `log10(${x})`);
    }
    expect(log10(0)).toBe(-Infinity);
    expect(log10(-1)).toBeNaN();
  });
});

describe('pow and powInt', () => {
  it('powInt is exact where the result is representable', () => {
    expect(powInt(2, 52)).toBe(4503599627370496);
    expect(powInt(3, 20)).toBe(3486784401);
    expect(powInt(10, 22)).toBe(1e22);
    expect(powInt(2, -3)).toBe(0.125);
    expect(powInt(2, -1074)).toBe(Number.MIN_VALUE); // needs the (1/x)^n fallback
    expect(powInt(2, 1023)).toBe(8.98846567431158e307);
    expect(powInt(2, 1024)).toBe(Infinity);
    expect(powInt(-2, 3)).toBe(-8);
    expect(powInt(-2, 4)).toBe(16);
    expect(powInt(1.5, 0)).toBe(1);
    expect(powInt(0, 0)).toBe(1);
    expect(powInt(0, -1)).toBe(Infinity);
    expect(() => powInt(2, 0.5)).toThrow(RangeError);
  });

  it('powInt rounds at most once per multiply: error ≤ (|n| + 2)·2^-53 for |n| ≤ 64', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.25, max: 4, noNaN: true }), fc.integer({ min: -64, max: 64 }), (x, n) => {
        // (|n| − 1) multiplies, maybe one division, plus ~1 rounding in Math.pow itself.
        expectClose(powInt(x, n), Math.pow(x, n), ((Math.abs(n) + 2) * EPS) / 2, `powInt(${x}, ${n})`);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('pow has error ≈ |y·ln x|·2^-53 + a few ulp (its documented limit)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true }), (x, y) => {
        const want = Math.pow(x, y);
        fc.pre(want > 1e-300 && want < 1e300);
        // Small integer exponents take the powInt path, with its own bound.
        const viaPowInt = Number.isInteger(y) && Math.abs(y) <= 64;
        const tol = viaPowInt ? ((Math.abs(y) + 2) * EPS) / 2 : (Math.abs(y * Math.log(x)) + 4) * EPS;
        expectClose(pow(x, y), want, tol, `pow(${x}, ${y})`);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('handles special values', () => {
    expect(pow(10, 3)).toBe(1000);
    expect(pow(2, 10)).toBe(1024);
    expect(pow(2, 0.5)).toBeCloseTo(Math.SQRT2, 15);
    expect(pow(7, 0)).toBe(1);
    expect(pow(Number.NaN, 0)).toBe(1);
    expect(pow(Number.NaN, 1.5)).toBeNaN();
    expect(pow(2, Number.NaN)).toBeNaN();
    expect(pow(0, 2.5)).toBe(0);
    expect(pow(0, -2.5)).toBe(Infinity);
    expect(pow(-2, 3)).toBe(-8);
    expect(pow(-2, 65)).toBeCloseTo(-(2 ** 65), -5);
    expect(pow(-8, 1 / 3)).toBeNaN();
    expect(pow(2, 1024.5)).toBe(Infinity);
    expect(pow(2, -1100.5)).toBe(0);
    expect(pow(Infinity, 0.5)).toBe(Infinity);
    expect(pow(Infinity, -0.5)).toBe(0);
  });
});

describe('sin and cos', () => {
  const check = (x: number): void => {
    expectClose(sin(x), Math.sin(x), TOL, `sin(${x})`);
    expectClose(cos(x), Math.cos(x), TOL, `cos(${x})`);
  };

  it('match Math.sin/Math.cos on grids out to 1e6', () => {
    for (const x of grid(-20, 20, 40000)) check(x);
    for (const x of grid(-1e6, 1e6, 20000)) check(x);
    // Doubles nearest to multiples of π/2 make sin or cos tiny, so the relative
    // error there exposes any bits lost in the argument reduction.
    for (let k = -1000; k <= 1000; k++) check((k * Math.PI) / 2);
    for (let k = 1001; k < 1e6; k += 997) check((k * Math.PI) / 2);
  });

  it('match Math.sin/Math.cos on random inputs', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => check(x)),
      { seed: SEED, numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -1e-3, max: 1e-3, noNaN: true }), (x) => check(x)),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('handle special values and pin a few correctly rounded results', () => {
    expect(sin(0)).toBe(0);
    expect(Object.is(sin(-0), -0)).toBe(true);
    expect(cos(0)).toBe(1);
    expect(cos(-0)).toBe(1);
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      expect(sin(bad)).toBeNaN();
      expect(cos(bad)).toBeNaN();
    }
    expect(sin(PI / 2)).toBe(1);
    expect(cos(PI)).toBe(-1);
    expect(sin(PI)).toBe(1.2246467991473532e-16); // π − fl(π), correctly rounded
    expect(cos(PI / 2)).toBe(6.123233995736766e-17);
    expect(sin(1)).toBe(0.8414709848078965);
    expect(cos(1)).toBe(0.5403023058681398);
    expect(sin(TAU)).toBe(-2.4492935982947064e-16);
    expect(sin(1e-300)).toBe(1e-300);
  });

  it('stay finite and bounded past 1.6e6, with slowly growing error', () => {
    for (const x of [1.7e6, 1e7, 1e9, 1e15, 1e300, Number.MAX_VALUE]) {
      for (const v of [sin(x), cos(x), sin(-x), cos(-x)]) {
        expect(Number.isFinite(v)).toBe(true);
        expect(Math.abs(v)).toBeLessThanOrEqual(1);
      }
    }
    // Reduced modulo the double TAU (≠ 2π by 2.4e-16): error ≈ x·4e-17.
    for (const x of grid(1.6e6, 1e8, 1000)) {
      expect(Math.abs(sin(x) - Math.sin(x))).toBeLessThan(x * 1e-16);
      expect(Math.abs(cos(x) - Math.cos(x))).toBeLessThan(x * 1e-16);
    }
  });

  it('are odd and even exactly', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        expect(sin(-x)).toBe(-sin(x));
        expect(cos(-x)).toBe(cos(x));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe('identities', () => {
  it('exp(ln x) ≈ x and ln(exp x) ≈ x', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        // ln x is rounded once, so exp amplifies its error by |ln x|.
        expectClose(exp(ln(x)), x, (Math.abs(Math.log(x)) + 4) * EPS, `exp(ln(${x}))`);
      }),
      { seed: SEED, numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        expect(Math.abs(ln(exp(x)) - x)).toBeLessThanOrEqual(4 * EPS * Math.max(1, Math.abs(x)));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('exp(a + b) ≈ exp(a)·exp(b) and ln(ab) ≈ ln a + ln b', () => {
    fc.assert(
      fc.property(fc.double({ min: -300, max: 300, noNaN: true }), fc.double({ min: -300, max: 300, noNaN: true }), (a, b) => {
        expectClose(exp(a + b), exp(a) * exp(b), (Math.abs(a + b) + 8) * EPS, `exp(${a}+${b})`);
      }),
      { seed: SEED, numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.double({ min: 1e-150, max: 1e150, noNaN: true }), fc.double({ min: 1e-150, max: 1e150, noNaN: true }), (a, b) => {
        expect(Math.abs(ln(a * b) - (ln(a) + ln(b)))).toBeLessThanOrEqual(8 * EPS * Math.max(1, Math.abs(ln(a)) + Math.abs(ln(b))));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('sin² + cos² ≈ 1 and sin 2x ≈ 2 sin x cos x', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const s = sin(x);
        const c = cos(x);
        expect(Math.abs(s * s + c * c - 1)).toBeLessThanOrEqual(4 * EPS);
      }),
      { seed: SEED, numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (x) => {
        expect(Math.abs(sin(2 * x) - 2 * sin(x) * cos(x))).toBeLessThanOrEqual(8 * EPS);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('constants are the nearest doubles', () => {
    expect(LN2).toBe(Math.LN2);
    expect(LN10).toBe(Math.LN10);
    expect(PI).toBe(Math.PI);
    expect(TAU).toBe(2 * Math.PI);
    expect(E).toBe(Math.E);
  });
});

// ---------------------------------------------------------------------------
// Determinism lint: nothing in shared/sim may use engine-dependent maths,
// wall-clock time or host randomness. Host Math functions other than the
// exact ones (sqrt, floor, ceil, abs, min, max, trunc, round, sign, …) differ
// between engines in the last bit, and so does `**` (it is Math.pow).

const SIM_DIR = fileURLToPath(new URL('../../shared/sim/', import.meta.url));
const BANNED_MATH = [
  'exp',
  'expm1',
  'log',
  'log1p',
  'log2',
  'log10',
  'pow',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'tanh',
  'asinh',
  'acosh',
  'atanh',
  'cbrt',
  'hypot',
  'random',
];
const RULES: { what: string; re: RegExp }[] = [
  { what: 'engine-dependent Math function', re: new RegExp(`\\bMath\\s*\\??\\.\\s*(?:${BANNED_MATH.join('|')})\\b`) },
  { what: 'computed access on Math', re: /\bMath\s*\??\.?\s*\[/ },
  { what: 'aliasing or destructuring Math', re: /(?:[=(,:]|return)\s*Math\s*(?:[;,)}\]]|$)/ },
  { what: '** operator (same as Math.pow)', re: /\*\*/ },
  { what: 'Date', re: /\bDate\b/ },
  { what: 'performance.now', re: /\bperformance\s*\.\s*now\b/ },
];

/** Blank out comments and string/template literals, keeping line numbers. */
function codeOnly(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\[\s\S]|[^`\\])*`/g, (m) =>
    m.replace(/[^\n]/g, ' '),
  );
}

/** Every rule violation in `src`, as "line N: what: text". */
function violations(src: string): string[] {
  const out: string[] = [];
  codeOnly(src)
    .split('\n')
    .forEach((line, i) => {
      for (const rule of RULES) if (rule.re.test(line)) out.push(`line ${i + 1}: ${rule.what}: ${line.trim()}`);
    });
  return out;
}

describe('shared/sim determinism lint', () => {
  it('flags banned constructs and ignores comments, strings and allowed Math', () => {
    const bad = [
      'const y = Math.exp(x);',
      'Math.random()',
      'const { sin } = Math;',
      'const M = Math;',
      'f(Math)',
      'Math["log"](x)',
      'const n = Date.now();',
      'new Date()',
      'x ** 2',
      'performance.now()',
      'Math . pow(a, b)',
    ];
    for (const s of bad) expect(violations(s), s).not.toEqual([]);
    const good = [
      'const r = Math.sqrt(x) + Math.floor(y) + Math.abs(z) + Math.max(a, b);',
      '// Math.exp differs between engines',
      '/** never call Math.random() or Date.now() */',
      "const msg = 'use Math.pow at your peril';",
      'const exponent = sinh + cosine; const updateDate = 1;',
      "import { exp } from './math';",
      'const y = exp(x) * x;',
      'const PI = Math.PI;',
      'const s = `Date ${x}`;',
    ];
    for (const s of good) expect(violations(s), s).toEqual([]);
  });

  it('finds no violations in any shared/sim source file', () => {
    const files = (readdirSync(SIM_DIR, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.split('\\').join('/'));
    expect(files).toContain('numerics/math.ts');
    expect(files).toContain('numerics/queueing.ts');
    const problems = files.flatMap((f) => violations(readFileSync(join(SIM_DIR, f), 'utf8')).map((v) => `shared/sim/${f} ${v}`));
    expect(problems).toEqual([]);
  });
});
