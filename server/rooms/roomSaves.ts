// The room's writes to the store besides the command log (which the command intake writes, and
// whose failure is a refused command): the room record when its first player sits down, each
// player's profile, snapshots, and the result and replay at the end. Every one goes through
// `attempt`: a failed write is logged with the room's code (and counted, where it has a metric)
// and never throws into the room, which plays on.
import type { SnapshotRecord } from '../store/types';
import { finishGame, saveChapterProgress, type ResultNames } from './finishGame';
import type { RoomSetup } from './gameSetup';
import type { RoomMetrics, StoreOperation } from './roomMetrics';
import type { RoomServices } from './roomServices';
import type { Seats } from './seats';
import type { TeamSims } from './teamSims';

interface Attempt {
  /** The metric label of a failure; null: not counted (the caller reports the failure itself). */
  operation: StoreOperation | null;
  level: 'warn' | 'error';
  /** The log message of a failure. */
  failed: string;
}

export class RoomSaves {
  constructor(
    private readonly services: Pick<RoomServices, 'store' | 'logger'>,
    private readonly metrics: RoomMetrics,
    private readonly record: RoomSetup,
    /** Whether the room record is in the store: from its first seat on (or restored from it). */
    private stored: boolean,
  ) {}

  get persisted(): boolean {
    return this.stored;
  }

  /** Stores the room record unless it is stored already; false when the store refused it. */
  async storeRoom(): Promise<boolean> {
    if (this.stored) return true;
    const write = () => this.services.store.createRoom(this.record).then(() => true);
    const done = (await this.attempt({ operation: null, level: 'error', failed: 'could not store a new room' }, write)) ?? false;
    // Set only on success: a second join's write failing after a first one's succeeded changes nothing.
    if (done) this.stored = true;
    return done;
  }

  /** Stores the room's settings again (a match's teams set in its lobby), if the room is stored. */
  async storeSettings(): Promise<void> {
    if (!this.stored) return;
    await this.attempt({ operation: 'snapshot', level: 'error', failed: "could not store the room's settings" }, () =>
      this.services.store.updateRoomSettings(this.record.id, this.record.settings),
    );
  }

  /** Stores a player's profile in the background: the game does not wait for it. */
  storeProfile(playerId: string, name: string): void {
    void this.attempt({ operation: 'profile', level: 'warn', failed: 'could not store a profile' }, () =>
      this.services.store.upsertProfile(playerId, name),
    );
  }

  /** Stores a snapshot (built only if the room is stored: an unstored room has nothing to restore). */
  async storeSnapshot(build: () => SnapshotRecord): Promise<void> {
    if (!this.stored) return;
    await this.attempt({ operation: 'snapshot', level: 'error', failed: 'could not store a snapshot' }, () =>
      this.services.store.saveSnapshot(this.record.id, build()),
    );
  }

  /**
   * Stores the result and the replay and marks the room finished, then a chapter's campaign
   * progress (a failure there loses the progress, not the result); null when the result failed.
   */
  async storeResult(sims: TeamSims, seats: Seats, names: ResultNames): Promise<{ resultId: string; replayId: string } | null> {
    const finished = await this.attempt({ operation: 'result', level: 'error', failed: 'could not store the result' }, () =>
      finishGame(this.services.store, this.record, sims, seats, names),
    );
    if (finished === null) return null;
    await this.attempt({ operation: 'progress', level: 'error', failed: 'could not store campaign progress' }, () =>
      saveChapterProgress(this.services.store, this.record, finished.result, seats),
    );
    return { resultId: finished.resultId, replayId: finished.replayId };
  }

  /** Runs a store write; on failure counts and logs it and resolves null. */
  private async attempt<T>({ operation, level, failed }: Attempt, write: () => Promise<T>): Promise<T | null> {
    try {
      return await write();
    } catch (error) {
      if (operation !== null) this.metrics.storeFailed(operation);
      this.services.logger[level]({ room: this.record.code, err: error }, failed);
      return null;
    }
  }
}
