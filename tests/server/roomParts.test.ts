/**
 * The room's collaborators on their own: team simulations and snapshots, seats, room setup and
 * its refusals, join codes, the token bucket, and the one format of zod errors.
 */
import { LocalPresence } from '@colyseus/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commandMessageSchema, controlMessageSchema } from '../../shared/protocol/messages';
import { formatZodError } from '../../shared/protocol/zodErrors';
import { loadPreset } from '../../shared/scenarios';
import type { CommandEntry } from '../../shared/sim';
import { newRoomRecord } from '../../server/rooms/gameSetup';
import { randomCode, reserveCode } from '../../server/rooms/joinCode';
import { CODE_ALPHABET, isJoinCode as isCode, normaliseCode } from '../../shared/protocol/joinCode';
import { JoinRefused, parseJoinOptions } from '../../server/rooms/joining';
import { Seats } from '../../server/rooms/seats';
import { SnapshotMismatchError, TeamSims } from '../../server/rooms/teamSims';
import { TokenBucket } from '../../server/rooms/tokenBucket';

const scenario = loadPreset('sandbox');
const log: CommandEntry[] = [
  { tick: 2, team: 'red', player: 'p1', seq: 0, command: { type: 'buy', kind: 'cache', region: 'ap', size: 'small' } },
  { tick: 5, team: 'blue', player: 'p2', seq: 0, command: { type: 'buy', kind: 'queue', region: 'ap', size: 'small' } },
  { tick: 9, team: 'red', player: 'p1', seq: 1, command: { type: 'buyFeature', feature: 'hostMetrics' } },
];

function live(ticks: number): TeamSims {
  const sims = new TeamSims(scenario, 7, ['red', 'blue']);
  while (sims.tick < ticks) sims.step(log.filter((e) => e.tick === sims.tick));
  return sims;
}

describe('team simulations', () => {
  it('give each team only its own commands, and the same world to all', () => {
    const sims = live(12);
    expect(sims.state('red').components.some((c) => c.kind === 'cache')).toBe(true);
    expect(sims.state('blue').components.some((c) => c.kind === 'cache')).toBe(false);
    expect(sims.state('blue').components.some((c) => c.kind === 'queue')).toBe(true);
    expect(sims.state('red').rng.world).toEqual(sims.state('blue').rng.world);
  });

  it('restore from a snapshot plus the rest of the log to the live hashes', () => {
    const snapshot = live(6).snapshot({ any: 'room data' });
    const restored = TeamSims.restore(scenario, 7, ['red', 'blue'], snapshot, log, 15);
    expect(restored.tick).toBe(15);
    expect(restored.hashes()).toEqual(live(15).hashes());
    expect(TeamSims.restore(scenario, 7, ['red', 'blue'], null, log, 15).hashes()).toEqual(live(15).hashes());
  });

  it('refuse a snapshot whose states do not match its recorded hashes', () => {
    const snapshot = live(6).snapshot();
    (snapshot.states.red as { money: number }).money += 1;
    expect(() => TeamSims.restore(scenario, 7, ['red', 'blue'], snapshot, log, 10)).toThrow(SnapshotMismatchError);
  });
});

describe('seats', () => {
  it('a match puts a player on the team they pick, else on the smallest; a team holds four', () => {
    const seats = new Seats('match', ['red', 'blue']);
    const tokens = new Map<string, string>();
    const take = (playerId: string, team?: string) => {
      const result = seats.take({ playerId, team, seatToken: tokens.get(playerId) }, `s-${playerId}`, false);
      if ('seat' in result && result.token !== null) tokens.set(playerId, result.token);
      return result;
    };
    expect(take('player-001', 'blue')).toMatchObject({ seat: { team: 'blue', role: 'captain' } });
    expect(take('player-002')).toMatchObject({ seat: { team: 'red', role: 'captain' } });
    for (const id of ['player-003', 'player-004', 'player-005'])
      expect(take(id, 'blue')).toMatchObject({ seat: { team: 'blue', role: 'player' } });
    expect(take('player-006', 'blue')).toEqual({ refused: 'team-full' });
    expect(take('player-006', 'green')).toEqual({ refused: 'no-such-team' });
    expect(take('player-001')).toMatchObject({
      seat: { team: 'blue', role: 'captain' },
      rejoined: true,
      token: null,
      replaced: 's-player-001',
    });
    expect(seats.take({ playerId: 'player-007', role: 'instructor' }, 's7', false)).toEqual({ refused: 'role-not-available' });
  });

  it('a known player id without the seat token the room issued gets no seat, and a wrong token neither', () => {
    const seats = new Seats('match', ['red', 'blue']);
    const first = seats.take({ playerId: 'teacher-01' }, 's1', false);
    if (!('seat' in first) || first.token === null) throw new Error('no seat');
    expect(seats.take({ playerId: 'teacher-01' }, 's2', false)).toEqual({ refused: 'seat-taken' });
    expect(seats.take({ playerId: 'teacher-01', seatToken: 'x'.repeat(32) }, 's2', false)).toEqual({ refused: 'seat-taken' });
    expect(seats.take({ playerId: 'teacher-01', seatToken: first.token }, 's3', false)).toMatchObject({
      seat: { seatId: first.seat.seatId },
      replaced: 's1',
    });
    // A resume only ever returns to the player's own seat.
    expect(seats.take({ playerId: 'stranger-01', resume: true }, 's4', false)).toEqual({ refused: 'no-seat' });
    expect(seats.take({ playerId: 'teacher-01', seatToken: first.token, resume: true }, 's5', false)).toMatchObject({
      seat: { seatId: first.seat.seatId },
    });
    // Only a hash of the token is kept.
    expect(JSON.stringify(seats.all())).not.toContain(first.token);
  });

  it('caps seats per room, per workshop team and spectators', () => {
    const seats = new Seats('workshop', ['a', 'b'], { perRoom: 6, perWorkshopTeam: 2, spectators: 1 });
    expect(seats.take({ playerId: 'instructor' }, 's0', true)).toMatchObject({ seat: { role: 'instructor' } });
    const teams = ['p1', 'p2', 'p3', 'p4'].map((id) => seats.take({ playerId: id }, id, false));
    expect(teams.map((r) => ('seat' in r ? r.seat.team : r.refused)).sort()).toEqual(['a', 'a', 'b', 'b']);
    expect(seats.take({ playerId: 'p5' }, 'p5', false)).toEqual({ refused: 'room-full' });
    // A seat nobody uses (away, never gave an order) is given up for a newcomer; a used one is not.
    const [p1, p2] = teams.map((r) => ('seat' in r ? r.seat : null));
    p1!.sessionId = null;
    p2!.sessionId = null;
    p2!.lastSeq = 0;
    expect(seats.take({ playerId: 'p5' }, 'p5', false)).toMatchObject({ seat: { team: p1!.team }, evicted: [p1] });
    expect(seats.take({ playerId: 'p6' }, 'p6', false)).toEqual({ refused: 'room-full' });
    expect(seats.take({ playerId: 'w1', role: 'spectator' }, 'w1', false)).toMatchObject({ seat: { role: 'spectator' } });
    expect(seats.take({ playerId: 'w2', role: 'spectator' }, 'w2', false)).toEqual({ refused: 'room-full' });
    // A participant does not choose a workshop team (one person could join a rival team to sabotage it).
    const roomy = new Seats('workshop', ['a', 'b']);
    expect(roomy.take({ playerId: 'p1', team: 'b' }, 'p1', false)).toEqual({ refused: 'team-chosen-by-room' });
  });

  it('a solo room has one player', () => {
    const seats = new Seats('solo', ['solo']);
    expect(seats.take({ playerId: 'player-001' }, 's1', true)).toMatchObject({ seat: { team: 'solo', role: 'captain' } });
    expect(seats.take({ playerId: 'player-002' }, 's2', false)).toEqual({ refused: 'room-full' });
  });
});

/** The refusal `run` throws: its reason and detail. */
function refusal(run: () => unknown): { reason: string; detail: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof JoinRefused) return { reason: error.reason, detail: error.detail, message: error.message };
    throw error;
  }
  throw new Error('not refused');
}

describe('room setup', () => {
  it("makes a record from a creator's options", () => {
    const { record } = newRoomRecord({ mode: 'workshop', playerId: 'teacher-01', teams: ['a', 'b'], seed: 7 }, 'ACDEFG');
    expect(record).toMatchObject({
      code: 'ACDEFG',
      mode: 'workshop',
      scenarioId: 'sandbox',
      seed: 7,
      settings: { teams: ['a', 'b'], public: false, creator: 'teacher-01' },
    });
  });

  it('refuses options no room can be made from with a reason code as the message, the detail kept apart', () => {
    expect(refusal(() => newRoomRecord({ mode: 'solo', playerId: 'player-001', scenario: 'atlantis' }, 'ACDEFG'))).toEqual({
      reason: 'unknown-scenario',
      detail: 'atlantis',
      message: 'unknown-scenario',
    });
    expect(refusal(() => newRoomRecord({ mode: 'match', playerId: 'player-001', teams: ['red', 'blue', 'red'] }, 'ACDEFG'))).toMatchObject({
      reason: 'duplicate-team',
      message: 'duplicate-team',
    });
    expect(refusal(() => newRoomRecord({ mode: 'arena', playerId: 'player-001' }, 'ACDEFG'))).toMatchObject({
      reason: 'invalid-create',
      detail: expect.stringMatching(/^mode: /),
    });
    expect(refusal(() => newRoomRecord(null, 'ACDEFG'))).toMatchObject({
      reason: 'invalid-create',
      detail: expect.stringMatching(/^\(root\): /),
    });
    expect(refusal(() => parseJoinOptions({ playerId: 'x' }))).toMatchObject({
      reason: 'invalid-join',
      detail: expect.stringMatching(/^playerId: /),
    });
  });

  it('refuses with no-free-code when every code it draws is taken', async () => {
    const presence = new LocalPresence();
    presence.hincrby = () => Promise.resolve(2);
    await expect(reserveCode(presence)).rejects.toMatchObject({ reason: 'no-free-code', message: 'no-free-code' });
  });
});

describe('zod errors as text', () => {
  it('are "path: message" per issue, the first three, then how many more', () => {
    const parsed = commandMessageSchema.safeParse({ seq: -1, command: { type: 'scale', id: 'web-1', count: 'x' }, team: 'RED', extra: 1 });
    expect(parsed.success).toBe(false);
    const text = formatZodError(parsed.error!);
    const parts = text.split('; ');
    expect(parts).toHaveLength(4);
    for (const part of parts.slice(0, 3)) expect(part).toMatch(/^[\w.()]+: \S/);
    expect(parts[3]).toMatch(/^\d+ more$/);
    expect(formatZodError(controlMessageSchema.safeParse('pause').error!)).toMatch(/^\(root\): /);
  });

  it('stay short whatever a client sends, and are the same for the same mistake', () => {
    const schema = z.object({}).strict();
    const huge = { ['k'.repeat(5000)]: 1 };
    const text = formatZodError(schema.safeParse(huge).error!);
    expect(text.length).toBeLessThanOrEqual(120);
    expect(formatZodError(schema.safeParse(huge).error!)).toBe(text);
  });
});

describe('join codes', () => {
  it('use six characters without look-alikes, and accept what people type', () => {
    for (const bad of ['0', 'O', '1', 'I', 'L', '5', 'S', '2', 'Z', '8', 'B']) expect(CODE_ALPHABET).not.toContain(bad);
    for (let i = 0; i < 200; i++) expect(isCode(randomCode())).toBe(true);
    expect(normaliseCode('ack-9 tx')).toBe('ACK9TX');
    expect(isCode('ACK9TX')).toBe(true);
    expect(isCode('ACK9T0')).toBe(false);
  });
});

describe('token bucket', () => {
  it('lets a burst through, then the rate', () => {
    const bucket = new TokenBucket(10, 20, 0);
    let passed = 0;
    for (let i = 0; i < 30; i++) if (bucket.take(0)) passed++;
    expect(passed).toBe(20);
    expect(bucket.take(50)).toBe(false); // half a token after 50 ms
    expect(bucket.take(100)).toBe(true); // one token after 100 ms at 10/s
    expect(bucket.take(100)).toBe(false);
  });
});
