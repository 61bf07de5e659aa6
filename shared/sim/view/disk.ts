/**
 * A database's data and disk as the view shows them (its host metrics, the disk-space alert):
 * the data it holds, the disk for it, and the share used, in full precision (the callers round).
 */
import { DISK_GB_PER_MEMORY_GB, SIZES } from '../rules/catalogue';
import { isPartitioned, shardLayout } from '../flow/shards';
import type { ComponentState, SimState } from '../core/state';
import { storedGbOf } from '../rules/storage';
import { finite } from './figures';

/**
 * A primary, a read replica or a sharded database alike. One instance has `memoryGb ×
 * DISK_GB_PER_MEMORY_GB` of disk. Unless the data is spread over shards, every instance holds all
 * of it, so the disk is one instance's; spread over shards, the disk is all of theirs and the
 * share used is the fullest shard's (the one that refuses writes first, as the flow decides in
 * flow/database.ts). null for other kinds.
 */
export function diskFigures(state: SimState, c: ComponentState): { storedGb: number; diskGb: number; diskUse: number } | null {
  if (c.kind !== 'db') return null;
  const perInstance = SIZES[c.size].memoryGb * DISK_GB_PER_MEMORY_GB;
  // What the flow measured in the last tick (the same users it decided fullness with).
  const storedGb = finite(c.extra.storedGb ?? storedGbOf(state, c));
  if (!isPartitioned(c)) return { storedGb, diskGb: perInstance, diskUse: perInstance > 0 ? storedGb / perInstance : 0 };
  const storage = shardLayout(state, c.settings.shardKey, c.count, 0).storage;
  let fullest = 0;
  for (const part of storage) fullest = Math.max(fullest, part);
  return { storedGb, diskGb: perInstance * c.count, diskUse: perInstance > 0 ? (fullest * storedGb) / perInstance : 0 };
}
