/**
 * The compact replay file: it says the same replay in fewer bytes and gives back exactly the
 * document it was made from (any valid one: a property test), a one-hour workshop's replay stays
 * under 100 KB, the full form replays were saved in before still reads, and a compact file whose
 * parts were changed is refused saying where, as is one from a newer game.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReplayDocument } from '../../shared/protocol/results';
import { encodeReplay } from '../../shared/replay/compact';
import { readReplay } from '../../shared/replay/readReplay';
import { loadPreset } from '../../shared/scenarios';
import { replayForDownload } from '../../server/http/replayDownload';
import { replayDocument } from './replayArbitrary';
import { servedReplay } from './servedReplay';
import { workshopReplay } from './workshopLog';

/** Through JSON and back, as a file or the server's answer travels. */
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

const small: ReplayDocument = {
  id: 'aB3_x-9Q',
  scenario: loadPreset('sandbox'),
  seed: 42,
  teams: ['red', 'blue'],
  log: [
    { tick: 3, team: 'blue', player: 'AAAAAAAA', seq: 0, command: { type: 'buy', kind: 'web', region: 'ap', size: 'small' } },
    { tick: 3, team: 'red', player: 'BBBBBBBB', seq: 4, command: { type: 'connect', from: 'users', to: 'web-2' } },
    { tick: 10, team: 'blue', player: 'AAAAAAAA', seq: 1, command: { type: 'buy', kind: 'lb', region: 'ap' } },
    { tick: 12, team: 'blue', player: 'AAAAAAAA', seq: 3, command: { type: 'buy', kind: 'web', region: 'na', size: 'large' } },
    { tick: 12, team: 'green', player: 'CCCCCCCC', seq: 0, command: { type: 'rollback' } },
  ],
  finalTick: 60,
  finalHashes: { red: '0123456789abcdef', blue: 'fedcba9876543210' },
  version: 1,
};

describe('a compact replay', () => {
  it('names each team, seat and command shape once and writes each entry as numbers and values', () => {
    const compact = encodeReplay(small);
    expect(compact).toMatchObject({ format: 2, id: 'aB3_x-9Q', version: 1, seed: 42, finalTick: 60, teams: ['red', 'blue'] });
    expect(compact.otherTeams).toEqual(['green']);
    expect(compact.players).toEqual(['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC']);
    expect(compact.shapes).toEqual([['buy', 'kind', 'region', 'size'], ['connect', 'from', 'to'], ['buy', 'kind', 'region'], ['rollback']]);
    // [ticks since the previous entry, team, player, seq less the player's previous seq + 1, shape, ...values]
    expect(compact.log).toEqual([
      [3, 1, 0, 0, 0, 'web', 'ap', 'small'],
      [0, 0, 1, 4, 1, 'users', 'web-2'],
      [7, 1, 0, 0, 2, 'lb', 'ap'],
      [2, 1, 0, 1, 0, 'web', 'na', 'large'],
      [0, 2, 2, 0, 3],
    ]);
    expect(readReplay(viaJson(compact))).toEqual({ ok: true, replay: small });
  });

  it('reads back exactly the document it was made from, whatever the document', () => {
    fc.assert(
      fc.property(replayDocument, (doc) => {
        const read = readReplay(viaJson(encodeReplay(doc)));
        if (!read.ok) throw new Error(`${read.error}: ${read.detail}`);
        expect(read.replay).toEqual(doc);
        // The same entries in the same order, each command's fields in the order written.
        expect(JSON.stringify(read.replay.log)).toBe(JSON.stringify(doc.log));
      }),
      { numRuns: 150 },
    );
  });

  it("keeps a one-hour workshop's replay (60 people in 12 teams, ~20 orders each) under 100 KB", () => {
    const doc = workshopReplay();
    expect(doc.log.length).toBeGreaterThanOrEqual(1200);
    expect(new Set(doc.log.map((entry) => entry.player)).size).toBe(61);
    const compact = encodeReplay(doc);
    const full = bytes(doc);
    const size = bytes(compact);
    console.log(
      `workshop replay (${doc.log.length} entries): full form ${(full / 1024).toFixed(1)} KB, compact ${(size / 1024).toFixed(1)} KB`,
    );
    // The full form of the same game is past the goal, as the server's answers were.
    expect(full).toBeGreaterThan(100 * 1024);
    expect(size).toBeLessThan(100 * 1024);
    expect(readReplay(viaJson(compact))).toEqual({ ok: true, replay: doc });
  });

  it('is what the server sends for a stored replay, without the store’s own fields', () => {
    const record = { ...small, roomId: 'ROOM42', createdAt: '2026-01-01T00:00:00.000Z' };
    const answer = viaJson(replayForDownload(record));
    expect(answer).toMatchObject({ format: 2, id: small.id });
    expect(JSON.stringify(answer)).not.toContain('ROOM42');
    expect(servedReplay(answer)).toEqual(small);
    expect(() => servedReplay({ ...(answer as object), players: [] })).toThrow(/damaged: log\.0\.2/);
  });
});

describe('reading a replay', () => {
  it('reads the full form older files are in, with or without the fields it once carried', () => {
    expect(readReplay(viaJson(small))).toEqual({ ok: true, replay: small });
    const served = { ...small, roomId: 'ROOM42', createdAt: '2026-01-01T00:00:00.000Z' };
    expect(readReplay(viaJson(served))).toEqual({ ok: true, replay: small });
    const { id: _id, version: _version, ...bare } = small;
    expect(readReplay(viaJson(bare), 'dropped')).toEqual({ ok: true, replay: { ...small, id: 'dropped', version: null } });
  });

  it('refuses a compact file whose parts were changed, saying which', () => {
    const compact = viaJson(encodeReplay(small)) as ReturnType<typeof encodeReplay>;
    const changed = (change: (copy: typeof compact) => void) => {
      const copy = structuredClone(compact);
      change(copy);
      return readReplay(copy);
    };
    const cases: Array<[string, (copy: typeof compact) => void]> = [
      ['log.1.2', (c) => (c.log[1]![2] = 3)], // a fourth player of three
      ['log.0.1', (c) => (c.log[0]![1] = 7)], // a team past the three named
      ['log.2.4', (c) => (c.log[2]![4] = 9)], // a shape that is not there
      ['log.3.5', (c) => c.log[3]!.pop()], // a value missing
      ['log.4', (c) => (c.log[4] = [0, 2])], // an entry cut short
      ['log.2.tick', (c) => (c.log[2]![0] = -11)], // back before the start
      ['log.1.command', (c) => (c.shapes[1]![0] = 'teleport')], // a command type that does not exist
      ['log.0.command', (c) => (c.log[0]![7] = 'enormous')], // a size that does not exist
      ['shapes.0', (c) => (c.shapes[0]![1] = '__proto__')],
      ['players', (c) => delete (c as Partial<typeof c>).players],
      ['scenario', (c) => (c.scenario = { ...c.scenario, regions: [] })],
    ];
    for (const [where, change] of cases) {
      const read = changed(change);
      expect(read.ok, where).toBe(false);
      if (read.ok) continue;
      expect(read.error, where).toBe('damaged');
      expect(read.detail, where).toContain(where);
    }
  });

  it('refuses a replay from a newer game, and what is no replay at all', () => {
    expect(readReplay({ ...(viaJson(encodeReplay(small)) as object), format: 3 })).toMatchObject({ ok: false, error: 'newerFormat' });
    for (const other of [{ format: 'two' }, { format: 1.5 }, {}, [], 42, null, small.log[0]]) {
      expect(readReplay(other), JSON.stringify(other)).toMatchObject({ ok: false, error: 'notReplay' });
    }
  });
});
