/**
 * Commands are data: what a player asked for, applied by the sim at a tick boundary in
 * (tick, team, player, seq) order. shared/protocol validates their shape with zod at the
 * server's door; the sim checks them against the state (money, ids, rules) and applies each
 * one completely or not at all.
 */
import type { SizeName } from './catalogue';
import type { ComponentKindName, DbEngine } from './scenario';
import type { AutoscalingRule } from './state';

export type Command =
  | {
      type: 'buy';
      kind: ComponentKindName;
      region: string;
      size?: SizeName;
      count?: number;
      engine?: DbEngine;
    }
  | { type: 'remove'; id: string }
  | { type: 'resize'; id: string; size: SizeName }
  | { type: 'scale'; id: string; count: number }
  | { type: 'connect'; from: string; to: string }
  | { type: 'disconnect'; from: string; to: string }
  | {
      type: 'configure';
      id: string;
      healthChecks?: boolean;
      colocatedDb?: boolean;
      engine?: DbEngine;
      datasets?: string[];
      autoscaling?: AutoscalingRule;
    }
  | { type: 'restart'; id: string }
  | { type: 'rollback' };

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
