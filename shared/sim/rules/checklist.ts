/**
 * The seed's closing checklist (idea 13 of docs/design.md, seed: note. 시스템 규모 확장 기법 정리), scored
 * from the state for the debrief: 웹 계층을 무상태 계층으로, 모든 계층에 다중화 도입, 가능한 한 많은
 * 데이터를 캐시, 여러 데이터 센터, 정적 콘텐츠는 CDN, 데이터 계층은 샤딩, 각 계층은 독립적 서비스로
 * 분할, 모니터링과 자동화.
 *
 * The checklist judges the system's design, not the minute it is scored at: it counts ready
 * instances (provisioned, whether or not one happens to be down right now), so a crash at the last
 * tick does not untick "redundancy"; orders still provisioning do not count yet. Only the part of
 * the system users reach counts: the components reachable from a region's DNS entry along the
 * connections, plus the primaries and replicas of the databases reached (reads go to replicas
 * without a connection of their own). Each item's `detail` is a 0–1 degree; `met` is the item's
 * rule. score = met items / 8.
 */
import type { Feature } from './catalogue';
import { isPartitioned, shardLayout } from '../flow/shards';
import type { ComponentState, SimState } from '../core/state';

export const CHECKLIST_IDS = [
  'statelessWeb',
  'redundancy',
  'cache',
  'multiDataCenter',
  'cdn',
  'shardedData',
  'splitServices',
  'monitoring',
] as const;
export type ChecklistId = (typeof CHECKLIST_IDS)[number];

export interface ChecklistItem {
  id: ChecklistId;
  met: boolean;
  /** How far the system is along this item, 0–1 (see each rule). */
  detail: number;
}

export interface ChecklistScore {
  /** One item per CHECKLIST_IDS entry, in that order. */
  items: ChecklistItem[];
  /** Share of items met, 0–1. */
  score: number;
}

/** Ready instances every tier on the request path needs: no single point of failure. */
export const REDUNDANT_INSTANCES = 2;
/** Hit ratio a cache in front of a database must reach to count as "caching as much as you can". */
export const CACHE_HIT_RATIO_GOAL = 0.5;
/** Regions that must each have an entry and web servers of their own. */
export const DATA_CENTERS_GOAL = 2;
/** Shards a database needs to count as sharded. */
export const SHARDS_GOAL = 2;
/** The features "monitoring and automation" asks for: host and aggregated metrics, alerts, CI/CD. */
export const MONITORING_FEATURES: readonly Feature[] = ['hostMetrics', 'aggregatedMetrics', 'alerts', 'cicd'];

/**
 * Scores the system against the checklist:
 * - statelessWeb: every web group on the path with ready servers calls a ready session store
 *   (and there is one). detail: share of ready web servers that keep no sessions of their own.
 * - redundancy: every component on the path with ready instances has ≥ 2 of them (balancers, web
 *   servers, caches, session stores, queues, workers), a web group is not reached straight from
 *   DNS (DNS hands out one address, so only one server is ever used), and every database primary
 *   on the path has a ready read replica to fail over to. The CDN is the provider's own redundant
 *   network and is not checked. detail: share of these checks passed.
 * - cache: some ready cache on the path, called by a web server that also calls a database,
 *   answers ≥ 50 % of its gets. detail: the best such hit ratio.
 * - multiDataCenter: ≥ 2 regions each with a DNS entry that reaches ready web servers of that same
 *   region. detail: such regions over max(2, the scenario's regions), at most 1.
 * - cdn: the team's CDN (the first one: it takes every region's static requests) has a ready
 *   instance. detail: its hit ratio (share of static requests answered at the edge).
 * - shardedData: some database primary on the path spreads its data over ≥ 2 ready shards (NoSQL
 *   partitions itself; an RDBMS needs a shard key). detail: evenness of the best one's key
 *   (mean over busiest shard's load, 1 = even; hotspots left out: they are incidents, not design).
 * - splitServices: every web group on the path with ready servers hands its jobs to a ready queue
 *   with ready workers (slow work split out of the web tier). detail: share of ready web servers
 *   that do.
 * - monitoring: host metrics, aggregated metrics, alerts and CI/CD are all owned. detail: share owned.
 */
export function checklistScore(state: SimState): ChecklistScore {
  const byId = new Map<string, ComponentState>();
  for (const c of state.components) byId.set(c.id, c);
  const path = reach(state, byId, entryIds(state));
  const onPath = state.components.filter((c) => path.has(c.id));
  const ready = (id: string, kind: ComponentState['kind']) => {
    const c = byId.get(id);
    return c !== undefined && c.kind === kind && c.count > 0;
  };
  const webs = onPath.filter((c) => c.kind === 'web' && c.count > 0);
  const webInstances = webs.reduce((sum, c) => sum + c.count, 0);
  const shareOfWeb = (test: (web: ComponentState) => boolean) =>
    webInstances > 0 ? webs.reduce((sum, c) => sum + (test(c) ? c.count : 0), 0) / webInstances : 0;

  // 웹 계층을 무상태 계층으로
  const stateless = (web: ComponentState) => web.targets.some((id) => ready(id, 'sessionStore'));
  const statelessShare = shareOfWeb(stateless);

  // 모든 계층에 다중화 도입
  let checks = 0;
  let passed = 0;
  const check = (ok: boolean) => {
    checks++;
    if (ok) passed++;
  };
  for (const c of onPath) {
    if (c.count === 0 || c.kind === 'cdn') continue;
    if (c.kind === 'db') {
      if (c.settings.replicaOf === undefined) {
        check(state.components.some((r) => r.settings.replicaOf === c.id && r.kind === 'db' && r.count > 0));
      }
      continue;
    }
    const throughDns = c.kind === 'web' && state.scenario.regions.some((r) => state.entries[r.id] === c.id);
    check(c.count >= REDUNDANT_INSTANCES && !throughDns);
  }

  // 가능한 한 많은 데이터를 캐시
  let bestHitRatio = 0;
  for (const web of webs) {
    if (!web.targets.some((id) => byId.get(id)?.kind === 'db')) continue;
    for (const id of web.targets) {
      const cache = byId.get(id);
      if (cache !== undefined && cache.kind === 'cache' && cache.count > 0)
        bestHitRatio = Math.max(bestHitRatio, cache.extra.hitRatio ?? 0);
    }
  }

  // 여러 데이터 센터
  let dataCenters = 0;
  for (const region of state.scenario.regions) {
    const entry = state.entries[region.id];
    if (entry === undefined) continue;
    const reached = reach(state, byId, [entry]);
    if (state.components.some((c) => c.kind === 'web' && c.region === region.id && c.count > 0 && reached.has(c.id))) dataCenters++;
  }

  // 정적 콘텐츠는 CDN
  const cdn = state.components.find((c) => c.kind === 'cdn');
  const cdnReady = cdn !== undefined && cdn.count > 0;

  // 데이터 계층은 샤딩
  let sharded = false;
  let evenness = 0;
  for (const db of onPath) {
    if (db.kind !== 'db' || db.settings.replicaOf !== undefined || db.count < SHARDS_GOAL || !isPartitioned(db)) continue;
    sharded = true;
    const load = shardLayout(state, db.settings.shardKey, db.count, 0).load;
    const busiest = Math.max(...load);
    evenness = Math.max(evenness, busiest > 0 ? 1 / (busiest * load.length) : 0);
  }

  // 각 계층은 독립적 서비스로 분할
  const split = (web: ComponentState) =>
    web.targets.some((id) => {
      const queue = byId.get(id);
      return queue !== undefined && queue.kind === 'queue' && queue.count > 0 && queue.targets.some((w) => ready(w, 'worker'));
    });
  const splitShare = shareOfWeb(split);

  // 모니터링과 자동화
  const owned = MONITORING_FEATURES.filter((feature) => state.features[feature]).length;

  const items: ChecklistItem[] = [
    { id: 'statelessWeb', met: webs.length > 0 && webs.every(stateless), detail: statelessShare },
    { id: 'redundancy', met: checks > 0 && passed === checks, detail: checks > 0 ? passed / checks : 0 },
    { id: 'cache', met: bestHitRatio >= CACHE_HIT_RATIO_GOAL, detail: clamp(bestHitRatio) },
    {
      id: 'multiDataCenter',
      met: dataCenters >= DATA_CENTERS_GOAL,
      detail: clamp(dataCenters / Math.max(DATA_CENTERS_GOAL, state.scenario.regions.length)),
    },
    { id: 'cdn', met: cdnReady, detail: cdnReady ? clamp(cdn.extra.hitRatio ?? 0) : 0 },
    { id: 'shardedData', met: sharded, detail: clamp(evenness) },
    { id: 'splitServices', met: webs.length > 0 && webs.every(split), detail: splitShare },
    { id: 'monitoring', met: owned === MONITORING_FEATURES.length, detail: owned / MONITORING_FEATURES.length },
  ];
  return { items, score: items.filter((item) => item.met).length / items.length };
}

/** Every region's DNS entry, in scenario order. */
function entryIds(state: SimState): string[] {
  const ids: string[] = [];
  for (const region of state.scenario.regions) {
    const id = state.entries[region.id];
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/** Components reachable from `start` along connections, with the primary and replicas of every database reached. */
function reach(state: SimState, byId: Map<string, ComponentState>, start: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  const visit = (id: string | undefined) => {
    if (id === undefined || seen.has(id) || !byId.has(id)) return;
    seen.add(id);
    queue.push(id);
  };
  for (const id of start) visit(id);
  for (let q = 0; q < queue.length; q++) {
    const c = byId.get(queue[q] as string) as ComponentState;
    for (const target of c.targets) visit(target);
    if (c.kind !== 'db') continue;
    visit(c.settings.replicaOf);
    for (const other of state.components) if (other.kind === 'db' && other.settings.replicaOf === c.id) visit(other.id);
  }
  return seen;
}

function clamp(x: number): number {
  return Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0;
}
