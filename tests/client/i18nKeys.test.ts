/**
 * Every i18n key the DOM UI, the diagram, the network layer's notices (and the dev pages' stand-in
 * for it) use exists in both locales.
 * Literal keys are collected from the source (any string literal that starts with a top-level
 * group of the locale files, e.g. 'ui.build.buy' or `hud.clock`); keys built at run time
 * (`kinds.${kind}.name`…) are checked by enumerating every value they can take.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPLAINT_LEVELS, COMPONENT_KINDS, FEATURE_NAMES, INCIDENT_TYPES, SIZE_NAMES, type AlertKind } from '../../shared/sim';
import { SETTING_CONCEPT } from '../../client/ui/conceptLinks';
import { CONCEPT_IDS } from '../../shared/campaign/concepts';
import { HEADER_FIGURE_IDS } from '../../client/ui/header/headerFigures';
import { CHARTS } from '../../client/ui/charts/series';
import { TIERS } from '../../client/view/layout';

type Json = string | Json[] | { [key: string]: Json };
const ROOT = join(import.meta.dirname, '../..');
const locales = Object.fromEntries(
  (['en', 'ko'] as const).map((lang) => [lang, JSON.parse(readFileSync(join(ROOT, `client/i18n/locales/${lang}.json`), 'utf8')) as Json]),
) as Record<'en' | 'ko', Json>;

function lookup(root: Json, key: string): Json | undefined {
  let node: Json | undefined = root;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string' || Array.isArray(node)) return undefined;
    node = node[part];
  }
  return node;
}

/** A key exists when it leads to a text, or to a list of texts (paragraphs). */
function present(lang: 'en' | 'ko', key: string): boolean {
  const value = lookup(locales[lang], key);
  return typeof value === 'string'
    ? value.trim() !== ''
    : Array.isArray(value) && value.length > 0 && value.every((p) => typeof p === 'string');
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const FILES = ['ui', 'net', 'view', 'state', 'dev'].flatMap((dir) => sources(join(ROOT, 'client', dir)));
const GROUPS = Object.keys(locales.en as Record<string, Json>);
const LITERAL = new RegExp(`['"\`]((?:${GROUPS.join('|')})\\.[A-Za-z0-9_.-]+)['"\`]`, 'g');

function literalKeys(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of FILES) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(LITERAL)) {
      const key = match[1] as string;
      // `a.${x}.b` is not a literal key; import paths ('../../i18n') never match a group name.
      if (!key.includes('${') && !key.endsWith('.')) found.set(key, file.slice(ROOT.length + 1));
    }
  }
  return found;
}

/** Settings named in JSX (`setting="ttl"`). */
function settingNames(): string[] {
  const names = new Set<string>();
  for (const file of FILES)
    for (const m of readFileSync(file, 'utf8').matchAll(/(?<![\w-])setting=["']([A-Za-z]+)["']/g)) names.add(m[1] as string);
  return [...names];
}

const ALERT_KINDS = [
  'errorRate',
  'latency',
  'utilisation',
  'instanceDown',
  'replicationLag',
  'queueBacklog',
  'shardFull',
  'diskSpace',
] as const satisfies readonly AlertKind[];
// Adding an alert kind to the sim without listing it here fails to compile.
const _everyAlert: [Exclude<AlertKind, (typeof ALERT_KINDS)[number]>] extends [never] ? true : false = true;
void _everyAlert;

/** Keys built from a variable, with every value the variable can take. */
function dynamicKeys(): string[] {
  const keys: string[] = [];
  for (const kind of COMPONENT_KINDS) keys.push(`kinds.${kind}.name`, `kinds.${kind}.blurb`);
  for (const feature of FEATURE_NAMES) keys.push(`features.${feature}.name`, `features.${feature}.blurb`);
  for (const id of HEADER_FIGURE_IDS) keys.push(`hud.${id}`);
  for (const level of COMPLAINT_LEVELS) keys.push(`complaints.${level}`);
  for (const kind of ALERT_KINDS) keys.push(`alerts.${kind}`);
  for (const h of ['healthy', 'degraded', 'dead', 'provisioning', 'restarting', 'ok']) keys.push(`health.${h}`);
  for (const size of SIZE_NAMES) keys.push(`sizes.${size}`);
  for (const e of ['rdbms', 'nosql']) keys.push(`engines.${e}.name`, `engines.${e}.blurb`);
  for (const k of ['userIdHash', 'userIdRange', 'region', 'celebrity']) keys.push(`shardKeys.${k}.name`, `shardKeys.${k}.blurb`);
  for (const p of ['lru', 'lfu', 'fifo']) keys.push(`cachePolicies.${p}.name`, `cachePolicies.${p}.blurb`);
  for (const s of ['lookAside', 'readThrough', 'writeThrough']) keys.push(`cacheStrategies.${s}.name`, `cacheStrategies.${s}.blurb`);
  for (const id of CONCEPT_IDS) keys.push(`concepts.${id}.title`, `concepts.${id}.summary`, `concepts.${id}.body`, `concepts.${id}.inGame`);
  for (const type of INCIDENT_TYPES) for (const f of ['name', 'started', 'ended', 'advice']) keys.push(`incidents.${type}.${f}`);
  for (const setting of [...Object.keys(SETTING_CONCEPT).filter((s) => s !== 'replicas'), ...settingNames()])
    keys.push(`settings.${setting}.label`, `settings.${setting}.help`);
  for (const phase of ['waiting', 'running', 'finished']) keys.push(`ui.header.phase.${phase}`);
  for (const tone of ['neutral', 'good', 'warn', 'bad']) keys.push(`ui.tone.${tone}`);
  for (const tone of ['good', 'warn', 'bad']) keys.push(`ui.utilisation.${tone}`);
  for (const reason of ['bankrupt', 'finished']) keys.push(`ui.gameOver.${reason}`, `ui.gameOver.${reason}Help`);
  for (const lang of ['en', 'ko']) keys.push(`app.language.${lang}`);
  for (const tier of TIERS) keys.push(`diagram.lanes.${tier}`);
  for (const chart of CHARTS) keys.push(chart.title, ...chart.series.map((s) => s.label));
  return keys;
}

describe('i18n keys used by the UI', () => {
  const literals = literalKeys();

  it('finds the literal keys (the collector itself works)', () => {
    expect(literals.size).toBeGreaterThan(100);
    expect(literals.has('ui.build.buy')).toBe(true);
    expect(literals.has('net.reconnected')).toBe(true);
  });

  it.each(['en', 'ko'] as const)('every literal key exists in %s.json', (lang) => {
    const missing = [...literals].filter(([key]) => !present(lang, key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it.each(['en', 'ko'] as const)('every key built at run time exists in %s.json', (lang) => {
    const missing = [...new Set(dynamicKeys())].filter((key) => !present(lang, key));
    expect(missing).toEqual([]);
  });
});
