/**
 * Reading the player's topology: which instances serve, in which order components are
 * evaluated, and where each region's users enter. Kept apart from the flow so that commands and
 * the flow agree on the same rules.
 */
import { ENGINES, SIZES } from '../rules/catalogue';
import type { ComponentKindName } from './scenario';
import type { ComponentState } from './state';

/**
 * Evaluation order: traffic flows from the CDN's edge to balancers, web servers, then the stores
 * they call (cache, sessions, queue), then databases and the workers that drain the queue.
 */
const TIER: Record<ComponentKindName, number> = {
  cdn: 0,
  lb: 1,
  web: 2,
  cache: 3,
  sessionStore: 3,
  queue: 3,
  db: 4,
  worker: 4,
};
const LAST_TIER = 4;

/**
 * Which component kinds may send traffic to which. 'users' is the DNS entry of a region. A CDN
 * needs no link: once bought, static files go to it and its misses go on to the site.
 */
export const ALLOWED_LINKS: Record<'users' | ComponentKindName, readonly ComponentKindName[]> = {
  users: ['lb', 'web'],
  cdn: [],
  lb: ['web'],
  web: ['db', 'cache', 'sessionStore', 'queue'],
  cache: [],
  sessionStore: [],
  queue: ['worker'],
  db: [],
  worker: [],
};

/** Instances down for a planned rolling restart right now (one at a time). */
export function restartingInstances(component: ComponentState): number {
  return component.rolling !== null && component.count > 0 ? 1 : 0;
}

/** Instances that answer requests: ready, not crashed, not restarting. */
export function servingInstances(component: ComponentState): number {
  return Math.max(0, component.count - component.down - restartingInstances(component));
}

/** Component indices in evaluation order: by tier, then by creation order. */
export function evaluationOrder(components: readonly ComponentState[]): number[] {
  const order: number[] = [];
  for (let tier = 0; tier <= LAST_TIER; tier++) {
    for (let i = 0; i < components.length; i++) {
      if (TIER[components[i]!.kind] === tier) order.push(i);
    }
  }
  return order;
}

/** vCPUs of one instance (the c of its M/G/c). */
export function vcpuOf(component: ComponentState): number {
  return SIZES[component.size].vcpu;
}

/** Whether a database can spread its data over several instances: NoSQL by itself, an RDBMS once it has a shard key. */
export function canPartition(component: ComponentState): boolean {
  return component.kind === 'db' && (ENGINES[component.settings.engine ?? 'rdbms'].partitions || component.settings.shardKey !== undefined);
}

/** Builds id → index for the current component list. */
export function indexComponents(components: readonly ComponentState[]): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < components.length; i++) map.set(components[i]!.id, i);
  return map;
}
