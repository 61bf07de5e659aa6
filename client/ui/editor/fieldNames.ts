/**
 * Every field of the scenario format in the author's words: the label the editor's form shows for
 * it, and, for a place in a document (`regions.1.marketSize`), the name of that place ("Region 2
 * (Europe) — market size"), used by the form and by the error list, so an error names the field
 * as the form labels it. Pure: the translation function and the language come in.
 */
import { COMPONENT_KINDS, INCIDENT_TYPES, REQUEST_CLASSES } from '../../../shared/sim/core/scenario';
import { DB_ENGINES, FEATURE_NAMES, SHARD_KEYS, SIZE_NAMES } from '../../../shared/sim/vocabulary';
import { clockOf, type Language } from '../../i18n/format';
import { getIn, isObject, type JsonObject, type Path } from './document';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The label of each field, by its place with list positions as `*`. */
const LABELS: Readonly<Record<string, string>> = {
  id: 'ui.editor.f.id',
  name: 'ui.editor.f.name',
  description: 'ui.editor.f.description',
  startSpeed: 'ui.editor.f.startSpeed',
  startMoney: 'ui.editor.f.startMoney',
  revenuePerUserDay: 'ui.editor.f.revenuePerUserDay',
  priceFactor: 'ui.editor.f.priceFactor',
  cdnCostPerGb: 'ui.editor.f.cdnCostPerGb',
  transferCostPerGb: 'ui.editor.f.transferCostPerGb',
  onlineShare: 'ui.editor.f.onlineShare',
  dailySwing: 'ui.editor.f.dailySwing',
  regions: 'ui.editor.f.regions',
  latencyMs: 'ui.editor.f.latencyMs',
  traffic: 'ui.editor.f.traffic',
  classMix: 'ui.editor.f.classMix',
  datasets: 'ui.editor.f.datasets',
  mtbfTicks: 'ui.editor.f.mtbfTicks',
  randomIncidentsPerDay: 'ui.editor.f.randomIncidentsPerDay',
  workingSet: 'ui.editor.f.workingSet',
  staticAssets: 'ui.editor.f.staticAssets',
  incidents: 'ui.editor.f.incidents',
  objectives: 'ui.editor.f.objectives',
  shop: 'ui.editor.f.shop',
  initialTopology: 'ui.editor.f.initialTopology',
  'regions.*.id': 'ui.editor.f.regionId',
  'regions.*.name': 'ui.editor.f.regionName',
  'regions.*.initialUsers': 'ui.editor.f.initialUsers',
  'regions.*.marketSize': 'ui.editor.f.marketSize',
  'regions.*.peakHour': 'ui.editor.f.peakHour',
  'traffic.mode': 'ui.editor.f.trafficMode',
  'traffic.growthPerDay': 'ui.editor.f.growthPerDay',
  'traffic.churnPerDay': 'ui.editor.f.churnPerDay',
  'traffic.requestsPerSecond': 'ui.editor.f.requestsPerSecond',
  'datasets.*.id': 'ui.editor.f.datasetId',
  'datasets.*.name': 'ui.editor.f.datasetName',
  'datasets.*.readShare': 'ui.editor.f.readShare',
  'datasets.*.writeShare': 'ui.editor.f.writeShare',
  'datasets.*.joins': 'ui.editor.f.joins',
  'datasets.*.mbPerUser': 'ui.editor.f.mbPerUser',
  'workingSet.keys': 'ui.editor.f.workingKeys',
  'workingSet.alpha': 'ui.editor.f.skew',
  'workingSet.objectKb': 'ui.editor.f.objectKb',
  'staticAssets.count': 'ui.editor.f.assetCount',
  'staticAssets.alpha': 'ui.editor.f.skew',
  'staticAssets.sizeKb': 'ui.editor.f.assetKb',
  'incidents.*.tick': 'ui.editor.f.when',
  'incidents.*.type': 'ui.editor.f.incidentType',
  'incidents.*.target': 'ui.editor.f.target',
  'incidents.*.region': 'ui.editor.f.incidentRegion',
  'incidents.*.peer': 'ui.editor.f.peer',
  'incidents.*.magnitude': 'ui.editor.f.magnitude',
  'incidents.*.durationTicks': 'ui.editor.f.incidentDuration',
  'objectives.latencyMs': 'ui.editor.f.objectiveLatency',
  'objectives.availability': 'ui.editor.f.availability',
  'objectives.peakDau': 'ui.editor.f.peakDau',
  'objectives.profit': 'ui.editor.f.profit',
  'objectives.durationTicks': 'ui.editor.f.gameLength',
  'shop.kinds': 'ui.editor.f.shopKinds',
  'shop.features': 'ui.editor.f.shopFeatures',
  'initialTopology.*.kind': 'ui.editor.f.kind',
  'initialTopology.*.region': 'ui.editor.f.componentRegion',
  'initialTopology.*.size': 'ui.editor.f.size',
  'initialTopology.*.count': 'ui.editor.f.count',
  'initialTopology.*.engine': 'ui.editor.f.engine',
  'initialTopology.*.shardKey': 'ui.editor.f.shardKey',
  'initialTopology.*.colocatedDb': 'ui.editor.f.colocatedDb',
  'initialTopology.*.connectFrom': 'ui.editor.f.connectFrom',
};

/** Every label key the form and the error list can show (for the test that both locales have them). */
export const LABEL_KEYS: readonly string[] = [...new Set(Object.values(LABELS))];

function shapeOf(path: Path): string {
  return path.map((part) => (typeof part === 'number' ? '*' : part)).join('.');
}

/** The label of a field (list positions do not matter): "Market size (users)". */
export function fieldLabel(t: Translate, shape: string): string {
  const key = LABELS[shape];
  if (key !== undefined) return t(key);
  const [group, name] = shape.split('.');
  if (name !== undefined && (group === 'name' || group === 'description')) return languageField(t, t(LABELS[group]!), name);
  if (group === 'classMix' && name !== undefined) return t('ui.editor.f.perUser', { cls: vocabularyName(t, name) });
  if ((group === 'mtbfTicks' || group === 'randomIncidentsPerDay') && name !== undefined) return vocabularyName(t, name);
  return name ?? group ?? shape;
}

function languageField(t: Translate, label: string, lang: string): string {
  return lang === 'en' || lang === 'ko' ? t('ui.editor.inLanguage', { field: label, language: t(`ui.editor.lang.${lang}`) }) : label;
}

const VOCABULARY: ReadonlyArray<[readonly string[], (name: string) => string]> = [
  [COMPONENT_KINDS, (name) => `kinds.${name}.name`],
  [INCIDENT_TYPES, (name) => `incidents.${name}.name`],
  [REQUEST_CLASSES, (name) => `requestClasses.${name}`],
  [SIZE_NAMES, (name) => `sizes.${name}`],
  [DB_ENGINES, (name) => `engines.${name}.name`],
  [SHARD_KEYS, (name) => `shardKeys.${name}.name`],
  [FEATURE_NAMES, (name) => `features.${name}.name`],
  [['growth', 'constant'], (name) => `ui.editor.traffic.${name}`],
];

/** A word of the game's vocabulary (a kind, an incident, a size…) in the player's language; anything else as written. */
export function vocabularyName(t: Translate, name: string): string {
  for (const [names, key] of VOCABULARY) if (names.includes(name)) return t(key(name));
  return name;
}

/** A region's name in the document (by position), else its id. */
function regionName(doc: JsonObject, lang: Language, id: string): string {
  const regions = doc.regions;
  const region = Array.isArray(regions) ? regions.find((r) => isObject(r) && r.id === id) : undefined;
  return localName(region, lang) ?? id;
}

function localName(item: unknown, lang: Language): string | null {
  if (!isObject(item) || !isObject(item.name)) return null;
  const name = item.name[lang] ?? item.name.en;
  return typeof name === 'string' && name.trim() !== '' ? name : null;
}

/** One item of a list, as the author finds it in the form: "Region 2 (Europe)", "Incident 1 (day 2, 20:00, Traffic spike)". */
function itemName(doc: JsonObject, t: Translate, lang: Language, list: string, index: number): string {
  const item = getIn(doc, [list, index]);
  const n = index + 1;
  const named = (key: string, detail: string | null) =>
    detail === null ? t(`ui.editor.item.${key}`, { n }) : t(`ui.editor.item.${key}Named`, { n, name: detail });
  switch (list) {
    case 'regions':
      return named('region', localName(item, lang) ?? (isObject(item) && typeof item.id === 'string' ? item.id : null));
    case 'datasets':
      return named('dataset', localName(item, lang));
    case 'incidents': {
      if (!isObject(item) || typeof item.tick !== 'number') return named('incident', null);
      const { day, time } = clockOf(item.tick);
      const type = typeof item.type === 'string' ? vocabularyName(t, item.type) : '?';
      return named('incident', t('ui.editor.item.incidentDetail', { day, time, type }));
    }
    case 'initialTopology': {
      if (!isObject(item) || typeof item.kind !== 'string') return named('component', null);
      const region = typeof item.region === 'string' ? regionName(doc, lang, item.region) : '?';
      return named('component', t('ui.editor.item.componentDetail', { id: `${item.kind}-${n}`, region }));
    }
    default:
      return `${list} ${n}`;
  }
}

/** The name of a place in a document: the field, and the item of a list it belongs to. */
export function placeName(doc: JsonObject, t: Translate, lang: Language, path: Path): string {
  if (path.length === 0) return t('ui.editor.f.scenario');
  const [head, second, third, fourth] = path;
  const of = (item: string, field: string) => t('ui.editor.of', { item, field });
  if (head === 'latencyMs' && typeof second === 'string') {
    const from = regionName(doc, lang, second);
    return typeof third === 'string'
      ? t('ui.editor.item.roundTrip', { from, to: regionName(doc, lang, third) })
      : t('ui.editor.item.roundTripsFrom', { from });
  }
  if (typeof head === 'string' && typeof second === 'number') {
    const item = itemName(doc, t, lang, head, second);
    if (third === undefined) return item;
    const field = fieldLabel(t, shapeOf([head, 0, third]));
    return of(item, typeof fourth === 'string' && third === 'name' ? languageField(t, field, fourth) : field);
  }
  if (head === 'shop' && typeof second === 'string') return of(t('ui.editor.f.shop'), fieldLabel(t, `shop.${second}`));
  if (
    typeof head === 'string' &&
    second !== undefined &&
    ['workingSet', 'staticAssets', 'mtbfTicks', 'randomIncidentsPerDay'].includes(head)
  )
    return of(fieldLabel(t, head), fieldLabel(t, `${head}.${String(second)}`));
  return fieldLabel(t, shapeOf(path.slice(0, 2)));
}
