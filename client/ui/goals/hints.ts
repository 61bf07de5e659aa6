/**
 * The next-step hint: a small rule table read top to bottom, in the order the scaling ideas are
 * taught (one server → a separate database tier → one box cannot fail over, so a load balancer
 * and a second web server → replicas → a cache → a CDN → a stateless web tier → a second data
 * center → a message queue → monitoring and automation → sharding). The first rule whose condition holds on the team's view
 * is the hint; doing what it says makes its condition false and the next one shows. A second data
 * center brings back the earlier steps for its own servers (a database to use, the shared cache
 * and session store, a balancer, a second instance, health checks).
 *
 * Conditions read only what the provider's console shows (components, instance counts,
 * connections, settings, DNS entries, owned features), so a hint never reveals what fog of war
 * hides. Each rule names its two texts by literal locale keys (why it matters, what to do), so
 * the key checks find them; `ids` are the components, region or feature the texts name.
 */
import { MONITORING_FEATURES, type ComponentView, type Feature, type TeamView } from '../../../shared/sim';
import type { ConceptId } from '../../state/uiState';
import { byId, entryIds, isPrimary, isSharded, ofKind, planned, reach, replicasOf, servingRegions, splitsJobs } from './systemFacts';

export const HINT_IDS = [
  'separateDb',
  'connectDb',
  'waitDb',
  'connectWebDb',
  'buyLb',
  'connectLb',
  'entryLb',
  'secondWeb',
  'healthChecks',
  'replica',
  'buyCache',
  'connectCache',
  'cdn',
  'buySessionStore',
  'connectSessionStore',
  'secondRegion',
  'entryRegion',
  'queue',
  'monitoring',
  'sharding',
  'done',
] as const;
export type HintId = (typeof HINT_IDS)[number];

/** What a hint's texts name: component ids (web, db, lb, cache, store), a region id, a feature. */
interface HintIds {
  web?: string;
  db?: string;
  lb?: string;
  cache?: string;
  store?: string;
  region?: string;
  feature?: Feature;
}

export interface Hint {
  id: HintId;
  concept: ConceptId;
  whyKey: string;
  doKey: string;
  ids: HintIds;
}

interface Facts {
  team: TeamView;
  regionIds: readonly string[];
  components: Map<string, ComponentView>;
  /** Components users reach from the DNS entries. */
  path: Set<string>;
  webs: ComponentView[];
}

interface HintRule {
  id: HintId;
  concept: ConceptId;
  whyKey: string;
  doKey: string;
  /** The names the texts need when the rule applies; null when it does not. */
  when(f: Facts): HintIds | null;
}

/** The web server users reach first (through the entries), else the first one. */
function mainWeb(f: Facts): ComponentView | undefined {
  return f.webs.find((w) => f.path.has(w.id)) ?? f.webs[0];
}

/** A region's entry when it is a web server: users reach one box straight from DNS. */
function webEntry(f: Facts): { region: string; web: ComponentView } | null {
  for (const region of f.regionIds) {
    const entry = f.components.get(f.team.entries[region] ?? '');
    if (entry?.kind === 'web') return { region, web: entry };
  }
  return null;
}

/**
 * The region to open as a second data center while fewer than two serve their own users: one
 * already being built (it has web servers), else the first that has none, in scenario order.
 */
function nextRegion(f: Facts): string | null {
  if (f.regionIds.length < 2) return null;
  const serving = servingRegions(f.team, f.regionIds);
  if (serving.length >= 2) return null;
  const open = f.regionIds.filter((r) => !serving.includes(r));
  return open.find((r) => f.webs.some((w) => w.region === r)) ?? open[0] ?? null;
}

const colocated = (f: Facts) => f.webs.find((w) => w.settings.colocatedDb === true);
const primaries = (f: Facts) => f.team.components.filter(isPrimary);

const RULES: readonly HintRule[] = [
  {
    id: 'separateDb',
    concept: 'singleServer',
    whyKey: 'ui.hints.separateDb.why',
    doKey: 'ui.hints.separateDb.do',
    when: (f) => {
      const web = colocated(f);
      return web !== undefined && primaries(f).length === 0 ? { web: web.id } : null;
    },
  },
  {
    id: 'connectDb',
    concept: 'singleServer',
    whyKey: 'ui.hints.connectDb.why',
    doKey: 'ui.hints.connectDb.do',
    when: (f) => {
      const web = colocated(f);
      const db = primaries(f)[0];
      return web !== undefined && db !== undefined && !web.targets.some((id) => f.components.get(id)?.kind === 'db')
        ? { web: web.id, db: db.id }
        : null;
    },
  },
  {
    id: 'waitDb',
    concept: 'singleServer',
    whyKey: 'ui.hints.waitDb.why',
    doKey: 'ui.hints.waitDb.do',
    when: (f) => {
      const web = colocated(f);
      const db = web?.targets.map((id) => f.components.get(id)).find((c) => c?.kind === 'db');
      return web !== undefined && db !== undefined ? { web: web.id, db: db.id } : null;
    },
  },
  {
    id: 'connectWebDb',
    concept: 'singleServer',
    whyKey: 'ui.hints.connectWebDb.why',
    doKey: 'ui.hints.connectWebDb.do',
    when: (f) => {
      const db = primaries(f)[0];
      const web = f.webs.find((w) => w.settings.colocatedDb !== true && !w.targets.some((id) => f.components.get(id)?.kind === 'db'));
      return web !== undefined && db !== undefined ? { web: web.id, db: db.id } : null;
    },
  },
  {
    id: 'buyLb',
    concept: 'verticalVsHorizontal',
    whyKey: 'ui.hints.buyLb.why',
    doKey: 'ui.hints.buyLb.do',
    when: (f) => {
      const entry = webEntry(f);
      return entry !== null && !f.team.components.some((c) => c.kind === 'lb' && c.region === entry.region)
        ? { web: entry.web.id, region: entry.region }
        : null;
    },
  },
  {
    id: 'connectLb',
    concept: 'loadBalancer',
    whyKey: 'ui.hints.connectLb.why',
    doKey: 'ui.hints.connectLb.do',
    when: (f) => {
      const lb = ofKind(f.team, 'lb').find((l) => !l.targets.some((id) => f.components.get(id)?.kind === 'web'));
      const web = lb === undefined ? undefined : (f.webs.find((w) => w.region === lb.region) ?? mainWeb(f));
      return lb !== undefined && web !== undefined ? { lb: lb.id, web: web.id } : null;
    },
  },
  {
    id: 'entryLb',
    concept: 'loadBalancer',
    whyKey: 'ui.hints.entryLb.why',
    doKey: 'ui.hints.entryLb.do',
    when: (f) => {
      const entry = webEntry(f);
      const lb = entry === null ? undefined : ofKind(f.team, 'lb').find((l) => l.region === entry.region);
      return entry !== null && lb !== undefined ? { lb: lb.id, web: entry.web.id, region: entry.region } : null;
    },
  },
  {
    id: 'secondWeb',
    concept: 'loadBalancer',
    whyKey: 'ui.hints.secondWeb.why',
    doKey: 'ui.hints.secondWeb.do',
    when: (f) => {
      for (const lb of ofKind(f.team, 'lb')) {
        const webs = lb.targets.map((id) => f.components.get(id)).filter((c): c is ComponentView => c?.kind === 'web');
        const first = webs[0];
        if (first !== undefined && webs.reduce((n, w) => n + planned(w), 0) < 2) return { web: first.id, lb: lb.id };
      }
      return null;
    },
  },
  {
    id: 'healthChecks',
    concept: 'loadBalancer',
    whyKey: 'ui.hints.healthChecks.why',
    doKey: 'ui.hints.healthChecks.do',
    when: (f) => {
      const lb = ofKind(f.team, 'lb').find((l) => l.settings.healthChecks !== true);
      return lb !== undefined ? { lb: lb.id } : null;
    },
  },
  {
    id: 'replica',
    concept: 'replication',
    whyKey: 'ui.hints.replica.why',
    doKey: 'ui.hints.replica.do',
    when: (f) => {
      const db = primaries(f).find((d) => replicasOf(f.team, d.id).length === 0);
      return db !== undefined ? { db: db.id } : null;
    },
  },
  {
    id: 'buyCache',
    concept: 'cache',
    whyKey: 'ui.hints.buyCache.why',
    doKey: 'ui.hints.buyCache.do',
    when: (f) => {
      const db = primaries(f)[0];
      return ofKind(f.team, 'cache').length === 0 && db !== undefined ? { db: db.id } : null;
    },
  },
  {
    id: 'connectCache',
    concept: 'cache',
    whyKey: 'ui.hints.connectCache.why',
    doKey: 'ui.hints.connectCache.do',
    when: (f) => {
      const cache = ofKind(f.team, 'cache')[0];
      const web = f.webs.find((w) => !w.targets.some((id) => f.components.get(id)?.kind === 'cache'));
      return cache !== undefined && web !== undefined ? { web: web.id, cache: cache.id } : null;
    },
  },
  {
    id: 'cdn',
    concept: 'cdn',
    whyKey: 'ui.hints.cdn.why',
    doKey: 'ui.hints.cdn.do',
    when: (f) => (ofKind(f.team, 'cdn').length === 0 ? {} : null),
  },
  {
    id: 'buySessionStore',
    concept: 'statelessWeb',
    whyKey: 'ui.hints.buySessionStore.why',
    doKey: 'ui.hints.buySessionStore.do',
    when: (f) => (ofKind(f.team, 'sessionStore').length === 0 && f.webs.length > 0 ? {} : null),
  },
  {
    id: 'connectSessionStore',
    concept: 'statelessWeb',
    whyKey: 'ui.hints.connectSessionStore.why',
    doKey: 'ui.hints.connectSessionStore.do',
    when: (f) => {
      const store = ofKind(f.team, 'sessionStore')[0];
      const web = f.webs.find((w) => !w.targets.some((id) => f.components.get(id)?.kind === 'sessionStore'));
      return store !== undefined && web !== undefined ? { web: web.id, store: store.id } : null;
    },
  },
  {
    id: 'secondRegion',
    concept: 'dataCenters',
    whyKey: 'ui.hints.secondRegion.why',
    doKey: 'ui.hints.secondRegion.do',
    when: (f) => {
      const region = nextRegion(f);
      return region !== null && !f.webs.some((w) => w.region === region) ? { region } : null;
    },
  },
  {
    id: 'entryRegion',
    concept: 'dataCenters',
    whyKey: 'ui.hints.entryRegion.why',
    doKey: 'ui.hints.entryRegion.do',
    when: (f) => {
      const region = nextRegion(f);
      const web = f.webs.find((w) => w.region === region);
      // With an entry of its own the region's servers are on their way: the rules above guide them.
      return region !== null && web !== undefined && f.team.entries[region] === undefined ? { region, web: web.id } : null;
    },
  },
  {
    id: 'queue',
    concept: 'messageQueue',
    whyKey: 'ui.hints.queue.why',
    doKey: 'ui.hints.queue.do',
    when: (f) => {
      const web = f.webs.find((w) => w.count > 0 && f.path.has(w.id) && !splitsJobs(f.components, w));
      return web !== undefined ? { web: web.id } : null;
    },
  },
  {
    id: 'monitoring',
    concept: 'observability',
    whyKey: 'ui.hints.monitoring.why',
    doKey: 'ui.hints.monitoring.do',
    when: (f) => {
      const feature = MONITORING_FEATURES.find((name) => !f.team.features[name]);
      return feature !== undefined ? { feature } : null;
    },
  },
  {
    id: 'sharding',
    concept: 'sharding',
    whyKey: 'ui.hints.sharding.why',
    doKey: 'ui.hints.sharding.do',
    when: (f) => {
      const db = primaries(f).find((d) => f.path.has(d.id)) ?? primaries(f)[0];
      return db !== undefined && !primaries(f).some(isSharded) ? { db: db.id } : null;
    },
  },
  { id: 'done', concept: 'checklist', whyKey: 'ui.hints.done.why', doKey: 'ui.hints.done.do', when: () => ({}) },
];

/** The rules in the order they are tried (the tests walk them). */
export const HINT_RULES: readonly Pick<HintRule, 'id' | 'concept' | 'whyKey' | 'doKey'>[] = RULES;

/** The hint for this team now: the first rule that applies. */
export function nextHint(team: TeamView, regionIds: readonly string[]): Hint {
  const components = byId(team);
  const facts: Facts = {
    team,
    regionIds,
    components,
    path: reach(team, entryIds(team, regionIds)),
    webs: ofKind(team, 'web'),
  };
  for (const rule of RULES) {
    const ids = rule.when(facts);
    if (ids !== null) return { id: rule.id, concept: rule.concept, whyKey: rule.whyKey, doKey: rule.doKey, ids };
  }
  // Unreachable: the last rule always applies.
  return { id: 'done', concept: 'checklist', whyKey: 'ui.hints.done.why', doKey: 'ui.hints.done.do', ids: {} };
}
