/**
 * The rules of a session's seats without a server: moving and dealing participants (captains
 * follow), locking, removal, the join code in use, hints kept, and when a match may start.
 */
import { describe, expect, it } from 'vitest';
import type { JoinOptions } from '../../shared/protocol/messages';
import { HINTS_KEPT, workshopTeamIds } from '../../shared/protocol/roomActions';
import { matchStartRefusal } from '../../server/rooms/controls';
import { Seats, type Seat } from '../../server/rooms/seats';
import { RoomSession } from '../../server/rooms/session';

let next = 0;
const person = (overrides: Partial<JoinOptions> = {}): JoinOptions => ({ playerId: `player-${++next}-abcdef`, ...overrides });

function seat(seats: Seats, options: JoinOptions = person(), creator = false): Seat {
  const taken = seats.take(options, `session-${next}`, creator);
  if ('refused' in taken) throw new Error(taken.refused);
  return taken.seat;
}

describe("a workshop's seats", () => {
  it('deal every participant evenly over the teams, each team with one captain', () => {
    const teams = workshopTeamIds(4);
    const seats = new Seats('workshop', teams);
    const session = new RoomSession('ROOM42', {});
    seats.policy = session;
    seat(seats, person(), true);
    const people = Array.from({ length: 10 }, () => seat(seats));
    const reversed = seats.deal((list) => [...list].reverse());
    expect(reversed.length).toBeGreaterThan(0);
    const sizes = teams.map((team) => seats.members(team).length);
    expect(sizes).toEqual([3, 3, 2, 2]);
    for (const team of teams) expect(seats.members(team).filter((s) => s.role === 'captain')).toHaveLength(1);
    expect(people.every((p) => p.team !== null)).toBe(true);
  });

  it('move a participant to a team with room: that team keeps its captain, the one left gets a new one', () => {
    const seats = new Seats('workshop', ['team-1', 'team-2'], { perRoom: 100, perWorkshopTeam: 2, spectators: 5 });
    seats.policy = { placement: 'choose', locked: false, removed: new Set() };
    const [a, b, c, d] = ['team-1', 'team-2', 'team-1', 'team-2'].map((team) => seat(seats, person({ team }))) as [Seat, Seat, Seat, Seat];
    expect(seats.moveTo(a, 'team-2')).toBe('team-full');
    expect(seats.moveTo(a, 'team-9')).toBe('no-such-team');
    seats.remove(d);
    expect(seats.moveTo(a, 'team-2')).toBeNull();
    expect([a.role, b.role, c.role]).toEqual(['player', 'captain', 'captain']);
  });

  it('when locked take no newcomer but give a seated player their seat back; a removed player never sits again', () => {
    const seats = new Seats('workshop', ['team-1']);
    const session = new RoomSession('ROOM42', {});
    seats.policy = session;
    const options = person();
    const first = seats.take(options, 's1', false);
    if ('refused' in first) throw new Error(first.refused);
    session.locked = true;
    expect(seats.take(person(), 's2', false)).toEqual({ refused: 'room-locked' });
    expect(seats.take({ ...options, seatToken: first.token as string }, 's3', false)).toMatchObject({ rejoined: true });
    session.removed.add(options.playerId);
    seats.remove(first.seat);
    session.locked = false;
    expect(seats.take({ ...options, seatToken: first.token as string }, 's4', false)).toEqual({ refused: 'removed' });
  });
});

describe("a session's code and hints", () => {
  it('admits newcomers by the code in use only, and keeps it through a snapshot', () => {
    const session = new RoomSession('ROOM42', { placement: 'choose', pauseOnDrop: false });
    expect(session.admits(undefined)).toBe(true);
    expect(session.admits('ROOM42')).toBe(true);
    session.code = 'NEW777';
    expect(session.admits(undefined)).toBe(false);
    expect(session.admits('ROOM42')).toBe(false);
    expect(session.admits('NEW777')).toBe(true);
    for (let i = 0; i < HINTS_KEPT + 3; i++) session.addHint({ tick: i, en: `hint ${i}` });
    expect(session.hints.map((h) => h.tick)).toEqual(Array.from({ length: HINTS_KEPT }, (_, i) => i + 3));
    const restored = new RoomSession('ROOM42', {}, JSON.parse(JSON.stringify(session.snapshot())));
    expect(restored.snapshot()).toEqual(session.snapshot());
    expect([restored.code, restored.placement, restored.pauseOnDrop]).toEqual(['NEW777', 'choose', false]);
  });
});

describe("a match's start", () => {
  it('needs a player on every team and every player ready', () => {
    const seats = new Seats('match', ['red', 'blue']);
    const red = seat(seats, person({ team: 'red' }));
    expect(matchStartRefusal(seats)).toBe('team blue has no player');
    const blue = seat(seats, person({ team: 'blue' }));
    expect(matchStartRefusal(seats)).toBe('2 player(s) not ready');
    red.ready = true;
    blue.ready = true;
    expect(matchStartRefusal(seats)).toBeNull();
    // Changing team un-readies.
    seat(seats, person({ team: 'red' })).ready = true;
    expect(seats.moveTo(blue, 'red')).toBeNull();
    expect(matchStartRefusal(seats)).toBe('team blue has no player');
  });
});
