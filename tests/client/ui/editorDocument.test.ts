/**
 * The editor's document: a file opened and saved unchanged is the same text (every shipped
 * scenario, every chapter's, and a file with every optional field and one the form does not know);
 * a field changed and changed back leaves the file as it was; a field added goes where the format
 * lists it; and the edits that touch several fields (regions and their round trips, a renamed
 * region, a removed starting component, the shop) keep the scenario valid.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../../shared/scenarios/schema';
import {
  canonicalText,
  getIn,
  readDocument,
  removeIn,
  setIn,
  type Json,
  type JsonObject,
  type Path,
} from '../../../client/ui/editor/document';
import {
  addComponent,
  addRegion,
  dayAndMinute,
  removeComponent,
  removeRegion,
  renameRegion,
  setShopLimited,
  tickOf,
  toggleName,
} from '../../../client/ui/editor/edits';
import { SHIPPED } from '../../../client/ui/editor/shipped';

const ROOT = join(import.meta.dirname, '../../..');

/** The scenario documents as the files on disk hold them: the presets, and each chapter file's `scenario`. */
function filesOnDisk(): Array<[string, JsonObject]> {
  const presets = readdirSync(join(ROOT, 'assets/scenarios')).map((name): [string, JsonObject] => [
    name,
    JSON.parse(readFileSync(join(ROOT, 'assets/scenarios', name), 'utf8')) as JsonObject,
  ]);
  const chapters = readdirSync(join(ROOT, 'assets/campaign')).map((name): [string, JsonObject] => {
    const chapter = JSON.parse(readFileSync(join(ROOT, 'assets/campaign', name), 'utf8')) as { scenario: JsonObject };
    return [name, chapter.scenario];
  });
  return [...presets, ...chapters];
}

/** Every place in a document that holds a value that is not an object or a list. */
function leaves(value: Json, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

/** Uses every optional field of the format, in the format's order, plus a note the format does not know. */
const EVERY_FIELD: JsonObject = {
  id: 'every-field',
  name: { en: 'Every field', ko: '모든 필드' },
  description: { en: 'Uses every optional field.', ko: '모든 선택 필드를 씁니다.' },
  startSpeed: 4,
  startMoney: 5000,
  revenuePerUserDay: 0.2,
  regions: [
    { id: 'ap', name: { en: 'Asia Pacific', ko: '아시아 태평양' }, initialUsers: 1000, marketSize: 50000, peakHour: 21 },
    { id: 'eu', name: { en: 'Europe', ko: '유럽' }, initialUsers: 500, marketSize: 20000, peakHour: 5.5 },
  ],
  latencyMs: { ap: { ap: 20, eu: 250 }, eu: { ap: 250, eu: 15 } },
  traffic: { mode: 'growth', growthPerDay: 0.4, churnPerDay: 1 },
  classMix: { static: 0.4, read: 0.25, write: 0.03, session: 0.05, job: 0.01 },
  onlineShare: 0.05,
  dailySwing: 0.6,
  datasets: [
    { id: 'users', name: { en: 'Users', ko: '사용자' }, readShare: 0.4, writeShare: 0.3, joins: 2, mbPerUser: 0.5 },
    { id: 'posts', name: { en: 'Posts', ko: '게시물' }, readShare: 0.6, writeShare: 0.7, joins: 1 },
  ],
  priceFactor: 1.5,
  mtbfTicks: { lb: 40320, web: 20160, db: 30240 },
  randomIncidentsPerDay: { trafficSpike: 0.5, regionPartition: 0.02 },
  workingSet: { keys: 500000, alpha: 1.1, objectKb: 8 },
  staticAssets: { count: 2000, alpha: 0.8, sizeKb: 200 },
  cdnCostPerGb: 0.05,
  transferCostPerGb: 0.03,
  incidents: [
    { tick: 1200, type: 'serverCrash', target: 'web-2' },
    { tick: 2000, type: 'trafficSpike', magnitude: 4, durationTicks: 90 },
    { tick: 2500, type: 'regionPartition', region: 'ap', peer: 'eu', durationTicks: 30 },
  ],
  objectives: { latencyMs: 250, availability: 0.995, peakDau: 40000, profit: 1000, durationTicks: 4320 },
  shop: { kinds: ['lb', 'web', 'db'], features: ['hostMetrics'] },
  initialTopology: [
    { kind: 'lb', region: 'ap', connectFrom: ['users'] },
    { kind: 'web', region: 'ap', size: 'medium', count: 2, colocatedDb: false, connectFrom: [0] },
    { kind: 'db', region: 'ap', size: 'large', count: 2, engine: 'nosql', shardKey: 'userIdHash', connectFrom: [1] },
  ],
};

describe('a file opened and saved unchanged', () => {
  it("has every shipped scenario and every chapter's, as on disk", () => {
    const onDisk = filesOnDisk();
    expect(SHIPPED.map((s) => s.id).sort()).toEqual(onDisk.map(([, doc]) => doc.id).sort());
    for (const [, doc] of onDisk) expect(SHIPPED.find((s) => s.id === doc.id)?.doc).toEqual(doc);
  });

  it.each(filesOnDisk().map(([name, doc]) => [name, doc] as const))('%s comes back as the same text', (_name, doc) => {
    const text = canonicalText(doc);
    const opened = readDocument(text);
    if (!opened.ok) throw new Error(opened.reason);
    expect(canonicalText(opened.doc)).toBe(text);
    // Every field written again with its own value (what the form does on a blur) changes nothing.
    let edited = opened.doc;
    for (const path of leaves(opened.doc)) edited = setIn(edited, path, getIn(opened.doc, path) as Json);
    expect(canonicalText(edited)).toBe(text);
  });

  it('keeps every optional field, and a field the form does not know, where they were', () => {
    expect(scenarioSchema.safeParse(EVERY_FIELD).success).toBe(true);
    const withNote: JsonObject = { ...EVERY_FIELD, notes: 'for the Tuesday class' };
    const text = canonicalText(withNote);
    const opened = readDocument(text);
    if (!opened.ok) throw new Error(opened.reason);
    const changed = setIn(opened.doc, ['regions', 1, 'marketSize'], 99);
    const back = setIn(changed, ['regions', 1, 'marketSize'], 20000);
    expect(canonicalText(back)).toBe(text);
    expect(Object.keys(back)).toEqual(Object.keys(withNote));
  });

  it('puts an optional field taken out and put back where the format lists it', () => {
    const text = canonicalText(EVERY_FIELD);
    for (const path of [
      ['startSpeed'],
      ['workingSet'],
      ['cdnCostPerGb'],
      ['shop'],
      ['objectives', 'peakDau'],
      ['datasets', 0, 'mbPerUser'],
      ['incidents', 1, 'magnitude'],
      ['initialTopology', 2, 'engine'],
      ['mtbfTicks', 'web'],
    ] as Path[]) {
      const value = getIn(EVERY_FIELD, path) as Json;
      const again = setIn(removeIn(EVERY_FIELD, path), path, value);
      expect(canonicalText(again), path.join('.')).toBe(text);
    }
  });

  it('reads only JSON objects as documents', () => {
    expect(readDocument('{"id": ')).toEqual({ ok: false, reason: 'notJson' });
    expect(readDocument('[1, 2]')).toEqual({ ok: false, reason: 'notObject' });
    expect(canonicalText({ a: [1, { b: 2 }] })).toBe('{\n  "a": [\n    1,\n    {\n      "b": 2\n    }\n  ]\n}\n');
  });
});

describe('edits that change several fields', () => {
  const valid = (doc: JsonObject) => {
    const checked = scenarioSchema.safeParse(doc);
    return checked.success ? 'valid' : checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('a region added gets a row and a column of round trips, and the scenario stays valid', () => {
    const doc = addRegion(EVERY_FIELD, { en: 'South America', ko: '남미' });
    const regions = doc.regions as JsonObject[];
    expect(regions).toHaveLength(3);
    const id = regions[2]!.id as string;
    expect(id).toBe('region-3');
    expect(doc.latencyMs).toEqual({
      ap: { ap: 20, eu: 250, 'region-3': 150 },
      eu: { ap: 250, eu: 15, 'region-3': 150 },
      'region-3': { ap: 150, eu: 150, 'region-3': 20 },
    });
    expect(valid(doc)).toBe('valid');
    // The one it was given is left alone.
    expect((EVERY_FIELD.regions as Json[]).length).toBe(2);
  });

  it('a region removed takes its row and column with it', () => {
    const doc = removeRegion(addRegion(EVERY_FIELD, { en: 'X', ko: '엑스' }), 0);
    expect(doc.latencyMs).toEqual({ eu: { eu: 15, 'region-3': 150 }, 'region-3': { eu: 150, 'region-3': 20 } });
    // The starting system and a partition still name the removed region: the check says so.
    expect(valid(doc)).toContain('initialTopology.0.region: unknown region ap');
  });

  it('a region renamed is renamed in the round trips, the starting system and the incidents', () => {
    const doc = renameRegion(EVERY_FIELD, 0, 'asia');
    expect(doc.latencyMs).toEqual({ asia: { asia: 20, eu: 250 }, eu: { asia: 250, eu: 15 } });
    expect((doc.initialTopology as JsonObject[]).map((c) => c.region)).toEqual(['asia', 'asia', 'asia']);
    expect((doc.incidents as JsonObject[])[2]).toEqual({
      tick: 2500,
      type: 'regionPartition',
      region: 'asia',
      peer: 'eu',
      durationTicks: 30,
    });
    expect(Object.keys(doc)).toEqual(Object.keys(EVERY_FIELD));
    expect(valid(doc)).toBe('valid');
  });

  it('a starting component removed drops the links to it and shifts the later ones', () => {
    const withCache = setIn(EVERY_FIELD, ['initialTopology', 3], { kind: 'cache', region: 'ap', connectFrom: [1] });
    const doc = removeComponent(withCache, 0);
    expect((doc.initialTopology as JsonObject[]).map((c) => c.connectFrom)).toEqual([[], [0], [0]]);
    expect(valid(doc)).toBe('valid');
    const added = addComponent(doc);
    expect((added.initialTopology as JsonObject[])[3]).toEqual({ kind: 'web', region: 'ap', connectFrom: ['users'] });
  });

  it("the shop: limited sells everything until narrowed, names kept in the catalogue's order", () => {
    const open = removeIn(EVERY_FIELD, ['shop']);
    const limited = setShopLimited(open, true);
    expect(getIn(limited, ['shop', 'kinds'])).toEqual(['lb', 'web', 'db', 'cache', 'cdn', 'sessionStore', 'queue', 'worker']);
    expect(Object.keys(limited).indexOf('shop')).toBe(Object.keys(EVERY_FIELD).indexOf('shop'));
    const narrowed = toggleName(toggleName(EVERY_FIELD, 'kinds', 'web', false), 'kinds', 'cache', true);
    expect(getIn(narrowed, ['shop', 'kinds'])).toEqual(['lb', 'db', 'cache']);
    expect(toggleName(narrowed, 'kinds', 'web', true).shop).toEqual({ kinds: ['lb', 'web', 'db', 'cache'], features: ['hostMetrics'] });
    expect(setShopLimited(narrowed, false).shop).toBeUndefined();
  });

  it("a scripted incident's time as a day of the game and a clock time", () => {
    expect(dayAndMinute(0)).toEqual({ day: 1, minute: 0 });
    // Day 3 at 20:15 is two whole days and 20 h 15 min after the start.
    expect(tickOf(3, 20 * 60 + 15)).toBe(2 * 1440 + 1215);
    expect(dayAndMinute(2 * 1440 + 1215)).toEqual({ day: 3, minute: 1215 });
  });
});
