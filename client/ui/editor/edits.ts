/**
 * The edits of the scenario editor that change more than one field: a region added or removed
 * takes its row and column of the round-trip table with it, a renamed region is renamed wherever
 * the document names it, a starting component removed shifts the links of those after it. Pure:
 * each returns a new document and leaves the one it was given alone.
 */
import { COMPONENT_KINDS } from '../../../shared/sim/core/scenario';
import { FEATURE_NAMES } from '../../../shared/sim/vocabulary';
import { MINUTES_PER_DAY } from '../../i18n/format';
import { getIn, isObject, removeIn, renameKey, setIn, type Json, type JsonObject } from './document';

/** Round trip of a new region to itself and to every other region, in ms, until the author says. */
const NEW_LOCAL_RTT = 20;
const NEW_REMOTE_RTT = 150;

function list(doc: JsonObject, key: string): Json[] {
  const value = doc[key];
  return Array.isArray(value) ? value : [];
}

/** Ids of the document's regions, in order (a region without a text id counts as ''). */
export function regionIds(doc: JsonObject): string[] {
  return list(doc, 'regions').map((r) => (isObject(r) && typeof r.id === 'string' ? r.id : ''));
}

function unusedId(taken: readonly string[], stem: string): string {
  for (let n = taken.length + 1; ; n++) if (!taken.includes(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** Appends a region and gives it a round trip to and from every region already there. */
export function addRegion(doc: JsonObject, name: { en: string; ko: string }): JsonObject {
  const ids = regionIds(doc);
  const id = unusedId(ids, 'region');
  const region: JsonObject = { id, name: { ...name }, initialUsers: 100, marketSize: 100_000, peakHour: 20 };
  let next = setIn(doc, ['regions'], [...list(doc, 'regions'), region]);
  const table = isObject(next.latencyMs) ? next.latencyMs : {};
  const row: JsonObject = {};
  for (const other of ids) row[other] = NEW_REMOTE_RTT;
  row[id] = NEW_LOCAL_RTT;
  const widened: JsonObject = {};
  for (const [from, cells] of Object.entries(table)) widened[from] = isObject(cells) ? { ...cells, [id]: NEW_REMOTE_RTT } : cells;
  widened[id] = row;
  next = setIn(next, ['latencyMs'], widened);
  return next;
}

/** Removes a region and its row and column of round trips; what still names it is left for the checks to point at. */
export function removeRegion(doc: JsonObject, index: number): JsonObject {
  const id = regionIds(doc)[index];
  let next = removeIn(doc, ['regions', index]);
  if (id === undefined || !isObject(next.latencyMs)) return next;
  const narrowed: JsonObject = {};
  for (const [from, cells] of Object.entries(next.latencyMs)) {
    if (from === id) continue;
    narrowed[from] = isObject(cells) ? Object.fromEntries(Object.entries(cells).filter(([to]) => to !== id)) : cells;
  }
  next = setIn(next, ['latencyMs'], narrowed);
  return next;
}

/** Gives a region a new id, and follows it into the round trips, the starting system and the incidents. */
export function renameRegion(doc: JsonObject, index: number, to: string): JsonObject {
  const from = regionIds(doc)[index];
  let next = setIn(doc, ['regions', index, 'id'], to);
  if (from === undefined || from === '' || from === to || regionIds(doc).includes(to)) return next;
  if (isObject(next.latencyMs)) {
    const table: JsonObject = {};
    for (const [row, cells] of Object.entries(renameKey(next.latencyMs, from, to)))
      table[row] = isObject(cells) && Object.hasOwn(cells, from) ? renameKey(cells, from, to) : cells;
    next = setIn(next, ['latencyMs'], table);
  }
  list(next, 'initialTopology').forEach((component, i) => {
    if (isObject(component) && component.region === from) next = setIn(next, ['initialTopology', i, 'region'], to);
  });
  list(next, 'incidents').forEach((incident, i) => {
    if (!isObject(incident)) return;
    if (incident.region === from) next = setIn(next, ['incidents', i, 'region'], to);
    if (incident.peer === from) next = setIn(next, ['incidents', i, 'peer'], to);
  });
  return next;
}

export function addDataset(doc: JsonObject, name: { en: string; ko: string }): JsonObject {
  const taken = list(doc, 'datasets').map((d) => (isObject(d) && typeof d.id === 'string' ? d.id : ''));
  const dataset: JsonObject = { id: unusedId(taken, 'data'), name: { ...name }, readShare: 0, writeShare: 0, joins: 1 };
  return setIn(doc, ['datasets'], [...list(doc, 'datasets'), dataset]);
}

/** A new scripted incident: a traffic spike at 20:00 on the day after the last one scripted. */
export function addIncident(doc: JsonObject): JsonObject {
  const last = list(doc, 'incidents').reduce<number>(
    (latest, i) => Math.max(latest, isObject(i) && typeof i.tick === 'number' ? i.tick : 0),
    0,
  );
  const day = Math.floor(last / MINUTES_PER_DAY) + (list(doc, 'incidents').length === 0 ? 0 : 1);
  const incident: JsonObject = { tick: day * MINUTES_PER_DAY + 20 * 60, type: 'trafficSpike', magnitude: 3, durationTicks: 60 };
  return setIn(doc, ['incidents'], [...list(doc, 'incidents'), incident]);
}

/** A new starting component: a small web server in the first region, where users arrive. */
export function addComponent(doc: JsonObject): JsonObject {
  const component: JsonObject = { kind: 'web', region: regionIds(doc)[0] ?? '', connectFrom: ['users'] };
  return setIn(doc, ['initialTopology'], [...list(doc, 'initialTopology'), component]);
}

/** Removes a starting component; later components' links to it go, and their links to later ones follow the shift. */
export function removeComponent(doc: JsonObject, index: number): JsonObject {
  let next = removeIn(doc, ['initialTopology', index]);
  list(next, 'initialTopology').forEach((component, i) => {
    if (!isObject(component) || !Array.isArray(component.connectFrom)) return;
    const links = component.connectFrom
      .filter((from) => from !== index)
      .map((from) => (typeof from === 'number' && from > index ? from - 1 : from));
    if (links.length !== component.connectFrom.length || links.some((from, k) => from !== (component.connectFrom as Json[])[k]))
      next = setIn(next, ['initialTopology', i, 'connectFrom'], links);
  });
  return next;
}

/** The id a starting component gets in the game: `<kind>-<n>`, numbered from 1 in list order. */
export function componentId(doc: JsonObject, index: number): string {
  const component = getIn(doc, ['initialTopology', index]);
  const kind = isObject(component) && typeof component.kind === 'string' ? component.kind : '?';
  return `${kind}-${index + 1}`;
}

/** Traffic of the other mode, with the figures the author last gave it (or a start). */
export function switchTraffic(doc: JsonObject, mode: 'growth' | 'constant', remembered: JsonObject | null): JsonObject {
  const current = doc.traffic;
  if (isObject(current) && current.mode === mode) return doc;
  const fresh: JsonObject =
    remembered !== null && remembered.mode === mode
      ? remembered
      : mode === 'growth'
        ? { mode, growthPerDay: 0.5, churnPerDay: 1.5 }
        : { mode, requestsPerSecond: 200 };
  return setIn(doc, ['traffic'], fresh);
}

/** Turns a chapter-like shop on (selling everything, to be narrowed) or off (everything on sale). */
export function setShopLimited(doc: JsonObject, limited: boolean): JsonObject {
  if (!limited) return removeIn(doc, ['shop']);
  if (isObject(doc.shop)) return doc;
  return setIn(doc, ['shop'], { kinds: [...COMPONENT_KINDS], features: [...FEATURE_NAMES] });
}

/** Adds or removes one name from a list of names, keeping `order` (the format's order) for the names it knows. */
export function toggleName(doc: JsonObject, key: 'kinds' | 'features', name: string, on: boolean): JsonObject {
  const current = getIn(doc, ['shop', key]);
  const names = Array.isArray(current) ? current : [];
  const has = names.includes(name);
  if (has === on) return doc;
  const order: readonly string[] = key === 'kinds' ? COMPONENT_KINDS : FEATURE_NAMES;
  const next = on ? [...names, name].sort((a, b) => rank(order, a) - rank(order, b)) : names.filter((n) => n !== name);
  return setIn(doc, ['shop', key], next);
}

function rank(order: readonly string[], name: Json): number {
  const at = order.indexOf(String(name));
  return at < 0 ? order.length : at;
}

/** A tick as the day of the game (from 1) and the minute of that day. */
export function dayAndMinute(tick: number): { day: number; minute: number } {
  const t = Math.max(0, Math.floor(tick));
  return { day: Math.floor(t / MINUTES_PER_DAY) + 1, minute: t % MINUTES_PER_DAY };
}

export function tickOf(day: number, minute: number): number {
  return (Math.max(1, Math.floor(day)) - 1) * MINUTES_PER_DAY + Math.max(0, Math.min(MINUTES_PER_DAY - 1, Math.floor(minute)));
}
