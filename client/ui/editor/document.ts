/**
 * A scenario as the editor holds it: the JSON document itself, not the parsed `Scenario`. Parsing
 * would add the schema's defaults and reorder keys, and a file opened and saved unchanged must come
 * back byte for byte; so the form edits the document in place (a copy along the changed path),
 * keeping every field it has, shown or not, in its order. A field the document lacks is inserted
 * where the format lists it. The one text form of a document is `canonicalText`.
 */
import { z } from 'zod';
import { scenarioSchema } from '../../../shared/scenarios/schema';

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}
export type Path = ReadonlyArray<string | number>;

/** The text a document is saved as: two-space JSON and a final newline. */
export function canonicalText(doc: Json): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export type ReadFailure = 'notJson' | 'notObject';

/** A file's text as a document; a scenario's validity is judged later, field by field. */
export function readDocument(text: string): { ok: true; doc: JsonObject } | { ok: false; reason: ReadFailure } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'notJson' };
  }
  return isObject(value) ? { ok: true, doc: value as JsonObject } : { ok: false, reason: 'notObject' };
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getIn(doc: Json | undefined, path: Path): Json | undefined {
  let node: Json | undefined = doc;
  for (const part of path) {
    if (Array.isArray(node) && typeof part === 'number') node = node[part];
    else if (isObject(node) && typeof part === 'string') node = Object.hasOwn(node, part) ? node[part] : undefined;
    else return undefined;
  }
  return node;
}

/** The zod schema that describes the value at `path`, looking through optional, default and record. */
function schemaAt(path: Path): z.ZodType | null {
  let node: z.ZodType | null = scenarioSchema;
  for (const part of path) {
    node = unwrap(node);
    if (node instanceof z.ZodObject) node = (node.shape as Record<string, z.ZodType>)[String(part)] ?? null;
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
    else if (node instanceof z.ZodRecord) node = node.valueType as z.ZodType;
    else return null;
    if (node === null) return null;
  }
  return unwrap(node);
}

function unwrap(node: z.ZodType | null): z.ZodType | null {
  let current = node;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  return current;
}

/** The keys of the object at `path` in the order the format lists them (an enum-keyed record: the enum's order). */
function formatKeys(path: Path): readonly string[] {
  const schema = schemaAt(path);
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodRecord && schema.keyType instanceof z.ZodEnum) return schema.keyType.options.map(String);
  return [];
}

/** `object` with `key` set: in place when it has it, else after the last key the format lists before it. */
function withKey(object: JsonObject, key: string, value: Json, order: readonly string[]): JsonObject {
  if (Object.hasOwn(object, key)) return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, k === key ? value : v]));
  const rank = order.indexOf(key);
  const entries = Object.entries(object);
  let at = entries.length;
  if (rank >= 0) {
    at = 0;
    entries.forEach(([k], index) => {
      const r = order.indexOf(k);
      if (r >= 0 && r < rank) at = index + 1;
    });
  }
  entries.splice(at, 0, [key, value]);
  return Object.fromEntries(entries);
}

/** A copy of `doc` with the value at `path` replaced (objects and arrays on the way are created as needed). */
export function setIn(doc: JsonObject, path: Path, value: Json): JsonObject {
  return setAt(doc, [], path, value) as JsonObject;
}

function setAt(node: Json | undefined, above: Path, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  const here = [...above, head];
  if (typeof head === 'number') {
    const list = Array.isArray(node) ? [...node] : [];
    list[head] = setAt(list[head], here, rest, value);
    return list;
  }
  const object = isObject(node) ? node : {};
  return withKey(object, head, setAt(object[head], here, rest, value), formatKeys(above));
}

/** A copy of `doc` without the value at `path` (an array element is taken out, the rest close up). */
export function removeIn(doc: JsonObject, path: Path): JsonObject {
  if (getIn(doc, path) === undefined) return doc;
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  const parent = getIn(doc, parentPath);
  let replaced: Json;
  if (Array.isArray(parent) && typeof last === 'number') replaced = parent.filter((_, index) => index !== last);
  else if (isObject(parent) && typeof last === 'string') replaced = Object.fromEntries(Object.entries(parent).filter(([k]) => k !== last));
  else return doc;
  return parentPath.length === 0 ? (replaced as JsonObject) : setIn(doc, parentPath, replaced);
}

/** A copy of `object` with `from` renamed `to`, in the same place. */
export function renameKey(object: JsonObject, from: string, to: string): JsonObject {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k === from ? to : k, v]));
}
