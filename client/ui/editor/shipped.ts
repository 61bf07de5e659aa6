/**
 * The scenarios that ship with the game as their files have them (not as parsed: parsing adds
 * defaults and reorders keys), for the editor to start from: the free-play presets and the
 * scenario of every campaign chapter.
 */
import constantLoad from '../../../assets/scenarios/constant-load.json' with { type: 'json' };
import sandbox from '../../../assets/scenarios/sandbox.json' with { type: 'json' };
import chapter01 from '../../../assets/campaign/01-one-server.json' with { type: 'json' };
import chapter02 from '../../../assets/campaign/02-two-tiers.json' with { type: 'json' };
import chapter03 from '../../../assets/campaign/03-database-choice.json' with { type: 'json' };
import chapter04 from '../../../assets/campaign/04-scale-out.json' with { type: 'json' };
import chapter05 from '../../../assets/campaign/05-load-balancer.json' with { type: 'json' };
import chapter06 from '../../../assets/campaign/06-replication.json' with { type: 'json' };
import chapter07 from '../../../assets/campaign/07-cache.json' with { type: 'json' };
import chapter08 from '../../../assets/campaign/08-cdn.json' with { type: 'json' };
import chapter09 from '../../../assets/campaign/09-stateless-web.json' with { type: 'json' };
import chapter10 from '../../../assets/campaign/10-data-centers.json' with { type: 'json' };
import chapter11 from '../../../assets/campaign/11-message-queue.json' with { type: 'json' };
import chapter12 from '../../../assets/campaign/12-observability.json' with { type: 'json' };
import chapter13 from '../../../assets/campaign/13-sharding.json' with { type: 'json' };
import chapter14 from '../../../assets/campaign/14-checklist.json' with { type: 'json' };
import { isObject, setIn, type JsonObject } from './document';

interface ShippedScenario {
  id: string;
  /** The chapter's number, or null for a free-play preset. */
  chapter: number | null;
  doc: JsonObject;
}

const CHAPTER_FILES: readonly unknown[] = [
  chapter01,
  chapter02,
  chapter03,
  chapter04,
  chapter05,
  chapter06,
  chapter07,
  chapter08,
  chapter09,
  chapter10,
  chapter11,
  chapter12,
  chapter13,
  chapter14,
];

function entry(doc: unknown, chapter: number | null): ShippedScenario[] {
  return isObject(doc) && typeof doc.id === 'string' ? [{ id: doc.id, chapter, doc }] : [];
}

/** The presets, then the chapters in campaign order. */
export const SHIPPED: readonly ShippedScenario[] = [
  ...entry(sandbox, null),
  ...entry(constantLoad, null),
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
