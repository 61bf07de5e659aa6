/**
 * The two locale files must stay in step: same keys, no empty strings, the same interpolation
 * placeholders, Korean text that is actually Korean, and English short enough for the game's UI.
 * Files are read as text and parsed here so that a syntax error fails a test with its file name.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_IDS, INCIDENT_TYPES, REJECT_REASONS } from '../../shared/sim';

/** Refusals the server gives before a command reaches the sim. */
const SERVER_REASONS = ['rate-limited', 'malformed', 'not-your-team', 'not-allowed'];

const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../client/i18n/locales');
const LOCALES = ['en', 'ko'] as const;
type Locale = (typeof LOCALES)[number];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const HANGUL = /[\uAC00-\uD7A3]/;
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

const CONCEPT_IDS = [
  'singleServer',
  'databaseChoice',
  'verticalVsHorizontal',
  'loadBalancer',
  'replication',
  'cache',
  'cdn',
  'statelessWeb',
  'dataCenters',
  'messageQueue',
  'observability',
  'sharding',
  'checklist',
];

/** Every key the game relies on; a leaf here is a string, an object lists its required children. */
const REQUIRED: Record<string, readonly string[]> = {
  kinds: ['lb', 'web', 'db', 'cache', 'cdn', 'sessionStore', 'queue', 'worker', 'monitoring'],
  engines: ['rdbms', 'nosql'],
  sizes: ['small', 'medium', 'large', 'xlarge', 'xxlarge'],
  cachePolicies: ['lru', 'lfu', 'fifo'],
  cacheStrategies: ['lookAside', 'readThrough', 'writeThrough'],
  shardKeys: ['userIdHash', 'userIdRange', 'region', 'celebrity'],
  requestClasses: ['static', 'read', 'write', 'session', 'job'],
  settings: [
    'healthChecks',
    'colocatedDb',
    'engine',
    'datasets',
    'autoscaling',
    'autoscalingMin',
    'autoscalingMax',
    'autoscalingTarget',
    'autoscalingCooldown',
    'size',
    'count',
    'failover',
    'cacheMemory',
    'cachePolicy',
    'cacheStrategy',
    'ttl',
    'cdnTtl',
    'invalidation',
    'versioning',
    'originFallback',
    'sessionMode',
    'geoWeights',
    'crossRegionReplication',
    'durable',
    'workers',
    'shardKey',
    'shardCount',
    'denormalised',
  ],
  incidents: INCIDENT_TYPES,
  reasons: [...REJECT_REASONS, ...SERVER_REASONS],
  checklist: CHECKLIST_IDS,
  hud: [
    'money',
    'usersOnline',
    'dau',
    'revenuePerDay',
    'costPerDay',
    'availability',
    'latencyP95',
    'errorRate',
    'clock',
    'pause',
    'resume',
    'speed',
    'connection.connected',
    'connection.reconnecting',
    'connection.offline',
  ],
  app: ['title', 'language.en', 'language.ko'],
  metrics: [
    'lambda',
    'capacity',
    'utilisation',
    'meanLatency',
    'p95Latency',
    'errors',
    'backlog',
    'hitRatio',
    'replicationLag',
    'staleReads',
    'queueBacklog',
    'shardSkew',
    'hidden',
  ],
};

/** Fields each entry of a group must have (all strings). */
const FIELDS: Record<string, readonly string[]> = {
  kinds: ['name', 'blurb'],
  engines: ['name', 'blurb'],
  cachePolicies: ['name', 'blurb'],
  cacheStrategies: ['name', 'blurb'],
  shardKeys: ['name', 'blurb'],
  settings: ['label', 'help'],
  incidents: ['name', 'started', 'ended', 'advice'],
  checklist: ['label', 'detail'],
};

/** Placeholders a string must contain, in every language. */
const REQUIRED_PLACEHOLDERS: Record<string, readonly string[]> = {
  'hud.clock': ['day', 'time'],
  'hud.speed': ['speed'],
  ...Object.fromEntries(REQUIRED.incidents!.map((id) => [`incidents.${id}.ended`, ['duration']])),
};

/**
 * Korean strings that may be written without Hangul: names that are the same technical token in
 * Korean UI text, and the English language's own name in the language picker.
 */
const KO_WITHOUT_HANGUL: readonly RegExp[] = [
  /^app\.language\.en$/,
  /^kinds\.cdn\.name$/,
  /^diagram\.(dns|lanes\.dns|lanes\.cdn)$/,
  /^cachePolicies\.[a-z]+\.name$/,
  /^cacheStrategies\.(readThrough|writeThrough)\.name$/,
];

/** Only the Korean language's own name may carry Hangul in the English file. */
const EN_WITH_HANGUL: readonly RegExp[] = [/^app\.language\.ko$/];

/** English length budgets, in characters, so text fits the UI at 1280×720. */
function englishBudget(key: string): number {
  const last = key.split('.').at(-1) ?? '';
  if (key.startsWith('concepts.') && last === 'title') return 28;
  if (key.startsWith('concepts.') && last === 'inGame') return 180;
  if (/^concepts\.[A-Za-z]+\.body\.\d+$/.test(key)) return 160;
  return 90;
}

function loadText(locale: Locale): string {
  return readFileSync(join(LOCALES_DIR, `${locale}.json`), 'utf8');
}

function load(locale: Locale): Json {
  return JSON.parse(loadText(locale)) as Json;
}

/** Every leaf as `a.b.0.c` → value; arrays are indexed so parallel paragraphs line up. */
function flatten(value: Json, prefix = '', out = new Map<string, Json>()): Map<string, Json> {
  if (Array.isArray(value)) {
    value.forEach((item, i) => flatten(item, prefix === '' ? String(i) : `${prefix}.${i}`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      flatten(child, prefix === '' ? key : `${prefix}.${key}`, out);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

function get(root: Json, path: string): Json | undefined {
  let node: Json | undefined = root;
  for (const part of path.split('.')) {
    if (node === null || node === undefined || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = node[part];
  }
  return node;
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

const data = Object.fromEntries(LOCALES.map((l) => [l, load(l)])) as Record<Locale, Json>;
const flat = Object.fromEntries(LOCALES.map((l) => [l, flatten(data[l])])) as Record<Locale, Map<string, Json>>;

describe('locale files', () => {
  it.each(LOCALES)('%s.json parses as a JSON object', (locale) => {
    const parsed = JSON.parse(loadText(locale)) as unknown;
    expect(parsed).toBeTypeOf('object');
    expect(Array.isArray(parsed)).toBe(false);
  });

  it('have identical nested key sets', () => {
    const missing = Object.fromEntries(
      LOCALES.map((locale) => {
        const others = LOCALES.filter((l) => l !== locale).flatMap((l) => [...flat[l].keys()]);
        return [`missing from ${locale}.json`, [...new Set(others)].filter((k) => !flat[locale].has(k)).sort()];
      }),
    );
    expect(missing).toEqual(Object.fromEntries(LOCALES.map((l) => [`missing from ${l}.json`, []])));
  });

  it.each(LOCALES)('%s.json holds only non-empty strings', (locale) => {
    const bad = [...flat[locale]].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
    expect(bad, `empty or non-string values in ${locale}.json`).toEqual([]);
  });

  it.each(LOCALES)('%s.json has every required key', (locale) => {
    const missing: string[] = [];
    for (const [group, ids] of Object.entries(REQUIRED)) {
      for (const id of ids) {
        const fields = FIELDS[group];
        const paths = fields === undefined ? [`${group}.${id}`] : fields.map((f) => `${group}.${id}.${f}`);
        for (const path of paths) if (typeof get(data[locale], path) !== 'string') missing.push(path);
      }
    }
    expect(missing, `required keys missing from ${locale}.json`).toEqual([]);
  });

  it('use the same {{placeholders}} for the same key in both languages', () => {
    const mismatches: string[] = [];
    for (const [key, en] of flat.en) {
      const ko = flat.ko.get(key);
      if (typeof en !== 'string' || typeof ko !== 'string') continue;
      const a = placeholders(en).join(',');
      const b = placeholders(ko).join(',');
      if (a !== b) mismatches.push(`${key}: en {${a}} vs ko {${b}}`);
    }
    expect(mismatches).toEqual([]);
  });

  it.each(LOCALES)('%s.json has the placeholders the game inserts, and no broken braces', (locale) => {
    const problems: string[] = [];
    for (const [key, names] of Object.entries(REQUIRED_PLACEHOLDERS)) {
      const value = flat[locale].get(key);
      const found = typeof value === 'string' ? placeholders(value) : [];
      for (const name of names) if (!found.includes(name)) problems.push(`${key} lacks {{${name}}}`);
    }
    for (const [key, value] of flat[locale]) {
      if (typeof value !== 'string') continue;
      const rest = value.replace(PLACEHOLDER, '');
      if (/[{}]/.test(rest)) problems.push(`${key} has a stray brace: ${value}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(LOCALES)('%s.json explains all 13 concepts with title, summary, body and inGame', (locale) => {
    const concepts = get(data[locale], 'concepts');
    expect(Object.keys((concepts ?? {}) as object).sort()).toEqual([...CONCEPT_IDS].sort());
    for (const id of CONCEPT_IDS) {
      const at = `concepts.${id}`;
      for (const field of ['title', 'summary', 'inGame']) {
        expect(get(data[locale], `${at}.${field}`), `${locale} ${at}.${field}`).toBeTypeOf('string');
      }
      const body = get(data[locale], `${at}.body`);
      expect(Array.isArray(body), `${locale} ${at}.body is an array`).toBe(true);
      const paragraphs = body as Json[];
      expect(paragraphs.length, `${locale} ${at}.body has 3–6 paragraphs`).toBeGreaterThanOrEqual(3);
      expect(paragraphs.length, `${locale} ${at}.body has 3–6 paragraphs`).toBeLessThanOrEqual(6);
      for (const p of paragraphs) expect(p, `${locale} ${at}.body`).toBeTypeOf('string');
    }
  });

  it('write concept titles and summaries in Korean', () => {
    const notKorean = CONCEPT_IDS.flatMap((id) => [`concepts.${id}.title`, `concepts.${id}.summary`]).filter(
      (key) => !HANGUL.test(String(flat.ko.get(key) ?? '')),
    );
    expect(notKorean).toEqual([]);
  });

  it('write every Korean string in Hangul, apart from allowed technical tokens', () => {
    const notKorean = [...flat.ko]
      .filter(([key, value]) => !KO_WITHOUT_HANGUL.some((re) => re.test(key)) && !HANGUL.test(String(value)))
      .map(([key, value]) => `${key}: ${String(value)}`);
    expect(notKorean).toEqual([]);
  });

  it('keep Hangul out of the English file', () => {
    const leaked = [...flat.en]
      .filter(([key, value]) => !EN_WITH_HANGUL.some((re) => re.test(key)) && HANGUL.test(String(value)))
      .map(([key]) => key);
    expect(leaked).toEqual([]);
  });

  it('keep English text within its UI length budget', () => {
    const tooLong = [...flat.en]
      .filter(([key, value]) => typeof value === 'string' && value.length > englishBudget(key))
      .map(([key, value]) => `${key} (${String(value).length} > ${englishBudget(key)})`);
    expect(tooLong).toEqual([]);
  });
});
