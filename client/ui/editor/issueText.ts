/**
 * A zod issue about a scenario (the editor's own check, or the server's 400 answer, which carries
 * the same issues as JSON) in the author's words and language: which field, by the name the form
 * gives it, and why, with the limit it broke. The schema's own refinements (round trips, shares,
 * links of the starting system) say what is wrong in English for the command line and name their
 * rule and its facts in `params`; the rule is what is said again here in the player's language. Pure.
 */
import { scenarioSchema } from '../../../shared/scenarios/schema';
import type { Scenario } from '../../../shared/sim/core/scenario';
import { formatNumber, formatPercent, type Language } from '../../i18n/format';
import { getIn, isObject, type Json, type JsonObject, type Path } from './document';
import { fieldLabel, placeName, vocabularyName, type Translate } from './fieldNames';
import { SHIPPED } from './shipped';

/** An issue as zod 4 reports it (and as the server sends it back): a place, a code, and the code's own fields. */
export interface ScenarioIssue {
  path: ReadonlyArray<PropertyKey>;
  code: string;
  message?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
  expected?: string;
  values?: readonly unknown[];
  options?: readonly unknown[];
  keys?: readonly string[];
  format?: string;
  /** A refinement's own facts (`rule` names it: see docs/scenarios.md, "Validation and limits"). */
  params?: Readonly<Record<string, unknown>>;
}

/** The editor's tabs; every issue belongs to the one that shows its field. */
export const SECTIONS = ['general', 'regions', 'traffic', 'data', 'failures', 'incidents', 'objectives', 'topology'] as const;
export type SectionId = (typeof SECTIONS)[number];

const SECTION_OF: Readonly<Record<string, SectionId>> = {
  regions: 'regions',
  latencyMs: 'regions',
  traffic: 'traffic',
  classMix: 'traffic',
  onlineShare: 'traffic',
  dailySwing: 'traffic',
  datasets: 'data',
  workingSet: 'data',
  staticAssets: 'data',
  mtbfTicks: 'failures',
  randomIncidentsPerDay: 'failures',
  incidents: 'incidents',
  objectives: 'objectives',
  shop: 'objectives',
  initialTopology: 'topology',
};

function sectionOf(path: Path): SectionId {
  return SECTION_OF[String(path[0] ?? '')] ?? 'general';
}

/** Fields the form shows as percentages (the format keeps them as shares, 0–1): their limits are said in percent too. */
const SHARE_FIELDS = new Set(['onlineShare', 'dailySwing', 'objectives.availability', 'datasets.*.readShare', 'datasets.*.writeShare']);

function isShareField(path: Path): boolean {
  return SHARE_FIELDS.has(path.map((part) => (typeof part === 'number' ? '*' : part)).join('.'));
}

/**
 * The document checked as the server checks it: the schema, and an id of its own (a shipped
 * scenario's id would read as that scenario in every list and result). `scenario` is the parsed
 * scenario whenever the schema passes, for the preview.
 */
export function checkScenario(doc: JsonObject): { scenario: Scenario | null; issues: ScenarioIssue[] } {
  const checked = scenarioSchema.safeParse(doc);
  if (!checked.success) return { scenario: null, issues: checked.error.issues as unknown as ScenarioIssue[] };
  const id = checked.data.id;
  const shipped = SHIPPED.some((s) => s.id === id);
  return {
    scenario: checked.data,
    issues: shipped ? [{ code: 'custom', path: ['id'], message: `"${id}" is a scenario that ships with the game` }] : [],
  };
}

export interface IssueText {
  /** The issue's place, dotted (`regions.1.marketSize`): the form marks the field with it. */
  path: string;
  section: SectionId;
  field: string;
  reason: string;
}

function toPath(path: ReadonlyArray<PropertyKey>): Path {
  return path.filter((part): part is string | number => typeof part === 'string' || typeof part === 'number');
}

/**
 * Every issue in the author's words, once: an empty name breaks two rules (not empty, something
 * visible) that say the same thing, and the author needs to read it once.
 */
export function describeIssues(issues: readonly ScenarioIssue[], doc: JsonObject, t: Translate, lang: Language): IssueText[] {
  const seen = new Set<string>();
  return issues
    .map((issue) => describeIssue(issue, doc, t, lang))
    .filter((text) => {
      const key = `${text.path}\u0000${text.reason}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function describeIssue(issue: ScenarioIssue, doc: JsonObject, t: Translate, lang: Language): IssueText {
  const path = toPath(issue.path);
  const custom = issue.code === 'custom' ? customText(issue, path, doc, t, lang) : null;
  return {
    path: path.join('.'),
    section: sectionOf(path),
    field: custom?.field ?? placeName(doc, t, lang, path),
    reason: custom?.reason ?? reasonFor(issue, path, doc, t, lang),
  };
}

function limit(value: number | bigint | undefined, path: Path, lang: Language): string {
  const n = Number(value ?? 0);
  return isShareField(path) ? formatPercent(lang, n, 'round', 2) : formatNumber(lang, n, 6);
}

function reasonFor(issue: ScenarioIssue, path: Path, doc: JsonObject, t: Translate, lang: Language): string {
  switch (issue.code) {
    case 'invalid_type':
      if (getIn(doc, path) === undefined) return t('ui.editor.reason.missing');
      if (issue.expected === 'int') return t('ui.editor.reason.notWhole');
      if (issue.expected === 'number') return t('ui.editor.reason.notNumber');
      if (issue.expected === 'string') return t('ui.editor.reason.notText');
      return t('ui.editor.reason.wrongKind');
    case 'too_small':
      if (issue.origin === 'string') return t('ui.editor.reason.empty');
      if (issue.origin === 'array') return t('ui.editor.reason.fewItems', { min: limit(issue.minimum, [], lang) });
      return t(issue.inclusive === false ? 'ui.editor.reason.moreThan' : 'ui.editor.reason.atLeast', {
        min: limit(issue.minimum, path, lang),
      });
    case 'too_big':
      if (issue.origin === 'string' || issue.origin === 'array')
        return t('ui.editor.reason.tooMany', { max: limit(issue.maximum, [], lang) });
      return t(issue.inclusive === false ? 'ui.editor.reason.lessThan' : 'ui.editor.reason.atMost', {
        max: limit(issue.maximum, path, lang),
      });
    case 'invalid_value':
    case 'invalid_union': {
      const values = issue.values ?? issue.options;
      if (values === undefined || values.length === 0) return t('ui.editor.reason.wrongKind');
      return t('ui.editor.reason.oneOf', { values: values.map((v) => vocabularyName(t, String(v))).join(', ') });
    }
    case 'invalid_format':
      return t('ui.editor.reason.idFormat');
    case 'unrecognized_keys':
      return t('ui.editor.reason.unknownKeys', { keys: (issue.keys ?? []).join(', ') });
    default:
      return issue.message ?? issue.code;
  }
}

/** The schema's refinements, by the rule their params name. */
function customText(
  issue: ScenarioIssue,
  path: Path,
  doc: JsonObject,
  t: Translate,
  lang: Language,
): { field?: string; reason: string } | null {
  const params = issue.params ?? {};
  const text = (key: string) => (typeof params[key] === 'string' || typeof params[key] === 'number' ? String(params[key]) : '');
  const [head] = path;
  if (head === 'id' && (issue.message ?? '').endsWith('ships with the game')) return { reason: t('ui.editor.reason.shippedId') };
  switch (params.rule) {
    case 'speed':
      return { reason: t('ui.editor.reason.oneOf', { values: text('speeds') }) };
    case 'latency-missing':
      return { reason: t('ui.editor.reason.missingRoundTrip') };
    case 'shares-sum': {
      const key = params.key === 'writeShare' ? 'writeShare' : 'readShare';
      const list: Json[] = Array.isArray(doc.datasets) ? doc.datasets : [];
      const total = list.reduce<number>((sum, d) => sum + (isObject(d) && typeof d[key] === 'number' ? d[key] : 0), 0);
      return {
        field: t('ui.editor.of', { item: fieldLabel(t, 'datasets'), field: fieldLabel(t, `datasets.*.${key}`) }),
        reason: t('ui.editor.reason.sharesSum', { total: formatPercent(lang, total, 'round', 2) }),
      };
    }
    case 'unknown-region':
      return { reason: t('ui.editor.reason.unknownRegion', { region: text('region') }) };
    case 'connect-earlier':
      return { reason: t('ui.editor.reason.connectEarlier') };
    case 'link-not-allowed': {
      const from = params.source === 'users' ? t('ui.editor.users') : vocabularyName(t, text('source'));
      return { reason: t('ui.editor.reason.cannotConnect', { from, to: vocabularyName(t, text('kind')) }) };
    }
    case 'strength':
      return { reason: t('ui.editor.reason.strength') };
    case 'mtbf':
      return { reason: t('ui.editor.reason.mtbf', { min: formatNumber(lang, Number(params.minimum ?? 0), 6) }) };
    case 'instances':
      return {
        reason: t('ui.editor.reason.instances', {
          max: formatNumber(lang, Number(params.maximum ?? 0), 6),
          total: formatNumber(lang, Number(params.total ?? 0), 6),
        }),
      };
    case 'whole-characters':
    case 'no-control':
      return { reason: t('ui.editor.reason.badCharacters') };
    case 'visible':
      return { reason: t('ui.editor.reason.empty') };
    default:
      return null;
  }
}
