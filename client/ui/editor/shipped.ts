/**
 * The scenarios that ship with the game as their files have them (not as parsed: parsing adds
 * defaults and reorders keys), for the editor to start from: the free-play presets and the
 * scenario of every campaign chapter.
 */
import { CHAPTER_FILES } from '../../../shared/campaign';
import { PRESET_FILES } from '../../../shared/scenarios';
import { isObject, setIn, type JsonObject } from './document';

interface ShippedScenario {
  id: string;
  /** The chapter's number, or null for a free-play preset. */
  chapter: number | null;
  doc: JsonObject;
}

function entry(doc: unknown, chapter: number | null): ShippedScenario[] {
  return isObject(doc) && typeof doc.id === 'string' ? [{ id: doc.id, chapter, doc }] : [];
}

/** The presets, then the chapters in campaign order. */
export const SHIPPED: readonly ShippedScenario[] = [
  ...Object.values(PRESET_FILES).flatMap((file) => entry(file, null)),
  ...CHAPTER_FILES.flatMap((file, index) => (isObject(file) ? entry(file.scenario, index + 1) : [])),
];

/** A fresh copy of a shipped scenario's document, for the editor to change. */
export function shippedDocument(id: string): JsonObject | null {
  const found = SHIPPED.find((s) => s.id === id);
  return found === undefined ? null : (JSON.parse(JSON.stringify(found.doc)) as JsonObject);
}

/** A shipped scenario to write one's own from: the same, under an id of its own (the server keeps shipped ids for the shipped games). */
export function ownCopy(doc: JsonObject): JsonObject {
  return typeof doc.id === 'string' ? setIn(doc, ['id'], `my-${doc.id}`.slice(0, 32).replace(/-+$/, '')) : doc;
}
