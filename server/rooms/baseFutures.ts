// The future as things stand, kept per team and carried forward. A team's base future from tick
// T holds, tick by tick, exactly what its live game will do for as long as nothing else happens:
// no command applied (the state's revision) and no incident begun (the next incident id: every
// random failure, world incident, scripted or injected one takes one). So a later forecast of the
// same team reuses the ticks already computed and only runs the few ticks beyond them, from the
// run's end state; a forecast then costs one future (with the change) instead of two.
import type { FutureRun, TickSample } from '../../shared/forecast/forecast';
import type { SimState } from '../../shared/sim';
import type { ForecastPool } from '../forecast/pool';

interface BaseFuture {
  /** The tick the future was last asked from; samples begin at the tick after it. */
  fromTick: number;
  revision: number;
  nextIncidentId: number;
  samples: TickSample[];
  /** The state after the last sample (JSON), to run on from; null once the game is over in it. */
  endState: string | null;
  bankruptAt: number | null;
}

/** What a request knows of the team's live state when it is asked. */
export interface LiveMoment {
  tick: number;
  revision: number;
  nextIncidentId: number;
  /** The live state as JSON, serialised once for the request's jobs. */
  state: string;
}

export function liveMoment(state: SimState, json: string): LiveMoment {
  return { tick: state.tick, revision: state.revision, nextIncidentId: state.nextIncidentId, state: json };
}

/** Thrown when the pool has no room for the job a base future needs. */
export class PoolBusy extends Error {}

export class BaseFutures {
  /** Per team, the newest base future (or the work that will produce it). */
  private readonly futures = new Map<string, Promise<BaseFuture | null>>();

  constructor(private readonly pool: ForecastPool) {}

  /** The team's future as things stand, `ticks` ahead of `moment`. Rejects with PoolBusy when the pool is full. */
  ask(team: string, moment: LiveMoment, ticks: number): Promise<FutureRun> {
    const before = this.futures.get(team) ?? Promise.resolve(null);
    const next = before.catch(() => null).then((known) => this.carry(known, moment, ticks));
    // A failed run is forgotten: the next asker starts afresh.
    this.futures.set(
      team,
      next.catch(() => null),
    );
    return next.then((future) => ({ samples: future.samples.slice(0, ticks), bankruptAt: future.bankruptAt }));
  }

  private async carry(known: BaseFuture | null, moment: LiveMoment, ticks: number): Promise<BaseFuture> {
    const same =
      known !== null &&
      known.revision === moment.revision &&
      known.nextIncidentId === moment.nextIncidentId &&
      moment.tick >= known.fromTick;
    if (!same) return this.fresh(moment, ticks);
    const ahead = known.samples.filter((sample) => sample.tick > moment.tick);
    const carried: BaseFuture = { ...known, fromTick: moment.tick, samples: ahead };
    if (ahead.length >= ticks || known.endState === null) return carried;
    const job = this.pool.run({ kind: 'base', state: known.endState, ticks: ticks - ahead.length });
    if (job === null) throw new PoolBusy();
    const more = await job;
    return { ...carried, samples: [...ahead, ...more.run.samples], endState: more.endState, bankruptAt: more.run.bankruptAt };
  }

  private async fresh(moment: LiveMoment, ticks: number): Promise<BaseFuture> {
    const job = this.pool.run({ kind: 'base', state: moment.state, ticks });
    if (job === null) throw new PoolBusy();
    const result = await job;
    return {
      fromTick: moment.tick,
      revision: moment.revision,
      nextIncidentId: moment.nextIncidentId,
      samples: result.run.samples,
      endState: result.endState,
      bankruptAt: result.run.bankruptAt,
    };
  }
}
