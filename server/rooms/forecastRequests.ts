// A room's side of "what if" (shared/protocol/forecast.ts): checks who asks and what, takes the
// team's state as it is at this moment, and has the forecast pool compute the two futures off the
// event loop. Each client has at most one forecast running and one waiting (a newer request
// replaces the waiting one: the client only wants its newest answer). The future as things stand
// is shared by every asker of the same team and carried forward while nothing else happens
// (baseFutures.ts), so most forecasts cost one future, the one with the change.
import type { Client } from '@colyseus/core';
import { FORECAST_MESSAGE, forecastRequestSchema, type ForecastAnswer, type ForecastRequest } from '../../shared/protocol/forecast';
import { bucketSize, seriesOf, sightOf } from '../../shared/forecast/forecast';
import { BaseFutures, liveMoment, PoolBusy } from './baseFutures';
import { MAX_MESSAGE_CHARS } from '../../shared/protocol/messages';
import { formatZodError } from '../../shared/protocol/zodErrors';
import type { Logger } from '../logger';
import type { ForecastPool } from '../forecast/pool';
import { jsonSize } from './commandIntake';
import { sendError } from './roomReplies';
import type { RoomClock } from './roomClock';
import type { Seats } from './seats';
import { TokenBucket } from './tokenBucket';
import type { TeamSims } from './teamSims';

/** Forecasts per client: a burst of three, then one every two seconds. */
const FORECAST_RATE = { perSecond: 0.5, burst: 3 } as const;
/** Clients of one room whose forecasts may run at once. */
const MAX_RUNNING_PER_ROOM = 3;

interface Asked {
  client: Client;
  request: ForecastRequest;
}

export class RoomForecasts {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly running = new Set<string>();
  private readonly waiting = new Map<string, Asked>();
  /** Each team's future as things stand, carried forward while nothing else happens. */
  private readonly bases: BaseFutures;

  constructor(
    private readonly parts: { sims: TeamSims; seats: Seats; clock: RoomClock; logger: Logger; code: string },
    private readonly pool: ForecastPool,
  ) {
    this.bases = new BaseFutures(pool);
  }

  /** The `forecast` message handler. */
  receive(client: Client, message: unknown): void {
    const now = performance.now();
    // Per seat, not per connection: leaving and coming back must not refill the bucket.
    const key = this.parts.seats.bySession(client.sessionId)?.seatId ?? client.sessionId;
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = new TokenBucket(FORECAST_RATE.perSecond, FORECAST_RATE.burst, now);
      this.buckets.set(key, bucket);
    }
    // Refusals carry the request's id in `seq` when it has one, so the client knows which question they answer.
    const id = requestId(message);
    if (!bucket.take(now)) return sendError(client, FORECAST_MESSAGE, 'rate-limited', id, 'over the forecast rate');
    if (jsonSize(message) > MAX_MESSAGE_CHARS) return sendError(client, FORECAST_MESSAGE, 'oversize', id, 'message too large');
    const parsed = forecastRequestSchema.safeParse(message);
    if (!parsed.success) return sendError(client, FORECAST_MESSAGE, 'malformed', id, formatZodError(parsed.error));
    if (this.running.has(client.sessionId)) {
      this.waiting.set(client.sessionId, { client, request: parsed.data });
      return;
    }
    this.start({ client, request: parsed.data });
  }

  /** Forgets what a client that left was waiting for (its seat's bucket stays: the seat may come back). */
  forget(sessionId: string): void {
    this.waiting.delete(sessionId);
  }

  private start({ client, request }: Asked): void {
    const seat = this.parts.seats.bySession(client.sessionId);
    // Only a player of a team asks about its own team's future (the change is the player's own commands).
    if (seat === undefined || seat.team === null || (seat.role !== 'player' && seat.role !== 'captain'))
      return sendError(client, FORECAST_MESSAGE, 'not-allowed', request.id, 'only a team player may ask for a forecast');
    const { sims } = this.parts;
    if (this.parts.clock.phase === 'finished' || !sims.has(seat.team) || sims.state(seat.team).gameOver !== null)
      return sendError(client, FORECAST_MESSAGE, 'not-running', request.id, 'the game is over');
    // A room's players share the threads with every other room's: a few forecasts at a time each.
    if (this.running.size >= MAX_RUNNING_PER_ROOM || !this.pool.canTake(2))
      return sendError(client, FORECAST_MESSAGE, 'forecast-busy', request.id, 'every forecast worker is busy');
    const live = sims.state(seat.team);
    const moment = liveMoment(live, JSON.stringify(live));
    const sight = sightOf(live);
    const changed = this.pool.run({
      kind: 'changed',
      state: moment.state,
      ticks: request.ticks,
      change: request.change,
      asker: { team: seat.team, player: seat.seatId },
    });
    if (changed === null) return sendError(client, FORECAST_MESSAGE, 'forecast-busy', request.id, 'every forecast worker is busy');
    const base = this.bases.ask(seat.team, moment, request.ticks);
    this.running.add(client.sessionId);
    Promise.all([base, changed])
      .then(([future, withChange]) => {
        const answer: ForecastAnswer = {
          id: request.id,
          fromTick: moment.tick,
          every: bucketSize(request.ticks),
          base: seriesOf(future, request.ticks, sight),
          changed: seriesOf(withChange.run, request.ticks, sight),
          created: withChange.created,
          refused: withChange.refused,
        };
        client.send(FORECAST_MESSAGE, answer);
      })
      .catch((error: unknown) => {
        if (error instanceof PoolBusy)
          return sendError(client, FORECAST_MESSAGE, 'forecast-busy', request.id, 'every forecast worker is busy');
        this.parts.logger.error({ room: this.parts.code, err: error }, 'a forecast failed');
        sendError(client, FORECAST_MESSAGE, 'forecast-failed', request.id, 'the forecast could not be computed');
      })
      .finally(() => {
        this.running.delete(client.sessionId);
        const next = this.waiting.get(client.sessionId);
        this.waiting.delete(client.sessionId);
        if (next !== undefined) this.start(next);
      });
  }
}

function requestId(message: unknown): number | null {
  const id = typeof message === 'object' && message !== null ? (message as { id?: unknown }).id : undefined;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}
