/**
 * Commands are data: what a player asked for, applied by the sim at a tick boundary in
 * (tick, team, player, seq) order. shared/protocol validates their shape with zod at the
 * server's door; the sim checks them against the state (money, ids, rules) and applies each
 * one completely or not at all.
 */
import type { Feature, SizeName } from '../rules/catalogue';
import type { ComponentKindName, ScriptedIncident } from '../core/scenario';
import type { ComponentSettings } from '../core/state';
import type { DbEngine, ShardKey } from '../vocabulary';

export type Command =
  | {
      type: 'buy';
      kind: ComponentKindName;
      region: string;
      size?: SizeName;
      count?: number;
      engine?: DbEngine;
      /** Buy a read replica of this primary database. */
      replicaOf?: string;
    }
  | { type: 'remove'; id: string }
  | { type: 'resize'; id: string; size: SizeName }
  | { type: 'scale'; id: string; count: number }
  | { type: 'connect'; from: string; to: string }
  | { type: 'disconnect'; from: string; to: string }
  | ({ type: 'configure'; id: string } & SettingsChange)
  | { type: 'restart'; id: string }
  | { type: 'rollback' }
  /** Make a read replica the primary (its old primary, if alive, becomes its replica). */
  | { type: 'promote'; id: string }
  /** Move a database to a new shard count and key; takes time and adds load while it copies. */
  | { type: 'reshard'; id: string; shards: number; key: ShardKey }
  /** Purge a CDN's cached objects now (they are fetched again from the origin). */
  | { type: 'invalidate'; id: string }
  | { type: 'buyFeature'; feature: Feature }
  | { type: 'dropFeature'; feature: Feature }
  /** GeoDNS weights for the users of one region: share of them sent to each region's data center. */
  | { type: 'geoRoute'; region: string; weights: Record<string, number> }
  /**
   * An incident a workshop's instructor starts in a team's system now (never a player's command:
   * the server logs it for the instructor, so a replay meets the same incident at the same tick).
   */
  | { type: 'inject'; incident: InjectedIncident };

/** What an injected incident may say: a scripted incident without its tick (it starts at the command's). */
export type InjectedIncident = Omit<ScriptedIncident, 'tick'>;

/** The settings `configure` may change (each applies to some kinds only); a replica's primary is set when it is bought. */
export type SettingsChange = Omit<ComponentSettings, 'replicaOf'>;

export type CommandType = Command['type'];

/** A command as the log keeps it: who sent it, and the tick at whose start it applies. */
export interface CommandEntry {
  tick: number;
  team: string;
  player: string;
  /** The sending client's sequence number: (player, seq) identifies a command for de-duplication. */
  seq: number;
  command: Command;
}

/** Source id for connections from the outside world: the DNS entry of a region. */
export const USERS = 'users';

/** Most instances one component may have. */
export const MAX_COUNT = 64;

/** The defined application order; never arrival order. */
export function compareEntries(a: CommandEntry, b: CommandEntry): number {
  if (a.tick !== b.tick) return a.tick - b.tick;
  if (a.team !== b.team) return a.team < b.team ? -1 : 1;
  if (a.player !== b.player) return a.player < b.player ? -1 : 1;
  return a.seq - b.seq;
}
