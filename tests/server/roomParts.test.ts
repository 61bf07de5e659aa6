/** The room's collaborators on their own: team simulations and snapshots, seats, join codes, the token bucket. */
import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../shared/scenarios';
import type { CommandEntry } from '../../shared/sim';
import { CODE_ALPHABET, isCode, normaliseCode, randomCode } from '../../server/rooms/joinCode';
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
    const take = (playerId: string, team?: string) => seats.take({ playerId, team }, `s-${playerId}`, false);
    expect(take('player-001', 'blue')).toMatchObject({ seat: { team: 'blue', role: 'captain' } });
    expect(take('player-002')).toMatchObject({ seat: { team: 'red', role: 'captain' } });
    for (const id of ['player-003', 'player-004', 'player-005']) expect(take(id, 'blue')).toMatchObject({ seat: { team: 'blue', role: 'player' } });
    expect(take('player-006', 'blue')).toEqual({ refused: 'team blue is full' });
    expect(take('player-001')).toMatchObject({ seat: { team: 'blue', role: 'captain' }, rejoined: true });
    expect(seats.take({ playerId: 'player-007', role: 'instructor' }, 's7', false)).toEqual({ refused: 'only the creator of a workshop is its instructor' });
  });

  it('a solo room has one player', () => {
    const seats = new Seats('solo', ['solo']);
    expect(seats.take({ playerId: 'player-001' }, 's1', true)).toMatchObject({ seat: { team: 'solo', role: 'captain' } });
    expect(seats.take({ playerId: 'player-002' }, 's2', false)).toEqual({ refused: 'a solo game has one player' });
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
