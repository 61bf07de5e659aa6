/**
 * How a database's rows and requests spread over its instances (idea 12 of docs/design.md, seed:
 * 데이터베이스의 규모 확장). A hash of the user id spreads evenly; ranges of user ids put the newest
 * (and busiest) users on the last shards; a region key follows where users live; a celebrity-aware
 * key gives the hot keys a shard of their own. A hotspot (a celebrity's post going viral) adds
 * reads to the one shard that holds the hot key.
 */
import type { ComponentState, SimState } from '../core/state';
import type { ShardKey } from '../vocabulary';

export interface ShardLayout {
  /** Share of the requests each shard receives (sums to 1). */
  load: number[];
  /** Share of the stored data each shard holds (sums to 1). */
  storage: number[];
}

function uniform(n: number): number[] {
  return Array.from({ length: n }, () => 1 / n);
}

/** Normalises non-negative weights to shares. */
function shares(weights: number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  return total > 0 ? weights.map((w) => w / total) : uniform(weights.length);
}

/**
 * Layouts that depend only on their key, shard count and hot share, kept between ticks: a memo of
 * a pure function of its key (the layout is the same whether it was kept or computed again).
 * Callers share the arrays, so none may change them.
 */
const layouts = new Map<string, ShardLayout>();

/** The layout of `shards` shards under `key`, with `hotShare` of the load on one hot key. */
export function shardLayout(state: SimState, key: ShardKey | undefined, shards: number, hotShare: number): ShardLayout {
  if (key === 'region') return computeLayout(state, key, shards, hotShare); // follows the users, tick by tick
  const memoKey = `${key ?? 'hash'}:${shards}:${hotShare}`;
  let layout = layouts.get(memoKey);
  if (layout === undefined) {
    if (layouts.size > 256) layouts.clear();
    layout = computeLayout(state, key, shards, hotShare);
    layouts.set(memoKey, layout);
  }
  return layout;
}

function computeLayout(state: SimState, key: ShardKey | undefined, shards: number, hotShare: number): ShardLayout {
  const n = Math.max(1, shards);
  let load: number[];
  let storage: number[];
  switch (key) {
    case 'userIdRange': {
      // Ranges fill in sign-up order: later shards hold newer users, who are the active ones.
      const ramp = Array.from({ length: n }, (_, j) => j + 1);
      load = shares(ramp);
      storage = shares(ramp);
      break;
    }
    case 'region': {
      // One shard per region (wrapping when there are fewer shards): shares follow the users.
      const weights = new Array<number>(n).fill(0);
      state.regions.forEach((region, r) => {
        weights[r % n] = (weights[r % n] as number) + region.users;
      });
      load = shares(weights);
      storage = shares(weights);
      break;
    }
    default:
      load = uniform(n);
      storage = uniform(n);
  }
  if (hotShare > 0 && n > 0) {
    if (key === 'celebrity' && n > 1) {
      // The hot key lives alone on shard 0; every other row is spread over the rest.
      load = load.map((_, j) => (j === 0 ? hotShare : (1 - hotShare) / (n - 1)));
    } else {
      load = load.map((share, j) => share * (1 - hotShare) + (j === 0 ? hotShare : 0));
    }
  }
  return { load, storage };
}

/** Whether the database spreads its data over several instances (NoSQL always; RDBMS when sharded). */
export function isPartitioned(db: ComponentState): boolean {
  return db.count > 1 && ((db.settings.engine ?? 'rdbms') === 'nosql' || db.settings.shardKey !== undefined);
}
