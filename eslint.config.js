// ESLint flat config. Syntax-only (no type information) so `npm run lint` stays fast.
// The `shared/sim/**` blocks enforce the pure core described in
// docs/design.md (Architecture): no I/O, no clock, no platform randomness, no engine-dependent
// float functions, and no imports from outside shared/sim except `pure-rand`.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const SIM_FILES = ['shared/sim/**/*.ts'];

/** Deepest folder level below shared/sim that gets its own `../` allowance; deeper files get none. */
const MAX_SIM_DEPTH = 5;

/**
 * A regex that matches every import source a file `depth` folders below shared/sim may NOT use.
 * Allowed: `pure-rand` (and subpaths), `./…`, and up to `depth` leading `../`, with no further
 * `..` segment anywhere after the prefix (so `./x/../../protocol` cannot sneak out either).
 * No-restricted-imports only sees the import string, not the importing file, hence one regex per
 * depth: `../foo` is fine from shared/sim/components/x.ts but leaves the core from shared/sim/a.ts.
 * @param {number} depth
 */
function simImportRegex(depth) {
  const up = depth > 0 ? `|(?:\\.\\./){1,${depth}}|\\.\\.$` : '';
  const prefix = `(?:\\./${up}|\\.$)`;
  const noDotDotSegment = '(?!(?:.*/)?\\.\\.(?:/|$))';
  const allowed = `pure-rand(?:/.*)?|${prefix}${noDotDotSegment}.*`;
  return `^(?!(?:${allowed})$)`;
}

/** @param {number} depth */
function simImportRule(depth) {
  return [
    'error',
    {
      patterns: [
        {
          regex: simImportRegex(depth),
          caseSensitive: true,
          message: 'shared/sim is the pure core: import only files inside shared/sim (and pure-rand).',
        },
      ],
    },
  ];
}

const SIM_GLOBALS = [
  'Date',
  'performance',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'clearImmediate',
  'queueMicrotask',
  'requestAnimationFrame',
  'process',
  'require',
  'global',
  'globalThis',
  'window',
  'self',
  'document',
  'navigator',
  'crypto',
  'fetch',
  'Intl',
  'console',
  'Buffer',
].map((name) => ({
  name,
  message: `shared/sim is pure: no ${name} (no clock, I/O, platform or locale). Pass data in through state or commands.`,
}));

const SIM_MATH = [
  'random',
  'exp',
  'log',
  'log2',
  'log10',
  'log1p',
  'expm1',
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
  'cbrt',
  'hypot',
].map((property) => ({
  object: 'Math',
  property,
  message:
    property === 'random'
      ? 'Use the seeded RNG carried in the sim state (shared/sim/core/rng.ts), never Math.random.'
      : `Math.${property} may differ in the last bit between engines: use shared/sim/numerics/math.ts.`,
}));

const SIM_SYNTAX = [
  {
    selector: 'ForInStatement',
    message: 'for…in order is not defined by the state: iterate a sorted key list or an array.',
  },
  {
    selector: "BinaryExpression[operator='**']",
    message: '`**` may differ between engines: use shared/sim/numerics/math.ts.',
  },
  {
    selector: "AssignmentExpression[operator='**=']",
    message: '`**=` may differ between engines: use shared/sim/numerics/math.ts.',
  },
  {
    selector: 'CallExpression > MemberExpression.callee[property.name=/^(localeCompare|toLocale[A-Za-z]*)$/]',
    message: 'Locale functions differ between machines: compare with < and > (code units).',
  },
  {
    selector: 'ImportExpression',
    message: 'shared/sim is pure: no dynamic import().',
  },
  {
    selector: 'TSImportEqualsDeclaration',
    message: 'shared/sim is pure: no `import x = require()`.',
  },
  // No hidden state between calls: a step's result must follow from the state and the commands
  // alone. So no module-level `let`/`var`. A module-level `const` may hold only data fixed once
  // the module has loaded (tables computed once and never changed) or a memo of a pure function
  // keyed by all of its inputs (cacheModel's Zipf tables, flow/routing's tables, flow/shards'
  // layouts): the answer is the same whether it came from the memo or not. Scratch buffers and
  // values handed between functions belong in an explicit workspace (flow/workspace.ts, lent by
  // the caller; sim.ts keeps the one `step` uses when its caller brings none) or a returned object.
  ...['Program > VariableDeclaration', 'Program > ExportNamedDeclaration > VariableDeclaration'].map((parent) => ({
    selector: `${parent}[kind=/^(let|var)$/]`,
    message:
      'No module-level let/var in shared/sim: the sim carries no hidden state between calls. ' +
      'Return results, or keep scratch in an explicit workspace passed down (see flow/workspace.ts).',
  })),
];

/**
 * The data files in assets/ (theme colours, scenarios) are JSON edited by hand. ESLint reads each
 * as a module exporting that value, so a syntax error or a key written twice (JSON.parse quietly
 * keeps the last one) fails the lint.
 */
const jsonAsModule = {
  meta: { name: 'scale-up/json-as-module' },
  /** @param {string} text */
  preprocess: (text) => [{ text: `export default ${text.trimEnd()};\n`, filename: 'data.js' }],
  /** @param {import('eslint').Linter.LintMessage[][]} messages */
  postprocess: (messages) => messages.flat(),
  supportsAutofix: false,
};

export default defineConfig(
  {
    ignores: ['**/node_modules/', 'dist/', 'data/', 'test-results/', 'coverage/', '.vite/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  // Layout is Prettier's (npm run format); ESLint keeps to correctness.
  prettier,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    name: 'scale-up/pure-sim',
    files: SIM_FILES,
    rules: {
      'no-restricted-imports': simImportRule(0),
      'no-restricted-globals': ['error', ...SIM_GLOBALS],
      'no-restricted-properties': ['error', ...SIM_MATH],
      'no-restricted-syntax': ['error', ...SIM_SYNTAX],
    },
  },
  // One block per folder depth: a file may climb back up to shared/sim but never above it.
  ...Array.from({ length: MAX_SIM_DEPTH + 1 }, (_, depth) => ({
    name: `scale-up/pure-sim-imports-depth-${depth}`,
    files: [`shared/sim/${'*/'.repeat(depth)}*.ts`],
    rules: { 'no-restricted-imports': simImportRule(depth) },
  })),
  {
    name: 'scale-up/asset-data',
    files: ['assets/**/*.json'],
    processor: jsonAsModule,
  },
);
