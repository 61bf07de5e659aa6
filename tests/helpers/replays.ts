/**
 * Re-running a stored replay the way anyone who downloads it would: each team's own commands from
 * the log, from the replay's scenario and seed, to its final tick.
 */
import { hashState, replay, type CommandEntry, type Scenario } from '../../shared/sim';

export interface StoredReplay {
  scenario: Scenario;
  seed: number;
  log: readonly CommandEntry[];
  finalTick: number;
  finalHashes: Record<string, string>;
}

/** The hash `team`'s re-run reaches (to compare with `finalHashes[team]`). */
export function replayedHash(document: StoredReplay, team: string): string {
  const log = document.log.filter((entry) => entry.team === team);
  return hashState(replay(document.scenario, document.seed, log, document.finalTick));
}
