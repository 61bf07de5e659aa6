// The room's clock: the wire state's clock (phase, pause, speed), the tick timer armed from it, and
// the timer that ends a room nobody is in. Timers run on Colyseus's room clock, so they stop with
// the room. Who may change the clock is decided before (controls.ts); this only carries it out.
import type { Clock, Delayed } from '@colyseus/core';
import type { ControlMessage, Phase } from '../../shared/protocol/messages';
import type { ClockState } from '../../shared/schema/gameState';

/** How a room's clock starts: new (waiting, or the scenario's speed) or as a snapshot left it. */
export interface ClockSetting {
  phase: Phase;
  paused: boolean;
  speed: number;
  /** Whether the clock may be paused and sped up (solo, workshop; a match runs at a fixed speed). */
  adjustable: boolean;
  /** Why the room paused itself ('' when it did not): it resumes by itself when the reason is gone. */
  pauseReason?: PauseReason;
}

/** Why a room pauses by itself: a workshop whose instructor's connection dropped. */
export type PauseReason = '' | 'instructor-away';

export interface ClockHooks {
  /** Real milliseconds per tick at 1×. */
  tickMs: number;
  /** Runs one tick. */
  step: () => Promise<void>;
  /**
   * Runs `work` in the command intake's chain (CommandIntake.exclusive): no command is stamped
   * and logged while a tick runs.
   */
  exclusive: (work: () => Promise<void>) => Promise<void>;
  /** Told of every phase change the clock makes (the room's listing shows the phase). */
  phaseChanged: (phase: Phase) => void;
}

export class RoomClock {
  private ticker: Delayed | undefined;
  private emptyTimer: Delayed | undefined;
  private ticking = false;
  private ended = false;

  constructor(
    private readonly timers: Clock,
    private readonly state: ClockState,
    private readonly hooks: ClockHooks,
    setting: ClockSetting,
  ) {
    state.phase = setting.phase;
    state.paused = setting.paused;
    state.speed = setting.speed;
    state.adjustable = setting.adjustable;
    state.pauseReason = setting.pauseReason ?? '';
  }

  get phase(): Phase {
    return this.state.phase as Phase;
  }

  /** The clock as a snapshot keeps it. */
  get saved(): Omit<ClockSetting, 'adjustable'> {
    return { phase: this.phase, paused: this.state.paused, speed: this.state.speed, pauseReason: this.state.pauseReason as PauseReason };
  }

  /** Whether the game has ended (see end): no tick runs any more. */
  get finished(): boolean {
    return this.ended;
  }

  setPhase(phase: Phase): void {
    this.state.phase = phase;
    this.hooks.phaseChanged(phase);
    this.arm();
  }

  /** Carries out an allowed control; `end` is the room's own (it stores the result first). */
  apply(control: Exclude<ControlMessage, { action: 'end' }>): void {
    if (control.action === 'start' && this.phase === 'waiting') this.setPhase('running');
    else if (control.action === 'pause') this.state.paused = true;
    else if (control.action === 'resume') this.state.paused = false;
    else if (control.action === 'speed') this.state.speed = control.speed;
    // Whoever runs the clock has taken it over: the room no longer resumes by itself.
    this.state.pauseReason = '';
    this.arm();
  }

  /** Pauses a running clock by itself for `reason` (nothing if it is not running or already paused). */
  pauseFor(reason: Exclude<PauseReason, ''>): void {
    if (this.ended || this.phase !== 'running' || this.state.paused) return;
    this.state.paused = true;
    this.state.pauseReason = reason;
    this.arm();
  }

  /** Resumes the clock if it paused itself for `reason`. */
  resumeAfter(reason: Exclude<PauseReason, ''>): void {
    if (this.state.pauseReason !== reason) return;
    this.state.pauseReason = '';
    this.state.paused = false;
    this.arm();
  }

  /** (Re)arms the tick timer for the current phase, pause and speed. */
  arm(): void {
    this.disarm();
    if (this.ended || this.phase !== 'running' || this.state.paused) return;
    this.ticker = this.timers.setInterval(() => void this.tick(), this.hooks.tickMs / this.state.speed);
  }

  /** Stops the tick timer until the next arm (shutdown, dispose). */
  disarm(): void {
    this.ticker?.clear();
    this.ticker = undefined;
  }

  /**
   * The game is over: no tick runs from now on (one queued behind a command write does not start)
   * and the phase is `finished`. Unlike setPhase, this does not tell phaseChanged: the room's
   * listing keeps the phase it had.
   */
  end(): void {
    this.ended = true;
    this.disarm();
    this.state.phase = 'finished';
  }

  /**
   * While nobody is present, runs `onEmpty` once `seconds` have passed; someone arriving cancels
   * it. Called on every arrival and departure.
   */
  watchEmpty(present: boolean, seconds: number, onEmpty: () => void): void {
    if (present) {
      this.emptyTimer?.clear();
      this.emptyTimer = undefined;
    } else if (this.emptyTimer === undefined) {
      this.emptyTimer = this.timers.setTimeout(onEmpty, seconds * 1000);
    }
  }

  /** One tick at a time: an interval that fires while a tick still runs is skipped. */
  private tick(): Promise<void> {
    if (this.ticking || this.ended) return Promise.resolve();
    this.ticking = true;
    return this.hooks
      .exclusive(() => (this.ended ? Promise.resolve() : this.hooks.step()))
      .finally(() => {
        this.ticking = false;
      });
  }
}
